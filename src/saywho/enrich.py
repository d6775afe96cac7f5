"""Enrichment of an analysed article: issues and stances, speech acts, and temporal expressions.

`enrich(article)` runs after attribution and speaker resolution (it only reads `text`, `meta` and the attributions'
spans) and fills, for every attribution, `issues` (label, stance, condition, confidence), `speech_act` and `times`.
It is idempotent: running it again replaces what an earlier run set.

The taxonomy is, in order: the `taxonomy` argument (a `Taxonomy`, a YAML path, or a packaged name such as
"russia-japan"), the file or name in the environment variable SAYWHO_TAXONOMY, else the packaged default
(general political issues merged with the Russia–Japan dialogue).
"""

from __future__ import annotations

from pathlib import Path

from saywho.document import Article
from saywho.issues.stance import assign_stances
from saywho.issues.tagger import ArticleContext, tag_issues
from saywho.issues.taxonomy import Taxonomy, load_taxonomy
from saywho.timeexpr import attach_times


def enrich(article: Article, taxonomy: Taxonomy | str | Path | None = None) -> Article:
    """Fill issues, stances, speech acts and times of `article`'s attributions; return the article."""
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    tag_issues(article, tax)
    assign_stances(article, tax, ArticleContext(article, tax))
    attach_times(article)
    article.validate()
    return article
