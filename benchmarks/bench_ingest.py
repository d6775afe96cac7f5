#!/usr/bin/env python3
"""Ingest throughput of the store: articles/s, peak memory and database size, for one or more --workers values.

    python benchmarks/bench_ingest.py                       # PolNeAR dev texts + the example, --workers 1 and 2
    python benchmarks/bench_ingest.py --workers 1 2 4 --limit 40 --json

Each setting runs in a fresh process on a fresh database: a first ingest (timed: articles/s, from the call to the
last commit, model loading included) and a second ingest of the same inputs, which must store nothing (idempotence,
checked) and shows how fast a rerun skips stored articles. Peak RSS is the parent's high-water mark and the largest
worker's (ru_maxrss); the database size is measured after a WAL checkpoint. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "polnear" / "dev" / "text"
EXAMPLE = REPO / "examples" / "izvestia-island-task.txt"


def _mb(kib: int) -> float:
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024


def inputs(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if limit is not None:
        files = files[:limit]
    return [EXAMPLE, *files] if EXAMPLE.exists() else files


def run_one(files: list[Path], workers: int) -> dict[str, Any]:
    from saywho.store import connect, ingest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        first = ingest(files, db, workers=workers)
        first_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        second = ingest(files, db, workers=workers)
        second_s = time.perf_counter() - t1
        size = sum(p.stat().st_size for p in Path(tmp).iterdir() if p.name.startswith("bench.db"))
        conn = connect(db)
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "statements", "actors")
        }
        conn.close()
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    return {
        "workers": workers,
        "articles": len(files),
        "words": words,
        "stored": first.stored,
        "failed": first.failed,
        "seconds": round(first_s, 2),
        "articles_per_s": round(first.stored / first_s, 2) if first_s else None,
        "words_per_s": round(words / first_s) if first_s else None,
        "rerun_seconds": round(second_s, 2),
        "rerun_stored": second.stored,
        "rerun_skipped": second.skipped,
        "idempotent": second.stored == 0 and second.skipped == len(files) - len(first.failed),
        "peak_rss_mb_parent": round(_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), 1),
        "peak_rss_mb_worker": round(_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), 1),
        "db_mb": round(size / 1e6, 2),
        **counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    parser.add_argument("--limit", type=int, default=None, help="first N files of the corpus")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--single", type=int, default=None, help=argparse.SUPPRESS)  # one setting, in this process
    args = parser.parse_args()
    files = inputs(args.corpus, args.limit)
    if not files:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 1
    if args.single is not None:
        print(json.dumps(run_one(files, args.single)))
        return 0
    results = []
    for workers in args.workers:
        cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--single", str(workers)]
        if args.limit is not None:
            cmd += ["--limit", str(args.limit)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs{load}, Python {platform.python_version()}"
    if args.json:
        print(json.dumps({"machine": machine, "corpus": str(args.corpus), "runs": results}, indent=2))
    else:
        print(f"machine: {machine}")
        print(f"corpus: {args.corpus} (+ example): {results[0]['articles']} articles, {results[0]['words']} words")
        for r in results:
            print(
                f"--workers {r['workers']}: {r['articles_per_s']} articles/s ({r['words_per_s']} words/s), "
                f"{r['seconds']} s incl. model load; rerun {r['rerun_seconds']} s, stored {r['rerun_stored']}, "
                f"skipped {r['rerun_skipped']} (idempotent: {r['idempotent']}); peak RSS parent "
                f"{r['peak_rss_mb_parent']} MB, largest worker {r['peak_rss_mb_worker']} MB; DB {r['db_mb']} MB "
                f"({r['articles']} articles, {r['statements']} statements, {r['actors']} actors)"
            )
    return 0 if all(r["idempotent"] and not r["failed"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
