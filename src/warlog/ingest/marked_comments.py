"""Reader comments that the main-text pass kept, found again by the page's own markup.

trafilatura keeps comment threads as text on pages that do not look like a blog (a
forum thread, a discussion under a post). Such pages still mark each comment as one:
a class or id ("comment-body"), a test hook (``data-testid="comment"``) or schema.org
markup (``itemtype=".../Comment"``). A kept line is a comment when its text lies inside
a marked element and nowhere else on the page; a line found in both (a heading quoted
in a reply form) is a comment only when the comment lines on both sides of it say so.
Comments follow the story: when no story line comes before the first comment line, the
marks are wrong (the article sits in a container called "comments") and nothing is cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lxml.html import HtmlElement

from warlog.ingest.furniture import Kinds, Stripped, dropped_runs
from warlog.ingest.normalise import normalise
from warlog.ingest.page_blocks import kind_of

_SPACE = re.compile(r"\s+")
_NEVER = frozenset({"html", "body"})
# Where a line's text is found on the page; None for a blank line.
Place = Literal["story", "comments", "both"] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedText:
    """The text of a page's marked comments, and the text of everything else, spaces removed."""

    comments: tuple[str, ...]
    rest: str


def marked_text(silent: HtmlElement) -> MarkedText:
    """Split a page's text (scripts already gone) into marked comments and the rest."""
    comments: list[str] = []
    rest: list[str] = []
    _walk(silent, comments, rest)
    return MarkedText(comments=tuple(comments), rest=_squeezed("".join(rest)))


def cut_marked_comments(stripped: Stripped, marked: MarkedText) -> Stripped:
    """The text without the lines that are marked comments, the cut runs listed as dropped."""
    if not marked.comments:
        return stripped
    lines = stripped.text.split("\n")
    places = [_where(line, marked) for line in lines]
    kinds = _kinds(lines, places)
    first = next((i for i, kind in enumerate(kinds) if kind == "comment"), None)
    if first is None or "story" not in places[:first]:
        return stripped
    kept = "\n".join(line for line, kind in zip(lines, kinds, strict=True) if kind is None)
    return Stripped(text=normalise(kept), dropped=(*stripped.dropped, *dropped_runs(lines, kinds)))


def _where(line: str, marked: MarkedText) -> Place:
    """Where on the page a line's text is: only in comments, only elsewhere, or both."""
    flat = _squeezed(line)
    if not flat:
        return None
    if not any(flat in comment for comment in marked.comments):
        return "story"
    return "both" if flat in marked.rest else "comments"


def _kinds(lines: list[str], places: list[Place]) -> Kinds:
    """Each line's kind: "comment" when only comments hold it; shared lines follow both neighbours."""
    kinds: Kinds = [None] * len(lines)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for pos, i in enumerate(filled):
        if places[i] == "comments" or (places[i] == "both" and _between_comments(places, filled, pos)):
            kinds[i] = "comment"
    return kinds


def _between_comments(places: list[Place], filled: list[int], pos: int) -> bool:
    """Whether the nearest decided lines before and after a shared line are both comments."""
    decided = ("story", "comments")
    before = next((places[i] for i in reversed(filled[:pos]) if places[i] in decided), None)
    after = next((places[i] for i in filled[pos + 1 :] if places[i] in decided), None)
    return before == after == "comments"


def _walk(root: HtmlElement, comments: list[str], rest: list[str]) -> None:
    """Text in document order: a marked element's whole text to comments, the rest to rest."""
    # An explicit stack, not recursion: a page may nest its markup thousands deep.
    stack: list[HtmlElement | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            rest.append(item)
        elif isinstance(item.tag, str):
            if item.tag not in _NEVER and _is_marked(item):
                comments.append(_squeezed("".join(item.itertext())))
                continue
            rest.append(item.text or "")
            for child in reversed(item):
                stack.extend((child.tail or "", child))


def _is_marked(element: HtmlElement) -> bool:
    """Whether an element's class, id, test hook or schema.org markup names it a comment."""
    return kind_of(element) == "comment"


def _squeezed(text: str) -> str:
    """Text normalised as the report is, with no whitespace at all: markup splits words oddly."""
    return _SPACE.sub("", normalise(text))
