"""The publication date printed in a plain-text article's head: "14.11.2025 12:40", "Nov 20, 2025, 15:12",
"Kommersant newspaper No. 209 dated 18.11.2025", "14 ноября 2025, 12:40", "Sport, 05 Dec 2025".

Scraped and copy-pasted news keeps the site's date line between the headline and the body. Relative dates in the
text ("on Tuesday", "last week") resolve against it (see timeexpr.py), so a wrong date is worse than none: only the
short lines of the head are read, up to the first paragraph of prose, and only dates with a year. A dateline's
"MOSCOW, October 3." has no year and is not used.
"""

from __future__ import annotations

import re
from datetime import date

from .. import solar_hijri
from .lines import Line, head_lines

_EN_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# Russian month names in the genitive ("14 ноября") and their three-letter abbreviations ("12 ноя").
_RU_MONTHS = {m: i for i, m in enumerate("янв фев мар апр ма июн июл авг сен окт ноя дек".split(), 1)}

_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY = r"(?P<d>[0-3]?\d)"
_EN_MONTH = r"(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_RU_MONTH = r"(?P<m>янв|фев|мар|апр|ма|июн|июл|авг|сен|окт|ноя|дек)[а-я]*\.?"
_DATES = [
    re.compile(rf"(?<!\d){_DAY}\.[ ]?(?P<mn>[01]?\d)\.[ ]?{_YEAR}(?!\d)"),  # 14.11.2025, 15. 10. 2024
    re.compile(rf"(?<!\d){_DAY}-(?P<mn>[01]?\d)-{_YEAR}(?!\d)"),  # 03-03-2025
    re.compile(rf"(?<!\d){_YEAR}[-/](?P<mn>[01]\d)[-/]{_DAY}(?!\d)"),  # 2025-11-14, 2025/11/20 (Japanese sites)
    # Year first with dots, as Korean and Hungarian sites print it: "2025.07.29. 15:12", "2025. 07. 22. 14:05".
    # The month has two digits or a following dot-space, so that a version number ("2025.1.3") is no date.
    re.compile(rf"(?<![\d.]){_YEAR}\.[ ]?(?P<mn>[01]\d|[1-9](?=\.[ ]))\.[ ]?{_DAY}(?!\d)(?!\.\d)"),
    re.compile(
        rf"(?<!\d){_YEAR}\s?[年년]\s?(?P<mn>[01]?\d)\s?[月월]\s?{_DAY}\s?[日일]"
    ),  # 2025年7月29日, 2025년 7월 29일
    re.compile(rf"\b{_EN_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # Nov 20, 2025
    re.compile(rf"(?<!\d){_DAY}\.?\s+{_EN_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 05 Dec 2025, 14. October 2025
    re.compile(rf"(?<!\d){_DAY}\s+{_RU_MONTH}\s+{_YEAR}", re.IGNORECASE),  # 14 ноября 2025
    re.compile(rf"\b{_YEAR}\.?\s+{_EN_MONTH}\s+{_DAY}\b", re.IGNORECASE),  # 2024. March 12. (Hungarian order)
    # "07.08.25, 21:40": a two-digit year, only with a two-digit day and month (dotted dates are day first), so
    # that a version number or a score ("2.1.5") is no date. The head line it stands in is short anyway.
    re.compile(r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<mn>[01]\d)\.(?P<yy>\d\d)(?!\d)(?!\.\d)"),
]
# A later edit's date is not the publication date: "14.11.2025 12:40 (updated: 15.11.2025 09:00)".
_UPDATED = re.compile(r"(?:updated|modified|edited|обновлено|изменено)\W*$", re.IGNORECASE)
_PUBLISHED = re.compile(r"published|опубликовано", re.IGNORECASE)

# The head's date line is short; a line longer than this is prose, and the first such line ends the head.
_MAX_DATE_LINE_WORDS = 16
_PROSE_WORDS = 25
_MAX_HEAD_LINES = 10


# "12/06/2025": day first in most of the world, month first in the United States. Only a number above 12, or the
# month and day a dateline spells out ("Amman, June 12 (Petra)"), tells which.
_SLASHED = re.compile(rf"(?<![\d/])(?P<a>[01]?\d|[23]\d)/(?P<b>[01]?\d|[23]\d)/{_YEAR}(?![\d/])")
_SPELLED_MONTH_DAY = (
    re.compile(rf"\b{_EN_MONTH}\s+{_DAY}\b", re.IGNORECASE),
    re.compile(rf"(?<!\d){_DAY}\s+{_EN_MONTH}", re.IGNORECASE),
)


def _solar_hijri(line: str) -> str | None:
    """The Gregorian date of a Solar Hijri date in a line ("Tuesday, 14 Mordad 1404 - 11:24" -> 2025-08-05)."""
    m = solar_hijri.DATE.search(line)
    if m is None:
        return None
    day = solar_hijri.to_gregorian(int(m["y"]), solar_hijri.MONTHS[m["m"].casefold()], int(m["d"]))
    return day.isoformat() if day else None


def find_published(text: str, *, day_first: bool = False, head_end: int = 0) -> str | None:
    """The ISO date (YYYY-MM-DD) printed in the article's head, or None when none is printed there.

    `day_first`: read an ambiguous "12/06/2025" as 12 June, as the rest of the world writes it (the caller
    knows when the article comes from outside the United States: a translation, say). `head_end`: where the
    caller found the body to start; a long line above it is a subtitle, which does not end the head."""
    found: list[tuple[bool, str]] = []
    lines = head_lines(text, max_lines=_MAX_HEAD_LINES)
    spelled = _spelled_month_days(lines)
    for line in lines:
        words = line.stripped.split()
        if len(words) > _PROSE_WORDS and line.start >= head_end:
            break
        if len(words) > _MAX_DATE_LINE_WORDS:
            continue
        iso = (
            _first_date(line.stripped)
            or _slashed_date(line.stripped, spelled, day_first or bool(_H_CLOCK.search(line.stripped)))
            or _solar_hijri(line.stripped)
        )
        if iso is not None:
            found.append((bool(_PUBLISHED.search(line.stripped)), iso))
    if not found:
        return None
    # A line that says "Published" wins over an earlier one; otherwise the first date line.
    return next((iso for published, iso in found if published), found[0][1])


def date_start(line: str) -> int | None:
    """Where the first date with a year begins in a line ("Sport, 05 Dec 2025" -> 7), or None when there is none.

    The head's other readers (layout, mastheads) use it to tell a date line and the words printed before the date.
    """
    patterns = (*_DATES, _SLASHED, solar_hijri.DATE)
    starts = [m.start() for pattern in patterns if (m := pattern.search(line)) is not None]
    return min(starts) if starts else None


# What a date line prints besides its date: clock times, a time zone, a weekday, a label ("Input", "Modified").
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d\d(?::\d\d)?(?!\d)")
_MAX_DATE_LINE_EXTRA_WORDS = 3


def is_date_only(line: str) -> bool:
    """Whether a line prints a date and little else ("Input 2025.07.29. 15:12  Modified 2025.07.29. 16:40",
    "Wednesday, 19 March 2025 14:27 WIB"): a site's date line, never a headline, which says something besides."""
    if date_start(line) is None:
        return False
    rest = line
    for pattern in (*_DATES, _SLASHED, solar_hijri.DATE):
        rest = pattern.sub(" ", rest)
    words = re.findall(r"[^\W\d_]{2,}", _CLOCK.sub(" ", rest))
    return len(words) <= _MAX_DATE_LINE_EXTRA_WORDS


def _spelled_month_days(lines: list[Line]) -> set[tuple[int, int]]:
    """(month, day) pairs written with the month's name in the head ("Amman, June 12 (Petra)")."""
    found: set[tuple[int, int]] = set()
    for line in lines:
        for pattern in _SPELLED_MONTH_DAY:
            for m in pattern.finditer(line.stripped):
                found.add((_EN_MONTHS[m["m"][:3].lower()], int(m["d"])))
    return found


# "at 18h12": the clock of French, Belgian, Swiss and African sites, which all write the day first (09/03/2025).
_H_CLOCK = re.compile(r"(?<!\d)\d{1,2}h\d\d(?!\d)")


def _slashed_date(line: str, spelled: set[tuple[int, int]], day_first: bool = False) -> str | None:
    m = _SLASHED.search(line)
    if m is None or _UPDATED.search(line[: m.start()]):
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = [(month, day) for month, day in ((b, a), (a, b)) if 1 <= month <= 12 and 1 <= day <= 31]
    if len(set(readings)) > 1:
        readings = [r for r in readings if r in spelled] or (readings[:1] if day_first else [])
    if len(set(readings)) != 1:
        return None
    try:
        return date(year, *readings[0]).isoformat()
    except ValueError:
        return None


def _first_date(line: str) -> str | None:
    best: tuple[int, str] | None = None
    for pattern in _DATES:
        for m in pattern.finditer(line):
            if _UPDATED.search(line[: m.start()]):
                continue
            iso = _iso(m)
            if iso is not None and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
                break
    return best[1] if best else None


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("mn"):
        month = int(groups["mn"])
    else:
        word = groups["m"].lower()
        month = _EN_MONTHS.get(word[:3]) or _RU_MONTHS.get(word[:3]) or _RU_MONTHS.get(word[:2], 0)
    # A two-digit year is this century's: news sites print "07.08.25" for 2025.
    year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    try:
        return date(year, month, int(groups["d"])).isoformat()
    except ValueError:
        return None  # "31.02.2025" or a version number, not a date
