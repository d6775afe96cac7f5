"""Exports open in the tools they target: GraphML in networkx, CSV and the DNA table in pandas, JSON Lines in json."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from saywho.document import Article, ArticleMeta, Attribution, Entity, Span
from saywho.store import StoreError, connect, store_article
from saywho.store.export import CSV_COLUMNS, DNA_COLUMNS, export
from saywho.store.queries import StatementFilter
from store_data import dialogue_articles


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = connect(tmp_path / "store.db")
    for article in dialogue_articles():
        store_article(c, article)
    yield c
    c.close()


def test_jsonl_has_every_statement_with_spans_and_issues(conn: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    assert export(conn, "jsonl", out) == 7
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["date"] for r in rows][:2] == ["2025-05-10", "2025-05-10"] and rows[-1]["date"] is None
    dobrinskaya = next(r for r in rows if r["speaker_name"] == "Olga Dobrinskaya")
    assert dobrinskaya["issues"][0]["condition"]["text"] == "only if Japan eases the sanctions regime"
    stream = io.StringIO()
    assert export(conn, "jsonl", stream, where=StatementFilter(actor="Rudenko")) == 3


def test_csv_loads_in_pandas(conn: sqlite3.Connection, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "s.csv"
    export(conn, "csv", out)
    frame = pd.read_csv(out)
    assert list(frame.columns) == CSV_COLUMNS and len(frame) == 7
    rudenko = frame[frame["actor"] == "Andrei Rudenko"]
    assert len(rudenko) == 3 and "sanctions=oppose" in set(rudenko["issues"].dropna())


def test_dna_table_loads_in_pandas(conn: sqlite3.Connection, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "dna.csv"
    # Statements x issues with a plain position: neutral, unknown, conditional and no-issue statements have no
    # agreement in DNA's binary variable.
    assert export(conn, "dna", out) == 3
    frame = pd.read_csv(out)
    assert list(frame.columns) == DNA_COLUMNS
    assert set(frame["agreement"]) == {0, 1}
    row = frame[(frame["person"] == "Andrei Rudenko") & (frame["concept"] == "sanctions")].iloc[0]
    assert row["agreement"] == 0 and row["time"] == "2025-06-02 00:00:00"
    assert set(frame[frame["concept"] == "sanctions"]["agreement"]) == {0, 1}  # Rudenko against, Motegi for
    assert "Olga Dobrinskaya" not in set(frame["person"].dropna())  # her position on the sanctions is conditional
    japan = frame[frame["organization"] == "Japan"].iloc[0]
    assert pd.isna(japan["person"]) and japan["concept"] == "Kuril Islands"


def test_dna_conditional_stances_only_on_request_and_as_concepts_of_their_own(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "dna.csv"
    assert export(conn, "dna", out, conditional=True) == 5
    frame = pd.read_csv(out)
    dobrinskaya = frame[frame["person"] == "Olga Dobrinskaya"].iloc[0]
    assert dobrinskaya["organization"] == "Institute of China and Modern Asia"
    assert (dobrinskaya["concept"], dobrinskaya["agreement"]) == ("sanctions (conditional)", 1)
    # A condition never counts as agreement with the issue itself.
    assert set(frame[frame["concept"] == "sanctions"]["person"]) == {"Andrei Rudenko", "Toshimitsu Motegi"}
    assert set(frame["concept"]) == {
        "sanctions",
        "Kuril Islands",
        "sanctions (conditional)",
        "peace treaty (conditional)",
    }


def test_graphml_parses_with_networkx(conn: sqlite3.Connection, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / "net.graphml"
    edges = export(conn, "graphml", out)
    graph = nx.read_graphml(out)
    assert graph.number_of_edges() == edges == 5
    rudenko = next(n for n, d in graph.nodes(data=True) if d.get("label") == "Andrei Rudenko")
    assert graph.nodes[rudenko]["kind"] == "actor" and graph.nodes["issue:sanctions"]["kind"] == "issue"
    on_sanctions = graph.edges[rudenko, "issue:sanctions"]
    assert on_sanctions["weight"] == -1.0 and on_sanctions["oppose"] == 1 and on_sanctions["stance"] == -1.0
    on_treaty = graph.edges[rudenko, "issue:peace treaty"]
    # One conditional stance and one neutral: a condition is neither support nor opposition (as in the DNA
    # export), so the edge weighs nothing and its mean stance is the neutral one's.
    assert (on_treaty["statements"], on_treaty["conditional"], on_treaty["neutral"]) == (2, 1, 1)
    assert on_treaty["weight"] == 0.0 and on_treaty["stance"] == 0.0
    assert (on_treaty["start"], on_treaty["end"]) == ("2025-05-10", "2026-01-15")
    # One edge per period: parallel edges, read back as a multigraph.
    export(conn, "graphml", out, period="month")
    multi = nx.read_graphml(out)
    periods = {d["period"] for _, v, d in multi.edges(data=True) if v == "issue:peace treaty"}
    assert periods == {"2025-05", "2026-01"}
    edge = next(d for _, v, d in multi.edges(data=True) if d["period"] == "2026-01")
    assert (edge["start"], edge["end"]) == ("2026-01-01", "2026-01-31")


def test_unknown_format_and_unwritable_path(conn: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export(conn, "xlsx", tmp_path / "x")
    with pytest.raises(StoreError, match="cannot write"):
        export(conn, "csv", tmp_path / "missing" / "x.csv")


def test_a_failed_export_leaves_an_existing_file_as_it_was(
    conn: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import saywho.store.export as export_module

    out = tmp_path / "keep.csv"
    out.write_text("the analyst's earlier export\n", encoding="utf-8")
    # A bad filter is refused before the file is opened (it was truncated first).
    with pytest.raises(StoreError, match="no actor matches"):
        export(conn, "csv", out, where=StatementFilter(actor="Nobody"))
    with pytest.raises(StoreError, match="unknown kind"):
        export(conn, "dna", out, where=StatementFilter(kind="bogus"))
    assert out.read_text(encoding="utf-8") == "the analyst's earlier export\n"

    # A failure half-way through writes nothing either: the rows go to a temporary file, renamed when complete.
    def failing(conn: sqlite3.Connection, where: StatementFilter | None = None):
        yield from export_module.statements(conn, where, limit=2).items
        raise StoreError("the disk went away")

    monkeypatch.setattr(export_module, "iter_statements", failing)
    with pytest.raises(StoreError, match="the disk went away"):
        export(conn, "csv", out)
    assert out.read_text(encoding="utf-8") == "the analyst's earlier export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "store.db" and not p.name.startswith("store.db-")] == [
        "keep.csv"
    ]
    monkeypatch.undo()
    out.chmod(0o640)
    assert export(conn, "csv", out) == 7
    assert out.read_text(encoding="utf-8").startswith("statement_id,") and (out.stat().st_mode & 0o777) == 0o640


def test_cli_export_checks_its_arguments_before_writing(conn: sqlite3.Connection, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from saywho.store.commands import register

    app = typer.Typer(pretty_exceptions_enable=False)
    register(app)
    runner = CliRunner()
    db = str(tmp_path / "store.db")
    out = tmp_path / "existing.csv"
    out.write_text("keep me\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "csv", "--actor", "Nobody", "-o", str(out), "--db", db])
    assert result.exit_code == 1 and "no actor matches 'Nobody'" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    # To stdout: the error, and not a header line before it.
    result = runner.invoke(app, ["export", "dna", "--kind", "bogus", "--db", db])
    assert result.exit_code == 1 and "unknown kind 'bogus'" in result.stderr
    assert result.stdout == ""


def _interrupted_quotation() -> Article:
    """An article with a quotation interrupted by its reporting clause: one statement, two content pieces."""
    text = 'Treaty talks\n\n"We are ready," Ivan Petrov said, "to sign the treaty this year." Nothing else.'
    first, second = text.index("We are ready"), text.index("to sign")
    source, cue = text.index("Ivan Petrov"), text.index("said")
    attribution = Attribution(
        id="a1",
        content=[Span.of(text, first, first + 12), Span.of(text, second, text.index('."'))],
        source=Span.of(text, source, source + 11),
        cue=Span.of(text, cue, cue + 4),
        kind="direct",
        speaker="e1",
        confidence=0.9,
        method="test",
    )
    person = Entity(id="e1", name="Ivan Petrov", type="PERSON", mentions=[attribution.source])
    meta = ArticleMeta(title="Treaty talks", published="2025-07-01", language="en")
    article = Article(text=text, meta=meta, attributions=[attribution], entities=[person])
    article.validate()
    return article


def test_every_exported_span_is_exact_for_a_content_in_pieces(conn: sqlite3.Connection, tmp_path: Path) -> None:
    # JSONL and CSV gave the whole range's offsets with the pieces' texts joined by " … ": no span of the text.
    article_id = store_article(conn, _interrupted_quotation()).article_id
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    texts = {r[0]: r[1] for r in conn.execute("SELECT id, text FROM articles")}

    def exact(article: int, span: dict | None) -> None:
        if span is not None:
            assert texts[article][span["start"] : span["end"]] == span["text"], span

    export(conn, "jsonl", tmp_path / "s.jsonl")
    records = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 8
    for record in records:
        article = record["article"]["id"]
        assert isinstance(record["content"], list) and "fragments" not in record
        for span in (record["source"], record["cue"], *record["content"], *record["times"]):
            exact(article, span)
        for issue in record["issues"]:
            exact(article, issue["condition"])
    (pieces,) = [r["content"] for r in records if r["article"]["id"] == article_id]
    assert [p["text"] for p in pieces] == ["We are ready", "to sign the treaty this year"]

    export(conn, "csv", tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8 and list(rows[0]) == CSV_COLUMNS
    for row in rows:
        full = texts[int(row["article_id"])]
        assert full[int(row["content_start"]) : int(row["content_end"])] == row["content"]
        assert full[int(row["source_start"]) : int(row["source_end"])] == row["source"]
        assert full[int(row["cue_start"]) : int(row["cue_end"])] == row["cue"]
        bounds = [tuple(map(int, piece.split("-"))) for piece in row["content_pieces"].split(";")]
        assert bounds[0][0] == int(row["content_start"]) and bounds[-1][1] == int(row["content_end"])
    (row,) = [r for r in rows if int(r["article_id"]) == article_id]
    assert [text[s:e] for s, e in (map(int, p.split("-")) for p in row["content_pieces"].split(";"))] == [
        "We are ready",
        "to sign the treaty this year",
    ]
    assert row["content"] == 'We are ready," Ivan Petrov said, "to sign the treaty this year'


def test_a_stored_statements_content_is_a_span_and_its_words_are_content_text(conn: sqlite3.Connection) -> None:
    # `/api/statements` gave `content` the whole range's offsets with the pieces joined by " … " as its text.
    from saywho.store import queries

    article_id = store_article(conn, _interrupted_quotation()).article_id
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    (item,) = [i for i in queries.statements(conn, limit=100).items if i["article"]["id"] == article_id]
    content = item["content"]
    assert text[content["start"] : content["end"]] == content["text"]
    assert content["text"] == 'We are ready," Ivan Petrov said, "to sign the treaty this year'
    assert item["content_text"] == "We are ready … to sign the treaty this year"


def test_cli_export_dna_conditional_flag(conn: sqlite3.Connection, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from saywho.store.commands import register

    app = typer.Typer(pretty_exceptions_enable=False)
    register(app)
    db, out = str(tmp_path / "store.db"), tmp_path / "dna.csv"
    plain = CliRunner().invoke(app, ["export", "dna", "-o", str(out), "--db", db])
    assert plain.exit_code == 0 and "(conditional)" not in out.read_text(encoding="utf-8")
    flagged = CliRunner().invoke(app, ["export", "dna", "--conditional", "-o", str(out), "--db", db])
    assert flagged.exit_code == 0 and "sanctions (conditional)" in out.read_text(encoding="utf-8")
