#!/usr/bin/env python3
"""How analysis time grows with the length of one document: a transcript-like text of thousands of quotations.

    python benchmarks/bench_scaling.py [--sizes 60000,120000,240000,480000]

News articles are short, but a pasted feed or transcript is not, and any step that compares every candidate with
every other makes such a file take minutes or hours. The texts are built here (a numbered quotation by one
speaker and an indirect report per line), so the run needs no data. Prints, per size, the seconds, the
attributions found, and microseconds per character: a flat last column means linear time.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

LINE = '"We disagree on point {n}," said Minister Ivan Petrov. Petrov added that the talks would continue.\n'


def transcript(size: int) -> str:
    lines, total, n = ["Talks in the capital\n\n"], 0, 0
    while total < size:
        line = LINE.format(n=n)
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="60000,120000,240000,480000", help="comma-separated sizes in characters")
    args = parser.parse_args()
    from saywho.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.analyze_text(transcript(2000))  # load the models outside the timings
    print(f"machine: {platform.machine()} x{__import__('os').cpu_count()}, Python {platform.python_version()}")
    print(f"{'chars':>9} {'seconds':>8} {'attributions':>13} {'us/char':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = transcript(size)
        start = time.perf_counter()
        article = pipeline.analyze_text(text)
        seconds = time.perf_counter() - start
        print(f"{len(text):>9} {seconds:>8.1f} {len(article.attributions):>13} {1e6 * seconds / len(text):>8.1f}")


if __name__ == "__main__":
    main()
