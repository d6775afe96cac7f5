"""A real store for the web tests: the example article, a few PolNeAR dev texts (when the shared folder is there)
and two dated articles of our own (one quoting `<script>alert(1)</script>`), all through `saywho.store.ingest`."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "tests" / "data" / "izvestia-island-task.txt"
POLNEAR_DEV = REPO.parent / "shared" / "polnear" / "dev" / "text"
POLNEAR_TEXTS = 3

XSS = "<script>alert(1)</script>"
RECORDS = [
    {
        "title": "Springfield <b>mayor</b> rejects the sanctions plan",
        "published": "2025-03-04",
        "publisher": "Test Wire",
        "text": (
            "Springfield mayor rejects the sanctions plan\n\n"
            "The mayor of Springfield, John Smith, said on Tuesday that the city would not join the sanctions. "
            f'"{XSS} is not how we talk about sanctions," Smith told reporters. '
            "Andrei Rudenko, the Russian Deputy Foreign Minister, said that Moscow opposes any new sanctions "
            "against Russia.\n"
        ),
    },
    {
        "title": "Talks resume",
        "published": "2025-05-12",
        "publisher": "Test Wire",
        "text": (
            "Talks resume\n\n"
            "Russian Deputy Foreign Minister Andrei Rudenko said on Monday that Moscow is ready to resume talks on a "
            'peace treaty only if Tokyo lifts the sanctions. "We are ready to talk," Rudenko told reporters.\n'
        ),
    },
]


@dataclass
class WebStore:
    db: Path
    example_id: int
    xss_id: int
    dated_id: int
    polnear: int  # PolNeAR texts ingested


def build_store(directory: Path, pipeline: Any = None) -> WebStore:
    from saywho.store import ingest

    directory.mkdir(parents=True, exist_ok=True)
    feed = directory / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    polnear = sorted(POLNEAR_DEV.glob("*.txt"))[:POLNEAR_TEXTS] if POLNEAR_DEV.is_dir() else []
    db = directory / "web.db"
    summary = ingest([EXAMPLE, *polnear, feed], db, pipeline=pipeline)
    assert not summary.failed, summary.failed
    conn = sqlite3.connect(db)
    try:
        ids = {
            key: conn.execute("SELECT id FROM articles WHERE source_path LIKE ?", (pattern,)).fetchone()[0]
            for key, pattern in (("example", "%izvestia-island-task.txt"), ("xss", "%feed.jsonl:1"), ("dated", "%:2"))
        }
    finally:
        conn.close()
    return WebStore(db, ids["example"], ids["xss"], ids["dated"], len(polnear))


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store (SQLite's backup API: WAL contents included)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target
