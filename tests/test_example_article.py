"""Acceptance: the example article (machine-translated Izvestia) scored against its hand-made gold file.

The scorer below re-implements the seed scorer's rule (../shared/tools/seedscore.py): content char-Jaccard
over non-space characters >= 0.5, one-to-one, best pairs first; optional gold items count as neither
missed nor false; a speaker is correct when the gold name equals the predicted entity's name or one of
its aliases, case-insensitively. When the seed scorer itself is available it is run too, on the
pipeline's JSON output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

MIN_QUOTE_F1 = 0.95


def _chars(text: str, spans) -> set[int]:
    out: set[int] = set()
    for s in spans or []:
        out.update(i for i in range(s["start"], min(s["end"], len(text))) if not text[i].isspace())
    return out


def _norm(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s or "").strip().lower()


def score(text: str, gold: dict, pred: dict) -> dict:
    entities = {e["id"]: e for e in pred["entities"]}
    G, P = gold["attributions"], pred["attributions"]
    gc = [_chars(text, g["content"]) for g in G]
    pc = [_chars(text, p["content"]) for p in P]
    pairs = []
    for i, g in enumerate(gc):
        for j, p in enumerate(pc):
            union = g | p
            jac = len(g & p) / len(union) if union else 0.0
            if jac >= 0.5:
                pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matches.append((i, j))
    required = [i for i, g in enumerate(G) if not g.get("optional")]
    matched_required = [(i, j) for i, j in matches if not G[i].get("optional")]
    wrong_speakers = []
    for i, j in matched_required:
        entity = entities.get(P[j]["speaker"])
        names = {_norm(entity["name"]), *(_norm(a) for a in entity["aliases"])} if entity else set()
        if _norm(G[i]["speaker"]) not in names:
            wrong_speakers.append((G[i]["speaker"], entity and entity["name"], G[i]["content"][0]["text"][:50]))
    precision = len(matches) / len(P) if P else 0.0
    recall = len(matched_required) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "required": len(required),
        "wrong_speakers": wrong_speakers,
        "missed": [G[i]["content"][0]["text"][:60] for i in required if i not in used_g],
        "extra": [[c["text"][:60] for c in P[j]["content"]] for j in range(len(P)) if j not in used_p],
    }


@pytest.fixture(scope="module")
def prediction(example_article) -> dict:
    return example_article.to_json()


def test_quote_f1_and_all_required_speakers(prediction, example_gold):
    result = score(prediction["text"], example_gold, prediction)
    assert result["f1"] >= MIN_QUOTE_F1, result
    assert result["wrong_speakers"] == [], result
    assert result["missed"] == [], result


def test_scorer_is_able_to_fail(prediction, example_gold):
    """The re-implemented scorer really penalises wrong output (so a passing F1 means something)."""
    text = prediction["text"]
    assert score(text, example_gold, {"attributions": [], "entities": []})["f1"] == 0.0
    broken = json.loads(json.dumps(prediction))
    for e in broken["entities"]:
        e["name"], e["aliases"] = "Nobody", []
    result = score(text, example_gold, broken)
    assert len(result["wrong_speakers"]) == result["required"]
    half = dict(prediction, attributions=prediction["attributions"][::2])
    assert score(text, example_gold, half)["f1"] < MIN_QUOTE_F1


def test_text_is_the_file_byte_for_byte(example_article, example_path):
    with open(example_path, encoding="utf-8", newline="") as fh:
        assert example_article.text == fh.read()


def test_metadata(example_article, example_gold):
    meta = example_article.meta
    assert meta.translated_from == "ru"
    assert meta.translator == "Yandex Translator"
    assert meta.language == "en"
    assert meta.publisher == example_gold["article"]["publisher"]
    assert meta.title == example_gold["article"]["title"]


def test_spans_and_schema(example_article, prediction, check_spans):
    check_spans(example_article)
    assert prediction["schema"] == "saywho/article/v1"
    assert all(a["kind"] in ("direct", "mixed", "indirect") for a in prediction["attributions"])


def test_every_gold_entity_with_a_required_quote_is_found(example_article, example_gold):
    names = {e.name for e in example_article.entities}
    required = {g["speaker"] for g in example_gold["attributions"] if not g.get("optional")}
    persons = {e["name"] for e in example_gold["entities"] if e["type"] == "PERSON"} & required
    assert persons <= names


def test_rudenko_has_his_role(example_article):
    rudenko = next(e for e in example_article.entities if e.name == "Andrei Rudenko")
    assert any(
        (r.title, r.organization, r.country) == ("Deputy Foreign Minister", "Ministry of Foreign Affairs", "Russia")
        for r in rudenko.roles
    )
    assert "the diplomat" in rudenko.aliases


def test_seed_scorer_agrees(prediction, example_path, shared, tmp_path):
    seedscore = shared / "tools" / "seedscore.py"
    if not seedscore.is_file():
        pytest.skip(f"{seedscore} not present")
    gold = Path(__file__).parent / "data" / "izvestia-island-task.gold.json"
    pred_path = tmp_path / "pred.json"
    pred_path.write_text(json.dumps(prediction, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(seedscore), str(gold), str(example_path), str(pred_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    # "quote_f1=1.000 speaker_acc=1.000 (21/21) fp=0 translation_meta_ok=True"
    fields = dict(part.split("=", 1) for part in last.split() if "=" in part)
    assert float(fields["quote_f1"]) >= MIN_QUOTE_F1, proc.stdout
    assert float(fields["speaker_acc"]) == 1.0, proc.stdout
    assert fields["translation_meta_ok"] == "True", proc.stdout
