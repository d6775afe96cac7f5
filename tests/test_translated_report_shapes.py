"""Report shapes of machine-translated news (Indonesian, Vietnamese, Serbian, Italian, Hungarian copy) that the
English rules missed or cut short. Each article credits its translation: there the rules win over the CRF."""

from __future__ import annotations

import pytest

_CREDIT = "\nTranslated from Serbian by Google Translate.\n"


def _translated(analyze, body: str):
    return analyze("Water levels fall\n" + body + _CREDIT)


def _found(article) -> list[tuple[str | None, str | None, list[str]]]:
    return [
        (a.source and a.source.text, a.cue and a.cue.text, [c.text for c in a.content]) for a in article.attributions
    ]


@pytest.mark.parametrize(
    ("body", "source", "cue", "content"),
    [
        # Calqued clause verbs: «menilai», «rassicurare che», «mengingatkan bahwa».
        (
            "The Farmers Union (FU) assessed that the harvest will be smaller this year.",
            "The Farmers Union (FU)",
            "assessed",
            ["that the harvest will be smaller this year"],
        ),
        (
            "The governor of the region, Paolo Rinaldi, who visited the flooded villages on Sunday, reassured that "
            "aid will arrive within days.",
            "The governor of the region, Paolo Rinaldi, who visited the flooded villages on Sunday,",
            "reassured",
            ["that aid will arrive within days"],
        ),
        (
            "Regarding the new tolls, the ministry once again reminded that trucks must use the bypass.",
            "the ministry",
            "again reminded",
            ["that trucks must use the bypass"],
        ),
        # A directive with its addressee: "reminded X to …" like "urged X to …".
        (
            "The weather service reminded drivers to check their tyres before the holiday.",
            "The weather service",
            "reminded",
            ["drivers to check their tyres before the holiday"],
        ),
        # The content's subject before a set-off "said X": two content pieces.
        (
            "The fine, said Rossi, can reach ten thousand euros.",
            "Rossi",
            "said",
            ["The fine", "can reach ten thousand euros"],
        ),
        # A phrase set off by commas between the speaker and the verb, or an opener before the speaker.
        (
            "Governor Anna Kovač, at a meeting with the mayors on Tuesday, directed municipalities to open the "
            "reservoirs gradually.",
            "Governor Anna Kovač",
            "directed",
            ["municipalities to open the reservoirs gradually"],
        ),
        (
            "Speaking to Kompas, Professor Budi Santoso, a geologist from Gadjah Mada University, believes the "
            "city is sinking.",
            "Professor Budi Santoso, a geologist from Gadjah Mada University,",
            "believes",
            ["the city is sinking"],
        ),
        # «felhívta a figyelmet közleményében arra, hogy»: words between "attention" and "to".
        (
            "The Chamber of Commerce drew attention in a letter to the fact that exports may fall.",
            "The Chamber of Commerce",
            "drew attention",
            ["exports may fall"],
        ),
        # «како су саопштили из …»: the impersonal plural, the institution after "from".
        (
            "As they announced from the water company, the reservoirs are half empty.",
            "the water company",
            "announced",
            ["the reservoirs are half empty"],
        ),
        # «У Министарству … саопштено је да»: the impersonal passive, the institution in a locative.
        (
            "In the Ministry of Health, it was announced that the vaccination campaign will start in October.",
            "the Ministry of Health",
            "announced",
            ["that the vaccination campaign will start in October"],
        ),
    ],
)
def test_report_shapes_of_translated_news(analyze, body, source, cue, content):
    found = _found(_translated(analyze, body))
    assert (source, cue, content) in found, found


@pytest.mark.parametrize(
    "body",
    ["As they said in March, the reservoirs were half empty.", "In Belgrade, it was announced that the talks failed."],
)
def test_an_impersonal_report_needs_an_institution(analyze, body):
    assert _translated(analyze, body).attributions == []


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # The parser takes the bare clause's subject for the verb's object.
        (
            "The railway company predicts the movement of the passengers during the holidays will reach 4 million "
            "people.",
            "the movement of the passengers during the holidays will reach 4 million people",
        ),
        # Quoted words inside the clause belong to it, and make the report mixed.
        (
            "The analyst Petar Ilić believes that the cut is expected, but that the trouble lies in the fact that the "
            'bank has for years been a "piggy bank" for the treasury.',
            'that the cut is expected, but that the trouble lies in the fact that the bank has for years been a "piggy '
            'bank" for the treasury',
        ),
        # "continue" without a clause is no second report.
        (
            "The director said that the level of the lake has fallen by a metre, and the restrictions will continue "
            "until the autumn.",
            "that the level of the lake has fallen by a metre, and the restrictions will continue until the autumn",
        ),
        # A second report cuts the content before its own subject.
        (
            "The agency reminds that the councils must publish the tenders, but it does not comment on single cases.",
            "that the councils must publish the tenders",
        ),
    ],
)
def test_the_content_runs_its_whole_length(analyze, body, content):
    article = _translated(analyze, body)
    assert [c.text for a in article.attributions for c in a.content] == [content]


def test_quoted_words_inside_a_clause_make_it_mixed(analyze):
    article = _translated(
        analyze, 'The analyst Petar Ilić believes that the bank has for years been a "piggy bank" for the treasury.'
    )
    (a,) = article.attributions
    assert a.kind == "mixed"


def test_a_bare_noun_object_is_no_content(analyze):
    assert _translated(analyze, "The union criticises the decisions of the board.").attributions == []


def test_announced_this_reports_the_sentence_before(analyze):
    article = _translated(
        analyze,
        "The city will close the old bridge in May. Mayor Jan de Vries announced this on Tuesday after the council "
        "meeting.",
    )
    assert _found(article) == [("Mayor Jan de Vries", "announced", ["The city will close the old bridge in May"])]


def test_a_naming_verb_with_a_pronoun_is_no_report(analyze):
    article = analyze(
        "Harbour reopens\n\nAccording to Ferraro, the divers have already checked over 80 boats and declared two "
        'piers in the old port unsafe. «Whoever needs a bed can go to the shelter at the sports hall», "Toto" '
        "Ferraro added, as everyone in the town calls him.\n"
    )
    assert all([c.text for c in a.content] != ["him"] for a in article.attributions), _found(article)


def test_a_clause_that_quotes_a_phrase_is_one_mixed_report(analyze):
    """The quotation rule hangs the quoted phrase on the outer verb; the clause around it is the report."""
    article = _translated(
        analyze,
        "The mayor of the city, Ana Perić, assured that the new tram line, which cost more than two billion dinars, "
        '"will change the daily commute of half the city".',
    )
    (a,) = article.attributions
    assert a.kind == "mixed" and a.cue.text == "assured"
    assert a.content[0].text.startswith("that the new tram line") and a.content[0].text.endswith('half the city"')


def test_colon_speech_after_an_addressee(analyze):
    """ "X told the agency's correspondent: …" without quotation marks (Persian copy); the sentencizer ends the
    sentence at the colon."""
    article = _translated(
        analyze,
        "A resident of the district, Sara Novak, told the agency's correspondent: The taps have been dry for a week.",
    )
    # Speech printed after the colon is direct (the quotation rules read it), its full stop with it.
    assert ("A resident of the district, Sara Novak,", "told", ["The taps have been dry for a week."]) in _found(
        article
    )
