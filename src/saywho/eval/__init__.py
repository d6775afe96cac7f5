"""Evaluation against annotated corpora (PolNeAR brat standoff) with the project's reference metrics.

`score()` reproduces the numbers of the shared reference scorer (attrscore.py) exactly and adds a per-kind
recall breakdown and an error sample; `saywho eval polnear` is the command-line front end.
"""

from saywho.eval.brat import AttributionFrags, Frag, GoldDoc, parse_ann, read_gold
from saywho.eval.metrics import load_predictions, normalize, score, summary_line

__all__ = [
    "AttributionFrags",
    "Frag",
    "GoldDoc",
    "load_predictions",
    "normalize",
    "parse_ann",
    "read_gold",
    "score",
    "summary_line",
]
