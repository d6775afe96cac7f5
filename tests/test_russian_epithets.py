"""Definite references without a name: a person noun or an institution noun that refers back to the one named
just before ("— сказал ветеран", "в пресс-службе клуба"), and outlets that are only told things."""

from __future__ import annotations

import pytest

import russian_support
from russian_support import by_cue

analyze = russian_support.analyze  # the shared fixture, natasha loaded once per module


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "Сенатор Кирилл Ожегов рассказал, что закон примут весной. «Спешить некуда», — добавил законодатель.",
            "добавил",
            "Кирилл Ожегов",
        ),
        (
            "Тренер Марко Йованович покинул команду. «Я благодарен болельщикам», — написал черногорец.",
            "написал",
            "Марко Йованович",
        ),
        (
            "Жительница поселка Анна Кречетова пожаловалась на дороги. «Весной тут не пройти», — говорит "
            "петербурженка.",
            "говорит",
            "Анна Кречетова",
        ),
        (
            "Пассажир Степан Лужин заметил, что автобусы ходят редко. «Жду по сорок минут», — сетует пожилой мужчина.",
            "сетует",
            "Степан Лужин",
        ),
        (
            "Бывший вратарь Олег Сухов считает, что команде нужен новый тренер. По мнению ветерана, клубу не "
            "хватает денег.",
            "По мнению",
            "Олег Сухов",
        ),
    ],
)
def test_a_person_noun_without_a_name_refers_back(analyze, text, cue, name):
    _, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        # an outlet told, in the dative, is no antecedent of "в компании"
        (
            "Глава «Северных верфей» Петр Глинский заявил «Ведомостям», что заказы растут. В компании уверены, "
            "что рост продолжится.",
            "уверены",
            "Северные верфи",
        ),
        # adjectives before the institution, its short name in brackets, a quoted outlet told after it
        (
            "В Федеральной налоговой службе (ФНС) «НГ» уточнили, что проверки продлятся месяц.",
            "уточнили",
            "ФНС",
        ),
        # a legal form before a quoted name, a site's address told after it
        ("В МУП «Водоканал» Ngs.ru рассказали, что ремонт закончат к весне.", "рассказали", "Водоканал"),
    ],
)
def test_an_institution_speaks_and_the_outlet_is_told(analyze, text, cue, name):
    _, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and name in (speaker.name, *speaker.aliases)


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "В ГБУ «Горсвет» заявили, что фонари заменят. По данным учреждения, работы займут неделю.",
            "По данным",
            "Горсвет",
        ),
        (
            "«Спартак-Нальчик» объявил о продаже нападающего. Как сообщили в пресс-службе клуба, сумма не "
            "раскрывается.",
            "сообщили",
            "Спартак-Нальчик",
        ),
        (
            "Татарстанское УФАС оштрафовало перевозчика, сообщает ТАСС со ссылкой на пресс-службу "
            "антимонопольного ведомства.",
            "сообщает",
            "УФАС",
        ),
    ],
)
def test_an_institution_noun_refers_back_to_the_organisation(analyze, text, cue, name):
    _, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and name in speaker.name


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        ("Как сообщили в пресс-службе ПАО «Россети», аварию устранили ночью.", "сообщили", "Россети"),
        ("Мэрия Новосибирска объявила, что мост откроют в мае.", "объявила", "мэрия Новосибирска"),
        ("В управе района Марьино пообещали, что двор благоустроят.", "пообещали", "управа района Марьино"),
    ],
)
def test_an_organisation_keeps_its_whole_name(analyze, text, cue, name):
    att, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and speaker.name.lower() == name.lower()
    assert not att.content[0].text.startswith("«")


def test_passes_on_with_a_reference_relays_the_one_cited(analyze):
    text = "Движение по мосту откроют в субботу, передает агентство «Север» со ссылкой на мэрию Мурманска."
    att, speaker = by_cue(analyze(text), "передает")
    assert speaker is not None and speaker.name.lower() == "мэрия мурманска"
    assert att.content[0].text.startswith("Движение по мосту")


def test_according_to_a_quoted_outlet_is_reported(analyze):
    att, speaker = by_cue(analyze("По данным «Футбольного курьера», клуб продлит контракт с вратарем."), "По данным")
    assert speaker is not None and speaker.name == "Футбольный курьер"
    assert att.content[0].text.startswith("клуб продлит")


def test_a_leading_apposition_leaves_the_named_speaker(analyze):
    text = (
        "Один из авторов поправок, председатель комитета Госдумы по энергетике Глеб Ракитин заявил, что сроки сдвинут."
    )
    _, speaker = by_cue(analyze(text), "заявил")
    assert speaker is not None and speaker.name == "Глеб Ракитин"
