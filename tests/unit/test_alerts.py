"""Alert rules: each test holds exactly for the events it names; bad rules are E812;
the hook command gets each alert's JSON on stdin, without a shell."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from warlog.alerts import Alerts, distance_km, parse_rule, toll
from warlog.errors import WarlogError


def event(eid: str, *, country: str | None = None, lat: float | None = None,
          lon: float | None = None, attacker: str | None = None, target: str | None = None,
          killed: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    place = None if country is None and lat is None else {"name": "x", "country": country,
                                                           "lat": lat, "lon": lon}
    return {"id": eid, "location": place, "killed": killed or [], "injured": [],
            "attacker": {"text": attacker, "name": attacker} if attacker else None,
            "target": {"text": target, "name": target} if target else None}


BAGHDAD = (33.3152, 44.3661)
EVENTS = [
    event("a", country="IQ", lat=33.34, lon=44.40, attacker="Islamic Resistance in Iraq",
          killed=[{"low": 3, "best": 3, "high": 3}]),
    event("b", country="IQ", lat=36.19, lon=44.01, attacker="Kataib Hezbollah",
          killed=[{"low": 2, "best": None, "high": 9}, {"low": 1, "best": 1, "high": 1}]),
    event("c", country="SY", lat=35.33, lon=40.14, target="U.S. forces"),
    event("d"),
]


def fired(rule: str) -> list[str]:
    parsed = parse_rule(rule)
    return [e["id"] for e in EVENTS if parsed.holds(e)]


def test_each_test_holds_exactly_for_the_events_it_names() -> None:
    assert fired("country=IQ") == ["a", "b"]
    assert fired("country=sy") == ["c"]
    assert fired(f"near={BAGHDAD[0]},{BAGHDAD[1]},20") == ["a"]      # Erbil is 320 km off
    assert fired(f"near={BAGHDAD[0]},{BAGHDAD[1]},400") == ["a", "b"]
    assert fired("actor=hezbollah") == ["b"]
    assert fired("actor=U.S.") == ["c"]
    assert fired("killed>=3") == ["a", "b"]                         # b: lower bound 2 + exact 1
    assert fired("killed>=4") == []
    assert fired("country=IQ & killed>=3 & actor=resistance") == ["a"]
    assert fired("injured>=1") == []


def test_counts_and_distances() -> None:
    assert toll(EVENTS[1], "killed") == 3
    assert distance_km(*BAGHDAD, 36.19, 44.01) == pytest.approx(321, abs=5)


@pytest.mark.parametrize("rule", ["", "country=IRQ", "killed>3", "killed>=many", "near=1,2",
                                  "near=95,0,10", "place=Baghdad", "country>=IQ", "a & "])
def test_bad_rules_are_e802_naming_the_rule(rule: str) -> None:
    with pytest.raises(WarlogError) as err:
        parse_rule(rule)
    assert err.value.code == "E812" and repr(rule) in str(err.value)
    assert err.value.exit_code == 2


def test_alerts_write_a_line_per_matching_event_and_feed_the_hook(tmp_path: Path) -> None:
    hooked = tmp_path / "hooked.jsonl"
    hook = tmp_path / "hook.py"
    hook.write_text("import sys\nopen(sys.argv[1], 'a').write(sys.stdin.read())\n")
    out = io.StringIO()
    # quotes group words; a ';' or '|' would be an argument, not a shell operator
    alerts = Alerts([parse_rule("country=IQ"), parse_rule("killed>=3")], out=out,
                    command=f"{sys.executable} '{hook}' '{hooked}'")
    for e in EVENTS:
        alerts.consider(e, change="new")
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["event"]["id"] for line in lines] == ["a", "b"]
    assert json.loads(lines[0])["alert"] == ["country=IQ", "killed>=3"]
    assert json.loads(lines[1])["change"] == "new"
    assert hooked.read_text().splitlines() == lines
    assert alerts.fired == 2


def test_a_failing_hook_is_one_e803_and_the_alert_still_written() -> None:
    warned: list[WarlogError] = []
    out = io.StringIO()
    alerts = Alerts([parse_rule("country=SY")], out=out, warn=warned.append,
                    command="/nonexistent/notifier --loud")
    assert alerts.consider(EVENTS[2], change="updated")
    assert len(out.getvalue().splitlines()) == 1
    assert [w.code for w in warned] == ["E813"] and "/nonexistent/notifier" in str(warned[0])
    failing = Alerts([parse_rule("country=SY")], out=io.StringIO(), warn=warned.append,
                     command=f"{sys.executable} -c 'raise SystemExit(3)'")
    failing.consider(EVENTS[2], change="new")
    assert "exited with status 3" in str(warned[-1])
