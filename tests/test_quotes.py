"""Quotation finding on raw text: mark styles, dialogue dashes, unbalanced and multi-paragraph quotes."""

from __future__ import annotations

import pytest

from saywho.attribution.quotes import Quotation, find_quotations


def quotes_of(text: str) -> list[Quotation]:
    found = find_quotations(text)
    for q in found:
        # Offsets are ordered and inside the text, and the recorded slice is the inner span.
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text), q
        assert q.text_slice == text[q.inner_start : q.inner_end]
    return found


def only(text: str) -> Quotation:
    found = quotes_of(text)
    assert len(found) == 1, [text[q.start : q.end] for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "outer", "inner", "opener", "closer"),
    [
        (
            'The minister said: "We will win the vote." Then he left.',
            '"We will win the vote."',
            "We will win the vote.",
            '"',
            '"',
        ),
        (
            "The minister said: “The plan is working well.” Then he left.",
            "“The plan is working well.”",
            "The plan is working well.",
            "“",
            "”",
        ),
        (
            "Le ministre a déclaré: «Nous sommes prêts à tout.» Puis il est parti.",
            "«Nous sommes prêts à tout.»",
            "Nous sommes prêts à tout.",
            "«",
            "»",
        ),
        (
            "Der Minister sagte: „Wir sind bereit für alles.“ Dann ging er.",
            "„Wir sind bereit für alles.“",
            "Wir sind bereit für alles.",
            "„",
            "“",
        ),
        (
            "The senator said: ''We will fight on the beaches.'' Then he left.",
            "''We will fight on the beaches.''",
            "We will fight on the beaches.",
            "''",
            "''",
        ),
        (
            "The senator said: ``We will never surrender.'' Then he left.",
            "``We will never surrender.''",
            "We will never surrender.",
            "``",
            "''",
        ),
    ],
    ids=["straight", "curly", "guillemets", "german-low-high", "nyt-double-apostrophe", "latex-style"],
)
def test_mark_styles(text, outer, inner, opener, closer):
    q = only(text)
    assert text[q.start : q.end] == outer
    assert text[q.inner_start : q.inner_end] == inner
    assert (q.opener, q.closer) == (opener, closer)
    assert q.standalone is True  # it follows a colon
    assert q.continues_previous is False


def test_quotation_spanning_several_sentences():
    text = '"The economy is strong. Jobs are growing. Wages are up," the governor said on Monday.'
    q = only(text)
    assert q.start == 0
    assert text[q.start : q.end] == '"The economy is strong. Jobs are growing. Wages are up,"'
    assert q.standalone is True
    assert q.words == 10


def test_interrupted_quotation_gives_two_quotations():
    text = "“We are ready,” she said. “The talks will resume on Monday.”"
    first, second = quotes_of(text)
    assert text[first.start : first.end] == "“We are ready,”"
    assert text[second.start : second.end] == "“The talks will resume on Monday.”"
    assert text[second.inner_start : second.inner_end] == "The talks will resume on Monday."
    assert first.standalone and second.standalone
    assert not second.continues_previous  # same paragraph: a resumption, not a new paragraph of it


def test_dialogue_dash_closed_by_quotation_mark():
    text = '— We are ready for the talks. The date is already set," said Ivan Petrov.'
    q = only(text)
    assert q.opener == "—"
    assert q.closer == '"'
    # The dash is not part of the quotation; the closing mark is.
    assert text[q.start : q.end] == 'We are ready for the talks. The date is already set,"'
    assert text[q.inner_start : q.inner_end] == "We are ready for the talks. The date is already set,"
    assert q.standalone is True


def test_mark_opened_quotation_closed_by_dash_before_reporting_clause():
    text = '"We have never initiated this decline in relations,— Ivan Petrov told reporters.'
    q = only(text)
    assert q.opener == '"'
    assert q.closer == "—"
    # The dash belongs to the reporting clause, not to the quotation.
    assert text[q.start : q.end] == '"We have never initiated this decline in relations,'
    assert q.end == text.index("—")
    assert text[q.inner_start : q.inner_end] == "We have never initiated this decline in relations,"


def test_dash_inside_dash_opened_quotation_is_not_its_end():
    text = (
        "— Anna Ivanova, the party's founder — a veteran of three campaigns — wants to win. "
        'She will," said Oleg Petrov.'
    )
    q = only(text)
    assert q.opener == "—"
    assert q.closer == '"'
    inner = text[q.inner_start : q.inner_end]
    assert inner.startswith("Anna Ivanova, the party's founder — a veteran")
    assert inner.endswith("wants to win. She will,")


def test_dash_after_comma_inside_quotation_without_reporting_verb_is_not_its_end():
    text = '— The talks failed, — and nobody is surprised by that at all. We go on," Petrov told reporters.'
    q = only(text)
    assert q.closer == '"'
    assert text[q.inner_start : q.inner_end].endswith("We go on,")


def test_unbalanced_quotation_runs_to_paragraph_end():
    text = 'He said: "this will never end and it keeps going on\nThe next paragraph is plain narration.'
    q = only(text)
    assert q.closer == ""
    assert q.end == text.index("\n")
    assert text[q.inner_start : q.inner_end] == "this will never end and it keeps going on"


def test_unclosed_quotation_alone_and_lone_marks_do_not_raise():
    assert len(quotes_of('"Unclosed quotation at the very end')) == 1
    for text in ['"', "“", "«»", "“”", "''", "— ", "—", "", "\n\n", '" " "', "„ “ ”"]:
        quotes_of(text)  # no exception, and any result has sane offsets


def test_scare_quote_mid_sentence_is_not_standalone():
    text = 'The so-called "reform" was a failure from the start, critics noted.'
    q = only(text)
    assert text[q.inner_start : q.inner_end] == "reform"
    assert q.standalone is False


def test_partial_quotation_after_verb_without_comma_is_not_standalone():
    text = 'The plan, he said, was "dead on arrival" and had to go.'
    q = only(text)
    assert text[q.start : q.end] == '"dead on arrival"'
    assert q.standalone is False


def test_quotation_after_comma_and_reporting_verb_is_standalone():
    text = 'He said, "We are ready to talk about everything."'
    q = only(text)
    assert q.standalone is True


@pytest.mark.parametrize(
    "text",
    [
        "I don't think the '90s were the Jones' best years, he said.",
        "I don’t think the ’90s were the Joneses’ best years, he said.",
        "It's the kids' toys, from the '80s; they're all rock 'n' roll fans.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert quotes_of(text) == []


def test_multi_paragraph_quotation():
    text = (
        "The minister said: “We are ready to talk about everything.\n"
        "“And we will keep talking until there is an agreement,” she added."
    )
    first, second = quotes_of(text)
    assert first.closer == ""  # paragraph 1 opens without closing
    assert first.end == text.index("\n")
    assert first.standalone is True
    assert second.continues_previous is True
    assert second.start == text.index("\n") + 1
    assert text[second.inner_start : second.inner_end] == "And we will keep talking until there is an agreement,"


def test_new_paragraph_without_mark_does_not_continue_quotation():
    text = 'The minister said: "We are ready.\nThen she left.\n"A separate quotation," an aide said.'
    qs = quotes_of(text)
    assert len(qs) == 2
    assert qs[1].continues_previous is False  # a plain paragraph came between


def test_offsets_are_relative_to_whole_text_with_body_range():
    prefix = 'HEADLINE WITH "marks\n'
    body = '"We are ready to talk," said Ivan Petrov.'
    text = prefix + body
    qs = find_quotations(text, len(prefix), len(text))
    assert len(qs) == 1
    q = qs[0]
    assert q.start == len(prefix)
    assert text[q.start : q.end] == '"We are ready to talk,"'


def test_crlf_paragraphs():
    text = '"First quotation here," he said.\r\n"Second quotation is here," she said.\r\n'
    qs = quotes_of(text)
    assert [text[q.inner_start : q.inner_end] for q in qs] == [
        "First quotation here,",
        "Second quotation is here,",
    ]
    assert all("\r" not in text[q.start : q.end] for q in qs)


# ---------------------------------------------------------------------- the typesetting of other languages


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_french_guillemets_with_spaces_inside(space):
    text = f"«{space}France will not sign this text as it stands{space}», declared the minister."
    (q,) = find_quotations(text)
    assert (q.opener, q.closer, q.text_slice) == ("«", "»", "France will not sign this text as it stands")


def test_japanese_brackets():
    (q,) = find_quotations("The minister said, 「If prices fall, farmers will lose the will to continue.」")
    assert (q.opener, q.closer) == ("「", "」") and q.text_slice.startswith("If prices fall")


def test_spanish_dialogue_dash_glued_to_the_words():
    text = "—It is an unjust decision, I say it very clearly —stated the president—."
    (q,) = find_quotations(text)
    assert q.text_slice == "It is an unjust decision, I say it very clearly"


def test_a_hyphen_opens_dialogue_only_before_a_reporting_clause():
    (q,) = find_quotations("- The situation is critical… - stressed Levchenko, the head of the union.")
    assert q.text_slice == "The situation is critical…"
    assert find_quotations("- Russia ready for talks\n- Ukraine asks for aid") == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "« France will not sign this text as it stands », declared the minister on Tuesday.",
            "the minister",
            "declared",
            "« France will not sign this text as it stands »",
        ),
        (
            "—It is an unjust decision, I say it very clearly —stated the president—.",
            "the president",
            "stated",
            "It is an unjust decision, I say it very clearly",
        ),
        (
            "- The situation is critical… - stressed Levchenko, the head of the union.",
            "Levchenko, the head of the union",
            "stressed",
            "The situation is critical…",
        ),
    ],
)
def test_attributions_of_other_typesetting(analyze, text, source, cue, content):
    (a,) = analyze(text).attributions
    assert (a.source.text, a.cue.text, [c.text for c in a.content]) == (source, cue, [content])


def test_spanish_quotation_resumes_after_the_reporting_clause(analyze):
    text = (
        "—We will not give in to pressure. Our tomato is good —said the secretary during the press "
        "conference—. We are going to defend our producers."
    )
    first, second = find_quotations(text)
    assert second.continues_previous and second.text_slice == "We are going to defend our producers."
    (a,) = analyze(text).attributions
    assert [c.text for c in a.content][-1] == "We are going to defend our producers."


def test_a_quotation_right_after_a_finished_one_is_direct_and_shares_its_clause(analyze):
    text = (
        '"No violations were found in the documents that were checked." "No violation of the procedure was '
        'found," the head of the commission emphasized.'
    )
    (a,) = analyze(text).attributions
    assert a.kind == "direct" and a.source.text == "the head of the commission"
    assert [c.text for c in a.content] == [
        '"No violations were found in the documents that were checked."',
        '"No violation of the procedure was found,"',
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Min Seo-yeon said in a briefing, "The proposal includes a meeting on the 28th," and "We hope that the '
        'North will respond positively."',
        'Spokesperson Min added, "We remain open to dialogue," but "the ball is now in their court."',
    ],
)
def test_a_second_quotation_joined_by_a_conjunction_is_the_same_speakers(analyze, text):
    (a,) = analyze(text).attributions
    assert len(a.content) == 2 and a.content[1].text.startswith('"')


def test_a_dash_line_ended_by_its_reporting_clause(analyze):
    text = (
        "Imports\nFinland imported grain.\n\n"
        "– We had to import grain from Sweden because the harvest failed, Rantanen says.\n"
    )
    (a,) = analyze(text).attributions
    assert (a.source.text, a.cue.text, a.content[0].text) == (
        "Rantanen",
        "says",
        "We had to import grain from Sweden because the harvest failed",
    )


def test_a_quotation_holding_its_own_reporting_clause_between_dashes(analyze):
    text = (
        "Bread\nIgor Sobolev runs the bakery.\n\n«Negotiate, — Mr. Sobolev objected, — you can with suppliers, "
        "but not with the cost of electricity».\n"
    )
    (a,) = analyze(text).attributions
    assert (a.source.text, a.cue.text) == ("Mr. Sobolev", "objected")
    assert [c.text for c in a.content] == [
        "«Negotiate",
        "you can with suppliers, but not with the cost of electricity»",
    ]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "– The reservoirs are lower than last year and the pumps stand idle – added Kowalczyk.",
            "The reservoirs are lower than last year and the pumps stand idle",
        ),
        (
            "- The tariff stays low. Even after the change it is half the price in Austria - said Petrović.",
            "The tariff stays low. Even after the change it is half the price in Austria",
        ),
        (
            "- We will appeal the ruling before the court - the minister stated.",
            "We will appeal the ruling before the court",
        ),
        ("– Nothing grows here without rain – she said at the market.", "Nothing grows here without rain"),
    ],
)
def test_a_dialogue_line_closed_by_a_bare_dash_before_its_reporting_clause(text, inner):
    # Polish, Serbian and Hungarian news put no comma before the closing dash.
    assert only(text).text_slice == inner


@pytest.mark.parametrize(
    "text",
    [
        "- The 2019 - 2023 plan failed - the report shows.",
        "- Rivers - lakes - canals",
        "The Sava - Danube canal was dug in 1990 - 1995 - said to be costly.",
        "Prices rose. - The Sava - Danube canal closed.",
    ],
)
def test_a_bare_dash_in_prose_closes_nothing(text):
    assert quotes_of(text) == []


def test_a_dialogue_line_after_narration_in_the_same_paragraph():
    text = "A farmer, Ilona Kiss, told the paper she had lost her crop. - Nothing grows without rain - she said."
    assert only(text).text_slice == "Nothing grows without rain"


def test_guillemets_the_other_way_round():
    # Danish, German, Slovenian and Croatian print »…«: both marks swap roles, and the offsets stay exact.
    text = "The mayor welcomed the law. »Without data, any limit will remain on paper,« Kovač told STA."
    q = only(text)
    assert (q.opener, q.closer) == ("»", "«")
    assert text[q.inner_start : q.inner_end] == q.text_slice == "Without data, any limit will remain on paper,"
    # A text in the usual order keeps it, a stray » included.
    assert only("He said: «We are ready.» Then » he left.").opener == "«"
