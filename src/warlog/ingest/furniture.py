"""Page furniture in plain text: find it by line shapes, cut it out, say what was cut.

The pass works line by line. Most furniture is one recognisable line (a share row, a
cookie notice, a menu); two kinds are sections: a related-stories header owns the
headline-shaped lines under it, and a comment header, once the lines after it look like
comments, owns everything to the end of the page except other recognised furniture.
"""

from __future__ import annotations

from dataclasses import dataclass

from warlog.ingest.lines import (
    Shape,
    is_headline,
    is_menu_word,
    is_prose,
    is_strong_comment_header,
    shape_of,
)
from warlog.ingest.normalise import collapse_spaces, normalise
from warlog.model import Dropped, DroppedKind

PREVIEW_CHARS = 80
_FIXED: dict[Shape, DroppedKind] = {
    "comment_control": "comment", "related_inline": "related", "share": "share",
    "cookie": "cookie", "form": "form", "navigation": "navigation", "other": "other",
}
_COMMENT_EVIDENCE: frozenset[Shape] = frozenset({"comment_item", "comment_control", "comment_header"})
_LOOKAHEAD = 5
# Site menus written one entry per line come in runs; four entries tell a menu from a
# short heading or two.
_MENU_RUN = 4

Kinds = list[DroppedKind | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Stripped:
    """A text with its furniture cut out, and what was cut, in page order."""

    text: str
    dropped: tuple[Dropped, ...]


def drop_furniture(text: str) -> Stripped:
    """Cut page furniture out of normalised text; the rest is normalised again."""
    lines = text.split("\n")
    shapes: list[Shape | None] = [shape_of(line) if line.strip() else None for line in lines]
    kinds = _assign_kinds(lines, shapes)
    _mark_cookie_buttons(shapes, kinds)
    _mark_menu_runs(lines, kinds)
    kept = "\n".join(line for line, kind in zip(lines, kinds, strict=True) if kind is None)
    return Stripped(text=normalise(kept), dropped=tuple(_blocks(lines, kinds)))


def preview(block: str) -> str:
    """The first characters of a dropped block, whitespace collapsed."""
    return collapse_spaces(block, limit=PREVIEW_CHARS)


def _assign_kinds(lines: list[str], shapes: list[Shape | None]) -> Kinds:
    """Give each non-blank line the kind of furniture it belongs to, or None for the report."""
    kinds: Kinds = [None] * len(lines)
    filled = [i for i, shape in enumerate(shapes) if shape is not None]
    in_comments = in_related = False
    for pos, i in enumerate(filled):
        shape = shapes[i]
        if shape == "comment_header":
            in_comments = in_comments or _opens_comments(lines, shapes, filled, pos)
            kinds[i], in_related = "comment", False
        elif shape == "related_header":
            kinds[i], in_related = "related", True
        elif shape in _FIXED:
            # A reply form ("Your email address will not be published") belongs to the comments.
            kinds[i] = "comment" if in_comments and shape == "form" else _FIXED[shape]
        elif shape == "comment_item" and in_comments:
            kinds[i] = "comment"
        elif in_related and shape != "cookie_button" and (shape == "bullet" or is_headline(lines[i])):
            kinds[i] = "related"
        else:
            in_related = False
            kinds[i] = "comment" if in_comments else None
    return kinds


def _opens_comments(lines: list[str], shapes: list[Shape | None], filled: list[int], pos: int) -> bool:
    """Whether the lines after a comment header are comments rather than article text."""
    header, after = filled[pos], filled[pos + 1 :]
    ahead = after[:_LOOKAHEAD]
    if any(shapes[i] in _COMMENT_EVIDENCE for i in ahead):
        return True
    if ahead and shapes[ahead[0]] == "bullet":
        return True
    if not any(is_prose(lines[i]) for i in after):
        return True
    # "3 comments" or "Leave a reply" near the end of a page opens its comments even when
    # they carry no name-and-date lines; near the top it may be a byline's link.
    before_chars = sum(len(line) for line in lines[:header])
    after_chars = sum(len(lines[i]) for i in after)
    return is_strong_comment_header(lines[header]) and after_chars < before_chars


def _mark_cookie_buttons(shapes: list[Shape | None], kinds: Kinds) -> None:
    """Make button labels ("Accept", "Got it") next to a cookie notice part of it."""
    filled = [i for i, shape in enumerate(shapes) if shape is not None]
    for order in (filled, filled[::-1]):
        previous: int | None = None
        for i in order:
            if shapes[i] == "cookie_button" and previous is not None and kinds[previous] == "cookie":
                kinds[i] = "cookie"
            previous = i


def _mark_menu_runs(lines: list[str], kinds: Kinds) -> None:
    """Mark runs of one-entry-per-line menu items above the first and below the last prose."""
    prose = [i for i, line in enumerate(lines) if kinds[i] is None and is_prose(line)]
    if not prose:
        return
    for zone in (range(prose[0]), range(prose[-1] + 1, len(lines))):
        run: list[int] = []
        for i in [*zone, None]:
            if i is not None and not lines[i].strip():
                continue
            if i is not None and (kinds[i] == "navigation" or kinds[i] is None and is_menu_word(lines[i])):
                run.append(i)
                continue
            if len(run) >= _MENU_RUN:
                for j in run:
                    kinds[j] = "navigation"
            run = []


def _runs(lines: list[str], kinds: Kinds) -> list[tuple[DroppedKind, int, int]]:
    """(kind, first line, last line) of each run; blank lines do not split a run, kept lines do."""
    runs: list[tuple[DroppedKind, int, int]] = []
    current: tuple[DroppedKind, int, int] | None = None
    for i, kind in enumerate(kinds):
        if kind is None:
            if lines[i].strip() and current is not None:
                runs.append(current)
                current = None
        elif current is not None and current[0] == kind:
            current = (kind, current[1], i)
        else:
            if current is not None:
                runs.append(current)
            current = (kind, i, i)
    return runs if current is None else [*runs, current]


def _blocks(lines: list[str], kinds: Kinds) -> list[Dropped]:
    """One Dropped per run of same-kind lines, measured in the text it was cut from."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    text = "\n".join(lines)
    dropped = []
    for kind, first, last in _runs(lines, kinds):
        block = text[starts[first] : starts[last] + len(lines[last])]
        dropped.append(Dropped(kind=kind, chars=len(block), preview=preview(block)))
    return dropped
