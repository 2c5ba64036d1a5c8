"""The warlog command: parses arguments, calls the work, prints, exits."""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from importlib.resources import files
from typing import Any, Self

import click

from warlog import __version__
from warlog.errors import OutputError, WarlogError
from warlog.export import dumps_line, places_json, report_json, summary_lines
from warlog.ingest.names import printable, printable_json
from warlog.ingest.sources import Limits, find_sources
from warlog.model import Document, Report
from warlog.settings import load_settings

log = logging.getLogger("warlog")


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


PUBLISHED = click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
                         help="publication date of the reports (over sidecar, page and dateline)")


@click.group()
@click.version_option(__version__, prog_name="warlog")
@click.option("-v", "--verbose", is_flag=True, help="log progress and diagnostics to stderr")
def cli(verbose: bool) -> None:
    """warlog: news reports about armed attacks in, a sourced record of events out."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LogLines(verbose=verbose))
    if not verbose:
        # trafilatura, htmldate and their kind log their own ERROR and WARNING lines about
        # pages; warlog says what matters in its own one-line notices and errors
        handler.addFilter(lambda record: record.name.split(".")[0] == "warlog")
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler],
                        force=True)


class _LogLines(logging.Formatter):
    """warlog's warnings as `Notice: …` lines; everything with -v in full. Both printable."""

    def __init__(self, *, verbose: bool) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        if not self.verbose and record.levelno == logging.WARNING:
            return printable(f"Notice: {record.getMessage()}")
        return printable(super().format(record))


def _out(line: str) -> None:
    """One line on standard output, made safe for a terminal; E801 when it cannot be written."""
    if sys.stdout is None:
        raise OutputError("E801", why="standard output is closed")
    try:
        click.echo(printable(line))
    except OSError as err:
        raise OutputError("E801", why=err.strerror or str(err)) from None


def _out_json(line: str) -> None:
    _out(printable_json(line))


def _limits(settings: dict[str, Any]) -> Limits:
    return Limits(max_bytes=settings["max_input_bytes"], max_chars=settings["max_text_chars"])


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@PUBLISHED
@click.option("--json", "as_json", is_flag=True, help="one JSON object per report (JSON Lines)")
@click.option("--with-text", is_flag=True, help="add the normalised text that spans point into")
def extract(paths: tuple[str, ...], published: date | None, as_json: bool, with_text: bool) -> None:
    """Print the events and claims each report tells. Touches no database.

    PATHS are files, folders (read recursively), http(s) URLs or - for stdin: text and HTML
    reports, RSS/Atom feeds (a report per item), WARC/ARC archives (a report per page) and
    .gz files of any of these (docs/sources.md).
    """
    settings = load_settings()
    lazy = LazyResources(gazetteer=settings["gazetteer"])
    counter = _Failures(limits=_limits(settings))
    docs = counter.documents(paths, published=published)
    for report in _reports(docs, lazy=lazy, batch_size=settings["batch_size"], failures=counter,
                           seconds=settings["time_limit"]):
        if as_json:
            _out_json(dumps_line(report_json(report, with_text=with_text)))
        else:
            _out("\n".join(summary_lines(report)))
    raise SystemExit(1 if counter.failed else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@PUBLISHED
@click.option("--json", "as_json", is_flag=True, help="one JSON object per report (JSON Lines)")
def places(paths: tuple[str, ...], published: date | None, as_json: bool) -> None:
    """Print every place each report names, resolved: the geoparser on its own."""
    from warlog.pipeline import find_places

    settings = load_settings()
    lazy = LazyResources(gazetteer=settings["gazetteer"])
    counter = _Failures(limits=_limits(settings))
    for doc in counter.documents(paths, published=published):
        found = find_places(doc, resources=lazy.get())
        if as_json:
            _out_json(dumps_line(places_json(doc, found)))
            continue
        _out(f"{doc.path}: {len(found)} places")
        for p in found:
            where = "unresolved" if p.lat is None or p.lon is None else f"{p.lat:.4f}, {p.lon:.4f}"
            _out(f"  {p.text!r} → {p.name}, {p.country or '?'} "
                 f"({p.precision or '-'}, {p.role}) {where}")
    raise SystemExit(1 if counter.failed else 0)


class _Failures:
    """Reads the inputs, naming each unreadable one on stderr, and counts them."""

    def __init__(self, *, limits: Limits | None = None) -> None:
        self.failed = 0
        self.limits = limits or Limits()

    def documents(self, paths: Sequence[str], *, published: date | None) -> Iterator[Document]:
        from warlog.ingest.streams import documents_of

        sources, notices = find_sources(paths)
        for notice in notices:
            click.echo(printable(f"Notice: {notice.message}"), err=True)
        for source in sources:
            for item in documents_of(source, published=published, limits=self.limits):
                if isinstance(item, Document):
                    yield item
                else:
                    self.fail(item)

    def fail(self, err: WarlogError) -> None:
        click.echo(printable(f"Error: {err}"), err=True)
        self.failed += 1


class LazyResources:
    """spaCy and the gazetteer, loaded on first need: a run whose inputs all fail to read
    never pays for them."""

    def __init__(self, *, gazetteer: str) -> None:
        self._gazetteer = gazetteer
        self._loaded: Any = None

    def get(self) -> Any:
        if self._loaded is None:
            from warlog.pipeline import load_resources

            self._loaded = load_resources(gazetteer=self._gazetteer)
        return self._loaded


def _reports(docs: Iterator[Document], *, lazy: LazyResources, batch_size: int,
             failures: _Failures, seconds: float = 0) -> Iterator[Report]:
    """Reports in input order; documents parsed together (in windows) in batches."""
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _read_batch(batch, lazy.get(), failures, seconds=seconds)
            batch = []
    if batch:
        yield from _read_batch(batch, lazy.get(), failures, seconds=seconds)


def _read_batch(batch: list[Document], resources: Any, failures: _Failures, *,
                seconds: float) -> Iterator[Report]:
    from warlog.batch.reading import read_each

    with resources.zone():
        for _, got in read_each(batch, (d.text for d in batch), resources=resources,
                                seconds=seconds, then=lambda _doc, report: report):
            if isinstance(got, WarlogError):
                failures.fail(got)
            else:
                yield got


# -- the store: ingest, events, tally (work in warlog.batch, warlog.store, warlog.link) ---

DB = click.option("--db", "db_url", metavar="URL",
                  help="database URL: sqlite:///FILE or postgresql://… "
                       "(default: WARLOG_DB_URL, else a SQLite file in the user data dir)")
SINCE = click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD",
                     help="from this day on (included)")
UNTIL = click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD",
                     help="up to this day (included)")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB
@PUBLISHED
@click.option("--dask", "dask_spec", metavar="local[:N]|tcp://HOST:PORT",
              help="read the reports on a Dask cluster: a local one of N workers (default: "
                   "the workers setting), or the scheduler at the address")
@click.option("--prefilter/--no-prefilter", default=None,
              help="skip reports, and paragraphs, that cannot tell an attack or a tally "
                   "(default: the prefilter setting, on)")
def ingest(paths: tuple[str, ...], db_url: str | None, published: date | None,
           dask_spec: str | None, prefilter: bool | None) -> None:
    """Extract, geocode, link and store reports; re-ingesting a report changes nothing.

    PATHS are files, folders (read recursively), http(s) URLs or - for stdin: text and
    HTML reports, RSS/Atom feeds, WARC/ARC archives and .gz files (docs/sources.md).
    Reports are read in batches, each stored in one transaction; when one fails, its
    reports are stored one by one, so a failing report is named on stderr and leaves
    nothing behind. Reports already stored are skipped before any work, so an
    interrupted run resumes. Of two versions of a report (same URL) the later published
    one counts.
    """
    from warlog.batch.driver import InProcess, Plan, ingest_batched
    from warlog.store.engine import open_store

    settings = load_settings(db_url=db_url, prefilter=prefilter)
    runner_cm = _runner(dask_spec, settings)
    store = open_store(settings["db_url"])
    sources, notices = find_sources(paths)
    for notice in notices:
        click.echo(printable(f"Notice: {notice.message}"), err=True)
    plan = Plan(published=published, batch_size=settings["batch_size"], limits=_limits(settings))
    with runner_cm as runner, _IngestProgress() as progress:
        if runner is None:
            lazy = LazyResources(gazetteer=settings["gazetteer"])
            runner = InProcess(resources=lazy.get, prefilter=settings["prefilter"],
                               seconds=settings["time_limit"])
        summary = ingest_batched(sources, store=store, runner=runner, plan=plan,
                                 on_outcome=progress.advance)
    store.close()
    _out(summary.line())
    raise SystemExit(1 if summary.failed else 0)


def _runner(spec: str | None, settings: dict[str, Any]) -> Any:
    """The Dask runner for ``--dask`` (a context manager), else a null context."""
    from contextlib import nullcontext

    if spec is None:
        return nullcontext(None)
    from warlog.batch.dask import DaskRunner, parse_spec

    return DaskRunner(spec=parse_spec(spec, workers=settings["workers"]),
                      gazetteer=settings["gazetteer"], prefilter=settings["prefilter"],
                      seconds=settings["time_limit"],
                      on_dashboard=lambda link: click.echo(f"Dask dashboard: {link}", err=True))


class _IngestProgress:
    """Reports done so far on one stderr line when it is a terminal; each failure named."""

    def __init__(self) -> None:
        self._live = sys.stderr.isatty()
        self._counts: dict[str, int] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live and self._counts:
            click.echo("", err=True)

    def advance(self, outcome: Any) -> None:
        self._counts[outcome.status] = self._counts.get(outcome.status, 0) + 1
        if outcome.status == "failed":
            click.echo(("\n" if self._live else "") + printable(f"Error: {outcome.error}"),
                       err=True)
        if self._live:
            done = sum(self._counts.values())
            parts = ", ".join(f"{n} {status}" for status, n in sorted(self._counts.items()))
            click.echo(f"\ringesting: {done} reports ({parts})", err=True, nl=False)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="10m", show_default=True, metavar="DURATION",
              help="how often to poll each source: 30s, 10m, 1h…")
@DB
@click.option("--once", is_flag=True, help="poll every source once, then exit (for cron)")
@click.option("--alert", "alert_rules", multiple=True, metavar="RULE",
              help="near=LAT,LON,KM, country=CC, actor=WORD, killed>=N or injured>=N; tests "
                   "joined by & must all hold; repeatable (any rule fires)")
@click.option("--alerts-to", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="append alert JSON lines to FILE (default: standard output)")
@click.option("--on-alert", metavar="CMD",
              help="run CMD (no shell; split like a shell would) with each alert's JSON on stdin")
def watch(sources: tuple[str, ...], every: str, db_url: str | None, once: bool,
          alert_rules: tuple[str, ...], alerts_to: str | None, on_alert: str | None) -> None:
    """Poll feeds, pages and folders; ingest what is new; print each new or updated event.

    SOURCES are http(s) URLs (feeds or pages, fetched with conditional GETs) and files or
    folders (re-read when they change). Items already seen are remembered in the database.
    A failing source is named on stderr and retried later, waiting longer each time.
    Ctrl-C or SIGTERM stops it between reports (docs/watch.md).
    """
    from warlog.alerts import Alerts, parse_rule
    from warlog.ingest.fetch import FetchRules
    from warlog.store.engine import open_store
    from warlog.watch import Echo, Watch, install_stop, parse_every, summary_line

    seconds = parse_every(every)
    rules = [parse_rule(r) for r in alert_rules]
    settings = load_settings(db_url=db_url)
    store = open_store(settings["db_url"])
    out = open(alerts_to, "a", encoding="utf-8") if alerts_to else sys.stdout  # noqa: SIM115
    echo = Echo(out=lambda line: click.echo(line), err=lambda line: click.echo(line, err=True))
    alerts = (Alerts(rules, out=out, command=on_alert, warn=lambda e: echo.err(f"Error: {e}"))
              if rules else None)
    lazy = LazyResources(gazetteer=settings["gazetteer"])
    watcher = Watch(sources, store=store, resources=lazy.get, every=seconds, echo=echo,
                    rules=FetchRules.from_settings(settings), alerts=alerts,
                    max_backoff=float(settings["watch_max_backoff"]),
                    batch_size=settings["batch_size"])
    restore = install_stop(watcher.stop)
    try:
        summary = watcher.run(once=once)
    finally:
        restore()
        store.close()
        if out is not sys.stdout:
            out.close()
    click.echo(summary_line(summary, failed_polls=watcher.failed_polls))
    raise SystemExit(1 if once and (summary.failed or watcher.failed_polls) else 0)


def _check_period(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}")


@cli.command()
@DB
@SINCE
@UNTIL
@click.option("--country", metavar="CC", help="ISO 3166 alpha-2 code of the event's country")
@click.option("--json", "as_json", is_flag=True, help="one MERGED EVENT per line (JSON Lines)")
@click.option("--explain", "explain_id", metavar="ID",
              help="print why each source of merged event ID is linked (the evidence, weighed)")
def events(db_url: str | None, since: date | None, until: date | None, country: str | None,
           as_json: bool, explain_id: str | None) -> None:
    """Print the merged events, each with all its sources, oldest first.

    An event is listed when its dates meet the period; --country keeps events located in
    that country. --explain ID prints one event's sources and, for each, the comparisons
    that link it and their weights (with --json: its MERGED EVENT record).
    """
    from warlog.batch.queries import event_record, event_records
    from warlog.errors import NotFound
    from warlog.link.records import explain_lines, merged_line
    from warlog.store.engine import open_store

    _check_period(since, until)
    store = open_store(load_settings(db_url=db_url)["db_url"], create=False)
    try:
        if explain_id is not None:
            record = event_record(store, explain_id)
            if record is None:
                raise NotFound("E702", id=explain_id)
            if as_json:
                _out_json(dumps_line(record))
            else:
                for line in explain_lines(record):
                    _out(line)
            return
        for record in event_records(store, since=since, until=until, country=country):
            if as_json:
                _out_json(dumps_line(record))
            else:
                _out(merged_line(record))
    finally:
        store.close()


@cli.command()
@DB
@click.option("--merge", "merge_ids", nargs=2, metavar="ID ID",
              help="record that two merged events are one event")
@click.option("--split", "split_args", nargs=2, metavar="ID SOURCE",
              help="record that SOURCE (a source key or document id) is not event ID's event")
@click.option("--list", "list_all", is_flag=True, help="list the decisions, undone ones marked")
@click.option("--undo", "undo_number", type=int, metavar="N", help="undo decision number N")
@click.option("--json", "as_json", is_flag=True, help="with --list: one decision per line (JSON Lines)")
def link(db_url: str | None, merge_ids: tuple[str, str] | None, split_args: tuple[str, str] | None,
         list_all: bool, undo_number: int | None, as_json: bool) -> None:
    """Correct the linking by hand: merge, split, list and undo decisions.

    A decision is stored in the database and respected by every later ingest and
    re-link: a merge joins the two events whatever the evidence says, a split keeps the
    source out of the other sources' event. Give exactly one of the options.
    """
    from warlog.batch import decisions
    from warlog.store.engine import open_store

    chosen = [o for o, v in (("--merge", merge_ids), ("--split", split_args),
                             ("--list", list_all), ("--undo", undo_number)) if v]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --merge, --split, --list, --undo"
                               + (f" (got {', '.join(chosen)})" if chosen else ""))
    store = open_store(load_settings(db_url=db_url)["db_url"])
    try:
        if list_all:
            for d in decisions.listed(store):
                if as_json:
                    _out_json(dumps_line(decisions.decision_record(d)))
                else:
                    _out(decisions.decision_line(d))
            return
        if merge_ids:
            done = decisions.merge(store, *merge_ids)
        elif split_args:
            done = decisions.split(store, *split_args)
        else:
            assert undo_number is not None
            done = decisions.undo(store, undo_number)
    finally:
        store.close()
    verb = "undone" if undo_number is not None else "recorded"
    click.echo(f"decision {done.number} {verb}; its events are now in: "
               + ", ".join(f"{merged_id} ({len(keys)} source{'s' if len(keys) != 1 else ''})"
                           for merged_id, keys in done.merged))


@cli.command()
@DB
@SINCE
@UNTIL
@click.option("--by", type=click.Choice(["country", "weapon", "actor", "week"]),
              default="country", show_default=True, help="how to group the events (ISO weeks)")
@click.option("--json", "as_json", is_flag=True, help="one JSON object")
def tally(db_url: str | None, since: date | None, until: date | None, by: str,
          as_json: bool) -> None:
    """Count events, killed and injured, with the official tallies reports quote beside them.

    An event counts when its whole time span lies in the period; partial overlaps are
    listed apart as uncertain. Each claim is set beside the events on record in its own
    scope and period (docs/tally.md), a claim repeated by several reports once.
    """
    from warlog.batch.queries import tally_of
    from warlog.link.tally_text import tally_json, tally_lines
    from warlog.store.engine import open_store

    _check_period(since, until)
    store = open_store(load_settings(db_url=db_url)["db_url"], create=False)
    counted = tally_of(store, since=since, until=until, by=by)  # type: ignore[arg-type]
    store.close()
    if as_json:
        _out_json(dumps_line(tally_json(counted)))
    else:
        _out("\n".join(tally_lines(counted)))


# -- serve, export, demo (work in warlog.api and warlog.exports) --------------------------

HOST = click.option("--host", default=None, metavar="ADDRESS",
                    help="address to listen on (default: WARLOG_HOST, else 127.0.0.1: this "
                         "machine only)")
PORT = click.option("--port", type=click.IntRange(0, 65535), default=None,
                    help="port to listen on (default: WARLOG_PORT, else 8000; 0: any free port)")


@cli.command()
@DB
@HOST
@PORT
def serve(db_url: str | None, host: str | None, port: int | None) -> None:
    """Serve the read-only API (/api, schema at /api/openapi.json) and the dashboard (/).

    Listens on 127.0.0.1 unless --host says otherwise; stops on Ctrl-C.
    """
    from warlog.api.server import serve as run_server
    from warlog.store.engine import open_store

    settings = load_settings(db_url=db_url, host=host, port=port)
    store = open_store(settings["db_url"], create=False)
    _warn_beyond_loopback(settings["host"])
    try:
        run_server(store, host=settings["host"], port=settings["port"],
                   allowed_hosts=_allowed_hosts(settings), on_ready=_serving)
    finally:
        store.close()


def _allowed_hosts(settings: dict[str, Any]) -> list[str]:
    return [h.strip() for h in str(settings["allowed_hosts"]).split(",") if h.strip()]


def _warn_beyond_loopback(host: str) -> None:
    from warlog.api.hosts import is_loopback

    if not is_loopback(host):
        click.echo(f"Warning: listening on {host}: the dashboard and API are reachable from "
                   "other machines, without a password; requests must name this machine by "
                   "address or by a name in WARLOG_ALLOWED_HOSTS", err=True)


def _serving(url: str) -> None:
    click.echo(f"warlog dashboard at {url} (API at {url}api/events); Ctrl-C stops it", err=False)
    sys.stdout.flush()


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl"]),
              required=True, help="acled-csv: ACLED's columns, then warlog's; geojson: a "
                                  "FeatureCollection of points; jsonl: MERGED EVENT records")
@DB
@SINCE
@UNTIL
@click.option("--country", metavar="CC", help="ISO 3166 alpha-2 code of the event's country")
@click.option("--sub-type", metavar="NAME", help="ACLED sub-event type in snake case "
                                                 "(air_drone_strike, armed_clash, …)")
@click.option("--weapon", metavar="NAME", help="the weapon (drone, rocket, ied, …)")
@click.option("--actor", metavar="TEXT", help="part of the attacker's or target's name, any case")
@click.option("--bbox", metavar="W,S,E,N", help="events located in this box of degrees")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="file to write (default: standard output)")
def export(fmt: str, db_url: str | None, since: date | None, until: date | None,
           country: str | None, sub_type: str | None, weapon: str | None, actor: str | None,
           bbox: str | None, output: str | None) -> None:
    """Write the merged events for other tools, oldest first (docs/export.md).

    The filters are those of `warlog events`, and of the API's /api/events.
    """
    from warlog.api.params import parse_bbox
    from warlog.exports.selection import EventFilter

    _check_period(since, until)
    chosen = EventFilter(since=since, until=until, country=country.upper() if country else None,
                         sub_type=sub_type, weapon=weapon, actor=actor,
                         bbox=parse_bbox("--bbox", bbox))
    records, texts = _export_records(load_settings(db_url=db_url)["db_url"], chosen)
    if output is None:
        if sys.stdout is None:
            raise OutputError("E801", why="standard output is closed")
        _write_export(fmt, records, texts, sys.stdout)
        return
    with open(output, "w", encoding="utf-8", newline="") as out:
        n = _write_export(fmt, records, texts, out)
    click.echo(f"{n} events written to {output}", err=True)


def _export_records(db_url: str | None, chosen: Any) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The records `warlog events` prints, filtered, and the texts their evidence is in."""
    from warlog.batch.queries import event_records
    from warlog.exports.selection import event_row
    from warlog.exports.text import lead_documents
    from warlog.store.engine import open_store
    from warlog.store.queries_api import document_texts

    store = open_store(db_url, create=False)
    try:
        records = [r for r in event_records(store, since=chosen.since, until=chosen.until,
                                            country=chosen.country)
                   if chosen.matches(event_row(r))]
        with store.engine.connect() as conn:
            texts = document_texts(conn, lead_documents(records))
    finally:
        store.close()
    return records, texts


def _write_export(fmt: str, records: list[dict[str, Any]], texts: dict[str, str],
                  out: Any) -> int:
    from warlog.exports.acled import write_acled_csv
    from warlog.exports.geojson import write_geojson, write_jsonl

    if fmt == "acled-csv":
        return write_acled_csv(records, out, texts=texts, country_names=_country_names(records))
    if fmt == "geojson":
        return write_geojson(records, out, texts=texts)
    return write_jsonl(records, out)


def _country_names(records: list[dict[str, Any]]) -> dict[str, tuple[str, int | None]]:
    """ISO alpha-2 → (the country's common name, ISO numeric code), from pycountry."""
    import pycountry

    out: dict[str, tuple[str, int | None]] = {}
    for code in sorted({(r.get("location") or {}).get("country") or "" for r in records} - {""}):
        found = pycountry.countries.get(alpha_2=code)
        if found is not None:
            name = getattr(found, "common_name", None) or found.name
            out[code] = (name, int(found.numeric))
    return out


@cli.command()
@HOST
@PORT
@click.option("--no-serve", is_flag=True, help="stop after the ingest and print where the data is")
def demo(host: str | None, port: int | None, no_serve: bool) -> None:
    """Ingest the bundled example reports into a demo database and serve the dashboard.

    The demo's SQLite file lives in the user data dir, apart from the default database;
    running the demo again re-uses it (re-ingesting changes nothing).
    """
    from warlog.batch.local import ingest_sources
    from warlog.store.engine import open_store

    settings = load_settings(host=host, port=port)
    url = demo_db_url()
    store = open_store(url)
    sources, _notices = find_sources([str(files("warlog") / "examples")])
    lazy = LazyResources(gazetteer=settings["gazetteer"])
    with _IngestProgress() as progress:
        summary = ingest_sources(sources, store=store, resources=lazy.get,
                                 batch_size=settings["batch_size"], on_outcome=progress.advance)
    click.echo(summary.line())
    click.echo(f"demo database: {url}")
    if no_serve or summary.failed:
        store.close()
        click.echo(f"see it with: warlog serve --db {url}")
        raise SystemExit(1 if summary.failed else 0)
    from warlog.api.server import serve as run_server

    _warn_beyond_loopback(settings["host"])
    try:
        run_server(store, host=settings["host"], port=settings["port"],
                   allowed_hosts=_allowed_hosts(settings), on_ready=_serving)
    finally:
        store.close()


def demo_db_url() -> str:
    """The demo's own SQLite file in the user data dir (never the default database)."""
    from pathlib import Path

    from platformdirs import user_data_dir

    path = Path(user_data_dir("warlog", appauthor=False)) / "demo" / "warlog-demo.sqlite3"
    return f"sqlite:///{path}"


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: WarlogError becomes `Error: [code] message` and its exit status."""
    code = _run(argv)
    raise SystemExit(_flushed(code))


def _run(argv: Sequence[str] | None) -> int:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="warlog",
                 standalone_mode=False)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except WarlogError as err:
        click.echo(printable(f"Error: {err}"), err=True)
        return err.exit_code
    except OSError as err:
        if sys.stdout is None or err.errno not in _WRITE_ERRORS:
            raise
        # a write to standard output that failed on its way out (a full disk, a closed pipe)
        click.echo(f"Error: {OutputError('E801', why=err.strerror or str(err))}", err=True)
        return 1
    return 0


_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EIO, errno.EDQUOT})


def _flushed(code: int) -> int:
    """Flush standard output now, so that a failed write is one error line and exit 1, not
    Python's "Exception ignored" at exit with the status 120."""
    if sys.stdout is None:
        return code
    try:
        sys.stdout.flush()
    except OSError as err:
        click.echo(f"Error: {OutputError('E801', why=err.strerror or str(err))}", err=True)
        code = code or 1
    else:
        return code
    # what is left in the buffer can never be written: point the descriptor at /dev/null
    # so that the interpreter's own flush at exit finds nothing to fail on
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return code
