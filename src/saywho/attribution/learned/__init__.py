"""A learned attribution model: CRF taggers for source / cue / content spans, a rule linker, and a merge with the
rule candidates. Trained on PolNeAR train only (`saywho train attribution`); see the model card in the model folder.

    candidates = merged_candidates(paragraphs, quotes, rule_candidates)

returns the article's attributions: the learned model's merged with the rules' (the rules alone when no model is
installed).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from saywho.attribution.learned.combine import merge, new_candidates
from saywho.attribution.learned.linker import link
from saywho.attribution.learned.tagger import AttributionTagger, SpanPrediction, load_tagger, model_dir
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

__all__ = [
    "AttributionTagger",
    "SpanPrediction",
    "learned_attributions",
    "link",
    "merge",
    "merged_candidates",
    "load_tagger",
    "model_dir",
    "new_candidates",
]


def learned_attributions(
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quotation],
    tagger: AttributionTagger,
    rules: Sequence[Candidate] = (),
    encoder: Any = None,
) -> list[Candidate]:
    """Everything the learned model finds (tagged with the rule candidates as features, then linked); with the
    accurate mode's `encoder`, its probabilities are mixed with the CRFs', and what the tagged spans make is
    marked `learned:encoder` instead of `learned:crf`, so that a statement says which model found it."""
    spans = tagger.tag(paragraphs, quotes, rules, encoder=encoder)
    found = link(paragraphs, spans, quotes, tagger.config.get("linker"))
    if encoder is None:
        return found
    return [dataclasses.replace(c, method="learned:encoder") if c.method == "learned:crf" else c for c in found]


def _found(
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quotation],
    rule_candidates: Sequence[Candidate],
    tagger: AttributionTagger | None,
    min_confidence: float | None,
    encoder: Any = None,
) -> tuple[list[Candidate], dict[str, Any]] | None:
    """The learned attributions and the merge settings (with the confidence floor); None without a model."""
    tagger = tagger if tagger is not None else load_tagger()
    if tagger is None:
        return None
    cfg = dict(tagger.config.get("merge") or {})
    if min_confidence is not None:
        cfg["min_confidence"] = max(min_confidence, cfg.get("min_confidence", 0.0))
    return learned_attributions(paragraphs, quotes, tagger, rule_candidates, encoder), cfg


def merged_candidates(
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quotation],
    rule_candidates: Sequence[Candidate],
    tagger: AttributionTagger | None = None,
    min_confidence: float | None = None,
    encoder: Any = None,
) -> list[Candidate]:
    """The article's candidates: learned and rule attributions merged as the model's config says.

    With `min_confidence` (the pipeline sets it for machine-translated text) the rules win every conflict and only
    learned attributions at least that confident are added, whatever the config prefers.
    """
    found = _found(paragraphs, quotes, rule_candidates, tagger, min_confidence, encoder)
    if found is None:
        return sorted(rule_candidates, key=lambda c: (c.content_start, c.content_end))
    learned, cfg = found
    if min_confidence is not None:
        cfg["prefer"] = "rules"
    return merge(learned, rule_candidates, cfg)
