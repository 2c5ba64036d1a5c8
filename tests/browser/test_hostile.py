"""Hostile report text and metadata in real Chromium (issue 15, deliverable 4): SQL,
event handlers, javascript: links and frames in a report's text, title, outlet and URL
show as the characters they are in the list, the event panel and its evidence, run
nothing, and change nothing stored."""

from __future__ import annotations

from typing import Any

from conftest import HOSTILE_SQL_META, HOSTILE_SQL_TEXT

JUNE = "?since=2024-06-10&until=2024-06-10"
FOREIGN = "#panel iframe, #panel svg, #panel script, #panel img, #list iframe, #list svg, #list script"


def hostile(dashboard: Any) -> dict[str, Any]:
    found = dashboard.api(f"/api/events{JUNE}")["events"]
    return next(e for e in found
                if e["sources"][0]["document"]["title"] == HOSTILE_SQL_META["title"])


def test_sql_handlers_and_javascript_links_stay_inert_text(dashboard: Any) -> None:
    dialogs: list[str] = []
    page = dashboard.open(JUNE)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    before = dashboard.api("/api/events?limit=1000")
    event = hostile(dashboard)
    assert "Odesa" in page.inner_text("#list")
    page = dashboard.open(f"{JUNE}&event={event['id']}")
    page.wait_for_selector("#panel:not([hidden]) .report-text")
    text = page.inner_text("#panel .report-text")
    for piece in ('<a href="javascript:', "<iframe src=", '"><svg/onload=', "1' OR '1'='1",
                  "DROP TABLE merged_events"):
        assert piece in text, piece
    evidence = page.locator("#panel mark.evidence")
    assert evidence.count() >= 1, "the evidence sentences are marked in the text"
    assert all(evidence.nth(i).inner_text() in HOSTILE_SQL_TEXT for i in range(evidence.count()))
    assert page.locator(FOREIGN).count() == 0
    links = page.locator("#panel a")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert all(h.startswith("https://evil.example/") for h in hrefs), hrefs
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert page.locator("#panel a *").count() == 0, "the link holds text only"
    heading = page.inner_text("#panel .source h4")
    assert HOSTILE_SQL_META["title"] in heading
    assert "<svg onload=alert(2)>Wire" in page.inner_text("#panel")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.body.dataset.pwned") is None
    assert dialogs == []
    assert dashboard.api("/api/events?limit=1000") == before, "nothing stored changed"
    source = event["sources"][0]["document"]["id"]
    assert dashboard.api(f"/api/documents/{source}")["text"].strip() == \
        HOSTILE_SQL_TEXT.strip(), "the text stored verbatim"
