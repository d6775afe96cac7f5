"""Score the stance rules on a small hand-labelled set: accuracy, per language and class, and each miss.

    PYTHONPATH=src python experiments/stance_eval/score.py [-v]

The set (tests/data/stance-labelled.jsonl, written before the rules of 2026-11 were changed) has one statement per
line: `text`, the `content` and `cue` substrings, `language`, an `issue` of the packaged default taxonomy, the gold
`stance` and `why`. Gold is the speaker's position towards the issue: for a measure (sanctions, tariffs, a treaty,
a pipeline, targets) the measure itself, so "not lift the sanctions" is support; for a war, the war;
`conditional` where the issue is named in a condition or in the clause it governs; `unknown` for reports, hedges
and assessments of facts. An item whose issue the tagger does not find counts as a miss ("untagged").
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from saywho.document import Article, ArticleMeta, Attribution, Span
from saywho.enrich import enrich

LABELLED = Path(__file__).resolve().parents[2] / "tests" / "data" / "stance-labelled.jsonl"


def load(path: Path = LABELLED) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(item: dict[str, str]) -> str:
    """The stance the rules give the item's issue (the cue is looked for after the content, where it is)."""
    text, content, cue = item["text"], item["content"], item["cue"]
    start = text.index(content)
    cue_span = None
    if cue is not None:
        c = text.find(cue, start + len(content))
        c = text.index(cue) if c < 0 else c
        cue_span = Span.of(text, c, c + len(cue))
    attribution = Attribution("a1", [Span.of(text, start, start + len(content))], cue=cue_span)
    article = enrich(Article(text, ArticleMeta(language=item["language"]), [attribution]), "default")
    return {i.issue: i.stance for i in article.attributions[0].issues}.get(item["issue"], "untagged")


def main(verbose: bool = False) -> float:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    by_language: Counter[str] = Counter()
    language_totals: Counter[str] = Counter()
    misses = []
    for item in load():
        predicted = predict(item)
        totals[item["stance"]] += 1
        language_totals[item["language"]] += 1
        if predicted == item["stance"]:
            hits[item["stance"]] += 1
            by_language[item["language"]] += 1
        else:
            misses.append((item, predicted))
    n, ok = sum(totals.values()), sum(hits.values())
    print(f"accuracy {ok}/{n} = {ok / n:.3f}")
    print("  by language: " + ", ".join(f"{k} {by_language[k]}/{v}" for k, v in sorted(language_totals.items())))
    print("  by gold stance: " + ", ".join(f"{k} {hits[k]}/{v}" for k, v in sorted(totals.items())))
    if verbose:
        for item, predicted in misses:
            print(
                f"  MISS [{item['language']}] {item['issue']}: gold {item['stance']}, got {predicted}"
                f" | {item['content']} ({item['why']})"
            )
    return ok / n


if __name__ == "__main__":
    main("-v" in sys.argv)
