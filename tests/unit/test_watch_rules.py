"""The watch's schedule: durations, doubling waits for a failing source up to the cap,
and the line naming it; a stop before a poll polls nothing."""

from __future__ import annotations

import pytest

from warlog.errors import WarlogError
from warlog.ingest.fetch import FetchRules
from warlog.store.engine import open_store
from warlog.watch import Echo, Target, Watch, parse_every, shown_wait


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600),
                                                ("1.5m", 90), ("45", 45), ("1d", 86400)])
def test_durations(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "10 minutes", "0.5s", "-1m", "m"])
def test_bad_durations_are_e801(text: str) -> None:
    with pytest.raises(WarlogError) as err:
        parse_every(text)
    assert err.value.code == "E811" and err.value.exit_code == 2


def test_a_failing_source_waits_twice_as_long_each_time_up_to_the_cap(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    now = [1000.0]
    errors: list[str] = []
    watch = Watch(["http://no-such-host.invalid/feed.xml"], store=store,
                  resources=lambda: None, rules=FetchRules(timeout=2), every=10,
                  echo=Echo(out=lambda _line: None, err=errors.append), max_backoff=50,
                  clock=lambda: now[0])
    target = Target(watch.specs[0])
    waits = []
    for _ in range(5):
        watch._poll(target)
        waits.append(target.due - now[0])
    store.close()
    assert waits == [10, 20, 40, 50, 50]
    assert len(errors) == 5 and all(e.startswith("Error: [E141] http://no-such-host.invalid/feed.xml")
                                    for e in errors)
    assert errors[2].endswith("next try in 40s") and watch.failed_polls == 5
    assert shown_wait(600) == "10m" and shown_wait(7200) == "2h" and shown_wait(45) == "45s"


def test_a_stop_before_the_first_poll_polls_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    errors: list[str] = []
    watch = Watch([str(tmp_path / "missing")], store=store, resources=lambda: None,
                  rules=FetchRules(), every=1, echo=Echo(out=errors.append, err=errors.append))
    watch.stop.set()
    summary = watch.run()
    store.close()
    assert summary.outcomes == () and errors == []
