"""Temporal expressions resolved against the article's date (saywho.timeexpr)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from saywho.document import Article, ArticleMeta, Attribution, Span
from saywho.enrich import enrich
from saywho.timeexpr import Anchor, article_times, attach_times, find_times, parse_anchor

ANCHOR = "2025-10-24"  # a Friday


def times(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str | None, str]]:
    return [(t.span.text, t.value, t.granularity) for t in find_times(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This week, the minister resigned.", [("This week", "2025-W43", "week")]),
        ("The talks were held last September.", [("last September", "2025-09", "month")]),
        ("Exports fell last October.", [("last October", "2024-10", "month")]),
        ("In May 2025, he met her.", [("May 2025", "2025-05", "month")]),
        ("In 2022, Moscow terminated the deal.", [("2022", "2022", "year")]),
        ("He said yesterday that talks will resume.", [("yesterday", "2025-10-23", "day")]),
        ("He spoke on Monday.", [("Monday", "2025-10-20", "day")]),
        ("The summit will be held on Monday.", [("Monday", "2025-10-27", "day")]),
        ("Elections are due next year.", [("next year", "2026", "year")]),
        ("Prices rose last month.", [("last month", "2025-09", "month")]),
        ("He returned four years later.", [("four years later", None, "year")]),
        ("In recent years the dialogue stalled.", [("recent years", None, "range")]),
        ("Two years ago the talks failed.", [("Two years ago", "2023", "year")]),
        ("It began three days ago.", [("three days ago", "2025-10-21", "day")]),
        ("On October 7, 2023, the war began.", [("October 7, 2023", "2023-10-07", "day")]),
        ("On 12 June 2024 he spoke.", [("12 June 2024", "2024-06-12", "day")]),
        ("It happened on March 3.", [("March 3", "2025-03-03", "day")]),
        ("The vote is scheduled for December 3.", [("December 3", "2025-12-03", "day")]),
        ("The talks resumed in December.", [("December", "2024-12", "month")]),
        ("From 2020 to 2022 trade grew.", [("2020 to 2022", "2020/2022", "range")]),
        ("Over the past two years trade grew.", [("the past two years", "2023/2025", "range")]),
        ("The reforms of the 1990s failed.", [("the 1990s", "1990/1999", "range")]),
        ("It was signed in early 2025.", [("early 2025", "2025-01/2025-04", "range")]),
        (
            "Results for the first quarter of 2025 were weak.",
            [("the first quarter of 2025", "2025-01/2025-03", "range")],
        ),
        ("It was hot in the summer of 2024.", [("the summer of 2024", "2024-06/2024-08", "season")]),
        ("It froze in winter 2023.", [("winter 2023", "2023-12/2024-02", "season")]),
        ("It was agreed on 24.10.2025.", [("24.10.2025", "2025-10-24", "day")]),
        ("The 1991 agreement on visa-free exchange.", [("1991", "1991", "year")]),
        ("It rose 108.1% compared to the same period in 2024.", [("2024", "2024", "year")]),
    ],
)
def test_expressions_resolve_against_the_anchor(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may say so.",
        "We sent 2000 troops.",
        "The figure was 2024 percent higher.",
        "Once again, Sakhalin-2 matters.",
        "He spoke in a restrained manner.",
    ],
)
def test_not_time_expressions(text):
    assert times(text) == []


def test_without_a_date_only_absolute_expressions_resolve():
    text = (
        "This week the cabinet changed. In May 2025 he spoke, last September tourism grew, and in 2022 the deal "
        "ended; yesterday he left, on Monday he returns, next year elections follow."
    )
    got = {t: v for t, v, _ in times(text, anchor=None)}
    assert got["May 2025"] == "2025-05"
    assert got["2022"] == "2022"
    for relative in ("This week", "last September", "yesterday", "Monday", "next year"):
        assert got[relative] is None, relative


def test_the_run_date_is_never_used():
    today = date.today().isoformat()
    for text in ("yesterday", "today", "this week", "next year", "last September", "on Monday"):
        for t in find_times(f"It happened {text}.", anchor=None):
            assert t.value is None
            assert today[:4] not in (t.value or "")


def test_partial_anchors():
    assert parse_anchor("2025-10-24T08:00:00+03:00") == Anchor(2025, 10, 24)
    assert parse_anchor("2025-10") == Anchor(2025, 10)
    assert parse_anchor("2025") == Anchor(2025)
    assert parse_anchor("not a date") is None
    assert parse_anchor(None) is None
    assert parse_anchor(date(2024, 2, 29)) == Anchor(2024, 2, 29)
    assert times("Elections are due next year.", "2025") == [("next year", "2026", "year")]
    assert times("He spoke yesterday.", "2025") == [("yesterday", None, "day")]
    assert times("It happened last September.", "2025-10") == [("last September", "2025-09", "month")]


def test_attach_times_takes_content_and_surrounding_sentence():
    text = "In May 2025, at a meeting, the president spoke warmly, saying that he had done a lot last year. Then 2019."
    content = "he had done a lot last year"
    start = text.index(content)
    cue = text.index("saying")
    art = Article(
        text,
        ArticleMeta(published="2025-10-24"),
        [Attribution("a1", [Span.of(text, start, start + len(content))], cue=Span.of(text, cue, cue + 6))],
    )
    attach_times(art)
    assert [(t.span.text, t.value) for t in art.attributions[0].times] == [
        ("May 2025", "2025-05"),
        ("last year", "2024"),
    ]
    art.validate()


def test_example_article_times(example_article):
    art = enrich(copy.deepcopy(example_article), "russia-japan")
    assert art.meta.published is None  # the example's text gives no date
    found = {t.span.text: t for t in article_times(art)}
    assert found["May 2025"].value == "2025-05" and found["May 2025"].granularity == "month"
    assert found["2022"].value == "2022" and found["2022"].granularity == "year"
    assert art.text[found["2022"].span.start - 3 : found["2022"].span.end] == "In 2022"
    for relative in ("This week", "last September", "four years later", "recent years"):
        assert found[relative].value is None, relative
    # "In May 2025" opens the sentence in which the president is quoted: it is attached to that statement.
    quoted = next(
        a for a in art.attributions if any("restore relations between Moscow and Tokyo" in c.text for c in a.content)
    )
    assert [(t.span.text, t.value) for t in quoted.times] == [("May 2025", "2025-05")]


def test_example_article_with_a_date_resolves_relative_expressions(example_article):
    art = copy.deepcopy(example_article)
    art.meta.published = "2025-10-24"
    found = {t.span.text: t.value for t in article_times(art)}
    assert found["This week"] == "2025-W43"
    assert found["last September"] == "2025-09"
    assert found["four years later"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("На этой неделе премьером стала Такаити.", [("этой неделе", "2025-W43", "week")]),
        ("В мае 2025 года он встретился с вдовой.", [("мае 2025 года", "2025-05", "month")]),
        ("В 2022 году Москва прекратила действие соглашения.", [("2022 году", "2022", "year")]),
        ("Соглашение 1991 года отменено.", [("1991 года", "1991", "year")]),
        ("12 мая 2025 года он сказал это.", [("12 мая 2025 года", "2025-05-12", "day")]),
        ("Он вернулся спустя четыре года.", [("спустя четыре года", None, "year")]),
        ("В последние годы диалог сведен к нулю.", [("последние годы", None, "range")]),
        ("Вчера он заявил об этом.", [("Вчера", "2025-10-23", "day")]),
        ("Два года назад переговоры сорвались.", [("Два года назад", "2023", "year")]),
        ("Число туристов в сентябре выросло.", [("сентябре", "2025-09", "month")]),
        ("В сентябре прошлого года он уехал.", [("сентябре прошлого года", "2024-09", "month")]),
        ("В прошлом году цены выросли.", [("прошлом году", "2024", "year")]),
        ("Реформы 1990-х годов провалились.", [("1990-х годов", "1990/1999", "range")]),
    ],
)
def test_russian_expressions(text, expected):
    assert times(text) == expected


def test_russian_without_a_date():
    got = {t: v for t, v, _ in times("На этой неделе, в мае 2025 года и в 2022 году; вчера и в сентябре.", None)}
    assert got == {
        "этой неделе": None,
        "мае 2025 года": "2025-05",
        "2022 году": "2022",
        "вчера": None,
        "сентябре": None,
    }


def test_skipping_rules_changes_nothing(monkeypatch, example_article, data_dir):
    """A rule is skipped where what it needs (a digit, a month name, a Cyrillic letter) is missing: same results."""
    import dataclasses

    from saywho import timeexpr

    texts = [
        example_article.text,
        (data_dir / "mt-gas-dispute.txt").read_text(encoding="utf-8"),
        "On Monday, in May and in 2020, from 2020 to 2022, in the 1990s: В мае 2025 года, два года назад, вчера.",
    ]

    def results() -> list[object]:
        return [find_times(t, a, a + n, ANCHOR) for t in texts for a in range(0, len(t), 97) for n in (60, 400)]

    fast = results()
    assert any(fast)
    monkeypatch.setattr(timeexpr, "_RULES", [dataclasses.replace(r, needs=None) for r in timeexpr._RULES])
    assert results() == fast


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The roads in the district are closed until Sunday.", "2025-10-26"),
        ("The road was closed until Sunday.", "2025-10-19"),
        ("The office stays open until the end of September.", "2026-09"),
        ("The reserve is sufficient until January.", "2026-01"),
    ],
)
def test_a_deadline_is_to_come_unless_its_clause_is_past(text, value):
    assert [v for _, v, _ in times(text)] == [value]
