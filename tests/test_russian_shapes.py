"""The Russian pipeline on more shapes of news text: verbs of demand and advice with an infinitive, documents
reporting after their content, organisations with their full names, role nouns and unnamed sources.

Every sentence is invented for these tests. natasha loads once per module.
"""

from __future__ import annotations

import pytest

import russian_support
from russian_support import by_cue

analyze = russian_support.analyze  # the shared fixture, natasha loaded once per module


# -- verbs of demand, advice, report and count -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "name", "content"),
    [
        (
            "Мэр Новосибирска Игорь Кольцов потребовал от подрядчиков закончить ремонт моста к понедельнику.",
            "потребовал",
            "Игорь Кольцов",
            "закончить ремонт моста к понедельнику",
        ),
        (
            "Депутат Марина Осипова предложила снизить налог для фермеров вдвое.",
            "предложила",
            "Марина Осипова",
            "снизить налог для фермеров вдвое",
        ),
        (
            "Врач Ирина Белякова посоветовала пожилым людям не выходить на улицу в жару.",
            "посоветовала",
            "Ирина Белякова",
            "не выходить на улицу в жару",
        ),
        (
            "Министр Павел Гусев доложил, что все школы региона готовы к учебному году.",
            "доложил",
            "Павел Гусев",
            "все школы региона готовы к учебному году",
        ),
        (
            "Аналитик Степан Крылов подсчитал, что расходы семей на продукты выросли на пятую часть.",
            "подсчитал",
            "Степан Крылов",
            "расходы семей на продукты выросли на пятую часть",
        ),
    ],
)
def test_verbs_of_demand_advice_and_count_report(analyze, text, cue, name, content):
    att, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and speaker.name == name
    assert content in att.content[0].text


# -- documents that report after their content ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "name", "kind"),
    [
        (
            "Минфин сократил выпуск облигаций до 300 млрд рублей, говорится в сообщении ведомства.",
            "говорится",
            "Минфин",
            "indirect",
        ),
        ("«Спрос на кредиты остается высоким», — отмечается в обзоре Минфина.", "отмечается", "Минфин", "direct"),
        (
            "Льгота не коснется крупных компаний, говорится в пояснительной записке Минобрнауки.",
            "говорится",
            "Минобрнауки",
            "indirect",
        ),
        ("Закон вступит в силу с 1 июля, следует из документа Минприроды.", "следует", "Минприроды", "indirect"),
    ],
)
def test_a_document_after_its_content_speaks_for_its_author(analyze, text, cue, name, kind):
    att, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and (speaker.name, speaker.type) == (name, "ORG")
    assert att.kind == kind


def test_a_ministry_keeps_its_country_and_is_no_person(analyze):
    article = analyze("В Минтрансе России считают, что тарифы вырастут. В Минцифры сообщили, что сеть расширят.")
    _, first = by_cue(article, "считают")
    _, second = by_cue(article, "сообщили")
    assert first is not None and first.name == "Минтранс России"
    assert second is not None and (second.name, second.type) == ("Минцифры", "ORG")


# -- mixed content: a quoted fragment inside a parenthetical or a naming report ---------------------------------
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("По словам Ольги Зайцевой, завод будет работать «в три смены».", "По словам"),
        ("По мнению аналитика Игоря Сомова, рынок будет «проседать» до весны.", "По мнению"),
        ('Сенатор Олег Рыбин назвал новый тариф "чрезмерно высоким".', "назвал"),
        ("Сенатор Олег Рыбин назвал новый тариф «чрезмерно высоким».", "назвал"),
    ],
)
def test_quoted_words_inside_reported_content_make_it_mixed(analyze, text, cue):
    att, _ = by_cue(analyze(text), cue)
    assert att.kind == "mixed"


def test_a_quoted_name_inside_reported_content_keeps_it_indirect(analyze):
    att, _ = by_cue(analyze("По словам Ольги Зайцевой, завод «Уралмаш» будет работать в три смены."), "По словам")
    assert att.kind == "indirect"


# -- role nouns and unnamed sources refer back ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "Глава Сбербанка Герман Греф выступил на форуме. Председатель Сбербанка также подчеркнул, что ставки "
            "снизятся.",
            "подчеркнул",
            "Герман Греф",
        ),
        (
            "Губернатор Новгородской области Андрей Никитин открыл мост. По словам градоначальника, движение "
            "запустят к весне.",
            "По словам",
            "Андрей Никитин",
        ),
        (
            "Главный врач поликлиники Ольга Кравец встретилась с жителями. По словам главврача, в поликлинике "
            "не хватает терапевтов.",
            "По словам",
            "Ольга Кравец",
        ),
        (
            "Министр обороны России Андрей Белоусов встретился с сирийским коллегой Мурхафом Аббасом. "
            "«Сотрудничество продолжится», — сказал сирийский министр.",
            "сказал",
            "Мурхаф Аббас",
        ),
    ],
)
def test_role_nouns_refer_to_the_person_of_that_post_and_country(analyze, text, cue, name):
    _, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and speaker.name == name


def test_an_unnamed_source_keeps_its_place_and_its_interlocutor_refers_back_to_it(analyze):
    article = analyze(
        "Аналитик Петр Гусев ждет роста цен.\n\n"
        "Источник “Ъ” в одной из крупных сетей рассказал, что поставщики повышают цены. «Запасов хватит на "
        "месяц», — пояснил собеседник “Ъ”."
    )
    _, told = by_cue(article, "рассказал")
    _, explained = by_cue(article, "пояснил")
    assert told is not None and told.name == "источник “Ъ” в одной из крупных сетей"
    assert explained is told


def test_an_outlet_in_straight_quotes_after_the_source_is_told(analyze):
    att, _ = by_cue(analyze('"Ставка слишком высока", - заявил сенатор "Известиям".'), "заявил")
    assert att.source is not None and att.source.text == "сенатор"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Глава ассоциации Эдуард Рябин напомнил, что урожай собран.", "Эдуард Рябин"),
        ("По мнению Сатору Кихары, рынок стабилен.", "Сатору Кихара"),
        ("Министр провел переговоры с коллегой Бадром Хасаном. Хасан сказал, что встреча была полезной.", "Бадр Хасан"),
    ],
)
def test_names_in_oblique_cases_and_foreign_names_in_the_nominative(analyze, text, name):
    article = analyze(text)
    assert name in [e.name for e in article.entities if e.type == "PERSON"]


# -- documents and institutions that refer back ---------------------------------------------------------------
def test_a_document_without_its_author_speaks_for_the_organisation_the_story_is_about(analyze):
    article = analyze(
        "Минтранс подготовил законопроект о платных дорогах. Минтранс направил его в правительство.\n\n"
        "В компании «Автодор» сообщили, что готовы к переменам.\n\n"
        "Плата будет взиматься с грузовиков, говорится в пояснительной записке."
    )
    _, speaker = by_cue(article, "говорится")
    assert speaker is not None and speaker.name == "Минтранс"


def test_the_ministry_refers_back_to_a_ministry_not_to_a_service_named_between(analyze):
    article = analyze(
        "Минтруд подготовил новые правила. Заявление можно будет подать через «Госуслуги». Мера нужна для "
        "борьбы с мошенниками, пояснили в пресс-службе министерства."
    )
    _, speaker = by_cue(article, "пояснили")
    assert speaker is not None and speaker.name == "Минтруд"


def test_the_city_head_is_the_governor_not_the_vice_governor(analyze):
    article = analyze(
        "Губернатор Самарской области Вячеслав Федорищев провел совещание. Вице-губернатор Андрей Кочергин "
        "доложил, что дороги расчищены. По словам градоначальника, подрядчиков оштрафуют."
    )
    _, speaker = by_cue(article, "По словам")
    assert speaker is not None and speaker.name == "Вячеслав Федорищев"


def test_there_refers_back_to_the_institution_that_just_spoke(analyze):
    article = analyze(
        "Тарифы вырастут с июля, сообщили журналистам в пресс-службе Минэнерго. Там уточнили, что рост не "
        "превысит инфляцию."
    )
    _, told = by_cue(article, "сообщили")
    _, added = by_cue(article, "уточнили")
    assert told is not None and told.name == "Минэнерго"
    assert added is told


# -- organisations and groups by their full names -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "name", "type_"),
    [
        (
            "Как сообщили в пресс-службе комитета по транспорту, новые автобусы выйдут на линии в мае.",
            "сообщили",
            "комитет по транспорту",
            "ORG",
        ),
        ("Британские СМИ пишут, что переговоры зашли в тупик.", "пишут", "британские СМИ", "GROUP"),
    ],
)
def test_organisations_and_groups_keep_their_full_names(analyze, text, cue, name, type_):
    att, speaker = by_cue(analyze(text), cue)
    assert speaker is not None and (speaker.name, speaker.type) == (name, type_)
    assert not att.content[0].text.startswith("по ")


def test_the_agency_refers_back_to_the_agency_named_before(analyze):
    article = analyze(
        "Как сообщает агентство Рейтер, переговоры продолжатся. Стороны, по данным агентства, обменялись "
        "проектами документов."
    )
    _, speaker = by_cue(article, "по данным")
    assert speaker is not None and speaker.name == "Рейтер"


# -- smaller shapes: promises, estimates, relays, quoted terms, a woman's verb --------------------------------
def test_a_promise_with_an_infinitive_after_there(analyze):
    article = analyze(
        "В департаменте транспорта Казани «Ведомостям» ответили, что трамваи пустят в мае. Там также пообещали "
        "закупить новые вагоны до конца года."
    )
    att, speaker = by_cue(article, "пообещали")
    assert att.content[0].text == "закупить новые вагоны до конца года"
    assert speaker is not None and speaker.name == "департамент транспорта Казани"


def test_an_estimate_puts_its_object_at_a_figure(analyze):
    att, speaker = by_cue(analyze("Аналитик Ольга Ремизова оценивает дефицит бюджета в 2 трлн рублей."), "оценивает")
    assert att.content[0].text == "дефицит бюджета в 2 трлн рублей"
    assert speaker is not None and speaker.name == "Ольга Ремизова"


def test_an_outlet_relaying_a_source_gives_way_to_the_source(analyze):
    att, speaker = by_cue(
        analyze("Цены на топливо вырастут к лету, сообщает «Интерфакс» со ссылкой на источник в правительстве."),
        "сообщает",
    )
    assert speaker is not None and speaker.name == "источник в правительстве"
    assert att.content[0].text == "Цены на топливо вырастут к лету"


def test_a_quoted_term_keeps_indirect_speech_indirect(analyze):
    att, _ = by_cue(
        analyze("Переход на «единый тариф» обойдется бюджету в миллиард рублей, сообщил министр Петр Лавренов."),
        "сообщил",
    )
    assert att.kind == "indirect"


def test_a_feminine_verb_makes_a_masculine_looking_name_a_woman(analyze):
    article = analyze(
        "Президент Ирана Масуд Пезешкиан выступил на саммите. «Мы открыты к диалогу», — заявила официальный "
        "представитель МИД КНР Мао Нин. Она также сообщила, что визит готовится."
    )
    _, speaker = by_cue(article, "сообщила")
    assert speaker is not None and speaker.name == "Мао Нин"
