"""Provenance rules: language, translation credits, breadcrumbs and title, publisher."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import saywho.readers
from saywho.readers import content_start, credit_line_span, detect_provenance
from saywho.readers.language import detect_language

DATA = Path(__file__).parent / "data"
ISLAND = (DATA / "izvestia-island-task.txt").read_bytes().decode("utf-8")
RUSSIAN_EXAMPLE = Path(__file__).parents[2] / "shared" / "examples" / "izvestia-island-task.ru.txt"

ENGLISH_BODY = (
    "Moscow is ready to resume talks with Tokyo on a peace treaty, the deputy minister said on Friday.\n"
    "He added that the two sides would meet in May and that the agenda had not been agreed yet.\n"
)
RUSSIAN_BODY = (
    "Москва готова возобновить переговоры с Токио о мирном договоре, заявил в пятницу замминистра.\n"
    "Он добавил, что стороны встретятся в мае и что повестка еще не согласована.\n"
)


# --- the founding article ----------------------------------------------------------------------------------


def test_izvestia_provenance() -> None:
    meta = detect_provenance(ISLAND)
    assert meta.language == "en"
    assert meta.translated_from == "ru"
    assert meta.translator == "Yandex Translator"
    assert meta.section == "World"
    assert meta.title == (
        "Island task: Russia is ready for a dialogue on a peace treaty with the new Japanese authorities"
    )
    assert meta.publisher == "Izvestia"


def test_izvestia_body_start_and_credit_span() -> None:
    start = content_start(ISLAND)
    assert ISLAND[start:].startswith("Moscow is ready for dialogue")
    span = credit_line_span(ISLAND)
    assert span is not None
    assert ISLAND[span[0] : span[1]] == "Переведено сервисом «Яндекс Переводчик»"


@pytest.mark.skipif(not RUSSIAN_EXAMPLE.exists(), reason="needs ../shared/examples")
def test_russian_rendering_of_the_article() -> None:
    meta = detect_provenance(RUSSIAN_EXAMPLE.read_text(encoding="utf-8"))
    assert (meta.language, meta.section, meta.publisher) == ("ru", "Мир", "Известия")
    assert meta.translated_from is None and meta.translator is None


def test_no_outlet_name_is_built_into_the_readers() -> None:
    source = " ".join(p.read_text(encoding="utf-8") for p in Path(saywho.readers.__file__).parent.glob("*.py"))
    assert not re.search(r"izvesti|известия|известиям|известий", source, re.IGNORECASE)


# --- language ----------------------------------------------------------------------------------------------


def test_russian_text_is_ru() -> None:
    assert detect_provenance("Переговоры возобновятся\n" + RUSSIAN_BODY).language == "ru"


def test_english_with_russian_breadcrumbs_and_credit_is_en() -> None:
    text = "- Статьи\n- Мир\n" + ENGLISH_BODY + "Переведено сервисом «Яндекс Переводчик»\n"
    assert detect_provenance(text).language == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Minister sagte, dass die Regierung nicht bereit ist, über die Inseln zu verhandeln.", "de"),
        ("Le ministre a dit que le gouvernement est prêt pour des négociations sur les îles.", "fr"),
        ("El ministro dijo que el gobierno está listo para negociar sobre las islas.", "es"),
        ("Il ministro ha detto che il governo è pronto a negoziare sulle isole.", "it"),
        ("Міністр заявив, що уряд готовий до діалогу з Японією щодо мирного договору.", "uk"),
        ("外務大臣は、平和条約について話し合う用意があると述べた。", "ja"),
        ("外交部长表示，莫斯科准备与日本新政府就和平条约进行对话。", "zh"),
        ("Island task", None),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


# --- translation credits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit", "translator", "translated_from"),
    [
        ("Translated by Google Translate", "Google Translate", None),
        ("Translated from Russian with DeepL", "DeepL", "ru"),
        ("Переведено сервисом «Яндекс Переводчик»", "Yandex Translator", "ru"),
        ("Яндекс.Переводчик", "Yandex Translator", "ru"),
        ("Google Переводчик", "Google Translate", "ru"),
        ("Übersetzt mit DeepL (www.DeepL.com/Translator)", "DeepL", "de"),
        ("Traduit de l'anglais par Microsoft Translator", "Microsoft Translator", "en"),
        ("Machine translation: Bing Translator", "Microsoft Translator", None),
        ("Переведено с помощью ПРОМТ", "PROMT", "ru"),
        ("Translated with Papago", "Papago", None),
    ],
)
def test_credit_lines_under_an_english_body(credit: str, translator: str, translated_from: str | None) -> None:
    text = "Talks to resume in May\n" + ENGLISH_BODY + "\n" + credit + "\n"
    meta = detect_provenance(text)
    assert (meta.language, meta.translator, meta.translated_from) == ("en", translator, translated_from)
    span = credit_line_span(text)
    assert span is not None and text[span[0] : span[1]] == credit


def test_credit_in_the_body_language_names_no_source() -> None:
    meta = detect_provenance(RUSSIAN_BODY + "Переведено сервисом «Яндекс Переводчик»")
    assert (meta.language, meta.translator, meta.translated_from) == ("ru", "Yandex Translator", None)


def test_credit_on_the_first_line() -> None:
    text = "Translated from Russian by Google Translate\nTalks to resume in May\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.translator, meta.translated_from, meta.title) == (
        "Google Translate",
        "ru",
        "Talks to resume in May",
    )
    assert content_start(text) == text.index("Talks to resume")


def test_human_translation_credit() -> None:
    meta = detect_provenance(ENGLISH_BODY + "Translated from the Russian by Jane Doe\n")
    assert (meta.translator, meta.translated_from) == (None, "ru")


def test_no_credit_line() -> None:
    text = "Talks to resume in May\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.translator, meta.translated_from) == (None, None)
    assert credit_line_span(text) is None


def test_a_sentence_about_a_service_is_not_a_credit() -> None:
    meta = detect_provenance(ENGLISH_BODY + "Google Translate is used by millions of people every day.\n")
    assert meta.translator is None


# --- breadcrumbs and title -------------------------------------------------------------------------------


def test_bullet_breadcrumbs_with_repeated_title() -> None:
    text = "• Home\n• Politics\n• Talks to resume in May\nTalks to resume in May\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.section, meta.title) == ("Politics", "Talks to resume in May")
    assert content_start(text) == text.index("Moscow")


def test_path_breadcrumb_line() -> None:
    text = "Home > World > Asia\nTalks to resume in May\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.section, meta.title) == ("Asia", "Talks to resume in May")
    # A headline that is not a repeat stays in the body: it may carry an attribution of its own.
    assert content_start(text) == text.index("Talks")


def test_only_generic_crumbs_give_no_section() -> None:
    text = "- Главная\n- Новости\n- Переговоры возобновятся\nПереговоры возобновятся\n" + RUSSIAN_BODY
    meta = detect_provenance(text)
    assert (meta.section, meta.title) == (None, "Переговоры возобновятся")


def test_headline_without_breadcrumbs() -> None:
    meta = detect_provenance("Peskov: talks could resume in May\n" + ENGLISH_BODY)
    assert (meta.title, meta.section) == ("Peskov: talks could resume in May", None)


def test_bulleted_summary_is_not_breadcrumbs() -> None:
    text = "- Russia is ready for talks\n- Japan wants the islands back\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.section, meta.title) == (None, None)
    assert content_start(text) == 0


def test_body_starting_with_a_sentence_has_no_title() -> None:
    assert detect_provenance(ENGLISH_BODY).title is None


# --- publisher -------------------------------------------------------------------------------------------


def test_publisher_from_self_references() -> None:
    text = (
        "Moscow is ready for talks, the deputy minister told the Northern Ledger. "
        "The Northern Ledger has learned that the next round will be held in May.\n"
    )
    assert detect_provenance(text).publisher == "Northern Ledger"


def test_publisher_needs_repeated_evidence() -> None:
    assert detect_provenance("Moscow is ready for talks, the minister told Ledger.\n").publisher is None


def test_person_addressee_is_not_a_publisher() -> None:
    text = (
        "The minister told John Smith that talks would resume. "
        "John Smith has learned that the agenda is open. "
        "Sources told Smith more. Smith said the talks were useful.\n"
    )
    assert detect_provenance(text).publisher is None


def test_russian_publisher_in_its_nominative_form() -> None:
    text = (
        "Москва готова к переговорам, рассказал «Вестнику» замминистра. "
        "Как стало известно «Вестнику», встреча пройдет в мае. Источники «Вестника» это подтвердили.\n"
    )
    assert detect_provenance(text).publisher == "Вестник"
