"""read_report: a Document's text in, a Report out. Pure, given loaded resources."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from spacy.language import Language

from warlog.extract import stages as _stages  # noqa: F401  (registers the built-in stages)
from warlog.extract.language import load_nlp
from warlog.extract.stages import Annotated, Context, check_order
from warlog.extract.windows import parse_texts
from warlog.geo.gazetteer import Gazetteer, load_gazetteer
from warlog.geo.resolver import country_of, geoparse
from warlog.model import Document, Place, Report
from warlog.registry import stages

__all__ = ["DEFAULT_STAGES", "Resources", "find_places", "load_resources", "parse_texts",
           "read_parsed", "read_report"]

DEFAULT_STAGES = ("warlog.places.v1", "warlog.mentions.v1", "warlog.readings.v1",
                  "warlog.events.v1", "warlog.claims.v1")


@dataclass(frozen=True, slots=True, kw_only=True)
class Resources:
    """What reading needs loaded once: the spaCy pipeline and the gazetteer."""

    nlp: Language
    gazetteer: Gazetteer
    stage_names: tuple[str, ...] = DEFAULT_STAGES

    @contextmanager
    def zone(self) -> Iterator[None]:
        """Parse and read inside this block: the strings and lexemes the parse adds to the
        pipeline's vocabulary (every new name, number and typo of every report) are evicted
        when it ends (spaCy's ``Language.memory_zone``), so a worker reading a million
        reports holds the vocabulary it loaded, not every word it has met. Nothing parsed
        inside may be touched after the block: the readers return plain values.

        Then the block's garbage is collected. A parse leaves reference cycles, which
        Python's collector reaches only once the long-lived heap has grown by a quarter:
        one process reading 3,200 reports grew from 584 to 756 MB without the collection
        and stayed at 446 MB with it (docs/performance.md). It is cheap because ``load_resources`` froze what it loaded out of the collector's
        sight (``gc.freeze``): only what was made since is looked at."""
        with self.nlp.memory_zone():
            yield
        gc.collect()


def load_resources(*, gazetteer: str = "warlog.places.v1",
                   stage_names: Sequence[str] = DEFAULT_STAGES) -> Resources:
    """Load the language pipeline and gazetteer, and check the stage order."""
    check_order(stage_names)
    resources = Resources(nlp=load_nlp(), gazetteer=load_gazetteer(gazetteer).warm(),
                          stage_names=tuple(stage_names))
    # What is loaded lives as long as the process: out of the cyclic collector's sight,
    # so that collecting after every batch (``Resources.zone``) looks only at the batch.
    gc.collect()
    gc.freeze()
    return resources


def read_report(doc: Document, *, resources: Resources) -> Report:
    """Every event and claim the report tells."""
    with resources.zone():
        (parsed,) = parse_texts([doc.text], nlp=resources.nlp)
        return read_parsed(doc, parsed, resources=resources)


def read_parsed(doc: Document, parsed: object, *, resources: Resources) -> Report:
    """The same, for a document already parsed (``parse_texts`` in batches)."""
    ann = Annotated(document=doc, parsed=parsed)  # type: ignore[arg-type]
    ctx = Context(country_of=partial(country_of, gazetteer=resources.gazetteer),
                  geoparse=partial(geoparse, gazetteer=resources.gazetteer, capitals=True))
    for name in resources.stage_names:
        ann = stages.get(name).func(ann, ctx)
    return Report(document=doc, events=ann.events or (), claims=ann.claims or ())


def find_places(doc: Document, *, resources: Resources) -> tuple[Place, ...]:
    """Every place the report names, resolved: the geoparser on its own."""
    with resources.zone():
        (parsed,) = parse_texts([doc.text], nlp=resources.nlp)
        return geoparse(parsed, gazetteer=resources.gazetteer)
