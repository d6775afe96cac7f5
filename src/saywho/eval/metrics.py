"""Attribution metrics identical to the project's reference scorer (attrscore.py), plus diagnostics.

Reference metrics (micro-averaged over documents, rounded to 4 digits like the reference):
  <role>_exact      span-level P/R/F1 per document over the *set* of spans, a span being its sorted fragments
  <role>_overlap    character-level P/R/F1 over non-space characters covered by any span of that role
  quote             one-to-one gold/prediction matches, best content char-Jaccard first, Jaccard >= 0.5
  attributed_quote  quote match whose source characters overlap (or neither side has a source)
Extras: `by_kind` (recall per kind of gold attribution: direct / mixed / indirect, with / without source),
`errors` (a sample of missed gold, spurious predictions and wrong-source matches with text snippets) and
`counts` (the raw numerators/denominators, for summing runs).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from saywho.eval.brat import AttributionFrags, Frag, GoldDoc, read_gold
from saywho.eval.quotes import classify_kind, quote_mask

ROLES = ("source", "cue", "content")
METRICS = (
    "source_exact",
    "cue_exact",
    "content_exact",
    "source_overlap",
    "cue_overlap",
    "content_overlap",
    "quote",
    "attributed_quote",
)
GROUPS = ("all", "direct", "mixed", "indirect", "with_source", "without_source")
MATCH_JACCARD = 0.5
SNIPPET_CHARS = 160


# --------------------------------------------------------------------------- predictions


def _span_frag(s: Any) -> Frag | None:
    if s is None:
        return None
    if isinstance(s, Mapping):
        return int(s["start"]), int(s["end"])
    if hasattr(s, "start") and hasattr(s, "end"):  # saywho.document.Span and friends
        return int(s.start), int(s.end)
    return int(s[0]), int(s[1])


def as_frags(x: Any) -> list[Frag] | None:
    """A span, a list of spans or None as fragments; no fragment at all is None (as in the reference)."""
    if x is None:
        return None
    if isinstance(x, Mapping) or hasattr(x, "start"):
        x = [x]
    elif isinstance(x, Sequence) and len(x) == 2 and all(isinstance(v, int) for v in x):
        x = [x]  # a bare [start, end] pair
    frags = [f for f in (_span_frag(s) for s in x) if f is not None]
    return frags or None


def normalize(att: Any) -> AttributionFrags:
    """Any attribution-like value (JSON dict, saywho Attribution, fragment dict) as fragment lists."""
    if isinstance(att, Mapping):
        source, cue, content = att.get("source"), att.get("cue"), att.get("content")
    else:
        source, cue, content = getattr(att, "source", None), getattr(att, "cue", None), att.content
    return {"source": as_frags(source), "cue": as_frags(cue), "content": as_frags(content) or []}


def load_prediction_file(path: str | os.PathLike[str]) -> list[AttributionFrags]:
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}: not valid JSON ({e})") from e
    if isinstance(data, list):
        atts = data
    elif isinstance(data, dict):
        atts = data.get("attributions") or []
    else:
        raise ValueError(f"{path}: expected an object with 'attributions' or a list")
    try:
        return [normalize(a) for a in atts]
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ValueError(f"{path}: malformed attribution ({e!r})") from e


def load_predictions(pred_dir: str | os.PathLike[str]) -> dict[str, list[AttributionFrags]]:
    """Every PRED_DIR/<doc>.json (saywho JSON or anything with an 'attributions' list), by document name."""
    root = Path(pred_dir)
    return {p.stem: load_prediction_file(p) for p in sorted(root.glob("*.json")) if p.is_file()}


# --------------------------------------------------------------------------- scoring helpers


def chars(text: str, frags: Iterable[Frag] | None) -> set[int]:
    """Indices of the non-space characters covered by `frags` (clipped to the text, as the reference does)."""
    s: set[int] = set()
    for a, b in frags or ():
        s.update(i for i in range(a, min(b, len(text))) if not text[i].isspace())
    return s


def prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def match_quotes(
    gold_chars: list[set[int]], pred_chars: list[set[int]]
) -> tuple[list[tuple[int, int]], list[tuple[float, int]]]:
    """One-to-one matching, highest Jaccard first; ties broken exactly like the reference (reverse sort).

    Also returns, for each gold item, the best Jaccard with any prediction and its index (-1 if none):
    near misses are the most useful thing to show in an error report.
    """
    pairs: list[tuple[float, int, int]] = []
    best: list[tuple[float, int]] = [(0.0, -1)] * len(gold_chars)
    for i, g in enumerate(gold_chars):
        for j, p in enumerate(pred_chars):
            inter = len(g & p)
            if inter:
                jac = inter / len(g | p)
                if jac > best[i][0]:
                    best[i] = (jac, j)
                if jac >= MATCH_JACCARD:
                    pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _jac, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched.append((i, j))
    return matched, best


def snippet(text: str, frags: Iterable[Frag] | None, limit: int = SNIPPET_CHARS) -> str | None:
    if not frags:
        return None
    s = " … ".join(" ".join(text[a:b].split()) for a, b in frags)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _describe(doc: str, text: str, att: AttributionFrags) -> dict[str, Any]:
    first = min((f[0] for f in att["content"] or att["source"] or att["cue"] or [(0, 0)]), default=0)
    return {
        "doc": doc,
        "offset": first,
        "source": snippet(text, att["source"]),
        "cue": snippet(text, att["cue"]),
        "content": snippet(text, att["content"]),
    }


# --------------------------------------------------------------------------- scoring


class _Tally:
    """Running numerators/denominators; kept apart from `score` so that the per-doc code stays readable."""

    def __init__(self) -> None:
        self.acc = {k: [0, 0, 0, 0] for k in METRICS}  # tp_p, n_pred, tp_r, n_gold
        self.groups = {g: {"gold": 0, "quote": 0, "attributed_quote": 0, "content_exact": 0} for g in GROUPS}
        self.missed: list[dict[str, Any]] = []
        self.spurious: list[dict[str, Any]] = []
        self.wrong_source: list[dict[str, Any]] = []

    def add(self, key: str, tp: int, n_pred: int, n_gold: int) -> None:
        k = self.acc[key]
        k[0] += tp
        k[1] += n_pred
        k[2] += tp
        k[3] += n_gold


def _score_doc(t: _Tally, doc: str, text: str, gatts: list[AttributionFrags], patts: list[AttributionFrags]) -> None:
    exact_sets: dict[str, tuple[set, set]] = {}
    for role in ROLES:
        gs = {tuple(sorted(a[role])) for a in gatts if a[role]}
        ps = {tuple(sorted(a[role])) for a in patts if a[role]}
        exact_sets[role] = (gs, ps)
        t.add(role + "_exact", len(gs & ps), len(ps), len(gs))
        gc = set().union(*[chars(text, a[role]) for a in gatts]) if gatts else set()
        pc = set().union(*[chars(text, a[role]) for a in patts]) if patts else set()
        t.add(role + "_overlap", len(gc & pc), len(pc), len(gc))

    gcs = [chars(text, a["content"]) for a in gatts]
    pcs = [chars(text, a["content"]) for a in patts]
    matched, best = match_quotes(gcs, pcs)
    t.add("quote", len(matched), len(patts), len(gatts))
    pred_of = {i: j for i, j in matched}
    ok = 0
    source_ok: dict[int, bool] = {}
    for i, j in matched:
        gs, ps = chars(text, gatts[i]["source"]), chars(text, patts[j]["source"])
        source_ok[i] = bool((not gs and not ps) or (gs & ps))
        ok += source_ok[i]
        if not source_ok[i]:
            item = _describe(doc, text, gatts[i])
            item["predicted_source"] = snippet(text, patts[j]["source"])
            t.wrong_source.append(item)
    t.add("attributed_quote", ok, len(patts), len(gatts))

    # Per-kind recall: which kinds of gold attribution the system finds.
    mask = quote_mask(text)
    content_pred = exact_sets["content"][1]
    for i, att in enumerate(gatts):
        groups = ["all", classify_kind(text, att["content"], mask)]
        groups.append("with_source" if att["source"] else "without_source")
        hit_exact = bool(att["content"]) and tuple(sorted(att["content"])) in content_pred
        for g in groups:
            c = t.groups[g]
            c["gold"] += 1
            c["quote"] += i in pred_of
            c["attributed_quote"] += source_ok.get(i, False)
            c["content_exact"] += hit_exact
        if i not in pred_of:
            item = _describe(doc, text, att)
            item["kind"] = groups[1]
            jac, j = best[i]
            item["closest_jaccard"] = round(jac, 3)
            item["closest_prediction"] = snippet(text, patts[j]["content"]) if j >= 0 else None
            t.missed.append(item)
    matched_p = set(pred_of.values())
    t.spurious.extend(_describe(doc, text, p) for j, p in enumerate(patts) if j not in matched_p)


def _sample(items: list[dict[str, Any]], n: int, rng: random.Random) -> list[dict[str, Any]]:
    # A seeded random sample spreads over documents (the first N would all come from one article);
    # sorting it back into document order makes the report easy to follow.
    picked = items if len(items) <= n else rng.sample(items, n)
    return sorted(picked, key=lambda d: (d["doc"], d["offset"]))


def score(
    gold_root: str | os.PathLike[str],
    predictions: Mapping[str, Iterable[Any]],
    *,
    docs: Iterable[str] | None = None,
    errors: int = 5,
    seed: int = 0,
    gold: Mapping[str, GoldDoc] | None = None,
) -> dict[str, Any]:
    """Score `predictions` (doc name -> attribution-like values) against the PolNeAR gold in `gold_root`.

    The keys the reference scorer prints ("source_exact" … "attributed_quote", "docs",
    "docs_without_prediction") carry exactly its numbers. A gold document absent from `predictions`
    counts as "without prediction" and scores as if it had none. `docs` restricts scoring to those gold
    documents (e.g. with --limit); `gold` lets a caller pass already-read gold.
    """
    gold_docs = dict(gold) if gold is not None else read_gold(gold_root, None if docs is None else list(docs))
    if docs is not None and gold is not None:
        wanted = set(docs)
        gold_docs = {k: v for k, v in gold_docs.items() if k in wanted}
    t = _Tally()
    missing = 0
    for name in sorted(gold_docs):
        gdoc = gold_docs[name]
        if name in predictions:
            patts = [normalize(a) for a in predictions[name]]
        else:
            patts = []
            missing += 1
        _score_doc(t, name, gdoc.text, gdoc.attributions, patts)

    res: dict[str, Any] = {k: prf(*v) for k, v in t.acc.items()}
    res["docs"] = len(gold_docs)
    res["docs_without_prediction"] = missing
    res["counts"] = {k: {"tp": v[0], "pred": v[1], "gold": v[3]} for k, v in t.acc.items()}
    res["by_kind"] = {
        g: {
            "gold": c["gold"],
            "quote_r": _ratio(c["quote"], c["gold"]),
            "attributed_quote_r": _ratio(c["attributed_quote"], c["gold"]),
            "content_exact_r": _ratio(c["content_exact"], c["gold"]),
        }
        for g, c in t.groups.items()
    }
    rng = random.Random(seed)
    res["errors"] = {
        "totals": {"missed": len(t.missed), "spurious": len(t.spurious), "wrong_source": len(t.wrong_source)},
        "missed": _sample(t.missed, errors, rng),
        "spurious": _sample(t.spurious, errors, rng),
        "wrong_source": _sample(t.wrong_source, errors, rng),
    }
    return res


def reference_view(result: Mapping[str, Any]) -> dict[str, Any]:
    """Only the keys the reference scorer reports (for comparisons and compact output)."""
    return {k: result[k] for k in (*METRICS, "docs", "docs_without_prediction")}


def summary_line(r: Mapping[str, Any]) -> str:
    """The reference scorer's last output line, character for character."""
    return (
        f"attributed_quote_f1={r['attributed_quote']['f1']:.3f} quote_f1={r['quote']['f1']:.3f} "
        f"content_exact_f1={r['content_exact']['f1']:.3f} source_exact_f1={r['source_exact']['f1']:.3f} "
        f"cue_exact_f1={r['cue_exact']['f1']:.3f} docs={r['docs']:d} missing={r['docs_without_prediction']:d}"
    )
