"""What the Russian pipeline's test modules share: an `analyze` fixture (natasha loads once per module) and
`by_cue`. A test module binds the fixture with `analyze = russian_support.analyze`."""

from __future__ import annotations

import pytest

from saywho.document import Article, ArticleMeta, Attribution, Entity


@pytest.fixture(scope="module")
def analyze():
    from saywho.pipeline_ru import RussianPipeline

    pipeline = RussianPipeline()

    def run(text: str) -> Article:
        article = pipeline.analyze_article(Article(text=text, meta=ArticleMeta(language="ru")))
        article.validate()
        return article

    return run


def by_cue(article: Article, cue: str) -> tuple[Attribution, Entity | None]:
    """The one attribution whose cue is `cue`, and its speaker."""
    found = [a for a in article.attributions if a.cue and a.cue.text == cue]
    assert len(found) == 1, [(a.cue and a.cue.text, [c.text for c in a.content]) for a in article.attributions]
    return found[0], article.speaker_of(found[0])
