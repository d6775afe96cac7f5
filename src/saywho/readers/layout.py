"""The shape of a scraped article's head: breadcrumbs, a repeated title, the start of the body.

Copy-pasted or scraped news often starts like this:

    - Статьи                      <- generic root crumb, skipped
    - World                       <- section: the most specific crumb before the title
    - Talks to resume in May      <- last crumb ...
    Talks to resume in May        <- ... repeated as the headline; the body starts after it

or with a one-line path such as "Home > World > Asia". Without breadcrumbs, a first line that reads like a
headline (short, no final period) is the title. Head lines printed under the title (subtitle, date, masthead,
rubric, byline; see headblock.py) are skipped too, and a rubric among them gives the section.

Many sites print their own name above all this, and it is no headline:

    Northwind Courier             <- the site's name: short, a name's shape
    Environment                   <- rubric, place or date lines (optional)
    River levels fall again       <- the headline, longer than the name
    or, on one line:  "NRK News • Domestic • Politics"

The name is the site's (`Layout.site`, a masthead for publisher.py) when its shape or the text confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..speakers.world import CAPITALS
from .headblock import read_head_block
from .lines import Line, head_lines
from .masthead import site_shaped
from .published import date_start, is_date_only
from .sections import GENERIC_CRUMBS, is_section_name

# "- World", "• World", "› World" (not an em dash: that opens dialogue in Russian-style text).
_BULLET = re.compile(r"^[-•›»·▸*][ \t]+(?P<crumb>\S.*?)$")
# "Home > World > Asia" on one line.
_PATH_SEPARATOR = re.compile(r"\s+(?:>|›|»|→|/)\s+")
# "NRK News • Domestic • Politics": a bullet separates a headline's parts too, so such a path needs rubric names.
_BULLET_SEPARATOR = re.compile(r"\s+[•·]\s+")
# A site's name is a few words ("Northwind Courier", "41.tj"); the headline under it is longer.
_MAX_SITE_WORDS = 4
_MAX_SITE_CHARS = 40

# Section crumbs are a few words ("World", "Asia-Pacific", "Science & Tech"); longer ones are prose or titles.
_MAX_SECTION_WORDS = 4
_MAX_SECTION_CHARS = 60
# A last crumb of more words than this is the headline ("Home > World > Japan elects new leader").
_MAX_TITLE_CRUMB_WORDS = 3
_OPENING_QUOTES = "\"'«„“‘"
# "'The sanctions have failed': an interview with ..." or "«We are ready» — the Kremlin".
_QUOTED_HEADLINE = re.compile(r"""["'«„“‘][^"'»“”’\n]{3,}["'»“”’][:,]?\s+[—–-]?\s*\w""")
# An interview's headline is often the interviewee's words alone: «Нейросеть не заменит учителя». A quoted
# sentence of the body ends with a period, inside or after the quotation marks, or goes on with "— said X".
_WHOLE_QUOTE_HEADLINE = re.compile(r"""[«„“"][^«»„“”"\n]{3,}(?<![.,;:])[»“”"]""")
_CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]{2,}")
_MAX_TITLE_WORDS = 30
_MAX_TITLE_CHARS = 250


@dataclass(frozen=True)
class Layout:
    title: str | None = None
    section: str | None = None
    body_start: int = 0  # offset of the first body character (after breadcrumbs and a repeated title)
    # An ordinary headline's line (start, end): it is prose to analyse even when head lines cut it off the body.
    headline: tuple[int, int] | None = None
    site: str | None = None  # the site's name printed above the headline, as printed
    # The subtitle's line under an ordinary headline, cut off from the body by the head lines below it.
    subtitle: tuple[int, int] | None = None


def parse_layout(text: str, skip_until: int = 0) -> Layout:
    """Find breadcrumbs, section, title and the body start in the head of `text`.

    `skip_until` is the end of a line to ignore at the top (a credit line printed before the article).
    """
    lines = [line for line in head_lines(text) if line.start >= skip_until]
    if not lines:
        return Layout(body_start=skip_until)
    site = _site_line(text, lines)
    if site is not None:
        lines = lines[1:]
    crumbs, rest = _breadcrumbs(lines)
    if site is None and crumbs and _is_site_name(text, crumbs[0], lines[0], mentioned_or_shaped=True):
        site, crumbs = crumbs[0], crumbs[1:]  # "NRK News • Domestic • Politics"
    site_section: str | None = None
    if site is None and not crumbs:
        # A date or rubric line on top ("Input 2025.07.29. 15:12", "Politics") is no headline either.
        skipped = _leading_date_lines(rest)
        rest, site_section = (
            rest[skipped:],
            next((ln.stripped for ln in rest[:skipped] if is_section_name(ln.stripped)), None),
        )
    elif site is not None:
        # Rubric, place and date lines between the site's name and the headline ("Society", "Oslo, 3 May 2025").
        above = read_head_block(rest, subtitle=False)
        rest, site_section = rest[above.lines :], above.section
    title: str | None = None
    headline: tuple[int, int] | None = None
    subtitle: tuple[int, int] | None = None
    body_line = 0  # index into `rest` of the first body line
    after_title = 0  # index into `rest` of the first line after the title
    if crumbs and rest and _same(crumbs[-1], rest[0].stripped):
        # The last crumb is the headline, printed again right below the breadcrumbs.
        title, crumbs, body_line, after_title = rest[0].stripped, crumbs[:-1], 1, 1
    elif crumbs and _is_title_crumb(crumbs[-1]):
        title, crumbs = crumbs[-1], crumbs[:-1]
    elif rest and is_headline(rest[0].stripped) and len(rest) > 1:
        # An ordinary headline stays part of the body: headlines can carry attributions themselves.
        title, after_title = rest[0].stripped, 1
        first = rest[0]
        headline = (first.start + _leading_blank(first.text), first.start + len(first.text.rstrip()))
    section = next((c for c in reversed(crumbs) if c.casefold() not in GENERIC_CRUMBS), None) or site_section
    if title is not None:
        # Date, masthead and byline lines under the title are not prose. When they are there the headline is
        # cut off from the body anyway, as it is above a wire dateline (see provenance.content_start).
        block = read_head_block(rest[after_title:])
        if block.lines:
            body_line = after_title + block.lines
        if block.subtitle and headline is not None:
            # "The minister warned that ...": a subtitle is prose like the headline above it.
            sub = rest[after_title]
            subtitle = (sub.start + _leading_blank(sub.text), sub.start + len(sub.text.rstrip()))
        section = section or block.section
    if body_line < len(rest):
        body_start = rest[body_line].start + _leading_blank(rest[body_line].text)
    else:
        body_start = len(text)
    return Layout(title=title, section=section, body_start=body_start, headline=headline, site=site, subtitle=subtitle)


def _leading_date_lines(lines: list[Line]) -> int:
    """How many lines on top print only a date or a rubric's name, when a line follows them."""
    count = 0
    while count < len(lines) - 1 and (is_date_only(lines[count].stripped) or is_section_name(lines[count].stripped)):
        count += 1
    return count


def _site_line(text: str, lines: list[Line]) -> str | None:
    """The site's name when the first line prints it above the headline, else None.

    The shape alone is not enough: a short headline ("Kremlin Talks") is followed by a subtitle just as a site's
    name is followed by the headline. So the name needs a confirmation besides: head lines (a rubric, a place, a
    date, breadcrumbs) between it and the headline, or a name's shape ("41.tj", "NRK", "X News") and a second
    mention in the copy when the headline follows at once.
    """
    first = lines[0].stripped
    if len(lines) < 3 or not _is_site_name(text, first, lines[0], mentioned_or_shaped=False):
        return None
    crumbs, rest = _breadcrumbs(lines[1:])
    between = read_head_block(rest, subtitle=False).lines
    rest = rest[between:]
    if len(rest) < 2 or not is_headline(rest[0].stripped) or len(rest[0].stripped.split()) <= len(first.split()):
        return None  # no headline below it (or a shorter one): the first line is the headline itself
    shaped = site_shaped(first)
    mentioned = _mentioned_after(text, first, lines[0].end)
    if crumbs or between:
        # One word above a rubric and the headline is a name ("Northwind"); several words need more evidence.
        return first if shaped or mentioned or len(first.split()) == 1 else None
    return first if shaped and mentioned else None


def _is_site_name(text: str, name: str, line: Line, *, mentioned_or_shaped: bool) -> bool:
    """Whether `name` (a whole line or a path's first crumb) is shaped like a site's name: a few capitalised
    words or one token ("kestrel", "41.tj"), no sentence, rubric, date or city. With `mentioned_or_shaped` the
    name must also be shaped like an outlet's or be named again in the text."""
    words = name.split()
    if not 1 <= len(words) <= _MAX_SITE_WORDS or len(name) > _MAX_SITE_CHARS:
        return False
    if name[0] in _OPENING_QUOTES or name[0] in "-–—(" or name.endswith((".", ",", ";", ":", "!", "?", "…")):
        return False
    folded = name.casefold()
    if date_start(name) is not None or is_section_name(name) or folded in GENERIC_CRUMBS or folded in CAPITALS:
        return False
    if len(words) > 1 and not all(w[0].isupper() or w[0].isdigit() for w in words) and not site_shaped(name):
        return False  # "Talks stall": a headline's words ("Новая газета" is a name by its media word)
    if not any(ch.isalpha() for ch in name):
        return False
    return not mentioned_or_shaped or site_shaped(name) or _mentioned_after(text, name, line.end)


def _mentioned_after(text: str, name: str, end: int) -> bool:
    """Whether the text names `name` again, as a whole word, after offset `end` ("told Northwind", "41.tj reports").

    A Russian name is inflected in the copy: "Вечерняя Москва" is named by «Вечерней Москве»."""
    if re.search(rf"(?<![\w.]){re.escape(name)}(?![\w]|\.\w)", text[end:]) is not None:
        return True
    words = name.split()
    if not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return False
    stems = r"\s+".join(re.escape(w[:-2] if len(w) > 4 else w) + r"[а-яё]{0,3}" for w in words)
    return re.search(rf"(?<![\w.]){stems}(?!\w)", text[end:]) is not None


def is_headline(line: str) -> bool:
    """Whether a line reads like a headline: short, starts with a capital, no sentence-final period."""
    words = line.split()
    if not words or len(words) > _MAX_TITLE_WORDS or len(line) > _MAX_TITLE_CHARS:
        return False
    first = next((ch for ch in line if ch.isalnum()), "")
    if not first or first.islower() or line[0] in "-–—(":
        return False
    if line[0] in _OPENING_QUOTES and not (_QUOTED_HEADLINE.match(line) or _WHOLE_QUOTE_HEADLINE.fullmatch(line)):
        return False  # a quotation paragraph, unless the quotation closes and the headline goes on after it
    return not line.endswith((".", ",", ";", ":")) or line.endswith("...")


def _breadcrumbs(lines: list[Line]) -> tuple[list[str], list[Line]]:
    """Leading crumbs (bullet lines or one "A > B > C" line) and the lines after them."""
    crumbs: list[str] = []
    i = 0
    while i < len(lines) and (m := _BULLET.match(lines[i].stripped)):
        crumbs.append(m["crumb"])
        i += 1
    if not crumbs:
        # A one-line path: the separators themselves show it is navigation, not prose.
        parts = [p.strip() for p in _PATH_SEPARATOR.split(lines[0].stripped)]
        if len(parts) < 2:
            parts = [p.strip() for p in _BULLET_SEPARATOR.split(lines[0].stripped)]
            if not all(is_section_name(p) or p.casefold() in GENERIC_CRUMBS for p in parts[1:]):
                parts = parts[:1]
        capitalised = all(p and not p[0].islower() for p in parts)
        if len(parts) >= 2 and capitalised and all(_is_section(p) for p in parts[:-1]):
            return parts, lines[1:]
        return [], lines
    rest = lines[i:]
    # Everything but the last crumb must be a section name; otherwise this is a bulleted list of prose.
    if not all(_is_section(c) for c in crumbs[:-1]):
        return [], lines
    if not (_is_section(crumbs[-1]) or is_headline(crumbs[-1])):
        return [], lines
    # A bulleted summary ("- Russia ready for talks") also looks like that; real breadcrumbs show themselves
    # by a repeated title, a generic root crumb, or crumbs of one or two words.
    repeated = bool(rest) and _same(crumbs[-1], rest[0].stripped)
    generic_root = crumbs[0].casefold() in GENERIC_CRUMBS
    terse = all(len(c.split()) <= 2 for c in (crumbs[:-1] if _is_title_crumb(crumbs[-1]) else crumbs))
    if not (repeated or generic_root or terse):
        return [], lines
    return crumbs, rest


def _is_title_crumb(crumb: str) -> bool:
    """A last crumb that is the headline rather than a section ("Talks to resume in May")."""
    return is_headline(crumb) and len(crumb.split()) > _MAX_TITLE_CRUMB_WORDS or not _is_section(crumb)


def _is_section(crumb: str) -> bool:
    return (
        len(crumb.split()) <= _MAX_SECTION_WORDS
        and len(crumb) <= _MAX_SECTION_CHARS
        and not crumb.endswith((".", ",", ";", ":"))
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _leading_blank(s: str) -> int:
    """Width of the blanks (and a byte-order mark) before the first visible character."""
    return len(s) - len(s.lstrip().lstrip("\ufeff").lstrip())
