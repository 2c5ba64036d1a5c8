"""The FastAPI app: the API routes, the dashboard's static files, and the one handler
turning WarlogError (and request validation) into a JSON error with its HTTP status.

Read-only: GET routes only, HEAD answered as GET without the body, and every other
method refused (405) before any route or file is looked at, its body never read.
Interactive docs pages are off (FastAPI's load their scripts from a CDN); the OpenAPI
schema is at /api/openapi.json. Messages quote a parameter's value at most
``params.SHOWN_CHARS`` characters long, so a 60 KB parameter is not echoed back.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from warlog import __version__
from warlog.api.changes import router as changes_router
from warlog.api.index import EventIndex
from warlog.api.memo import Memo
from warlog.api.pages import RecordCache
from warlog.api.params import clip
from warlog.api.responses import SortedJSON
from warlog.api.routes import SELECTIONS_KEPT, TALLIES_KEPT, router
from warlog.errors import BadRequest, WarlogError
from warlog.exports.selection import EventRow
from warlog.store.engine import Store

log = logging.getLogger(__name__)

# The page may load and fetch only from its own origin; report text rendered as text
# is the defence against injected markup, this is the second line.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self' "
                                "'unsafe-inline'; script-src 'self'; connect-src 'self'; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
VENDOR_CHECK = "vendor/leaflet/leaflet.js"
READ_METHODS = ("GET", "HEAD")
MESSAGE_CHARS = 600


def web_root() -> Path:
    return Path(str(files("warlog") / "web"))


def create_app(store: Store, *, web_dir: Path | None = None, recheck: float = 1.0) -> FastAPI:
    app = FastAPI(title="warlog", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", default_response_class=SortedJSON,
                  description="Read-only API over warlog's merged events, sources and claims.")
    app.state.store = store
    app.state.index = EventIndex(store, recheck=recheck)
    app.state.records = RecordCache()
    app.state.tallies = Memo[bytes](size=TALLIES_KEPT)
    app.state.selections = Memo[list[EventRow]](size=SELECTIONS_KEPT)
    app.include_router(router)
    app.include_router(changes_router)
    _add_error_handlers(app)
    _mount_dashboard(app, web_dir or web_root())
    app.add_middleware(ReadOnly)
    app.middleware("http")(_security_headers)     # outermost: on ReadOnly's answers too
    return app


class ReadOnly:
    """ASGI middleware: GET passes, HEAD is served as GET with the body dropped, any
    other method gets a 405 naming the allowed ones, without reading the request body."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] == "GET":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "HEAD":
            refused = SortedJSON(error_body(None, f"method {scope['method'][:16]} not allowed: "
                                                  "this server is read-only (GET, HEAD)"),
                                 status_code=405, headers={"Allow": ", ".join(READ_METHODS)})
            await refused(scope, receive, send)
            return

        async def headers_only(message: Any) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


async def _security_headers(request: Request,
                            call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _mount_dashboard(app: FastAPI, web: Path) -> None:
    index = web / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html")

    app.mount("/static", StaticFiles(directory=web), name="static")


def error_body(code: str | None, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WarlogError)
    async def warlog_error(_request: Request, err: WarlogError) -> Response:
        return SortedJSON(error_body(err.code, clip_message(str(err))), status_code=err.http_status)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, err: RequestValidationError) -> Response:
        return await warlog_error(request, BadRequest("E701", why=validation_text(err)))

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, err: HTTPException) -> Response:
        return SortedJSON(error_body(None, clip_message(str(err.detail))),
                          status_code=err.status_code, headers=err.headers)

    @app.exception_handler(Exception)
    async def internal(_request: Request, err: Exception) -> Response:
        log.error("API request failed", exc_info=err)
        failure = WarlogError("E706", why=type(err).__name__)
        return SortedJSON(error_body(failure.code, str(failure)), status_code=500)


def validation_text(err: RequestValidationError) -> str:
    """One line per bad parameter: its name, what is wrong, what was given."""
    parts = []
    for e in err.errors():
        where = clip(str(e.get("loc", ("?",))[-1]), quoted=False)
        got = e.get("input")
        shown = f" (got {clip(got)})" if isinstance(got, (str, int, float)) else ""
        parts.append(f"{where}: {clip(str(e.get('msg', 'invalid')), quoted=False)}{shown}")
    return "; ".join(parts)


def clip_message(message: str) -> str:
    """The last bound on an error message's size, whatever put a value in it."""
    return message if len(message) <= MESSAGE_CHARS else message[:MESSAGE_CHARS] + "…"


def dashboard_missing(web: Path) -> Path | None:
    """The first dashboard file absent from the installed package, if any."""
    for name in ("index.html", "app.js", VENDOR_CHECK):
        if not (web / name).exists():
            return web / name
    return None
