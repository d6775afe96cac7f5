"""The article's own date, read from a plain-text head, and the relative dates resolved against it."""

from __future__ import annotations

import pytest

from saywho.readers import read_text
from saywho.readers.provenance import content_start
from saywho.readers.published import find_published
from saywho.timeexpr import find_times

_BODY = "The ministry will cut the duty from January, the deputy minister told reporters on Tuesday. " * 2


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("14.11.2025 12:40 (updated: 15.11.2025 09:00)", "2025-11-14"),
        ("Nov 20, 2025, 15:12", "2025-11-20"),
        ("Kommersant newspaper No. 209 dated 18.11.2025, p. 7", "2025-11-18"),
        ("Sport, 05 Dec 2025, 18:32", "2025-12-05"),
        ("Gazeta.Ru | Politics | 23.09.2025, 10:47", "2025-09-23"),
        ("2025-03-14 19:42:06  Source: Xinhuanet", "2025-03-14"),
        ("Published on October 7, 2025", "2025-10-07"),
        ("14 ноября 2025, 12:40", "2025-11-14"),
        ("Газета «Коммерсантъ» №212 от 19.11.2025, стр. 9", "2025-11-19"),
        ("15 мая 2024 г.", "2024-05-15"),
        ("13/06/2025 16:20", "2025-06-13"),  # day first: 13 is no month
        ("06/13/2025", "2025-06-13"),  # month first
        ("12/06/2025 16:20", None),  # either reading; nothing in the head says which
        ("Updated 5 March 2024", None),  # an edit's date, not the publication's
        ("31.02.2025", None),
        ("Dana Levin | Published: 03.09.24, 08:15", "2024-09-03"),  # a two-digit year
        ("Firmware 1.02.03 released", None),  # a version number, not a date
    ],
)
def test_the_date_line_of_the_head(head: str, published: str | None) -> None:
    assert find_published(f"Grain duty may fall\n{head}\n{_BODY}\n") == published


def test_a_date_line_under_a_long_subtitle() -> None:
    # The subtitle is longer than a head line usually is, but the date line below it is still the head's.
    subtitle = (
        "The chief epidemiologist warned that half of the patients admitted this week had skipped their flu shots "
        'and that the season started a month early. The minister: "We are ready"'
    )
    text = f"Flu season starts early\n\n{subtitle}\n\nDana Levin | Published: 03.09.24, 08:15\n\n{_BODY}\n"
    assert read_text(text).meta.published == "2024-09-03"


def test_a_dateline_spelling_the_month_settles_a_slashed_date() -> None:
    text = f"Talks on water\n12/06/2025 16:20:11\nAmman, June 12 (Petra) -- {_BODY}\n"
    assert find_published(text) == "2025-06-12"


def test_a_date_in_the_prose_is_not_the_articles() -> None:
    text = f"Grain duty may fall\n{_BODY}\nThe decree of 3 March 2024 stays in force.\n"
    assert find_published(text) is None


def test_read_text_sets_published_and_relative_dates_resolve(analyze) -> None:
    article = analyze(f"Grain duty may fall\n14.11.2025 12:40\n{_BODY}")
    assert article.meta.published == "2025-11-14"
    times = {t.span.text: t.value for a in article.attributions for t in a.times}
    # The Tuesday goes with "told", not with the reported "will cut": the one before the article's Friday.
    assert times["Tuesday"] == "2025-11-11" and times["January"] == "2026-01"


def test_the_dateline_is_not_part_of_the_first_statement(analyze) -> None:
    text = (
        "Grain duty may fall\n14.11.2025 12:40\nMOSCOW, Nov 14 - RIA Novosti. The duty on wheat will be reduced "
        "from January, Deputy Minister Ivan Petrov told reporters.\n"
    )
    assert text[content_start(text) :].startswith("The duty on wheat")
    article = analyze(text)
    assert [c.text for c in article.attributions[0].content] == ["The duty on wheat will be reduced from January"]
    assert read_text(text).meta.publisher == "RIA Novosti"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The minister said the day before that it was over.", "the day before", "2025-11-13"),
        ("The minister spoke on the eve, before the vote.", "the eve", "2025-11-13"),
        ("The talks took place on the 12th in Beijing.", "the 12th", "2025-11-12"),
        ("The talks took place on the 20th in Beijing.", "the 20th", "2025-10-20"),
        ("The summit will open on the 20th.", "the 20th", "2025-11-20"),
        ("The summit will open on the 3rd.", "the 3rd", "2025-12-03"),
        ("Об этом накануне сообщил министр.", "накануне", "2025-11-13"),
    ],
)
def test_translated_relative_days(sentence: str, expression: str, value: str) -> None:
    found = {t.span.text: t.value for t in find_times(sentence, anchor="2025-11-14")}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    "sentence",
    [
        "It happened the day before the vote.",
        "It was his 20th anniversary.",
        "Накануне выборов он заявил, что всё решено.",
    ],
)
def test_the_eve_of_an_event_is_not_the_day_before_the_article(sentence: str) -> None:
    assert all(t.value is None for t in find_times(sentence, anchor="2025-11-14"))


@pytest.mark.parametrize(
    ("anchor", "sentence", "expression", "value"),
    [
        # the tense nearest the expression decides, not any word of the sentence
        (
            "2025-03-14",
            "Spokesperson Lin said at a press conference on Thursday that the side will closely follow it.",
            "Thursday",
            "2025-03-13",
        ),
        (
            "2025-11-14",
            "The ministry is considering cutting the duty from January 1, the deputy minister told reporters.",
            "January 1",
            "2026-01-01",
        ),
        (
            "2025-03-14",
            "The president instructed the ministry to complete the works by March 25.",
            "March 25",
            "2025-03-25",
        ),
        ("2025-05-14", "The council is to discuss the plan on Friday.", "Friday", "2025-05-16"),
        ("2025-05-14", "The summit will be held on Monday.", "Monday", "2025-05-19"),
        (
            "2024-09-09",
            "The agency stated that the season is only expected to begin in early November.",
            "early November",
            "2024-11",
        ),
        # a month without a day, in the article's own month
        ("2025-08-12", "The new panels will be installed by the end of August.", "August", "2025-08"),
        ("2025-08-12", "On February 6 last year, the plant closed.", "February 6 last year", "2024-02-06"),
        ("2025-08-12", "The plant will reopen in May next year.", "May next year", "2026-05"),
        ("2025-08-12", "The works will be finished by the end of the month.", "the end of the month", "2025-08"),
        ("2025-08-12", "The talks will resume in two weeks.", "two weeks", "2025-W35"),
        ("2025-08-12", "A decision is expected within 2 weeks.", "within 2 weeks", "2025-08-12/2025-08-26"),
        ("2025-08-12", "Prices will rise this winter.", "this winter", "2025-12/2026-02"),
        ("2025-08-12", "The rules changed last spring.", "last spring", "2025-03/2025-05"),
        ("2025-01-20", "It was cold last winter.", "last winter", "2023-12/2024-02"),
    ],
)
def test_relative_dates_of_translated_news(anchor: str, sentence: str, expression: str, value: str) -> None:
    found = {t.span.text: t.value for t in find_times(sentence, anchor=anchor)}
    assert found.get(expression) == value, found


def test_a_hungarian_date_line() -> None:
    assert find_published(f"Balaton rises\n2024. March 12., Tuesday 14:05\nMTI\n{_BODY}\n") == "2024-03-12"


def test_labelled_head_lines_are_not_the_body() -> None:
    text = (
        f"Rice stock safe\nMonday, 9 September 2024 15:20 WIB\nEconomy\nReporter: Rizky Ananda\nEditor: Dewi K\n{_BODY}"
    )
    assert text[content_start(text) :].startswith("The ministry will cut")


@pytest.mark.parametrize(
    ("head", "day_first", "published"),
    [
        ("15. 10. 2024 14:32", False, "2024-10-15"),
        ("03-03-2025 16:20", False, "2025-03-03"),
        ("12/06/2025 - 11:47", True, "2025-06-12"),  # a translation: day first
        ("12/06/2025 - 11:47", False, None),
    ],
)
def test_more_date_lines(head: str, day_first: bool, published: str | None) -> None:
    assert find_published(f"Water for the islands\n{head}\n{_BODY}\n", day_first=day_first) == published


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The first flights are expected on Saturday, the operator said.", "2023-06-10"),
        ("No restrictions were expected on Wednesday, the company said.", "2023-06-07"),
    ],
)
def test_a_marker_that_ends_in_the_expressions_preposition(sentence: str, value: str) -> None:
    assert [t.value for t in find_times(sentence, anchor="2023-06-05")] == [value]
