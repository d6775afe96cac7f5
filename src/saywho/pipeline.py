"""One article end to end: reader -> language pipeline -> attribution spans -> speakers -> `Article`.

`Pipeline` holds the loaded models; build it once and call it for many articles. The module-level
`analyze`, `analyze_text` and `analyze_path` share one default pipeline.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from saywho.attribution.extract import extract_candidates
from saywho.attribution.quotes import find_quotations, paragraphs
from saywho.document import Article, Attribution, Span
from saywho.enrich import enrich
from saywho.issues.taxonomy import Taxonomy, load_taxonomy
from saywho.nlp.english import load_english, parse_paragraphs
from saywho.readers import read_path, read_text
from saywho.readers.provenance import content_start, credit_line_span
from saywho.speakers.resolve import build_entities


class Pipeline:
    """The English pipeline. `nlp` is any object with spaCy's `pipe(texts, batch_size=...)`."""

    def __init__(self, nlp: Any = None, model: str | None = None, taxonomy: Taxonomy | str | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_english(model)
        # Loaded up front so that a bad taxonomy file fails at start-up, not on the first article.
        self.taxonomy = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)

    def analyze_path(self, path: str | Path) -> Article:
        return self.analyze_article(read_path(path))

    def analyze_text(self, text: str) -> Article:
        return self.analyze_article(read_text(text))

    def analyze_article(self, article: Article) -> Article:
        """Fill `article.attributions` and `article.entities` from `article.text` (metadata is kept)."""
        text = article.text
        body_start, body_end = body_range(text)
        quotes = find_quotations(text, body_start, body_end)
        parsed = parse_paragraphs(self.nlp, text, paragraphs(text, body_start, body_end))
        candidates = extract_candidates(quotes, parsed)
        quoted = [(q.inner_start, q.inner_end) for q in quotes if q.standalone]
        publisher = frozenset({article.meta.publisher}) if article.meta.publisher else frozenset()
        entities, speakers = build_entities(text, parsed, candidates, quoted, publisher)
        article.attributions = [
            Attribution(
                id=f"a{n}",
                source=Span.of(text, *c.source) if c.source else None,
                cue=Span.of(text, *c.cue) if c.cue else None,
                content=[Span.of(text, s, e) for s, e in c.content],
                kind=c.kind,
                speaker=speaker,
                confidence=c.confidence,
                method=c.method,
            )
            for n, (c, speaker) in enumerate(zip(candidates, speakers, strict=True), 1)
        ]
        article.entities = entities
        enrich(article, self.taxonomy)  # issues, stance, speech acts, times
        article.validate()
        return article


def body_range(text: str) -> tuple[int, int]:
    """The article body: after breadcrumbs and the repeated title, before a translation credit line."""
    start = content_start(text)
    credit = credit_line_span(text)
    end = credit[0] if credit and credit[0] >= start else len(text)
    return start, end


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def analyze_text(text: str) -> Article:
    return default_pipeline().analyze_text(text)


def analyze_path(path: str | Path) -> Article:
    return default_pipeline().analyze_path(path)


def analyze(text_or_path: str | Path) -> Article:
    """Analyse a `Path`, an existing file path given as a short one-line string, or else article text."""
    if isinstance(text_or_path, Path):
        return analyze_path(text_or_path)
    candidate = text_or_path.strip()
    if candidate and "\n" not in candidate and len(candidate) < 4096:
        try:
            if Path(candidate).is_file():
                return analyze_path(candidate)
        except OSError:
            pass
    return analyze_text(text_or_path)
