"""saywho: who said what in the news, with offsets back into the text."""

from __future__ import annotations

from saywho.document import Article, ArticleMeta, Attribution, Entity, IssueStance, Role, Span, TimeRef
from saywho.errors import InputError, SaywhoError

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleMeta",
    "Attribution",
    "Entity",
    "InputError",
    "IssueStance",
    "Role",
    "SaywhoError",
    "Span",
    "TimeRef",
    "analyze",
]


def analyze(text_or_path, **kwargs):  # type: ignore[no-untyped-def]
    """Analyse an article given as text or as a path; returns an `Article`. See `saywho.pipeline.analyze`."""
    from saywho.pipeline import analyze as _analyze

    return _analyze(text_or_path, **kwargs)
