"""Answers computed once per key, however many requests ask at the same moment.

The dashboard asks for the same tally on every change of its other filters, and 20
clients opening it at once ask for the same one together. ``Memo.get`` computes a
missing key in the first request that asks; the others asking meanwhile wait for that
answer instead of computing it again beside it (on 2 cores, 20 copies of a tally over a
million events held every one of them up for seconds). At most ``size`` answers are
kept, the least recently used dropped first; a failed computation is not kept, and the
waiting requests get its error.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class _Flight(Generic[V]):
    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: V | None = None
        self.error: BaseException | None = None
        self.waiting = 0


class Memo(Generic[V]):
    def __init__(self, *, size: int = 64) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, V] = OrderedDict()
        self._flying: dict[Hashable, _Flight[V]] = {}
        self.computed = 0           # computations started (tests count them)

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
            flight = self._flying.get(key)
            leader = flight is None
            if flight is None:
                flight = self._flying[key] = _Flight()
                self.computed += 1
            else:
                flight.waiting += 1
        if not leader:
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            assert flight.value is not None
            return flight.value
        try:
            flight.value = compute()
        except BaseException as err:
            flight.error = err
            raise
        finally:
            with self._lock:
                del self._flying[key]
                if flight.error is None and flight.value is not None:
                    self._kept[key] = flight.value
                    while len(self._kept) > self._size:
                        self._kept.popitem(last=False)
            flight.done.set()
        return flight.value

    def waiting(self, key: Hashable) -> int:
        """Requests waiting for the computation of ``key`` under way (0 if none)."""
        with self._lock:
            flight = self._flying.get(key)
            return flight.waiting if flight is not None else 0
