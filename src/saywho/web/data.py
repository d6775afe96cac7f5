"""What the pages and the API show, on top of `saywho.store.queries`: the few questions the store's query module
does not answer (full-text search with filters, an issue's conditions, the roles an article gives its speakers),
and the one view of an article that both a stored and a freshly analysed article are shown through.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from saywho.document import Article
from saywho.store import queries
from saywho.store.queries import Page, StatementFilter, issue_ids
from saywho.store.schema import StoreError

# Keys never sent to a client: where the server read an input from is the server's business.
PRIVATE_KEYS = frozenset({"source_path"})
# FTS5 snippet markers, replaced by <mark> after escaping (private-use characters: no article contains them).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def public(value: Any) -> Any:
    """`value` with the server-private keys removed, recursively."""
    if isinstance(value, dict):
        return {k: public(v) for k, v in value.items() if k not in PRIVATE_KEYS}
    if isinstance(value, list):
        return [public(v) for v in value]
    return value


# -- lists --------------------------------------------------------------------------------------------------------


def issue_page(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> Page:
    rows = queries.issues(conn)
    return Page(len(rows), limit, offset, rows[offset : offset + limit])


def issue_by_id(conn: sqlite3.Connection, issue_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT i.id, i.label, i.description, p.label AS parent, p.id AS parent_id FROM issues i "
        "LEFT JOIN issues p ON p.id = i.parent_id WHERE i.id = ?",
        (issue_id,),
    ).fetchone()
    if row is None:
        return None
    issue = dict(row)
    issue["children"] = [
        dict(r) for r in conn.execute("SELECT id, label FROM issues WHERE parent_id = ? ORDER BY label", (issue_id,))
    ]
    return issue


def issue_conditions(conn: sqlite3.Connection, label: str, *, limit: int = 200) -> list[dict[str, Any]]:
    """The conditions actors attach to their stance on an issue (and its sub-issues), oldest first."""
    ids = issue_ids(conn, label)
    rows = conn.execute(
        "SELECT si.statement_id, s.article_id, a.published AS date, s.actor_id, ac.name AS actor, s.speaker_name, "
        "i.label AS issue, si.stance, si.condition_text AS condition FROM statement_issues si "
        "JOIN statements s ON s.id = si.statement_id JOIN articles a ON a.id = s.article_id "
        "JOIN issues i ON i.id = si.issue_id LEFT JOIN actors ac ON ac.id = s.actor_id "
        f"WHERE si.condition_text IS NOT NULL AND si.issue_id IN ({','.join('?' * len(ids))}) "
        "ORDER BY a.published IS NULL, a.published, s.article_id, s.content_start LIMIT ?",
        [*ids, limit],
    )
    return [dict(r) for r in rows]


# -- statements with full-text search -----------------------------------------------------------------------------


def search_statements(
    conn: sqlite3.Connection,
    *,
    q: str | None = None,
    actor: str | None = None,
    issue: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    stance: str | None = None,
    limit: int = 50,
    offset: int = 0,
    lenient: bool = True,
) -> Page:
    """Statements matching the filters and, when `q` is given, the full-text query (best matches first, each with a
    `snippet`); without `q`, newest first. A query FTS5 cannot parse is retried with each word quoted when
    `lenient` (the search page: people type "U.S.-Russia"), else refused with the parser's reason (the API: a
    program should learn that its query was not what it meant, not get an empty page)."""
    where = StatementFilter(actor=actor, issue=issue, since=since, until=until, kind=kind, stance=stance)
    if not (q and q.strip()):
        return queries.statements(conn, where, limit=limit, offset=offset)
    try:
        return _search(conn, q, where, limit, offset)
    except StoreError as err:
        if not lenient:
            raise
        # A query FTS5 cannot parse ("U.S.-Russia", a lone quotation mark) is retried with each word quoted.
        quoted = " ".join('"' + word.replace('"', '""') + '"' for word in q.split())
        try:
            return _search(conn, quoted, where, limit, offset)
        except StoreError:
            raise err from None


def _search(conn: sqlite3.Connection, q: str, where: StatementFilter, limit: int, offset: int) -> Page:
    return queries.search(
        conn, q, where=where, limit=limit, offset=offset, marks=(MARK_OPEN, MARK_CLOSE), snippet_tokens=24
    )


# -- one article, stored or analysed ------------------------------------------------------------------------------


def stored_article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """`queries.article` plus what the pages need: each entity's roles in this article, each statement's entity."""
    data = queries.article(conn, article_id)
    roles: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(
        "SELECT ae.entity_id, r.title, r.organization, r.country FROM entity_roles r "
        "JOIN article_entities ae ON ae.id = r.article_entity_id WHERE ae.article_id = ? ORDER BY r.id",
        (article_id,),
    ):
        roles.setdefault(r["entity_id"], []).append({"title": r[1], "organization": r[2], "country": r[3]})
    for entity in data["entities"]:
        entity["roles"] = roles.get(entity["entity_id"], [])
    entity_of = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT s.id, ae.entity_id FROM statements s JOIN article_entities ae ON ae.id = s.article_entity_id "
            "WHERE s.article_id = ?",
            (article_id,),
        )
    }
    for st in data["statements"]:
        st["entity_id"] = entity_of.get(st["id"])
    return data


def article_view(data: dict[str, Any]) -> dict[str, Any]:
    """The view a page renders from `stored_article` output."""
    entities = {e["entity_id"]: e for e in data["entities"]}
    statements = []
    for st in data["statements"]:
        entity = entities.get(st.get("entity_id") or "")
        statements.append(
            {
                **st,
                "key": f"s{st['id']}",
                "speaker": _speaker(st.get("actor"), entity, st.get("speaker_name")),
            }
        )
    return _finish(
        {
            "id": data["id"],
            "stored": True,
            "title": data.get("title"),
            "meta": {k: data.get(k) for k in ("published", "publisher", "section", "language", "url")}
            | {"translated_from": data.get("translated_from"), "translator": data.get("translator")},
            "ingested_at": data.get("ingested_at"),
            "translations": data.get("translations") or [],
            "analyzer": data.get("analyzer"),
            "text": data["text"],
            "statements": statements,
        }
    )


def analysed_view(article: Article, conn: sqlite3.Connection | None = None) -> dict[str, Any]:
    """The view of an article analysed on request (not stored). Speakers are matched, read-only, to the store's
    canonical actors when exactly one bears their name."""
    from saywho.store.actors import find_actor

    actors: dict[str, dict[str, Any] | None] = {}
    for entity in article.entities:
        found = None
        if conn is not None:
            try:
                row = find_actor(conn, entity.name)
                found = {"id": row["id"], "name": row["name"], "type": row["type"]}
            except (StoreError, sqlite3.Error):
                found = None
        actors[entity.id] = found
    statements = []
    for a in article.attributions:
        entity = article.speaker_of(a)
        content = sorted(a.content)
        ent = (
            {
                "entity_id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "roles": [r.to_json() for r in entity.roles],
            }
            if entity
            else None
        )
        statements.append(
            {
                "id": None,
                "key": a.id,
                "attribution_id": a.id,
                "actor": actors.get(entity.id) if entity else None,
                "speaker_name": entity.name if entity else None,
                "speaker": _speaker(actors.get(entity.id) if entity else None, ent, entity.name if entity else None),
                "kind": a.kind,
                "speech_act": a.speech_act,
                "confidence": a.confidence,
                "method": a.method,
                "source": a.source.to_json() if a.source else None,
                "cue": a.cue.to_json() if a.cue else None,
                "content": {  # as the store gives it (store/queries.py): an exact span over all the pieces
                    "start": content[0].start if content else 0,
                    "end": content[-1].end if content else 0,
                    "text": article.text[content[0].start : content[-1].end] if content else "",
                },
                "content_text": " … ".join(c.text for c in content),
                "fragments": [c.to_json() for c in content],
                "issues": [i.to_json() for i in a.issues],
                "times": [t.to_json() for t in a.times],
                "date": article.meta.published,
            }
        )
    statements.sort(key=lambda s: s["content"]["start"])
    meta = article.meta
    return _finish(
        {
            "id": None,
            "stored": False,
            "title": meta.title,
            "meta": {
                "published": meta.published,
                "publisher": meta.publisher,
                "section": meta.section,
                "language": meta.language,
                "url": meta.url,
                "translated_from": meta.translated_from,
                "translator": meta.translator,
            },
            "text": article.text,
            "statements": statements,
            "translations": [],
        }
    )


def _speaker(actor: dict[str, Any] | None, entity: dict[str, Any] | None, name: str | None) -> dict[str, Any]:
    """Who spoke, as the page shows it: the canonical actor (if any), the name in this article, the roles."""
    roles = [r for r in (entity or {}).get("roles", []) if any(r.get(k) for k in ("title", "organization", "country"))]
    in_article = (entity or {}).get("name") or name
    return {
        "key": f"actor:{actor['id']}" if actor else (f"entity:{entity['entity_id']}" if entity else f"name:{name}"),
        "actor_id": actor["id"] if actor else None,
        "name": actor["name"] if actor else (in_article or "unattributed"),
        "in_article": in_article,
        "type": (actor or entity or {}).get("type"),
        "roles": roles,
        "role": role_text(roles[0]) if roles else None,
        "known": bool(actor or entity or name),
    }


def role_text(role: dict[str, Any]) -> str:
    """A role as one line: "Deputy Foreign Minister, Ministry of Foreign Affairs (Russia)"."""
    head = ", ".join(x for x in (role.get("title"), role.get("organization")) if x)
    country = role.get("country")
    if country and head:
        return f"{head} ({country})"
    return head or country or ""


PALETTE_SIZE = 12


def _finish(view: dict[str, Any]) -> dict[str, Any]:
    """Give each speaker a colour (in order of first appearance), and the view its legend."""
    legend: dict[str, dict[str, Any]] = {}
    for st in sorted(view["statements"], key=_first_offset):
        speaker = st["speaker"]
        if not speaker["known"]:
            continue
        if speaker["key"] not in legend:
            legend[speaker["key"]] = {**speaker, "colour": len(legend) % PALETTE_SIZE, "statements": 0}
        legend[speaker["key"]]["statements"] += 1
    for st in view["statements"]:
        entry = legend.get(st["speaker"]["key"])
        st["colour"] = entry["colour"] if entry else None
    view["legend"] = list(legend.values())
    return view


def _first_offset(st: dict[str, Any]) -> int:
    spans = [s for s in (st.get("source"), st.get("cue"), *st.get("fragments", [])) if s]
    return min((s["start"] for s in spans), default=0)
