"""Report shapes of news machine-translated from German, French and Kazakh that the rules lacked: with a credit
line the rules come first, and the CRF only adds confident attributions, so a shape without a rule is lost."""

from __future__ import annotations

import pytest

_CREDIT = "\nTranslated from German with DeepL.\n"


def _found(article) -> list[tuple[str | None, str | None, list[str]]]:
    return [
        (a.source and a.source.text, a.cue and a.cue.text, [c.text for c in a.content]) for a in article.attributions
    ]


@pytest.mark.parametrize(
    ("body", "source", "cue", "content"),
    [
        # «hält für», «считает, что»: "considers that" and "considers" with an object and its predicate.
        (
            "The mayor of the district Anna Berger considers that the council must repair the bridge this year.",
            "The mayor of the district Anna Berger",
            "considers",
            ["that the council must repair the bridge this year"],
        ),
        (
            'Its regional head, Tobias Krämer, considers the new timetable "barely workable for pupils".',
            "Its regional head, Tobias Krämer,",
            "considers",
            ['the new timetable "barely workable for pupils"'],
        ),
        # Object plus preposition: "accused Y of …", "described it as …".
        (
            "Their housing spokeswoman Petra Lang accused the city council of having hidden the costs for years.",
            "Their housing spokeswoman Petra Lang",
            "accused",
            ["the city council of having hidden the costs for years"],
        ),
        (
            'The Farmers Federation (FF) welcomed the decision but described it as "a step that came far too late".',
            "The Farmers Federation (FF)",
            "described",
            ['it as "a step that came far too late"'],
        ),
        # «so X» ("according to X") after a quotation and after a clause.
        (
            'The opposition spoke of chaos. "The minister knew about the delays in May," so Weber.',
            "Weber",
            "so",
            ['"The minister knew about the delays in May,"'],
        ),
        (
            "The new bridge will not open before the spring, so the building authority.",
            "the building authority",
            "so",
            ["The new bridge will not open before the spring"],
        ),
        # «ließ mitteilen»: "let it be known (on request) that".
        (
            "The state railway let it be known on request that a new tender is not planned.",
            "The state railway",
            "let it be known",
            ["that a new tender is not planned"],
        ),
        # A fronted time after "that", which the parser reads as the verb's object.
        (
            "Meanwhile, the city hall informs that from 3 March the tram line No. 4 will be shortened.",
            "the city hall",
            "informs",
            ["that from 3 March the tram line No. 4 will be shortened"],
        ),
        # «confie»: a quotation verb.
        (
            "« We were promised a new school, and nothing came, » confides Paul Renard, teacher in Brest.",
            "Paul Renard, teacher in Brest",
            "confides",
            ["« We were promised a new school, and nothing came, »"],
        ),
    ],
)
def test_calqued_report_shapes(analyze, body, source, cue, content):
    # A sentence before, as in an article: alone, the CRF finds some of these shapes with no rule.
    article = analyze('Bridge repairs delayed\nThe opposition spoke of a "project out of control". ' + body + _CREDIT)
    assert (source, cue, content) in _found(article)


@pytest.mark.parametrize(
    "body",
    [
        "The council will consider the plan next week, so the vote was delayed.",
        "Prices went up, so the shops closed early.",
    ],
)
def test_so_and_consider_in_narration(analyze, body):
    cues = [a.cue.text for a in analyze("Bridge repairs delayed\n" + body + _CREDIT).attributions if a.cue]
    assert "so" not in cues and "consider" not in cues


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        (
            "The mayor of the district Anna Berger considers that the council must repair the bridge this year.",
            "considers",
        ),
        (
            "Their housing spokeswoman Petra Lang accused the city council of having hidden the costs for years.",
            "accused",
        ),
        (
            'The Farmers Federation (FF) welcomed the decision but described it as "a step that came far too late".',
            "described",
        ),
        ("Meanwhile, the city hall informs that from 3 March the tram line No. 4 will be shortened.", "informs"),
        ("« We were promised a new school, and nothing came, » confides Paul Renard, teacher in Brest.", "confides"),
    ],
)
def test_the_rules_find_them_without_the_crf(body, cue):
    """With a credit line the CRF adds only confident attributions: these shapes need a rule of their own."""
    from saywho.attribution.extract import rule_candidates
    from saywho.attribution.quotes import find_quotations, paragraphs
    from saywho.nlp.english import load_english, parse_paragraphs

    pars = parse_paragraphs(load_english(), body, paragraphs(body))
    cues = [body[c.cue[0] : c.cue[1]] for c in rule_candidates(find_quotations(body), pars, translated=True) if c.cue]
    assert cue in cues and all(c.source is not None for c in rule_candidates(find_quotations(body), pars))
