"""Span conventions applied to found candidates (saywho.attribution.conventions)."""

from __future__ import annotations

from saywho.attribution.conventions import apply_conventions
from saywho.attribution.spans import Candidate


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _cand(text: str, content: list[str], source: str | None, cue: str, **kw) -> Candidate:
    return Candidate(
        content=[_span(text, c) for c in content],
        source=_span(text, source) if source else None,
        cue=_span(text, cue),
        kind=kw.get("kind", "direct"),
        confidence=0.9,
        method="test",
        span_confidence=kw.get("span_confidence", {}),
    )


def _texts(text: str, cands: list[Candidate]) -> list[list[str]]:
    return [[text[s:e] for s, e in c.content] for c in cands]


def test_pieces_with_the_cue_outside_every_gap_are_reports_of_their_own() -> None:
    text = 'He boasted: "That makes me smart." Later he went on. "Maybe he did not do a good job."'
    cand = _cand(
        text,
        ["That makes me smart.", "Maybe he did not do a good job."],
        "He",
        "boasted",
        span_confidence={"content": [0.8, 0.6]},
    )
    out = apply_conventions(text, [cand])
    assert _texts(text, out) == [["That makes me smart."], ["Maybe he did not do a good job."]]
    assert [c.span_confidence["content"] for c in out] == [[0.8], [0.6]]
    assert all(c.source == cand.source and c.cue == cand.cue for c in out)


def test_an_interrupted_quotation_and_pieces_of_one_sentence_stay_one_report() -> None:
    text = '"We are ready," he said, "to sign the treaty this year."'
    interrupted = _cand(text, ["We are ready,", "to sign the treaty this year."], "he", "said")
    assert _texts(text, apply_conventions(text, [interrupted])) == [["We are ready,", "to sign the treaty this year."]]
    text = "Parents protested the state funding system, which advocates say hurts needy schools."
    one_sentence = _cand(
        text, ["the state funding system", "which advocates say hurts needy schools"], "Parents", "protested"
    )
    assert len(apply_conventions(text, [one_sentence])) == 1
    text = 'The agency reports:\n\n"First paragraph."\n\n"Second paragraph."'
    paragraphs = _cand(text, ['"First paragraph."', '"Second paragraph."'], "The agency", "reports")
    assert len(apply_conventions(text, [paragraphs])) == 1


def test_the_clause_before_a_parenthetical_report_is_the_first_piece() -> None:
    text = "Talks stalled. If this argument fails, the minister said, there are other tools in the toolbox."
    cand = _cand(text, ["there are other tools in the toolbox"], "the minister", "said", kind="indirect")
    (out,) = apply_conventions(text, [cand])
    assert _texts(text, [out]) == [["If this argument fails", "there are other tools in the toolbox"]]
    # A quotation's words are left to the quotation finder.
    text = 'Talks stalled. "If this fails," the minister said, "there are other tools."'
    cand = _cand(text, ['"there are other tools."'], "the minister", "said")
    assert _texts(text, apply_conventions(text, [cand])) == [['"there are other tools."']]


def test_an_appositive_source_keeps_its_closing_comma_and_a_plain_one_loses_it() -> None:
    text = "Michael Mulgrew, president of the union, said the strike would go on."
    cand = _cand(text, ["the strike would go on"], "Michael Mulgrew, president of the union", "said", kind="indirect")
    (out,) = apply_conventions(text, [cand])
    assert text[out.source[0] : out.source[1]] == "Michael Mulgrew, president of the union,"
    text = "In Brussels, Council President Donald Tusk, said the talks would go on."
    cand = _cand(text, ["the talks would go on"], "Council President Donald Tusk,", "said", kind="indirect")
    (out,) = apply_conventions(text, [cand])
    assert text[out.source[0] : out.source[1]] == "Council President Donald Tusk"


def test_a_dateline_in_capitals_is_no_part_of_the_content() -> None:
    text = "NEW DELHI: The ministry will raise the allowance, said Health Minister Anil Rao."
    cand = _cand(text, ["NEW DELHI: The ministry will raise the allowance"], "Health Minister Anil Rao", "said")
    (out,) = apply_conventions(text, [cand])
    assert _texts(text, [out]) == [["The ministry will raise the allowance"]]
