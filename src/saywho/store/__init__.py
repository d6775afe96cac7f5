"""The dialogue record: many analysed articles in one SQLite file, canonical actors, queries and exports.

    from saywho.store import connect, ingest, queries
    ingest(["articles/"], "saywho.db", workers=4)
    conn = connect("saywho.db")
    queries.quotes(conn, actor="Petrov", issue="peace treaty").items

Modules: `schema` (DDL, migrations), `store` (connections, transactions), `ingest`, `actors` (canonical actors,
merge/split, alias files), `links` (articles linked as translations), `queries` (read-only questions, plain
dicts), `export` (JSON Lines, CSV, GraphML, DNA), `commands` (the CLI). See docs/store.md.
"""

from __future__ import annotations

from . import queries
from .actors import merge_actors, split_actor
from .ingest import IngestSummary, ingest, store_article
from .schema import StoreError, schema_version
from .store import DEFAULT_DB, connect, transaction

__all__ = [
    "DEFAULT_DB",
    "IngestSummary",
    "StoreError",
    "connect",
    "ingest",
    "merge_actors",
    "queries",
    "schema_version",
    "split_actor",
    "store_article",
    "transaction",
]
