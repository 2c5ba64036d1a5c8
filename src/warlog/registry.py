"""Versioned registries for readers, stages and gazetteers.

Built-ins register with the same decorators outside packages use through entry points
(groups ``warlog.readers``, ``warlog.stages``, ``warlog.gazetteers``). Names carry a
version (``warlog.html.v1``); changing what a name produces means a new ``.v2``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from warlog.errors import RegistryError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Entry(Generic[F]):
    name: str
    func: F
    meta: dict[str, Any] = field(default_factory=dict)


class Registry(Generic[F]):
    """Name → function, filled by decorators at import time, then only read."""

    def __init__(self, kind: str, *, entry_point_group: str) -> None:
        self.kind = kind
        self.entry_point_group = entry_point_group
        self._entries: dict[str, Entry[F]] = {}
        self._loaded_entry_points = False

    def register(self, name: str, **meta: Any) -> Callable[[F], F]:
        def decorate(func: F) -> F:
            if name in self._entries and self._entries[name].func is not func:
                raise RegistryError("E604", registry=self.kind, name=name)
            self._entries[name] = Entry(name, func, dict(meta))
            return func

        return decorate

    def _load_entry_points(self) -> None:
        if self._loaded_entry_points:
            return
        self._loaded_entry_points = True
        for ep in entry_points(group=self.entry_point_group):
            ep.load()  # importing the module runs its register decorators

    def get(self, name: str) -> Entry[F]:
        if name not in self._entries:
            self._load_entry_points()
        try:
            return self._entries[name]
        except KeyError:
            raise RegistryError(
                "E603", registry=self.kind, name=name, known=", ".join(sorted(self._entries))
            ) from None

    def names(self) -> list[str]:
        self._load_entry_points()
        return sorted(self._entries)

    def __iter__(self) -> Iterator[Entry[F]]:
        self._load_entry_points()
        return iter([self._entries[n] for n in sorted(self._entries)])


readers: Registry[Callable[..., Any]] = Registry("readers", entry_point_group="warlog.readers")
stages: Registry[Callable[..., Any]] = Registry("stages", entry_point_group="warlog.stages")
gazetteers: Registry[Callable[..., Any]] = Registry("gazetteers", entry_point_group="warlog.gazetteers")
