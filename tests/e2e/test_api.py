"""The API on a real SQLite database of the bundled examples: every endpoint and
filter, bad parameters (422 with the parameter named, never a 500), read-only."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warlog.api.app import create_app
from warlog.batch.local import ingest_report
from warlog.store.engine import open_store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, example_reports: Any, country_of: Any) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'warlog.sqlite3'}"
    store = open_store(url)
    for report in example_reports:
        assert ingest_report(store, report, country_of=country_of).status == "new"
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    store = open_store(db)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def cli_json_lines(*args: str) -> list[dict[str, Any]]:
    done = subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True, text=True,
                          check=True, cwd=REPO)
    return [json.loads(line) for line in done.stdout.splitlines()]


def every_event(client: TestClient, **params: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = client.get("/api/events", params={**params, "offset": len(out), "limit": 5}).json()
        out += page["events"]
        if len(out) >= page["total"]:
            return out


def test_events_are_those_of_the_events_command_page_by_page(client: TestClient, db: str) -> None:
    assert every_event(client) == cli_json_lines("events", "--json", "--db", db)
    first = client.get("/api/events", params={"limit": 2, "offset": 1}).json()
    assert (first["offset"], first["limit"], len(first["events"])) == (1, 2, 2)


def test_date_and_country_filters_match_the_events_command(client: TestClient, db: str) -> None:
    mine = every_event(client, since="2024-01-01", until="2024-02-29", country="jo")
    assert mine == cli_json_lines("events", "--json", "--db", db, "--since", "2024-01-01",
                                  "--until", "2024-02-29", "--country", "JO")
    assert mine and all(e["location"]["country"] == "JO" for e in mine)


def common_value(client: TestClient, facet: str) -> str:
    """The most frequent value of a facet on record: a filter on it keeps some events."""
    return str(client.get("/api/facets").json()[facet][0]["value"])


def in_box(e: dict[str, Any], west: float, south: float, east: float, north: float) -> bool:
    loc = e["location"] or {}
    return (loc.get("lat") is not None and south <= loc["lat"] <= north
            and west <= loc["lon"] <= east)


@pytest.mark.parametrize("name", ["sub_type", "weapon", "actor", "bbox"])
def test_each_filter_keeps_exactly_the_events_it_names(client: TestClient, name: str) -> None:
    everything = every_event(client)
    holds: Callable[[dict[str, Any]], bool]
    if name == "sub_type":
        value = common_value(client, "sub_types")
        holds = lambda e: e["sub_type"] == value
    elif name == "weapon":
        value = common_value(client, "weapons")
        holds = lambda e: e["weapon"] == value
    elif name == "actor":
        whole = common_value(client, "actors")
        value = whole[1:-1].swapcase()          # a part of the name, in another case
        holds = lambda e: any(value.lower() in ((e[k] or {}).get("name") or "").lower()
                              for k in ("attacker", "target"))
    else:
        value = "34,29,40,34"                   # the Levant: Jordan, Syria's south, Israel
        holds = lambda e: in_box(e, 34, 29, 40, 34)
    kept = every_event(client, **{name: value})
    assert kept, f"the examples have events for {name}={value}"
    assert kept == [e for e in everything if holds(e)]


def test_bbox_across_the_antimeridian_and_empty_results(client: TestClient) -> None:
    assert client.get("/api/events", params={"bbox": "170,-10,-170,10"}).json()["total"] == 0
    wide = client.get("/api/events", params={"bbox": "-10,-90,-20,90"}).json()
    assert wide["total"] > 0, "west > east: everything but a thin band"
    none = client.get("/api/events", params={"country": "ZZ"}).json()
    assert none == {"events": [], "limit": 100, "offset": 0, "total": 0}


@pytest.mark.parametrize(("query", "named"), [
    ("since=yesterday", "since"), ("until=2024-13-01", "until"), ("country=IRQ", "country"),
    ("country=1Q", "country"), ("weapon=laser", "weapon"), ("sub_type=Air Strike", "sub_type"),
    ("bbox=1,2,3", "bbox"), ("bbox=0,95,10,96", "bbox"), ("bbox=a,b,c,d", "bbox"),
    ("bbox=-200,0,0,10", "bbox"), ("limit=0", "limit"), ("limit=5000", "limit"),
    ("offset=-1", "offset"), ("contry=IQ", "contry"), ("since=2024-02-01&until=2024-01-01", "since"),
    ("actor=", "actor"),
])
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, query: str, named: str) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"]["code"] == "E701"
    assert named in body["error"]["message"]
    assert body["error"]["message"].startswith("[E701] bad request: ")


def test_one_event_with_every_source_and_its_evidence(client: TestClient) -> None:
    tower = max(every_event(client), key=lambda e: (len(e["sources"]), e["id"]))
    assert len(tower["sources"]) >= 2, "some example event is told by two reports"
    r = client.get(f"/api/events/{tower['id']}")
    assert r.status_code == 200
    event = r.json()
    assert {k: v for k, v in event.items() if k != "sources"} == \
        {k: v for k, v in tower.items() if k != "sources"}
    assert len(event["sources"]) == len(tower["sources"])
    for source in event["sources"]:
        doc = client.get(f"/api/documents/{source['document']['id']}").json()
        assert source["evidence"], "each source gives its evidence"
        for span in source["evidence"]:
            assert span["text"] == doc["text"][span["start"]:span["end"]]
        assert source["reading"]["id"] == source["event_id"], "the EVENT as that report told it"
        assert source["reading"]["sub_type"]


def test_documents_give_text_and_dropped_parts(client: TestClient) -> None:
    event = every_event(client)[0]
    doc_id = event["sources"][0]["document"]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["id"] == doc_id and doc["text_chars"] == len(doc["text"]) > 0
    assert isinstance(doc["dropped"], list) and doc["current"] is True


@pytest.mark.parametrize("path", ["/api/events/0123456789abcdef", "/api/documents/" + "0" * 64])
def test_unknown_ids_are_404_with_a_code(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["code"] in ("E702", "E703")


def test_malformed_ids_are_422(client: TestClient) -> None:
    for path in ("/api/events/NOT-AN-ID", "/api/documents/..%2F..%2Fetc"):
        r = client.get(path)
        assert r.status_code in (404, 422) and "error" in r.json()


def test_tally_is_the_tally_command(client: TestClient, db: str) -> None:
    for args in ({}, {"by": "week"}, {"by": "actor", "since": "2024-01-01", "until": "2024-03-31"}):
        flags = [f"--{k}={v}" for k, v in args.items()]
        assert client.get("/api/tally", params=args).json() == \
            cli_json_lines("tally", "--json", "--db", db, *flags)[0]
    assert client.get("/api/tally", params={"by": "month"}).status_code == 422


def test_claims_listed_with_their_reports(client: TestClient) -> None:
    every = client.get("/api/claims").json()
    assert every["total"] == len(every["claims"]) > 0
    for c in every["claims"]:
        assert c["claim"]["kind"] in ("attack_count", "killed_count", "injured_count")
        assert c["document"]["id"]
    attacks = client.get("/api/claims", params={"kind": "attack_count"}).json()["claims"]
    assert attacks and all(c["claim"]["kind"] == "attack_count" for c in attacks)
    early = client.get("/api/claims", params={"until": "2023-12-31"}).json()["claims"]
    assert all(c["as_of"] <= "2023-12-31" for c in early)
    assert client.get("/api/claims", params={"kind": "rumour"}).status_code == 422


def test_map_clusters_add_up_to_the_events_in_the_filter(client: TestClient) -> None:
    for zoom in (1, 4, 10):
        for params in ({}, {"weapon": "drone"}, {"view": "30,25,50,40"}):
            data = client.get("/api/map", params={**params, "zoom": zoom}).json()
            total = client.get("/api/events", params={k: v for k, v in params.items()
                                                      if k != "view"}).json()["total"]
            placed = sum(c["count"] for c in data["clusters"])
            assert data["total"] == total
            assert placed + data["unlocated"] + data["outside_view"] == total
            singles = [c for c in data["clusters"] if c["count"] == 1]
            assert all(c["event"]["id"] for c in singles)
    assert client.get("/api/map", params={"zoom": 30}).status_code == 422
    assert client.get("/api/map", params={"view": "x"}).status_code == 422


def test_timeline_counts_every_event_in_the_filter(client: TestClient) -> None:
    for step in ("day", "week", "auto"):
        data = client.get("/api/timeline", params={"step": step, "country": "IQ"}).json()
        total = client.get("/api/events", params={"country": "IQ"}).json()["total"]
        assert sum(b["count"] for b in data["buckets"]) + data["undated"] == data["total"] == total
    weeks = client.get("/api/timeline", params={"step": "week"}).json()["buckets"]
    assert all(__import__("datetime").date.fromisoformat(b["start"]).weekday() == 0 for b in weeks)
    assert client.get("/api/timeline", params={"step": "year"}).status_code == 422


def test_facets_list_the_menus(client: TestClient) -> None:
    f = client.get("/api/facets").json()
    assert f["total"] == client.get("/api/events").json()["total"]
    jordan = client.get("/api/events", params={"country": "JO"}).json()["total"]
    assert {"value": "JO", "count": jordan} in f["countries"]
    assert sum(w["count"] for w in f["weapons"]) == f["total"]


def test_read_only_and_json_errors(client: TestClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405 and r.json()["error"]["message"]
    r = client.get("/api/nowhere")
    assert r.status_code == 404 and "error" in r.json()


def test_openapi_is_published_and_no_cdn_docs(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/tally", "/api/claims",
                 "/api/documents/{document_id}"):
        assert path in schema["paths"] and list(schema["paths"][path]) == ["get"]
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names == {"since", "until", "country", "sub_type", "weapon", "actor", "bbox",
                     "offset", "limit"}
    assert client.get("/docs").status_code == 404, "Swagger UI loads from a CDN: off"


def test_dashboard_and_security_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>warlog" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", ""), "no outside address in the page"
    for asset in ("/static/app.js", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/world-atlas/countries-50m.json",
                  "/static/vendor/topojson-client/topojson-client.min.js"):
        assert client.get(asset).status_code == 200, asset


def test_same_answers_from_postgresql(client: TestClient, postgres_url: str, example_reports: Any,
                                      country_of: Any) -> None:
    store = open_store(postgres_url)
    for report in example_reports:
        ingest_report(store, report, country_of=country_of)
    with TestClient(create_app(store)) as pg:
        for path in ("/api/events?limit=1000", "/api/tally", "/api/claims", "/api/map?zoom=3",
                     "/api/timeline?step=week", "/api/facets"):
            assert pg.get(path).content == client.get(path).content, path
    store.close()


def test_an_ingest_beside_a_running_server_shows_up(tmp_path: Path, example_reports: Any,
                                                    country_of: Any) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'growing.sqlite3'}")
    first, *rest = example_reports
    ingest_report(store, first, country_of=country_of)
    with TestClient(create_app(store, recheck=0.0)) as c:
        before = c.get("/api/events").json()["total"]
        for report in rest:
            ingest_report(store, report, country_of=country_of)
        after = c.get("/api/events").json()["total"]
        assert after > before
        assert c.get("/api/facets").json()["total"] == after
    store.close()


def test_a_slow_change_check_never_holds_up_a_request(tmp_path: Path, example_reports: Any,
                                                      country_of: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # at a million events a catch-up takes seconds: requests go on with the snapshot
    # they have while it runs, and the change shows up once it is done
    import threading

    from warlog.api import index as index_module

    store = open_store(f"sqlite:///{tmp_path / 'slow.sqlite3'}")
    first, *rest = example_reports
    ingest_report(store, first, country_of=country_of)
    real_mark = index_module.content_mark
    release = threading.Event()
    started = threading.Event()

    def slow_mark(conn: Any) -> tuple[object, ...]:
        if index_module.threading.current_thread().name == "warlog-index":
            started.set()
            assert release.wait(30)
        return real_mark(conn)

    with TestClient(create_app(store, recheck=0.01)) as c:
        before = c.get("/api/events").json()["total"]       # starts the checks
        monkeypatch.setattr(index_module, "content_mark", slow_mark)
        assert started.wait(30)                               # one is under way, held
        for report in rest:
            ingest_report(store, report, country_of=country_of)
        import time as _time
        assert c.get("/api/events").json()["total"] == before  # answered meanwhile
        assert c.get("/api/events").json()["total"] == before  # still checking: answered
        release.set()
        deadline = _time.monotonic() + 30
        while c.get("/api/events").json()["total"] == before and _time.monotonic() < deadline:
            _time.sleep(0.05)
        assert c.get("/api/events").json()["total"] > before
    store.close()



def test_concurrent_asks_for_one_tally_count_it_once(db: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # twelve clients opening the dashboard together: one count, eleven waiting for it
    import threading

    from warlog.api import routes

    real = routes.tally_of_index
    release = threading.Event()
    counted: list[str] = []

    def held(*args: Any, **kwargs: Any) -> Any:
        counted.append(kwargs["by"])
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(routes, "tally_of_index", held)
    store = open_store(db)
    with TestClient(create_app(store)) as c:
        app: Any = c.app
        key = (app.state.index.current().mark, None, None, "weapon")
        answers: list[Any] = []
        threads = [threading.Thread(target=lambda: answers.append(c.get("/api/tally?by=weapon")))
                   for _ in range(12)]
        for t in threads:
            t.start()
        for _ in range(3000):       # until eleven wait on the first one's count
            if app.state.tallies.waiting(key) == 11:
                break
            threading.Event().wait(0.01)
        waited = app.state.tallies.waiting(key)
        release.set()
        for t in threads:
            t.join(30)
        again = c.get("/api/tally?by=weapon")
        other = c.get("/api/tally?by=actor")
    store.close()
    assert waited == 11
    assert [a.status_code for a in answers] == [200] * 12
    assert {a.content for a in answers} == {again.content}
    assert counted == ["weapon", "actor"] and app.state.tallies.computed == 2
    assert json.loads(again.content)["by"] == "weapon" and other.status_code == 200


def test_pages_resolve_responses_as_the_whole_index_would(db: str) -> None:
    # a page looks up only the report events its records respond to
    from warlog.api.detail import page_records
    from warlog.link.records import resolve_responses
    from warlog.store.queries_api import all_merged_bodies
    from warlog.store.repository import merged_index

    store = open_store(db)
    with store.read() as conn:
        bodies = {b["id"]: b for b in all_merged_bodies(conn)}
        every = merged_index(conn)
        ids = sorted(bodies)
        assert page_records(conn, ids) == [resolve_responses(bodies[i], every) for i in ids]
    store.close()
