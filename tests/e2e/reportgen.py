"""Short generated reports for the crash and concurrency tests: real text that the real
pipeline reads (a few sentences each, so thousands cost little spaCy time), every one
distinct, on its own day, and each event told twice by two outlets in other words, so
the merged events are made of two sources."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

TOWNS = ("Kirkuk", "Mosul", "Baghdad", "Erbil", "Basra", "Kharkiv", "Odesa", "Kherson",
         "Sumy", "Aleppo", "Homs", "Idlib", "Gao", "Mopti", "Kidal", "Sanaa", "Aden",
         "Maiduguri", "Mogadishu", "Kismayo")
FIRST = date(2015, 1, 1)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _day(n: int) -> date:
    return FIRST + timedelta(days=n)


def story(n: int, *, retold: bool) -> tuple[str, dict[str, str]]:
    """Event ``n`` as the first outlet tells it, or (``retold``) as the second."""
    day = _day(n)
    town = TOWNS[n % len(TOWNS)]
    killed = 2 + n % 9
    when = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if retold:
        text = (f"Drone strike in {town}\n\n"
                f"An armed drone struck a checkpoint in {town} on {when}, killing {killed} "
                f"soldiers, a military spokesman said. Case {n}-b.\n")
        meta = {"outlet": "Second Desk", "published": (day + timedelta(days=1)).isoformat()}
    else:
        text = (f"Drone attack kills {killed} in {town}\n\n"
                f"A drone attack killed {killed} soldiers at a checkpoint in {town} on {when}, "
                f"officials said. Case {n}-a.\n")
        meta = {"outlet": "First Wire", "published": day.isoformat()}
    return text, meta


def write_reports(folder: Path, events: range) -> list[Path]:
    """Two reports per event number (both outlets); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in events:
        for retold in (False, True):
            text, meta = story(n, retold=retold)
            path = folder / f"r{n:05d}{'b' if retold else 'a'}.txt"
            path.write_text(text, encoding="utf-8")
            path.with_name(path.stem + ".meta.json").write_text(json.dumps(meta))
            paths.append(path)
    return paths
