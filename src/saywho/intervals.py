"""Finding the spans that overlap a character range without comparing every pair.

An article's candidates, quotations and paragraphs are compared with one another at several stages. A plain
double loop is quadratic: harmless for news (tens of spans), but an input of thousands of quotations (a
transcript, a feed pasted as one file) took minutes. Spans here are short next to an article, so sorting them by
start and looking back at most the longest span's length finds every overlap in logarithmic time plus the
answers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class IntervalIndex(Generic[T]):
    """Half-open spans (start, end), each with a payload; `overlapping(lo, hi)` yields those sharing a character
    with [lo, hi), `containing(lo, hi)` those that include all of it."""

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        self._items = sorted(items, key=lambda item: (item[0], item[1]))
        self._starts = [item[0] for item in self._items]
        self._longest = max((end - start for start, end, _ in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def _from(self, lo: int) -> int:
        # A span starting before lo - longest ends by lo at the latest: it cannot reach into [lo, ...).
        return bisect.bisect_left(self._starts, lo - self._longest)

    def overlapping(self, lo: int, hi: int) -> Iterator[tuple[int, int, T]]:
        for i in range(self._from(lo), bisect.bisect_left(self._starts, hi)):
            start, end, payload = self._items[i]
            if end > lo and start < hi:
                yield start, end, payload

    def containing(self, lo: int, hi: int) -> Iterator[tuple[int, int, T]]:
        for i in range(self._from(hi), bisect.bisect_right(self._starts, lo)):
            start, end, payload = self._items[i]
            if start <= lo and hi <= end:
                yield start, end, payload
