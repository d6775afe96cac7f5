"""Score each setting's dev probabilities (from `sweep.py`) through the real accurate mode here: the CRFs' marginals
mixed in, Viterbi decoding, linker, parse completion and merge with the rules, as `saywho eval polnear --accurate`.

    python experiments/encoder_sweep/score.py experiments/encoder_sweep/data/windows.npz OUT/probs_*.npz

Prints one line per setting (attributed-quote F1 (P / R), quote, content exact, source exact, cue exact).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from saywho.attribution.learned.data import load_split
from saywho.attribution.learned.encoder import CONTENT_LABELS, SRCCUE_LABELS
from saywho.attribution.learned.encoder_train import score_accurate
from saywho.attribution.learned.tagger import load_tagger
from saywho.nlp.english import load_english

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import doc_key  # noqa: E402

DEV = Path(__file__).resolve().parents[2].parent / "shared/polnear/dev"


class CachedEncoder:
    """Stands in for `encoder.EncoderTagger`: the probabilities a sweep setting gave, looked up by document."""

    def __init__(self, by_doc: dict[str, dict[int, dict[str, np.ndarray]]], weight: float = 0.3) -> None:
        self.by_doc, self.weight = by_doc, weight

    def probabilities(self, paragraphs, quotes, rules):  # noqa: ANN001, ANN201
        return self.by_doc[doc_key(paragraphs)]


def tables(data, content: np.ndarray, srccue: np.ndarray) -> dict[str, dict[int, dict[str, np.ndarray]]]:
    keys = [str(k) for k in data["dev_keys"]]
    sizes = {}
    for entry in data["dev_par_tokens"]:
        n, k, size = (int(v) for v in str(entry).split(":"))
        sizes[(n, k)] = size
    out: dict[str, dict[int, dict[str, np.ndarray]]] = {key: {} for key in keys}
    at, row = 0, 0
    for w, length in enumerate(data["dev_lengths"]):
        n, k = int(data["dev_doc"][w]), int(data["dev_par"][w])
        par = out[keys[n]].setdefault(
            k,
            {
                "content": np.full((sizes[(n, k)], len(CONTENT_LABELS)), np.nan),
                "srccue": np.full((sizes[(n, k)], len(SRCCUE_LABELS)), np.nan),
            },
        )
        for tok in data["dev_token"][at : at + length]:
            if tok >= 0:
                par["content"][tok] = content[row]
                par["srccue"][tok] = srccue[row]
                row += 1
        at += length
    assert row == len(content), (row, len(content))
    return out


def main(windows_path: str, prob_files: list[str]) -> None:
    with np.load(windows_path) as stored:
        data = {k: stored[k] for k in stored.files if k.startswith("dev_")}
    docs = load_split(DEV, load_english())
    tagger = load_tagger()
    for path in prob_files:
        with np.load(path) as stored:
            probs = {k: stored[k].astype(np.float64) for k in stored.files}
        for name in dict.fromkeys(k.rsplit(":", 1)[0] for k in probs):
            enc = CachedEncoder(tables(data, probs[name + ":content"], probs[name + ":srccue"]))
            r = score_accurate(DEV, docs, tagger, enc)
            a = r["attributed_quote"]
            print(
                f"{name:24s} {a['f1']:.3f} ({a['p']:.3f} / {a['r']:.3f}) quote {r['quote']['f1']:.3f} "
                f"content {r['content_exact']['f1']:.3f} source {r['source_exact']['f1']:.3f} "
                f"cue {r['cue_exact']['f1']:.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
