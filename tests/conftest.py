"""Shared fixtures: one loaded pipeline per session, and the paths of the repository's test data.

`SHARED` (the workspace's shared folder with PolNeAR and the seed scorer) is absent in some checkouts; tests
that need it use the `shared` fixture, which skips cleanly when it is missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = REPO / "tests" / "data"
EXAMPLE_TEXT = DATA / "izvestia-island-task.txt"
EXAMPLE_GOLD = DATA / "izvestia-island-task.gold.json"


@pytest.fixture(scope="session")
def pipeline():
    """The real English pipeline (spaCy model load takes about a second): build it once."""
    from saywho.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not present: {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE_TEXT


@pytest.fixture(scope="session")
def example_gold() -> dict[str, Any]:
    return json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_article(pipeline):
    """The example article, analysed once per session through `Pipeline.analyze_path`."""
    return pipeline.analyze_path(EXAMPLE_TEXT)


def assert_spans_valid(article) -> None:
    """Every span of `article` points at its own text (the contract's first rule), checked independently of
    `Article.validate()`."""
    text = article.text
    for a in article.attributions:
        assert a.content, f"attribution {a.id} has no content"
        for span in (a.source, a.cue, *a.content):
            if span is None:
                continue
            assert 0 <= span.start <= span.end <= len(text), (a.id, span)
            assert text[span.start : span.end] == span.text, (a.id, span)
    for e in article.entities:
        for span in e.mentions:
            assert 0 <= span.start <= span.end <= len(text), (e.id, span)
            assert text[span.start : span.end] == span.text, (e.id, span)
    article.validate()


@pytest.fixture(scope="session")
def check_spans():
    """The span checker as a fixture, so test modules need not import conftest."""
    return assert_spans_valid


@pytest.fixture(scope="session")
def analyze(pipeline, check_spans):
    """Analyse a text with the session pipeline and check every span points at its own characters."""

    def run(text: str):
        article = pipeline.analyze_text(text)
        check_spans(article)
        return article

    return run
