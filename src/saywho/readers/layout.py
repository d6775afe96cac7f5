"""The shape of a scraped article's head: breadcrumbs, a repeated title, the start of the body.

Copy-pasted or scraped news often starts like this:

    - Статьи                      <- generic root crumb, skipped
    - World                       <- section: the most specific crumb before the title
    - Talks to resume in May      <- last crumb ...
    Talks to resume in May        <- ... repeated as the headline; the body starts after it

or with a one-line path such as "Home > World > Asia". Without breadcrumbs, a first line that reads like a
headline (short, no final period) is the title. Head lines printed under the title (subtitle, date, masthead,
rubric, byline; see headblock.py) are skipped too, and a rubric among them gives the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headblock import read_head_block
from .lines import Line, head_lines

# "- World", "• World", "› World" (not an em dash: that opens dialogue in Russian-style text).
_BULLET = re.compile(r"^[-•›»·▸*][ \t]+(?P<crumb>\S.*?)$")
# "Home > World > Asia" on one line.
_PATH_SEPARATOR = re.compile(r"\s+(?:>|›|»|→|/)\s+")

# Root crumbs that name no section: the site's front page or the list of all articles.
_GENERIC_CRUMBS = frozenset(
    s.casefold()
    for s in (
        "Home", "Homepage", "Home page", "Main", "Main page", "Start", "News", "Latest news", "Articles",
        "All articles", "Top stories", "Главная", "Главная страница", "Новости", "Статьи", "Все новости",
        "Головна", "Новини", "Статті", "Startseite", "Nachrichten", "Artikel", "Accueil", "Actualités",
        "Articles", "Inicio", "Portada", "Noticias", "Artículos", "Notizie", "Articoli",
    )
)  # fmt: skip

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
_MAX_TITLE_WORDS = 30
_MAX_TITLE_CHARS = 250


@dataclass(frozen=True)
class Layout:
    title: str | None = None
    section: str | None = None
    body_start: int = 0  # offset of the first body character (after breadcrumbs and a repeated title)
    # An ordinary headline's line (start, end): it is prose to analyse even when head lines cut it off the body.
    headline: tuple[int, int] | None = None


def parse_layout(text: str, skip_until: int = 0) -> Layout:
    """Find breadcrumbs, section, title and the body start in the head of `text`.

    `skip_until` is the end of a line to ignore at the top (a credit line printed before the article).
    """
    lines = [line for line in head_lines(text) if line.start >= skip_until]
    if not lines:
        return Layout(body_start=skip_until)
    crumbs, rest = _breadcrumbs(lines)
    title: str | None = None
    headline: tuple[int, int] | None = None
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
    section = next((c for c in reversed(crumbs) if c.casefold() not in _GENERIC_CRUMBS), None)
    if title is not None:
        # Date, masthead and byline lines under the title are not prose. When they are there the headline is
        # cut off from the body anyway, as it is above a wire dateline (see provenance.content_start).
        block = read_head_block(rest[after_title:])
        if block.lines:
            body_line = after_title + block.lines
        section = section or block.section
    if body_line < len(rest):
        body_start = rest[body_line].start + _leading_blank(rest[body_line].text)
    else:
        body_start = len(text)
    return Layout(title=title, section=section, body_start=body_start, headline=headline)


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
    generic_root = crumbs[0].casefold() in _GENERIC_CRUMBS
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
