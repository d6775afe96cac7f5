"""saywho.eval: PolNeAR reading, the reference metrics (checked by hand and against attrscore.py), the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saywho.document import Article, Attribution, Span
from saywho.eval import load_predictions, normalize, parse_ann, read_gold, score, summary_line
from saywho.eval.command import eval_app
from saywho.eval.metrics import METRICS, as_frags, prf, reference_view
from saywho.eval.quotes import classify_kind

SHARED = Path(__file__).parents[2] / "shared"
ATTRSCORE = SHARED / "tools/attrscore.py"
DEV = SHARED / "polnear/dev"

needs_attrscore = pytest.mark.skipif(not ATTRSCORE.exists(), reason="reference scorer not available")
needs_dev = pytest.mark.skipif(not (DEV / "text").is_dir(), reason="PolNeAR dev split not available")


# --------------------------------------------------------------------------- fixture

ALPHA = (
    "Senator Jane Smith said the plan would fail.\n"
    '"We will not back down," the mayor told reporters. "Not now, not ever."\n'
    "Taxes will rise, it was reported.\n"
    'Critics called the plan "a disaster" on Monday.\n'
)
BETA = (
    "Officials warned that the deal was fragile\n"
    "and could collapse, according to a memo.\n"
    '"It is over," Brown said. "We lost."\n'
)
LINE4 = ALPHA.index("Critics")


def sp(text: str, s: str, after: int = 0) -> tuple[int, int]:
    start = text.index(s, after)
    return start, start + len(s)


def ns(s: str) -> int:
    """Number of non-space characters: the unit of the overlap metrics."""
    return sum(not c.isspace() for c in s)


def t_line(tid: str, label: str, text: str, *frags: tuple[int, int]) -> str:
    offs = ";".join(f"{a} {b}" for a, b in frags)
    return f"{tid}\t{label} {offs}\t{' '.join(text[a:b] for a, b in frags)}\n"


def alpha_ann() -> str:
    t = ALPHA
    return "".join(
        [
            t_line("T1", "Source", t, sp(t, "Senator Jane Smith")),
            t_line("T2", "Cue", t, sp(t, "said")),
            t_line("T3", "Content", t, sp(t, "the plan would fail")),
            t_line("T4", "Attribution", t, sp(t, "said")),
            "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
            t_line("T5", "Source", t, sp(t, "the mayor")),
            t_line("T6", "Cue", t, sp(t, "told")),
            # discontinuous content: a quotation interrupted by "the mayor told reporters."
            t_line("T7", "Content", t, sp(t, '"We will not back down,"'), sp(t, '"Not now, not ever."')),
            t_line("T8", "Attribution", t, sp(t, "told")),
            "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n",
            t_line("T9", "Cue", t, sp(t, "was reported")),
            t_line("T10", "Content", t, sp(t, "Taxes will rise")),
            t_line("T11", "Attribution-no-source", t, sp(t, "was reported")),
            "E3\tAttribution-no-source:T11 Cue:T9 Content:T10\n",
            t_line("T12", "Source", t, sp(t, "Critics")),
            t_line("T13", "Cue", t, sp(t, "called")),
            t_line("T14", "Content", t, sp(t, 'the plan "a disaster"', LINE4)),
            t_line("T15", "Attribution", t, sp(t, "called")),
            "E4\tAttribution:T15 Source:T12 Cue:T13 Content:T14\n",
            t_line("T16", "Discuss", t, sp(t, "on Monday")),
            "#1\tAnnotatorNotes T16\tnot an attribution\n",
            "A1\tNegated E4\n",
        ]
    )


def beta_ann() -> str:
    t = BETA
    return "".join(
        [
            t_line("T1", "Source", t, sp(t, "Officials")),
            t_line("T2", "Cue", t, sp(t, "warned")),
            # the span crosses a newline, so its text continues on the next .ann line
            t_line("T3", "Content", t, sp(t, "that the deal was fragile\nand could collapse")),
            t_line("T4", "Attribution", t, sp(t, "warned")),
            "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
            t_line("T5", "Source", t, sp(t, "Brown")),
            t_line("T6", "Cue", t, sp(t, "said")),
            t_line("T7", "Content", t, sp(t, '"We lost."')),
            t_line("T8", "Content", t, sp(t, '"It is over,"')),
            t_line("T9", "Attribution", t, sp(t, "said")),
            "E2\tAttribution:T9 Source:T5 Cue:T6 Content:T7 Content2:T8\n",
            # a second attribution of the very same content (the memo), as annotators sometimes do
            t_line("T10", "Source", t, sp(t, "a memo")),
            t_line("T11", "Cue", t, sp(t, "according to")),
            t_line("T12", "Attribution", t, sp(t, "according to")),
            "E3\tAttribution:T12 Source:T10 Cue:T11 Content:T3\n",
        ]
    )


def span_json(text: str, frag: tuple[int, int]) -> dict:
    return {"start": frag[0], "end": frag[1], "text": text[frag[0] : frag[1]]}


def write_gold(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, text in (("alpha", ALPHA), ("beta", BETA), ("gamma", "No annotation for this one.\n")):
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    (root / "attributions" / "alpha_aaaa.ann").write_text(alpha_ann(), encoding="utf-8", newline="")
    (root / "attributions" / "beta_bbbb.ann").write_text(beta_ann(), encoding="utf-8", newline="")
    # Ignored: a later annotator of alpha, and an annotator id that is not 4 characters (sorts first).
    other = "T1\tCue 0 7\tSenator\nE1\tAttribution:T1 Cue:T1 Content:T1\n"
    (root / "attributions" / "alpha_zzzz.ann").write_text(other, encoding="utf-8")
    (root / "attributions" / "alpha_0x.ann").write_text(other, encoding="utf-8")
    return root


def write_preds(root: Path) -> Path:
    root.mkdir(parents=True)
    a, b = ALPHA, BETA
    p1 = {
        "source": span_json(a, sp(a, "Jane Smith")),  # overlaps the gold source, not exact
        "cue": span_json(a, sp(a, "said")),
        "content": [span_json(a, sp(a, "the plan would fail"))],
    }
    alpha = [
        p1,
        {  # only the first half of the quotation (Jaccard 20/37) and the wrong source
            "source": span_json(a, sp(a, "reporters")),
            "cue": span_json(a, sp(a, "told")),
            "content": [span_json(a, sp(a, '"We will not back down,"'))],
        },
        {"source": None, "cue": None, "content": [span_json(a, sp(a, "Senator Jane Smith said"))]},
        dict(p1),  # a duplicate: one-to-one matching leaves one of the two spurious
    ]
    beta = [
        {  # near miss: Jaccard 17/37 < 0.5; content as a bare span, not a list
            "source": span_json(b, sp(b, "Officials")),
            "cue": None,
            "content": span_json(b, sp(b, "the deal was fragile")),
        },
        {  # fragments in the other order than gold: exact match still (spans are sorted)
            "source": span_json(b, sp(b, "Brown")),
            "cue": span_json(b, sp(b, "said")),
            "content": [span_json(b, sp(b, '"It is over,"')), span_json(b, sp(b, '"We lost."'))],
        },
    ]
    for name, atts, text in (("alpha", alpha, a), ("beta", beta, b)):
        doc = {"schema": "saywho/article/v1", "text": text, "attributions": atts, "entities": []}
        (root / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    return root


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    return write_gold(tmp_path / "gold"), write_preds(tmp_path / "pred")


def run_attrscore(gold: Path, pred: Path) -> tuple[dict, str]:
    out = subprocess.run(
        [sys.executable, str(ATTRSCORE), str(gold), str(pred)], capture_output=True, text=True, check=True
    ).stdout
    body, last = out.rstrip("\n").rsplit("\n", 1)
    return json.loads(body), last


# --------------------------------------------------------------------------- reading gold


def test_parse_ann_handles_discontinuous_no_source_continuation_and_content2(corpus):
    gold = read_gold(corpus[0])
    assert list(gold) == ["alpha", "beta"]  # gamma has no .ann: not a gold document
    alpha = gold["alpha"].attributions
    assert gold["alpha"].ann_path.name == "alpha_aaaa.ann"
    assert len(alpha) == 4
    assert alpha[0] == {
        "source": [sp(ALPHA, "Senator Jane Smith")],
        "cue": [sp(ALPHA, "said")],
        "content": [sp(ALPHA, "the plan would fail")],
    }
    assert alpha[1]["content"] == [sp(ALPHA, '"We will not back down,"'), sp(ALPHA, '"Not now, not ever."')]
    assert alpha[2]["source"] is None and alpha[2]["cue"] == [sp(ALPHA, "was reported")]

    beta = parse_ann(corpus[0] / "attributions" / "beta_bbbb.ann")
    assert beta[0]["content"] == [sp(BETA, "that the deal was fragile\nand could collapse")]
    # "Content2" is read as "Content" and put first, as the reference scorer does.
    assert beta[1]["content"] == [sp(BETA, '"It is over,"'), sp(BETA, '"We lost."')]
    assert beta[2]["content"] == beta[0]["content"]


# --------------------------------------------------------------------------- metrics by hand

# (tp, predicted, gold) worked out from the fixture; comments say where each number comes from.
EXPECTED_COUNTS = {
    # alpha: gold {Senator Jane Smith, the mayor, Critics}, pred {Jane Smith, reporters};
    # beta: gold {Officials, Brown, a memo}, pred {Officials, Brown}
    "source_exact": (2, 4, 6),
    # alpha gold {said, told, was reported, called}, pred {said, told}; beta gold {warned, said,
    # according to}, pred {said}
    "cue_exact": (3, 3, 7),
    # alpha: gold 4 contents, pred 3 distinct (duplicate counted once), 1 hit; beta: 2 distinct gold
    # (two attributions share a content), 2 pred, 1 hit (fragment order does not matter)
    "content_exact": (2, 5, 6),
    "source_overlap": (
        ns("Jane Smith") + ns("Officials") + ns("Brown"),
        ns("Jane Smith") + ns("reporters") + ns("Officials") + ns("Brown"),
        ns("Senator Jane Smith the mayor Critics") + ns("Officials Brown a memo"),
    ),
    "cue_overlap": (  # P1 and its duplicate cover the same "said": characters are a set
        ns("said") * 2 + ns("told"),
        ns("said") * 2 + ns("told"),
        ns("said told was reported called") + ns("warned said according to"),
    ),
    "content_overlap": (
        ns('the plan would fail "We will not back down,"') + ns('the deal was fragile "It is over," "We lost."'),
        ns('the plan would fail "We will not back down," Senator Jane Smith said')
        + ns('the deal was fragile "It is over," "We lost."'),
        ns('the plan would fail "We will not back down," "Not now, not ever." Taxes will rise')
        + ns('the plan "a disaster"')
        + ns('that the deal was fragile and could collapse "It is over," "We lost."'),
    ),
    # matches: plan/fail (Jaccard 1), the mayor's quotation (20/37), Brown (1); 6 predictions, 7 gold
    "quote": (3, 6, 7),
    # the mayor's quotation got "reporters" as source
    "attributed_quote": (2, 6, 7),
}


def test_score_matches_hand_computed_counts(corpus):
    r = score(*corpus[:1], load_predictions(corpus[1]))
    for key, (tp, n_pred, n_gold) in EXPECTED_COUNTS.items():
        assert r["counts"][key] == {"tp": tp, "pred": n_pred, "gold": n_gold}, key
        assert r[key] == prf(tp, n_pred, tp, n_gold), key
    assert r["content_overlap"]["r"] == round(73 / 141, 4)  # the same, fully by hand
    assert r["quote"] == {"p": 0.5, "r": 0.4286, "f1": 0.4615}
    assert r["attributed_quote"] == {"p": 0.3333, "r": 0.2857, "f1": 0.3077}
    assert (r["docs"], r["docs_without_prediction"]) == (2, 0)
    assert summary_line(r) == (
        "attributed_quote_f1=0.308 quote_f1=0.462 content_exact_f1=0.364 source_exact_f1=0.400 "
        "cue_exact_f1=0.600 docs=2 missing=0"
    )


def test_by_kind_breakdown(corpus):
    by_kind = score(corpus[0], load_predictions(corpus[1]))["by_kind"]
    # direct: the mayor's and Brown's quotations; mixed: Critics ('the plan "a disaster"'); the rest indirect
    assert by_kind["direct"] == {"gold": 2, "quote_r": 1.0, "attributed_quote_r": 0.5, "content_exact_r": 0.5}
    assert by_kind["mixed"] == {"gold": 1, "quote_r": 0.0, "attributed_quote_r": 0.0, "content_exact_r": 0.0}
    assert by_kind["indirect"] == {
        "gold": 4,
        "quote_r": 0.25,
        "attributed_quote_r": 0.25,
        "content_exact_r": 0.25,
    }
    assert by_kind["without_source"]["gold"] == 1 and by_kind["without_source"]["quote_r"] == 0.0
    assert by_kind["with_source"] == {
        "gold": 6,
        "quote_r": 0.5,
        "attributed_quote_r": 0.3333,
        "content_exact_r": 0.3333,
    }
    assert by_kind["all"]["gold"] == 7


def test_error_sample(corpus):
    errs = score(corpus[0], load_predictions(corpus[1]), errors=10)["errors"]
    assert errs["totals"] == {"missed": 4, "spurious": 3, "wrong_source": 1}
    (wrong,) = errs["wrong_source"]
    assert (wrong["doc"], wrong["source"], wrong["predicted_source"]) == ("alpha", "the mayor", "reporters")
    assert wrong["content"] == '"We will not back down," … "Not now, not ever."'
    near = [m for m in errs["missed"] if m["doc"] == "beta" and m["source"] == "Officials"]
    assert near[0]["closest_jaccard"] == round(17 / 37, 3)
    assert near[0]["closest_prediction"] == "the deal was fragile"
    assert {s["content"] for s in errs["spurious"]} == {
        "the plan would fail",
        "Senator Jane Smith said",
        "the deal was fragile",
    }
    assert len(score(corpus[0], load_predictions(corpus[1]), errors=2)["errors"]["missed"]) == 2


def test_ties_are_broken_like_the_reference(corpus):
    """Equal Jaccard: the reference's reverse sort gives the gold item to the *later* prediction."""
    gold, pred = corpus
    a = ALPHA
    content = [span_json(a, sp(a, "the plan would fail"))]
    right = {"source": span_json(a, sp(a, "Senator Jane Smith")), "cue": None, "content": content}
    wrong = {"source": span_json(a, sp(a, "reporters")), "cue": None, "content": content}
    for order, attributed in (([right, wrong], 0), ([wrong, right], 1)):
        (pred / "alpha.json").write_text(json.dumps({"attributions": order}), encoding="utf-8")
        r = score(gold, load_predictions(pred), docs=["alpha"])
        assert r["counts"]["quote"]["tp"] == 1
        assert r["counts"]["attributed_quote"]["tp"] == attributed
        if ATTRSCORE.exists():
            (pred / "beta.json").unlink(missing_ok=True)
            ref, _ = run_attrscore(gold, pred)
            assert reference_view(score(gold, load_predictions(pred)))["attributed_quote"] == ref["attributed_quote"]


def test_missing_prediction_and_doc_restriction(corpus):
    preds = load_predictions(corpus[1])
    del preds["beta"]
    r = score(corpus[0], preds)
    assert (r["docs"], r["docs_without_prediction"]) == (2, 1)
    assert r["counts"]["quote"] == {"tp": 2, "pred": 4, "gold": 7}
    only_alpha = score(corpus[0], preds, docs=["alpha"])
    assert (only_alpha["docs"], only_alpha["counts"]["quote"]["gold"]) == (1, 4)


def test_predictions_accept_attribution_objects_and_loose_json(tmp_path):
    att = Attribution("a1", content=[Span(3, 7, "abcd")], source=Span(0, 2, "ab"), cue=None)
    assert normalize(att) == {"source": [(0, 2)], "cue": None, "content": [(3, 7)]}
    loose = normalize({"content": {"start": 1, "end": 2}})
    assert loose == {"source": None, "cue": None, "content": [(1, 2)]}
    assert as_frags([]) is None and as_frags([None]) is None
    assert as_frags([[1, 4], (5, 9)]) == [(1, 4), (5, 9)]
    (tmp_path / "x.json").write_text('[{"source": null, "cue": null, "content": [{"start": 0, "end": 1}]}]')
    assert load_predictions(tmp_path) == {"x": [{"source": None, "cue": None, "content": [(0, 1)]}]}
    (tmp_path / "y.json").write_text("{not json")
    with pytest.raises(ValueError, match="y.json"):
        load_predictions(tmp_path)


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ('He said "we won" today.', '"we won"', "direct"),
        ('He said "we won" today.', "we won", "direct"),  # marks outside the span
        ('He said "we won" today.', 'said "we won"', "mixed"),
        ("He said we won today.", "we won", "indirect"),
        ("“It is,” he said, “over.”", "“It is,” he said, “over.”", "mixed"),
        ("“One paragraph\n“and the next.”", "and the next.”", "direct"),
        ('“Nested "scare" quote.” Then plain.', "Then plain", "indirect"),
    ],
)
def test_classify_kind(text, span, kind):
    assert classify_kind(text, [sp(text, span)]) == kind


# --------------------------------------------------------------------------- reference agreement


@needs_attrscore
def test_agrees_with_reference_scorer_on_fixture(corpus):
    gold, pred = corpus
    mine = score(gold, load_predictions(pred))
    ref, last = run_attrscore(gold, pred)
    assert reference_view(mine) == ref
    assert summary_line(mine) == last
    (pred / "beta.json").unlink()
    ref, last = run_attrscore(gold, pred)
    mine = score(gold, load_predictions(pred))
    assert reference_view(mine) == ref and summary_line(mine) == last


def _write_json_preds(root: Path, preds: dict[str, list[dict]]) -> None:
    root.mkdir()
    for name, atts in preds.items():
        (root / f"{name}.json").write_text(json.dumps({"attributions": atts}), encoding="utf-8")


def _frag_json(frags):
    return None if frags is None else [{"start": a, "end": b} for a, b in frags]


@needs_dev
def test_dev_gold_scores_itself_perfectly():
    gold = read_gold(DEV)
    r = score(DEV, {name: doc.attributions for name, doc in gold.items()})
    for key in METRICS:
        if key in ("quote", "attributed_quote"):
            # One dev attribution has no content at all: it can never be quote-matched (nor can its copy).
            assert r[key]["f1"] >= 0.999, key
        else:
            assert r[key] == {"p": 1.0, "r": 1.0, "f1": 1.0}, key
    assert r["docs"] == len(gold) == 84 and r["docs_without_prediction"] == 0
    assert summary_line(r) == (
        "attributed_quote_f1=1.000 quote_f1=1.000 content_exact_f1=1.000 source_exact_f1=1.000 "
        "cue_exact_f1=1.000 docs=84 missing=0"
    )


@needs_dev
@needs_attrscore
def test_dev_agrees_with_reference_scorer(tmp_path):
    gold = read_gold(DEV)
    exact = {n: [{k: _frag_json(v) for k, v in a.items()} for a in d.attributions] for n, d in gold.items()}
    # A perturbed copy exercises partial matches, ties, wrong and missing sources and missing documents.
    perturbed = {}
    for n, (name, atts) in enumerate(sorted(exact.items())):
        if n % 7 == 3:
            continue
        out = []
        for i, a in enumerate(atts):
            if i % 4 == 1:
                continue
            b = dict(a)
            if i % 3 == 0:
                b["source"] = None
            if i % 5 == 2 and b["content"]:
                b["content"] = [{"start": f["start"] + 3, "end": f["end"]} for f in b["content"]]
            if i % 6 == 5 and b["source"] and b["cue"]:
                b["source"] = b["cue"]
            out.append(b)
            if i % 9 == 4:
                out.append(dict(b))
        perturbed[name] = out
    for label, preds in (("exact", exact), ("perturbed", perturbed)):
        pred_dir = tmp_path / label
        _write_json_preds(pred_dir, preds)
        mine = score(DEV, load_predictions(pred_dir), gold=gold)
        ref, last = run_attrscore(DEV, pred_dir)
        assert reference_view(mine) == ref, label
        assert summary_line(mine) == last, label


# --------------------------------------------------------------------------- command line


def test_cli_with_pred_dir(corpus):
    gold, pred = corpus
    runner = CliRunner()
    res = runner.invoke(eval_app, ["polnear", str(gold), "--pred-dir", str(pred), "--errors", "1"])
    assert res.exit_code == 0, res.output
    expected = summary_line(score(gold, load_predictions(pred)))
    assert res.stdout.rstrip("\n").splitlines()[-1] == expected
    for part in ("attributed_quote", "without_source", "Wrong source"):
        assert part in res.stdout

    res = runner.invoke(eval_app, ["polnear", str(gold), "--pred-dir", str(pred), "--json", "--limit", "1"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["docs"] == 1 and data["counts"]["quote"] == {"tp": 2, "pred": 4, "gold": 4}

    res = runner.invoke(eval_app, ["polnear", str(pred)])
    assert res.exit_code == 2


def test_cli_runs_the_pipeline(corpus, tmp_path, monkeypatch):
    """Without --pred-dir the command analyses each text; a stand-in pipeline returns the gold itself."""
    gold_root = corpus[0]
    gold = read_gold(gold_root)

    def analyze_path(path):
        path = Path(path)
        if path.stem == "beta":
            raise RuntimeError("boom")
        text = path.read_text(encoding="utf-8")
        atts = []
        for i, a in enumerate(gold[path.stem].attributions):
            src = Span.of(text, *a["source"][0]) if a["source"] else None
            atts.append(Attribution(f"a{i}", [Span.of(text, *f) for f in a["content"]], source=src))
        return Article(text=text, attributions=atts)

    monkeypatch.setitem(sys.modules, "saywho.pipeline", types.SimpleNamespace(analyze_path=analyze_path))
    out = tmp_path / "out"
    res = CliRunner().invoke(eval_app, ["polnear", str(gold_root), "--output-dir", str(out), "--json"])
    assert res.exit_code == 1  # beta failed: reported, scored as missing, non-zero exit
    data = json.loads(res.stdout)
    assert data["docs_without_prediction"] == 1
    assert data["counts"]["quote"] == {"tp": 4, "pred": 4, "gold": 7}
    assert sorted(p.name for p in out.iterdir()) == ["alpha.json"]
    assert json.loads((out / "alpha.json").read_text())["schema"] == "saywho/article/v1"
