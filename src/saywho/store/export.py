"""Exports of the store: statements as JSON Lines or CSV, the actor-issue network as GraphML, and a
discourse-network statement table for Discourse Network Analyzer (DNA).

    export(conn, "jsonl", "statements.jsonl", where=StatementFilter(issue="sanctions"))
    export(conn, "graphml", "network.graphml")

Formats:

- `jsonl`: one statement per line, the dict of `queries.statements` (article, actor, spans, issues, times), except
  that `content` is the list of the content's pieces, each {start, end, text} (and its confidence where the model
  gave one), as in `saywho analyze` JSON: an interrupted quotation is two pieces.
- `csv`: one statement per row: statement_id, date, publisher, article_id, article_title, url, actor_id, actor,
  actor_type, speaker_name, kind, speech_act, confidence, issues ("label=stance; ..."), conditions, source,
  source_start, source_end, cue, cue_start, cue_end, content, content_start, content_end, content_pieces, method,
  source_confidence, cue_confidence, content_confidence (the model's per-span confidence; empty where the rules
  found the span). `content` is the text from the first piece's start to the last piece's end (what lies between
  the pieces of an interrupted quotation included), and `content_pieces` gives each piece as `start-end`,
  separated by `;` ("2964-3100;3150-3262").

Every span of every export holds its promise: `text[start:end]` of the article's text is the span's text.
- `graphml`: a two-mode network. Nodes: actors (`kind=actor`, `label`, `actor_type`, `statements`) and issues
  (`kind=issue`, `label`). One edge per actor-issue pair (or per actor-issue-period with `period`), with
  `weight` = support - oppose (the "subtract" aggregation of DNA: positive means agreement; a conditional stance
  counts as neither, as in `dna`), `statements`, `support`, `oppose`, `conditional`, `neutral`, `unknown`,
  `stance` (mean of support +1, neutral 0, oppose -1 in [-1, 1], or empty), and time attributes `start` and
  `end` (first and last statement date, ISO 8601; the period's bounds with `period`). Opens in Gephi, visone,
  networkx (`nx.read_graphml`).
- `dna`: DNA's statement table, one row per statement x issue with a known stance. Columns, in DNA's event-list
  layout: `statement ID`, `time` (YYYY-MM-DD 00:00:00), `document ID`, `document title`, `author`, `source`,
  `section`, `type`, `text`, then the variables of DNA's default "DNA Statement" type: `person`, `organization`,
  `concept`, `agreement` (1 = support, 0 = oppose). DNA's agreement is binary, and only support and oppose are
  positions it can hold: neutral and unknown stances are left out, and so are conditional ones, which are neither
  ("as long as the blockade lasts, there can be no talk of a trade deal" supports neither the blockade nor the
  deal; "we will lift the sanctions if ..." keeps them for now). With `conditional=True`
  (`saywho export dna --conditional`) each conditional stance is a row of its own concept, "<issue>
  (conditional)", with agreement 1: "states a condition on the issue", kept apart from the issue's agreement
  network (actors who set conditions on the same issue are congruent there, and nobody appears to support it).
  `person` is empty for organisations and states, which go in `organization`. `source` is the publisher, `author`
  the translator of a machine-translated article.

`graphml` and `dna` count each statement once: a stored translation of a stored article is left out (see
`queries.TRANSLATION_COPIES`); `jsonl` and `csv` list every statement.
"""

from __future__ import annotations

import csv
import dataclasses
import errno
import io
import json
import os
import secrets
import sqlite3
import stat
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from saywho.document import STANCES

from .queries import PERIODS, StatementFilter, check_period, stance_score, statements
from .schema import StoreError

FORMATS = ("jsonl", "csv", "graphml", "dna")
CSV_COLUMNS = [
    "statement_id",
    "date",
    "publisher",
    "article_id",
    "article_title",
    "url",
    "actor_id",
    "actor",
    "actor_type",
    "speaker_name",
    "kind",
    "speech_act",
    "confidence",
    "issues",
    "conditions",
    "source",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    # content: the text from the first piece's start to the last one's end; content_pieces: "start-end;start-end".
    "content",
    "content_start",
    "content_end",
    "content_pieces",
    "method",
    # How sure the model was of each part (empty where the rules found it); content: its least sure fragment.
    "source_confidence",
    "cue_confidence",
    "content_confidence",
]
DNA_COLUMNS = [
    "statement ID",
    "time",
    "document ID",
    "document title",
    "author",
    "source",
    "section",
    "type",
    "text",
    "person",
    "organization",
    "concept",
    "agreement",
]
_BATCH = 500
# DNA's binary agreement: only plain positions have one (see the module docstring for conditional stances).
DNA_AGREEMENT = {"support": 1, "oppose": 0}
CONDITIONAL_CONCEPT = "{issue} (conditional)"


def _originals(where: StatementFilter | None) -> StatementFilter:
    """`where`, leaving out translations of stored articles: a network counts each statement once."""
    return dataclasses.replace(where or StatementFilter(), originals_only=True)


def iter_statements(conn: sqlite3.Connection, where: StatementFilter | None = None) -> Iterator[dict[str, Any]]:
    """Every matching statement, oldest first, fetched in batches."""
    offset = 0
    while True:
        page = statements(conn, where, limit=_BATCH, offset=offset, order="date")
        yield from page.items
        offset += len(page.items)
        if len(page.items) < _BATCH:
            return


def export(
    conn: sqlite3.Connection,
    fmt: str,
    out: str | Path | IO[str],
    *,
    where: StatementFilter | None = None,
    period: str | None = None,
    conditional: bool = False,
) -> int:
    """Write `fmt` (jsonl, csv, graphml, dna) to a path or text stream; returns the number of records written.

    `conditional` (dna only): conditional stances as rows of their own "<issue> (conditional)" concepts.

    The arguments are checked before anything is written, and a path is written through a temporary file in its
    folder that replaces it only when the export is complete: on any error an existing file is left as it was.
    """
    writers = {"jsonl": write_jsonl, "csv": write_csv}
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    (where or StatementFilter()).where(conn)  # an unknown actor, issue, kind or date raises here, not mid-file
    if period is not None:
        check_period(period)
    with _open(out) as stream:
        if fmt == "graphml":
            return write_graphml(conn, stream, where=where, period=period)
        if fmt == "dna":
            return write_dna(conn, stream, where=where, conditional=conditional)
        return writers[fmt](conn, stream, where=where)


@contextmanager
def _open(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    if not isinstance(out, str | Path):
        yield out
        return
    target = Path(out)
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/stdout, a FIFO) cannot be replaced: write to it as it is.
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as err:
            raise StoreError(f"cannot write {out}: {err.strerror}") from None
        return
    target = target.resolve() if target.is_symlink() else target  # replace the file a link points to, not the link
    try:
        temp = _temporary_beside(target)
    except OSError as err:
        raise StoreError(f"cannot write {out}: {err.strerror}") from None
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            yield handle
        if target.exists():
            os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
        os.replace(temp, target)
    except OSError as err:
        raise StoreError(f"cannot write {out}: {err.strerror}") from None
    finally:
        temp.unlink(missing_ok=True)


def _temporary_beside(target: Path) -> Path:
    """A new empty file in `target`'s folder (so that the final rename is atomic), with the mode a new file gets."""
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # the umask applies, as for open()
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def write_jsonl(conn: sqlite3.Connection, out: IO[str], *, where: StatementFilter | None = None) -> int:
    n = 0
    for item in iter_statements(conn, where):
        out.write(json.dumps(statement_record(item), ensure_ascii=False) + "\n")
        n += 1
    return n


def statement_record(item: dict[str, Any]) -> dict[str, Any]:
    """The JSON Lines record of a statement dict: its content as the list of pieces, each an exact span, and
    `content_text` the pieces' words joined with " … "."""
    record = {**item, "content": item["fragments"]}
    del record["fragments"]
    return record


def statement_row(item: dict[str, Any]) -> dict[str, Any]:
    """The flat CSV row of a statement dict: `content` is the article's text over the whole range of the pieces
    (an exact span), `content_pieces` the pieces' offsets."""
    actor = item["actor"] or {}
    pieces = item["fragments"]
    start, end, content = item["content"]["start"], item["content"]["end"], item["content"]["text"]
    source, cue = item["source"] or {}, item["cue"] or {}
    return {
        "statement_id": item["id"],
        "date": item["date"] or "",
        "publisher": item["article"]["publisher"] or "",
        "article_id": item["article"]["id"],
        "article_title": item["article"]["title"] or "",
        "url": item["article"]["url"] or "",
        "actor_id": actor.get("id", ""),
        "actor": actor.get("name", ""),
        "actor_type": actor.get("type", ""),
        "speaker_name": item["speaker_name"] or "",
        "kind": item["kind"],
        "speech_act": item["speech_act"] or "",
        "confidence": item["confidence"],
        "issues": "; ".join(f"{i['issue']}={i['stance']}" for i in item["issues"]),
        "conditions": "; ".join(i["condition"]["text"] for i in item["issues"] if i["condition"]),
        "source": source.get("text", ""),
        "source_start": source.get("start", ""),
        "source_end": source.get("end", ""),
        "cue": cue.get("text", ""),
        "cue_start": cue.get("start", ""),
        "cue_end": cue.get("end", ""),
        "content": content,
        "content_start": start,
        "content_end": end,
        "content_pieces": ";".join(f"{p['start']}-{p['end']}" for p in pieces),
        "method": item["method"] or "",
        "source_confidence": _confidence(item["source"]),
        "cue_confidence": _confidence(item["cue"]),
        "content_confidence": min((f["confidence"] for f in pieces if f.get("confidence") is not None), default=""),
    }


def _confidence(span: dict[str, Any] | None) -> float | str:
    return "" if span is None or span.get("confidence") is None else span["confidence"]


def write_csv(conn: sqlite3.Connection, out: IO[str], *, where: StatementFilter | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for item in iter_statements(conn, where):
        writer.writerow(statement_row(item))
        n += 1
    return n


def write_dna(
    conn: sqlite3.Connection, out: IO[str], *, where: StatementFilter | None = None, conditional: bool = False
) -> int:
    """DNA's statement table: a row per statement and issue with a plain position (see the module docstring)."""
    writer = csv.writer(out)
    writer.writerow(DNA_COLUMNS)
    articles: dict[int, sqlite3.Row] = {}
    n = 0
    for item in iter_statements(conn, _originals(where)):
        article_id = item["article"]["id"]
        if article_id not in articles:
            articles[article_id] = conn.execute(
                "SELECT id, title, publisher, section, translator FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        doc = articles[article_id]
        person, organization = _dna_actor(conn, item)
        for issue in item["issues"]:
            concept, agreement = issue["issue"], DNA_AGREEMENT.get(issue["stance"])
            if issue["stance"] == "conditional" and conditional:
                concept, agreement = CONDITIONAL_CONCEPT.format(issue=issue["issue"]), 1
            if agreement is None:
                continue
            writer.writerow(
                [
                    f"{item['id']}.{concept}",
                    f"{item['date']} 00:00:00" if item["date"] and len(item["date"]) == 10 else item["date"] or "",
                    doc["id"],
                    doc["title"] or "",
                    doc["translator"] or "",
                    doc["publisher"] or "",
                    doc["section"] or "",
                    "news",
                    item["content_text"],
                    person,
                    organization,
                    concept,
                    agreement,
                ]
            )
            n += 1
    return n


def _dna_actor(conn: sqlite3.Connection, item: dict[str, Any]) -> tuple[str, str]:
    """(person, organization) of a statement: the organisation the article gives the speaker, else the actor's
    most frequent one."""
    actor = item["actor"]
    if actor is None:
        return "", item["speaker_name"] or ""
    if actor["type"] != "PERSON":
        return "", actor["name"]
    row = conn.execute(
        "SELECT r.organization FROM entity_roles r JOIN statements s ON s.article_entity_id = r.article_entity_id "
        "WHERE s.id = ? AND r.organization IS NOT NULL LIMIT 1",
        (item["id"],),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT organization FROM actor_roles WHERE actor_id = ? AND organization IS NOT NULL "
            "ORDER BY articles DESC LIMIT 1",
            (actor["id"],),
        ).fetchone()
    return actor["name"], row[0] if row else ""


# -- GraphML ----------------------------------------------------------------------------------------------------

_NODE_KEYS = [("label", "string"), ("kind", "string"), ("actor_type", "string"), ("statements", "int")]
_EDGE_KEYS = [
    ("weight", "double"),
    ("statements", "int"),
    *((s, "int") for s in STANCES),
    ("stance", "double"),
    ("start", "string"),
    ("end", "string"),
    ("period", "string"),
]


def network(
    conn: sqlite3.Connection, *, where: StatementFilter | None = None, period: str | None = None
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The actor-issue network as (nodes by id, edges); see the module docstring for the attributes."""
    width = check_period(period) if period else None
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in iter_statements(conn, _originals(where)):
        actor = item["actor"]
        if actor is None or not item["issues"]:
            continue
        a_id = f"actor:{actor['id']}"
        node = nodes.setdefault(
            a_id, {"label": actor["name"], "kind": "actor", "actor_type": actor["type"], "statements": 0}
        )
        node["statements"] += 1
        date = item["date"]
        per = (date[:width] if date else "undated") if width else ""
        for issue in item["issues"]:
            i_id = f"issue:{issue['issue']}"
            nodes.setdefault(i_id, {"label": issue["issue"], "kind": "issue", "actor_type": "", "statements": 0})
            nodes[i_id]["statements"] += 1
            edge = edges.setdefault(
                (a_id, i_id, per),
                {"source": a_id, "target": i_id, "period": per, "statements": 0, **{s: 0 for s in STANCES}},
            )
            edge["statements"] += 1
            edge[issue["stance"]] = edge.get(issue["stance"], 0) + 1
            if date:
                edge["start"] = min(edge.get("start") or date, date)
                edge["end"] = max(edge.get("end") or date, date)
    for edge in edges.values():
        edge["weight"] = edge["support"] - edge["oppose"]
        edge["stance"] = stance_score({s: edge[s] for s in STANCES})
        if width and edge["period"] != "undated":
            edge["start"], edge["end"] = _period_bounds(edge["period"])
    return nodes, list(edges.values())


def _period_bounds(period: str) -> tuple[str, str]:
    if len(period) == PERIODS["year"]:
        return f"{period}-01-01", f"{period}-12-31"
    if len(period) == PERIODS["month"]:
        import calendar

        year, month = int(period[:4]), int(period[5:7])
        return f"{period}-01", f"{period}-{calendar.monthrange(year, month)[1]:02d}"
    return period, period


def write_graphml(
    conn: sqlite3.Connection, out: IO[str], *, where: StatementFilter | None = None, period: str | None = None
) -> int:
    """Write the actor-issue network as GraphML (standard library only); returns the number of edges."""
    nodes, edges = network(conn, where=where, period=period)
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for name, type_ in _NODE_KEYS:
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": type_})
    for name, type_ in _EDGE_KEYS:
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": type_})
    graph = ET.SubElement(root, "graph", {"id": "saywho", "edgedefault": "directed"})
    for node_id, attrs in nodes.items():
        node = ET.SubElement(graph, "node", {"id": node_id})
        for name, _ in _NODE_KEYS:
            if attrs.get(name) not in (None, ""):
                ET.SubElement(node, "data", {"key": f"n_{name}"}).text = str(attrs[name])
    for n, attrs in enumerate(edges):
        edge = ET.SubElement(graph, "edge", {"id": f"e{n}", "source": attrs["source"], "target": attrs["target"]})
        for name, _ in _EDGE_KEYS:
            if attrs.get(name) not in (None, ""):
                ET.SubElement(edge, "data", {"key": f"e_{name}"}).text = str(attrs[name])
    ET.indent(root)
    buffer = io.StringIO()
    ET.ElementTree(root).write(buffer, encoding="unicode", xml_declaration=True)
    out.write(buffer.getvalue() + "\n")
    return len(edges)
