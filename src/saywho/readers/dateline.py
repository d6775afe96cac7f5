"""The dateline that opens wire copy: where the story was filed and, when it is named there, the agency.

    MOSCOW, October 3. /TASS/. Iran will respond ...      (TASS, Interfax and their translations)
    МОСКВА, 14 ноября. /ТАСС/. Министерство ...
    MOSCOW, Nov 14 - RIA Novosti. The ministry ...        (RIA Novosti: the agency after a dash)
    LONDON, Oct 3 (Reuters) - Oil prices rose ...
    Amman, June 12 (Petra) -- The minister ...
    WASHINGTON (AP) — The Senate voted ...
    Xinhua News Agency, Beijing, March 14 (Reporters A, B) -- The spokesperson ...

Only the opening of the body is read, and only these shapes: a place (in capitals, or capitalised words followed by
a date), an optional date, and the agency between slashes, in parentheses, or after a dash. The agency's name is
whatever the text puts there; none is built in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZА-ЯЁ"
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}.'\-]+(?:[ \t][{_UPPER}][{_UPPER}.'\-]+){{0,3}}"
_TITLE_PLACE = rf"[{_UPPER}][a-zа-яё.'\-]+(?:[ \t][{_UPPER}][a-zа-яё.'\-]+){{0,2}}"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}"
_DAY_MONTH = r"\d{1,2}[ \t]+(?:[A-Z][a-z]{2,8}|[а-яё]{3,8})\.?"
_DATE = rf"(?P<date>{_MONTH_DAY}|{_DAY_MONTH})"
_AGENCY = rf"[{_UPPER}][\w&.\- ]{{1,30}}?"
# After a dash the agency's words are all capitalised: "- RIA Novosti." (not "- The chancellor said.").
_NAME = rf"[{_UPPER}][\w&.\-]*(?:[ \t][{_UPPER}][\w&.\-]*){{0,2}}"
_DASH = r"(?:-{1,2}|–|—|\.-)"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}(?=,[ \t]+(?:{_MONTH_DAY}|{_DAY_MONTH})))(?:,[ \t]+{_DATE})?"
    rf"(?:\.?[ \t]*/[ \t]*(?P<slashed>{_AGENCY})[ \t]*/\.?"  # . /TASS/.
    rf"|[ \t]+\((?P<bracketed>{_AGENCY})\)\.?[ \t]*{_DASH}"  # (Reuters) -   (EFE).-
    rf"|[ \t]+{_DASH}[ \t]+(?P<dashed>{_NAME})\.(?=[ \t]))"  # - RIA Novosti.
)


# "Xinhua News Agency, Beijing, March 14 (Reporters A, B) -- ...": the agency first, then place, date and bylines.
_AGENCY_FIRST = re.compile(
    rf"(?P<agency>[{_UPPER}][\w.\- ]{{1,40}}?(?:News Agency|Agency|агентство)),[ \t]+"
    rf"(?P<place>{_TITLE_PLACE}|{_CAPS_PLACE}),[ \t]+{_DATE}"
    rf"(?:[ \t]*\([^()\n]{{1,80}}\))?[ \t]*{_DASH}"
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
        first = _AGENCY_FIRST.match(text, start)
        if first is None:
            return None
        return Dateline(first.start(), first.end(), first["place"], first["date"], first["agency"].strip())
    agency = (m["slashed"] or m["bracketed"] or m["dashed"] or "").strip()
    if not agency:
        return None
    return Dateline(m.start(), m.end(), m["place"], m["date"], agency)
