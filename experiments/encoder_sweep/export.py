"""Build the encoder's training and dev windows here (spaCy, the rules) and write them, with the pretrained weights
they need, to one .npz that `sweep.py` reads on a machine without spaCy (a borrowed GPU).

    python experiments/encoder_sweep/export.py ../shared/polnear experiments/encoder_sweep/data/windows.npz

To fit the device tool's 64 MiB transfer limit, the word-piece embedding (frozen in training) keeps only the rows
of pieces that occur in PolNeAR train and dev, renumbered, in int8 with a scale per row, and the other pretrained
weights are stored in float16: a
perturbation of the starting point well below what separates two seeds. Sweep results therefore pick settings;
the shipped weights come from `saywho train encoder` on the CPU.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np

from saywho.attribution.extract import rule_candidates
from saywho.attribution.learned.data import load_split
from saywho.attribution.learned.encoder import WordPieces, base_model_dir, document_windows, read_safetensors
from saywho.attribution.learned.encoder_train import training_windows
from saywho.nlp.english import load_english


def doc_key(paragraphs) -> str:  # the key score.py looks probabilities up by
    return hashlib.md5("".join(p.doc.text for p in paragraphs).encode()).hexdigest()


def flatten(windows, prefix: str, out: dict, remap: dict[int, int]) -> None:
    lengths = np.array([len(w.ids) for w in windows], dtype=np.int32)
    out[prefix + "lengths"] = lengths
    out[prefix + "par"] = np.array([w.par for w in windows], dtype=np.int32)
    out[prefix + "ids"] = np.array([remap[i] for w in windows for i in w.ids], dtype=np.int32)
    for col in ("role", "quote", "case"):
        out[prefix + col] = np.array([v for w in windows for v in getattr(w, col)], dtype=np.int8)
    out[prefix + "token"] = np.array([v for w in windows for v in w.token], dtype=np.int32)
    if windows and windows[0].labels:
        for name in ("content", "srccue"):
            out[prefix + name] = np.array([v for w in windows for v in w.labels[name]], dtype=np.int16)


def main(corpus: Path, target: Path) -> None:
    nlp = load_english()
    base_dir = base_model_dir()
    pieces = WordPieces(base_dir / "vocab.txt")
    train = training_windows(load_split(corpus / "train", nlp), pieces)
    dev_docs = load_split(corpus / "dev", nlp)
    dev, keys, doc_of = [], [], []
    for n, d in enumerate(dev_docs):
        ws = document_windows(pieces, d.paragraphs, d.quotes, rule_candidates(d.quotes, d.paragraphs))
        dev.extend(ws)
        doc_of.extend([n] * len(ws))
        keys.append(doc_key(d.paragraphs))
    used = sorted({pieces.pad, pieces.cls, pieces.sep, pieces.unk} | {i for w in train + dev for i in w.ids})
    remap = {old: new for new, old in enumerate(used)}
    out: dict[str, np.ndarray] = {"special": np.array([remap[pieces.pad], remap[pieces.cls], remap[pieces.sep]])}
    out["vocab_used"] = np.array(used, dtype=np.int32)  # new id -> the vocabulary's
    flatten(train, "train_", out, remap)
    flatten(dev, "dev_", out, remap)
    out["dev_doc"] = np.array(doc_of, dtype=np.int32)
    out["dev_keys"] = np.array(keys)
    out["dev_par_tokens"] = np.array(  # tokens per paragraph, by document, as a ragged list
        [f"{n}:{k}:{len(p.doc)}" for n, d in enumerate(dev_docs) for k, p in enumerate(d.paragraphs)]
    )
    base = read_safetensors(base_dir / "model.safetensors")
    base["embeddings.word_embeddings.weight"] = base["embeddings.word_embeddings.weight"][used]
    for name, w in base.items():
        if name == "embeddings.word_embeddings.weight":  # int8 with a scale per row: frozen, and the largest
            scale = np.abs(w).max(axis=1) / 127.0
            out["base:" + name + "::int8"] = np.round(w / scale[:, None]).astype(np.int8)
            out["base:" + name + "::scale"] = scale.astype(np.float32)
        else:
            out["base:" + name] = w.astype(np.float16)
    target.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(target, **out)
    print(f"{len(train)} train windows, {len(dev)} dev windows, {len(used)} pieces used; {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
