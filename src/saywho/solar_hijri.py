"""The Solar Hijri (Persian) calendar of Iranian and Afghan news: "Tuesday, 14 Mordad 1404", "from the beginning
of Shahrivar".

Persian sites print the Solar Hijri date in their head, and machine translations keep the month names (as
transliterated: "Mordad", "Shahrivar"). The conversion is the arithmetic one of Borkowski's algorithm (as in the
jalaali libraries): the years between the breaks of its 2820-year cycle table follow a 33-year leap pattern.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# Transliterations that translation engines and Iranian English-language sites use, month by month.
_MONTH_NAMES = (
    ("farvardin",),
    ("ordibehesht",),
    ("khordad",),
    ("tir",),
    ("mordad", "amordad"),
    ("shahrivar",),
    ("mehr",),
    ("aban",),
    ("azar",),
    ("dey", "dei"),
    ("bahman",),
    ("esfand", "isfand"),
)
MONTHS = {name: index for index, names in enumerate(_MONTH_NAMES, 1) for name in names}
# The month names as a pattern (longest first, so that "Amordad" is not read as a shorter name).
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
# "14 Mordad 1404": the years of the Solar Hijri calendar now in use are 13xx and 14xx.
DATE = re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m>{MONTH_PATTERN})\s+(?P<y>1[34]\d\d)(?!\d)", re.IGNORECASE)

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


def new_year(year: int) -> date:
    """The Gregorian date of 1 Farvardin of the Solar Hijri `year` (Nowruz, 20 or 21 March)."""
    leap = -14
    previous = _BREAKS[0]
    jump = 0
    for brk in _BREAKS[1:]:
        jump = brk - previous
        if year < brk:
            break
        leap += jump // 33 * 8 + jump % 33 // 4
        previous = brk
    n = year - previous
    leap += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap += 1
    gregorian = year + 621
    gregorian_leap = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    return date(gregorian, 3, 20 + leap - gregorian_leap)


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Solar Hijri one, or None for a day the month does not have."""
    if not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        return None
    offset = (month - 1) * 31 if month <= 7 else 6 * 31 + (month - 7) * 30
    return new_year(year) + timedelta(days=offset + day - 1)


def month_start(year: int, month: int) -> date:
    """The Gregorian date of the first day of a Solar Hijri month."""
    first = to_gregorian(year, month, 1)
    assert first is not None
    return first


def year_of(day: date) -> int:
    """The Solar Hijri year that `day` falls in."""
    year = day.year - 621
    return year if day >= new_year(year) else year - 1
