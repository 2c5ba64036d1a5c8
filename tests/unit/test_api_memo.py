"""``api.memo.Memo``: a key asked by many threads at once is computed once; the
others wait for that answer (counted, not timed); a failure is not kept."""

from __future__ import annotations

import threading

import pytest

from warlog.api.memo import Memo


def test_concurrent_asks_of_one_key_compute_it_once() -> None:
    memo: Memo[bytes] = Memo(size=4)
    release = threading.Event()
    calls: list[int] = []

    def compute() -> bytes:
        calls.append(1)
        assert release.wait(30)
        return b"answer"

    got: list[bytes] = []
    threads = [threading.Thread(target=lambda: got.append(memo.get("k", compute)))
               for _ in range(12)]
    for t in threads:
        t.start()
    for _ in range(3000):             # until the eleven others wait on the first
        if memo.waiting("k") == 11:
            break
        threading.Event().wait(0.01)
    assert memo.waiting("k") == 11
    release.set()
    for t in threads:
        t.join(30)
    assert got == [b"answer"] * 12
    assert len(calls) == 1 and memo.computed == 1
    assert memo.get("k", compute) == b"answer" and len(calls) == 1   # kept


def test_a_failure_reaches_the_waiting_and_is_not_kept() -> None:
    memo: Memo[str] = Memo(size=4)

    def fail() -> str:
        raise ValueError("no")

    with pytest.raises(ValueError):
        memo.get("k", fail)
    assert memo.get("k", lambda: "fine") == "fine"
    assert memo.computed == 2


def test_the_least_recently_used_answer_goes_first() -> None:
    memo: Memo[str] = Memo(size=2)
    memo.get("a", lambda: "A")
    memo.get("b", lambda: "B")
    memo.get("a", lambda: "never")     # a used again
    memo.get("c", lambda: "C")         # b goes
    assert memo.get("a", lambda: "again") == "A"
    assert memo.get("b", lambda: "B2") == "B2"
