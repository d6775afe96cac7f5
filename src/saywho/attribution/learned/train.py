"""Train the CRF taggers on PolNeAR train, evaluate on dev, write the model folder and its metrics.

Deterministic: the parses come from the pinned spaCy model, features are plain strings, L-BFGS training has
no randomness, and the documents are visited in sorted order. `seed` is recorded and seeds Python's `random`
for completeness.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import random
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from saywho.attribution.learned.combine import MERGE_DEFAULTS, new_candidates
from saywho.attribution.learned.combine import merge as merge_candidates
from saywho.attribution.learned.data import ParsedDoc, load_split, paragraph_labels
from saywho.attribution.learned.features import FEATURE_VERSION, bio_chunks, paragraph_features, stacked_features
from saywho.attribution.learned.linker import DEFAULTS as LINKER_DEFAULTS
from saywho.attribution.learned.linker import link
from saywho.attribution.learned.tagger import TAGGERS, AttributionTagger, touches_paragraph
from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

# Selected on dev (attributed-quote F1 of the pipeline, feature version 3), (c1, c2): (0.1, 0.05) 0.642,
# (0.2, 0.1) 0.645, (0.4, 0.1) 0.642, (0.2, 0.3) 0.650, (0.1, 0.6) 0.650, (0.2, 1.0) 0.654, (0.05, 2.0) 0.654,
# (0.2, 3.0) 0.653; 300 iterations at (0.1, 0.05) 0.638, 250 at (0.2, 1.0) 0.653; minfreq 1 at (0.2, 1.0) 0.657
# but a 45% larger model. With the rule candidates as features the CRF needs
# its rare lexical features less, and a strong L2 keeps it from trusting them.
CRF_PARAMS: dict[str, Any] = {
    "c1": 0.2,
    "c2": 1.0,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}

# Taggers that read another tagger's predictions (see features.stacked_features), e.g. {"content": "srccue"}.
# None by default: content=srccue gave +0.002 attributed-quote F1 on dev (0.639 -> 0.641) and doubled training.
STACK: dict[str, str] = {}
STACK_FOLDS = 4

Sequences = list[tuple[list[list[str]], dict[str, list[str]]]]


def featurize(docs: Sequence[ParsedDoc]) -> tuple[Sequences, list[tuple[int, Paragraph]]]:
    """(features, labels per tagger) for every non-empty paragraph, in document order, and where each comes
    from: (document index, paragraph)."""
    from saywho.attribution.extract import rule_candidates

    out: Sequences = []
    where: list[tuple[int, Paragraph]] = []
    for n, d in enumerate(docs):
        rules = rule_candidates(d.quotes, d.paragraphs)
        for par in d.paragraphs:
            if len(par.doc) == 0:
                continue
            mine = [c for c in rules if touches_paragraph(c, par)]
            out.append((paragraph_features(par, d.quotes, mine), paragraph_labels(par, d.gold)))
            where.append((n, par))
    return out, where


# Shared with forked trainer processes (copy-on-write): the sequences, each one's document index, and for a
# stacked tagger the extra features of each sequence.
_SEQS: Sequences = []
_DOCS: list[int] = []
_EXTRA: dict[str, list[list[list[str]]]] = {}


def _train_one(name: str, params: Mapping[str, Any], path: str, fold: int = -1, folds: int = 0) -> None:
    """Train tagger `name`; with a fold, train without that fold's documents, then tag them into PATH.pred."""
    import pickle

    import pycrfsuite

    extra = _EXTRA.get(name)

    def features(k: int) -> list[list[str]]:
        feats = _SEQS[k][0]
        return feats if extra is None else [a + b for a, b in zip(feats, extra[k], strict=True)]

    held_out = [k for k in range(len(_SEQS)) if folds and _DOCS[k] % folds == fold]
    skip = set(held_out)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    for k, (_, labels) in enumerate(_SEQS):
        if k not in skip:
            trainer.append(features(k), labels[name])
    trainer.set_params(dict(params))
    trainer.train(path)
    if folds:
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        predicted = {k: tagger.tag(features(k)) for k in held_out}
        with open(path + ".pred", "wb") as f:
            pickle.dump(predicted, f)


def _run_jobs(jobs: Sequence[tuple[Any, ...]], parallel: bool) -> None:
    """Run `_train_one` for each job, as many at a time as there are CPUs where `fork` is available."""
    if parallel and "fork" in multiprocessing.get_all_start_methods() and len(jobs) > 1:
        ctx = multiprocessing.get_context("fork")
        workers = max(1, min(len(jobs), os.cpu_count() or 1))
        with ctx.Pool(workers, maxtasksperchild=1) as pool:
            pool.starmap(_train_one, jobs, chunksize=1)
    else:
        for job in jobs:
            _train_one(*job)


def jackknife(
    seqs: Sequences,
    docs: Sequence[int],
    name: str,
    params: Mapping[str, Any],
    workdir: Path,
    folds: int = 4,
    parallel: bool = True,
) -> list[list[str]]:
    """Labels of tagger `name` for every sequence, each predicted by a model trained without its document.

    A tagger stacked on another must see that tagger's mistakes in training as it will at run time; predictions
    of a model that saw the paragraph would be nearly perfect and teach it to trust them blindly.
    """
    import pickle

    global _SEQS, _DOCS
    _SEQS, _DOCS = list(seqs), list(docs)
    workdir.mkdir(parents=True, exist_ok=True)
    paths = [str(workdir / f"{name}-fold{k}.crfsuite") for k in range(folds)]
    try:
        _run_jobs([(name, params, path, k, folds) for k, path in enumerate(paths)], parallel)
        predicted: dict[int, list[str]] = {}
        for path in paths:
            with open(path + ".pred", "rb") as f:
                predicted.update(pickle.load(f))
    finally:
        _SEQS, _DOCS = [], []
        for path in paths:
            for p in (Path(path), Path(path + ".pred")):
                p.unlink(missing_ok=True)
    return [predicted[k] for k in range(len(seqs))]


def train_taggers(
    seqs: Sequences,
    out: Path,
    params: Mapping[str, Any],
    taggers: Sequence[str] = TAGGERS,
    parallel: bool = True,
    extra: Mapping[str, list[list[list[str]]]] | None = None,
) -> None:
    """Train the taggers (by default content and source/cue), in parallel processes where `fork` is available;
    `extra` holds, for a stacked tagger, the extra features of each sequence."""
    global _SEQS, _EXTRA
    _SEQS, _EXTRA = list(seqs), dict(extra or {})
    out.mkdir(parents=True, exist_ok=True)
    try:
        _run_jobs([(name, params, str(out / f"{name}.crfsuite")) for name in taggers], parallel)
    finally:
        _SEQS, _EXTRA = [], {}


# --------------------------------------------------------------------------- evaluation


def _as_frags(cands: Sequence[Candidate]) -> list[dict[str, Any]]:
    return [
        {"source": [c.source] if c.source else None, "cue": [c.cue] if c.cue else None, "content": list(c.content)}
        for c in cands
    ]


def predict_split(
    docs: Sequence[ParsedDoc],
    tagger: AttributionTagger,
    linker: Mapping[str, Any] | None = None,
    merge: Mapping[str, Any] | None = None,
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Predictions of the rules, the learned model alone and both together, by document."""
    from saywho.attribution.extract import rule_candidates

    merge_cfg = {**MERGE_DEFAULTS, **(merge or {})}
    out: dict[str, dict[str, list[dict[str, Any]]]] = {"rules": {}, "learned": {}, "combined": {}}
    for d in docs:
        rules = rule_candidates(d.quotes, d.paragraphs)
        learned = link(d.paragraphs, tagger.tag(d.paragraphs, d.quotes, rules), d.quotes, linker)
        out["rules"][d.name] = _as_frags(rules)
        out["learned"][d.name] = _as_frags(new_candidates(learned, [], merge_cfg))
        out["combined"][d.name] = _as_frags(merge_candidates(learned, rules, merge_cfg))
    return out


def summarize(result: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("attributed_quote", "quote", "content_exact", "source_exact", "cue_exact", "content_overlap")
    return {k: result[k] for k in keys}


def evaluate(
    split_dir: Path,
    docs: Sequence[ParsedDoc],
    tagger: AttributionTagger,
    linker: Mapping[str, Any] | None = None,
    merge: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    from saywho.eval import score

    preds = predict_split(docs, tagger, linker, merge)
    names = [d.name for d in docs]
    return {k: summarize(score(split_dir, v, docs=names, errors=0)) for k, v in preds.items()}


# --------------------------------------------------------------------------- the whole run


def train_model(
    corpus: Path,
    out: Path,
    seed: int = 0,
    crf_params: Mapping[str, Any] | None = None,
    linker: Mapping[str, Any] | None = None,
    merge: Mapping[str, Any] | None = None,
    use_cache: bool = True,
    taggers: Sequence[str] = TAGGERS,
    stack: Mapping[str, str] | None = None,
    folds: int = STACK_FOLDS,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train on CORPUS/train, evaluate on CORPUS/dev, write OUT/{config.json,*.crfsuite,metrics.json}.

    `stack` (`STACK` by default) names taggers that read another tagger's predictions; those are
    made by `folds`-fold jackknifing on train.
    """
    from saywho.nlp.english import load_english

    random.seed(seed)
    params = {**CRF_PARAMS, **(crf_params or {})}
    linker_cfg = {**LINKER_DEFAULTS, **(linker or {})}
    merge_cfg = {**MERGE_DEFAULTS, **(merge or {})}
    started = time.perf_counter()
    nlp = load_english()

    t = time.perf_counter()
    train_docs = load_split(corpus / "train", nlp, use_cache=use_cache)
    dev_docs = load_split(corpus / "dev", nlp, use_cache=use_cache)
    log(f"parsed {len(train_docs)} train and {len(dev_docs)} dev docs in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    seqs, where = featurize(train_docs)
    tokens = sum(len(f) for f, _ in seqs)
    log(f"features for {len(seqs)} paragraphs, {tokens} tokens in {time.perf_counter() - t:.1f} s")

    stack = dict(STACK if stack is None else stack)
    stack = {upper: lower for upper, lower in stack.items() if upper in taggers and lower in taggers}
    t = time.perf_counter()
    extra: dict[str, list[list[list[str]]]] = {}
    for upper, lower in stack.items():
        predicted = jackknife(seqs, [n for n, _ in where], lower, params, out / "jackknife", folds)
        extra[upper] = [
            stacked_features(par, bio_chunks(labels)) for (_, par), labels in zip(where, predicted, strict=True)
        ]
        log(f"{folds}-fold {lower} predictions for {upper} in {time.perf_counter() - t:.1f} s")
    if (out / "jackknife").is_dir():
        (out / "jackknife").rmdir()
    train_taggers(seqs, out, params, taggers, extra=extra)
    train_s = time.perf_counter() - t
    log(f"trained {', '.join(taggers)} in {train_s:.1f} s")
    del seqs, extra

    config = {
        "name": "attribution-crf",
        "feature_version": FEATURE_VERSION,
        "taggers": {name: f"{name}.crfsuite" for name in taggers},
        "stack": stack,
        "stack_folds": folds,
        "crf": params,
        "linker": linker_cfg,
        "merge": merge_cfg,
        "seed": seed,
        "trained_on": "PolNeAR train (840 articles)",
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")

    t = time.perf_counter()
    tagger = AttributionTagger(out)
    dev = evaluate(corpus / "dev", dev_docs, tagger, linker_cfg, merge_cfg)
    eval_s = time.perf_counter() - t
    metrics = {
        "dev": dev,
        "train_paragraphs": sum(len(d.paragraphs) for d in train_docs),
        "train_tokens": tokens,
        "seconds": {"train_crf": round(train_s, 1), "eval_dev": round(eval_s, 1), "total": 0.0},
        "model_bytes": sum(f.stat().st_size for f in out.glob("*.crfsuite")),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "seed": seed,
    }
    metrics["seconds"]["total"] = round(time.perf_counter() - started, 1)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    for k, v in dev.items():
        a = v["attributed_quote"]
        log(
            f"dev {k:8s} attributed_quote_f1={a['f1']:.3f} (P {a['p']:.3f} R {a['r']:.3f}) "
            f"quote_f1={v['quote']['f1']:.3f} content_exact_f1={v['content_exact']['f1']:.3f} "
            f"source_exact_f1={v['source_exact']['f1']:.3f} cue_exact_f1={v['cue_exact']['f1']:.3f}"
        )
    return metrics
