"""The HTML reader: trafilatura finds the main text and comments; the text pass tidies it."""

from __future__ import annotations

import copy
import itertools
import logging
import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml.html import HtmlElement

from warlog.errors import UnreadableInput
from warlog.ingest.dates import find_dateline, parse_iso_day
from warlog.ingest.decoding import declared_charset, decode_text
from warlog.ingest.document import Origin, PageFacts, build_document
from warlog.ingest.furniture import Stripped, drop_furniture, preview
from warlog.ingest.marked_comments import cut_marked_comments, marked_text
from warlog.ingest.nesting import MAX_DEPTH, PARSER_DEPTH, depth_of, flattened
from warlog.ingest.normalise import collapse_spaces, normalise
from warlog.ingest.page_blocks import PageBlock, find_blocks, silenced
from warlog.model import Document, Dropped, PublishedSource
from warlog.registry import readers

log = logging.getLogger(__name__)

# trafilatura writes list items as "- item" and table rows as "| a | b |", one per line;
# consecutive ones stay one paragraph.
_GROUPED_LINE = re.compile(r"^(- |\|)")
# htmldate's extensive search reads dates out of the page text, reader comments included;
# off, it keeps to markup (meta tags, <time>, the URL) and warlog's own dateline finder
# reads the text after the comments are gone.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_TITLE_SUFFIX = re.compile(r"^(.+?)\s+[|–—·:-]\s+([^|–—·]+)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class MainText:
    """What trafilatura gives back: the main text, the comments and the page's metadata."""

    text: str
    comments: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None


def read_html(raw: bytes, *, origin: Origin) -> Document:
    """Read an HTML page: main text by trafilatura, furniture dropped and listed, metadata."""
    markup = decode_text(raw, name=origin.name, fallback=declared_charset(raw))
    if not markup.strip():
        raise UnreadableInput("E108", path=origin.name)
    tree = _parsed(markup, name=origin.name)
    # trafilatura prunes the tree it is given; the furniture walk needs the whole page.
    main = extract_main(copy.deepcopy(tree), name=origin.name)
    silent = silenced(tree)
    stripped = drop_furniture(normalise(paragraphs(main.text)))
    stripped = cut_marked_comments(stripped, marked_text(silent))
    blocks = find_blocks(silent, kept=stripped.text)
    dropped = _listed(stripped, comments=main.comments, blocks=blocks)
    facts = _facts(main, stripped.text)
    return build_document(stripped.text, dropped=dropped, origin=origin, facts=facts)


def _parsed(markup: str, *, name: str) -> HtmlElement:
    """The page's tree; markup nested past the parser's depth is flattened first."""
    tree = trafilatura.load_html(markup)
    if tree is not None and depth_of(tree) >= PARSER_DEPTH:
        log.warning("%s: markup nested deeper than %d levels; read with the deeper tags "
                    "left out", name, MAX_DEPTH)
        tree = trafilatura.load_html(flattened(markup))
    if tree is None:
        raise UnreadableInput("E102", path=name, why="not parseable as HTML")
    return tree


def extract_main(tree: HtmlElement, *, name: str) -> MainText:
    """Run trafilatura with its default precision, comments kept apart, metadata on."""
    # Defaults, not favor_precision: precision gains little on news pages and loses text.
    found = trafilatura.bare_extraction(
        tree,
        include_comments=True,
        with_metadata=True,
        output_format="python",
        date_extraction_params=_DATE_PARAMS,
    )
    if found is None or isinstance(found, dict):
        raise UnreadableInput("E104", path=name)
    return MainText(
        text=found.text or "",
        comments=found.comments or "",
        title=found.title or None,
        url=found.url or None,
        outlet=found.sitename or None,
        published=parse_iso_day(found.date) if found.date else None,
    )


def paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text with a blank line between paragraphs."""
    lines = text.split("\n")
    parts = lines[:1]
    for previous, line in itertools.pairwise(lines):
        together = _group(previous) is not None and _group(previous) == _group(line)
        parts.append(line if together else f"\n{line}")
    return "\n".join(parts)


def _group(line: str) -> str | None:
    """Which run a line belongs to: "- " for list items, "|" for table rows, else None."""
    found = _GROUPED_LINE.match(line)
    return found.group(1) if found else None


def _facts(main: MainText, text: str) -> PageFacts:
    """Title, address, outlet and date from the page's metadata, else a dateline in the text."""
    published = main.published
    source: PublishedSource = "html-meta"
    if published is None:
        published, source = find_dateline(text), "text"
    return PageFacts(
        url=main.url,
        outlet=main.outlet,
        title=_without_outlet(main.title, main.outlet),
        published=published,
        published_source=source if published is not None else "none",
    )


def _without_outlet(title: str | None, outlet: str | None) -> str | None:
    """The page title without a trailing " | Outlet" or " - Outlet", which names the site."""
    if not title or not outlet:
        return title
    found = _TITLE_SUFFIX.match(title)
    if found and collapse_spaces(found.group(2)).casefold() == collapse_spaces(outlet).casefold():
        return found.group(1)
    return title


def _listed(stripped: Stripped, *, comments: str, blocks: list[PageBlock]) -> tuple[Dropped, ...]:
    """Everything dropped: text furniture, trafilatura's comments, then the page's blocks."""
    listed = list(stripped.dropped)
    known = [PageBlock(kind=d.kind, text=d.preview) for d in listed]
    comments = _not_kept(comments, kept=stripped.text)
    if comments:
        listed.append(Dropped(kind="comment", chars=len(comments), preview=preview(comments)))
        known.append(PageBlock(kind="comment", text=collapse_spaces(comments)))
    for block in _merged(blocks):
        if not any(_repeats(block, other) for other in known):
            listed.append(Dropped(kind=block.kind, chars=len(block.text), preview=preview(block.text)))
            known.append(block)
    return tuple(listed)


def _repeats(block: PageBlock, other: PageBlock) -> bool:
    """Whether a block is already listed: same kind, and one's text holds the other's."""
    return block.kind == other.kind and (block.text in other.text or other.text in block.text)


def _not_kept(comments: str, *, kept: str) -> str:
    """trafilatura's comment lines that are not also the main text; none when most are."""
    # When a page wraps its article in a "comments-area" container, trafilatura returns
    # the article both as the text and as the comments: that is a misfire, not comments.
    flat_kept = collapse_spaces(kept)
    lines = [line.strip() for line in comments.split("\n") if line.strip()]
    fresh = [line for line in lines if collapse_spaces(line) not in flat_kept]
    if sum(map(len, fresh)) * 2 < sum(map(len, lines)):
        return ""
    return "\n".join(fresh)


def _merged(blocks: list[PageBlock]) -> list[PageBlock]:
    """Neighbouring blocks of one kind as one, as the text pass merges its runs."""
    merged: list[PageBlock] = []
    for block in blocks:
        if merged and merged[-1].kind == block.kind:
            merged[-1] = PageBlock(kind=block.kind, text=f"{merged[-1].text} {block.text}")
        else:
            merged.append(block)
    return merged


# Registered by a call, not a decorator: the registry's decorator is typed for any
# callable, and would hide this function's signature from its typed callers.
readers.register("warlog.html.v1", media_types=("text/html",))(read_html)
