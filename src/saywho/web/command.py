"""`saywho serve`: the web pages and JSON API over a store, with uvicorn."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from . import DEFAULT_MAX_UPLOAD_BYTES


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"saywho: error: {message}", err=True)
    return typer.Exit(code)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: Annotated[Path, typer.Option("--db", help="The store to serve.")] = Path("saywho.db"),
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Accept POST /api/ingest and actor merges/splits (with the token).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="SAYWHO_TOKEN",
            help="Bearer token that writes must carry (default with --allow-writes: a random one, printed).",
        ),
    ] = None,
    max_upload_bytes: Annotated[
        int, typer.Option(help="Largest article text or file accepted by /analyze and /api/ingest.", min=1)
    ] = DEFAULT_MAX_UPLOAD_BYTES,
    accurate: Annotated[
        bool,
        typer.Option(
            "--accurate",
            # Help is rich markup: "\\[" keeps the extra's brackets, which would be read as a style tag.
            help="Analyse posted articles in the accurate mode (the fine-tuned encoder; needs "
            'pip install "saywho\\[accurate]"). Loads the pipeline at start-up.',
        ),
    ] = False,
) -> None:
    """Serve the store as web pages (article, actor, issue, search, analyze) and a JSON API (/api, /openapi.json)."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError as err:
        raise _fail(f"the web server needs fastapi, uvicorn, jinja2 and python-multipart ({err})") from None
    from saywho.errors import SaywhoError

    if token is not None and not allow_writes:
        typer.echo("saywho: warning: --token has no effect without --allow-writes; serving read-only", err=True)
    if token is not None and len(token) < 12:
        raise _fail("the token must be at least 12 characters long")
    try:
        # The accurate pipeline is loaded now, so that a missing extra fails here and not on the first request.
        pipeline = _accurate_pipeline() if accurate else None
        app = create_app(
            db, allow_writes=allow_writes, token=token, max_upload_bytes=max_upload_bytes, pipeline=pipeline
        )
    except SaywhoError as err:
        raise _fail(str(err)) from None
    state = app.state.saywho
    shown = f"[{host}]" if ":" in host else host
    mode = ("writes allowed" if allow_writes else "read-only") + (", accurate mode" if accurate else "")
    typer.echo(f"saywho: serving {db} at http://{shown}:{port}/ ({mode})")
    if allow_writes:
        if token is None:
            typer.echo(f"saywho: write token (send as 'Authorization: Bearer <token>'): {state.token}")
        if not _loopback(host):
            typer.echo("saywho: warning: writes allowed on a non-local interface; the token travels in clear", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


def _accurate_pipeline() -> object:
    from saywho.pipeline import Pipeline

    return Pipeline(accurate=True)


def register(app: typer.Typer) -> None:
    """Add `serve` to the main `saywho` app."""
    app.command("serve")(serve)


def main() -> None:
    app = typer.Typer(help="saywho web server.", no_args_is_help=False, pretty_exceptions_enable=False)
    app.command()(serve)
    app()


if __name__ == "__main__":
    main()
