"""Sentence shapes of wire copy and its translations that the parser gets wrong or the verb rules miss."""

from __future__ import annotations

import pytest


def _only(article):
    assert len(article.attributions) == 1, [(a.method, a.cue and a.cue.text) for a in article.attributions]
    return article.attributions[0]


def test_content_then_a_long_source_then_said(analyze):
    """spaCy-sm hangs the long source on the content and leaves "said" without a subject."""
    a = _only(
        analyze(
            "Iran will respond to the new sanctions of the European Union, the official representative of the "
            "Iranian Foreign Ministry Esmail Baghaei said on Friday."
        )
    )
    assert a.cue.text == "said" and a.content[0].text == "Iran will respond to the new sanctions of the European Union"
    assert a.source.text == "the official representative of the Iranian Foreign Ministry Esmail Baghaei"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "As noted by Igor Petrov, a leading analyst at the National Energy Fund, the market has already reacted.",
            "As noted by",
            "Igor Petrov, a leading analyst at the National Energy Fund",
            "the market has already reacted",
        ),
        (
            "As the minister stressed, the talks will continue, and the sides will meet in May.",
            "stressed",
            "the minister",
            "the talks will continue, and the sides will meet in May",
        ),
    ],
)
def test_a_report_that_opens_the_sentence(analyze, text, cue, source, content):
    a = _only(analyze(text))
    assert (a.cue.text, a.source.text, [c.text for c in a.content]) == (cue, source, [content])


@pytest.mark.parametrize("text", ["As expected, the talks failed in May.", "As a result, the market has reacted."])
def test_as_without_a_speaker_is_not_a_report(analyze, text):
    assert analyze(text).attributions == []


def test_the_reporting_verb_is_not_the_one_in_the_subordinate_clause(analyze):
    article = analyze('Dmitry Orlov, when asked about it, replied: "This is not our business."')
    a = _only(article)
    assert a.cue.text.startswith("replied")
    assert article.speaker_of(a).name == "Dmitry Orlov"


def test_the_diplomat_is_the_foreign_ministry_official(analyze):
    article = analyze(
        "Iran will respond to the sanctions, the official representative of the Iranian Foreign Ministry Ali "
        'Rezaei said on Friday.\n"The decision is illegal and has no legal basis," the diplomat stressed.'
    )
    speakers = {article.speaker_of(a).name for a in article.attributions}
    assert speakers == {"Ali Rezaei"}
