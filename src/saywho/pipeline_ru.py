"""The Russian pipeline: reader -> quotations -> natasha parse -> Russian attribution rules -> speakers -> Article.

    from saywho.pipeline_ru import RussianPipeline
    article = RussianPipeline().analyze_article(saywho.readers.read_path("statya.txt"))

`RussianPipeline` holds the loaded models (natasha and pymorphy3 load in a few seconds): build it once.
"""

from __future__ import annotations

from saywho.attribution.assemble import build_attributions
from saywho.attribution.quotes import find_quotations, paragraphs
from saywho.attribution.ru.extract import find_russian_candidates
from saywho.document import Article
from saywho.nlp.russian import RussianNLP, load_russian
from saywho.readers.provenance import body_range
from saywho.speakers.russian import build_russian_entities


class RussianPipeline:
    def __init__(self, nlp: RussianNLP | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_russian()

    def analyze_article(self, article: Article) -> Article:
        """Fill `article.attributions` and `article.entities` from `article.text` (metadata is kept)."""
        text = article.text
        body_start, body_end = body_range(text)
        quotes = find_quotations(text, body_start, body_end)
        parsed = self.nlp.parse_paragraphs(text, paragraphs(text, body_start, body_end))
        candidates = find_russian_candidates(text, parsed, quotes)
        quoted = [(q.inner_start, q.inner_end) for q in quotes if q.standalone]
        publisher = frozenset({article.meta.publisher}) if article.meta.publisher else frozenset()
        entities, speakers = build_russian_entities(self.nlp, text, parsed, candidates, quoted, publisher)
        article.attributions = build_attributions(text, candidates, speakers)
        article.entities = entities
        article.meta.language = article.meta.language or "ru"
        article.validate()
        return article

    def analyze_text(self, text: str) -> Article:
        from saywho.readers import read_text

        article = read_text(text)
        article.meta.language = "ru"
        return self.analyze_article(article)
