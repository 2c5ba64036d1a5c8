"""Markup nested deeper than the HTML parser goes, flattened before it parses.

libxml2, under lxml and trafilatura, stops at 256 levels of nesting ("Excessive depth in
document") and drops everything after: a page of 300 nested <div>s came back with no
text at all. Past ``MAX_DEPTH`` open elements, further start tags and their end tags are
left out, so that what they held joins the element at that depth; the text is kept and
only structure nobody reads at that depth is lost. Pages within the limit (all real news
pages seen) are not touched.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_DEPTH = 200
# libxml2's own limit is 256; a tree this deep after parsing may have been cut there.
PARSER_DEPTH = 250

# Comments, scripts and styles are copied whole: a "<" inside them is no tag.
_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([a-zA-Z][\w:.-]*)[^>]*>",
                    re.IGNORECASE | re.DOTALL)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr", "keygen", "command"})


def flattened(markup: str) -> str:
    """The markup with start and end tags past MAX_DEPTH open elements left out."""
    out: list[str] = []
    open_tags: list[str] = []
    dropped: Counter[str] = Counter()
    at = 0
    for token in _TOKEN.finditer(markup):
        name = (token.group(3) or "").lower()
        closing = token.group(2) == "/"
        keep = True
        if not name or name in _VOID or token.group().endswith("/>"):
            pass
        elif closing and dropped[name]:
            dropped[name] -= 1
            keep = False
        elif closing:
            if name in open_tags:
                while open_tags and open_tags.pop() != name:
                    pass
        elif len(open_tags) >= MAX_DEPTH:
            dropped[name] += 1
            keep = False
        else:
            open_tags.append(name)
        out.append(markup[at:token.start()] if keep else markup[at:token.start()] + " ")
        if keep:
            out.append(token.group())
        at = token.end()
    out.append(markup[at:])
    return "".join(out)


def depth_of(tree: object) -> int:
    """The deepest nesting of elements in a parsed tree."""
    from lxml import etree

    deepest = depth = 0
    for event, _element in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest
