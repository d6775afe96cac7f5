"""The short lines a site prints between an article's title and its first paragraph.

    Маркетплейсы попросили отсрочки                                <- title (layout.py finds it)
    Платформы не успевают перестроить расчеты                      <- subtitle
    Газета «Вестник» №212 от 19.11.2025, стр. 9                    <- masthead with the date
    Бизнес                                                         <- rubric: the section
    Ольга Ветлугина                                                <- byline
    Крупнейшие маркетплейсы обратились в Банк России ...           <- the body starts here

None of these lines is article prose: a byline read as prose becomes a person that pronouns can reach. A wrongly
skipped first paragraph costs its attributions, though, so a line joins the block only when it is recognisably a
head line (a date line, a masthead, a rubric from a table of common section names, a "Site | Section | date" line,
or a lone name after such lines), and a subtitle only when a recognised head line follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .credits import parse_credit_line
from .lines import Line
from .masthead import masthead_names, person_shaped, pipe_parts, site_shaped
from .published import date_start
from .sections import GENERIC_CRUMBS, is_section_name

_MAX_DATELINE_WORDS = 8
# "Society / Riga": a rubric and its subsection.
_SLASHED_RUBRIC = re.compile(r"^(?P<section>[A-ZА-ЯЁ][\w&-]*(?: [\w&-]+)?)(?: / [A-ZА-ЯЁ][\w&-]*(?: [\w&-]+)?){1,2}$")
# A head line is short; a date line longer than this is a sentence that mentions a date.
_MAX_HEAD_WORDS = 16
_MAX_SUBTITLE_WORDS = 30
_MAX_BLOCK_LINES = 6
# "Published on October 7, 2025 at 3:10 p.m." ends with a period that closes no sentence.
_CLOCK_END = re.compile(r"(?:[ap]\.m\.|\b[AP]M)$", re.IGNORECASE)
# "Kyiv • UKRINFORM", or a lone "Hatay": where the story was filed, on a line of its own. One word is no prose.
_PLACE_LINE = re.compile(r"^[A-ZА-ЯЁ][\w'-]+(?:[ \t]+[A-ZА-ЯЁ][\w'-]+)?(?:[ \t]*[•·|][ \t]*[A-ZА-ЯЁ][\w .-]{1,30})?$")
_BYLINE = re.compile(
    r"^(?:By|Author:?|Reporter:?|Correspondent:?|Editor:?|Text:?|Автор:?|Текст:?|Von|Par|Por|Di)\s+", re.IGNORECASE
)
# "By Juliana Ferraz Amaral - Agência Brasil reporter": the byline's name, then the writer's post.
_BYLINE_TAIL = re.compile(r"\s+[-–—|]\s+|,\s+")
# "News | Health": rubrics in a row, the site's navigation.
_RUBRIC_SEPARATOR = re.compile(r"\s+[|•·]\s+")
# "Economy > Water and Energy": a breadcrumb path on a line of its own, below the site's name. A headline is
# seldom cut by an arrow; a slash cuts headlines too ("Dams are empty / Pressure drops"), so a slashed path needs
# a known rubric among its parts ("Economy / Water and Energy").
_ARROW_SEPARATOR = re.compile(r"\s+(?:>|›|→|»)\s+")
_SLASH_SEPARATOR = re.compile(r"\s+/\s+")
_MAX_CRUMB_WORDS = 4
_MAX_CRUMB_CHARS = 40
# A site's labelled head lines: "News ID: 85612347", "Editor: Dewi Kartika", "Source: Xinhuanet".
_LABEL_LINE = re.compile(
    r"^(?:News\s+(?:ID|code)|ID|Source|Editor|Reporter|Correspondent|Photo|Author|Text|Автор|Фото|Источник)\s*:\s*\S",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HeadBlock:
    lines: int = 0  # how many of the given lines belong to the head (0: the body starts right away)
    section: str | None = None
    # The first line is a subtitle ("The minister warned that ..."): cut off from the body, but prose to analyse.
    subtitle: bool = False


def read_head_block(lines: list[Line], *, subtitle: bool = True) -> HeadBlock:
    """The head lines at the start of `lines` (the lines after the title) and the section they name.

    `subtitle=False` reads the lines above a headline (under the site's name): no subtitle is among them."""
    count = 0
    section: str | None = None
    first_is_subtitle = False
    for index, line in enumerate(lines[:_MAX_BLOCK_LINES]):
        text = line.stripped
        if _is_head_line(text):
            count = index + 1
            section = section or _section_of(text)
        elif count == index and parse_credit_line(line) is not None:
            # "Original in Uzbek. Translated by DeepL." among the head lines; it confirms no subtitle, for the
            # credit of a one-paragraph text may be the next line after its prose.
            count = index + 1
        elif (
            not subtitle and _crumb_shaped(text) and index + 1 < len(lines) and _is_date_line(lines[index + 1].stripped)
        ):
            # "РБК / Технологии и медиа / 09 дек 2025": a short line between the site's name and the date is its
            # rubric, though the table of common rubrics does not know it.
            count = index + 1
            section = section or text
        elif index == 0 and subtitle and _is_subtitle(text):
            first_is_subtitle = True
        else:
            break  # prose: the body starts here (a lone subtitle stays in the body unless head lines follow)
    return HeadBlock(count, section, first_is_subtitle and count > 0)


def _is_head_line(text: str) -> bool:
    if len(text.split()) > _MAX_HEAD_WORDS:
        return False
    return (
        _is_date_line(text)
        or is_section_name(text)
        or bool(masthead_names(text))
        or person_shaped(_BYLINE.sub("", text))
        or (_BYLINE.match(text) is not None and person_shaped(_BYLINE_TAIL.split(_BYLINE.sub("", text))[0]))
        or bool(_PLACE_LINE.match(text))
        or bool(_LABEL_LINE.match(text))
        or bool(_SLASHED_RUBRIC.match(text))
        or _rubric_path(text) is not None
        or _crumb_path(text) is not None
        or _source_names(text)
    )


def _is_date_line(text: str) -> bool:
    if date_start(text) is None:
        return False
    # "Riga, 13 March 2025, LETA.": a short date line may end in a full stop; a sentence with a date is longer.
    short = len(text.split()) <= _MAX_DATELINE_WORDS
    return not text.endswith(".") or short or _CLOCK_END.search(text) is not None


def _is_subtitle(text: str) -> bool:
    words = text.split()
    first = next((ch for ch in text if ch.isalnum()), "")
    return 0 < len(words) <= _MAX_SUBTITLE_WORDS and first.isupper() and not text.endswith((".", ":", ";", ","))


def _rubric_path(text: str) -> list[str] | None:
    """The parts of a line of rubric names ("News | Health"), or None when it is not one."""
    parts = _RUBRIC_SEPARATOR.split(text)
    if len(parts) < 2 or not all(is_section_name(p) or p.casefold() in GENERIC_CRUMBS for p in parts):
        return None
    return parts


def _crumb_path(text: str) -> list[str] | None:
    """The parts of a breadcrumb path ("Economy > Water and Energy"), or None when the line is not one."""
    parts = _ARROW_SEPARATOR.split(text)
    if len(parts) < 2:
        parts = _SLASH_SEPARATOR.split(text)
        if not any(is_section_name(p) or p.casefold() in GENERIC_CRUMBS for p in parts):
            return None
    if len(parts) < 2 or not all(_crumb_shaped(p) for p in parts):
        return None
    return parts


def _crumb_shaped(part: str) -> bool:
    """A section's name: a few words, capitalised, no sentence's punctuation or figures."""
    words = part.split()
    return (
        1 <= len(words) <= _MAX_CRUMB_WORDS
        and len(part) <= _MAX_CRUMB_CHARS
        and part[0].isupper()
        and not any(ch.isdigit() or ch in '.,;:!?"«»“”' for ch in part)
    )


def _source_names(text: str) -> bool:
    """A line of outlet names ("MTI / hvg.hu"): the agency and the site that carry the story, no prose."""
    parts = _SLASH_SEPARATOR.split(text)
    return len(parts) >= 2 and all(site_shaped(p) for p in parts)


def _section_of(text: str) -> str | None:
    """The section a head line names: a rubric, the middle of "Site | Section | date", "Sport, 05 Dec 2025"."""
    if is_section_name(text):
        return text
    if (slashed := _SLASHED_RUBRIC.match(text)) is not None:
        return slashed["section"]
    rubrics = _rubric_path(text) or _crumb_path(text)
    if rubrics is not None:
        return next((r for r in reversed(rubrics) if r.casefold() not in GENERIC_CRUMBS), None)
    parts = pipe_parts(text)
    if parts is not None:
        middle = [p for p in parts[1:-1] if date_start(p) is None and not person_shaped(p)]
        return middle[-1] if middle else None
    start = date_start(text)
    if start:
        before = text[:start].strip(" ,;|-–—")
        if is_section_name(before):
            return before
    return None
