"""The Russian pipeline on the constructions of everyday Russian news: role nouns and institutions that refer
back, name forms, "Об этом сообщил X" leads, sources with their place, interviews, titles.

Every sentence is invented for these tests. natasha loads once per module.
"""

from __future__ import annotations

import pytest

import russian_support
from russian_support import by_cue
from saywho.document import Article

analyze = russian_support.analyze  # the shared fixture, natasha loaded once per module


def persons(article: Article) -> list[str]:
    return [e.name for e in article.entities if e.type == "PERSON"]


# -- A: role nouns and institutions refer back ---------------------------------------------------------------
def test_capitalised_role_noun_opening_a_sentence_is_no_new_person(analyze):
    article = analyze(
        "Заместитель министра энергетики Олег Петрович Воронов выступил на форуме. "
        "Замминистра подчеркнул, что тарифы не вырастут."
    )
    _, speaker = by_cue(article, "подчеркнул")
    assert speaker is not None and speaker.name == "Олег Петрович Воронов"
    assert persons(article) == ["Олег Петрович Воронов"]


@pytest.mark.parametrize(
    ("intro", "quote", "name"),
    [
        (
            "Губернатор области Сергей Лапин провел совещание.",
            "— Все службы работают, — сказал губернатор.",
            "Сергей Лапин",
        ),
        (
            "Партнер юридической компании «Право и дело» Иван Котов не согласен с решением.",
            "«Это очевидная ошибка», — отмечает юрист.",
            "Иван Котов",
        ),
        ("Глава МИД Сербии Марко Илич провел переговоры.", "«Мы готовы к диалогу», — сказал министр.", "Марко Илич"),
    ],
)
def test_role_nouns_refer_to_the_titled_person(analyze, intro, quote, name):
    article = analyze(f"{intro}\n\n{quote}")
    assert len(article.attributions) == 1
    speaker = article.speaker_of(article.attributions[0])
    assert speaker is not None and speaker.name == name
    assert persons(article) == [name]


def test_agency_named_before_speaks_as_the_ministry(analyze):
    article = analyze(
        "Министерство транспорта сообщило, что правила изменятся. Как уточнили в ведомстве, они вступят в силу в мае. "
        "Как сообщили в пресс-службе ведомства, проект опубликуют в среду."
    )
    first, ministry = by_cue(article, "сообщило")
    _, second = by_cue(article, "уточнили")
    _, third = by_cue(article, "сообщили")
    assert ministry is not None and second is ministry and third is ministry
    assert [e.name for e in article.entities if e.type == "ORG"] == [ministry.name]


def test_unnamed_source_is_a_person_its_pronoun_reaches(analyze):
    article = analyze(
        "Министр Олег Ветров выступил утром. Источник в правительстве рассказал, что решение уже принято. "
        "По его словам, указ подпишут завтра."
    )
    att, source = by_cue(article, "рассказал")
    _, pronoun = by_cue(article, "По его словам")
    assert att.source is not None and att.source.text == "Источник в правительстве"
    assert source is not None and source.type == "PERSON" and source.name == "источник в правительстве"
    assert pronoun is source


def test_expert_is_the_analyst_not_a_director_named_before(analyze):
    article = analyze(
        "Исполнительный директор союза Анна Лебедева заявила, что отрасль готова. "
        "Аналитик «Альфа-Капитал» Петр Гусев считает, что рынок восстановится. "
        "«Времени было достаточно», — говорит эксперт."
    )
    _, speaker = by_cue(article, "говорит")
    assert speaker is not None and speaker.name == "Петр Гусев"
    gusev = next(e for e in article.entities if e.name == "Петр Гусев")
    assert [(r.title, r.organization) for r in gusev.roles] == [("аналитик", "Альфа-Капитал")]


# -- B: name forms -----------------------------------------------------------------------------------------------
def test_surname_in_the_genitive_joins_its_person(analyze):
    article = analyze(
        "Заместитель министра Павел Андреевич Луков заявил, что ставка не изменится.\n\n"
        "По словам Лукова, для семей ставка снизится."
    )
    _, speaker = by_cue(article, "По словам")
    assert speaker is not None and speaker.name == "Павел Андреевич Луков"
    assert persons(article) == ["Павел Андреевич Луков"]  # not "Луковая" (pymorphy's "луковый")


def test_feminine_patronymic_makes_the_name_feminine(analyze):
    article = analyze(
        "Министр Олег Ветров выступил утром. Директор фонда Александра Игоревна Белкина заявила, что отрасль готова. "
        "«Мы ждем решения», — сказала она."
    )
    _, speaker = by_cue(article, "заявила")
    assert speaker is not None and speaker.name == "Александра Игоревна Белкина"
    _, she = by_cue(article, "сказала")
    assert she is speaker


def test_adjacent_person_spans_merge():
    from saywho.nlp.russian import NamedSpan, RuToken, _merge_adjacent_persons

    tokens = [RuToken(i, i * 10, i * 10 + 8, "Имя", -1, "", "PROPN", {}, "имя", 0) for i in range(4)]
    spans = [NamedSpan(0, 18, "PER", [0, 1]), NamedSpan(20, 28, "PER", [2]), NamedSpan(30, 38, "LOC", [3])]
    merged = _merge_adjacent_persons(spans, tokens)
    assert [(s.type, s.tokens, s.start, s.end) for s in merged] == [("PER", [0, 1, 2], 0, 28), ("LOC", [3], 30, 38)]


# -- C: "Об этом сообщил X" --------------------------------------------------------------------------------------
def test_about_this_lead_takes_the_sentence_before(analyze):
    article = analyze(
        "МОСКВА, 14 ноября. /ТАСС/. Правительство решило продлить программу льготной ипотеки до 2030 года. "
        "Об этом журналистам в пятницу сообщил заместитель министра финансов Андрей Николаевич Орлов."
    )
    att, speaker = by_cue(article, "сообщил")
    assert [c.text for c in att.content] == ["Правительство решило продлить программу льготной ипотеки до 2030 года"]
    assert att.source is not None and att.source.text == "заместитель министра финансов Андрей Николаевич Орлов"
    assert speaker is not None and speaker.name == "Андрей Николаевич Орлов"


# -- D: sources with their place, outlets as addressees ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Как рассказал «Ъ» собеседник в одной из компаний, поставки задержатся до весны.",
            "рассказал",
            "собеседник в одной из компаний",
            "поставки задержатся до весны",
        ),
        (
            "Как заявил РИА Новости источник в Париже, переговоры продолжатся в мае.",
            "заявил",
            "источник в Париже",
            "переговоры продолжатся в мае",
        ),
        (
            "В пресс-службе ЦБ „Ъ“ сообщили, что рассмотрят обращение в срок.",
            "сообщили",
            "пресс-службе ЦБ",
            "рассмотрят обращение в срок",
        ),
    ],
)
def test_source_keeps_its_place_and_drops_the_outlet(analyze, text, cue, source, content):
    att, _ = by_cue(analyze(text), cue)
    assert att.source is not None and att.source.text == source
    assert [c.text for c in att.content] == [content]


def test_press_service_speaks_for_its_organisation(analyze):
    _, speaker = by_cue(analyze("В пресс-службе ЦБ „Ъ“ сообщили, что рассмотрят обращение в срок."), "сообщили")
    assert speaker is not None and speaker.type == "ORG" and speaker.name == "ЦБ"


# -- E: dialogue interviews --------------------------------------------------------------------------------------
INTERVIEW = """Об этом в интервью «Известиям» рассказал ректор Уральского университета Петр Ильич Воронцов.

— Петр Ильич, как вы оцениваете реформу?

— Положительно. Мой коллега, директор школы Антон Семенович Рябов, сказал мне: «Реформа назрела». Я согласен.

— Что будет дальше?

— Посмотрим. Решения пока нет."""


def test_interview_answers_go_to_the_interviewee_and_nested_quotes_to_their_author(analyze):
    article = analyze("Школы перейдут на новые программы к 2027 году. " + INTERVIEW)
    answers = [a for a in article.attributions if a.method == "direct:interview"]
    assert [a.content[0].text[:12] for a in answers] == ["Положительно", "Посмотрим. Р"]
    assert {article.speaker_of(a).name for a in answers} == {"Петр Ильич Воронцов"}
    nested, author = by_cue(article, "сказал")
    assert [c.text for c in nested.content] == ["Реформа назрела"]
    assert author is not None and author.name == "Антон Семенович Рябов"
    assert not any(a.content[0].text.startswith("Петр Ильич, как") for a in article.attributions)
    assert "Петр Ильич" not in persons(article)  # the interviewer's address is the interviewee


# -- F: titles -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Первый зампред Банка России Денис Олегович Карпов заявил, что ставка сохранится.",
            "Денис Олегович Карпов",
            ("первый зампред", "Банк России", "Россия"),
        ),
        (
            "Эксперт в области цифрового образования Лариса Павловна Зимина напомнила, что опыт был неудачным.",
            "Лариса Павловна Зимина",
            ("эксперт в области цифрового образования", None, None),
        ),
        (
            "Сербия готова продлить контракт, заявил глава МИД республики Небойша Петрович.",
            "Небойша Петрович",
            ("глава", "МИД", "Сербия"),
        ),
        (
            "Вакцинация продолжится, сообщил журналистам министр здравоохранения Олег Фомин.",
            "Олег Фомин",
            ("министр здравоохранения", "Минздрав", None),
        ),
        (
            "Политолог, профессор МГИМО Глеб Юрьевич Ракитин убежден, что баланс сохранится.",
            "Глеб Юрьевич Ракитин",
            ("профессор", "МГИМО", "Россия"),
        ),
    ],
)
def test_titles_with_their_organisation_and_country(analyze, text, name, role):
    article = analyze(text)
    person = next(e for e in article.entities if e.name == name)
    assert [(r.title, r.organization, r.country) for r in person.roles] == [role]


def test_indeclinable_ministry_keeps_its_form(analyze):
    _, speaker = by_cue(analyze("В Минпросвещения «Известиям» сообщили, что проект продлится до мая."), "сообщили")
    assert speaker is not None and speaker.name == "Минпросвещения"


# -- G: smaller constructions ------------------------------------------------------------------------------------
def test_speaker_reported_by_an_outlet_keeps_the_content(analyze):
    article = analyze(
        "Как заявил источник в Брюсселе, переговоры продолжатся. "
        "Как писало ТАСС, в мае президент Франции говорил, что страна не изменит позицию."
    )
    att, speaker = by_cue(article, "говорил")
    assert len(article.attributions) == 2
    assert [c.text for c in att.content] == ["страна не изменит позицию"]
    assert speaker is not None and speaker.name == "президент Франции"


def test_quotation_resumes_after_longer_authors_words(analyze):
    article = analyze(
        "Политолог Глеб Ракитин уверен в прогнозе.\n\n"
        "— Рынок растет уже третий год, — пояснил эксперт в беседе с ТАСС. — При этом цены остаются стабильными."
    )
    att, speaker = by_cue(article, "пояснил")
    assert [c.text for c in att.content] == ["Рынок растет уже третий год", "При этом цены остаются стабильными"]
    assert speaker is not None and speaker.name == "Глеб Ракитин"


def test_call_verb_takes_its_infinitive_content(analyze):
    att, speaker = by_cue(analyze("В Еврокомиссии призвали Сербию сократить закупки газа."), "призвали")
    assert [c.text for c in att.content] == ["Сербию сократить закупки газа"]
    assert speaker is not None and speaker.type == "ORG"


def test_the_company_itself_with_an_outlet_after_it(analyze):
    article = analyze("Сети обслуживает компания «Теплосеть». В самой компании РБК заявили, что ремонт завершат в мае.")
    att, speaker = by_cue(article, "заявили")
    assert att.source is not None and "РБК" not in att.source.text
    assert [c.text for c in att.content] == ["ремонт завершат в мае"]
    assert speaker is not None and speaker.type == "ORG" and speaker.name == "Теплосеть"


def test_a_short_quotation_inside_indirect_speech_makes_it_mixed(analyze):
    article = analyze(
        "Регулятор\nВ Банке России заявили, что регулятор «не видит оснований» для пересмотра ключевой ставки в "
        "ближайшие месяцы.\n"
    )
    assert [a.kind for a in article.attributions] == ["mixed"]


def test_a_document_speaks_for_its_author_and_an_outlet_is_no_subject(analyze):
    article = analyze(
        "Как говорится в сообщении пресс-службы «Ростеха», в 2025 году завод выпустит более 100 самолётов.\n\n"
        "В пресс-службе ПАО «Аэрофлот» ТАСС сообщили, что компания готова к расширению парка."
    )
    said, speaker = by_cue(article, "говорится в сообщении")
    assert speaker is not None and speaker.name == "Ростех" and said.content[0].text.startswith("в 2025 году")
    _, speaker = by_cue(article, "сообщили")
    assert speaker is not None and speaker.name == "Аэрофлот"


def test_an_institution_in_quotation_marks_speaks_impersonally(analyze):
    article = analyze(
        "В «Аэрофлоте» считают, что число рейсов удвоится к 2030 году.\n\n"
        "В Минтрансе рассчитывают, что новые суда придут в срок."
    )
    _, speaker = by_cue(article, "считают")
    assert speaker is not None and speaker.name == "Аэрофлот"
    _, speaker = by_cue(article, "рассчитывают")
    assert speaker is not None and speaker.name == "Минтранс"
