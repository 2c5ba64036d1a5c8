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
    is_name_then_date,
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
_LOOKAHEAD = 5
# Site menus written one entry per line come in runs; four entries above or below the
# story tell a menu from a short heading or two, and within it eight do.
_MENU_RUN_AT_EDGES = 4
_MENU_RUN_WITHIN = 8

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
    _mark_names_over_dates(lines, shapes)
    kinds = _assign_kinds(lines, shapes)
    _mark_cookie_buttons(shapes, kinds)
    _mark_menu_runs(lines, kinds)
    kept = "\n".join(line for line, kind in zip(lines, kinds, strict=True) if kind is None)
    return Stripped(text=normalise(kept), dropped=dropped_runs(lines, kinds))


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
        elif shape == "comment_item" and (in_comments or _starts_comments(shapes, filled, pos)):
            kinds[i], in_comments, in_related = "comment", True, False
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
    if any(shapes[i] == "comment_control" or _invites_comment(lines[i], shapes[i]) for i in ahead):
        return True
    if not any(is_prose(lines[i]) for i in after):
        return True
    # A counted header ("38 comments") over name-and-date lines is a comment thread even
    # when the thread outgrows the story. A bare "Comments" needs to be below the story:
    # above it, it may be a menu link and the name-and-date lines the story's byline.
    strong = is_strong_comment_header(lines[header])
    items = any(shapes[i] == "comment_item" for i in ahead) or shapes[ahead[0]] == "bullet"
    if strong and items:
        return True
    near_end = sum(len(lines[i]) for i in after) < sum(len(line) for line in lines[:header])
    return near_end and (items or strong)


def _starts_comments(shapes: list[Shape | None], filled: list[int], pos: int) -> bool:
    """Whether a commenter's name-and-date line opens comments with no header: a Reply follows."""
    return any(shapes[i] == "comment_control" for i in filled[pos + 1 : pos + 1 + _LOOKAHEAD])


def _mark_names_over_dates(lines: list[str], shapes: list[Shape | None]) -> None:
    """Make a name line directly above a date line one comment item, as many sites print them."""
    for i in range(1, len(lines)):
        plain = shapes[i - 1] in ("text", "bullet") and shapes[i] == "text"
        if plain and is_name_then_date(lines[i - 1], lines[i]):
            shapes[i - 1] = shapes[i] = "comment_item"


def _invites_comment(line: str, shape: Shape | None) -> bool:
    """Whether a line is a strong comment header ("Leave a reply"), evidence for the one before."""
    return shape == "comment_header" and is_strong_comment_header(line)


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
    """Mark runs of one-entry-per-line menu items: short runs at the edges, long ones anywhere."""
    prose = [i for i, line in enumerate(lines) if kinds[i] is None and is_prose(line)]
    top = prose[0] if prose else len(lines)
    bottom = prose[-1] if prose else -1
    for run in _menu_runs(lines, kinds):
        at_edge = run[-1] < top or run[0] > bottom
        if len(run) >= (_MENU_RUN_AT_EDGES if at_edge else _MENU_RUN_WITHIN):
            for i in run:
                kinds[i] = "navigation"


def _menu_runs(lines: list[str], kinds: Kinds) -> list[list[int]]:
    """Runs of non-blank lines that could be menu entries (blank lines between allowed)."""
    runs: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if kinds[i] == "navigation" or (kinds[i] is None and is_menu_word(line)):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


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


def dropped_runs(lines: list[str], kinds: Kinds) -> tuple[Dropped, ...]:
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
    return tuple(dropped)
