"""Outlet names printed in an article's masthead lines (its head) and in its footer.

    Kommersant newspaper No. 209 dated 18.11.2025, p. 7      <- name, kind of periodical, issue number
    Газета «Вестник» №212 от 19.11.2025, стр. 9              <- kind of periodical, quoted name
    Ledger.Ru | Politics | 23.09.2025, 10:47                  <- site | section | date
    A DAILY LEDGER article
    Le Monde with AFP                                          <- the outlet "with" the agency it drew on
    NHK NEWS WEB  May 21, 2025 12:38 PM / РБК Томск             <- an acronym, then the edition or the date
    2025-03-14 19:42:06  Source: Ledgernet  Editor: ...
    Northwind Press                                            <- a name ending in a media word, under the title
    La Gaceta                                                  <- a name led by an article, named again in the copy
    ... The original article is from NHK.                      <- footer
    (c) EFE Agency 2025. All rights reserved.                  <- footer

Only these shapes are read, only in the short lines that open the article and in its last lines. The name is
whatever the line prints; none is built in. Some shapes also fit other things (a byline "John Smith with Jane
Doe", an acronym that opens a subtitle, a "Source:" that names another outlet), so their names are marked as
needing confirmation: publisher.py counts them only when the text also refers to the same name as an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line, head_lines, tail_lines
from .published import date_start
from .sections import GENERIC_CRUMBS, is_section_name

_UPPER = "A-ZА-ЯЁ"
_WORD = rf"[{_UPPER}][\w.&'’\-]*\b(?!:)"  # a capitalised word, not a label such as "Editor:"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,3}})"
_QUOTED = r"[«„“\"](?P<name>[^«»„“”\"\n]{1,40}?)[»“”\"]"
_PERIODICAL_EN = r"(?:newspaper|magazine|weekly|daily|journal)"
_PERIODICAL_RU = r"(?:Газета|Журнал|Еженедельник|Издание|Ежедневная\s+газета)"
_ISSUE = r"(?:No\.?|№|#|Issue)\s*\d"
_ACRONYM = rf"(?P<name>[{_UPPER}ČŠŽŘĚŇŤĎÁÉÍÓÚÜÖÄ]{{2,6}}(?:-[{_UPPER}]{{2,6}})?)"  # "ČTK", "ANA-MPA"

# A site's address as its name: "Ledger.uz", "41.tj", "lenta.ru", "Ledger.Ru" (a top-level domain of letters).
_DOMAIN = re.compile(r"(?=[\w.\-]*[^\W\d_])\w[\w\-]*(?:\.\w[\w\-]*)*\.(?:[a-z]{2,6}|[A-Z][a-z])")

# Shapes that name the outlet outright.
_HEAD_SURE = [
    re.compile(rf"^(?P<name>{_DOMAIN.pattern})$"),  # Gazeta.uz
    re.compile(
        rf"^{_WORD}(?:[ \t]{_WORD})?,[ \t]+\d{{1,2}}[ \t]+\w+[ \t]+\d{{4}},[ \t]+(?P<name>[{_UPPER}]{{2,}}[\w\-]*)\.?$"
    ),
    re.compile(rf"(?:^|\s)/(?P<name>[{_UPPER}][\w\-]{{1,20}})/\.?$"),  # Ulaanbaatar, February 27, 2024 /MONTSAME/
    re.compile(rf"^{_WORD}(?:[ \t]{_WORD}){{1,3}}[ \t]+\((?P<name>[{_UPPER}]{{2,8}})\)$"),  # Elena Koleva (BTA)
    re.compile(rf"^(?:The\s+)?{_NAME}\s+{_PERIODICAL_EN}\b.{{0,40}}?{_ISSUE}"),  # Kommersant newspaper No. 209
    re.compile(rf"^(?:The\s+)?{_PERIODICAL_EN}\s+{_QUOTED}", re.IGNORECASE),  # Newspaper "Kommersant" No. 209
    re.compile(rf"^{_PERIODICAL_RU}\s+{_QUOTED}", re.IGNORECASE),  # Газета «Вестник» №212
    re.compile(rf"^(?:An?|The)\s+{_NAME}\s+(?:article|report|story)$"),  # A DER SPIEGEL article
]
# Shapes that other head lines share: their names need the text's confirmation.
_HEAD_UNSURE = [
    re.compile(rf"^{_NAME}\s+(?:with|avec|con|mit|и|с)\s+{_WORD}(?:[ \t]{_WORD}){{0,2}}$"),  # Le Monde with AFP
    re.compile(rf"(?:^|\s)(?:Source|Источник)\s*:\s*{_NAME}"),  # Source: Xinhuanet
]
_FOOT_SURE = [
    re.compile(
        rf"\boriginal\s+(?:article|story|report|text)\s+(?:is|was)\s+(?:from|by|published\s+(?:by|in|on))\s+{_NAME}",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on)\s+{_NAME}", re.IGNORECASE),
    re.compile(rf"^(?:\([cс]\)|©|Copyright(?:\s+©)?)\s*(?:\d{{4}}\s+)?(?:The\s+)?{_NAME}", re.IGNORECASE),
]
# "(c) EFE Agency 2025", "NRK News": the suffix is not part of the name the text uses elsewhere ("told EFE").
_COMPANY_SUFFIX = re.compile(r"\s+(?:News(?:\s+Agency)?|Agency|Inc\.?|Ltd\.?|LLC|GmbH|S\.A\.)$")
# Words that end outlet names; a two- or three-word name without one is shaped like "First Last".
MEDIA_WORDS = frozenset(
    "times post news journal herald daily telegraph tribune gazette gazeta review press observer chronicle "
    "standard express mail mirror today weekly monitor wire agency service radio tv television channel "
    "network media magazine digest bulletin courier insider report online ru com "
    "газета правда ведомости новости вестник журнал курьер хроника обозреватель".split()
)
# "Новая газета", "Российская газета": Russian names are written in sentence case, the media word in lower case.
_SENTENCE_CASE_NAME = re.compile(r"[A-ZА-ЯЁ][\w\-]+(?:[ \t][\w\-]+){1,2}")
# "La Gaceta", "Die Zeit", "The Ledger": an outlet's name led by an article, which no person's name is.
_ARTICLE_LED = re.compile(
    rf"^(?:(?P<the>The)|El|La|Le|Les|Los|Las|Il|Lo|Der|Die|Das|De|Het)[ \t]+{_WORD}(?:[ \t]{_WORD}){{0,2}}$"
)
# An acronym and at most two capitalised words (the edition, the site's tagline), before any date.
_ACRONYM_LINE = re.compile(rf"^{_ACRONYM}(?:[ \t]+[{_UPPER}][\w\-]*){{0,2}}$")
# "Jean-Luc", and the romanised Korean given names written with a lower-case second syllable ("Ji-won").
_PERSON_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁa-zа-яё][a-zа-яё]+)?")
# "Site | Section | date": a navigation line, not prose.
_PIPE = re.compile(r"\s+\|\s+")

# The head is the short lines above the first paragraph; a line this long is prose.
_PROSE_WORDS = 25
_MAX_HEAD_LINES = 10
_MAX_LINE_WORDS = 16


@dataclass(frozen=True)
class Masthead:
    name: str
    confirmed: bool  # False: count it only when the text also names it as an outlet


def find_mastheads(text: str) -> list[Masthead]:
    """Outlet names from the masthead shapes of the head and the footer, in the order found."""
    found: list[Masthead] = []
    for index, line in enumerate(head_region(text)):
        found.extend(masthead_names(line.stripped, first_line=index == 0))
        led = _ARTICLE_LED.match(line.stripped)
        if index and led is not None:
            # A head line "La Gaceta" is the outlet when the copy names it again ("told La Gaceta"); a rubric or a
            # subtitle led by an article seldom recurs word for word.
            name = line.stripped[len("The") :].strip() if led["the"] else line.stripped
            if re.search(rf"(?<!\w){re.escape(line.stripped)}(?!\w)", text[line.end :]):
                found.append(Masthead(name, True))
    for line in tail_lines(text):
        if len(line.stripped.split()) <= _MAX_LINE_WORDS:
            found.extend(Masthead(_clean(m["name"]), True) for p in _FOOT_SURE if (m := p.search(line.stripped)))
    return [m for m in found if m.name]


def head_region(text: str) -> list[Line]:
    """The lines above the first paragraph of prose (the title among them)."""
    lines: list[Line] = []
    for line in head_lines(text, max_lines=_MAX_HEAD_LINES):
        if len(line.stripped.split()) > _PROSE_WORDS:
            break
        lines.append(line)
    return lines


def masthead_names(line: str, first_line: bool = False) -> list[Masthead]:
    """Outlet names a single head line prints; the first line (the title) is only read for the sure shapes."""
    if len(line.split()) > _MAX_LINE_WORDS:
        return []
    found = [Masthead(_clean(m["name"]), True) for p in _HEAD_SURE if (m := p.search(line))]
    if first_line:
        return found
    found += [Masthead(_clean(m["name"]), False) for p in _HEAD_UNSURE if (m := p.search(line))]
    if _media_named(line):
        # "Northwind Press" on a line of its own: a byline's person is not called "Press" or "News".
        found.append(Masthead(_clean(line), True))
    site = pipe_site(line)
    if site is not None:
        # "John Smith | Politics | 23.09.2025" is a byline; a site's name is rarely shaped like a person's.
        found.append(Masthead(site, not person_shaped(site)))
    acronym = _ACRONYM_LINE.match(_before_date(line).strip())
    if acronym is not None:
        # An acronym alone on its line ("ČTK", "ANA-MPA") is the agency; with words after it, perhaps a tagline.
        found.append(Masthead(acronym["name"], acronym.group(0) == acronym["name"]))
    return found


def pipe_parts(line: str) -> list[str] | None:
    """The parts of a "Site | Section | date" line, or None when the line is not one."""
    parts = [p.strip() for p in _PIPE.split(line)]
    if len(parts) < 3 or date_start(parts[-1]) is None:
        return None
    if not all(p and not p[0].islower() and len(p.split()) <= 4 for p in parts):
        return None
    return parts


def pipe_site(line: str) -> str | None:
    """The site that opens a "Site | Section | date" line."""
    parts = pipe_parts(line)
    if parts is None or date_start(parts[0]) is not None:
        return None
    return parts[0]


def person_shaped(name: str) -> bool:
    """Two or three capitalised words ("John Smith", "Ольга Ветлугина"), as a person's name is written."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(_PERSON_WORD.fullmatch(w) for w in words)


def site_shaped(name: str) -> bool:
    """Shaped like an outlet's name by itself: an address ("41.tj"), an acronym ("NRK"), "X News", "X Press"."""
    if is_section_name(name) or name.casefold() in GENERIC_CRUMBS:
        return False
    acronym = _ACRONYM_LINE.fullmatch(name) is not None and " " not in name
    return bool(_DOMAIN.fullmatch(name)) or acronym or _media_named(name)


def clean_name(name: str) -> str:
    """The outlet's name as the text uses it: "NRK News" is NRK, "EFE Agency" is EFE."""
    return _clean(name)


def _media_named(line: str) -> bool:
    """Two to four capitalised words ending in a media word ("Northwind Press"), not a rubric ("World News")."""
    words = line.split()
    if not 2 <= len(words) <= 4 or words[-1].casefold() not in MEDIA_WORDS:
        return False
    if is_section_name(line) or line.casefold() in GENERIC_CRUMBS:
        return False
    return re.fullmatch(_NAME, line) is not None or _SENTENCE_CASE_NAME.fullmatch(line) is not None


def _before_date(line: str) -> str:
    start = date_start(line)
    return line if start is None else line[:start]


def _clean(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;")
    stripped = _COMPANY_SUFFIX.sub("", name)
    # Keep "Jordan News Agency" whole: only an acronym ("EFE") is the name without its suffix.
    return stripped if stripped != name and stripped.isupper() else name
