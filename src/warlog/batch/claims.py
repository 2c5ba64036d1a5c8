"""Reading a claim's scope target as a country's side, for `warlog tally`'s scope rule 4."""

from __future__ import annotations

from collections.abc import Callable

from warlog.link.names import GENERIC

CountryOf = Callable[[str], "str | None"]


def target_country(target: str | None, country_of: CountryOf) -> str | None:
    """"U.S. forces" → "US": the country of the words left once words naming a kind of
    actor ("forces", "troops") are set aside, tried whole, then word by word."""
    if not target:
        return None
    words = [w for w in target.split() if w.lower().strip(".,") not in GENERIC]
    for phrase in [" ".join(words), *words]:
        if phrase and (found := country_of(phrase)):
            return found
    return None
