"""The dateline that opens wire copy: where the story was filed and, when it is named there, the agency.

    MOSCOW, October 3. /TASS/. Iran will respond ...      (TASS, Interfax and their translations)
    МОСКВА, 14 ноября. /ТАСС/. Министерство ...
    MOSCOW, Nov 14 - RIA Novosti. The ministry ...        (RIA Novosti: the agency after a dash)
    LONDON, Oct 3 (Reuters) - Oil prices rose ...
    Amman, June 12 (Petra) -- The minister ...
    WASHINGTON (AP) — The Senate voted ...
    TURKESTAN. KAZINFORM - In the region ...
    (Seoul = Yonhap News) Reporter Lee Ji-hoon = The government ...
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
_YEAR_AFTER = r"(?:,?[ \t]+(?:19|20)\d\d)?"  # "BELGRADE, 18 July 2024 (Tanjug) -": the year is sometimes there
_MONTH_DAY = rf"[A-Z][a-z]{{2,8}}\.?[ \t]+\d{{1,2}}{_YEAR_AFTER}"
_DAY_MONTH = rf"\d{{1,2}}[ \t]+(?:[A-Z][a-z]{{2,8}}|[а-яё]{{3,8}})\.?{_YEAR_AFTER}"
_DATE = rf"(?P<date>{_MONTH_DAY}|{_DAY_MONTH})"
_AGENCY = rf"[{_UPPER}][\w&.\- ]{{1,30}}?"
# After a dash the agency's words are all capitalised: "- RIA Novosti." (not "- The chancellor said.").
_NAME = rf"[{_UPPER}][\w&.\-]*(?:[ \t][{_UPPER}][\w&.\-]*){{0,2}}"
_DASH = r"(?:-{1,2}|–|—|\.-)"
# "(VNA) -" after a place in title case: letters only, so a party label ("Smith (R-NY) -") is none.
_BRACKETED_AFTER = rf"[ \t]+\([A-Za-z][A-Za-z .&]{{1,29}}\)\.?[ \t]*{_DASH}"
_DATELINE = re.compile(
    # A place in capitals; in title case only before a date or an agency ("Can Tho (VNA) -", "Tehran - IRNA -").
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}(?=,[ \t]+(?:{_MONTH_DAY}|{_DAY_MONTH})|{_BRACKETED_AFTER}"
    rf"|[ \t]+{_DASH}[ \t]+[{_UPPER}]{{2,}}[ \t]+{_DASH}))(?:,[ \t]+{_DATE})?"
    rf"(?:\.?[ \t]*/[ \t]*(?P<slashed>{_AGENCY})[ \t]*/\.?"  # . /TASS/.
    rf"|[ \t]+\((?P<bracketed>{_AGENCY})\)\.?[ \t]*{_DASH}"  # (Reuters) -   (EFE).-
    rf"|[ \t]+{_DASH}[ \t]+(?P<dashed>{_NAME})\.(?=[ \t])"  # - RIA Novosti.
    rf"|[ \t]+{_DASH}[ \t]+(?P<between>[{_UPPER}]{{2,}})[ \t]+{_DASH}(?=[ \t])"  # Tehran - IRNA -
    rf"|\.[ \t]+(?P<capital>{_CAPS_PLACE})[ \t]+{_DASH}(?=[ \t]))"  # TURKESTAN. KAZINFORM -
)
# "(Seoul = Yonhap News) Reporter Lee Ji-hoon = The government ...": Korean agencies' opening.
_EQUALS = re.compile(
    rf"\((?P<place>{_TITLE_PLACE})[ \t]*=[ \t]*(?P<agency>[{_UPPER}][\w .&-]{{1,30}}?)[ \t]*\)"
    r"(?:[ \t]*[^=\n]{1,40}?[ \t]*=)?[ \t]*"
)
# "Moscow. February 18. INTERFAX - ...": Interfax's opening, full stops between place, date and agency.
_DOTTED = re.compile(
    rf"(?P<place>{_TITLE_PLACE}|{_CAPS_PLACE})\.[ \t]+{_DATE}"
    rf"(?:\.[ \t]+(?P<agency>[{_UPPER}]{{2,}}[\w\-]*)|[ \t]+\((?P<agency2>{_AGENCY})\))[ \t]+{_DASH}"
)  # … and "KYIV. Oct 17 (Interfax-Ukraine) –"
# "YEREVAN, JUNE 5, ARMENPRESS. The ...": place, date and agency in capitals, commas between them.
_COMMAS = re.compile(
    rf"(?P<place>{_CAPS_PLACE}),[ \t]+(?P<date>[A-Z]{{3,9}}[ \t]+\d{{1,2}}),[ \t]+"
    rf"(?P<agency>[{_UPPER}]{{3,}}[\w\-]*)\.[ \t]"
)
# "ROME - The government ...": a place in capitals and a dash, no agency named.
_PLACE_ONLY = re.compile(rf"(?P<place>{_CAPS_PLACE})(?:,[ \t]+{_DATE})?[ \t]+(?:-{{1,2}}|–|—)[ \t]+(?=[{_UPPER}])")


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
    agency: str | None  # None for "ROME - ...": a dateline that names no agency


def find_dateline(text: str, start: int = 0, *, with_agency: bool = True) -> Dateline | None:
    """The dateline at the first non-blank character from `start`, or None.

    With `with_agency=False` a dateline naming no agency ("ROME - The government ...") counts too."""
    while start < len(text) and text[start].isspace():
        start += 1
    m = _DATELINE.match(text, start)
    if m is not None:
        agency = (m["slashed"] or m["bracketed"] or m["dashed"] or m["capital"] or m["between"] or "").strip()
        return Dateline(m.start(), m.end(), m["place"], m["date"], agency) if agency else None
    for pattern in (_AGENCY_FIRST, _EQUALS, _DOTTED, _COMMAS):
        first = pattern.match(text, start)
        if first is not None:
            groups = first.groupdict()
            agency = (groups.get("agency") or groups.get("agency2") or "").strip()
            return Dateline(first.start(), first.end(), first["place"], groups.get("date"), agency)
    if not with_agency and (bare := _PLACE_ONLY.match(text, start)) is not None:
        return Dateline(bare.start(), bare.end(), bare["place"], bare["date"], None)
    return None
