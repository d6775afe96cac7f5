"""The head of an article as sites outside Europe and the Americas print it: year-first dotted dates (Korean and
Hungarian sites), Solar Hijri dates (Persian sites), two-line mastheads and arrow breadcrumbs, a line of agency
names. None of these lines is the headline."""

from __future__ import annotations

from datetime import date

import pytest

from saywho.readers import content_start, read_text
from saywho.readers.published import find_published, is_date_only
from saywho.solar_hijri import new_year, to_gregorian, year_of

_BODY = (
    "The regional government decided on Monday to close the old bridge for repairs, the transport office said. "
    "Officials said that the works would take about three months and that a ferry would run meanwhile.\n"
)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Input 2024.11.05. 09:30  Modified 2024.11.06. 11:02", "2024-11-05"),
        ("Modified 2024.11.06. 11:02  Input 2024.11.05. 09:30", "2024-11-05"),
        ("2024. 10. 03. 08:15", "2024-10-03"),
        ("2024.10.03", "2024-10-03"),
        ("2024年10月3日 08:15", "2024-10-03"),
        ("2024년 10월 3일", "2024-10-03"),
        ("Monday, 3 Mehr 1403 - 09:10", "2024-09-24"),
        ("version 2024.1.3", None),
        # A day with a full stop before the month's name (German order); a French "18h12" clock: day first.
        ("Tuesday, 14. October 2025, 16:48 o'clock", "2025-10-14"),
        ("Published on 09/03/2025 at 18h12 | Modified on 09/03/2025 at 20h40", "2025-03-09"),
    ],
)
def test_year_first_and_solar_hijri_date_lines(line: str, published: str | None) -> None:
    assert find_published(line + "\n") == published


def test_date_only_lines() -> None:
    assert is_date_only("Input 2024.11.05. 09:30  Modified 2024.11.06. 11:02")
    assert is_date_only("Wednesday, 19 March 2025 14:27 WIB")
    assert not is_date_only("Elections of 12.05.2025 postponed after the floods")


def test_solar_hijri_conversion() -> None:
    assert new_year(1403) == date(2024, 3, 20)  # 1403 is a leap year: Nowruz falls on 20 March
    assert new_year(1404) == date(2025, 3, 21)
    assert to_gregorian(1403, 12, 30) == date(2025, 3, 20)
    assert to_gregorian(1404, 7, 31) is None  # the second half of the year has 30-day months
    assert year_of(date(2025, 3, 20)) == 1403 and year_of(date(2025, 3, 21)) == 1404


@pytest.mark.parametrize(
    ("head", "published", "section"),
    [
        # a site, a rubric line, a year-first date line with an edit date, a byline with a Korean given name
        ("Hanbit Daily\nNational | Society\n\nInput 2024.11.05. 09:30  Modified 2024.11.05. 11:02\n"
         "Reporter Kim Min-ji\n\n", "2024-11-05", "Society"),
        # a Hungarian date line, then the agency and the site on one line, then a translation credit
        ("pesti.hu\nBelföld\n\n2024. 10. 03. 08:15\nMTI / pesti.hu\n\n"
         "Translated from Hungarian using Microsoft Translator\n\n", "2024-10-03", None),
        # a date line alone above the headline
        ("Input 2024.11.05. 09:30  Modified 2024.11.05. 11:02\n\n", "2024-11-05", None),
        # a two-line masthead, an arrow breadcrumb, a Solar Hijri and a Gregorian date, a news code, a credit
        ("PNA\nPars News Agency\nSociety > Health and Care\n\nMonday, 3 Mehr 1403 - 09:10\n24 September 2024\n"
         "News code: 8512\n\nMachine translated from Persian (Yandex Translate)\n\n", "2024-09-24", "Health and Care"),
    ],
)  # fmt: skip
def test_head_lines_are_not_the_title(head: str, published: str, section: str | None) -> None:
    title = "Old bridge closed for repairs / Ferry to run until spring"
    text = head + title + "\n\n" + _BODY
    meta = read_text(text).meta
    assert (meta.title, meta.published, meta.section) == (title, published, section)
    assert text[content_start(text) :].startswith(title)


def test_city_agency_dateline_after_a_persian_head(analyze) -> None:
    """ "Isfahan - PNA - The governor ...": the dateline is stripped, so it is not the source."""
    text = (
        "PNA\nPars News Agency\nSociety > Health and Care\n\nMonday, 3 Mehr 1403 - 09:10\n24 September 2024\n\n"
        "Machine translated from Persian (Yandex Translate)\n\nBridge closed\n\n"
        "Isfahan - PNA - The governor of the province said that the old bridge will be closed for three months.\n"
    )
    assert text[content_start(text) :].startswith("The governor of the province")
    article = analyze(text)
    assert [a.source.text for a in article.attributions] == ["The governor of the province"]


_RU_BODY = "Мэрия сообщила, что парк у реки откроют весной. Жители просили об этом несколько лет.\n"


@pytest.mark.parametrize(
    ("head", "publisher", "section"),
    [
        # a Russian name in sentence case, its media word in lower case, above a rubric and the date
        ("Уральская газета\nОбщество\n\n03.12.2025\n\n", "Уральская газета", "Общество"),
        # a name without a media word, named again in the copy in another case
        ("Вечерний Саратов\nГород\n03.12.2025\n\n", "Вечерний Саратов", None),
        # an acronym, a rubric the table of rubrics does not know, the date
        ("ПНК\nНаука и медиа\n\n09 дек 2025, 10:12\n\n", "ПНК", "Наука и медиа"),
    ],
)  # fmt: skip
def test_russian_mastheads_above_the_headline(head: str, publisher: str, section: str | None) -> None:
    title = "В городе откроют новый парк у реки"
    text = head + title + "\n\n" + _RU_BODY + "Об этом «Вечернему Саратову» рассказали в мэрии.\n"
    meta = read_text(text).meta
    assert (meta.publisher, meta.title, meta.section) == (publisher, title, section)
