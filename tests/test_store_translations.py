"""One actor across languages, and articles linked as translations: the English founding article and its Russian
rendering in one store (issue 6)."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saywho.crosslingual import translation_alignment
from saywho.document import Article
from saywho.speakers.translit import same_person_name
from saywho.store import connect, ingest, queries, schema, store_article
from saywho.store.actors import find_actor
from saywho.store.links import TRANSLATION_THRESHOLD, relink_translations, stored_article
from store_data import Said, downgrade, make_article

REPO = Path(__file__).resolve().parents[1]
ENGLISH = REPO / "tests" / "data" / "izvestia-island-task.txt"
RUSSIAN = REPO.parent / "shared" / "examples" / "izvestia-island-task.ru.txt"
PEOPLE = ("Rudenko", "Takaichi", "Motegi", "Peskov", "Dobrinskaya", "Katada", "Kazakov", "Putin")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")

UNRELATED = """Harbour works to resume in Valletta, minister says

Maltese transport minister Carmelo Vella said on Tuesday that the harbour works would resume in 2026.
"We have found the money and the contractor," Vella told reporters in Valletta.
The opposition leader Miriam Borg said the plan came years too late. "Families have waited long enough," Borg said.
Port engineer Lukas Brenner said 14 cranes would be replaced by the end of the year.
"""


@pytest.fixture(scope="module")
def pipeline():
    from saywho.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline) -> Path:
    if not RUSSIAN.exists():
        pytest.skip("../shared/examples is not present")
    db = tmp_path_factory.mktemp("translations") / "store.db"
    summary = ingest([ENGLISH, RUSSIAN], db, pipeline=pipeline)
    assert (summary.stored, summary.failed) == (2, [])
    return db


@pytest.fixture(scope="module")
def analysed(store: Path) -> list[Article]:
    """The two analysed articles, as stored (saves analysing them again for the stores built by hand)."""
    c = connect(store)
    try:
        return [_with_meta(c, i) for i in (1, 2)]
    finally:
        c.close()


def _with_meta(conn: sqlite3.Connection, article_id: int) -> Article:
    article = stored_article(conn, article_id)
    row = conn.execute("SELECT publisher, source_path FROM articles WHERE id = ?", (article_id,)).fetchone()
    article.meta.publisher, article.meta.source_path = row["publisher"], row["source_path"]
    return article


def _ids(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute("SELECT id, language FROM articles").fetchall()
    return {r["language"]: int(r["id"]) for r in rows}


def _links(conn: sqlite3.Connection) -> set[tuple[int, int]]:
    return {(r[0], r[1]) for r in conn.execute("SELECT article_id, other_article_id FROM article_links")}


def test_one_actor_per_person_with_both_scripts(store: Path) -> None:
    c = connect(store)
    try:
        assert {r[0] for r in c.execute("SELECT language FROM articles")} == {"en", "ru"}
        for surname in PEOPLE:
            actor = find_actor(c, surname)  # raises if the surname names no actor, or several
            assert actor["type"] == "PERSON"
            aliases = [r[0] for r in c.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", (actor["id"],))]
            assert any(CYRILLIC.search(a) for a in aliases), (surname, aliases)
            assert any(LATIN.search(a) and not CYRILLIC.search(a) for a in aliases), (surname, aliases)
            # Both articles mention the one actor.
            articles = c.execute(
                "SELECT DISTINCT a.language FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
                "WHERE ae.actor_id = ?",
                (actor["id"],),
            ).fetchall()
            assert {r[0] for r in articles} == {"en", "ru"}, surname
        # No person twice: exactly one person actor bears each surname, in either script.
        aliases_of: dict[int, list[str]] = {}
        for r in c.execute(
            "SELECT al.actor_id, al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id "
            "WHERE a.type = 'PERSON'"
        ):
            aliases_of.setdefault(r[0], []).append(r[1])
        for surname in PEOPLE:
            holders = [
                i for i, names in aliases_of.items() if any(same_person_name(n.split()[-1], surname) for n in names)
            ]
            assert len(holders) == 1, (surname, {i: aliases_of[i] for i in holders})
        rudenko = find_actor(c, "Руденко")
        assert rudenko["id"] == find_actor(c, "Andrei Rudenko")["id"]
    finally:
        c.close()


def test_the_two_articles_are_linked_both_ways(store: Path) -> None:
    c = connect(store)
    try:
        ids = _ids(c)
        en, ru = ids["en"], ids["ru"]
        assert _links(c) == {(en, ru), (ru, en)}
        [link] = queries.translations(c, en)
        assert (link["id"], link["language"]) == (ru, "ru") and link["score"] >= TRANSLATION_THRESHOLD
        assert queries.article(c, ru, with_text=False)["translations"][0]["id"] == en
        view = c.execute("SELECT article_id, translation_id, translation_language FROM article_translations").fetchall()
        assert {tuple(r) for r in view} == {(en, ru, "ru"), (ru, en, "en")}
        page = queries.articles(c, translated=True)
        assert page.total == 2 and all(item["translations"] for item in page.items)
        assert queries.articles(c, translated=False).total == 0
        assert queries.actor(c, "Rudenko")["translation_pairs"] == 1
    finally:
        c.close()


def test_a_translation_is_listed_but_counted_once(store: Path) -> None:
    import io

    from saywho.store.export import write_dna
    from saywho.store.queries import StatementFilter

    c = connect(store)
    try:
        ids = _ids(c)
        # The English article credits a translation from Russian: it is the copy, the Russian one the original.
        assert c.execute("SELECT translated_from FROM articles WHERE id = ?", (ids["en"],)).fetchone()[0] == "ru"

        def said(article_id: int) -> int:
            query = "SELECT count(*) FROM statements WHERE actor_id = ? AND article_id = ?"
            return c.execute(query, (actor_id, article_id)).fetchone()[0]

        actor_id = find_actor(c, "Rudenko")["id"]
        in_ru, in_en = said(ids["ru"]), said(ids["en"])
        assert in_ru > 0 and in_en > 0
        data = queries.actor(c, actor_id)
        assert (data["statements"], data["statements_in_translations"], data["articles"]) == (in_ru, in_en, 1)
        listed = next(a for a in queries.actors(c, limit=None).items if a["id"] == actor_id)
        assert listed["statements"] == in_ru
        # Listings keep both articles' statements; stance tables and the network exports count the original only.
        assert queries.quotes(c, actor=actor_id, limit=100).total == in_ru + in_en
        stated = sum(r["statements"] for r in queries.issue_stances(c, actor=actor_id))
        on_issues = c.execute(
            "SELECT count(*) FROM statement_issues si JOIN statements s ON s.id = si.statement_id "
            "WHERE s.actor_id = ? AND s.article_id = ?",
            (actor_id, ids["ru"]),
        ).fetchone()[0]
        assert stated == on_issues > 0
        dna = io.StringIO()
        write_dna(c, dna)
        rows = list(csv.DictReader(io.StringIO(dna.getvalue())))
        assert rows and {r["document ID"] for r in rows} == {str(ids["ru"])}
        originals = queries.statements(c, StatementFilter(originals_only=True), limit=500).items
        assert {s["article"]["id"] for s in originals} == {ids["ru"]}
    finally:
        c.close()
    # The actor's page says how many statements the translations hold besides the counted ones.
    pytest.importorskip("fastapi")
    from saywho.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note about httpx versions
        from fastapi.testclient import TestClient

    page = TestClient(create_app(store)).get(f"/actors/{actor_id}")
    assert page.status_code == 200 and f"+ {in_en} in translations" in page.text


def test_articles_command_lists_the_links(store: Path) -> None:
    import typer

    from saywho.store.commands import articles

    app = typer.Typer()
    app.command()(articles)
    result = CliRunner().invoke(app, ["--db", str(store), "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["items"]
    assert sorted(t["language"] for item in items for t in item["translations"]) == ["en", "ru"]
    score = items[0]["translations"][0]["score"]
    assert score >= 0.9
    table = CliRunner().invoke(app, ["--db", str(store), "--language", "ru"])
    assert table.exit_code == 0 and f"en ({score:.2f})" in table.output


def test_reingest_is_idempotent(store: Path, pipeline) -> None:
    again = ingest([ENGLISH, RUSSIAN], store, pipeline=pipeline)
    assert (again.stored, again.skipped) == (0, 2)
    c = connect(store)
    try:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert c.execute("SELECT count(*) FROM article_links").fetchone()[0] == 2
        assert relink_translations(c) == 1
        assert c.execute("SELECT count(*) FROM article_links").fetchone()[0] == 2
    finally:
        c.close()


def test_an_unrelated_article_is_not_linked(tmp_path: Path, analysed: list[Article], pipeline) -> None:
    from saywho.readers import read_text

    c = connect(tmp_path / "s.db")
    try:
        for article in analysed:
            store_article(c, article)
        other = pipeline.analyze_article(read_text(UNRELATED))
        assert other.meta.language == "en" and len(other.attributions) >= 3
        new_id = store_article(c, other).article_id
        assert queries.translations(c, new_id) == []
        assert translation_alignment(other, analysed[1]) < TRANSLATION_THRESHOLD
        assert len(_links(c)) == 2  # only the founding pair
        # The same unrelated article claimed to be Russian (another language) is still no translation of either.
        other.meta.language = "ru"
        other.text += "\n"  # a different content hash
        russian_id = store_article(c, other).article_id
        assert queries.translations(c, russian_id) == []
    finally:
        c.close()


def test_replacing_an_article_relinks_it(tmp_path: Path, analysed: list[Article]) -> None:
    c = connect(tmp_path / "s.db")
    try:
        english, russian = analysed
        store_article(c, english)
        store_article(c, russian)
        replaced = store_article(c, russian, replace=True)
        assert replaced.status == "replaced"
        assert [t["id"] for t in queries.translations(c, replaced.article_id)] == [_ids(c)["en"]]
        assert len(_links(c)) == 2
    finally:
        c.close()


def test_a_version_1_store_migrates_and_links_its_articles(tmp_path: Path, analysed: list[Article]) -> None:
    db = tmp_path / "old.db"
    c = connect(db)
    for article in analysed:
        store_article(c, article)
    c.close()
    # As a saywho of schema version 1 left it: no article_links, so no links.
    downgrade(db, 1)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_links'").fetchone() is None
    c = connect(db)
    try:
        assert c.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version() == 4
        assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
        ids = _ids(c)
        assert _links(c) == {(ids["en"], ids["ru"]), (ids["ru"], ids["en"])}
        with pytest.raises(sqlite3.IntegrityError):
            c.execute(
                "INSERT INTO article_links (article_id, other_article_id, relation, created_at) "
                "VALUES (?, ?, 'summary', 'now')",
                (ids["en"], ids["ru"]),
            )
        # Deleting an article drops its links.
        c.execute("DELETE FROM articles WHERE id = ?", (ids["ru"],))
        assert _links(c) == set()
    finally:
        c.close()


def _pair(tmp_path: Path, first: list[Said], second: list[Said], published: tuple[str, str] = ("2025-10-24",) * 2):
    c = connect(tmp_path / "pair.db")
    a = make_article("Talks", published[0], first)
    a.meta.language = "en"
    b = make_article("Переговоры", published[1], second)
    b.meta.language = "ru"
    store_article(c, a)
    return c, store_article(c, b).article_id


THREE = ("Dmitry Peskov", "Andrei Rudenko", "Sanae Takaichi")


@pytest.mark.parametrize(
    ("numbers", "published", "linked"),
    [
        (("in 2022", "in 2022"), ("2025-10-24", "2025-10-25"), True),  # the same numbers: a translation
        (("in 2022", "in 1999"), ("2025-10-24", "2025-10-25"), False),  # the numbers disagree
        (("in 2022", "in 2022"), ("2025-10-24", "2025-03-01"), False),  # months apart
        (("today", "today"), ("2025-10-24", "2025-10-24"), True),  # no numbers, three speakers
    ],
)
def test_link_rules_on_hand_made_articles(tmp_path: Path, numbers, published, linked: bool) -> None:
    first = [Said(name, f"talks resume {numbers[0]}") for name in THREE]
    second = [Said(name, f"переговоры {numbers[1]}") for name in THREE]
    c, article_id = _pair(tmp_path, first, second, published)
    try:
        assert bool(queries.translations(c, article_id)) is linked
    finally:
        c.close()


def test_two_speakers_without_numbers_are_not_enough(tmp_path: Path) -> None:
    first = [Said(name, "talks resume") for name in THREE[:2]]
    second = [Said(name, "переговоры") for name in THREE[:2]]
    c, article_id = _pair(tmp_path, first, second)
    try:
        assert translation_alignment(stored_article(c, 1), stored_article(c, 2)) >= TRANSLATION_THRESHOLD
        assert queries.translations(c, article_id) == []
    finally:
        c.close()
