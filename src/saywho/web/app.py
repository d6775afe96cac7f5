"""The ASGI application: pages, the JSON API, static files, limits and error handling.

    app = create_app("saywho.db")                                        # read-only
    app = create_app("saywho.db", allow_writes=True, token="s3cret")     # writes need `Authorization: Bearer s3cret`

Every request opens its own SQLite connection (read-only unless it writes), so the server never holds a write lock
between requests and an ingest running beside it is seen at once. Errors are JSON `{"error": ..., "status": N}`
under /api and a short HTML page elsewhere; no traceback ever reaches a client.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saywho import __version__
from saywho.errors import SaywhoError
from saywho.store import connect
from saywho.store.actors import AmbiguousActor
from saywho.store.schema import StoreError

from . import DEFAULT_MAX_UPLOAD_BYTES
from .analysis import Analyzer, RequestError

log = logging.getLogger("saywho.web")

HERE = Path(__file__).resolve().parent
STATUS_TEXT = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    415: "Unsupported media type",
    422: "Invalid parameters",
    500: "Internal error",
}


@dataclass
class WebState:
    db: str
    allow_writes: bool
    token: str | None
    max_upload_bytes: int
    max_request_bytes: int
    analyzer: Analyzer
    env: Environment
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection for one request."""
        conn = connect(self.db, readonly=True)
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A writable connection; one writer at a time in this process."""
        with self.write_lock:
            conn = connect(self.db)
            try:
                yield conn
            finally:
                conn.close()

    def render(self, template: str, /, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("allow_writes", self.allow_writes)
        context.setdefault("version", __version__)
        return HTMLResponse(self.env.get_template(template).render(**context), status_code=status)


def state_of(request: Request) -> WebState:
    return request.app.state.saywho


def create_app(
    db_path: str | Path,
    *,
    allow_writes: bool = False,
    token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    max_request_bytes: int | None = None,
    pipeline: Any = None,
) -> FastAPI:
    """The saywho web application over the store at `db_path`.

    Read-only unless `allow_writes`; then POST /api/ingest and the actor edits need `Authorization: Bearer
    <token>` (a random token is made when none is given: read it from `app.state.saywho.token`).
    `max_upload_bytes` bounds an article's text or file; `max_request_bytes` (default: room for that text
    JSON-escaped) bounds any request body. `pipeline`: an already loaded `saywho.pipeline.Pipeline` (else one is
    loaded on first use). Raises StoreError when the store cannot be opened.
    """
    db = str(db_path)
    if allow_writes:
        connect(db).close()  # creates the store, or migrates an older one forward
        token = token or secrets.token_urlsafe(24)
    else:
        try:
            connect(db, create=False).close()  # migrates an older store forward; creates nothing
        except StoreError:
            connect(db, readonly=True).close()  # a file this process may not write is fine if it is current
    env = Environment(
        loader=PackageLoader("saywho.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from . import render

    env.globals.update(
        highlight=render.highlight,
        statement_title=render.statement_title,
        snippet=render.snippet,
        stance_chart=render.stance_chart,
        matrix_cell=render.matrix_cell,
        stance_sign=render.STANCE_SIGN,
        stance_order=render.STANCE_ORDER,
    )
    state = WebState(
        db=db,
        allow_writes=allow_writes,
        token=token if allow_writes else None,
        max_upload_bytes=max_upload_bytes,
        max_request_bytes=max_request_bytes or 3 * max_upload_bytes + 64 * 1024,
        analyzer=Analyzer(pipeline),
        env=env,
    )
    app = FastAPI(
        title="saywho",
        version=__version__,
        description=(
            "Who said what, about which issue, with which stance, and when: the statements of a saywho store. "
            "Lists are paginated as {items, total, next}. Writes (POST /api/ingest, actor merges and splits) are "
            "refused unless the server runs with --allow-writes, and then need `Authorization: Bearer <token>`."
        ),
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is the documentation
        redoc_url=None,
    )
    app.state.saywho = state
    _install_errors(app, state)
    app.add_middleware(BodyLimit, limit=state.max_request_bytes, state=state)
    app.add_middleware(SecurityHeaders)  # the outermost: its headers go on every response, 413s included

    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


# -- errors -------------------------------------------------------------------------------------------------------


def wants_json(path: str) -> bool:
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def error_response(state: WebState, path: str, status: int, message: str, headers: dict[str, str] | None = None):
    if wants_json(path):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    title = STATUS_TEXT.get(status, "Error")
    return state.render("error.html", status=status, title=title, message=message, code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI, state: WebState) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else STATUS_TEXT.get(exc.status_code, "error")
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return error_response(state, request.url.path, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        status = 422 if wants_json(request.url.path) else 400
        return error_response(state, request.url.path, status, _validation_message(exc))

    @app.exception_handler(RequestError)
    async def bad_request(request: Request, exc: RequestError) -> Response:
        return error_response(state, request.url.path, exc.status, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        if isinstance(exc, AmbiguousActor) and wants_json(request.url.path):
            body = {"error": str(exc), "status": 400, "candidates": exc.candidates}
            return JSONResponse(body, status_code=400)
        return error_response(state, request.url.path, 400, str(exc))

    @app.exception_handler(SaywhoError)
    async def saywho_error(request: Request, exc: SaywhoError) -> Response:
        return error_response(state, request.url.path, 400, str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(state, request.url.path, 500, "internal error; it has been logged on the server")


# -- middleware ---------------------------------------------------------------------------------------------------


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, whether they announce their length or not."""

    def __init__(self, app: ASGIApp, limit: int, state: WebState) -> None:
        self.app, self.limit, self.state = app, limit, state

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
        response = error_response(self.state, scope.get("path", ""), status, message, {"Connection": "close"})
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await self._refuse(scope, receive, send, 400, "invalid Content-Length")
                return
            if int(length) > self.limit:
                message = f"request too large: {int(length)} bytes, the limit is {self.limit} bytes"
                await self._refuse(scope, receive, send, 413, message)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send, 413, f"request too large: the limit is {self.limit} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """No inline or foreign scripts or styles, no framing, no MIME sniffing, no referrer."""

    HEADERS = [
        (
            b"content-security-policy",
            b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
