"""Blocks of an HTML page that say by their class, id or tag what furniture they are.

trafilatura does not report what it left out, so the page is walked once more to name
the furniture it removed (related links, share bars, menus, cookie banners, newsletter
forms, comment sections). Only outermost blocks count, and a block holding any text that
was kept as the report is not furniture, whatever its class says.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from warlog.ingest.normalise import collapse_spaces
from warlog.model import DroppedKind

# Class and id words, after splitting "related-posts", "shareBar" or "nav_main" into parts.
_WORDS: dict[str, DroppedKind] = {
    **dict.fromkeys(("comment", "comments", "commentlist", "discussion", "disqus", "respond"), "comment"),
    **dict.fromkeys(
        ("related", "recommended", "recommendation", "recommendations", "recirc", "recirculation",
         "trending", "mostread", "outbrain", "taboola"),
        "related",
    ),
    **dict.fromkeys(("share", "sharing", "shares", "sharebar", "sharethis", "addthis", "social"), "share"),
    **dict.fromkeys(("nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs"), "navigation"),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr"), "cookie"),
    **dict.fromkeys(("newsletter", "newsletters", "subscribe", "subscription", "signup"), "form"),
}
_PAIRS: dict[tuple[str, str], DroppedKind] = {
    ("most", "read"): "related", ("most", "popular"): "related", ("most", "viewed"): "related",
    ("more", "stories"): "related", ("read", "next"): "related", ("also", "like"): "related",
    ("may", "like"): "related", ("sign", "up"): "form",
}
# Attributes that name what a block is: class and id, the test hooks and component names
# of script-built pages (data-testid="comment"), and schema.org markup (itemtype=".../Comment").
_NAMING = ("class", "id", "data-testid", "data-test-id", "data-component", "data-type", "itemprop", "itemtype")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PARTS = re.compile(r"[^a-z0-9]+")
# Containers of the whole page carry classes like "comments-open" on every article page.
_NEVER = frozenset({"html", "body", "main", "article", "head", "script", "style", "template"})
_SILENT = ("script", "style", "noscript", "template", "svg")
# Chunks shorter than this ("Share", "Home") may occur in the report by chance.
_MIN_OVERLAP = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class PageBlock:
    """One block of the page named as furniture, with its text (no markup)."""

    kind: DroppedKind
    text: str


def find_blocks(silent: HtmlElement, *, kept: str) -> list[PageBlock]:
    """The outermost furniture blocks of a silenced page, in page order, none overlapping ``kept``."""
    kept_flat = collapse_spaces(kept)
    blocks = []
    for kind, element in _candidates(silent, kept_flat):
        text = collapse_spaces(" ".join(element.itertext()))
        if text:
            blocks.append(PageBlock(kind=kind, text=text))
    return blocks


def kind_of(element: HtmlElement) -> DroppedKind | None:
    """The furniture kind an element's tag, role, class or id names, if any."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _NEVER:
        return None
    if tag == "nav" or element.get("role") == "navigation":
        return "navigation"
    words = _parts(" ".join(element.get(name, "") for name in _NAMING))
    for first, second in itertools.pairwise(words):
        if (first, second) in _PAIRS:
            return _PAIRS[(first, second)]
    return next((_WORDS[word] for word in words if word in _WORDS), None)


def _parts(names: str) -> list[str]:
    """Lower-case words of class and id values: "relatedPosts nav_main" → related, posts, nav, main."""
    return [part for part in _PARTS.split(_CAMEL.sub(" ", names).lower()) if part]


def silenced(tree: HtmlElement) -> HtmlElement:
    """A copy of the page without scripts and styles, whose text is never a preview."""
    silent: HtmlElement = copy.deepcopy(tree)
    etree.strip_elements(silent, *_SILENT, with_tail=False)
    return silent


def _candidates(tree: HtmlElement, kept_flat: str) -> Iterator[tuple[DroppedKind, HtmlElement]]:
    """Walk the page in order, yielding furniture blocks and not descending into them."""
    stack = [tree]
    while stack:
        element = stack.pop()
        kind = kind_of(element)
        if kind is not None and not _holds_kept_text(element, kept_flat):
            yield kind, element
            continue
        stack.extend(reversed([child for child in element if isinstance(child.tag, str)]))


def _holds_kept_text(element: HtmlElement, kept_flat: str) -> bool:
    """Whether any sizeable piece of the element's text was kept as the report."""
    for chunk in element.itertext():
        flat = collapse_spaces(chunk)
        if len(flat) >= _MIN_OVERLAP and flat in kept_flat:
            return True
    return False
