"""Provenance rules: language, translation credits, breadcrumbs and title, publisher."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import saywho.readers
from saywho.readers import content_start, credit_line_span, detect_provenance, read_text
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
        # The service's English name as printed: Yandex's product is called both ways.
        ("Translated by Yandex Translate", "Yandex Translate", None),
        ("Translated by Yandex.Translate", "Yandex.Translate", None),
        ("Translated with Google Translator", "Google Translator", None),
        ("Переведено с помощью ПРОМТ", "PROMT", "ru"),
        ("Translated with Papago", "Papago", None),
        ("Machine translation from Slovenian: eTranslation", "eTranslation", "sl"),
        ("Translated from Bangla by Google Translate", "Google Translate", "bn"),
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


# --- mastheads and head lines ----------------------------------------------------------------------------

TITLE = "Talks stall in Geneva\n"
RU_TITLE = "Переговоры зашли в тупик\n"


def test_issue_masthead_names_the_publisher() -> None:
    text = TITLE + "Ledger newspaper No. 12 dated 03.04.2025, p. 2\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.publisher, meta.published) == ("Ledger", "2025-04-03")
    assert content_start(text) == text.index("Moscow")


def test_russian_masthead_beats_the_nickname_used_in_the_copy() -> None:
    text = (
        RU_TITLE + "Газета «Вестникъ» №7 от 19.11.2025, стр. 3\n"
        "Москва готова к переговорам, выяснил «В». Об этом рассказал «В» собеседник в правительстве.\n"
    )
    assert detect_provenance(text).publisher == "Вестникъ"


def test_site_section_date_line() -> None:
    text = TITLE + "Ledger.Ru | Politics | 23.09.2025, 10:47\nAnna Petrova\n" + ENGLISH_BODY
    meta = detect_provenance(text)
    assert (meta.publisher, meta.section, meta.title) == ("Ledger.Ru", "Politics", "Talks stall in Geneva")
    # The byline is not prose: the body starts at the first paragraph.
    assert content_start(text) == text.index("Moscow")


def test_byline_in_a_pipe_line_is_not_a_publisher() -> None:
    text = TITLE + "John Smith | Politics | 23.09.2025\n" + ENGLISH_BODY
    assert detect_provenance(text).publisher is None


def test_section_printed_before_the_date() -> None:
    text = TITLE + "Sport, 05 Dec 2025, 18:32\n" + ENGLISH_BODY
    assert detect_provenance(text).section == "Sport"
    assert content_start(text) == text.index("Moscow")


def test_rubric_line_between_title_and_body() -> None:
    text = RU_TITLE + "Экономика\n14 ноября 2025, 12:40\n" + RUSSIAN_BODY
    meta = detect_provenance(text)
    assert (meta.section, meta.title) == ("Экономика", "Переговоры зашли в тупик")
    assert content_start(text) == text.index("Москва")


def test_byline_is_not_a_section() -> None:
    text = RU_TITLE + "Ольга Петрова\n14 ноября 2025\n" + RUSSIAN_BODY
    assert detect_provenance(text).section is None
    assert content_start(text) == text.index("Москва")


def test_subtitle_without_head_lines_stays_in_the_body() -> None:
    # Nothing marks the second line as the site's: it may be a one-line lead, so nothing is skipped.
    text = TITLE + "Negotiators failed to agree on a date for the next round\n" + ENGLISH_BODY
    assert content_start(text) == 0


def test_subtitle_masthead_and_byline_are_skipped() -> None:
    text = (
        RU_TITLE + "Стороны не договорились о дате новой встречи\n"
        "Газета «Вестникъ» №7 от 19.11.2025, стр. 3\nБизнес\nОльга Петрова\n" + RUSSIAN_BODY
    )
    meta = detect_provenance(text)
    assert (meta.section, meta.publisher) == ("Бизнес", "Вестникъ")
    assert content_start(text) == text.index("Москва")


def test_headline_that_is_all_quotation_in_breadcrumbs() -> None:
    title = "«Школа станет другой, но учитель останется»"
    text = f"- Статьи\n- Общество\n- {title}\n{title}\nРектор — о школе и кадрах\n3 декабря 2025, 00:01\n"
    text += RUSSIAN_BODY
    meta = detect_provenance(text)
    assert (meta.title, meta.section) == (title, "Общество")
    assert content_start(text) == text.index("Москва")


def test_footer_names_the_original_outlet() -> None:
    text = ENGLISH_BODY + "This article was translated by a machine. The original article is from LTV.\n"
    assert detect_provenance(text).publisher == "LTV"


def test_copyright_footer_names_the_agency() -> None:
    text = ENGLISH_BODY + "(c) LNA Agency 2025. All rights reserved.\n"
    assert detect_provenance(text).publisher == "LNA"


def test_short_form_counts_for_the_full_name() -> None:
    text = (
        "The DAILY LEDGER article drew replies. The minister told LEDGER that talks would resume. "
        "His deputy told LEDGER the same.\n"
    )
    assert detect_provenance(text).publisher == "DAILY LEDGER"


def test_name_after_by_is_not_the_speaker() -> None:
    text = (
        "Experts consulted by LNA explained that the talks had stalled. "
        "In an interview with LNA, the minister disagreed. He later told LNA more.\n"
    )
    assert detect_provenance(text).publisher == "LNA"


def test_person_shaped_masthead_with_an_agency() -> None:
    text = (
        TITLE + "Le Courrier with AFP\n" + ENGLISH_BODY + "An adviser told Le Courrier that talks would go on.\n"
        "A diplomat questioned by Le Courrier agreed.\n"
    )
    assert detect_provenance(text).publisher == "Le Courrier"


def test_byline_with_a_colleague_is_not_a_masthead() -> None:
    assert detect_provenance(TITLE + "John Smith with Jane Doe\n" + ENGLISH_BODY).publisher is None


def test_request_sent_by_the_outlet() -> None:
    text = ENGLISH_BODY + "The minister told Ledger he was confident. Ledger sent a request to his office.\n"
    assert detect_provenance(text).publisher == "Ledger"


def test_regional_edition_line_with_an_acronym() -> None:
    text = (
        RU_TITLE + "ЛТВ Томск\n15 января 2025, 18:05\n" + RUSSIAN_BODY
        + "Жители, с которыми поговорил корреспондент ЛТВ, жалуются на холод.\n"
    )  # fmt: skip
    assert detect_provenance(text).publisher == "ЛТВ"


def test_more_addressee_forms_add_up() -> None:
    text = (
        "Ledger was told by a source that talks had stalled. The deputy minister confirmed to Ledger that "
        "the date was open, and an aide explained to Ledger why.\n"
    )
    assert detect_provenance(text).publisher == "Ledger"


# ---- the head of wire copy from more agencies (credits, datelines and site lines under the title)
_PROSE = "The first line of the metro was opened in 1977 and carries a million passengers a day, the city said.\n"


@pytest.mark.parametrize(
    ("head", "publisher", "published", "translated_from", "translator", "section"),
    [
        (
            "Society / Riga\nRiga, 13 March 2025, LETA.\nText translated with Google Translate\n\n",
            "LETA",
            "2025-03-13",
            "lv",  # the credit names no language: the story was filed from Latvia's capital
            "Google Translate",
            "Society",
        ),
        (
            "Society\n18.09.2025, 11:20\nGazeta.uz\nOriginal in Uzbek. Translated by DeepL.\n\n",
            "Gazeta.uz",
            "2025-09-18",
            "uz",
            "DeepL",
            "Society",
        ),
        (
            "Domestic\nPublished 9 October 2025 at 06.12\nTT\n"
            "This article has been machine translated from Swedish.\n\n",
            "TT",
            "2025-10-09",
            "sv",
            None,
            "Domestic",
        ),
        (
            "Politics\n2025/11/20-18:34\nJiji Press\n(Translated by DeepL from the Japanese original)\n\n",
            "Jiji Press",  # a name ending in "Press" is an outlet's, not a byline's
            "2025-11-20",
            "ja",
            "DeepL",
            "Politics",
        ),
    ],
)
def test_credits_and_sites_among_the_head_lines(head, publisher, published, translated_from, translator, section):
    text = "Three new metro stations to open\n\n" + head + _PROSE
    meta = read_text(text).meta
    assert (meta.publisher, meta.published, meta.translated_from, meta.translator, meta.section) == (
        publisher,
        published,
        translated_from,
        translator,
        section,
    )
    assert text[content_start(text) :].startswith("The first line of the metro")


def test_a_one_paragraph_text_keeps_its_body_above_an_end_credit() -> None:
    text = (
        "Grain duty\nThe minister said on Monday that the duty would be cut in May, and that the decision is final.\n"
    )
    text += "Translated from Russian by Google Translate.\n"
    from saywho.readers.provenance import body_range

    start, end = body_range(text)
    assert "The minister said on Monday" in text[start:end]  # the credit ends the body; it does not swallow it


def test_armenpress_dateline() -> None:
    text = "Sevan rises\nYEREVAN, JUNE 5, ARMENPRESS. The water level of Lake Sevan rose, the ministry said.\n"
    assert read_text(text).meta.publisher == "ARMENPRESS"


# ---- the site's name printed above the headline (and not taken for it)

_SITE_BODY = (
    "Water levels in the delta fell for the third week, the regional water authority said on Monday. "
    "Farmers have asked for an emergency fund, a spokesman for the growers' union added.\n"
)


@pytest.mark.parametrize(
    ("head", "publisher", "title", "section"),
    [
        # a name with a media word, then a rubric, then the headline
        ("Northwind Courier\nEnvironment\nRiver levels fall again in the delta\n", "Northwind Courier",
         "River levels fall again in the delta", "Environment"),
        # a site's address, a rubric and a date line with a byline
        ("41.tj\nSociety\nDushanbe, May 3, 2025, 10:12 — 41.tj, Ivan Petrov\nRiver levels fall again in the delta\n",
         "41.tj", "River levels fall again in the delta", "Society"),
        # one lowercase token, a line of rubrics, the headline and a subtitle
        ("kestrel\nNews | Science\nRiver levels fall again in the delta\nFarmers want help\n", "kestrel",
         "River levels fall again in the delta", "Science"),
        # two words named again in the byline, breadcrumbs between
        ("Diário Serrano\nHome › Pará › Belém\nRiver levels fall again in the delta\n"
         "By Ana Souza - Reporter at Diário Serrano\n", "Diário Serrano", "River levels fall again in the delta",
         "Belém"),
        # a one-line path that starts with the site: "X News" is X
        ("RTV News • Local • Economy\nRiver levels fall again in the delta\nMonday 3 March 2025, 09:10\n",
         "RTV", "River levels fall again in the delta", "Economy"),
        # an acronym right above the headline, named again in the copy
        ("KNA\nRiver levels fall again in the delta\nDomestic | Published 02.10.2025 09:05\n", "KNA",
         "River levels fall again in the delta", None),
        # under the title: a name led by an article, named again in the copy
        ("River levels fall again in the delta\nMetro\nLa Gaceta\nMérida | Monday, June 2, 2025\n"
         "By Ana Ruiz\n", "La Gaceta", "River levels fall again in the delta", None),
    ],
)  # fmt: skip
def test_the_sites_name_above_the_headline(head: str, publisher: str, title: str, section: str | None) -> None:
    text = head + "\n" + _SITE_BODY + "The ministry told kestrel, KNA and La Gaceta that the fund was ready.\n"
    meta = read_text(text).meta
    assert (meta.publisher, meta.title, meta.section) == (publisher, title, section)
    # The site's name and the rubrics are no prose: the body starts at the headline or below it.
    assert text[content_start(text) :].startswith((title, "Water levels"))


def test_a_short_headline_above_a_rubric_and_a_subtitle_is_the_title() -> None:
    # "Talks Resume" is shaped like a name, but neither a name's shape nor the copy confirms it.
    text = "Talks Resume\nPolitics\nDelegations meet in Geneva for the first time in a year\n" + _SITE_BODY
    meta = read_text(text).meta
    assert (meta.title, meta.publisher) == ("Talks Resume", None)


def test_a_title_case_headline_above_its_subtitle_is_the_title() -> None:
    text = "Kremlin Signals Patience\nMoscow will wait for an answer from Tokyo, the spokesman said\n" + _SITE_BODY
    meta = read_text(text).meta
    assert (meta.title, meta.publisher) == ("Kremlin Signals Patience", None)


def test_the_masthead_outranks_the_nickname_of_the_copy() -> None:
    # The paper calls itself «В» in its copy three times; the masthead printed above the headline names it.
    text = (
        "Вестникъ\nНовосибирск\n15.07.2025, 10:24\n\nМетро продлят до реки\n\n"
        "Власти города решили продлить линию метро, сообщил во вторник мэр. Министр уточнил «В», что денег хватит. "
        "Об этом рассказал «В» собеседник в мэрии. В компании «В» сообщили, что проект готов.\n"
    )
    meta = read_text(text).meta
    assert (meta.publisher, meta.title, meta.published) == ("Вестникъ", "Метро продлят до реки", "2025-07-15")


# ---- the source language of a credit that names only the service: the capital the story was filed from

_FILED_BODY = (
    "The government approved the new budget on Tuesday, the finance minister told reporters after the meeting. "
    "The opposition said it would challenge the plan in parliament.\n"
)


@pytest.mark.parametrize(
    ("head", "credit", "translated_from"),
    [
        ("Budget approved\nTallinn, 3 May 2025, BNA.\n\n", "Translated by Google Translate", "et"),
        ("Budget approved\n\nBUCHAREST, March 3. /RNA/. ", "Translated by Yandex Translate", "ro"),
        ("Budget approved\nEconomy\nAstana, July 2, 2025, 10:15 — KNA, Ivan Petrov\n\n", "Translated by DeepL", "ru"),
        # an explicit language wins over the place
        ("Budget approved\nTallinn, 3 May 2025, BNA.\n\n", "Translated from Latvian by DeepL", "lv"),
        # no capital, or no date after it: the place is no evidence
        ("Budget approved\nGdansk, 3 May 2025, BNA.\n\n", "Translated by Google Translate", None),
        ("Budget approved\n\nTallinn, Riga and Vilnius agreed on a plan. ", "Translated by Google Translate", None),
        # a story filed from an English-speaking capital was not translated into English from another language
        ("Budget approved\n\nLONDON, May 3 (Reuters) - ", "Translated by Google Translate", None),
        # no credit: a dateline alone does not make a translation
        ("Budget approved\nTallinn, 3 May 2025, BNA.\n\n", "", None),
    ],
)
def test_the_source_language_from_the_capital_of_filing(head: str, credit: str, translated_from: str | None) -> None:
    meta = read_text(head + _FILED_BODY + "\n" + credit + "\n").meta
    assert (meta.language, meta.translated_from) == ("en", translated_from)
