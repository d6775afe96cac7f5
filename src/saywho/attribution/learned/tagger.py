"""Load the trained CRF taggers and tag parsed paragraphs into source / cue / content spans.

A model is a folder with `config.json`, `content.crfsuite` (BIO tags for contents) and `srccue.crfsuite`
(BIO tags for sources and cues). `load_tagger()` finds the shipped model (see `model_dir`) and returns None
when there is none, so that the rules keep working without it.
"""

from __future__ import annotations

import json
import os
import threading
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saywho.attribution.learned.features import FEATURE_VERSION, bio_chunks, paragraph_features, stacked_features
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.intervals import IntervalIndex
from saywho.nlp.english import Paragraph

MODELS_ENV = "SAYWHO_MODELS_DIR"
MODEL_NAME = "attribution-crf"
TAGGERS = ("content", "srccue")  # the default; a model's config.json lists its own
ROLE_OF_TAG = {"C": "content", "S": "source", "Q": "cue"}


@dataclass(frozen=True)
class SpanPrediction:
    """A predicted span: its role, its tokens in paragraph `par` ([tok_start, tok_end)) and characters."""

    role: str  # "source", "cue" or "content"
    par: int
    tok_start: int
    tok_end: int
    start: int
    end: int
    confidence: float

    def head(self, par: Paragraph) -> tuple[int, int]:
        """Characters of the span's syntactic head in paragraph `par`: its token whose head lies outside it."""
        toks = [t for t in par.doc[self.tok_start : self.tok_end] if not t.is_space]
        heads = [t for t in toks if not (self.tok_start <= t.head.i < self.tok_end) or t.head.i == t.i]
        tok = heads[0] if heads else toks[-1]
        return par.offset + tok.idx, par.offset + tok.idx + len(tok.text)


def model_dir() -> Path | None:
    """Where the model is: $SAYWHO_MODELS_DIR/attribution-crf, the package's models/ folder (installed with the
    package) or the repository's models/ folder (an editable install); None when none has a config.json."""
    import saywho

    here = Path(saywho.__file__).resolve().parent
    places = []
    if os.environ.get(MODELS_ENV):
        places.append(Path(os.environ[MODELS_ENV]) / MODEL_NAME)
    places.append(here / "models" / MODEL_NAME)
    places.append(here.parents[1] / "models" / MODEL_NAME)
    for p in places:
        if (p / "config.json").is_file():
            return p
    return None


class AttributionTagger:
    """Two linear-chain CRFs over spaCy tokens, one paragraph per sequence."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        import pycrfsuite

        self.directory = Path(directory)
        self.config = json.loads((self.directory / "config.json").read_text(encoding="utf-8"))
        version = self.config.get("feature_version")
        if version != FEATURE_VERSION:
            raise ValueError(
                f"{self.directory}: model built with feature version {version}, this code has {FEATURE_VERSION}"
            )
        # {"content": "srccue"}: the content tagger also reads the source / cue tagger's predictions, so that one
        # is run first.
        self.stack: dict[str, str] = dict(self.config.get("stack") or {})
        files = self.config.get("taggers", {n: f"{n}.crfsuite" for n in TAGGERS})
        order = sorted(files, key=lambda name: name in self.stack)
        self.taggers = {}
        for name in order:
            filename = files[name]
            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.directory / filename))
            self.taggers[name] = tagger
        self.linker = dict(self.config.get("linker", {}))
        self._lock = threading.Lock()

    def tag_paragraph(
        self,
        par: Paragraph,
        index: int,
        quotes: Sequence[Quotation] = (),
        rules: Sequence[Candidate] = (),
        mixed: Mapping[str, Any] | None = None,
        crf_weight: float = 1.0,
    ) -> list[SpanPrediction]:
        """Spans of one paragraph. With `mixed` (the accurate mode: an encoder's label probabilities per token,
        by tagger name, in `encoder.CONTENT_LABELS` / `SRCCUE_LABELS` order) each token takes the label of
        highest crf_weight x CRF marginal + (1 - crf_weight) x encoder probability."""
        feats = paragraph_features(par, quotes, rules)
        if not feats:
            return []
        import pycrfsuite

        out: list[SpanPrediction] = []
        labels_of: dict[str, list[str]] = {}
        # Converted to CRFsuite's form once for both taggers (about a fifth of the tagging time).
        items = pycrfsuite.ItemSequence(feats)
        # A crfsuite tagger holds the sequence it is working on: one paragraph at a time per model.
        with self._lock:
            for name, tagger in self.taggers.items():
                below = self.stack.get(name)
                if below is None:
                    tagger.set(items)
                else:
                    extra = stacked_features(par, bio_chunks(labels_of[below]))
                    tagger.set([a + b for a, b in zip(feats, extra, strict=True)])
                labels_of[name] = labels = tagger.tag()
                if mixed is not None and name in mixed:
                    labels, probs = _mixed_labels(tagger, mixed[name], crf_weight)
                    labels_of[name] = labels  # a stacked tagger reads the labels the paragraph got
                    out.extend(_chunks(par, index, labels, lambda label, t, probs=probs: probs[t][label]))
                else:
                    out.extend(_chunks(par, index, labels, tagger.marginal))
        return out

    def tag(
        self,
        paragraphs: Sequence[Paragraph],
        quotes: Sequence[Quotation] = (),
        rules: Sequence[Candidate] = (),
        encoder: Any = None,
    ) -> list[SpanPrediction]:
        """Spans predicted in every paragraph (in paragraph order); `rules` are the rule candidates of the
        article, which the model reads as features. With an `encoder.EncoderTagger` (the accurate mode) its
        probabilities are mixed with the CRFs' marginals."""
        probs = encoder.probabilities(paragraphs, quotes, rules) if encoder is not None else {}
        weight = encoder.weight if encoder is not None else 1.0
        out: list[SpanPrediction] = []
        for k, (par, (near, mine)) in enumerate(zip(paragraphs, by_paragraph(paragraphs, quotes, rules), strict=True)):
            mixed = probs.get(k) if encoder is not None else None
            out.extend(self.tag_paragraph(par, k, near, mine, mixed, weight))
        return out


def by_paragraph(
    paragraphs: Sequence[Paragraph], quotes: Sequence[Quotation], rules: Sequence[Candidate]
) -> list[tuple[list[Quotation], list[Candidate]]]:
    """For each paragraph, the quotations that overlap it and the rule candidates with a span in it (each in
    its original order)."""
    quote_index = IntervalIndex((q.start, q.end, i) for i, q in enumerate(quotes))
    rule_index = IntervalIndex((a, b, i) for i, c in enumerate(rules) for a, b in _spans(c))
    out = []
    for par in paragraphs:
        near = sorted({i for _, _, i in quote_index.overlapping(par.offset, par.end)})
        mine = sorted({i for _, _, i in rule_index.overlapping(par.offset, par.end)})
        out.append(([quotes[i] for i in near], [rules[i] for i in mine]))
    return out


def _spans(cand: Candidate) -> list[tuple[int, int]]:
    return [*cand.content, *(x for x in (cand.source, cand.cue) if x)]


def touches_paragraph(cand: Candidate, par: Paragraph) -> bool:
    """Whether any span of the candidate lies in the paragraph."""
    return any(a < par.end and b > par.offset for a, b in _spans(cand))


def _mixed_labels(tagger: Any, encoder_probs: Any, crf_weight: float) -> tuple[list[str], list[dict[str, float]]]:
    """The mixed probability of every label per token (crf_weight x the CRF's marginal + the rest x the
    encoder's; tokens the encoder has no row for keep the CRF's), and the label sequence of highest mixed
    probability among the valid BIO ones (an I- only after a B- or I- of its role).

    The best valid sequence, not each token's best label: per-token choices broke spans in two where the
    encoder was unsure of a word in the middle, and the sequence raised exact span F1 on dev by 0.01-0.02.
    """
    from saywho.attribution.learned.encoder import CONTENT_LABELS, SRCCUE_LABELS

    names = tagger.labels()
    order = CONTENT_LABELS if len(encoder_probs[0]) == len(CONTENT_LABELS) else SRCCUE_LABELS
    column = {label: order.index(label) for label in names}
    probs: list[dict[str, float]] = []
    for t, row in enumerate(encoder_probs):
        mine = {label: tagger.marginal(label, t) for label in names}
        if row[0] == row[0]:  # not NaN
            mine = {label: crf_weight * p + (1 - crf_weight) * float(row[column[label]]) for label, p in mine.items()}
        probs.append(mine)
    return best_bio_sequence(names, probs), probs


def _may_follow(before: str | None, label: str) -> bool:
    return not label.startswith("I-") or (before is not None and before != "O" and before[2:] == label[2:])


def best_bio_sequence(names: Sequence[str], probs: Sequence[Mapping[str, float]]) -> list[str]:
    """The valid BIO sequence over `names` with the highest product of per-token probabilities (Viterbi)."""
    import numpy as np

    if not probs:
        return []
    logp = np.log(np.maximum(np.array([[p[label] for label in names] for p in probs], dtype=float), 1e-12))
    trans = np.array([[0.0 if _may_follow(a, b) else -np.inf for b in names] for a in names])
    score = np.array([0.0 if _may_follow(None, b) else -np.inf for b in names]) + logp[0]
    back = np.zeros(logp.shape, dtype=int)
    for t in range(1, len(probs)):
        step = score[:, None] + trans  # [previous label, label]
        back[t] = step.argmax(axis=0)
        score = step.max(axis=0) + logp[t]
    path = [int(score.argmax())]
    for t in range(len(probs) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return [names[i] for i in reversed(path)]


def _chunks(par: Paragraph, index: int, labels: list[str], prob: Any) -> list[SpanPrediction]:
    """BIO chunks as spans, without edge whitespace; the confidence is the mean probability (`prob(label,
    token)`: the CRF's marginal, or the mixed probability) of the chunk's labels."""
    doc = par.doc
    out: list[SpanPrediction] = []
    for start, end, tag in bio_chunks(labels):
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start == end:
            continue
        probs = [prob(labels[t], t) for t in range(start, end)]
        first, last = doc[start], doc[end - 1]
        out.append(
            SpanPrediction(
                role=ROLE_OF_TAG[tag],
                par=index,
                tok_start=start,
                tok_end=end,
                start=par.offset + first.idx,
                end=par.offset + last.idx + len(last.text),
                confidence=sum(probs) / len(probs),
            )
        )
    return out


_cache: dict[str, AttributionTagger | None] = {}


def load_tagger(path: str | os.PathLike[str] | None = None) -> AttributionTagger | None:
    """The tagger in `path` (default: `model_dir()`), loaded once; None (with a warning for a model that does
    not fit this code) when there is no usable model or no crfsuite."""
    directory = Path(path) if path is not None else model_dir()
    if directory is None or not (directory / "config.json").is_file():
        return None
    key = str(directory.resolve())
    if key not in _cache:
        try:
            _cache[key] = AttributionTagger(directory)
        except ImportError:
            _cache[key] = None
        except (ValueError, OSError) as e:
            warnings.warn(f"learned attribution model not used: {e}", RuntimeWarning, stacklevel=2)
            _cache[key] = None
    return _cache[key]
