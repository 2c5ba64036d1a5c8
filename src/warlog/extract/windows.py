"""Parsing texts of any length: long ones in bounded windows, joined into one Doc.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and its
parser's memory grows with the text it is given at once. A text longer than ``window``
characters is cut into windows that end at a paragraph break (else a line break, else a
space, else anywhere), each window is parsed on its own, and the parsed windows are
joined with ``Doc.from_docs`` without adding anything between them: the joined Doc's text
is the input text, so every character offset still points into it. A sentence never
spans two windows.

spaCy's tokenizer is quadratic in the length of a run without whitespace made of
prefix or suffix characters (20,000 ``(`` take about 50 s); such a run longer than
``MAX_RUN`` characters is handed to the pipeline as tokens of ``MAX_RUN`` characters,
the text itself unchanged. No prose has words that long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

WINDOW_CHARS = 100_000
MAX_RUN = 100
# Within the last part of a window a paragraph break is looked for first, so that
# windows end where the report's own paragraphs do.
_BREAKS = ("\n\n", "\n", " ")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def windows(text: str, *, window: int = WINDOW_CHARS) -> list[str]:
    """The text cut into consecutive pieces of at most ``window`` characters."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > window:
        end = _cut(text, start, start + window)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where a window from ``start`` ends: after the last break in its second half."""
    floor = start + (limit - start) // 2
    for mark in _BREAKS:
        found = text.rfind(mark, floor, limit)
        if found != -1:
            return found + len(mark)
    return limit


def parse_texts(texts: Iterable[str], *, nlp: Language, window: int = WINDOW_CHARS) -> Iterator[Doc]:
    """One parsed Doc per text, in order, long texts parsed window by window."""
    # All the windows of all the texts go through one nlp.pipe, as whole texts did before:
    # spaCy batches them.
    cut = [windows(text, window=window) for text in texts]
    parsed = nlp.pipe(_tokenized(piece, nlp=nlp) for pieces in cut for piece in pieces)
    for pieces in cut:
        docs = [next(parsed) for _ in pieces]
        yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def _tokenized(text: str, *, nlp: Language) -> str | Doc:
    """The text as it is, or, when it holds an over-long run, as a Doc tokenized here."""
    if _LONG_RUN.search(text) is None:
        return text
    parts: list[Doc] = []
    at = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > at:
            parts.append(nlp.tokenizer(text[at:run.start()]))
        spaced = text[run.end():run.end() + 1] == " "
        chunks = [run.group()[i:i + MAX_RUN] for i in range(0, len(run.group()), MAX_RUN)]
        parts.append(Doc(nlp.vocab, words=chunks,
                         spaces=[False] * (len(chunks) - 1) + [spaced]))
        at = run.end() + (1 if spaced else 0)
    if at < len(text):
        parts.append(nlp.tokenizer(text[at:]))
    return Doc.from_docs(parts, ensure_whitespace=False)
