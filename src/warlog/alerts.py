"""Alert rules for `warlog watch`: which new or updated events to tell someone about.

A rule is one or more tests joined by ``&`` (all must hold); a watch with several
``--alert`` rules fires when any of them holds. Tests:

- ``near=LAT,LON,KM``: the event's place lies within KM kilometres (great circle);
- ``country=CC``: the event's place is in that country (ISO 3166 alpha-2);
- ``actor=WORD``: the attacker's or target's name contains WORD, in any case;
- ``killed>=N``, ``injured>=N``: at least N, counting each group's exact figure, else
  its lower bound.

Each alert is one JSON line (``{"alert": [rules that held], "change": "new" |
"updated", "event": MERGED EVENT}``) written to standard output or a file, and, with
``--on-alert CMD``, given on the standard input of CMD, which runs without a shell
(split like a POSIX shell would, by ``shlex``).
"""

from __future__ import annotations

import math
import re
import shlex
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from warlog.errors import BadRequest, WarlogError
from warlog.export import dumps_line

Record = Mapping[str, Any]
EARTH_KM = 6371.0088
COMMAND_TIMEOUT = 60
_TEST = re.compile(r"^\s*(near|country|actor|killed|injured)\s*(>=|=)\s*(.+?)\s*$")


@dataclass(frozen=True, slots=True)
class Rule:
    text: str
    tests: tuple[Callable[[Record], bool], ...]

    def holds(self, record: Record) -> bool:
        return all(test(record) for test in self.tests)


def parse_rule(text: str) -> Rule:
    """A rule from its command-line text; E812 naming what is wrong."""
    parts = [p for p in text.split("&")]
    if not any(p.strip() for p in parts):
        raise BadRequest("E812", rule=text, why="it is empty")
    return Rule(text=text, tests=tuple(_test(p, text) for p in parts))


def _test(part: str, rule: str) -> Callable[[Record], bool]:
    found = _TEST.match(part)
    if found is None:
        raise BadRequest("E812", rule=rule, why=f"{part.strip()!r} is not near=LAT,LON,KM, "
                                                "country=CC, actor=WORD, killed>=N or injured>=N")
    key, op, value = found.groups()
    if key in ("killed", "injured"):
        if op != ">=" or not value.isdigit():
            raise BadRequest("E812", rule=rule, why=f"{key} takes >= and a whole number")
        least = int(value)
        return lambda r: toll(r, key) >= least
    if op != "=":
        raise BadRequest("E812", rule=rule, why=f"{key} takes =")
    if key == "near":
        return _near(value, rule)
    if key == "country":
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise BadRequest("E812", rule=rule, why=f"{value!r} is not a two-letter country code")
        code = value.upper()
        return lambda r: ((r.get("location") or {}).get("country") or "") == code
    word = value.casefold()
    return lambda r: any(word in name.casefold() for name in actor_names(r))


def _near(value: str, rule: str) -> Callable[[Record], bool]:
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise BadRequest("E812", rule=rule, why=f"near takes LAT,LON,KM, got {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise BadRequest("E812", rule=rule, why="latitude, longitude or distance out of range")

    def near(record: Record) -> bool:
        place = record.get("location") or {}
        if place.get("lat") is None or place.get("lon") is None:
            return False
        return distance_km(lat, lon, float(place["lat"]), float(place["lon"])) <= km

    return near


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def toll(record: Record, field: str) -> int:
    """Killed or injured over the groups: each exact figure, else its lower bound."""
    total = 0
    for count in record.get(field) or []:
        best = count.get("best")
        total += int(best if best is not None else count.get("low") or 0)
    return total


def actor_names(record: Record) -> list[str]:
    names = []
    for role in ("attacker", "target"):
        actor = record.get(role) or {}
        names += [str(actor[k]) for k in ("text", "name") if actor.get(k)]
    return names


class Alerts:
    """Where matching events go: JSON lines to ``out``, and the hook command's stdin."""

    def __init__(self, rules: Sequence[Rule], *, out: TextIO, command: str | None = None,
                 warn: Callable[[WarlogError], None] = lambda _err: None) -> None:
        self.rules = tuple(rules)
        self._out = out
        self._command = command
        self._argv = shlex.split(command) if command else []
        self._warn = warn
        self.fired = 0

    def consider(self, record: Record, *, change: str) -> bool:
        """Alert on the event if a rule holds; whether one did."""
        held = [r.text for r in self.rules if r.holds(record)]
        if not held:
            return False
        line = dumps_line({"alert": held, "change": change, "event": dict(record)})
        self._out.write(line + "\n")
        self._out.flush()
        self.fired += 1
        if self._argv:
            self._run(line)
        return True

    def _run(self, line: str) -> None:
        try:
            done = subprocess.run(self._argv, input=line + "\n", text=True, check=False,
                                  timeout=COMMAND_TIMEOUT)
        except (OSError, subprocess.SubprocessError) as err:
            self._warn(WarlogError("E813", command=self._command, why=str(err)))
            return
        if done.returncode != 0:
            self._warn(WarlogError("E813", command=self._command,
                                   why=f"it exited with status {done.returncode}"))
