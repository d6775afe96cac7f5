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
from saywho.attribution.learned.data import ParsedDoc, load_split, paragraph_labels
from saywho.attribution.learned.features import FEATURE_VERSION, paragraph_features
from saywho.attribution.learned.linker import DEFAULTS as LINKER_DEFAULTS
from saywho.attribution.learned.linker import link
from saywho.attribution.learned.tagger import TAGGERS, AttributionTagger
from saywho.attribution.spans import Candidate

# Selected on dev: (c1 0.05, c2 0.01, minfreq 1) was no better and 30% larger; 300 iterations no better.
CRF_PARAMS: dict[str, Any] = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}

Sequences = list[tuple[list[list[str]], dict[str, list[str]]]]


def featurize(docs: Sequence[ParsedDoc]) -> Sequences:
    """(features, labels per tagger) for every non-empty paragraph, in document order."""
    out: Sequences = []
    for d in docs:
        for par in d.paragraphs:
            if len(par.doc) == 0:
                continue
            out.append((paragraph_features(par, d.quotes), paragraph_labels(par, d.gold)))
    return out


_SEQS: Sequences = []  # shared with forked trainer processes (copy-on-write)


def _train_one(name: str, params: Mapping[str, Any], path: str) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    for feats, labels in _SEQS:
        trainer.append(feats, labels[name])
    trainer.set_params(dict(params))
    trainer.train(path)


def train_taggers(
    seqs: Sequences,
    out: Path,
    params: Mapping[str, Any],
    taggers: Sequence[str] = TAGGERS,
    parallel: bool = True,
) -> None:
    """Train the taggers (by default content and source/cue), in parallel processes where `fork` is available."""
    global _SEQS
    _SEQS = seqs
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(name, params, str(out / f"{name}.crfsuite")) for name in taggers]
    try:
        if parallel and "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            procs = [ctx.Process(target=_train_one, args=job) for job in jobs]
            for p in procs:
                p.start()
            for p in procs:
                p.join()
            failed = [job[0] for job, p in zip(jobs, procs, strict=True) if p.exitcode != 0]
            if failed:
                raise RuntimeError(f"training failed for {failed}")
        else:
            for job in jobs:
                _train_one(*job)
    finally:
        _SEQS = []


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
    from saywho.attribution.extract import extract_candidates

    out: dict[str, dict[str, list[dict[str, Any]]]] = {"rules": {}, "learned": {}, "combined": {}}
    for d in docs:
        rules = extract_candidates(d.quotes, d.paragraphs)
        learned = link(d.paragraphs, tagger.tag(d.paragraphs, d.quotes), d.quotes, linker)
        extra = new_candidates(learned, rules, merge)
        out["rules"][d.name] = _as_frags(rules)
        out["learned"][d.name] = _as_frags(learned)
        out["combined"][d.name] = _as_frags(rules + extra)
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
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train on CORPUS/train, evaluate on CORPUS/dev, write OUT/{config.json,*.crfsuite,metrics.json}."""
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
    seqs = featurize(train_docs)
    tokens = sum(len(f) for f, _ in seqs)
    log(f"features for {len(seqs)} paragraphs, {tokens} tokens in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    train_taggers(seqs, out, params, taggers)
    train_s = time.perf_counter() - t
    log(f"trained {', '.join(taggers)} in {train_s:.1f} s")
    del seqs

    config = {
        "name": "attribution-crf",
        "feature_version": FEATURE_VERSION,
        "taggers": {name: f"{name}.crfsuite" for name in taggers},
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
