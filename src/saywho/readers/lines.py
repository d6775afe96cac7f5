"""Lines of a text with their offsets, for the rules that look at the first and last lines of an article.

Offsets matter more than convenience here: the attribution stage skips breadcrumbs and credit lines by offset,
so every helper reports where a line starts and ends in the original string (line breaks not included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # end of the visible text, before "\r\n" / "\n"
    text: str  # text[start:end]

    @property
    def stripped(self) -> str:
        """The line without surrounding blanks or a byte-order mark, for matching (never for offsets)."""
        return self.text.strip().lstrip("\ufeff").strip()


def iter_lines(text: str, start: int = 0, limit: int | None = None) -> Iterator[Line]:
    """Yield the lines of `text[start:limit]`, each with offsets into `text`.

    Only "\\n", "\\r\\n" and "\\r" end a line: str.splitlines() would also split on form feeds and U+2028,
    which scraped text sometimes contains inside paragraphs.
    """
    stop = len(text) if limit is None else min(limit, len(text))
    pos = start
    for brk in _LINE_BREAK.finditer(text, start, stop):
        yield Line(pos, brk.start(), text[pos : brk.start()])
        pos = brk.end()
    if pos < stop:
        yield Line(pos, stop, text[pos:stop])


def head_lines(text: str, max_lines: int = 40, max_chars: int = 20_000) -> list[Line]:
    """The first non-empty lines of the text (breadcrumbs and titles live there)."""
    found: list[Line] = []
    for line in iter_lines(text, 0, max_chars):
        if line.stripped:
            found.append(line)
            if len(found) >= max_lines:
                break
    return found


def tail_lines(text: str, max_lines: int = 3, max_chars: int = 4_000) -> list[Line]:
    """The last non-empty lines of the text, last one first (credit lines live there)."""
    begin = max(0, len(text) - max_chars)
    if begin:
        # Start at a line boundary so the first line we see is whole.
        boundary = max(text.rfind("\n", 0, begin), text.rfind("\r", 0, begin))
        begin = boundary + 1
    lines = [line for line in iter_lines(text, begin) if line.stripped]
    return lines[::-1][:max_lines]
