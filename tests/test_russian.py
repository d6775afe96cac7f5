"""The Russian pipeline: attribution patterns, speakers, transliteration, and translation alignment.

Every sentence here is written for these tests (none comes from the example article). natasha loads once per
module; the example acceptance tests skip when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from saywho.crosslingual import alignment_evidence, same_entity, translation_alignment
from saywho.document import Article, ArticleMeta, Attribution, Entity, Span
from saywho.speakers.translit import (
    cyrillic_forms,
    latin_variants,
    latin_word_variants,
    looks_japanese,
    same_person_name,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
RU_TEXT = SHARED / "examples" / "izvestia-island-task.ru.txt"
RU_GOLD = SHARED / "gold" / "izvestia-island-task.ru.gold.json"
EN_TEXT = SHARED / "seeds" / "izvestia-island-task.txt"


@pytest.fixture(scope="module")
def ru_pipeline():
    from saywho.pipeline_ru import RussianPipeline

    return RussianPipeline()


@pytest.fixture(scope="module")
def analyze(ru_pipeline):
    def run(text: str) -> Article:
        article = ru_pipeline.analyze_article(Article(text=text, meta=ArticleMeta(language="ru")))
        article.validate()
        return article

    return run


def only(article: Article) -> tuple[Attribution, Entity | None]:
    assert len(article.attributions) == 1, [
        (a.cue and a.cue.text, [c.text for c in a.content]) for a in article.attributions
    ]
    att = article.attributions[0]
    return att, article.speaker_of(att)


# -- attribution patterns ---------------------------------------------------------------------------------
PATTERNS = [
    # (text, source, cue, content fragments, kind, speaker name)
    (
        "Переговоры с соседями продвигаются медленно, заявил журналистам министр финансов Германии Клаус Мюллер.",
        "министр финансов Германии Клаус Мюллер",
        "заявил",
        ["Переговоры с соседями продвигаются медленно"],
        "indirect",
        "Клаус Мюллер",
    ),
    (
        "Цены на уголь вырастут к зиме, сообщила «Коммерсанту» председатель совета директоров Елена Гаврилова.",
        "председатель совета директоров Елена Гаврилова",
        "сообщила",
        ["Цены на уголь вырастут к зиме"],
        "indirect",
        "Елена Гаврилова",
    ),
    (
        "Министр энергетики Анна Смирнова сообщила, что цены на газ снизятся к весне.",
        "Министр энергетики Анна Смирнова",
        "сообщила",
        ["цены на газ снизятся к весне"],
        "indirect",
        "Анна Смирнова",
    ),
    (
        "Глава комитета Борис Лебедев уточнил: поправки внесут до конца месяца.",
        "Глава комитета Борис Лебедев",
        "уточнил",
        ["поправки внесут до конца месяца"],
        "indirect",
        "Борис Лебедев",
    ),
    (
        "«Ситуация под контролем», — отметил представитель компании Игорь Белов.",
        "представитель компании Игорь Белов",
        "отметил",
        ["Ситуация под контролем"],
        "direct",
        "Игорь Белов",
    ),
    (
        "— Мы не видим оснований для паники, — сказала Анна Смирнова. — Запасов хватит до лета.",
        "Анна Смирнова",
        "сказала",
        ["Мы не видим оснований для паники", "Запасов хватит до лета"],
        "direct",
        "Анна Смирнова",
    ),
    (
        "Посол Пётр Орлов заявил: «Мы откроем консульство в следующем году».",
        "Посол Пётр Орлов",
        "заявил",
        ["Мы откроем консульство в следующем году"],
        "direct",
        "Пётр Орлов",
    ),
    (
        "„Решение уже принято“, — подчеркнул сенатор Виктор Зуев.",
        "сенатор Виктор Зуев",
        "подчеркнул",
        ["Решение уже принято"],
        "direct",
        "Виктор Зуев",
    ),
    (
        "Мы справимся с этой задачей, — заявил губернатор Николай Фомин.",
        "губернатор Николай Фомин",
        "заявил",
        ["Мы справимся с этой задачей"],
        "direct",
        "Николай Фомин",
    ),
    (
        "По словам Игоря Белова, поставки возобновятся в понедельник.",
        "Игоря Белова",
        "По словам",
        ["поставки возобновятся в понедельник"],
        "indirect",
        "Игорь Белов",
    ),
    (
        "Как отметил губернатор области Павел Орлов, дороги расчистят за сутки.",
        "губернатор области Павел Орлов",
        "отметил",
        ["дороги расчистят за сутки"],
        "indirect",
        "Павел Орлов",
    ),
    (
        "Дороги расчистят за сутки, как пояснил мэр Денис Гусев.",
        "мэр Денис Гусев",
        "пояснил",
        ["Дороги расчистят за сутки"],
        "indirect",
        "Денис Гусев",
    ),
    (
        "По мнению аналитиков, рост цен замедлится.",
        "аналитиков",
        "По мнению",
        ["рост цен замедлится"],
        "indirect",
        "аналитики",
    ),
    (
        "По данным Росстата, безработица выросла до 3%.",
        "Росстата",
        "По данным",
        ["безработица выросла до 3%"],
        "indirect",
        "Росстат",
    ),
    (
        "В Кремле заявили, что встреча лидеров состоится осенью.",
        "Кремле",
        "заявили",
        ["встреча лидеров состоится осенью"],
        "indirect",
        "Кремль",
    ),
    (
        "В Пекине указывают на отсутствие прогресса в торговых переговорах.",
        "Пекине",
        "указывают",
        ["на отсутствие прогресса в торговых переговорах"],
        "indirect",
        "Китай",
    ),
    (
        "Экономисты уверены, что спрос восстановится к лету.",
        "Экономисты",
        "уверены",
        ["спрос восстановится к лету"],
        "indirect",
        "экономисты",
    ),
    (
        "Инфляция останется высокой, считают опрошенные банком эксперты.",
        "опрошенные банком эксперты",
        "считают",
        ["Инфляция останется высокой"],
        "indirect",
        "опрошенные банком эксперты",
    ),
    (
        "Сергей Петров назвал решение суда серьезной ошибкой.",
        "Сергей Петров",
        "назвал",
        ["решение суда серьезной ошибкой"],
        "indirect",
        "Сергей Петров",
    ),
    (
        "Прогресс возможен только после выборов, обращает внимание профессор МГУ Вера Соколова.",
        "профессор МГУ Вера Соколова",
        "обращает внимание",
        ["Прогресс возможен только после выборов"],
        "indirect",
        "Вера Соколова",
    ),
    (
        "Аналитик Мария Волкова полагает, что рынок стабилизируется.",
        "Аналитик Мария Волкова",
        "полагает",
        ["рынок стабилизируется"],
        "indirect",
        "Мария Волкова",
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind", "speaker"), PATTERNS)
def test_attribution_patterns(analyze, text, source, cue, content, kind, speaker):
    att, entity = only(analyze(text))
    assert att.source is not None and att.source.text == source
    assert att.cue is not None and att.cue.text == cue
    assert [c.text for c in att.content] == content
    assert att.kind == kind
    assert entity is not None and entity.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Отвечая на вопрос, министр признала, что реформа затянулась.",
        "Министр, отвечая на вопрос, признала, что реформа затянулась.",
        "Министр признавала, что реформа затянулась.",
        "Министр признает, что реформа затянулась.",
        "Министры признали, что реформа затянулась.",
    ],
)
def test_reporting_verb_in_any_tense_aspect_gender_and_number(analyze, text):
    att, _ = only(analyze(text))
    assert att.content[0].text == "реформа затянулась"
    assert att.source is not None and att.source.text.lower().startswith("министр")


def test_addressee_is_not_the_source(analyze):
    att, entity = only(analyze("Сроки не изменятся, рассказал «Ведомостям» вице-премьер Олег Титов."))
    assert att.source is not None and "Ведомост" not in att.source.text
    assert entity is not None and entity.name == "Олег Титов"


def test_coordinated_reporting_verbs_split_the_content(analyze):
    article = analyze("Иван Кузнецов признал, что проект отстает от графика, и добавил, что сроки сдвинут.")
    assert [(a.cue.text, a.content[0].text) for a in article.attributions if a.cue] == [
        ("признал", "проект отстает от графика"),
        ("добавил", "сроки сдвинут"),
    ]


def test_gerund_takes_the_subject_of_its_clause(analyze):
    att, entity = only(
        analyze("Директор завода Алексей Жуков выступил перед рабочими, пообещав, что зарплату поднимут.")
    )
    assert att.cue is not None and att.cue.text == "пообещав"
    assert entity is not None and entity.name == "Алексей Жуков"


def test_post_posed_opinion_covers_the_paragraph_before_it(analyze):
    text = "Рынок жилья перегрет. Цены скоро пойдут вниз, считает экономист Лариса Мельникова."
    att, _ = only(analyze(text))
    assert att.content[0].text == "Рынок жилья перегрет. Цены скоро пойдут вниз"


NOT_ATTRIBUTIONS = [
    "Москва и Токио подписали соглашение о безвизовых поездках в 1991 году.",
    "Правительство утвердило бюджет, который предусматривает рост расходов на оборону.",
    "Как известно, переговоры начались еще в прошлом году.",
    "Министр прибыл в Пекин, где проведет переговоры с коллегой.",
    "Нельзя сказать, что ситуация улучшилась.",
    "Он хорошо знал, что проект рискованный.",
    "Президент подтвердил свое участие в саммите.",
    "Журналисты спросили министра о ценах, но он отказался отвечать.",
    "Это заявление вызвало бурную реакцию в соцсетях.",
    "После заседания депутаты разошлись, не приняв решения.",
    "«Северный поток» остается важным проектом для обеих стран.",
    "Считается, что первая встреча прошла успешно.",
    "Число туристов выросло на 12,5% по сравнению с прошлым годом.",
    "Как и ожидалось, ставка осталась без изменений.",
    "Заявления министра — не более чем повторение прежней позиции.",
    "Первым о спорном вопросе высказался глава делегации.",
    "Острова так в стране называют северными территориями.",
    "Компания подтвердила прогноз и выплатила дивиденды.",
]


def test_sentences_without_attribution_produce_none(analyze):
    article = analyze("\n".join(NOT_ATTRIBUTIONS))
    assert article.attributions == [], [(a.cue and a.cue.text, a.content[0].text) for a in article.attributions]


def test_reporting_verbs_inside_quotations_are_not_attributions(analyze):
    article = analyze("«Мы говорили, что готовы к переговорам», — сказал посол Игорь Морозов.")
    assert len(article.attributions) == 1
    assert article.attributions[0].cue.text == "сказал"


# -- speakers -------------------------------------------------------------------------------------------
def test_names_are_nominative_and_carry_latin_aliases(analyze):
    article = analyze(
        "Встреча с Дмитрием Кравцовым и Ольгой Петровой прошла в Минске.\n"
        "По мнению Владимира Лужина, переговоры прошли успешно."
    )
    names = {e.name for e in article.entities}
    assert {"Дмитрий Кравцов", "Ольга Петрова", "Владимир Лужин"} <= names
    kravtsov = next(e for e in article.entities if e.name == "Дмитрий Кравцов")
    assert "Dmitry Kravtsov" in kravtsov.aliases and "Kravtsov" in kravtsov.aliases
    assert "Кравцов" in kravtsov.aliases


def test_roles_from_long_russian_prefixes(analyze):
    article = analyze(
        "Заместитель министра иностранных дел России Павел Седов заявил, что визит состоится.\n"
        "Старший научный сотрудник Института востоковедения РАН Инна Крылова считает, что это важно.\n"
        "Замглавы МИД РФ Павел Седов уточнил, что даты согласуют позже."
    )
    sedov = next(e for e in article.entities if e.name == "Павел Седов")
    roles = [r.to_json() for r in sedov.roles]
    assert {"title": "заместитель министра иностранных дел", "organization": "МИД", "country": "Россия"} in roles
    assert any(r["title"] == "замглавы" and r["organization"] == "МИД" and r["country"] == "Россия" for r in roles)
    krylova = next(e for e in article.entities if e.name == "Инна Крылова")
    assert krylova.roles[0].title == "старший научный сотрудник"
    assert krylova.roles[0].organization == "Институт востоковедения РАН"
    assert krylova.roles[0].country == "Россия"


def test_pronouns_and_role_nouns_resolve_to_people(analyze):
    article = analyze(
        "Заместитель министра иностранных дел Геннадий Власов прибыл в Сеул.\n"
        "Дипломат сообщил, что переговоры продлятся два дня.\n"
        "Вице-премьер Марина Котова выступила на форуме. Она уточнила, что бюджет будет пересмотрен.\n"
        "Накануне Кирилл Зайцев встретился с губернатором. Российский президент отметил, что доволен итогами."
    )
    speakers = {a.source.text: article.speaker_of(a).name for a in article.attributions}
    assert speakers["Дипломат"] == "Геннадий Власов"
    assert speakers["Она"] == "Марина Котова"
    assert speakers["Российский президент"] == "Кирилл Зайцев"
    zaitsev = next(e for e in article.entities if e.name == "Кирилл Зайцев")
    assert "российский президент" in zaitsev.aliases


def test_capitals_speak_for_their_states(analyze):
    att, entity = only(analyze("В Вашингтоне неоднократно подчеркивали, что санкции останутся в силе."))
    assert entity is not None and entity.type == "GPE" and entity.name == "США"
    assert "United States" in entity.aliases and "Вашингтон" in entity.aliases


def test_japanese_surname_alone_joins_its_full_name(analyze):
    article = analyze(
        "Премьер-министр Фумио Кисида прибыл в Ханой.\nНагоя остается промышленным центром, заявил Кисида журналистам."
    )
    att = article.attributions[0]
    entity = article.speaker_of(att)
    assert entity is not None and entity.name == "Фумио Кисида"
    assert "Fumio Kishida" in entity.aliases


# -- transliteration --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cyrillic", "first", "also"),
    [
        ("Андрей Седов", "Andrei Sedov", ["Andrey Sedov"]),
        ("Дмитрий Лосев", "Dmitry Losev", ["Dmitri Losev", "Dmitriy Losev"]),
        ("Ольга Малиновская", "Olga Malinovskaya", []),
        ("Юрий Зелинский", "Yuri Zelinsky", ["Yury Zelinsky", "Yuri Zelinskiy"]),
        ("Евгений Хохлов", "Yevgeny Khokhlov", ["Evgeny Khokhlov"]),
        ("Наталья Щукина", "Natalya Shchukina", ["Natalia Shchukina"]),
        ("Алексей Жуков", "Alexei Zhukov", ["Aleksei Zhukov", "Alexey Zhukov"]),
        ("Мария Цветаева", "Maria Tsvetayeva", ["Maria Tsvetaeva", "Mariya Tsvetayeva"]),
        ("Фумио Кисида", "Fumio Kishida", ["Fumio Kisida"]),
        ("Ёсихидэ Суга", "Yoshihide Suga", []),
        ("Сигэру Исиба", "Shigeru Ishiba", []),
        ("Дзюнъитиро Коидзуми", "Junichiro Koizumi", []),
        ("Кэйдзо Обути", "Keizo Obuchi", []),
        ("Харуки Мураками", "Haruki Murakami", []),
    ],
)
def test_latin_variants(cyrillic, first, also):
    variants = latin_variants(cyrillic)
    assert variants[0] == first
    assert set(also) <= set(variants)


def test_japanese_names_written_two_ways_map_to_one_latin_form():
    assert latin_word_variants("Обути")[0] == latin_word_variants("Обучи")[0] == "Obuchi"
    assert "Kishida" in latin_word_variants("Кисида")
    assert looks_japanese("Коидзуми") and not looks_japanese("Путин") and not looks_japanese("Никитина")


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Sergei Lavrov", "Сергей Лавров"),
        ("Vladimir Zelensky", "Владимир Зеленский"),
        ("Maria Zakharova", "Мария Захарова"),
        ("Yevgeny Primakov", "Евгений Примаков"),
        ("Olga Malinovskaya", "Ольга Малиновская"),
        ("Shigeru Ishiba", "Сигэру Исиба"),
        ("Keizo Obuchi", "Кэйдзо Обути"),
    ],
)
def test_cyrillic_forms(latin, cyrillic):
    assert cyrillic in cyrillic_forms(latin)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Андрей Седов", "Andrei Sedov", True),
        ("Андрей Седов", "Andrey Sedov", True),
        ("Седов", "Andrei Sedov", True),
        ("Юрий Зелинский", "Yury Zelinskiy", True),
        ("Кэйдзо Обути", "Keizo Obuchi", True),
        ("Обучи", "Obuchi", True),
        ("Фумио Кисида", "Kishida Fumio", True),
        ("Андрей Седов", "Dmitry Sedov", False),
        ("Андрей Седов", "Andrei Sidorov", False),
        ("Путин", "Putilin", False),
    ],
)
def test_same_person_name_across_scripts(a, b, same):
    assert same_person_name(a, b) is same


# -- translation alignment --------------------------------------------------------------------------------
def _article(text: str, speakers: list[tuple[str, str, str]], turns: list[str], language: str) -> Article:
    """An analysed article made by hand: entities (id, name, type) and the speaker of each statement."""
    entities = [Entity(id=i, name=n, type=t) for i, n, t in speakers]
    atts = [Attribution(id=f"a{k}", content=[Span(k, k + 1, text[k])], speaker=s) for k, s in enumerate(turns)]
    return Article(text=text, meta=ArticleMeta(language=language), attributions=atts, entities=entities)


def test_translation_alignment_rewards_same_speakers_numbers_and_order():
    ru = _article(
        "Рост составил 4,2% в 2024 году, заявил Седов. Кисида сказал, что к 2030 году торговля удвоится.",
        [("e1", "Андрей Седов", "PERSON"), ("e2", "Фумио Кисида", "PERSON"), ("e3", "Россия", "GPE")],
        ["e1", "e2", "e3"],
        "ru",
    )
    ru.entities[2].aliases = ["Russia", "Москва"]
    en = _article(
        "Growth was 4.2% in 2024, Sedov said. Kishida said trade would double by 2030.",
        [("x1", "Andrei Sedov", "PERSON"), ("x2", "Fumio Kishida", "PERSON"), ("x3", "Russia", "GPE")],
        ["x1", "x2", "x3"],
        "en",
    )
    shuffled = _article(en.text, [(e.id, e.name, e.type) for e in en.entities], ["x3", "x2", "x1"], "en")
    unrelated = _article("Sales fell 7% in March, the company said.", [("y1", "Maria Lopez", "PERSON")], ["y1"], "en")
    assert translation_alignment(ru, en) == 1.0
    assert alignment_evidence(ru, shuffled)["order"] < 1.0
    assert translation_alignment(ru, shuffled) < translation_alignment(ru, en)
    assert translation_alignment(ru, unrelated) < 0.2
    assert same_entity(ru.entities[2], en.entities[2])


# -- the example article --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example_ru(ru_pipeline):
    if not RU_TEXT.is_file():
        pytest.skip(f"shared example not present: {RU_TEXT}")
    from saywho.readers import read_path

    return ru_pipeline.analyze_article(read_path(RU_TEXT))


def _seedscore(gold: Path, text: Path, pred: dict) -> dict:
    spec = importlib.util.spec_from_file_location("seedscore", SHARED / "tools" / "seedscore.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pred_path = Path(pytest.importorskip("tempfile").mkdtemp()) / "pred.json"
    pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    with redirect_stdout(io.StringIO()):
        return module.main(str(gold), str(text), str(pred_path))


def test_example_article_scores(example_ru):
    assert example_ru.meta.language == "ru" and example_ru.meta.translated_from is None
    result = _seedscore(RU_GOLD, RU_TEXT, example_ru.to_json())
    assert result["quote_f1"] >= 0.95, result["problems"]
    assert result["speaker_ok"] == result["required"] == 21, result["problems"]


def test_example_and_its_english_translation_align(example_ru):
    if not EN_TEXT.is_file():
        pytest.skip(f"shared seed not present: {EN_TEXT}")
    from saywho.pipeline import Pipeline
    from saywho.readers import read_path

    english = Pipeline().analyze_article(read_path(EN_TEXT))
    assert translation_alignment(example_ru, english) >= 0.8
    unrelated = Article(text="Sales fell 7% in March.", meta=ArticleMeta(language="en"))
    assert translation_alignment(example_ru, unrelated) < 0.2
