"""The store: schema and migrations, idempotent ingest, canonical actors, analyst corrections, queries and the CLI."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saywho.document import Article, Role, Span
from saywho.store import StoreError, connect, ingest, queries, schema, store_article
from saywho.store.actors import apply_alias_file, find_actor, load_alias_file, merge_actors, split_actor
from saywho.store.ingest import content_hash, upsert_issues
from saywho.store.queries import StatementFilter
from store_data import (
    EXAMPLE,
    RUDENKO_ROLE,
    Said,
    dialogue_articles,
    downgrade,
    make_article,
    namesake_articles,
    polnear_files,
)


@pytest.fixture(scope="module")
def loaded_pipeline():
    from saywho.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = connect(tmp_path / "store.db")
    yield c
    c.close()


@pytest.fixture
def dialogue(conn: sqlite3.Connection) -> sqlite3.Connection:
    upsert_issues(conn, [("territorial dispute", "Kurils and the northern territories", None)])
    upsert_issues(conn, [("Kuril Islands", None, "territorial dispute")])
    for article in dialogue_articles():
        assert store_article(conn, article).status == "stored"
    return conn


@pytest.fixture(scope="module")
def example_store(tmp_path_factory, loaded_pipeline) -> Path:
    db = tmp_path_factory.mktemp("example") / "example.db"
    summary = ingest([EXAMPLE, *polnear_files(4)], db, pipeline=loaded_pipeline)
    assert not summary.failed, summary.failed
    return db


def actor_id(conn: sqlite3.Connection, name: str) -> int:
    return int(find_actor(conn, name)["id"])


# -- schema -----------------------------------------------------------------------------------------------------


def test_schema_is_created_with_version_wal_and_foreign_keys(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
        schema.schema_version()
    )
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    expected = {"articles", "statements", "actors", "actor_aliases", "actor_roles", "issues", "statement_issues"}
    assert expected | {"statement_times", "statements_with_speaker", "statements_fts", "alias_rules"} <= names
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO statements (article_id, attribution_id, kind, content_start, content_end, "
            "content_text, content_fragments) VALUES (999, 'a1', 'direct', 0, 1, 'x', '[]')"
        )


def test_migrations_run_forward_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    connect(db).close()
    calls = []

    def add_note(c: sqlite3.Connection) -> None:
        calls.append(1)
        c.execute("ALTER TABLE articles ADD COLUMN note TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_note])
    c = connect(db)
    assert c.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    assert "note" in {r[1] for r in c.execute("PRAGMA table_info(articles)")}
    c.close()
    connect(db).close()
    assert calls == [1]


def _with_span_confidence(article):
    """The article with model confidences on its first statement's source, cue and content (as the learned
    tagger sets them); the rules' spans elsewhere keep none."""
    a = article.attributions[0]
    a.source = dataclasses.replace(a.source, confidence=0.81)
    a.cue = dataclasses.replace(a.cue, confidence=0.92)
    a.content = [dataclasses.replace(c, confidence=0.7) for c in a.content]
    return article


def test_per_span_confidence_is_stored_and_a_version_2_store_migrates(tmp_path: Path) -> None:
    from saywho.store.export import statement_row

    article = _with_span_confidence(
        make_article("Talks", "2025-10-24", [Said("Ann Lee", "the talks will fail"), Said("Bo Kim", "they will not")])
    )
    db = tmp_path / "conf.db"
    c = connect(db)
    store_article(c, article)
    first, second = queries.statements(c).items
    assert first["source"]["confidence"] == 0.81 and first["cue"]["confidence"] == 0.92
    assert [f["confidence"] for f in first["fragments"]] == [0.7]
    assert "confidence" not in second["source"] and "confidence" not in second["cue"]
    row = statement_row(first)
    assert (row["source_confidence"], row["cue_confidence"], row["content_confidence"]) == (0.81, 0.92, 0.7)
    assert statement_row(second)["cue_confidence"] == ""
    c.close()

    downgrade(db, 2)
    c = connect(db)
    try:
        assert c.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
        # What a version 2 store had is kept; the confidences it never had are NULL, and left out.
        first, _ = queries.statements(c).items
        assert first["source"] == {"start": first["source"]["start"], "end": first["source"]["end"], "text": "Ann Lee"}
        assert [f["confidence"] for f in first["fragments"]] == [0.7]
    finally:
        c.close()


def test_newer_or_foreign_files_are_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    c = connect(newer)
    c.execute("PRAGMA user_version = 99")
    c.close()
    with pytest.raises(StoreError, match="newer"):
        connect(newer)
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t (x)")
    c.close()
    with pytest.raises(StoreError, match="not a saywho store"):
        connect(other)
    with pytest.raises(StoreError, match="no store"):
        connect(tmp_path / "missing.db", create=False)


# -- ingest -----------------------------------------------------------------------------------------------------


def test_ingest_twice_stores_each_article_once(example_store: Path, loaded_pipeline) -> None:
    inputs = [EXAMPLE, *polnear_files(4)]
    again = ingest([*inputs, EXAMPLE], example_store, pipeline=loaded_pipeline)
    assert (again.stored, again.skipped, again.failed) == (0, len(inputs) + 1, [])
    c = connect(example_store)
    assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == len(inputs)
    row = c.execute("SELECT * FROM articles WHERE source_path LIKE '%izvestia%'").fetchone()
    assert row["content_hash"] == content_hash(EXAMPLE.read_text(encoding="utf-8"))
    assert row["publisher"] == "Izvestia" and row["translator"] == "Yandex Translator"
    # Every statement span points at the stored text.
    for s in c.execute("SELECT s.*, a.text FROM statements s JOIN articles a ON a.id = s.article_id"):
        for frag in json.loads(s["content_fragments"]):
            assert s["text"][frag["start"] : frag["end"]] == frag["text"]
        if s["source_start"] is not None:
            assert s["text"][s["source_start"] : s["source_end"]] == s["source_text"]


def test_content_hash_ignores_whitespace_and_unicode_form() -> None:
    assert content_hash("Caf\u00e9  said\n it.") == content_hash("Cafe\u0301 said it.  ")
    assert content_hash("a b") != content_hash("a c")


def test_json_lines_with_metadata_and_bad_lines(tmp_path: Path, loaded_pipeline) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {
            "text": "Senator John Smith said on Monday that the sanctions must end.",
            "published": "2024-03-05",
            "publisher": "Wire",
            "url": "https://example.org/a",
        },
        {
            "html": "<html><body><article><p>Mayor Jane Doe said the bridge will reopen in May.</p></article></body>"
            "</html>",
            "published": "Tue, 05 Mar 2024 10:00:00 +0000",
        },
        {"url": "https://example.org/empty"},
        {"text": "Governor Ann Lee said taxes will fall.", "published": "someday"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n\nnot json\n", encoding="utf-8")
    summary = ingest([feed], tmp_path / "j.db", pipeline=loaded_pipeline)
    assert summary.stored == 2
    reasons = dict(summary.failed)
    assert set(reasons) == {f"{feed}:3", f"{feed}:4", f"{feed}:6"}
    assert "no 'text' or 'html'" in reasons[f"{feed}:3"]
    assert "published date" in reasons[f"{feed}:4"]
    assert "not valid JSON" in reasons[f"{feed}:6"]
    c = connect(tmp_path / "j.db")
    rows = {r["source_path"]: r for r in c.execute("SELECT * FROM articles")}
    assert rows[f"{feed}:1"]["published"] == "2024-03-05" and rows[f"{feed}:1"]["url"] == "https://example.org/a"
    assert rows[f"{feed}:1"]["publisher"] == "Wire"
    assert rows[f"{feed}:2"]["published"] == "2024-03-05"


def test_bad_files_are_reported_and_the_rest_stored(tmp_path: Path, loaded_pipeline) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The minister said that the talks will resume in June.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    summary = ingest([folder, tmp_path / "missing.txt"], tmp_path / "b.db", pipeline=loaded_pipeline)
    assert summary.stored == 1
    assert {Path(label).name for label, _ in summary.failed} == {"binary.txt", "empty.txt", "missing.txt"}
    assert all(reason for _, reason in summary.failed)


def test_saywho_json_is_stored_without_analysis(tmp_path: Path) -> None:
    article = dialogue_articles()[0]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(article.to_json()), encoding="utf-8")
    summary = ingest([path], tmp_path / "s.db")
    assert summary.stored == 1
    c = connect(tmp_path / "s.db")
    assert c.execute("SELECT count(*) FROM statement_issues").fetchone()[0] == 2


def test_reanalyze_replaces_the_stored_article(conn: sqlite3.Connection) -> None:
    article = dialogue_articles()[0]
    first = store_article(conn, article)
    assert store_article(conn, article).status == "skipped"
    again = store_article(conn, article, replace=True)
    assert again.status == "replaced" and first.status == "stored"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 2


def test_reanalysis_keeps_the_article_id_and_the_ids_of_unchanged_statements(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    # --reanalyze deleted the article and stored it again: every id changed, and links to them broke.
    island, sanctions = dialogue_articles()[:2]
    article_id = store_article(conn, island).article_id
    store_article(conn, sanctions)
    old = dict(conn.execute("SELECT attribution_id, id FROM statements WHERE article_id = ?", (article_id,)))
    highest = conn.execute("SELECT max(id) FROM statements").fetchone()[0]

    # The analysis now finds the first statement as before and the second with a shorter content.
    again = dialogue_articles()[0]
    second = again.attributions[1]
    second.content = [Span.of(again.text, second.content[0].start, second.content[0].end - 7)]
    second.issues = []
    result = store_article(conn, again, replace=True)
    assert (result.status, result.article_id) == ("replaced", article_id)
    new = dict(conn.execute("SELECT attribution_id, id FROM statements WHERE article_id = ?", (article_id,)))
    assert new["a1"] == old["a1"]
    assert new["a2"] > highest  # a changed statement is a new one, and no old id is handed to it
    assert conn.execute("SELECT count(*) FROM statements WHERE id = ?", (old["a2"],)).fetchone()[0] == 0
    # The kept statement is whole: issues, full-text index, actor.
    listed = queries.statements(conn, StatementFilter(article_id=article_id)).items
    (kept,) = [s for s in listed if s["id"] == old["a1"]]
    assert kept["issues"][0]["issue"] == "peace treaty" and kept["actor"]["name"] == "Andrei Rudenko"
    assert [h["id"] for h in queries.search(conn, "Moscow", where=StatementFilter(article_id=article_id)).items] == [
        old["a1"]
    ]
    assert queries.search(conn, "regime", where=StatementFilter(article_id=article_id)).total == 0

    # The same through `ingest --reanalyze` (saywho JSON: stored as analysed).
    path = tmp_path / "island.json"
    path.write_text(json.dumps(island.to_json()), encoding="utf-8")
    db = tmp_path / "store.db"
    summary = ingest([path], db, reanalyze=True)
    assert summary.replaced == 1
    after = dict(conn.execute("SELECT attribution_id, id FROM statements WHERE article_id = ?", (article_id,)))
    assert after["a1"] == old["a1"] and after["a2"] > new["a2"]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


# -- actors -----------------------------------------------------------------------------------------------------


def test_example_speakers_are_separate_actors_and_qatada_is_katada(example_store: Path) -> None:
    c = connect(example_store)
    names = ["Rudenko", "Peskov", "Takaichi", "Motegi", "Dobrinskaya", "Katada", "Kazakov", "Putin"]
    ids = {name: actor_id(c, name) for name in names}
    assert len(set(ids.values())) == len(names)
    assert find_actor(c, "Qatada")["name"] == "Saori Katada"
    assert c.execute("SELECT count(*) FROM actors WHERE name = 'Qatada'").fetchone()[0] == 0
    katada = queries.actor(c, "Saori Katada")
    assert katada["statements"] == 2
    rudenko = queries.actor(c, "Rudenko")
    assert rudenko["roles"][0]["title"] == "Deputy Foreign Minister"
    assert rudenko["statements"] >= 4


def test_example_statements_keep_issues_stances_and_conditions(example_store: Path) -> None:
    pytest.importorskip("saywho.enrich")  # the issue/stance tagger, which ingest applies when installed
    c = connect(example_store)
    conditional = queries.quotes(c, actor="Dobrinskaya", issue="sanctions", stance="conditional")
    assert conditional.total >= 1
    conditions = [i["condition"]["text"] for q in conditional.items for i in q["issues"] if i["condition"]]
    assert "only if Japan eases the sanctions regime" in conditions
    assert queries.quotes(c, actor="Rudenko", issue="peace treaty").total >= 1
    assert (
        c.execute(
            "SELECT count(*) FROM statement_stances WHERE actor = 'Andrei Rudenko' AND condition_text IS NOT NULL"
        ).fetchone()[0]
        >= 1
    )


def test_name_variants_and_transliterations_join_one_actor(dialogue: sqlite3.Connection) -> None:
    rudenko = queries.actor(dialogue, "Andrei Rudenko")
    assert rudenko["statements"] == 3
    assert {"Andrei Rudenko", "Andrey Rudenko", "Rudenko"} <= {a["alias"] for a in rudenko["aliases"]}
    assert (rudenko["first_seen"], rudenko["last_seen"]) == ("2025-05-10", "2026-01-15")
    role = rudenko["roles"][0]
    assert (role["first_seen"], role["last_seen"], role["articles"]) == ("2025-05-10", "2026-01-15", 2)
    store_article(dialogue, make_article("Katada", "2025-07-01", [Said("Saori Katada", "x will happen")]))
    store_article(dialogue, make_article("Qatada", "2025-07-02", [Said("Saori Qatada", "y will happen")]))
    assert queries.actor(dialogue, "Katada")["statements"] == 2
    # Cyrillic: the Russian pipeline's matcher when installed, a rough romanisation otherwise.
    store_article(dialogue, make_article("Ру", "2026-03-01", [Said("Андрей Руденко", "z will happen")]))
    assert queries.actor(dialogue, "Andrei Rudenko")["statements"] == 4
    # Groups are not actors: their statements keep the article's speaker name.
    row = dialogue.execute("SELECT actor_id, speaker_name FROM statements WHERE speaker_name = 'experts'").fetchone()
    assert row["actor_id"] is None


def test_people_sharing_a_surname_stay_apart_without_evidence(conn: sqlite3.Connection) -> None:
    senator = Role("Senator", None, "United States")
    store_article(conn, make_article("A", "2024-01-01", [Said("John Smith", "taxes will rise", roles=(senator,))]))
    store_article(
        conn,
        make_article(
            "B",
            "2024-01-02",
            [Said("Mary Smith", "rates will fall", roles=(Role("professor", "Oxford", "United Kingdom"),))],
        ),
    )
    john, mary = actor_id(conn, "John Smith"), actor_id(conn, "Mary Smith")
    assert john != mary
    # "Smith" alone, nothing more: neither of them.
    store_article(conn, make_article("C", "2024-01-03", [Said("Smith", "it is over")]))
    alone = conn.execute("SELECT actor_id FROM statements WHERE content_text = 'it is over'").fetchone()[0]
    assert alone not in (john, mary)
    # "Smith" with a role that only John has: John.
    store_article(conn, make_article("D", "2024-01-04", [Said("Smith", "the bill passed", roles=(senator,))]))
    assert conn.execute("SELECT actor_id FROM statements WHERE content_text = 'the bill passed'").fetchone()[0] == john
    # A different country is a conflict even for a unique surname.
    store_article(conn, make_article("E", "2024-01-05", [Said("Jones Abc", "one")]))
    store_article(conn, make_article("F", "2024-01-06", [Said("Abc", "two", roles=(Role(None, None, "Japan"),))]))
    store_article(conn, make_article("G", "2024-01-07", [Said("Tom Xyz", "three", roles=(Role(None, None, "Peru"),))]))
    store_article(conn, make_article("H", "2024-01-08", [Said("Xyz", "four", roles=(Role(None, None, "Chile"),))]))
    by_content = dict(conn.execute("SELECT content_text, actor_id FROM statements").fetchall())
    assert by_content["one"] == by_content["two"]  # unique surname, no conflict
    assert by_content["three"] != by_content["four"]  # unique surname, different countries


def test_merge_and_split_are_honoured_by_later_ingests(dialogue: sqlite3.Connection) -> None:
    store_article(dialogue, make_article("P", "2025-08-01", [Said("Dmitry Peskov", "we welcome it")]))
    store_article(dialogue, make_article("Q", "2025-08-02", [Said("Kremlin spokesman", "we doubt it", type="ORG")]))
    with pytest.raises(StoreError, match="different types"):
        merge_actors(dialogue, "Dmitry Peskov", "Kremlin spokesman")  # a PERSON and an ORG
    keep = merge_actors(dialogue, "Dmitry Peskov", "Kremlin spokesman", force=True)
    assert queries.actor(dialogue, keep)["statements"] == 2
    with pytest.raises(StoreError, match="already one actor"):
        merge_actors(dialogue, "Peskov", "Kremlin spokesman")
    # The merged name keeps going to the kept actor.
    store_article(dialogue, make_article("R", "2025-08-03", [Said("Kremlin spokesman", "we wait", type="PERSON")]))
    assert queries.actor(dialogue, "Dmitry Peskov")["statements"] == 3
    # Split Andrey (a different person, say) out of Rudenko; a later Andrey Rudenko stays apart.
    new_id = split_actor(dialogue, "Andrei Rudenko", "Andrey Rudenko")
    assert queries.actor(dialogue, new_id)["statements"] == 1
    assert queries.actor(dialogue, "Andrei Rudenko")["statements"] == 2
    store_article(dialogue, make_article("S", "2026-02-01", [Said("Andrey Rudenko", "later words")]))
    later = dialogue.execute("SELECT actor_id FROM statements WHERE content_text = 'later words'").fetchone()[0]
    assert later == new_id
    with pytest.raises(StoreError, match="no mention"):
        split_actor(dialogue, "Andrei Rudenko", "Somebody Else")
    edits = [r[0] for r in dialogue.execute("SELECT action FROM actor_edits ORDER BY id")]
    assert edits == ["merge", "split"]


def _russian_rudenko(title: str, published: str, content: str) -> Article:
    """Андрей Руденко as the Russian pipeline gives him: both Latin spellings among his aliases."""
    article = make_article(title, published, [Said("Андрей Руденко", content, roles=(RUDENKO_ROLE,))])
    article.entities[0].aliases = ["Andrei Rudenko", "Andrey Rudenko"]
    return article


def test_split_moves_only_the_spelling_given(conn: sqlite3.Connection) -> None:
    # The split moved every entity with "Andrey Rudenko" among its name variants: the Russian articles too, whose
    # Latin spellings the pipeline makes up, and with them the alias "Andrei Rudenko".
    store_article(conn, make_article("A", "2025-05-10", [Said("Andrei Rudenko", "one", roles=(RUDENKO_ROLE,))]))
    store_article(conn, _russian_rudenko("B", "2025-05-11", "два"))
    store_article(conn, make_article("C", "2025-05-12", [Said("Andrey Rudenko", "three", roles=(RUDENKO_ROLE,))]))
    old = actor_id(conn, "Andrei Rudenko")
    assert {r[0] for r in conn.execute("SELECT actor_id FROM statements")} == {old}

    new = split_actor(conn, "Andrei Rudenko", "Andrey Rudenko")
    by_content = dict(conn.execute("SELECT content_text, actor_id FROM statements").fetchall())
    # Moved: the entity named so; not the Russian one.
    assert by_content == {"one": old, "два": old, "three": new}
    assert queries.actor(conn, new)["name"] == "Andrey Rudenko"
    assert not {"Андрей Руденко", "Руденко"} & {a["alias"] for a in queries.actor(conn, new)["aliases"]}
    assert "Андрей Руденко" in {a["alias"] for a in queries.actor(conn, old)["aliases"]}

    # Later ingests keep to it: each Latin spelling goes to its own actor, the Cyrillic name stays where it was.
    store_article(conn, _russian_rudenko("E", "2025-06-01", "пять"))
    store_article(conn, make_article("F", "2025-06-02", [Said("Andrey Rudenko", "six", roles=(RUDENKO_ROLE,))]))
    store_article(conn, make_article("G", "2025-06-03", [Said("Andrei Rudenko", "seven", roles=(RUDENKO_ROLE,))]))
    by_content = dict(conn.execute("SELECT content_text, actor_id FROM statements").fetchall())
    assert (by_content["пять"], by_content["six"], by_content["seven"]) == (old, new, old)
    # Nor does a surname take the entities with a full name along.
    with pytest.raises(StoreError, match="no mention"):
        split_actor(conn, "Andrei Rudenko", "Rudenko")


def test_alias_files_merge_and_separate(dialogue: sqlite3.Connection, tmp_path: Path) -> None:
    store_article(dialogue, make_article("T", "2025-09-01", [Said("Toshi Motegi", "a nickname")]))
    assert actor_id(dialogue, "Toshi Motegi") != actor_id(dialogue, "Toshimitsu Motegi")
    yaml_file = tmp_path / "aliases.yaml"
    yaml_file.write_text(
        "actors:\n  Toshimitsu Motegi: [Toshi Motegi, 茂木敏充]\ndifferent:\n  - [Andrei Rudenko, Andrey Rudenko]\n",
        encoding="utf-8",
    )
    changes = apply_alias_file(dialogue, load_alias_file(yaml_file), str(yaml_file))
    assert changes == {"merged": 1, "split": 1}
    assert actor_id(dialogue, "Toshi Motegi") == actor_id(dialogue, "Toshimitsu Motegi")
    assert actor_id(dialogue, "Andrey Rudenko") != actor_id(dialogue, "Andrei Rudenko")
    # Honoured on the next ingest.
    store_article(dialogue, make_article("U", "2025-09-02", [Said("茂木敏充", "in Japanese")]))
    motegi = queries.actor(dialogue, "Toshimitsu Motegi")
    assert motegi["name"] == "Toshimitsu Motegi" and motegi["statements"] == 3
    tsv = tmp_path / "aliases.tsv"
    tsv.write_text("# comment\nOlga Dobrinskaya\tO. Dobrinskaya\nJohn Smith\t!=\tJon Smith\n", encoding="utf-8")
    parsed = load_alias_file(tsv)
    assert parsed.same == {"Olga Dobrinskaya": ["O. Dobrinskaya"]}
    assert parsed.different == [("John Smith", "Jon Smith")]
    bad = tmp_path / "bad.tsv"
    bad.write_text("only-one-field\n", encoding="utf-8")
    with pytest.raises(StoreError, match="bad.tsv:1"):
        load_alias_file(bad)


# -- queries ----------------------------------------------------------------------------------------------------


def test_quotes_filters_and_pagination(dialogue: sqlite3.Connection) -> None:
    assert queries.quotes(dialogue, actor="Rudenko").total == 3
    sanctions = queries.quotes(dialogue, actor="Rudenko", issue="sanctions")
    assert sanctions.total == 1 and sanctions.items[0]["issues"][0]["stance"] == "oppose"
    assert sanctions.items[0]["times"][0]["value"] == "2025-05"
    assert queries.quotes(dialogue, actor="Rudenko", since="2025-06").total == 2
    assert queries.quotes(dialogue, actor="Rudenko", until="2025-06").total == 2
    assert queries.quotes(dialogue, since="2025-06-01", until="2025-06-30").total == 3
    assert [q["actor"]["name"] for q in queries.quotes(dialogue, kind="direct").items] == ["Toshimitsu Motegi"]
    assert (
        queries.quotes(dialogue, issue="sanctions", stance="conditional").items[0]["issues"][0]["condition"]["text"]
        == "only if Japan eases the sanctions regime"
    )
    # A parent issue includes its sub-issues.
    assert queries.quotes(dialogue, issue="territorial dispute").total == 1
    everything = queries.quotes(dialogue, limit=100)
    assert everything.total == 7 == len(everything.items)
    assert everything.items[0]["date"] == "2026-01-15" and everything.items[-1]["date"] is None
    first, second = queries.quotes(dialogue, limit=3), queries.quotes(dialogue, limit=3, offset=3)
    assert first.total == second.total == 7
    assert not {q["id"] for q in first.items} & {q["id"] for q in second.items}
    for bad in ({"actor": "Nobody"}, {"issue": "weather"}, {"since": "May"}, {"kind": "sung"}, {"stance": "maybe"}):
        with pytest.raises(StoreError):
            queries.quotes(dialogue, **bad)


def test_timeline_stance_matrix_and_actor(dialogue: sqlite3.Connection) -> None:
    timeline = queries.timeline(dialogue, "sanctions")
    assert [q["date"] for q in timeline.items] == ["2025-05-10", "2025-06-02", "2025-06-20"]
    matrix = queries.stance_matrix(dialogue, "sanctions", period="month")
    assert matrix["periods"] == ["2025-05", "2025-06"]
    cells = {row["actor"]: row["cells"] for row in matrix["actors"]}
    assert cells["Andrei Rudenko"]["2025-06"]["oppose"] == 1 and cells["Andrei Rudenko"]["2025-06"]["score"] == -1
    # A condition takes no position on the axis: the cell's score is None, not half a support.
    conditional_only = cells["Olga Dobrinskaya"]["2025-05"]
    assert conditional_only["dominant"] == "conditional" and conditional_only["score"] is None
    assert cells["Toshimitsu Motegi"]["2025-06"]["score"] == 1
    yearly = queries.stance_matrix(dialogue, "peace treaty", period="year")
    assert yearly["periods"] == ["2025", "2026"]
    rows = queries.issue_stances(dialogue, "peace treaty", period="year")
    assert {(r["period"], r["stance"]) for r in rows} == {("2025", "conditional"), ("2026", "neutral")}
    rudenko = queries.actor(dialogue, "Rudenko")
    assert {i["issue"] for i in rudenko["issues"]} == {"peace treaty", "sanctions"}
    assert rudenko["recent"][0]["date"] == "2026-01-15"
    listed = queries.actors(dialogue, min_statements=1)
    assert listed.items[0]["name"] == "Andrei Rudenko" and listed.total == 4
    assert {i["label"] for i in queries.issues(dialogue)} >= {"sanctions", "Kuril Islands", "territorial dispute"}
    art = queries.article(dialogue, 1)
    assert art["text"][art["statements"][0]["content"]["start"] :].startswith("Moscow is ready")


def test_full_text_search(dialogue: sqlite3.Connection) -> None:
    hits = queries.search(dialogue, "sanctions")
    assert hits.total == 3 and all("[sanctions]" in h["snippet"].lower() for h in hits.items)
    assert queries.search(dialogue, "speaker:Motegi").total == 1
    assert queries.search(dialogue, "sanction*", limit=1).total == 3
    # The filters of `quotes` narrow a search.
    speaker = hits.items[0]["actor"]["name"]
    theirs = [h for h in hits.items if h["actor"] and h["actor"]["name"] == speaker]
    narrowed = queries.search(dialogue, "sanctions", where=queries.StatementFilter(actor=speaker))
    assert 0 < narrowed.total == len(theirs) < hits.total
    assert {h["actor"]["name"] for h in narrowed.items} == {speaker}
    assert queries.search(dialogue, "sanctions", where=queries.StatementFilter(since="2999")).total == 0
    with pytest.raises(StoreError, match="unknown kind"):
        queries.search(dialogue, "sanctions", where=queries.StatementFilter(kind="rumour"))
    # Renaming an actor (merge) updates the index.
    merge_actors(dialogue, "Olga Dobrinskaya", "Andrei Rudenko")
    assert queries.search(dialogue, "speaker:Dobrinskaya").total == 4
    with pytest.raises(StoreError, match="bad search query"):
        queries.search(dialogue, '"unclosed')


# -- CLI --------------------------------------------------------------------------------------------------------


def _app():
    import typer

    from saywho.store.commands import register

    app = typer.Typer(pretty_exceptions_enable=False)
    register(app)
    return app


def test_cli_queries_and_one_line_errors(dialogue: sqlite3.Connection, tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    app = _app()
    result = runner.invoke(app, ["quotes", "--db", db, "--actor", "Rudenko", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 3
    result = runner.invoke(app, ["actors", "--db", db])
    assert result.exit_code == 0 and "Andrei Rudenko" in result.stdout
    result = runner.invoke(app, ["actor", "Qatada", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "no actor matches" in result.stderr
    assert "Traceback" not in result.output
    for args in (["timeline", "sanctions"], ["stance", "sanctions"], ["search", "sanctions"], ["actor", "Motegi"]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
    result = runner.invoke(app, ["search", "sanctions", "--actor", "Rudenko", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["items"]
    assert found and {h["actor"]["name"] for h in found} == {"Andrei Rudenko"}
    result = runner.invoke(app, ["actors", "merge", "Olga Dobrinskaya", "Motegi", "--db", db])
    assert result.exit_code == 0, result.output
    assert queries.actor(dialogue, "Dobrinskaya")["statements"] == 2
    result = runner.invoke(app, ["quotes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no store" in result.stderr


def test_ambiguous_actor_names_are_errors_listing_the_candidates(conn: sqlite3.Connection, tmp_path: Path) -> None:
    # "Smith" went to Jane Smith (the one with "Smith" among her aliases), "Trump" to the organisation of that name
    # and not Donald Trump, and `actors merge Smith X` merged whichever Smith that was.
    from saywho.store.actors import AmbiguousActor

    for article in namesake_articles():
        store_article(conn, article)
    with pytest.raises(AmbiguousActor) as smith:
        find_actor(conn, "Smith")
    assert sorted(c["name"] for c in smith.value.candidates) == ["Jane Smith", "John Smith", "Will Smith"]
    assert str(smith.value).startswith("'Smith' matches 3 actors: ")
    with pytest.raises(AmbiguousActor) as trump:
        queries.quotes(conn, actor="trump")
    assert sorted((c["name"], c["type"]) for c in trump.value.candidates) == [
        ("Donald Trump", "PERSON"),
        ("Trump", "ORG"),
    ]
    # What names one actor still finds it.
    assert find_actor(conn, "Jane Smith")["name"] == "Jane Smith"
    assert find_actor(conn, "Japan")["type"] == "GPE"
    assert queries.quotes(conn, actor="Donald Trump").total == 2

    db = str(tmp_path / "store.db")
    runner, app = CliRunner(), _app()
    for args in (["quotes", "--actor", "Smith"], ["search", "budget", "--actor", "Smith"], ["actor", "Smith"]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 1, (args, result.output)
        assert "'Smith' matches 3 actors:" in result.stderr and "Will Smith (PERSON, id" in result.stderr
        assert result.stdout == ""
    jane = actor_id(conn, "Jane Smith")
    result = runner.invoke(app, ["actors", "merge", "Smith", "Donald Trump", "--db", db])
    assert result.exit_code == 1 and "matches 3 actors" in result.stderr
    # Types must agree, unless forced.
    result = runner.invoke(app, ["actors", "merge", "Jane Smith", "Japan", "--db", db])
    assert result.exit_code == 1 and "different types" in result.stderr
    assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 6
    result = runner.invoke(app, ["actors", "merge", str(jane), "Japan", "--force", "--db", db])
    assert result.exit_code == 0, result.output
    assert queries.actor(conn, jane)["statements"] == 3


def test_a_byte_order_mark_does_not_make_a_second_article(tmp_path: Path, loaded_pipeline) -> None:
    # The same article saved with a UTF-8 byte-order mark hashed differently and was stored twice.
    text = EXAMPLE.read_text(encoding="utf-8")
    plain, marked = tmp_path / "plain.txt", tmp_path / "marked.txt"
    plain.write_text(text, encoding="utf-8")
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    db = tmp_path / "bom.db"
    summary = ingest([marked, plain], db, pipeline=loaded_pipeline)
    assert (summary.stored, summary.skipped, summary.failed) == (1, 1, [])
    c = connect(db)
    try:
        # The mark is not stored, and every span moved with the text.
        (stored,) = c.execute("SELECT text FROM articles").fetchall()
        assert stored[0] == text
        spans = c.execute("SELECT source_start, source_end, source_text, content_fragments FROM statements").fetchall()
        assert spans
        for start, end, source, fragments in spans:
            assert source is None or text[start:end] == source
            assert all(text[f["start"] : f["end"]] == f["text"] for f in json.loads(fragments))
        for (mentions,) in c.execute("SELECT mentions FROM article_entities"):
            assert all(text[m["start"] : m["end"]] == m["text"] for m in json.loads(mentions))
    finally:
        c.close()


def test_a_store_migrates_to_hashes_without_the_byte_order_mark(tmp_path: Path) -> None:
    import hashlib
    import unicodedata

    def talks() -> Article:
        return make_article("Talks", "2025-10-24", [Said("Ann Lee", "the talks will fail")])

    db = tmp_path / "old.db"
    c = connect(db)
    article_id = store_article(c, talks()).article_id
    # As an older saywho stored an article read with a byte-order mark: the mark in its text and in its hash.
    marked = "\ufeff" + talks().text
    old_hash = hashlib.sha256(" ".join(unicodedata.normalize("NFC", marked).split()).encode()).hexdigest()
    c.execute("UPDATE articles SET text = ?, content_hash = ? WHERE id = ?", (marked, old_hash, article_id))
    c.close()
    downgrade(db, 3)
    c = connect(db)
    try:
        assert c.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
        assert c.execute("SELECT content_hash FROM articles").fetchone()[0] == content_hash(talks().text)
        assert store_article(c, talks()).status == "skipped"
    finally:
        c.close()


def test_issues_command_and_issue_names_in_other_languages(dialogue: sqlite3.Connection, tmp_path: Path) -> None:
    # `timeline nosuch` listed the first 12 labels with nothing to say there were more, and no way to list them.
    upsert_issues(dialogue, [(f"topic {n:02d}", None, None) for n in range(14)])
    db = str(tmp_path / "store.db")
    runner, app = CliRunner(), _app()
    result = runner.invoke(app, ["timeline", "nosuch", "--db", db])
    assert result.exit_code == 1
    total = dialogue.execute("SELECT count(*) FROM issues").fetchone()[0]
    assert ", …" in result.stderr and f"({total} in all: `saywho issues` lists them)" in result.stderr

    result = runner.invoke(app, ["issues", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["label"]: row for row in json.loads(result.stdout)}
    sanctions = rows["sanctions"]
    assert sanctions["id"] == dialogue.execute("SELECT id FROM issues WHERE label = 'sanctions'").fetchone()[0]
    assert sanctions["statements"] == 3 and sanctions["languages"] == ["any", "ru"]
    assert rows["topic 03"]["languages"] == [] and rows["elections"]["id"] is None  # store only / taxonomy only
    result = runner.invoke(app, ["issues", "--db", db])
    assert result.exit_code == 0 and "Kuril Islands" in result.stdout and "any, ru" in result.stdout
    result = runner.invoke(app, ["issues", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 0 and "peace treaty" in result.stdout and "taxonomy alone" in result.stdout

    # An issue is also named by its words in another language of the taxonomy (here its Russian keywords).
    english = queries.timeline(dialogue, "sanctions").to_json()
    assert queries.timeline(dialogue, "санкции").to_json() == english
    assert queries.timeline(dialogue, "мирный договор").total == queries.timeline(dialogue, "peace treaty").total
    result = runner.invoke(app, ["timeline", "санкции", "--db", db, "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["total"] == english["total"]
    with pytest.raises(StoreError, match="several issues"):
        queries.timeline(dialogue, "санкции и мирный договор")
