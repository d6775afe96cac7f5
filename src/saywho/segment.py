"""Cheap, model-free segmentation of article text into paragraphs, sentences and clauses, as character ranges.

Used by the enrichment steps (issues, stance, time), which need "the sentence around this span" or "the clause this
word sits in" but not a parse. Offsets are always offsets into the full article text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# Abbreviations that end with a period but do not end a sentence (lowercased, without the period).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr no nos vs etc inc corp ltd co
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun approx dept est fig al
    """.split()
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'«“‘(\[—–-]*\s*[A-ZА-ЯЁ0-9]")

# Breaks between clauses inside a sentence: semicolons, colons, spaced dashes, and commas before a contrastive or
# coordinating conjunction that opens a new clause.
CLAUSE_BREAK = re.compile(
    r"\s*;\s*|:\s+|\s+[—–]\s*|\s*[—–]\s+|\s+-\s+"
    r"|,?\s+but\s+|,\s+(?:however|while|whereas|although|though|yet)\b\s*"
    r"|,\s+and\s+(?=(?:the|this|that|these|those|it|we|they|there|he|she|i|you|its|their|our)\b)",
    re.IGNORECASE,
)


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-empty lines of `text[start:end]`, stripped of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]+", text[start:end]):
        s, e = _strip(text, start + m.start(), start + m.end())
        if s < e:
            spans.append((s, e))
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of `text[start:end]`: split at paragraph breaks and at sentence punctuation followed by a capital."""
    spans: list[tuple[int, int]] = []
    for ps, pe in paragraph_spans(text, start, end):
        spans.extend(_split_sentences(text, ps, pe))
    return spans


def _split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cur = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if not _NEXT_START.match(text, m.end(), end):
            continue
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        s, e = _strip(text, cur, m.end())
        if s < e:
            yield s, e
        cur = m.end()
    s, e = _strip(text, cur, end)
    if s < e:
        yield s, e


def _is_abbreviation(text: str, dot: int) -> bool:
    m = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of one sentence (or any range): split at `CLAUSE_BREAK`."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > cur:
            spans.append((cur, m.start()))
        cur = m.end()
    if cur < end:
        spans.append((cur, end))
    return [se for se in (_strip(text, s, e) for s, e in spans) if se[0] < se[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceIndex:
    """The sentences and paragraphs of one text, with lookups by offset."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.paragraphs = paragraph_spans(text, start, end)
        self.sentences = [s for p in self.paragraphs for s in _split_sentences(text, *p)]
        self._sent_starts = [s for s, _ in self.sentences]
        self._par_starts = [s for s, _ in self.paragraphs]

    def sentence_index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return None

    def sentences_overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the sentences that overlap `[start, end)` (or contain `start` when the range is empty)."""
        i = max(0, bisect.bisect_right(self._sent_starts, start) - 1)
        out: list[int] = []
        while i < len(self.sentences) and self.sentences[i][0] < max(end, start + 1):
            s, e = self.sentences[i]
            if e > start:
                out.append(i)
            i += 1
        return out

    def paragraph_of(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._par_starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None
