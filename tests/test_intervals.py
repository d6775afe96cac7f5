"""The interval index against the plain double loop it replaces."""

from __future__ import annotations

import random

from saywho.intervals import IntervalIndex


def test_overlapping_and_containing_agree_with_brute_force():
    rng = random.Random(7)
    spans = [(s, s + rng.randint(0, 40), i) for i, s in enumerate(rng.randint(0, 500) for _ in range(300))]
    index = IntervalIndex(spans)
    for _ in range(500):
        lo = rng.randint(0, 540)
        hi = lo + rng.randint(0, 30)
        assert sorted(index.overlapping(lo, hi)) == sorted(x for x in spans if x[1] > lo and x[0] < hi)
        assert sorted(index.containing(lo, hi)) == sorted(x for x in spans if x[0] <= lo and hi <= x[1])


def test_an_empty_index_finds_nothing():
    index: IntervalIndex[None] = IntervalIndex([])
    assert len(index) == 0 and not list(index.overlapping(0, 10)) and not list(index.containing(0, 1))
