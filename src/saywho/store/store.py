"""Opening a store and writing to it in transactions.

    conn = connect("saywho.db")          # creates or migrates the file; WAL mode, foreign keys on
    with transaction(conn):
        ...                              # BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception

Connections are in autocommit mode (`isolation_level=None`): every write goes through `transaction`, so that what
commits together is explicit (one article = one transaction) and a killed process leaves no half-written article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from .schema import StoreError, migrate

DEFAULT_DB = "saywho.db"


def connect(path: str | Path = DEFAULT_DB, *, readonly: bool = False, create: bool = True) -> sqlite3.Connection:
    """Open (and create or migrate, unless `readonly`) the store at `path`; ":memory:" works too."""
    path = str(path)
    if path != ":memory:":
        exists = Path(path).exists()
        if not exists and (readonly or not create):
            raise StoreError(f"no store at {path} (run `saywho ingest` first)")
        if exists and Path(path).is_dir():
            raise StoreError(f"{path} is a directory, not a store file")
    try:
        if readonly:
            conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # With WAL, NORMAL loses no committed transaction on a process crash (kill -9), only on power loss.
                conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        else:
            _check_readable(conn)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open store {path}: {err}") from None
    return conn


def _check_readable(conn: sqlite3.Connection) -> None:
    from .schema import current_version, schema_version

    version = current_version(conn)
    if version == 0:
        raise StoreError("not a saywho store (no schema version)")
    if version != schema_version():
        raise StoreError(f"store schema version {version}, this saywho expects {schema_version()}: open it writable")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE (takes the write lock up front), COMMIT, or ROLLBACK on error.

    Nested use joins the outer transaction.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
