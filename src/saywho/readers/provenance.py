"""Where an article comes from, read off its text: language, translation credit, section, title, publisher.

Each fact has its own module (language, credits, layout, publisher, published, dateline); this one puts them
together into an `ArticleMeta` and gives the attribution stage the offsets of the lines it should not read as
article prose.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..document import ArticleMeta
from .credits import CreditLine, find_credit_line
from .dateline import Dateline, find_dateline
from .language import detect_language
from .layout import Layout, parse_layout
from .origin import filing_language
from .published import find_published
from .publisher import detect_publisher


def detect_provenance(text: str) -> ArticleMeta:
    """The metadata the text itself reveals (fields it cannot infer stay None)."""
    credit = find_credit_line(text)
    layout = _layout(text, credit)
    language = detect_language(_body(text, layout, credit))
    translated_from = _translated_from(credit, language, text)
    # A translated article comes from where dates are written day first ("12/06/2025" is 12 June).
    day_first = credit is not None and translated_from != "en"
    return ArticleMeta(
        title=layout.title,
        section=layout.section,
        language=language,
        translated_from=translated_from,
        translator=credit.translator if credit else None,
        publisher=detect_publisher(text, site=layout.site) or _dateline_agency(text, layout),
        published=find_published(text, day_first=day_first, head_end=layout.body_start)
        or _dateline_published(text, layout),
    )


def _dateline_agency(text: str, layout: Layout) -> str | None:
    """The agency a wire dateline names ("MOSCOW, October 3. /TASS/."), when the text names no publisher else."""
    dateline = _opening_dateline(text, layout)
    return dateline.agency if dateline else None


def _dateline_published(text: str, layout: Layout) -> str | None:
    """The date of a wire dateline that gives its year ("BELGRADE, 18 July 2024 (Tanjug) - ...")."""
    dateline = _opening_dateline(text, layout)
    if dateline is None or dateline.date is None:
        return None
    return find_published(f"{dateline.date}\n")


def _opening_dateline(text: str, layout: Layout, *, with_agency: bool = True) -> Dateline | None:
    """The dateline that opens the first paragraph, after the headline and the site's date and byline lines."""
    start = layout.body_start
    for line in range(4):
        # A dateline without an agency ("ROME - ...") only where the body starts: deeper, "EU - ..." is prose.
        dateline = find_dateline(text, start, with_agency=with_agency or line > 0)
        if dateline is not None:
            return dateline
        start = text.find("\n", start) + 1
        if start == 0:
            break
    return None


@dataclass(frozen=True)
class BodyRanges:
    """What the attribution stage reads: the body, and the headline and subtitle when the site's head lines cut
    them off."""

    start: int
    end: int
    headline: tuple[int, int] | None = None
    subtitle: tuple[int, int] | None = None  # the subtitle under that headline, cut off by head lines too


def body_ranges(text: str) -> BodyRanges:
    """The body (after breadcrumbs, a repeated title, the head lines and a wire dateline; before a translation
    credit line) and the headline cut off above it, from one reading of the text's head."""
    credit = find_credit_line(text)
    layout = _layout(text, credit)
    start = _after_dateline(text, layout)
    end = credit.start if credit and credit.at_end and credit.start >= start else len(text)
    # A breadcrumb title repeated above the body is no headline of its own (layout.headline is None then).
    headline = layout.headline if layout.headline is not None and layout.headline[1] <= start else None
    subtitle = layout.subtitle if headline is not None and layout.subtitle is not None else None
    if subtitle is not None and subtitle[1] > start:
        subtitle = None
    return BodyRanges(start, end, headline, subtitle)


def content_start(text: str) -> int:
    """Offset where the article body begins (see `body_ranges`)."""
    return body_ranges(text).start


def _after_dateline(text: str, layout: Layout) -> int:
    dateline = _opening_dateline(text, layout, with_agency=False)
    if dateline is None:
        return layout.body_start
    end = dateline.end
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def credit_line_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the translation credit line, line break excluded; None when there is none."""
    credit = find_credit_line(text)
    return (credit.start, credit.end) if credit else None


def merge_meta(preferred: ArticleMeta, fallback: ArticleMeta) -> ArticleMeta:
    """Field by field, `preferred` where it has a value, else `fallback`."""
    merged = {f.name: getattr(preferred, f.name) or getattr(fallback, f.name) for f in fields(ArticleMeta)}
    return ArticleMeta(**merged)


def _layout(text: str, credit: CreditLine | None) -> Layout:
    # A credit printed above the article is not its first line: start the layout after it.
    skip = credit.end if credit and not text[: credit.start].strip() else 0
    return parse_layout(text, skip_until=skip)


def _body(text: str, layout: Layout, credit: CreditLine | None) -> str:
    """The text without breadcrumbs and credit line, whose language may differ from the article's."""
    end = credit.start if credit and credit.at_end and credit.start >= layout.body_start else len(text)
    body = text[layout.body_start : end]
    # A very short text may be all "head"; then the whole text is better evidence than nothing.
    return body if body.strip() else text


def _translated_from(credit: CreditLine | None, body_language: str | None, text: str) -> str | None:
    """An explicit "from Russian" wins; else a credit line written in another language than the body; else, for
    a credit that names only the service, the press language of the capital the story was filed from (see
    origin.py). Without a credit nothing is inferred: a dateline alone does not make a text a translation."""
    if credit is None:
        return None
    if credit.source_language:
        return credit.source_language
    if credit.line_language and body_language and credit.line_language != body_language:
        return credit.line_language
    filed = filing_language(text)
    return filed if filed is not None and filed != body_language else None


def body_range(text: str) -> tuple[int, int]:
    """The article body: after breadcrumbs and the repeated title, before a translation credit line."""
    ranges = body_ranges(text)
    return ranges.start, ranges.end
