"""The dashboard in real headless Chromium, as an analyst uses it."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

MAY_2024 = "?since=2024-05-01&until=2024-05-31"   # the two Kharkiv reports of conftest.py
MAP_COUNTS = """() => ({
  clusters: [...document.querySelectorAll('.ev-cluster .cluster-icon')]
              .reduce((n, el) => n + Number(el.dataset.count), 0),
  markers: document.querySelectorAll('path.ev-marker').length,
  status: {...document.getElementById('status').dataset},
})"""
TIMELINE_COUNTS = """() => ({
  bars: [...document.querySelectorAll('#timeline rect.bar')]
          .reduce((n, el) => n + Number(el.dataset.count), 0),
  total: Number(document.getElementById('timeline-total').dataset.total),
  undated: Number(document.getElementById('timeline-total').dataset.undated),
})"""


def test_page_loads_offline_with_no_request_leaving_loopback(dashboard: Any) -> None:
    page = dashboard.open()
    assert dashboard.requests, "the request log records the page's requests"
    assert not dashboard.outside_loopback()
    loaded = {urlsplit(u).path for u in dashboard.requests}
    assert {"/static/vendor/leaflet/leaflet.js", "/static/vendor/world-atlas/countries-50m.json",
            "/static/vendor/topojson-client/topojson-client.min.js"} <= loaded
    countries = page.locator(".leaflet-overlay-pane path:not(.ev-marker)").count()
    assert countries > 100, "Natural Earth country shapes drawn as the basemap"
    assert page.locator(".leaflet-tile").count() == 0, "no tiles"


def test_markers_and_cluster_counts_add_up_to_the_events_in_the_filter(dashboard: Any) -> None:
    for query in ("", "?weapon=drone", "?since=2024-01-01&until=2024-03-31"):
        page = dashboard.open(query)
        total = dashboard.api(f"/api/events{query}")["total"]
        for _zoom_step in range(3):
            seen = page.evaluate(MAP_COUNTS)
            status = seen["status"]
            assert int(status["total"]) == total
            assert seen["clusters"] + seen["markers"] == int(status["onMap"])
            assert int(status["onMap"]) + int(status["unlocated"]) + int(status["outside"]) == total
            page.click(".leaflet-control-zoom-in")
            page.wait_for_function("() => document.querySelectorAll('path.ev-marker, .ev-cluster').length > 0")
            page.wait_for_timeout(400)
            page.wait_for_load_state("networkidle")


def test_timeline_total_equals_the_api_count(dashboard: Any) -> None:
    for query in ("", "?country=IQ", "?step=day&weapon=drone", "?step=week"):
        page = dashboard.open(query)
        seen = page.evaluate(TIMELINE_COUNTS)
        total = dashboard.api(f"/api/events{query.replace('step=day&', '').replace('?step=week', '')}")["total"]
        assert seen["total"] == total
        assert seen["bars"] + seen["undated"] == total


def lone_event_country(dashboard: Any) -> str:
    """A country with one located event: a filter on it shows one marker."""
    for c in dashboard.api("/api/facets")["countries"]:
        shown = dashboard.api(f"/api/map?country={c['value']}")
        if c["count"] == 1 and shown["on_map"] == 1:
            return str(c["value"])
    raise AssertionError("the examples have a country with a single located event")


def test_clicking_an_event_shows_its_evidence_highlighted(dashboard: Any) -> None:
    dashboard.open()
    page = dashboard.open(f"?country={lone_event_country(dashboard)}")
    page.locator("path.ev-marker").first.dispatch_event("click")
    page.wait_for_selector("#panel:not([hidden]) mark.evidence")
    event_id = parse_qs(urlsplit(page.url).query)["event"][0]
    event = dashboard.api(f"/api/events/{event_id}")
    marks = page.locator("#panel mark.evidence").all_inner_texts()
    wanted = [e["text"] for s in event["sources"] for e in s["evidence"]]
    assert marks and all(any(w in m for m in marks) for w in wanted)
    panel = page.inner_text("#panel")
    for source in event["sources"]:
        assert source["document"]["outlet"] in panel
        for name in source["said_by"]:
            assert name in panel


def test_list_click_opens_the_panel_and_url_keeps_it(dashboard: Any) -> None:
    page = dashboard.open("?country=JO")
    page.locator("#list button").first.click()
    page.wait_for_selector("#panel:not([hidden]) .source")
    assert "event=" in page.url
    event_id = parse_qs(urlsplit(page.url).query)["event"][0]
    sources = len(dashboard.api(f"/api/events/{event_id}")["sources"])
    assert page.locator("#panel .source").count() == sources
    page.reload()
    dashboard.ready()
    assert page.locator("#panel .source").count() == sources, "the URL reopens the event"


def test_filters_change_the_url_and_the_view(dashboard: Any) -> None:
    page = dashboard.open()
    everything = int(page.get_attribute("#status", "data-total") or 0)
    page.select_option("select[name=country]", "IQ")
    page.wait_for_url("**/?country=IQ")
    dashboard.ready()
    iraq = dashboard.api("/api/events?country=IQ")["total"]
    assert int(page.get_attribute("#status", "data-total") or 0) == iraq < everything
    assert page.locator("#list li").count() == iraq
    page.fill("input[name=since]", "2024-01-01")
    page.dispatch_event("input[name=since]", "change")
    page.wait_for_url("**/?since=2024-01-01&country=IQ")
    dashboard.ready()
    later = dashboard.api("/api/events?country=IQ&since=2024-01-01")["total"]
    assert int(page.get_attribute("#timeline-total", "data-total") or 0) == later
    page.go_back()
    page.wait_for_url("**/?country=IQ")
    dashboard.ready()
    assert page.input_value("input[name=since]") == ""
    assert int(page.get_attribute("#status", "data-total") or 0) == iraq


def hostile_event(dashboard: Any) -> dict[str, Any]:
    found = dashboard.api("/api/events?since=2024-05-02&until=2024-05-02")["events"]
    return next(e for e in found if e["sources"][0]["document"]["title"].startswith("Drone strike <script>"))


def test_report_markup_renders_as_inert_text(dashboard: Any) -> None:
    dashboard.open()
    event = hostile_event(dashboard)
    page = dashboard.open(f"?event={event['id']}")
    page.wait_for_selector("#panel:not([hidden]) .report-text")
    text = page.inner_text("#panel .report-text")
    assert "<script>document.title='pwned'</script>" in text
    assert "<img src=x onerror=" in text
    assert page.locator("#panel img, #panel script, #panel b, #panel i").count() == 0
    assert "<script>alert(1)</script>" in page.inner_text("#panel .source h4")
    assert page.locator("#panel a").count() == 0, "a javascript: URL never becomes a link"
    assert page.title() == "warlog — events on record"
    assert page.evaluate("() => document.body.dataset.pwned") is None


def test_a_cluster_at_one_point_lists_its_events(dashboard: Any) -> None:
    page = dashboard.open(MAY_2024)      # the two Kharkiv reports (conftest)
    page.wait_for_selector(".ev-cluster")
    for _ in range(4):
        page.locator(".ev-cluster").first.click()
        if page.locator(".cluster-list button").count():
            break
        page.wait_for_timeout(500)
    buttons = page.locator(".cluster-list button")
    assert buttons.count() == dashboard.api(f"/api/events{MAY_2024}")["total"] == 2
    buttons.first.click()
    page.wait_for_selector("#panel:not([hidden]) mark.evidence")


def test_weapon_and_actor_filters_are_kept_in_the_url(dashboard: Any) -> None:
    page = dashboard.open()
    facets = dashboard.api("/api/facets")
    weapon = facets["weapons"][0]["value"]
    actor = facets["actors"][0]["value"].split()[-1].lower()    # a word of the top attacker
    page.select_option("select[name=weapon]", weapon)
    page.wait_for_url(f"**/?weapon={weapon}")
    dashboard.ready()
    page.fill("input[name=actor]", actor)
    page.dispatch_event("input[name=actor]", "change")
    query = urlencode({"weapon": weapon, "actor": actor})
    page.wait_for_url(f"**/?{query}")
    dashboard.ready()
    total = dashboard.api(f"/api/events?{query}")["total"]
    assert int(page.get_attribute("#status", "data-total") or 0) == total
    assert int(page.get_attribute("#timeline-total", "data-total") or 0) == total
    assert page.locator("#list li").count() == total
    page.reload()
    dashboard.ready()
    assert page.input_value("input[name=actor]") == actor
    assert page.input_value("select[name=weapon]") == weapon
