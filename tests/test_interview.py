"""Interviews printed as dialogue (a dash opens every turn): the answers are the interviewee's."""

from __future__ import annotations

INTRO = "The Ledger talked with the Ambassador of Hungary to Russia, Norbert Kovacs, about energy and the talks.\n"
TURNS = (
    "— Mr. Ambassador, how do you assess the relations between Budapest and Moscow?\n"
    "— Our relations are pragmatic. We buy gas and oil, and we will continue to do so.\n"
    "— Brussels criticizes you for this position.\n"
    "— Brussels criticizes everyone who thinks differently. The sanctions have failed.\n"
)


def _interview(article):
    return [a for a in article.attributions if a.method == "direct:interview"]


def test_answers_go_to_the_interviewee_and_questions_to_nobody(analyze):
    article = analyze(INTRO + TURNS)
    answers = _interview(article)
    assert [a.content[0].text for a in answers] == [
        "Our relations are pragmatic. We buy gas and oil, and we will continue to do so.",
        "Brussels criticizes everyone who thinks differently. The sanctions have failed.",
    ]
    for a in answers:
        assert a.kind == "direct" and a.cue.text == "—" and a.source.text == "Norbert Kovacs"
        assert article.speaker_of(a).name == "Norbert Kovacs"
    # A statement can be a question too: the third turn follows an answer, so it is the interviewer's.
    assert not any("criticizes you" in c.text for a in article.attributions for c in a.content)


def test_dash_lines_that_are_not_an_interview_stay_unattributed(analyze):
    no_question = INTRO + "— Our relations are pragmatic.\n— We will continue to buy gas.\n"
    assert _interview(analyze(no_question)) == []
    no_name = "The talks went on for hours.\n" + TURNS
    assert _interview(analyze(no_name)) == []


def test_a_turn_with_its_own_reporting_clause_is_ordinary_dialogue(analyze):
    text = INTRO + "— How are the talks going?\n— They are going well, — the ambassador said.\n"
    article = analyze(text)
    assert _interview(article) == []
    said = [a for a in article.attributions if a.cue is not None and a.cue.text == "said"]
    assert len(said) == 1 and said[0].content[0].text.startswith("They are going well")


def test_a_quotation_after_a_dash_line_is_not_its_continuation(analyze):
    """A dash line runs to its paragraph's end by nature; the next paragraph's quotation starts afresh."""
    article = analyze(
        INTRO + TURNS + '"We are ready to host the negotiations," the ambassador added. "Budapest is a place of '
        'dialogue.\n"Hungary will not send weapons."\n'
    )
    added = next(a for a in article.attributions if a.cue is not None and a.cue.text == "added")
    assert [c.text for c in added.content] == [
        '"We are ready to host the negotiations,"',
        '"Budapest is a place of dialogue.',
        '"Hungary will not send weapons."',
    ]
    assert article.speaker_of(added).name == "Norbert Kovacs"


def test_an_interview_printed_as_questions_and_quoted_answers(analyze):
    text = (
        "Pensions: the League insists\n"
        "We asked Renzo Baldacci to explain the position of the League to the newspaper.\n\n"
        "Minister, is Quota 41 really sustainable?\n\n"
        "«Yes. The cost in the first year is about 4 billion, and much of it is recovered later.»\n\n"
        "Is the premier with you?\n\n"
        "«She knows very well what we signed in the coalition agreement.»\n\n"
        "Back in Rome, the premier does not want to open a front with the allies.\n"
    )
    article = analyze(text)
    answers = [a for a in article.attributions if a.method == "direct:interview"]
    assert [a.content[0].text[:4] for a in answers] == ["«Yes", "«She"]
    assert {article.speaker_of(a).name for a in answers} == {"Renzo Baldacci"}


def test_one_question_and_a_quotation_are_no_interview(analyze):
    text = (
        "Pensions\nThe minister Renzo Baldacci spoke in Rome on Monday about the reform of pensions.\n\n"
        "Is the reform sustainable?\n\n«Nobody knows yet, and the numbers keep changing every single week.»\n"
    )
    assert all(a.method != "direct:interview" for a in analyze(text).attributions)


def test_a_dash_interview_in_a_credited_translation(analyze):
    """On translated text the rules' bare quotations are kept; they must not take the interview's turns."""
    text = (
        "Grain exports slow\n"
        "Izvestia talked to the head of the Union of Grain Exporters of the South, Oleg Sayfutdinov.\n\n"
        "— Oleg Rustamovich, how serious is the decline?\n\n"
        "— It is serious. Some members did not ship a single vessel last month.\n\n"
        "— The ministry says the decline is seasonal.\n\n"
        "— I respect the position of the ministry, but the numbers speak for themselves.\n\n"
        "Translated by Yandex.Translate\n"
    )
    article = analyze(text)
    assert [a.method for a in article.attributions] == ["direct:interview", "direct:interview"]
    assert {article.speaker_of(a).name for a in article.attributions} == {"Oleg Sayfutdinov"}
