"""Reading reports into Documents: sources (files, folders, stdin), readers, furniture.

Importing the package registers the built-in readers ``warlog.text.v1`` and
``warlog.html.v1``.
"""

from warlog.ingest.document import Origin, PageFacts, Reader
from warlog.ingest.html import read_html
from warlog.ingest.sources import Notice, Source, find_sources, read_source
from warlog.ingest.text import read_text

__all__ = [
    "Notice", "Origin", "PageFacts", "Reader", "Source", "find_sources", "read_html",
    "read_source", "read_text",
]
