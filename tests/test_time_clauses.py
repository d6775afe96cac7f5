"""Relative dates take the tense of their own clause, not the reporting verb's; Russian deadlines, month edges and
«накануне» before a subject; the Solar Hijri months of Persian copy."""

from __future__ import annotations

import pytest

from saywho.timeexpr import find_times

THURSDAY = "2025-06-12"


def times(text: str, anchor: str = THURSDAY) -> list[tuple[str, str | None]]:
    return [(t.span.text, t.value) for t in find_times(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content clause after "that" holds a future marker: the reporting verb's past does not count
        ("The port authority announced that from Saturday the ferries will stop.", [("Saturday", "2025-06-14")]),
        ("The union said that the strike lasts until Monday.", [("Monday", "2025-06-16")]),
        # a participle after "remain" is no past tense
        ("The mayor announced that the bridge will remain closed on Friday.", [("Friday", "2025-06-13")]),
        ("The agency reported that the harvest is predicted to end on June 20.", [("June 20", "2025-06-20")]),
        # a past clause of its own after "and that" still wins
        ("He said that the vote was held on Monday and that results will come on Friday.",
         [("Monday", "2025-06-09"), ("Friday", "2025-06-13")]),
        # no content clause: the reporting verb decides, as before
        ("The fares will rise from July, the minister told reporters on Tuesday.",
         [("July", "2025-07"), ("Tuesday", "2025-06-10")]),
        # a colon opens the reported words too
        ("The minister pointed out that prices rose, and announced: From Monday, fares will be cut.",
         [("Monday", "2025-06-16")]),
        # advice and requests point ahead
        ("The police urged drivers to avoid the centre on Saturday.", [("Saturday", "2025-06-14")]),
        ("Синоптик предупредил, что горожанам лучше остаться дома в субботу.", [("субботу", "2025-06-14")]),
        ("Врач посоветовал пенсионерам не выходить на улицу в субботу.", [("субботу", "2025-06-14")]),
        ("Он начал работать в понедельник.", [("понедельник", "2025-06-09")]),
    ],
)  # fmt: skip
def test_the_clause_of_the_expression_decides(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мэр заявил, что мост откроют до пятницы.", [("пятницы", "2025-06-13")]),
        ("Ремонт закончат к субботе.", [("субботе", "2025-06-14")]),
        ("Мост закрыт с понедельника, сообщили в мэрии.", [("понедельника", "2025-06-09")]),
        ("Власти продлили ограничения до конца августа.", [("конца августа", "2025-08")]),
        ("Работы начались в начале марта.", [("начале марта", "2025-03")]),
        ("Дворы очистят до конца недели.", [("конца недели", "2025-W24")]),
        ("Накануне город накрыл сильный ливень.", [("Накануне", "2025-06-11")]),
        ("Мэр сообщил, что накануне в центре прошел митинг.", [("накануне", "2025-06-11")]),
        # the eve of an event is not the day before the article
        ("Накануне выборов власти заявили о новых мерах.", []),
    ],
)
def test_russian_deadlines_edges_and_the_day_before(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said that from the beginning of Mehr the tariffs will rise.",
         [("the beginning of Mehr", "2025-09-23")]),
        ("The reservoir was filled in Farvardin.", [("Farvardin", "2025-03-21/2025-04-20")]),
        ("The plant opened on 3 Aban 1402.", [("3 Aban 1402", "2023-10-25")]),
        # a person called Mehr is no month
        ("Reza Mehr said that prices rose.", []),
    ],
)  # fmt: skip
def test_solar_hijri_months(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text, anchor="2025-08-05") == expected
