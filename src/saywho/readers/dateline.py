"""The dateline that opens wire copy: where the story was filed and, when it is named there, the agency.

    MOSCOW, October 3. /TASS/. Iran will respond ...      (TASS, Interfax and their translations)
    LONDON, Oct 3 (Reuters) - Oil prices rose ...
    WASHINGTON (AP) — The Senate voted ...

Only the opening of the body is read, and only these shapes: a place in capitals, an optional date, and the agency
between slashes or parentheses. The agency's name is whatever the text puts there; none is built in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACE = r"(?P<place>[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+){0,3})"
_DATE = r"(?:,[ \t]+(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}))?"
_AGENCY = r"(?P<agency>[A-Z][A-Za-z&.\- ]{1,30}?)"
_DATELINE = re.compile(
    rf"{_PLACE}{_DATE}"
    rf"(?:\.?[ \t]*/[ \t]*{_AGENCY}[ \t]*/\.?|[ \t]+\({_AGENCY.replace('agency', 'agency2')}\)[ \t]*[-–—])"
)


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place: str
    date: str | None  # as written ("October 3"): the year is rarely there
    agency: str


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline at the first non-blank character from `start`, or None."""
    while start < len(text) and text[start].isspace():
        start += 1
    m = _DATELINE.match(text, start)
    if m is None:
        return None
    agency = (m.group("agency") or m.group("agency2") or "").strip()
    if not agency:
        return None
    return Dateline(m.start(), m.end(), m.group("place"), m.group("date"), agency)
