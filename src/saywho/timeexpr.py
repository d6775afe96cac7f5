"""Temporal expressions in English news text, resolved against the article's date.

`find_times(text, start, end, anchor)` finds expressions such as "in May 2025", "in 2022", "the 1990s", "this week",
"last September", "on Monday", "yesterday", "two years ago", "four years later", "in recent years", and returns
`TimeRef`s whose `value` is an ISO 8601 string:

=============  ======================  ==========================================
granularity    value                   example
=============  ======================  ==========================================
day            2025-05-12              "yesterday", "on Monday", "May 12, 2025"
week           2025-W43                "this week"
month          2025-05                 "in May 2025", "last September"
season         2025-06/2025-08         "summer 2025"
year           2022                    "in 2022", "next year"
range          2020/2022, 1990/1999    "from 2020 to 2022", "the 1990s", "early 2025"
=============  ======================  ==========================================

The anchor is the article's date (`ArticleMeta.published`) and nothing else: never the date of the run. Without an
anchor, absolute expressions ("in May 2025") still resolve and relative ones ("this week") keep `value=None`.
Expressions relative to another event ("four years later") and vague ones ("in recent years") always have
`value=None`. Spans leave out a leading preposition ("in", "on", "since").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from saywho import solar_hijri
from saywho.document import Article, Span, TimeRef
from saywho.segment import SentenceIndex

_MONTH_NAMES = "January February March April May June July August September October November December".split()
MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTHS.update({name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)})
MONTHS["sept"] = 9
WEEKDAYS = {
    name.lower(): i for i, name in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "a couple of": 2,
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# Month names are matched capitalised ("may" is a verb); abbreviations only next to a day or a year.
_MONTH_FULL = "|".join(_MONTH_NAMES)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_NUM = (
    r"(?:\d{1,3}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty)"
)
_UNIT = r"(?:day|week|month|year|decade)s?"
_FUTURE = re.compile(
    r"\b(?:will|shall|['’]ll|(?:is|are|was|were) (?:(?:only|still|now|also|not|\w+ly) )?"
    r"(?:due|set|scheduled|expected|going|planned|predicted|forecast|projected|likely) (?:to|for|on)"
    r"|plans? to|upcoming|next|intends? to|would|(?:is|are) (?:due )?to|must|should)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Anchor:
    """The article's date, possibly partial (year only, or year and month)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None


def parse_anchor(published: str | date | None) -> Anchor | None:
    """The anchor for an ISO date string ("2025-10-24", "2025-10-24T08:00:00+03:00", "2025-10", "2025") or date."""
    if published is None:
        return None
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        return Anchor(published.year, published.month, published.day)
    s = str(published).strip()
    try:
        d = date.fromisoformat(s[:10])
        return Anchor(d.year, d.month, d.day)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", s)
    if m and (m.group(2) is None or 1 <= int(m.group(2)) <= 12):
        return Anchor(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    return None


# --- formatting and arithmetic -------------------------------------------------------------------------------------


def _day(d: date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# --- the rules -----------------------------------------------------------------------------------------------------

Resolved = tuple[str | None, str] | None  # (value, granularity), or None: not a time expression after all


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Anchor | None, str], Resolved]  # match, anchor, sentence
    # A character class that every match consumes at least one character of (see `find_times`).
    needs: re.Pattern[str] | None = None


_RULES: list[_Rule] = []

# What most rules cannot match without. Most sentences have no digit, month or weekday name, and an English
# article no Cyrillic letter: one search for each of these skips the rules that need it (a dozen of them, the
# slow lookbehinds of "year" and "month" among them). Compiled with the flags of the rules that need them, so
# they match every character the rules' own characters do: a digit of "year" is a `\d`, a Cyrillic letter of
# a Russian rule (re.I) is one of `[а-яё]` (re.I).
_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(_MONTH_FULL)
_WEEKDAY_NAME = re.compile("|".join(w.capitalize() for w in WEEKDAYS))
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _rule(
    name: str, pattern: str, flags: int = 0, needs: re.Pattern[str] | None = None
) -> Callable[[Callable[..., Resolved]], Callable[..., Resolved]]:
    def register(fn: Callable[..., Resolved]) -> Callable[..., Resolved]:
        _RULES.append(_Rule(name, re.compile(pattern, flags), fn, needs))
        return fn

    return register


@_rule("iso-date", rf"\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b", needs=_DIGIT)
def _iso_date(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (_day(d), "day") if d else None


@_rule("dotted-date", rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})\b", needs=_DIGIT)
def _dotted_date(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (_day(d), "day") if d else None


@_rule(
    "month-day-year", rf"\b(?P<mon>{_MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", needs=_DIGIT
)
@_rule(
    "day-month-year",
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ANY}),?\s+(?P<y>{_YEAR})\b",
    needs=_DIGIT,
)
def _full_date(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    d = _safe_date(int(m["y"]), _month_of(m["mon"]), int(m["d"]))
    return (_day(d), "day") if d else None


@_rule("month-year", rf"\b(?P<mon>{_MONTH_ANY})\s+(?:of\s+)?(?P<y>{_YEAR})\b", needs=_DIGIT)
def _month_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return _month(int(m["y"]), _month_of(m["mon"])), "month"


@_rule("month-day", rf"\b(?P<mon>{_MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", needs=_DIGIT)
@_rule(
    "day-month",
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ANY})\b(?!\.?\s*,?\s*\d)",
    needs=_DIGIT,
)
def _month_day(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    month, day = _month_of(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if anchor is None or anchor.month is None:
        return None, "day"
    year = _year_for(month, day, anchor, sentence, None)
    d = _safe_date(year, month, day)
    return (_day(d), "day") if d else None


@_rule(
    "season-year",
    rf"\b(?:(?i:the)\s+)?(?P<s>(?i:spring|summer|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})\b",
    needs=_DIGIT,
)
def _season_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return _season(int(m["y"]), m["s"].lower()), "season"


def _season(year: int, season: str) -> str:
    first, last = SEASONS[season]
    end_year = year + 1 if last < first else year
    return f"{_month(year, first)}/{_month(end_year, last)}"


@_rule("decade", r"\b(?:(?i:the)\s+)?(?P<y>1[89]\d0|20\d0)['’]?s\b", needs=_DIGIT)
def _decade(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    y = int(m["y"])
    return f"{y}/{y + 9}", "range"


@_rule(
    "year-range",
    rf"(?i:\b(?:from|between)\s+)(?P<a>{_YEAR})\s+(?i:to|and|until|till|through)\s+(?P<b>{_YEAR})\b"
    rf"|\b(?P<c>{_YEAR})\s*[-–—]\s*(?P<d>{_YEAR})\b",
    needs=_DIGIT,
)
def _year_range(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    a, b = (int(m["a"]), int(m["b"])) if m["a"] else (int(m["c"]), int(m["d"]))
    return (f"{a}/{b}", "range") if a < b else None


@_rule(
    "quarter",
    rf"\b(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)\s+(?i:of)\s+(?P<y>{_YEAR})\b",
    needs=_DIGIT,
)
def _quarter(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m["q"].lower()]
    y = int(m["y"])
    return f"{_month(y, 3 * q - 2)}/{_month(y, 3 * q)}", "range"


_PART_OF_YEAR = {
    "early": (1, 4),
    "the beginning of": (1, 4),
    "the start of": (1, 4),
    "mid": (5, 8),
    "the middle of": (5, 8),
    "late": (9, 12),
    "the end of": (9, 12),
    "the first half of": (1, 6),
    "the second half of": (7, 12),
}


@_rule(
    "part-of-year",
    r"\b(?P<p>(?i:early|mid|late|the beginning of|the start of|the middle of|the end of|the first half of"
    rf"|the second half of))[\s\-]+(?P<y>{_YEAR})\b",
    needs=_DIGIT,
)
def _part_of_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    first, last = _PART_OF_YEAR[" ".join(m["p"].lower().split())]
    y = int(m["y"])
    return f"{_month(y, first)}/{_month(y, last)}", "range"


@_rule(
    "year",
    r"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Tt]ill )|(?<=\b[Bb]y )|(?<=\b[Ff]rom )|(?<=\b[Tt]o )"
    r"|(?<=\b[Oo]f )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\b[Dd]uring )|(?<=\b[Tt]hrough )|(?<=\b[Aa]round )"
    r"|(?<=\b[Ff]or )|(?<=\b[Yy]ear )|(?<=\b[Tt]he )|(?<=\b[Ii]n the year ))"
    rf"(?P<y>{_YEAR})\b(?!\s*(?:%|percent|per\s+cent|[.,]\d|\d))",
    needs=_DIGIT,
)
def _year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return m["y"], "year"


@_rule(
    "day-word",
    r"\b(?i:the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow|this morning"
    r"|this afternoon|this evening|last night)\b",
)
def _day_word(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.date is None:
        return None, "day"
    word = " ".join(m.group(0).lower().split())
    shift = {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(word, 0)
    return _day(anchor.date + timedelta(days=shift)), "day"


@_rule(
    "month-relative-year",
    rf"\b(?P<mon>{_MONTH_ANY})(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?P<mod>(?i:last|next|this))\s+(?i:year)\b",
)
def _month_relative_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "On February 6 last year", "in May next year": one date, its year counted from the article's."""
    if anchor is None:
        return None, "day" if m["d"] else "month"
    year = anchor.year + {"last": -1, "next": 1, "this": 0}[m["mod"].lower()]
    month = _month_of(m["mon"])
    if m["d"] is None:
        return _month(year, month), "month"
    d = _safe_date(year, month, int(m["d"]))
    return (_day(d), "day") if d else None


@_rule("end-of-unit", r"\b(?i:the\s+(?P<edge>end|beginning|start)\s+of\s+(?:the|this)\s+(?P<u>week|month|year))\b")
def _end_of_unit(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "by the end of the month": the article's own week, month or year (the granularity says how precise)."""
    unit = m["u"].lower()
    if anchor is None or (unit != "year" and anchor.month is None) or (unit == "week" and anchor.date is None):
        return None, unit
    if unit == "year":
        return str(anchor.year), "year"
    if unit == "month":
        return _month(anchor.year, anchor.month or 1), "month"
    assert anchor.date is not None
    return _week(anchor.date), "week"


@_rule("in-n-units", rf"\b(?P<w>(?i:in|within))\s+(?P<n>{_NUM})\s+(?P<u>(?i:day|week|month)s?)\b")
def _in_n_units(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "in two weeks" (a point that far ahead) and "within 2 weeks" (the time from the article's date to it)."""
    n, unit = _number(m["n"].lower()), _unit(m["u"])
    if anchor is None or anchor.date is None or n is None:
        return None, unit
    days = {"day": 1, "week": 7, "month": 30}[unit] * n
    target = anchor.date + timedelta(days=days)
    if m["w"].lower() == "within":
        return f"{_day(anchor.date)}/{_day(target)}", "range"
    return (
        (_day(target), "day")
        if unit == "day"
        else ((_week(target), "week") if unit == "week" else (_month(target.year, target.month), "month"))
    )


@_rule("this-season", r"\b(?P<mod>(?i:this|next|last))\s+(?P<s>(?i:spring|summer|autumn|fall|winter))\b")
def _this_season(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "this winter", "last spring" (the latest one over), "next summer" (the first one not yet begun)."""
    if anchor is None or anchor.month is None:
        return None, "season"
    season, mod = m["s"].lower(), m["mod"].lower()
    first, last = SEASONS[season]
    now = (anchor.year, anchor.month)

    def bounds(year: int) -> tuple[tuple[int, int], tuple[int, int]]:
        # A winter is named by the year of its December.
        return (year, first), (year + 1 if last < first else year, last)

    if mod == "this":
        year = anchor.year - 1 if season == "winter" and anchor.month <= 2 else anchor.year
    elif mod == "last":
        year = next(y for y in range(anchor.year, anchor.year - 3, -1) if bounds(y)[1] < now)
    else:
        year = next(y for y in range(anchor.year - 1, anchor.year + 3) if bounds(y)[0] > now)
    return _season(year, season), "season"


@_rule(
    "day-before",
    r"\b(?i:the day before|on the eve)\b(?!\s+(?i:yesterday|of|the|a|an|his|her|its|their)\b)",
)
def _day_before(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "the day before", "on the eve": translations of Russian «накануне», the day before the article."""
    if anchor is None or anchor.date is None:
        return None, "day"
    return _day(anchor.date - timedelta(days=1)), "day"


@_rule(
    "ordinal-day",
    r"\b(?i:on|by|until|till|since|from|before|after)\s+the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?!\s+(?i:of|century|anniversary|time|round|floor|day|place)\b)",
    needs=_DIGIT,
)
def _ordinal_day(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "on the 14th": a day of the article's month, as Chinese and Japanese news translate dates; the month
    before or after when the tense says the day has passed or is still to come."""
    if anchor is None or anchor.date is None:
        return None, "day"
    day, today = int(m["d"]), anchor.date
    year, month = today.year, today.month
    if day > today.day and (_PAST.search(sentence) or _IRREGULAR_PAST.search(sentence)):
        year, month = _add_months(year, month, -1)  # "took place on the 20th", written on the 14th
    elif day < today.day and _FUTURE.search(sentence):
        year, month = _add_months(year, month, 1)
    found = _safe_date(year, month, day)
    return (_day(found) if found else None), "day"


@_rule(
    "relative-unit",
    r"\b(?P<mod>(?i:earlier this|later this|earlier last|later next|this|last|next|past|coming|current|previous))\s+"
    r"(?P<u>(?i:week|month|year|decade))\b",
)
def _relative_unit(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    mod, unit = m["mod"].lower().split()[-1], m["u"].lower()
    gran = {"decade": "range"}.get(unit, unit)
    if mod == "previous":  # relative to the narrative, not to the article's date
        return None, gran
    shift = {"this": 0, "current": 0, "last": -1, "next": 1, "coming": 1, "past": 0}[mod]
    if anchor is None:
        return None, gran
    if mod == "past":  # "the past year": the period up to the article's date
        return _past_range(anchor, 1, unit)
    if unit == "year":
        return str(anchor.year + shift), "year"
    if unit == "decade":
        start = anchor.year // 10 * 10 + 10 * shift
        return f"{start}/{start + 9}", "range"
    if unit == "month":
        if anchor.month is None:
            return None, "month"
        return _month(*_add_months(anchor.year, anchor.month, shift)), "month"
    if anchor.date is None:
        return None, "week"
    return _week(anchor.date + timedelta(weeks=shift)), "week"


@_rule(
    "relative-month",
    rf"\b(?P<mod>(?i:this|last|next|past|early|late|mid))[\s\-]+(?P<mon>{_MONTH_FULL})\b(?!\s*,?\s*\d)",
    needs=_MONTH_NAME,
)
def _relative_month(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.month is None:
        return None, "month"
    month, mod = _month_of(m["mon"]), m["mod"].lower()
    if mod in ("last", "past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif mod == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif mod == "this":
        year = anchor.year
    else:
        year = _year_for(month, None, anchor, sentence, None)
    return _month(year, month), "month"


@_rule(
    "month",
    r"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Bb]y )|(?<=\b[Dd]uring )|(?<=\b[Ff]rom )"
    r"|(?<=\b[Ee]arly )|(?<=\b[Ll]ate )|(?<=\bthe end of )|(?<=\bthe beginning of ))"
    rf"(?P<mon>{_MONTH_FULL})\b(?!\s*,?\s*\d)",
    needs=_MONTH_NAME,
)
def _bare_month(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.month is None:
        return None, "month"
    month = _month_of(m["mon"])
    if _deadline_before(m) and not _spoken_of_past(sentence):
        sentence = "will"  # "until the end of June", "by March": a deadline is to come unless the clause is past
    return _month(_year_for(month, None, anchor, sentence, None), month), "month"


_DEADLINE_OPENER = re.compile(r"\b(?:until|till|by)\s+(?:the\s+(?:end|beginning|middle)\s+of\s+)?$", re.IGNORECASE)


def _deadline_before(m: re.Match[str]) -> bool:
    return bool(_DEADLINE_OPENER.search(m.string, max(0, m.start() - 30), m.start()))


def _spoken_of_past(sentence: str) -> bool:
    return bool(_PAST.search(sentence) or _IRREGULAR_PAST.search(sentence))


# A participle after a copula is no past tense: "are cancelled", "will remain closed", "stays closed".
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|previously"
    r"|(?<!is )(?<!are )(?<!be )(?<!remain )(?<!remains )(?<!stay )(?<!stays )(?<!been )\w{3,}ed)\b",
    re.IGNORECASE,
)


def _year_for(month: int, day: int | None, anchor: Anchor, sentence: str, mod: str | None) -> int:
    """The year of a month (and day) named without one: the next such date when the sentence speaks of the future,
    the last one when it speaks of the past, else the one nearest the article's date."""
    assert anchor.month is not None
    # A month named without a day is compared by month: "by the end of August", written on August 12, is this one.
    here = (month, day or 0) if day is not None else (month, 0)
    now = (anchor.month, anchor.day or day or 0) if day is not None else (anchor.month, 0)
    if _FUTURE.search(sentence):
        return anchor.year if here >= now else anchor.year + 1
    if _PAST.search(sentence) or _IRREGULAR_PAST.search(sentence):
        return anchor.year if here <= now else anchor.year - 1
    months_ahead = (month - anchor.month) % 12
    if months_ahead == 0:
        return anchor.year
    return anchor.year + (month < anchor.month) if months_ahead <= 6 else anchor.year - (month > anchor.month)


@_rule(
    "weekday",
    r"(?:\b(?P<mod>(?i:last|next|this|on|since|until|by|from|early|late))\s+)?"
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    needs=_WEEKDAY_NAME,
)
def _weekday(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.date is None:
        return None, "day"
    target, mod = WEEKDAYS[m["wd"].lower()], (m["mod"] or "").lower()
    today = anchor.date
    back = (today.weekday() - target) % 7  # days since the last such weekday (0: today)
    ahead = (target - today.weekday()) % 7
    if mod == "last":
        d = today - timedelta(days=back or 7)
    elif mod == "next":
        d = today + timedelta(days=ahead or 7)
    elif mod == "this":
        d = today - timedelta(days=today.weekday()) + timedelta(days=target)
    elif (_FUTURE.search(sentence) and mod not in ("since",)) or (
        mod in ("until", "by") and not _spoken_of_past(sentence)
    ):
        d = today + timedelta(days=ahead)  # "until Sunday": a deadline is to come unless the clause is past
    else:
        d = today - timedelta(days=back)
    return _day(d), "day"


@_rule("ago", rf"\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+(?i:ago)\b", re.IGNORECASE)
def _ago(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    n, unit = _number(m["n"]), _unit(m["u"])
    gran = "year" if unit == "decade" else unit
    if anchor is None or n is None:
        return None, gran
    if unit in ("year", "decade"):
        return str(anchor.year - n * (10 if unit == "decade" else 1)), "year"
    if unit == "month":
        if anchor.month is None:
            return None, "month"
        return _month(*_add_months(anchor.year, anchor.month, -n)), "month"
    if anchor.date is None:
        return None, gran
    if unit == "week":
        return _week(anchor.date - timedelta(weeks=n)), "week"
    return _day(anchor.date - timedelta(days=n)), "day"


@_rule(
    "relative-to-event",
    rf"\b(?P<n>{_NUM}|a few|several|many)\s+(?P<u>{_UNIT})\s+(?:later|earlier|afterwards|previously|before|after)\b",
    re.IGNORECASE,
)
def _relative_to_event(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    unit = _unit(m["u"])
    return None, "year" if unit == "decade" else unit


@_rule(
    "past-n",
    rf"\b(?i:(?:the|these)\s+)?(?P<mod>(?i:past|last|next|coming))\s+(?P<n>{_NUM})\s+(?P<u>(?i:{_UNIT}))\b",
)
def _past_n(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    n, unit = _number(m["n"]), _unit(m["u"])
    if anchor is None or n is None:
        return None, "range"
    if m["mod"].lower() in ("next", "coming"):
        return _future_range(anchor, n, unit)
    return _past_range(anchor, n, unit)


def _past_range(anchor: Anchor, n: int, unit: str) -> Resolved:
    if unit in ("year", "decade"):
        years = n * (10 if unit == "decade" else 1)
        return f"{anchor.year - years}/{anchor.year}", "range"
    if unit == "month" and anchor.month is not None:
        return f"{_month(*_add_months(anchor.year, anchor.month, -n))}/{_month(anchor.year, anchor.month)}", "range"
    if anchor.date is None:
        return None, "range"
    days = n * (7 if unit == "week" else 1) if unit in ("week", "day") else n * 30
    return f"{_day(anchor.date - timedelta(days=days))}/{_day(anchor.date)}", "range"


def _future_range(anchor: Anchor, n: int, unit: str) -> Resolved:
    if unit in ("year", "decade"):
        years = n * (10 if unit == "decade" else 1)
        return f"{anchor.year}/{anchor.year + years}", "range"
    if unit == "month" and anchor.month is not None:
        return f"{_month(anchor.year, anchor.month)}/{_month(*_add_months(anchor.year, anchor.month, n))}", "range"
    if anchor.date is None:
        return None, "range"
    days = n * (7 if unit == "week" else 1)
    return f"{_day(anchor.date)}/{_day(anchor.date + timedelta(days=days))}", "range"


_HIJRI_MONTH = "|".join(name.capitalize() for name in solar_hijri.MONTHS)
_HIJRI_NAME = re.compile(rf"\b(?:{_HIJRI_MONTH})\b")


@_rule(
    "solar-hijri",
    # "14 Mordad 1404", "from the beginning of Shahrivar", "in Mehr": the month names of Persian copy kept by its
    # translation. Some are words or names elsewhere ("Mehr", "Dey"), so a day, an edge, a year or a preposition
    # must go with them.
    rf"(?:\b(?P<d>[0-3]?\d)\s+|\b(?i:the\s+)?(?P<edge>(?i:beginning|start|middle|end))\s+of\s+"
    rf"|\b(?:in|In|from|From|until|since|by)\s+)(?P<mon>{_HIJRI_MONTH})\b(?:\s+(?P<y>1[34]\d\d)\b)?",
    needs=_HIJRI_NAME,
)
def _solar_hijri(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """A Solar Hijri day ("14 Mordad 1404") or month, in Gregorian dates: a month spans two Gregorian months, so
    it is a range of days; its beginning or end is a day. Without a year, the tense picks it as for "in March"."""
    month = solar_hijri.MONTHS[m["mon"].lower()]
    granularity = "day" if m["d"] or m["edge"] else "range"
    if m["y"]:
        year = int(m["y"])
    elif anchor is None or anchor.date is None:
        return None, granularity
    else:
        today = anchor.date
        hijri_year = solar_hijri.year_of(today)
        hijri_month = next(n for n in range(12, 0, -1) if solar_hijri.month_start(hijri_year, n) <= today)
        year = _year_for(month, None, Anchor(hijri_year, hijri_month), sentence, None)
    first = solar_hijri.month_start(year, month)
    last = solar_hijri.month_start(year + (month == 12), month % 12 + 1) - timedelta(days=1)
    if m["d"]:
        d = solar_hijri.to_gregorian(year, month, int(m["d"]))
        return (_day(d), "day") if d else None
    if m["edge"]:
        edge = m["edge"].lower()
        return _day(last if edge == "end" else first + timedelta(days=14) if edge == "middle" else first), "day"
    return f"{_day(first)}/{_day(last)}", "range"


@_rule(
    "vague-period",
    r"\b(?:recent|past|last)\s+(?:few\s+|several\s+)?(?:years|months|weeks|decades)\b|\brecent\s+times\b",
    re.IGNORECASE,
)
def _vague(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return None, "range"


# --- Russian -------------------------------------------------------------------------------------------------------
# The same expressions in Russian text: "в мае 2025 года", "в 2022 году", "на этой неделе", "в сентябре",
# "спустя четыре года", "в последние годы". Cyrillic words never match the English rules, nor these English text.

_RU_MONTH = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аеу]?|сентябр[ьяе]"
    r"|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_RU_MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_RU_NUMBERS = {
    "один": 1,
    "одну": 1,
    "одного": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "трёх": 3,
    "четыре": 4,
    "четырех": 4,
    "четырёх": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "несколько": None,
}
_RU_NUM = r"(?:\d{1,3}|" + "|".join(_RU_NUMBERS) + ")"
_RU_UNIT = r"(?:год[ауы]?|лет|месяц(?:а|ев)?|недел[юиь]|нед[еи]ль|д(?:ень|ня|ней))"
_RU_YEAR_WORD = r"(?:году|года|год|г\.)"
_RU_PAST = re.compile(r"\b\w{3,}(?:ла|ло|ли|лся|лась|лось|лись)\b|\bбыл[аои]?\b")
# Besides the future forms: advice and obligation ("лучше не пользоваться", "нужно", "должны") and forecasts
# ("ожидается") point ahead.
_RU_FUTURE = re.compile(
    r"\b(?:будет|будем|будут|состоится|планиру\w*|намерен\w*|следующ\w*|предстоящ\w*"
    r"|лучше|нужно|надо|следует|необходимо|должн\w*|рекомендуется|ожида[ею]тся|прогнозиру[ею]тся)\b",
    re.I,
)


def _ru_month(word: str) -> int:
    w = word.lower()
    for i, stem in enumerate(_RU_MONTH_STEMS, 1):
        if w.startswith(stem) and not (stem == "ма" and w.startswith("мар")):
            return i
    raise KeyError(word)


def _ru_unit(word: str) -> str:
    w = word.lower()
    if w.startswith(("год", "лет")):
        return "year"
    if w.startswith("месяц"):
        return "month"
    if w.startswith("нед"):
        return "week"
    return "day"


def _ru_number(word: str | None) -> int | None:
    if word is None:
        return 1
    return int(word) if word.isdigit() else _RU_NUMBERS.get(word.lower())


@_rule(
    "ru-day-month-year",
    rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_RU_MONTH})\s+(?P<y>{_YEAR})(?:\s+{_RU_YEAR_WORD})?",
    re.I,
    needs=_CYRILLIC,
)
def _ru_full_date(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    d = _safe_date(int(m["y"]), _ru_month(m["mon"]), int(m["d"]))
    return (_day(d), "day") if d else None


@_rule("ru-month-year", rf"\b(?P<mon>{_RU_MONTH})\s+(?P<y>{_YEAR})(?:\s+{_RU_YEAR_WORD})?", re.I, needs=_CYRILLIC)
def _ru_month_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return _month(int(m["y"]), _ru_month(m["mon"])), "month"


@_rule("ru-year", rf"\b(?P<y>{_YEAR})\s*(?:{_RU_YEAR_WORD}|-?м\s+году)(?!\w)", re.I, needs=_CYRILLIC)
def _ru_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return m["y"], "year"


@_rule("ru-decade", r"\b(?P<y>1[89]\d0|20\d0)-(?:е|х|ые|ых|м)\b(?:\s+год\w*)?", re.I, needs=_CYRILLIC)
def _ru_decade(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    y = int(m["y"])
    return f"{y}/{y + 9}", "range"


@_rule("ru-day-month", rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_RU_MONTH})\b(?!\s+\d)", re.I, needs=_CYRILLIC)
def _ru_day_month(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    month, day = _ru_month(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if anchor is None or anchor.month is None:
        return None, "day"
    d = _safe_date(_ru_year_for(month, day, anchor, sentence), month, day)
    return (_day(d), "day") if d else None


@_rule(
    "ru-month-of-year",
    rf"\b(?P<mon>{_RU_MONTH})\s+(?P<mod>этого|прошлого|следующего|текущего|позапрошлого)\s+года\b",
    re.I,
    needs=_CYRILLIC,
)
def _ru_month_of_year(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None:
        return None, "month"
    shift = {"этого": 0, "текущего": 0, "прошлого": -1, "следующего": 1, "позапрошлого": -2}[m["mod"].lower()]
    return _month(anchor.year + shift, _ru_month(m["mon"])), "month"


@_rule("ru-month", rf"(?<=\b[Вв] )(?P<mon>{_RU_MONTH})\b(?!\s+\d)", re.I, needs=_CYRILLIC)
def _ru_bare_month(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.month is None:
        return None, "month"
    month = _ru_month(m["mon"])
    return _month(_ru_year_for(month, None, anchor, sentence), month), "month"


_RU_EDGE = r"(?:конц[ауе]|начал[ауе]|середин[ыое])"


@_rule(
    "ru-month-edge",
    rf"\b(?P<pre>до|к|в|с|со|от)\s+{_RU_EDGE}\s+(?P<mon>{_RU_MONTH})\b(?!\s+\d)",
    re.I,
    needs=_CYRILLIC,
)
def _ru_month_edge(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "до конца декабря", "в начале марта": the month (the granularity says how precise), like "until the end
    of September". A deadline ("до", "к") is to come; in a past clause the month nearest the article's."""
    if anchor is None or anchor.month is None:
        return None, "month"
    month = _ru_month(m["mon"])
    if m["pre"].lower() in ("до", "к"):
        past = _RU_PAST.search(sentence) and not _RU_FUTURE.search(sentence)
        return _month(_year_for(month, None, anchor, "" if past else "will", None), month), "month"
    return _month(_ru_year_for(month, None, anchor, sentence), month), "month"


@_rule(
    "ru-end-of-unit",
    rf"\b{_RU_EDGE}\s+(?:(?:этой|этого|текущей|текущего)\s+)?(?P<u>недели|месяца|года)\b(?!\s+\d)",
    re.I,
    needs=_CYRILLIC,
)
def _ru_end_of_unit(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    """ "до конца недели", "в начале года": the article's own week, month or year."""
    unit = {"недели": "week", "месяца": "month", "года": "year"}[m["u"].lower()]
    fake = re.match(r"the (?P<edge>\w+) of the (?P<u>\w+)", f"the end of the {unit}")
    assert fake is not None
    return _end_of_unit(fake, anchor, sentence)


def _ru_year_for(month: int, day: int | None, anchor: Anchor, sentence: str) -> int:
    if _RU_FUTURE.search(sentence):
        return _year_for(month, day, anchor, "will", None)
    if _RU_PAST.search(sentence):
        return _year_for(month, day, anchor, "was", None)
    return _year_for(month, day, anchor, "", None)


@_rule(
    "ru-relative-unit",
    r"\b(?P<mod>этой|прошлой|следующей|текущей|этом|прошлом|следующем|текущем|этот|прошлый|следующий)\s+"
    r"(?P<u>неделе|году|месяце|год|месяц)\b",
    re.I,
    needs=_CYRILLIC,
)
def _ru_relative_unit(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    mod = m["mod"].lower()
    en_mod = "last" if mod.startswith("прошл") else "next" if mod.startswith("следующ") else "this"
    unit = _ru_unit(m["u"])
    fake = re.match(r"(?P<mod>\w+) (?P<u>\w+)", f"{en_mod} {unit}")
    assert fake is not None
    return _relative_unit(fake, anchor, sentence)


@_rule(
    "ru-day-word",
    # «накануне» alone is the day before the article; «накануне выборов» is the eve of an event (not resolved).
    r"\b(?:позавчера|послезавтра|сегодня|вчера|завтра)\b"
    r"|\bнакануне\b(?=\s*[,.;:)—]|\s+(?:вечером|утром|днем|днём|ночью)\b|\s+\w+л[аи]?\b"
    # "Накануне город накрыл снегопад", "накануне в Москве прошел": a subject and its past verb, or a place, follow.
    # A genitive ("накануне выборов", "накануне саммита") names the event instead.
    r"|\s+(?:в|во|на|по|у|из)\s"
    r"|\s+[а-яё]+(?<!ов)(?<!ев)(?<!ей)(?<!ий)(?<!ого)(?<!его)(?<!ых)(?<!их)(?<![аяиы])\s+[а-яё]{2,}(?:л|ла|ло|ли|лся|лась|лись)\b)",
    re.I,
    needs=_CYRILLIC,
)
def _ru_day_word(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.date is None:
        return None, "day"
    shifts = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
    shift = shifts[m.group(0).lower()]
    return _day(anchor.date + timedelta(days=shift)), "day"


_RU_WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6}


@_rule(
    "ru-weekday",
    r"\b(?:(?P<mod>прошл\w*|следующ\w*|эт\w*)\s+)?(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу"
    r"|воскресенье)\b"
    # "до пятницы", "с понедельника" (genitive), "к пятнице" (dative): a deadline or a start.
    r"|\b(?P<prep>до|с|со|от)\s+(?P<wd2>понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)\b"
    r"|\b(?P<prep2>к|ко)\s+(?P<wd3>понедельнику|вторнику|среде|четвергу|пятнице|субботе|воскресенью)\b",
    re.I,
    needs=_CYRILLIC,
)
def _ru_weekday(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    if anchor is None or anchor.date is None:
        return None, "day"
    wd = (m["wd"] or m["wd2"] or m["wd3"]).lower()
    target = next(v for k, v in _RU_WEEKDAYS.items() if wd.startswith(k))
    mod = (m["mod"] or m["prep"] or m["prep2"] or "").lower()
    today = anchor.date
    back, ahead = (today.weekday() - target) % 7, (target - today.weekday()) % 7
    if mod.startswith("прошл"):
        d = today - timedelta(days=back or 7)
    elif mod.startswith("следующ"):
        d = today + timedelta(days=ahead or 7)
    elif mod.startswith("эт"):
        d = today - timedelta(days=today.weekday()) + timedelta(days=target)
    elif _RU_FUTURE.search(sentence) or (mod in ("до", "к", "ко") and not _RU_PAST.search(sentence)):
        d = today + timedelta(days=ahead)  # "до пятницы": a deadline is to come unless the clause is past
    else:
        d = today - timedelta(days=back)
    return _day(d), "day"


@_rule("ru-ago", rf"\b(?:(?P<n>{_RU_NUM})\s+)?(?P<u>{_RU_UNIT})\s+назад\b", re.I, needs=_CYRILLIC)
def _ru_ago(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    n, unit = _ru_number(m["n"]), _ru_unit(m["u"])
    fake = re.match(r"(?P<n>\S+) (?P<u>\w+)", f"{n if n is not None else 'several'} {unit}")
    assert fake is not None
    return _ago(fake, anchor, sentence)


@_rule(
    "ru-relative-to-event",
    rf"\b(?:спустя|через)\s+(?:(?P<n>{_RU_NUM})\s+)?(?P<u>{_RU_UNIT})\b|\b(?:(?P<n2>{_RU_NUM})\s+)?(?P<u2>{_RU_UNIT})"
    r"\s+спустя\b",
    re.I,
    needs=_CYRILLIC,
)
def _ru_relative_to_event(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return None, _ru_unit(m["u"] or m["u2"])


@_rule(
    "ru-vague-period",
    r"\bпоследн(?:ие|их)\s+(?:несколько\s+)?(?:годы|лет|месяцы|месяцев|недели|недель|десятилетия)\b"
    r"|\bв\s+последнее\s+время\b",
    re.I,
    needs=_CYRILLIC,
)
def _ru_vague(m: re.Match[str], anchor: Anchor | None, sentence: str) -> Resolved:
    return None, "range"


# --- scanning ------------------------------------------------------------------------------------------------------

_PRIORITY = {rule.name: i for i, rule in enumerate(_RULES)}


def find_times(
    text: str, start: int = 0, end: int | None = None, anchor: Anchor | str | date | None = None
) -> list[TimeRef]:
    """Temporal expressions in `text[start:end]`, in text order, resolved against `anchor` (the article's date)."""
    end = len(text) if end is None else end
    if not isinstance(anchor, Anchor):
        anchor = parse_anchor(anchor)
    index: SentenceIndex | None = None  # split into sentences at the first match: most ranges have none
    candidates: list[tuple[int, int, int, TimeRef]] = []
    present: dict[re.Pattern[str], bool] = {}  # each rule's `needs`, searched once
    for rule in _RULES:
        if rule.needs is not None:
            if rule.needs not in present:
                present[rule.needs] = rule.needs.search(text, start, end) is not None
            if not present[rule.needs]:
                continue  # no match of the rule can lie in the range
        for m in rule.pattern.finditer(text, start, end):
            if index is None:
                index = SentenceIndex(text, start, end)
            s_start, s_end = _sentence_around(index, m.start(), start, end)
            resolved = rule.resolve(m, anchor, _tense_context(text, s_start, s_end, m.start(), m.end()))
            if resolved is None:
                continue
            value, granularity = resolved
            t_start, t_end = _strip_preposition(text, m.start(), m.end())
            candidates.append(
                (t_start, t_end, _PRIORITY[rule.name], TimeRef(Span.of(text, t_start, t_end), value, granularity))
            )
    # Longest first at each position; then drop anything overlapping what was kept.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    kept: list[tuple[int, int, int, TimeRef]] = []
    for c in candidates:
        if not any(c[0] < k[1] and k[0] < c[1] for k in kept):
            kept.append(c)
    return [c[3] for c in sorted(kept, key=lambda c: c[0])]


_IRREGULAR_PAST = re.compile(
    # Not after "be": "will be held" is no past ("was held" is, by its "was").
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!\bbeing )"
    r"\b(?:said|told|spoke|wrote|met|held|took|gave|made|came|went|began|saw|found|left|sent|brought|became|won"
    r"|lost|led|paid|fell|rose|grew|thought|knew|felt|chose|struck|signed)\b",
    re.IGNORECASE,
)


_TENSE_MARKERS = (_FUTURE, _PAST, _IRREGULAR_PAST, _RU_PAST, _RU_FUTURE)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”«»„—–]")
# "instructed the ministry to complete the works by March 25": a deadline after an infinitive is to come.
_DEADLINE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+)?$", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+[a-z]{3,}\b")


# The conjunction that opens a content clause: "announced that …", "предупредил, что …"; or a colon: "announced:
# From Monday …". A determiner "that" ("that day") opens none.
_COMPLEMENTIZER = re.compile(
    r"\bthat\b(?!\s+(?:day|week|month|year|time|morning|afternoon|evening|night|period)\b)|,\s*(?:что|чтобы)\b"
    r"|:\s",
    re.IGNORECASE,
)


# Advice, requests, orders and promises point ahead: what they ask for or promise is to be done after them.
# "urged drivers to stay home on Saturday", "посоветовал не пользоваться транспортом в субботу".
_DIRECTIVE = re.compile(
    r"\b(?:advised|urged|asked|instructed|ordered|called on|encouraged|recommended|requested|promised|pledged"
    r"|vowed)\b[^.;]{0,80}?\bto\s+[a-z]{3,}\b"
    r"|(?:\b(?:по)?(?:советова|рекомендова|проси|обеща)|\bпризва|\bпотребова|\bпоручи|\bвеле|\bобяза)"
    r"[а-яё]*\b[^.;]{0,80}?\b[а-яё]{2,}(?:ть|ти|чь)(?:ся|сь)?\b",
    re.IGNORECASE,
)


def _clause_start(text: str, s_start: int, start: int) -> int:
    """Where the content clause holding an expression starts (after its "that"), or the sentence's start."""
    opened = [m.end() for m in _COMPLEMENTIZER.finditer(text, s_start, start)]
    return opened[-1] if opened else s_start


def _tense_context(text: str, s_start: int, s_end: int, start: int, end: int) -> str:
    """The tense marker nearest an expression (the last before it, else the first after it) in its own clause,
    or the clause.

    In "The duty will be cut from January, the minister told reporters on Tuesday" the "will" belongs to the
    reported clause; "on Tuesday" goes with "told", so it is the Tuesday before the article, not after. Likewise in
    "X announced that from Friday shipping will be suspended" the "announced" is the report's: the content clause
    after "that" holds the expression, and only its own markers count. The rules only look for tense markers in
    what they get, so the marker alone is enough."""
    before = text[s_start:start]
    if _DEADLINE.search(before) and _INFINITIVE.search(before):
        return "will"
    s_start = _clause_start(text, s_start, start)
    if _DIRECTIVE.search(text, s_start, start):
        return "будет" if _CYRILLIC.search(text, s_start, start) else "will"
    markers = [m for pattern in _TENSE_MARKERS for m in pattern.finditer(text, s_start, s_end)]
    # A marker may end inside the expression's preposition: "are expected on" + "on Saturday".
    left = [m for m in markers if m.start() < start and m.end() <= end]
    if left:
        return max(left, key=lambda m: m.end()).group(0)
    # After it, only its own clause: in "… duty from January 1, the minister told reporters" the "told" is the
    # report's, not the duty's. A clause of a word or two ("In May, prices will fall") reaches the next one.
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, end, s_end)]
    opens_sentence = len(text[s_start:start].split()) < 2  # "In May, prices will fall": the next clause is its
    stop = breaks[1 if opens_sentence else 0] if len(breaks) > (1 if opens_sentence else 0) else s_end
    right = [m for m in markers if end <= m.start() and m.end() <= stop]
    if right:
        return min(right, key=lambda m: m.start()).group(0)
    return "" if stop < s_end else text[s_start:s_end]


_PREPOSITION = re.compile(
    r"(?i:in|on|at|since|until|till|by|from|during|through|for|of|around|в|во|на|с|со|до|к|по|после|около)\s+"
)


def _strip_preposition(text: str, start: int, end: int) -> tuple[int, int]:
    m = _PREPOSITION.match(text, start, end)
    if m and m.end() < end:
        return m.end(), end
    return start, end


def _sentence_around(index: SentenceIndex, offset: int, lo: int, hi: int) -> tuple[int, int]:
    i = index.sentence_index(offset)
    return index.sentences[i] if i is not None else (lo, hi)


# --- articles ------------------------------------------------------------------------------------------------------


def article_anchor(article: Article) -> Anchor | None:
    """The article's date from its metadata, or None: never the date of the run."""
    return parse_anchor(article.meta.published)


def article_times(article: Article, start: int = 0, end: int | None = None) -> list[TimeRef]:
    """Every temporal expression of the article's text (or of `text[start:end]`), resolved against its date."""
    return find_times(article.text, start, end, article_anchor(article))


def attach_times(article: Article) -> None:
    """Set `times` of every attribution: the expressions in its content and in the sentences around it."""
    anchor = article_anchor(article)
    index = SentenceIndex(article.text)
    for a in article.attributions:
        spans = [s for s in (a.source, a.cue, *a.content) if s is not None]
        if not spans:
            a.times = []
            continue
        lo, hi = min(s.start for s in spans), max(s.end for s in spans)
        ranges = [index.sentences[i] for i in index.sentences_overlapping(lo, hi)] or [(lo, hi)]
        found: dict[tuple[int, int], TimeRef] = {}
        for s, e in ranges:
            for t in find_times(article.text, s, e, anchor):
                found.setdefault((t.span.start, t.span.end), t)
        a.times = [found[k] for k in sorted(found)]
