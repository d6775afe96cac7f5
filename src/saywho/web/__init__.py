"""`saywho serve`: server-rendered pages and a JSON API over a saywho store (see docs/web.md).

    from saywho.web import create_app
    app = create_app("saywho.db")                                  # read-only
    app = create_app("saywho.db", allow_writes=True, token="...")  # POST /api/ingest and merges need the token

Importing this package (and `saywho.web.command`) needs no web dependency; `create_app` needs fastapi, jinja2
and python-multipart, `saywho serve` uvicorn too.
"""

from __future__ import annotations

from typing import Any

DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # an article's text or file; far above any real article

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
