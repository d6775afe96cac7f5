"""One article end to end: reader -> language pipeline -> attribution spans -> speakers -> `Article`.

`Pipeline` holds the loaded models; build it once and call it for many articles. The module-level
`analyze`, `analyze_text` and `analyze_path` share one default pipeline.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from saywho.attribution.assemble import build_attributions
from saywho.attribution.conventions import apply_conventions
from saywho.attribution.extract import extract_candidates
from saywho.attribution.quotes import find_quotations, paragraphs
from saywho.document import Article
from saywho.enrich import enrich
from saywho.issues.taxonomy import Taxonomy, load_taxonomy
from saywho.nlp.english import load_english, parse_paragraphs
from saywho.readers import read_path, read_text
from saywho.readers.provenance import body_range as body_range  # re-exported: training reads the same body
from saywho.readers.provenance import body_ranges
from saywho.speakers.resolve import build_entities


class Pipeline:
    """English (spaCy) and Russian (natasha, loaded on first use). `nlp`: any object with spaCy's `pipe()`."""

    def __init__(
        self,
        nlp: Any = None,
        model: str | None = None,
        taxonomy: Taxonomy | str | None = None,
        accurate: bool = False,
    ) -> None:
        """`accurate`: also run the fine-tuned encoder and mix it with the CRFs (better attributions on English,
        about 2× slower; needs the `accurate` extra). Russian articles are not affected."""
        self.nlp = nlp if nlp is not None else load_english(model)
        # Loaded up front so that a bad taxonomy file fails at start-up, not on the first article.
        self.taxonomy = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
        self._russian: Any = None
        self.encoder: Any = None
        if accurate:
            from saywho.attribution.learned.encoder import load_encoder

            self.encoder = load_encoder()

    def analyze_path(self, path: str | Path) -> Article:
        return self.analyze_article(read_path(path))

    def analyze_text(self, text: str) -> Article:
        return self.analyze_article(read_text(text))

    def analyze_article(self, article: Article) -> Article:
        """Fill `article.attributions` and `article.entities` from `article.text` (metadata is kept).

        Russian articles (by the reader's language detection) go to the Russian pipeline.
        """
        if article.meta.language == "ru":
            article = self.russian().analyze_article(article)
        else:
            self._analyze_english(article)
        enrich(article, self.taxonomy)  # issues, stance, speech acts, times
        article.validate()
        return article

    def russian(self) -> Any:
        """The Russian pipeline, loaded on first use (natasha takes a few seconds to load)."""
        if self._russian is None:
            from saywho.pipeline_ru import RussianPipeline

            self._russian = RussianPipeline()
        return self._russian

    def _analyze_english(self, article: Article) -> None:
        text = article.text
        body = body_ranges(text)
        quotes = find_quotations(text, body.start, body.end)
        spans = list(paragraphs(text, body.start, body.end))
        # A headline is prose too ("Minister: the wage will rise in July"), even above the site's head lines, and
        # so is the subtitle under it ("The minister warned that ...").
        for span in (body.subtitle, body.headline):
            if span is not None:
                quotes = find_quotations(text, *span) + quotes
                spans = [span, *spans]
        parsed = parse_paragraphs(self.nlp, text, spans)
        candidates = extract_candidates(quotes, parsed, translated=_machine_translated(article), encoder=self.encoder)
        candidates = apply_conventions(text, candidates)
        quoted = [(q.inner_start, q.inner_end) for q in quotes if q.standalone]
        publisher = frozenset({article.meta.publisher}) if article.meta.publisher else frozenset()
        entities, speakers = build_entities(text, parsed, candidates, quoted, publisher)
        article.attributions = build_attributions(text, candidates, speakers)
        article.entities = entities


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


def _machine_translated(article: Article) -> bool:
    """A credit naming a translation service ("Translated by Google Translate") is enough, even without the
    language it translated from: the text has translation's calques either way."""
    return article.meta.translated_from is not None or article.meta.translator is not None
