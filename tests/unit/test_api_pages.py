"""The record cache changes no output: a page joined from cached records is the bytes
of encoding the whole page; a new content mark empties it; it stays bounded."""

from __future__ import annotations

from typing import Any

from warlog.api.pages import RecordCache, encode
from warlog.api.responses import SortedJSON


def records(ids: list[str]) -> list[dict[str, Any]]:
    return [{"id": i, "z": [1, {"b": "ü", "a": None}], "a": f"<{i}>"} for i in ids]


def test_joined_page_is_the_whole_page_encoded() -> None:
    cache = RecordCache(size=3)
    calls: list[list[str]] = []

    def load(ids: list[str]) -> list[dict[str, Any]]:
        calls.append(ids)
        return records(ids)

    for _ in range(2):
        got = cache.encoded(["b", "a", "c"], mark=(1,), load=load)
        page = ('{"events":[' + ",".join(got) + "]," + encode({"limit": 3, "offset": 0,
                                                              "total": 9})[1:]).encode()
        whole = SortedJSON({"events": records(["b", "a", "c"]), "limit": 3, "offset": 0,
                            "total": 9}).body
        assert page == whole
    assert calls == [["b", "a", "c"]], "the second page came from the cache"


def test_a_new_mark_empties_the_cache_and_it_stays_bounded() -> None:
    cache = RecordCache(size=2)
    seen: list[list[str]] = []

    def load(ids: list[str]) -> list[dict[str, Any]]:
        seen.append(ids)
        return records(ids)

    cache.encoded(["a", "b"], mark=(1,), load=load)
    cache.encoded(["a", "b"], mark=(2,), load=load)
    assert seen == [["a", "b"], ["a", "b"]]
    cache.encoded(["c"], mark=(2,), load=load)         # evicts the least recent, "a"
    cache.encoded(["a", "c"], mark=(2,), load=load)
    assert seen[-1] == ["a"]
    missing = cache.encoded(["gone"], mark=(2,), load=lambda ids: [])
    assert missing == [], "an id the store no longer has is left out"
