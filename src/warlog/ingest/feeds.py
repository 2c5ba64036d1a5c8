"""The feed reader: RSS 2.0, RSS 1.0 and Atom (feedparser), each item one report.

An item's report is its full content when the feed carries it (``content:encoded``,
Atom ``<content>``), else its summary; with the ``fetch_links`` setting on, the page
the item links to is fetched and read as HTML instead (the feed's text when that
fails). The item's link, title and date, and the feed's title as the outlet, come with
it. HTML in a feed is turned into paragraphs here, then read by the text reader, so an
item's text gives the same events as the same text in a ``.txt`` file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

import feedparser
import lxml.html

from warlog.errors import UnreadableInput
from warlog.ingest.document import Origin
from warlog.ingest.fetch import FetchRules, fetch
from warlog.ingest.html import read_html
from warlog.ingest.text import read_text
from warlog.model import Document, PublishedSource
from warlog.registry import readers

_FEED_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"
    rb"<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
# feedparser flags these but reads the feed whole; anything else it flags is damage.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "section", "article", "header", "footer", "figure",
                     "figcaption", "table", "tr", "pre", "hr", "dd", "dt"})
_SKIPPED = frozenset({"script", "style", "noscript", "template"})
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")


def looks_like_feed(head: bytes) -> bool:
    """Whether a file's first bytes open an RSS, RSS 1.0 (RDF) or Atom document."""
    return _FEED_START.match(head[:8192]) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    """One item of a feed, before it is read: what recognises it, and what it carries."""

    name: str                   # "<feed>#<n>", n counting items from 1
    key: str                    # the item's id (guid), else its link, else its title
    content_id: str             # changes when anything the item says changes
    link: str | None
    title: str | None
    outlet: str | None
    published: date | None
    body: str                   # the content or summary, as given
    body_is_html: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedFeed:
    items: tuple[FeedItem, ...]
    damage: UnreadableInput | None      # E147 when the feed is malformed past some items


def parse_feed(raw: bytes, *, name: str) -> ParsedFeed:
    """The items of a feed; E147 when nothing of it can be read as a feed."""
    try:
        parsed: Any = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)
    except (UnicodeDecodeError, LookupError, ValueError) as err:
        # feedparser decodes the declared encoding's name itself ("encoding='u\xb7f-8'")
        raise UnreadableInput("E147", path=name, why=f"unreadable encoding ({type(err).__name__})") from None
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and isinstance(problem, _HARMLESS):
        problem = None
    why = _why(problem) if problem is not None else None
    if not parsed.entries:
        if why is not None or not parsed.get("version"):
            raise UnreadableInput("E147", path=name, why=why or "no RSS or Atom items in it")
        return ParsedFeed(items=(), damage=None)
    outlet = _clean(parsed.feed.get("title"))
    items = tuple(_item(e, name=f"{name}#{n}", outlet=outlet)
                  for n, e in enumerate(parsed.entries, start=1))
    damage = UnreadableInput("E147", path=name, why=why) if why is not None else None
    return ParsedFeed(items=items, damage=damage)


def _why(problem: object) -> str:
    text = str(problem).splitlines()[0] if str(problem) else type(problem).__name__
    return f"malformed XML: {text}; the items before the damage were read"


def _item(entry: Any, *, name: str, outlet: str | None) -> FeedItem:
    body, is_html = _body(entry)
    # feedparser takes a guid for a link (RSS guids are permalinks by default); only a
    # web address is kept as one
    link = _clean(entry.get("link"))
    link = link if link and link.startswith(("http://", "https://")) else None
    title = _clean(entry.get("title"))
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(*stamp[:3]) if stamp else None
    said = "\x1f".join(str(x or "") for x in (entry.get("id"), link, title, body, published,
                                               entry.get("updated")))
    return FeedItem(name=name, key=_clean(entry.get("id")) or link or title or name,
                    content_id=hashlib.sha256(said.encode("utf-8")).hexdigest(),
                    link=link, title=title, outlet=outlet, published=published,
                    body=body, body_is_html=is_html)


def _body(entry: Any) -> tuple[str, bool]:
    """The longest full content if any, else the summary; and whether it is HTML."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], best.get("type", "text/html") != "text/plain"
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    return summary, detail.get("type", "text/html") != "text/plain"


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fragment_text(markup: str) -> str:
    """An HTML fragment's text, one paragraph per block element, blank lines between."""
    if not markup.strip():
        return ""
    # XML forbids the C0 controls but tab, newline and return; lxml refuses a string with them
    markup = _CONTROLS.sub(" ", markup)
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    parts: list[str] = []
    _walk(root, parts)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parts)))
    return "\n\n".join(p for p in paragraphs if p)


def _walk(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED:
        return
    block = tag.lower() in _BLOCKS
    if block:
        parts.append("\n\n")
    if tag and element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n\n")


def item_documents(item: FeedItem, *, published: date | None,
                   rules: FetchRules) -> Iterator[Document | UnreadableInput]:
    """The item's report (the linked page's when fetching is on and it works)."""
    dated = published or item.published
    source: PublishedSource = "cli" if published else ("feed" if item.published else "none")
    origin = Origin(name=item.name, url=item.link, outlet=item.outlet, title=item.title,
                    published=dated, published_source=source if dated else "none")
    if rules.fetch_links and item.link:
        try:
            page = fetch(item.link, rules=rules)
            yield read_html(page.body, origin=origin)
            return
        except UnreadableInput as err:      # FetchError included: the feed's text then
            yield err
    text = fragment_text(item.body) if item.body_is_html else item.body.strip()
    if not text:
        yield UnreadableInput("E149", path=item.name)
        return
    try:
        yield read_text(text.encode("utf-8"), origin=origin)
    except UnreadableInput as err:
        yield err


def read_feed(stream: BinaryIO, *, origin: Origin,
              rules: FetchRules) -> Iterator[Document | UnreadableInput]:
    """Every item of a feed as a report, in the feed's order; damage named after them."""
    raw = stream.read(rules.max_bytes + 1)
    if len(raw) > rules.max_bytes:
        yield UnreadableInput("E145", path=origin.name, limit=rules.max_bytes)
        return
    try:
        feed = parse_feed(raw, name=origin.name)
    except UnreadableInput as err:
        yield err
        return
    cli_date = origin.published if origin.published_source == "cli" else None
    for item in feed.items:
        yield from item_documents(item, published=cli_date, rules=rules)
    if feed.damage is not None:
        yield feed.damage


# Registered by a call, as the text and HTML readers are. ``many``: it reads a stream
# and yields a report per item; ``sniff`` recognises it by its first bytes.
readers.register("warlog.feed.v1", many=True, order=20, media_types=FEED_TYPES,
                 suffixes=(".rss", ".atom", ".xml"), names=(".rss", ".atom"),
                 sniff=lambda head, inner: looks_like_feed(head))(read_feed)
