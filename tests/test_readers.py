"""Readers: files, plain text and HTML into Articles, and bad input into one-line InputErrors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from saywho.errors import InputError
from saywho.readers import DEFAULT_MAX_BYTES, iter_input_files, read_html, read_path, read_text

DATA = Path(__file__).parent / "data"
ISLAND = DATA / "izvestia-island-task.txt"

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talks to resume in May | The Northern Ledger</title>
  <meta property="og:site_name" content="The Northern Ledger">
  <meta property="article:published_time" content="2025-10-24T10:00:00+03:00">
  <link rel="canonical" href="https://ledger.example/world/talks-to-resume">
  <script>var tracker = "the minister told everyone"; function junk() { return 1; }</script>
  <style>p { color: red }</style>
</head>
<body>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav>
  <div class="cookie-banner">We use cookies. <a href="/privacy">Accept</a></div>
  <article>
    <h1>Talks to resume in May</h1>
    <p>Moscow is ready to resume talks with Tokyo on a peace treaty, the deputy foreign minister told the
    newspaper on Friday. He said the two sides would meet in May.</p>
    <p>"We are ready to discuss all the issues," he said, adding that the next round would be held
    in Moscow.</p>
  </article>
  <footer>Copyright 2024 The Northern Ledger. <a href="/contact">Contact</a></footer>
</body>
</html>
"""


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def error_of(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as caught:
        read_path(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- plain text -------------------------------------------------------------------------------------------


def test_izvestia_article_text_and_metadata() -> None:
    article = read_path(ISLAND)
    assert article.text == ISLAND.read_bytes().decode("utf-8")
    meta = article.meta
    assert meta.language == "en"
    assert meta.translated_from == "ru"
    assert meta.translator == "Yandex Translator"
    assert meta.section == "World"
    assert meta.title and meta.title.startswith("Island task")
    assert meta.publisher == "Izvestia"
    assert meta.source_path == str(ISLAND)
    assert article.attributions == [] and article.entities == []


def test_crlf_and_bom_are_kept_so_offsets_are_file_offsets(tmp_path: Path) -> None:
    raw = "\ufeffTalks to resume\r\n\r\nMoscow is ready, the minister said.\r\nТокио молчит.\r\n".encode()
    article = read_path(write(tmp_path / "crlf.txt", raw))
    assert article.text == raw.decode("utf-8")
    assert article.text.startswith("\ufeff") and "\r\n" in article.text
    assert article.meta.title == "Talks to resume"


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ('"The sanctions have failed": an interview with the ambassador', True),
        ("\u00abWe are ready\u00bb \u2014 the Kremlin on the talks", True),
        ('"We are ready to host the negotiations, and we will," the ambassador said.', False),
        ('"We are ready to host the negotiations', False),
    ],
)
def test_a_headline_may_open_with_a_quotation(first_line: str, title: bool) -> None:
    text = first_line + "\nThe ambassador spoke to reporters in Moscow on Tuesday about the talks.\n"
    assert read_text(text, source_path="x.txt").meta.title == (first_line if title else None)


def test_read_text_never_alters_the_text() -> None:
    text = "  Headline here\r\n\tHe said: \u201cunbalanced quotes are fine.\n\n"
    assert read_text(text, source_path="x.txt").text == text


def test_unbalanced_quotation_marks_are_not_an_error(tmp_path: Path) -> None:
    article = read_path(write(tmp_path / "q.txt", 'He said: "we are ready. \u00abИ ещё.\n'))
    assert article.text.endswith("ещё.\n")


@pytest.mark.parametrize("content", ["", "   \n\t\r\n", "\ufeff\n"])
def test_empty_input(tmp_path: Path, content: str) -> None:
    assert error_of(write(tmp_path / "empty.txt", content)) == "empty input"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(1, 9)) * 50,  # no NUL, but nothing like text
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    assert error_of(write(tmp_path / "image.txt", data)) == "binary file, not text"


def test_utf16_is_named_not_called_binary(tmp_path: Path) -> None:
    message = error_of(write(tmp_path / "u16.txt", "Hello".encode("utf-16")))
    assert "UTF-16" in message


def test_non_utf8_bytes_are_refused_with_position(tmp_path: Path) -> None:
    data = "Hello. Москва готова.".encode("cp1251")
    message = error_of(write(tmp_path / "cp1251.txt", data))
    assert message == "not valid UTF-8 (invalid byte 0xcc at offset 7); re-encode it as UTF-8"


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "word " * 40)
    assert error_of(path, max_bytes=100) == "too large: 200 bytes > limit 100 bytes"
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_missing_path_and_directory(tmp_path: Path) -> None:
    assert "no such file" in error_of(tmp_path / "nope.txt")
    assert "directory" in error_of(tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    try:
        assert "permission denied" in error_of(path)
    finally:
        path.chmod(0o644)


def test_html_in_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    article = read_path(write(tmp_path / "saved.txt", NEWS_PAGE))
    assert "<" not in article.text and "Moscow is ready" in article.text


# --- HTML ---------------------------------------------------------------------------------------------------


def test_html_article_without_scripts_or_navigation(tmp_path: Path) -> None:
    article = read_path(write(tmp_path / "page.html", NEWS_PAGE))
    text = article.text
    assert "Moscow is ready to resume talks" in text and "next round" in text
    for junk in ("tracker", "function", "color", "Sport", "cookies", "Copyright"):
        assert junk not in text
    meta = article.meta
    assert meta.title == "Talks to resume in May"
    assert meta.published == "2025-10-24"
    assert meta.publisher == "The Northern Ledger"
    assert meta.url == "https://ledger.example/world/talks-to-resume"
    assert meta.language == "en"
    assert meta.source_path == str(tmp_path / "page.html")


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    page = NEWS_PAGE.replace("utf-8", "windows-1251").replace("He said the two", "Он сказал, что the two")
    article = read_path(write(tmp_path / "cp1251.htm", page.encode("cp1251")))
    assert "Он сказал" in article.text


def test_malformed_html_fragment_still_yields_its_text() -> None:
    html = "<p>Broken <b>markup, never closed <div>The minister said talks would resume.</p></span><p>More"
    article = read_html(html, source_path="frag.html", url="https://example.org/a")
    assert "The minister said talks would resume." in article.text
    assert article.meta.url == "https://example.org/a"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "</body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
    ],
)
def test_html_without_article_text(tmp_path: Path, html: str) -> None:
    assert error_of(write(tmp_path / "nav.html", html)) == "no article text found in HTML"


def test_empty_html_file(tmp_path: Path) -> None:
    assert error_of(write(tmp_path / "empty.html", " \n")) == "empty input"


def test_html_that_is_not_utf8_and_declares_nothing(tmp_path: Path) -> None:
    page = "<html><body><p>Москва готова к переговорам.</p></body></html>".encode("cp1251")
    assert error_of(write(tmp_path / "bad.html", page)).startswith("not valid UTF-8 (invalid byte 0x")


# --- input files -----------------------------------------------------------------------------------------


def test_iter_input_files_expands_directories_in_sorted_order(tmp_path: Path) -> None:
    names = (
        "b.txt",
        "a.html",
        "sub/c.htm",
        "sub/deeper/d.txt",
        "notes.md",
        "data.json",
        ".git/x.txt",
        ".h.txt",
    )
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path / name, "text")
    explicit = write(tmp_path / "feed.jsonl", "{}")
    found = list(iter_input_files([tmp_path / "sub", str(tmp_path), explicit]))
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == [
        "sub/c.htm",
        "sub/deeper/d.txt",
        "a.html",
        "b.txt",
        "sub/c.htm",
        "sub/deeper/d.txt",
        "feed.jsonl",
    ]


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("MOSCOW, October 3. /TASS/. Iran will respond to the sanctions, the ministry said.", "TASS"),
        ("LONDON, Oct 3 (Reuters) - Oil prices rose on Friday, traders said.", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted on Friday, officials said.", "AP"),
        ("Moscow is ready for dialogue, the minister said.", None),
        ("МОСКВА, 14 ноября. /ТАСС/. Минфин предложил продлить программу.", "ТАСС"),
        ("MOSCOW, Nov 14 - RIA Novosti. The duty will be cut, the ministry said.", "RIA Novosti"),
        ("МОСКВА, 12 ноя — РИА Новости. Сербия готова продлить контракт.", "РИА Новости"),
        ("Amman, June 12 (Petra) -- The minister stressed the need for talks.", "Petra"),
        ("Mexico City, Jul 15 (EFE).- The Government will not accept quotas.", "EFE"),
        (
            "Xinhua News Agency, Beijing, March 14 (Reporters Li Na, Wu Bo) -- The spokesperson said so.",
            "Xinhua News Agency",
        ),
        ("BERLIN, 3 March - The chancellor said. It was late.", None),
    ],
)
def test_a_wire_dateline_names_the_publisher(opening: str, agency: str | None) -> None:
    text = "Talks to resume in May\n" + opening + "\nThe talks will resume in May, the minister added.\n"
    assert read_text(text, source_path="x.txt").meta.publisher == agency


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("TURKESTAN. KAZINFORM - In the region, 14 settlements are at risk, the akim said.", "KAZINFORM"),
        ("(Seoul = Yonhap News) Reporter Lee Ji-hoon = The government proposed talks, officials said.", "Yonhap News"),
    ],
)
def test_more_wire_datelines(opening: str, agency: str) -> None:
    text = "Talks to resume in May\n" + opening + "\nThe talks will resume in May, the minister added.\n"
    assert read_text(text, source_path="x.txt").meta.publisher == agency


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("POLITICS\nby Francesca Rinaldi\n18 June 2025\n\nROME - ", "The government wants to close the dossier."),
        ("Regions\n14 March 2025, 11:20\nAuthor: Dana Seitkaliyeva\n\n", "In the region, 14 settlements are at risk."),
        ("Economy\n12.08.2025 14:37\nKyiv • UKRINFORM\n\n", "Two gas turbine units will be delivered."),
        ("Turkey\n05.11.2024 14:12\n\nHatay\n\n", "Minister Kaynarca said the houses were ready."),
    ],
)
def test_the_body_starts_after_bylines_place_lines_and_a_bare_dateline(head: str, body: str) -> None:
    from saywho.readers.provenance import content_start

    text = f"Pension reform accelerates\n{head}{body} It was announced on Monday by the ministry.\n"
    assert text[content_start(text) :].startswith(body)


def test_a_countrys_name_alone_is_a_rubric() -> None:
    text = "Houses delivered\nTurkey\n05.11.2024 14:12\n\nMinister Kaynarca said the houses were ready for families.\n"
    assert read_text(text).meta.section == "Turkey"


def test_a_capitalised_dash_deeper_in_the_body_is_prose() -> None:
    from saywho.readers.provenance import content_start

    text = "Talks\nThe talks went on all night in the capital.\nNATO - the alliance - said nothing.\n"
    assert content_start(text) < text.index("The talks")  # the headline stays in the body; nothing is skipped


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("Tehran - IRNA - The Minister of Energy said that the restrictions are temporary.", "IRNA"),
        ("Can Tho (VNA) - The peak of saltwater intrusion is forecast to arrive in March.", "VNA"),
        ("Jakarta (ANTARA) - The head of the agency said the stock was safe.", "ANTARA"),
        ("BELGRADE, 18 July 2024 (Tanjug) - Raspberry producers announced a blockade.", "Tanjug"),
        ("Smith (R-NY) - The senator said the bill would pass.", None),
    ],
)
def test_datelines_of_other_agencies(opening: str, agency: str | None) -> None:
    text = "Talks to resume in May\n" + opening + "\nThe talks will resume in May, the minister added.\n"
    assert read_text(text, source_path="x.txt").meta.publisher == agency


def test_a_datelines_year_dates_the_article() -> None:
    text = "Raspberry growers demand a price\nBELGRADE, 18 July 2024 (Tanjug) - " + "Producers said it. " * 20 + "\n"
    assert read_text(text).meta.published == "2024-07-18"


@pytest.mark.parametrize(
    ("credit", "language"),
    [
        ("Translated by Google Translate from Persian", "fa"),
        ("Machine translation from Hungarian: DeepL", "hu"),
        ("This article was machine-translated from Vietnamese.", "vi"),
    ],
)
def test_more_source_languages_in_credit_lines(credit: str, language: str) -> None:
    text = f"Water levels rise\nThe water level rose by 18 centimetres, the directorate said on Monday.\n\n{credit}\n"
    assert read_text(text).meta.translated_from == language


@pytest.mark.parametrize(
    ("head", "publisher"),
    [("Domestic\n15. 10. 2024 14:32\nČTK\n", "ČTK"), ("Politics\n12/06/2025 - 11:47\nANA-MPA\n", "ANA-MPA")],
)
def test_an_agencys_acronym_alone_on_a_head_line(head: str, publisher: str) -> None:
    text = f"Line to close\n{head}\nThe railway line will close for half a year, the administration said.\n"
    assert read_text(text).meta.publisher == publisher


def test_interfax_dateline() -> None:
    text = "Airports\nMoscow. February 18. INTERFAX - The agency will rebuild 24 airports, its head said.\n"
    assert read_text(text).meta.publisher == "INTERFAX"


def test_a_byline_with_the_writers_post_is_not_the_body() -> None:
    from saywho.readers.provenance import content_start

    text = (
        "Dengue vaccination expands\nHealth\nPublished on 07/03/2025 - 18:40\n"
        "By Juliana Ferraz Amaral - Agência Brasil reporter\n\nThe Ministry of Health announced the expansion.\n"
    )
    assert text[content_start(text) :].startswith("The Ministry of Health")


@pytest.mark.parametrize(
    ("head", "publisher"),
    [
        ("Regions\nVarna, 5 June 2023 16:22\nElena Koleva (BTA)\n\n", "BTA"),
        ("Society\nUlaanbaatar, February 27, 2024 /MONTSAME/\n\n", "MONTSAME"),
        ("Economy\n17.10.2023 12:31\n\nKYIV. Oct 17 (Interfax-Ukraine) – ", "Interfax-Ukraine"),
    ],
)
def test_agencies_in_bylines_date_lines_and_dotted_datelines(head: str, publisher: str) -> None:
    text = f"Heating season starts\n{head}The heating season will begin on Friday, the city said on Tuesday.\n"
    assert read_text(text).meta.publisher == publisher
