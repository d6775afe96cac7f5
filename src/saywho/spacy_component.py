"""saywho as a spaCy pipeline component: `nlp.add_pipe("saywho")`, results on `doc._.attributions`.

The component runs the whole saywho analysis on `doc.text` (quotation rules, the syntactic rules on the
pipeline's own parse of each paragraph, speaker resolution) and stores the resulting `saywho.Article`
on `doc._.saywho_article`, its attributions on `doc._.attributions` and its entities on `doc._.speakers`.
This module is imported by spaCy's factory registry whenever any pipeline is loaded, so it imports nothing
heavy at module level.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("attributions", "speakers", "saywho_article"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class SaywhoComponent:
    """Annotates a Doc with saywho attributions; the Doc's text is treated as one article."""

    def __init__(self, nlp: Language, name: str = "saywho") -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from saywho.document import Article
        from saywho.pipeline import Pipeline

        if not doc.text.strip():
            # An empty text is an empty result here, not an error: nlp.pipe() over a corpus must not stop.
            article = Article(doc.text)
        else:
            article = Pipeline(nlp=_without_self(self.nlp, self.name)).analyze_text(doc.text)
        doc._.saywho_article = article
        doc._.attributions = article.attributions
        doc._.speakers = article.entities
        return doc


def _without_self(nlp: Language, name: str) -> Any:
    """A view of `nlp` that runs every component but this one (spaCy's `select_pipes` is a context manager)."""

    class _View:
        def pipe(self, texts, batch_size: int = 64):  # type: ignore[no-untyped-def]
            with nlp.select_pipes(disable=[name]):
                yield from nlp.pipe(texts, batch_size=batch_size)

        def __call__(self, text: str) -> Doc:
            with nlp.select_pipes(disable=[name]):
                return nlp(text)

    return _View()


@Language.factory("saywho", default_config={})
def make_saywho_component(nlp: Language, name: str) -> SaywhoComponent:
    return SaywhoComponent(nlp, name)
