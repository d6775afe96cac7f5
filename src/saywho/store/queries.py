"""Read-only questions to the store, answered as plain dicts (JSON-ready) for the CLI, exports and a web API.

    quotes(conn, actor="Petrov", issue="sanctions", since="2025-01", limit=20)   -> Page of statements
    actors(conn)                        -> Page of actors with statement counts
    actor(conn, "Sidorov")               -> one actor: aliases, roles (first/last seen), issues, stance over time
    issue_stances(conn, "peace treaty") -> statements per period x issue x stance
    timeline(conn, "peace treaty")      -> Page of statements on an issue, oldest first
    stance_matrix(conn, "sanctions", period="month")   -> actor x period stance counts
    search(conn, "sanctions", where=StatementFilter(actor="Petrov"))  -> Page of statements matching an FTS5 query
    article(conn, 12)                   -> one article with its text, statements and translations
    articles(conn, language="ru")       -> Page of articles with statement counts and translation links
    translations(conn, 12)              -> the articles linked to one as its translations

Lists come as `Page(total, limit, offset, items)`: `total` counts every match, for pagination. Dates are the
articles' publication dates (ISO 8601); `since` and `until` take YYYY, YYYY-MM or YYYY-MM-DD and are inclusive.
A name that matches no actor (or several) raises `StoreError` with a one-line reason.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from saywho.document import KINDS, STANCES

from .actors import find_actor
from .issue_names import issue_by_name
from .schema import StoreError

PERIODS = {"day": 10, "month": 7, "year": 4}
# A stance's place on one axis. A conditional stance is on none: "we will lift the sanctions if …" keeps them
# for now and promises their end, and DNA's exports leave it out for the same reason (see store/export.py).
STANCE_SCORE = {"support": 1.0, "neutral": 0.0, "oppose": -1.0}


def stance_score(counts: dict[str, int]) -> float | None:
    """Mean position (support +1, neutral 0, oppose -1) over the statements that take one; None if none does."""
    known = {s: n for s, n in counts.items() if s in STANCE_SCORE and n}
    if not known:
        return None
    return round(sum(STANCE_SCORE[s] * n for s, n in known.items()) / sum(known.values()), 3)


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# -- filters ----------------------------------------------------------------------------------------------------


# A stored translation of another stored article repeats its statements (`article_links`). Counts, stance tables
# and the network exports take each statement once, from the original: in a linked pair the copy is the article
# that credits a translation when the other does not, else the one stored later.
TRANSLATION_COPIES = (
    "SELECT l.article_id FROM article_links l JOIN articles t ON t.id = l.article_id "
    "JOIN articles o ON o.id = l.other_article_id WHERE l.relation = 'translation' AND "
    "((t.translated_from IS NOT NULL AND o.translated_from IS NULL) OR "
    "((t.translated_from IS NULL) = (o.translated_from IS NULL) AND t.id > o.id))"
)
NOT_A_TRANSLATION_COPY = f"s.article_id NOT IN ({TRANSLATION_COPIES})"


@dataclass
class StatementFilter:
    actor: str | int | None = None
    issue: str | None = None
    stance: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    speech_act: str | None = None
    publisher: str | None = None
    article_id: int | None = None
    # Leave out the statements of stored translations of stored articles (see NOT_A_TRANSLATION_COPY).
    originals_only: bool = False

    def where(self, conn: sqlite3.Connection) -> tuple[str, list[Any]]:
        """SQL conditions over `s` (statements) and `a` (articles), and their parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor is not None:
            clauses.append("s.actor_id = ?")
            params.append(int(find_actor(conn, self.actor)["id"]))
        if self.issue is not None or self.stance is not None:
            sub = "SELECT statement_id FROM statement_issues si WHERE 1"
            if self.issue is not None:
                ids = issue_ids(conn, self.issue)
                sub += f" AND si.issue_id IN ({','.join('?' * len(ids))})"
                params.extend(ids)
            if self.stance is not None:
                if self.stance not in STANCES:
                    raise StoreError(f"unknown stance {self.stance!r} (one of {', '.join(STANCES)})")
                sub += " AND si.stance = ?"
                params.append(self.stance)
            clauses.append(f"s.id IN ({sub})")
        if self.since:
            clauses.append("a.published >= ?")
            params.append(check_date(self.since, "since"))
        if self.until:
            until = check_date(self.until, "until")
            clauses.append("substr(a.published, 1, ?) <= ?")
            params += [len(until), until]
        if self.kind is not None:
            if self.kind not in KINDS:
                raise StoreError(f"unknown kind {self.kind!r} (one of {', '.join(KINDS)})")
            clauses.append("s.kind = ?")
            params.append(self.kind)
        if self.speech_act is not None:
            clauses.append("s.speech_act = ?")
            params.append(self.speech_act)
        if self.publisher is not None:
            clauses.append("a.publisher = ? COLLATE NOCASE")
            params.append(self.publisher)
        if self.article_id is not None:
            clauses.append("s.article_id = ?")
            params.append(int(self.article_id))
        if self.originals_only:
            clauses.append(NOT_A_TRANSLATION_COPY)
        return (" AND ".join(clauses) or "1"), params


def check_date(value: str, what: str = "date") -> str:
    value = value.strip()
    parts = value.split("-")
    try:
        if not _DATE.match(value):
            raise ValueError
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        raise StoreError(f"{what} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from None
    return value


def check_period(period: str) -> int:
    if period not in PERIODS:
        raise StoreError(f"unknown period {period!r} (one of {', '.join(PERIODS)})")
    return PERIODS[period]


def issue_ids(conn: sqlite3.Connection, label: str) -> list[int]:
    """The issue with this label (case-insensitive; or words of its taxonomy vocabulary in any of its languages, see
    `issue_names`) and all its descendants."""
    row = issue_by_name(conn, label)
    rows = conn.execute(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT i.id FROM issues i JOIN sub ON i.parent_id = sub.id) "
        "SELECT id FROM sub",
        (row[0],),
    )
    return [int(r[0]) for r in rows]


# -- statements -------------------------------------------------------------------------------------------------

_STATEMENT_COLUMNS = """
    s.id, s.article_id, s.attribution_id, s.actor_id, s.speaker_name, s.kind, s.speech_act, s.confidence, s.method,
    s.source_start, s.source_end, s.source_text, s.cue_start, s.cue_end, s.cue_text,
    s.source_confidence, s.cue_confidence, s.content_start, s.content_end, s.content_text, s.content_fragments,
    substr(a.text, s.content_start + 1, s.content_end - s.content_start) AS content_span_text,
    a.published, a.title, a.publisher, a.url, a.source_path, ac.name AS actor_name, ac.type AS actor_type
"""
_STATEMENT_FROM = "statements s JOIN articles a ON a.id = s.article_id LEFT JOIN actors ac ON ac.id = s.actor_id"
_ORDERS = {
    "date": "a.published IS NULL, a.published, s.article_id, s.content_start",
    "-date": "a.published IS NULL, a.published DESC, s.article_id DESC, s.content_start",
}


def _span(start: Any, end: Any, text: Any, confidence: float | None = None) -> dict[str, Any] | None:
    """A span as `Span.to_json` writes it: the confidence only where the model gave one."""
    if start is None:
        return None
    out: dict[str, Any] = {"start": start, "end": end, "text": text}
    if confidence is not None:
        out["confidence"] = confidence
    return out


def _statement(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "date": row["published"],
        "article": {
            "id": row["article_id"],
            "title": row["title"],
            "published": row["published"],
            "publisher": row["publisher"],
            "url": row["url"],
            "source_path": row["source_path"],
        },
        "attribution_id": row["attribution_id"],
        "actor": {"id": row["actor_id"], "name": row["actor_name"], "type": row["actor_type"]}
        if row["actor_id"] is not None
        else None,
        "speaker_name": row["speaker_name"],
        "kind": row["kind"],
        "speech_act": row["speech_act"],
        "confidence": row["confidence"],
        "method": row["method"],
        "source": _span(row["source_start"], row["source_end"], row["source_text"], row["source_confidence"]),
        "cue": _span(row["cue_start"], row["cue_end"], row["cue_text"], row["cue_confidence"]),
        # `content` is a span like every other (the article's text from its first piece's start to its last piece's
        # end, the words between the pieces of an interrupted quotation included); `content_text` is what was
        # said, its pieces joined with " … " (what search matches and pages show); `fragments` the pieces.
        "content": {"start": row["content_start"], "end": row["content_end"], "text": row["content_span_text"]},
        "content_text": row["content_text"],
        "fragments": json.loads(row["content_fragments"]),
        "issues": [],
        "times": [],
    }


def _attach_details(conn: sqlite3.Connection, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fill each statement's issues (with stance and condition) and time references."""
    by_id = {item["id"]: item for item in items}
    if not by_id:
        return items
    marks = ",".join("?" * len(by_id))
    for row in conn.execute(
        f"SELECT si.statement_id, i.label, si.stance, si.confidence, si.condition_start, si.condition_end, "
        f"si.condition_text FROM statement_issues si JOIN issues i ON i.id = si.issue_id "
        f"WHERE si.statement_id IN ({marks}) ORDER BY si.id",
        list(by_id),
    ):
        by_id[row[0]]["issues"].append(
            {
                "issue": row["label"],
                "stance": row["stance"],
                "confidence": row["confidence"],
                "condition": _span(row["condition_start"], row["condition_end"], row["condition_text"]),
            }
        )
    for row in conn.execute(
        f'SELECT statement_id, start, "end", text, value, granularity FROM statement_times '
        f"WHERE statement_id IN ({marks}) ORDER BY id",
        list(by_id),
    ):
        by_id[row[0]]["times"].append(
            {"start": row[1], "end": row[2], "text": row[3], "value": row[4], "granularity": row[5]}
        )
    return items


def statements(
    conn: sqlite3.Connection,
    where: StatementFilter | None = None,
    *,
    limit: int | None = 50,
    offset: int = 0,
    order: str = "-date",
) -> Page:
    """Statements matching `where`, newest first by default (`order="date"`: oldest first); `limit=None`: all."""
    sql, params = (where or StatementFilter()).where(conn)
    total = conn.execute(f"SELECT count(*) FROM {_STATEMENT_FROM} WHERE {sql}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {_STATEMENT_COLUMNS} FROM {_STATEMENT_FROM} WHERE {sql} ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?",
        [*params, -1 if limit is None else int(limit), int(offset)],
    ).fetchall()
    items = _attach_details(conn, [_statement(r) for r in rows])
    return Page(total, -1 if limit is None else int(limit), int(offset), items)


def quotes(
    conn: sqlite3.Connection,
    actor: str | int | None = None,
    issue: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    *,
    stance: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> Page:
    """Who said what: statements filtered by actor, issue (and its sub-issues), date range, kind and stance."""
    where = StatementFilter(actor=actor, issue=issue, since=since, until=until, kind=kind, stance=stance)
    return statements(conn, where, limit=limit, offset=offset)


def timeline(
    conn: sqlite3.Connection,
    issue: str,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | int | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> Page:
    """Statements on an issue, oldest first, each with its stance and condition (in `issues`)."""
    where = StatementFilter(issue=issue, since=since, until=until, actor=actor)
    return statements(conn, where, limit=limit, offset=offset, order="date")


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    where: StatementFilter | None = None,
    limit: int = 50,
    offset: int = 0,
    marks: tuple[str, str] = ("[", "]"),
    snippet_tokens: int = 16,
) -> Page:
    """Full-text search (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*, speaker:name) over statements,
    best matches first, narrowed by `where` (actor, issue, stance, dates, kind, ...). Each item has a `snippet`
    of the content with the matches between `marks`."""
    if not query.strip():
        raise StoreError("empty search query")
    sql, params = (where or StatementFilter()).where(conn)
    fts = "JOIN statements_fts ON statements_fts.rowid = s.id WHERE statements_fts MATCH ?"
    joined = f"{_STATEMENT_FROM} {fts} AND {sql}"
    opening, closing = (m.replace("'", "''") for m in marks)
    try:
        total = conn.execute(f"SELECT count(*) FROM {joined}", [query, *params]).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_STATEMENT_COLUMNS}, snippet(statements_fts, 0, '{opening}', '{closing}', '…', "
            f"{int(snippet_tokens)}) AS snippet FROM {joined} ORDER BY statements_fts.rank LIMIT ? OFFSET ?",
            [query, *params, int(limit), int(offset)],
        ).fetchall()
    except sqlite3.OperationalError as err:
        hint = 'close every quotation mark, and put words with punctuation in double quotes ("U.S.-Russia")'
        raise StoreError(f"bad search query {query!r}: {err}; {hint}") from None
    items = []
    for row in rows:
        item = _statement(row)
        item["snippet"] = row["snippet"]
        items.append(item)
    return Page(total, limit, offset, _attach_details(conn, items))


# -- actors -----------------------------------------------------------------------------------------------------


def actors(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    name: str | None = None,
    min_statements: int = 0,
    limit: int | None = 50,
    offset: int = 0,
) -> Page:
    """Canonical actors, most quoted first, with statement and article counts and their name variants."""
    clauses, params = ["1"], []
    if type is not None:
        clauses.append("ac.type = ?")
        params.append(type.upper())
    if name:
        clauses.append("ac.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ?)")
        params.append(f"%{name}%")
    base = (
        "SELECT ac.id, ac.name, ac.type, ac.first_seen, ac.last_seen, "
        f"(SELECT count(*) FROM statements s WHERE s.actor_id = ac.id AND {NOT_A_TRANSLATION_COPY}) AS statements, "
        "(SELECT count(DISTINCT article_id) FROM article_entities ae WHERE ae.actor_id = ac.id "
        f"AND ae.article_id NOT IN ({TRANSLATION_COPIES})) AS articles "
        f"FROM actors ac WHERE {' AND '.join(clauses)}"
    )
    total = conn.execute(f"SELECT count(*) FROM ({base}) WHERE statements >= ?", [*params, min_statements])
    rows = conn.execute(
        f"SELECT * FROM ({base}) WHERE statements >= ? ORDER BY statements DESC, articles DESC, name LIMIT ? OFFSET ?",
        [*params, min_statements, -1 if limit is None else limit, offset],
    ).fetchall()
    items = [dict(r) for r in rows]
    for item in items:
        item["aliases"] = [
            r[0]
            for r in conn.execute(
                "SELECT alias FROM actor_aliases WHERE actor_id = ? AND alias != ? ORDER BY mentions DESC, alias",
                (item["id"], item["name"]),
            )
        ]
    return Page(total.fetchone()[0], -1 if limit is None else limit, offset, items)


def actor(conn: sqlite3.Connection, name: str | int, *, period: str = "month", recent: int = 5) -> dict[str, Any]:
    """One actor: name variants, roles with first/last seen, statements by issue and stance, stance over time."""
    row = find_actor(conn, name)
    actor_id = int(row["id"])
    width = check_period(period)
    aliases = [
        dict(r)
        for r in conn.execute(
            "SELECT alias, mentions, origin FROM actor_aliases WHERE actor_id = ? ORDER BY mentions DESC, alias",
            (actor_id,),
        )
    ]
    roles = [
        dict(r)
        for r in conn.execute(
            "SELECT title, organization, country, first_seen, last_seen, articles FROM actor_roles "
            "WHERE actor_id = ? ORDER BY articles DESC, last_seen DESC",
            (actor_id,),
        )
    ]
    counts = conn.execute(
        f"SELECT (SELECT count(*) FROM statements s WHERE actor_id = ? AND {NOT_A_TRANSLATION_COPY}), "
        "(SELECT count(DISTINCT article_id) FROM article_entities WHERE actor_id = ? "
        f"AND article_id NOT IN ({TRANSLATION_COPIES})), "
        f"(SELECT count(*) FROM statements s WHERE actor_id = ? AND NOT {NOT_A_TRANSLATION_COPY})",
        (actor_id, actor_id, actor_id),
    ).fetchone()
    by_issue: dict[str, dict[str, int]] = {}
    for r in conn.execute(
        "SELECT i.label, si.stance, count(*) FROM statement_issues si JOIN issues i ON i.id = si.issue_id "
        f"JOIN statements s ON s.id = si.statement_id WHERE s.actor_id = ? AND {NOT_A_TRANSLATION_COPY} "
        "GROUP BY i.label, si.stance",
        (actor_id,),
    ):
        by_issue.setdefault(r[0], {s: 0 for s in STANCES})[r[1]] = r[2]
    issues = [{"issue": label, **c, "total": sum(c.values())} for label, c in by_issue.items()]
    issues.sort(key=lambda d: (-d["total"], d["issue"]))
    # Pairs of this actor's articles linked as translations: the same statements, told twice.
    pairs = conn.execute(
        "SELECT count(*) FROM article_links l WHERE l.relation = 'translation' AND l.article_id < l.other_article_id "
        "AND l.article_id IN (SELECT article_id FROM article_entities WHERE actor_id = ?) "
        "AND l.other_article_id IN (SELECT article_id FROM article_entities WHERE actor_id = ?)",
        (actor_id, actor_id),
    ).fetchone()[0]
    return {
        "id": actor_id,
        "name": row["name"],
        "type": row["type"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "statements": counts[0],
        "articles": counts[1],
        "translation_pairs": pairs,
        # Statements in stored translations of stored articles: listed, not counted (see TRANSLATION_COPIES).
        "statements_in_translations": counts[2],
        "aliases": aliases,
        "roles": roles,
        "issues": issues,
        "stance_over_time": _stance_rows(conn, f"s.actor_id = ? AND {NOT_A_TRANSLATION_COPY}", [actor_id], width),
        "recent": statements(conn, StatementFilter(actor=actor_id), limit=recent).items,
    }


def _stance_rows(conn: sqlite3.Connection, where: str, params: list[Any], width: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT coalesce(substr(a.published, 1, {width}), 'undated') AS period, i.label AS issue, si.stance, "
        f"count(*) AS statements FROM statement_issues si JOIN issues i ON i.id = si.issue_id "
        f"JOIN statements s ON s.id = si.statement_id JOIN articles a ON a.id = s.article_id "
        f"WHERE {where} GROUP BY period, i.label, si.stance ORDER BY period = 'undated', period, i.label, si.stance",
        params,
    )
    return [dict(r) for r in rows]


def issue_stances(
    conn: sqlite3.Connection, issue: str | None = None, *, period: str = "month", actor: str | int | None = None
) -> list[dict[str, Any]]:
    """Statements by issue and stance over time: rows of {period, issue, stance, statements}."""
    width = check_period(period)
    clauses, params = [NOT_A_TRANSLATION_COPY], []
    if issue is not None:
        ids = issue_ids(conn, issue)
        clauses.append(f"si.issue_id IN ({','.join('?' * len(ids))})")
        params += ids
    if actor is not None:
        clauses.append("s.actor_id = ?")
        params.append(int(find_actor(conn, actor)["id"]))
    return _stance_rows(conn, " AND ".join(clauses), params, width)


def stance_matrix(
    conn: sqlite3.Connection,
    issue: str,
    *,
    period: str = "month",
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Actor x period matrix of stances on an issue (and its sub-issues).

    Each cell: counts per stance, `total`, `score` (`stance_score`: mean of support +1, neutral 0, oppose -1;
    conditional and unknown stances take no position; None if no statement does) and `dominant` (the most
    frequent stance).
    """
    width = check_period(period)
    ids = issue_ids(conn, issue)
    clauses = [f"si.issue_id IN ({','.join('?' * len(ids))})", "s.actor_id IS NOT NULL", NOT_A_TRANSLATION_COPY]
    params: list[Any] = list(ids)
    if since:
        clauses.append("a.published >= ?")
        params.append(check_date(since, "since"))
    if until:
        u = check_date(until, "until")
        clauses.append("substr(a.published, 1, ?) <= ?")
        params += [len(u), u]
    rows = conn.execute(
        f"SELECT s.actor_id, ac.name, coalesce(substr(a.published, 1, {width}), 'undated') AS period, si.stance, "
        f"count(*) FROM statement_issues si JOIN statements s ON s.id = si.statement_id "
        f"JOIN articles a ON a.id = s.article_id JOIN actors ac ON ac.id = s.actor_id "
        f"WHERE {' AND '.join(clauses)} GROUP BY s.actor_id, period, si.stance",
        params,
    ).fetchall()
    periods: set[str] = set()
    table: dict[int, dict[str, Any]] = {}
    for actor_id, name, per, stance, n in rows:
        periods.add(per)
        entry = table.setdefault(actor_id, {"actor_id": actor_id, "actor": name, "cells": {}, "total": 0})
        cell = entry["cells"].setdefault(per, {s: 0 for s in STANCES})
        cell[stance] = cell.get(stance, 0) + n
        entry["total"] += n
    for entry in table.values():
        for cell in entry["cells"].values():
            counts = {s: cell[s] for s in STANCES}
            cell["total"] = sum(counts.values())
            cell["score"] = stance_score(counts)
            cell["dominant"] = max(counts, key=lambda s: (counts[s], s != "unknown"))
    ordered = sorted(periods, key=lambda p: (p == "undated", p))
    actors_ = sorted(table.values(), key=lambda e: (-e["total"], e["actor"]))
    return {"issue": issue, "period": period, "periods": ordered, "actors": actors_}


def issues(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every issue with its parent and number of statements."""
    rows = conn.execute(
        "SELECT i.id, i.label, i.description, p.label AS parent, "
        "(SELECT count(DISTINCT statement_id) FROM statement_issues si JOIN statements s ON s.id = si.statement_id "
        f"WHERE si.issue_id = i.id AND {NOT_A_TRANSLATION_COPY}) AS statements "
        "FROM issues i LEFT JOIN issues p ON p.id = i.parent_id ORDER BY statements DESC, i.label"
    )
    return [dict(r) for r in rows]


def article(conn: sqlite3.Connection, article_id: int, *, with_text: bool = True) -> dict[str, Any]:
    """One article: metadata, (text,) entities with their actors, and statements in text order."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise StoreError(f"no article with id {article_id}")
    data = dict(row)
    if not with_text:
        data.pop("text")
    data["entities"] = [
        {**dict(r), "aliases": json.loads(r["aliases"]), "mentions": json.loads(r["mentions"])}
        for r in conn.execute(
            "SELECT ae.entity_id, ae.name, ae.type, ae.actor_id, ac.name AS actor, ae.aliases, ae.mentions "
            "FROM article_entities ae LEFT JOIN actors ac ON ac.id = ae.actor_id WHERE ae.article_id = ? "
            "ORDER BY ae.id",
            (article_id,),
        )
    ]
    data["statements"] = statements(conn, StatementFilter(article_id=article_id), limit=None, order="date").items
    data["statements"].sort(key=lambda s: s["content"]["start"])
    data["translations"] = translations(conn, article_id)
    return data


def translations(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    """The articles linked as translations of one article (either way round): [{id, language, title, score}],
    best score first."""
    rows = conn.execute(
        "SELECT l.other_article_id AS id, a.language, a.title, l.score FROM article_links l "
        "JOIN articles a ON a.id = l.other_article_id WHERE l.article_id = ? AND l.relation = 'translation' "
        "ORDER BY l.score DESC, l.other_article_id",
        (article_id,),
    )
    return [dict(r) for r in rows]


def articles(
    conn: sqlite3.Connection,
    *,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    translated: bool | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> Page:
    """Stored articles, newest first: metadata, statement count and translation links (no text).

    `translated`: True, only articles linked to a translation; False, only articles without one.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if language is not None:
        clauses.append("a.language = ? COLLATE NOCASE")
        params.append(language)
    if since:
        clauses.append("a.published >= ?")
        params.append(check_date(since, "since"))
    if until:
        u = check_date(until, "until")
        clauses.append("substr(a.published, 1, ?) <= ?")
        params += [len(u), u]
    if translated is not None:
        exists = "EXISTS (SELECT 1 FROM article_links l WHERE l.article_id = a.id AND l.relation = 'translation')"
        clauses.append(exists if translated else f"NOT {exists}")
    where = " AND ".join(clauses) or "1"
    total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.publisher, a.language, a.translated_from, a.translator, a.url, "
        "a.source_path, (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements "
        f"FROM articles a WHERE {where} ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?",
        [*params, -1 if limit is None else int(limit), int(offset)],
    ).fetchall()
    items = [dict(r) for r in rows]
    for item in items:
        item["translations"] = [{k: t[k] for k in ("id", "language", "score")} for t in translations(conn, item["id"])]
    return Page(total, -1 if limit is None else int(limit), int(offset), items)


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the store holds."""
    out = {}
    for table in ("articles", "statements", "actors", "issues", "statement_issues", "statement_times"):
        out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out
