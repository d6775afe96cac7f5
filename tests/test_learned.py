"""saywho.attribution.learned: the shipped CRF model, its features, the linker and the merge with the rules."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import DocBin

from saywho.attribution.extract import rule_candidates
from saywho.attribution.learned import (
    learned_attributions,
    link,
    load_tagger,
    merge,
    merged_candidates,
    model_dir,
)
from saywho.attribution.learned.combine import new_candidates
from saywho.attribution.learned.features import FEATURE_VERSION, bio_chunks, paragraph_features, stacked_features
from saywho.attribution.learned.parse_links import PARSE_CONFIDENCE, cue_object_contents
from saywho.attribution.learned.tagger import SpanPrediction
from saywho.attribution.quotes import find_quotations, paragraphs
from saywho.attribution.spans import Candidate
from saywho.nlp.english import load_english, parse_paragraphs

pytest.importorskip("pycrfsuite")


@pytest.fixture(scope="module")
def nlp():
    return load_english()


@pytest.fixture(scope="module")
def tagger():
    t = load_tagger()
    assert t is not None, "the shipped model should be found"
    return t


def parse(nlp, text):
    pars = parse_paragraphs(nlp, text, paragraphs(text))
    return pars, find_quotations(text)


def test_model_is_shipped_small_and_current():
    d = model_dir()
    assert d is not None
    config = json.loads((d / "config.json").read_text(encoding="utf-8"))
    assert config["feature_version"] == FEATURE_VERSION
    size = sum(f.stat().st_size for f in d.iterdir() if f.is_file())
    assert size < 50 * 1024 * 1024
    assert (d / "README.md").is_file()


def test_load_tagger_without_model(tmp_path):
    assert load_tagger(tmp_path) is None


def test_tags_an_obvious_sentence(nlp, tagger):
    text = "Officials believe the plan will fail. A report found that costs rose sharply."
    pars, quotes = parse(nlp, text)
    rules = rule_candidates(quotes, pars)  # the model reads them as features, as in the pipeline
    spans = tagger.tag(pars, quotes, rules)
    roles = {s.role for s in spans}
    assert {"source", "cue", "content"} <= roles
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        assert 0.0 <= s.confidence <= 1.0
    cands = learned_attributions(pars, quotes, tagger, rules)
    assert cands
    for c in cands:
        assert c.method.startswith("learned:")
        assert 0.0 < c.confidence <= 1.0
        for a, b in c.content:
            assert 0 <= a < b <= len(text)
    found = {(text[slice(*c.source)] if c.source else None, text[slice(*c.cue)]) for c in cands}
    assert found & {("Officials", "believe"), ("A report", "found")}
    assert any("the plan will fail" in text[a:b] for c in cands for a, b in c.content)


def test_finds_the_parts_of_a_plain_report(nlp, tagger):
    text = "Officials believe the plan will fail."
    pars, quotes = parse(nlp, text)
    (cand,) = learned_attributions(pars, quotes, tagger, rule_candidates(quotes, pars))
    assert text[slice(*cand.source)] == "Officials"
    assert text[slice(*cand.source_head)] == "Officials"
    assert text[slice(*cand.cue)] == "believe"
    assert [text[a:b] for a, b in cand.content] == ["the plan will fail"]
    assert cand.kind == "indirect"


def test_features_are_deterministic_and_survive_the_parse_cache(nlp):
    text = 'The senator said: "We will not back down." Critics, however, warned that the deal was fragile.'
    pars, quotes = parse(nlp, text)
    first = paragraph_features(pars[0], quotes)
    again = paragraph_features(parse(nlp, text)[0][0], quotes)
    assert first == again
    # Training reads parses back from a DocBin cache: the features must not change on the way.
    bin_ = DocBin(store_user_data=False)
    bin_.add(pars[0].doc)
    restored = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))[0]
    assert paragraph_features(type(pars[0])(pars[0].offset, restored), quotes) == first
    assert len(first) == len(pars[0].doc)
    assert all(f and f[0] == "bias" for f in first)


def _span(pars, role, text, needle, after=0, confidence=0.9):
    start = text.index(needle, after)
    end = start + len(needle)
    for k, par in enumerate(pars):
        toks = [t for t in par.doc if par.offset + t.idx >= start and par.offset + t.idx + len(t) <= end]
        if toks:
            return SpanPrediction(role, k, toks[0].i, toks[-1].i + 1, start, end, confidence)
    raise AssertionError(needle)


def test_linker_builds_attributions_from_hand_made_spans(nlp):
    text = '"We will win," Smith said, "and we will win big." Jones denied the report. Brown denied it.'
    pars, quotes = parse(nlp, text)
    spans = [
        _span(pars, "content", text, '"We will win,"'),
        _span(pars, "source", text, "Smith"),
        _span(pars, "cue", text, "said"),
        _span(pars, "content", text, '"and we will win big."'),
        _span(pars, "source", text, "Jones"),
        _span(pars, "cue", text, "denied"),
        _span(pars, "content", text, "the report"),
        _span(pars, "source", text, "Brown"),
        _span(pars, "cue", text, "denied", text.index("Brown")),
        _span(pars, "content", text, "it", text.index("Brown")),
    ]
    cands = link(pars, spans, quotes, {"min_content_words": 1})
    assert len(cands) == 3
    quote, denial, _ = cands
    assert [text[a:b] for a, b in quote.content] == ['"We will win,"', '"and we will win big."']
    assert text[quote.source[0] : quote.source[1]] == "Smith"
    assert text[quote.cue[0] : quote.cue[1]] == "said"
    assert quote.kind == "direct"
    assert text[quote.source_head[0] : quote.source_head[1]] == "Smith"
    assert [text[a:b] for a, b in denial.content] == ["the report"]
    assert text[denial.source[0] : denial.source[1]] == "Jones"
    assert text[denial.cue[0] : denial.cue[1]] == "denied"
    # One-word contents are dropped by default; a content without any cue is dropped too (unless the parse
    # completes them: see the parse_links tests).
    taggers_only = {"cue_object_contents": False, "governing_verb_reports": False}
    assert len(link(pars, spans, quotes, taggers_only)) == 2
    assert link(pars, [spans[0]], quotes, {"min_content_words": 1, **taggers_only}) == []


def test_with_a_confidence_floor_the_rules_win_and_learned_attributions_are_added(nlp, tagger):
    text = "Officials believe the plan will fail, a report found."
    pars, quotes = parse(nlp, text)
    start = text.index("the plan")
    rule = Candidate(
        content=[(start, start + 18)],
        source=(0, 9),
        cue=(10, 17),
        kind="indirect",
        confidence=0.75,
        method="indirect:clause",
    )
    found = learned_attributions(pars, quotes, tagger, [rule])
    merged = merged_candidates(pars, quotes, [rule], tagger=tagger, min_confidence=0.0)
    assert rule in merged
    extra = [c for c in merged if c is not rule]
    assert extra == new_candidates(found, [rule], tagger.config["merge"])
    assert all(not (c.content_start < rule.content_end and rule.content_start < c.content_end) for c in extra)
    assert len(extra) < len(found)


def test_a_confidence_floor_keeps_only_confident_additions(nlp, tagger):
    text = (
        "Officials believe the plan will fail. A report found that costs rose. The minister hopes for a quick "
        "deal. Japan disputes the ownership of the islands."
    )
    pars, quotes = parse(nlp, text)
    everything = merged_candidates(pars, quotes, [], tagger=tagger, min_confidence=0.0)
    confident = merged_candidates(pars, quotes, [], tagger=tagger, min_confidence=0.75)
    assert everything
    assert all(c.confidence >= 0.75 for c in confident)
    assert len(confident) <= len(everything)
    assert [c.content for c in confident] == [c.content for c in everything if c.confidence >= 0.75]


def _cand(text, source, cue, content, method="indirect:clause", kind="indirect", confidence=0.7):
    def span(needle):
        start = text.index(needle)
        return (start, start + len(needle))

    return Candidate(
        content=[span(content)],
        source=span(source) if source else None,
        cue=span(cue) if cue else None,
        kind=kind,
        confidence=confidence,
        method=method,
    )


def test_rule_candidates_are_features(nlp):
    text = "Officials believe the plan will fail."
    pars, quotes = parse(nlp, text)
    rule = _cand(text, "Officials", "believe", "the plan will fail")
    plain = paragraph_features(pars[0], quotes)
    with_rule = paragraph_features(pars[0], quotes, [rule])
    words = [t.text for t in pars[0].doc]
    roles = {w: next(f for f in feats if f.startswith("r=")) for w, feats in zip(words, with_rule, strict=True)}
    assert roles["Officials"] == "r=S" and roles["believe"] == "r=Q"
    assert roles["plan"] == "r=C:indirect" and roles["."] == "r="
    assert "rb=C-B" in with_rule[words.index("the")] and "rb=C-L" in with_rule[words.index("fail")]
    assert "rm=indirect:clause" in with_rule[words.index("plan")]
    assert all("r=" in f for f in plain)  # no rules: every token says so


def test_bio_chunks_and_stacked_features(nlp):
    assert bio_chunks(["B-S", "I-S", "B-Q", "O", "B-Q", "I-Q", "I-Q", "B-C"]) == [
        (0, 2, "S"),
        (2, 3, "Q"),
        (4, 7, "Q"),
        (7, 8, "C"),
    ]
    assert bio_chunks([]) == [] and bio_chunks(["O", "O"]) == []
    text = "Officials believe the plan will fail. It rained."
    pars, _ = parse(nlp, text)
    words = [t.text for t in pars[0].doc]
    cue = words.index("believe")
    feats = stacked_features(pars[0], [(0, 1, "S"), (cue, cue + 1, "Q")])
    assert len(feats) == len(words)
    assert "pr=Q" in feats[cue] and "pr=S" in feats[0] and "pr-1=S" in feats[cue]
    assert "pqdep=ccomp" in feats[words.index("fail")]  # the clause hangs off the predicted cue
    assert "spq=after|1" in feats[words.index("the")] and "sps" in feats[words.index("the")]
    assert "spq=none" in feats[words.index("rained")] and "sps" not in feats[words.index("rained")]


def test_merge_prefers_the_side_the_config_names():
    text = "Officials believe the plan will fail. Critics said taxes will rise."
    learned = _cand(text, "Officials", "believe", "the plan will fail", method="learned:crf")
    rule_same = _cand(text, "Officials", "believe", "plan will fail")
    rule_other = _cand(text, "Critics", "said", "taxes will rise")
    rule_no_source = _cand(text, None, "said", "taxes will rise")
    got = merge([learned], [rule_same, rule_other], {"prefer": "learned"})
    assert got == [learned, rule_other]
    assert merge([learned], [rule_same, rule_other], {"prefer": "rules"}) == [rule_same, rule_other]
    assert merge([learned], [rule_no_source], {"prefer": "learned"}) == [learned]
    assert merge([learned], [rule_no_source], {"prefer": "learned", "rules_require_source": False}) == [
        learned,
        rule_no_source,
    ]
    with pytest.raises(ValueError, match="prefer"):
        merge([learned], [], {"prefer": "both"})


def test_translated_text_keeps_the_rules(nlp, tagger):
    text = "Officials believe the plan will fail, a report found."
    pars, quotes = parse(nlp, text)
    start = text.index("plan")
    rule = Candidate(
        content=[(start, start + 14)], source=(0, 9), cue=(10, 17), kind="indirect", confidence=0.7, method="x"
    )
    translated = merged_candidates(pars, quotes, [rule], tagger=tagger, min_confidence=0.75)
    assert rule in translated
    assert all(c is rule or c.confidence >= 0.75 for c in translated)
    native = merged_candidates(pars, quotes, [rule], tagger=tagger)
    assert any(c.method.startswith("learned:") for c in native)


def test_a_model_for_other_features_is_not_used(tmp_path):
    (tmp_path / "config.json").write_text('{"feature_version": -1}', encoding="utf-8")
    with pytest.warns(RuntimeWarning, match="feature version"):
        assert load_tagger(tmp_path) is None


def _mini_split(root, docs):
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, (text, ann) in docs.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"{name}_anno.ann").write_text(ann, encoding="utf-8")


def _ann(text, source, cue, content):
    spans = [
        (role, text.index(s), text.index(s) + len(s), s)
        for role, s in (("Source", source), ("Cue", cue), ("Content", content))
    ]
    lines = [f"T{n}\t{role} {a} {b}\t{s}" for n, (role, a, b, s) in enumerate(spans, 1)]
    lines.append("E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3")
    return "\n".join(lines) + "\n"


def mini_corpus(root):
    """A PolNeAR-layout corpus of three one-sentence reports: two in train/, one in dev/."""
    texts = [
        ("The senator said the plan would fail.", "The senator", "said", "the plan would fail"),
        ("Critics argued that taxes will rise.", "Critics", "argued", "that taxes will rise"),
        ("Officials believe the deal is fragile.", "Officials", "believe", "the deal is fragile"),
    ]
    docs = {f"doc{n}": (t, _ann(t, *roles)) for n, (t, *roles) in enumerate(texts)}
    _mini_split(root / "train", dict(list(docs.items())[:2]))
    _mini_split(root / "dev", dict(list(docs.items())[2:]))


@pytest.mark.parametrize("stack", [[], ["--stack", "content=srccue"]])
def test_the_train_command_end_to_end(tmp_path, monkeypatch, stack):
    from typer.testing import CliRunner

    from saywho.attribution.learned.command import train_app

    monkeypatch.setenv("SAYWHO_CACHE_DIR", str(tmp_path / "cache"))
    mini_corpus(tmp_path / "corpus")
    out = tmp_path / "model"
    result = CliRunner().invoke(
        train_app, ["attribution", "--corpus", str(tmp_path / "corpus"), "--out", str(out), "--seed", "0", *stack]
    )
    assert result.exit_code == 0, result.output
    assert {"config.json", "metrics.json", "content.crfsuite", "srccue.crfsuite"} <= {p.name for p in out.iterdir()}
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["dev"]) == {"rules", "learned", "combined"}
    assert load_tagger(out) is not None
    assert list((tmp_path / "cache" / "parsed").glob("*.spacy"))
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["stack"] == ({"content": "srccue"} if stack else {})
    assert not (out / "jackknife").exists()  # the fold models are temporary
    bad = CliRunner().invoke(
        train_app, ["attribution", "--corpus", str(tmp_path / "corpus"), "--out", str(out), "--stack", "content"]
    )
    assert bad.exit_code == 2 and "UPPER=LOWER" in bad.output


def test_linker_cuts_a_content_before_a_sentence_with_its_own_cue(nlp):
    text = "Smith told reporters that the talks would fail. Any deal will anger the allies, Jones warns."
    pars, quotes = parse(nlp, text)
    spans = [
        _span(pars, "source", text, "Smith"),
        _span(pars, "cue", text, "told"),
        _span(pars, "content", text, "that the talks would fail. Any deal will anger the allies"),
        _span(pars, "source", text, "Jones"),
        _span(pars, "cue", text, "warns"),
    ]
    got = {text[slice(*c.cue)]: [text[a:b] for a, b in c.content] for c in link(pars, spans, quotes)}
    assert got == {"told": ["that the talks would fail."], "warns": ["Any deal will anger the allies"]}
    whole = link(pars, spans, quotes, {"split_at_cued_sentence": False})
    assert [text[slice(*c.cue)] for c in whole] == ["told"]


def test_linker_cuts_a_content_around_its_own_source_and_cue(nlp):
    text = "The plan will fail, a report found, and soon."
    pars, quotes = parse(nlp, text)
    spans = [
        _span(pars, "content", text, "The plan will fail, a report found, and soon"),
        _span(pars, "source", text, "a report"),
        _span(pars, "cue", text, "found"),
    ]
    (cand,) = link(pars, spans, quotes, {"min_content_words": 1})
    assert [text[a:b] for a, b in cand.content] == ["The plan will fail", "and soon"]
    assert text[slice(*cand.source)] == "a report" and text[slice(*cand.cue)] == "found"
    assert link(pars, spans, quotes, {"split_around_cue": False}) == []


def test_a_learned_quotation_takes_the_rule_quotation_marks():
    text = 'Smith said: "We will win." Then he left.'
    rule = _cand(text, "Smith", "said", '"We will win."', method="direct:before", kind="direct")
    learned = _cand(text, "Smith", "said:", '"We will win." Then', method="learned:crf", kind="indirect")
    (got,) = merge([learned], [rule], {"prefer": "learned"})
    assert got.content == rule.content and got.kind == "direct"
    assert got.cue == learned.cue and got.method == "learned:crf"  # only the content changes
    (kept,) = merge([learned], [rule], {"prefer": "learned", "quote_contents_from_rules": ()})
    assert kept.content == learned.content


def test_each_learned_span_says_how_sure_the_model_is(analyze):
    from saywho.document import Article, Span

    article = analyze('Officials believe the plan will fail. "We will win," Smith said.')
    learned = [a for a in article.attributions if a.method.startswith("learned:")]
    assert learned
    for a in learned:
        for span in (a.source, a.cue):
            assert span is not None and 0.0 < span.confidence <= 1.0
    plain = next(a for a in learned if a.cue.text == "believe")
    assert 0.0 < plain.content[0].confidence <= 1.0
    # A quotation keeps the rule's content (its quotation marks): no model confidence for that span.
    quoted = next(a for a in learned if a.cue.text == "said")
    assert quoted.content[0].text == '"We will win,"' and quoted.content[0].confidence is None
    data = article.to_json()
    again = Article.from_json(data)
    assert again.to_json() == data
    assert "confidence" in data["attributions"][0]["cue"]
    assert Span.of("abc", 0, 1) == Span.of("abc", 0, 1, 0.5)  # confidence is not part of a span's identity
    assert "confidence" not in Span.of("abc", 0, 1).to_json()
    bad = Article.from_json(data)
    object.__setattr__(bad.attributions[0].cue, "confidence", 1.5)
    with pytest.raises(ValueError, match="confidence"):
        bad.validate()


def test_a_cue_and_source_without_content_take_the_cue_object(nlp):
    text = "The senator despised the new tax plan. Jones laughed."
    pars, quotes = parse(nlp, text)
    spans = [
        _span(pars, "source", text, "The senator", confidence=0.8),
        _span(pars, "cue", text, "despised", confidence=0.7),
        _span(pars, "source", text, "Jones"),
        _span(pars, "cue", text, "laughed"),  # nothing to report: no object
    ]
    (cand,) = link(pars, spans, quotes)
    assert [text[a:b] for a, b in cand.content] == ["the new tax plan"]
    assert text[slice(*cand.source)] == "The senator" and text[slice(*cand.cue)] == "despised"
    assert text[slice(*cand.source_head)] == "senator"
    assert cand.method == "learned:parse" and cand.kind == "indirect"
    # The parse-made content has no tagger confidence; the attribution is less sure than its tagged parts.
    assert cand.span_confidence == {"cue": 0.7, "source": 0.8}
    assert cand.confidence == pytest.approx(0.7 * PARSE_CONFIDENCE)
    assert link(pars, spans, quotes, {"cue_object_contents": False}) == []
    # Not without a source, nor from a doubtful cue.
    assert link(pars, spans[1:2], quotes) == []
    assert link(pars, spans, quotes, {"cue_object_min_confidence": 0.75}) == []


def test_the_person_told_is_not_what_was_said(nlp):
    text = "The governor told reporters. The governor denied the report."
    pars, quotes = parse(nlp, text)
    spans = [
        _span(pars, "source", text, "The governor", confidence=0.8),
        _span(pars, "cue", text, "told", confidence=0.7),
    ]
    assert link(pars, spans, quotes) == []  # "reporters" were told, not said
    second = text.index("The governor denied")
    spans = [
        _span(pars, "source", text, "The governor", after=second, confidence=0.8),
        _span(pars, "cue", text, "denied", confidence=0.7),
    ]
    (cand,) = link(pars, spans, quotes)
    assert [text[a:b] for a, b in cand.content] == ["the report"]


def test_a_quotation_taken_as_the_cue_object_keeps_its_marks(nlp):
    text = 'The crowd chanted "Four more years!" Smith nodded.'
    pars, quotes = parse(nlp, text)
    spans = [_span(pars, "source", text, "The crowd"), _span(pars, "cue", text, "chanted")]
    (cand,) = link(pars, spans, quotes)
    # The parser hangs the quotation marks on the verb; the content is the whole quotation all the same.
    assert [text[a:b] for a, b in cand.content] == ['"Four more years!"']
    # Quoted words, but not a standalone quotation (no colon or comma before it): "mixed", as the linker says.
    assert cand.kind == "mixed"


def test_a_content_without_cue_takes_the_verb_that_governs_it(nlp):
    text = "The Morning Herald backed the governor's rival on Sunday."
    pars, quotes = parse(nlp, text)
    content = _span(pars, "content", text, "the governor's rival", confidence=0.8)
    (cand,) = link(pars, [content], quotes)
    assert text[slice(*cand.cue)] == "backed" and text[slice(*cand.source)] == "The Morning Herald"
    assert [text[a:b] for a, b in cand.content] == ["the governor's rival"]
    assert cand.method == "learned:parse" and cand.span_confidence == {"content": [0.8]}
    assert link(pars, [content], quotes, {"governing_verb_reports": False}) == []
    # A content that is the verb's subject has no cue to take.
    subject = _span(pars, "content", text, "The Morning Herald")
    assert link(pars, [subject], quotes) == []


def test_parse_completion_never_takes_a_content_already_found(nlp):
    text = "The senator despised the new tax plan."
    pars, _ = parse(nlp, text)
    source, cue = _span(pars, "source", text, "The senator"), _span(pars, "cue", text, "despised")

    def finder(cue, contents):
        return source

    assert len(cue_object_contents(pars, [cue], [], finder)) == 1
    a = text.index("tax plan")
    found = [
        Candidate(content=[(a, a + 8)], source=None, cue=None, kind="indirect", confidence=0.5, method="learned:crf")
    ]
    assert cue_object_contents(pars, [cue], found, finder) == []
    # A cue some attribution already has is not used again.
    found = [
        Candidate(
            content=[(0, 3)],
            source=None,
            cue=(cue.start, cue.end),
            kind="indirect",
            confidence=0.5,
            method="learned:crf",
        )
    ]
    assert cue_object_contents(pars, [cue], found, finder) == []
