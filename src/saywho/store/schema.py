"""The store's SQLite schema: tables named for what they hold, foreign keys, views, FTS5, and forward migrations.

The schema version is `PRAGMA user_version` (and `meta.schema_version`, for tools that only read tables).
`migrate(conn)` applies every migration above the file's version, each in its own transaction; a file written by
a newer saywho is refused rather than guessed at.

Layout (one row per ...):

    articles          analysed article: metadata, the analysed text, its normalised-content hash
    article_entities  entity of one article (its local id "e3", name, aliases, mention spans) -> canonical actor
    entity_roles      role (title, organisation, country) an article gives one of its entities
    actors            canonical actor across articles (person, organisation, state), first/last seen
    actor_aliases     name variant of an actor (from the texts, an alias file, or a manual merge)
    actor_roles       VIEW: an actor's roles with first/last seen, from the article dates
    statements        attribution: source/cue/content spans and texts, kind, speech act, speaker and actor
    statement_issues  issue a statement is about, the stance on it, the condition of a conditional stance
    statement_times   temporal expression of a statement, resolved against the article date where possible
    issues            issue taxonomy labels (filled as statements name them, or from a taxonomy)
    alias_rules       analyst corrections honoured on every ingest: "same" (alias -> canonical), "different"
    actor_edits       log of merges, splits and alias-file applications
    statements_fts    FTS5 index over statement content and speaker names
    article_links     (version 2) link between two articles, both ways: "translation" (with its alignment score)
    article_translations  VIEW: each article with the articles linked to it as translations
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from saywho.errors import SaywhoError


class StoreError(SaywhoError):
    """The store cannot do what was asked (unknown actor, newer schema, bad query); one-line message."""


_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,      -- sha256 of the NFC, whitespace-collapsed text
    title TEXT,
    url TEXT,
    published TEXT,                         -- ISO 8601 date (YYYY-MM-DD, or YYYY-MM / YYYY); NULL when unknown
    publisher TEXT,
    section TEXT,
    language TEXT,
    translated_from TEXT,
    translator TEXT,
    source_path TEXT,                       -- file (or file:line for JSON Lines) it was ingested from
    text TEXT NOT NULL,                     -- the analysed text: every span offset points into it
    ingested_at TEXT NOT NULL,
    analyzer TEXT                           -- saywho version that analysed it
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('PERSON', 'ORG', 'GPE', 'GROUP')),
    name_fixed INTEGER NOT NULL DEFAULT 0,  -- 1 when an analyst chose the name (alias file): never renamed
    first_seen TEXT,                        -- earliest / latest date of an article that mentions the actor
    last_seen TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    name_key TEXT NOT NULL,                 -- normalised full name, for exact look-up
    surname_key TEXT NOT NULL,              -- phonetic key of the last name word, for candidate look-up
    origin TEXT NOT NULL DEFAULT 'text',    -- text | file | merge
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_name_key ON actor_aliases(name_key);
CREATE INDEX actor_aliases_surname_key ON actor_aliases(surname_key);

CREATE TABLE article_entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,                -- the article-local id ("e3")
    actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',     -- JSON list of strings, as the article gives them
    name_variants TEXT NOT NULL DEFAULT '[]', -- JSON list: the spellings of the name used to match actors
    mentions TEXT NOT NULL DEFAULT '[]',    -- JSON list of {start, end, text}
    UNIQUE (article_id, entity_id)
);
CREATE INDEX article_entities_actor ON article_entities(actor_id);

CREATE TABLE entity_roles (
    id INTEGER PRIMARY KEY,
    article_entity_id INTEGER NOT NULL REFERENCES article_entities(id) ON DELETE CASCADE,
    title TEXT,
    organization TEXT,
    country TEXT
);
CREATE INDEX entity_roles_entity ON entity_roles(article_entity_id);

CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,
    description TEXT,
    parent_id INTEGER REFERENCES issues(id) ON DELETE SET NULL
);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    attribution_id TEXT NOT NULL,           -- the article-local id ("a4")
    article_entity_id INTEGER REFERENCES article_entities(id) ON DELETE SET NULL,
    actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    speaker_name TEXT,                      -- the speaker's name in this article
    kind TEXT NOT NULL,                     -- direct | mixed | indirect
    speech_act TEXT,                        -- statement | assessment | demand | ... ; NULL when not classified
    confidence REAL,
    method TEXT,
    source_start INTEGER, source_end INTEGER, source_text TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    content_start INTEGER NOT NULL,         -- first character of the first content fragment
    content_end INTEGER NOT NULL,           -- end of the last fragment
    content_text TEXT NOT NULL,             -- the fragments joined with " … "
    content_fragments TEXT NOT NULL,        -- JSON list of {start, end, text}
    UNIQUE (article_id, attribution_id)
);
CREATE INDEX statements_actor ON statements(actor_id);
CREATE INDEX statements_entity ON statements(article_entity_id);

CREATE TABLE statement_issues (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    issue_id INTEGER NOT NULL REFERENCES issues(id),
    stance TEXT NOT NULL DEFAULT 'unknown', -- support | oppose | conditional | neutral | unknown
    confidence REAL,
    condition_start INTEGER, condition_end INTEGER, condition_text TEXT
);
CREATE INDEX statement_issues_statement ON statement_issues(statement_id);
CREATE INDEX statement_issues_issue ON statement_issues(issue_id, stance);

CREATE TABLE statement_times (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value TEXT,                             -- ISO 8601 ("2025-05", "2022", "START/END"); NULL when unresolved
    granularity TEXT
);
CREATE INDEX statement_times_statement ON statement_times(statement_id);

CREATE TABLE alias_rules (
    id INTEGER PRIMARY KEY,
    relation TEXT NOT NULL CHECK (relation IN ('same', 'different')),
    name TEXT NOT NULL,                     -- same: the canonical name; different: one of the two names
    other TEXT NOT NULL,                    -- same: an alias of it; different: the other name
    origin TEXT,                            -- the alias file, or "merge" / "split"
    created_at TEXT NOT NULL,
    UNIQUE (relation, name, other)
);

CREATE TABLE actor_edits (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,                   -- merge | split | rename | alias-file
    actor_id INTEGER,
    other_actor_id INTEGER,
    detail TEXT,
    at TEXT NOT NULL
);

CREATE VIRTUAL TABLE statements_fts USING fts5(content, speaker, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker) VALUES (
        new.id, new.content_text,
        trim(coalesce((SELECT name FROM actors WHERE id = new.actor_id), '') || ' ' || coalesce(new.speaker_name, ''))
    );
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    DELETE FROM statements_fts WHERE rowid = old.id;
END;
CREATE TRIGGER statements_fts_actor AFTER UPDATE OF actor_id ON statements BEGIN
    UPDATE statements_fts SET speaker = trim(
        coalesce((SELECT name FROM actors WHERE id = new.actor_id), '') || ' ' || coalesce(new.speaker_name, '')
    ) WHERE rowid = new.id;
END;
CREATE TRIGGER statements_fts_actor_name AFTER UPDATE OF name ON actors BEGIN
    UPDATE statements_fts SET speaker = trim(new.name || ' ' || coalesce(
        (SELECT speaker_name FROM statements WHERE id = statements_fts.rowid), ''))
    WHERE rowid IN (SELECT id FROM statements WHERE actor_id = new.id);
END;

CREATE VIEW actor_roles AS
SELECT ae.actor_id AS actor_id, r.title AS title, r.organization AS organization, r.country AS country,
       min(a.published) AS first_seen, max(a.published) AS last_seen, count(DISTINCT ae.article_id) AS articles
FROM entity_roles r
JOIN article_entities ae ON ae.id = r.article_entity_id
JOIN articles a ON a.id = ae.article_id
WHERE ae.actor_id IS NOT NULL
GROUP BY ae.actor_id, r.title, r.organization, r.country;

CREATE VIEW statements_with_speaker AS
SELECT s.id AS statement_id, s.article_id, a.published, a.publisher, a.title AS article_title, a.url,
       s.actor_id, ac.name AS actor, ac.type AS actor_type, s.speaker_name, s.kind, s.speech_act,
       s.source_text, s.cue_text, s.content_text, s.confidence, s.method,
       (SELECT group_concat(i.label || ':' || si.stance, '; ')
          FROM statement_issues si JOIN issues i ON i.id = si.issue_id WHERE si.statement_id = s.id) AS issues
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN actors ac ON ac.id = s.actor_id;

CREATE VIEW statement_stances AS
SELECT si.id AS statement_issue_id, s.id AS statement_id, s.article_id, a.published, s.actor_id,
       ac.name AS actor, i.label AS issue, si.stance, si.condition_text, s.speech_act, s.content_text
FROM statement_issues si
JOIN statements s ON s.id = si.statement_id
JOIN issues i ON i.id = si.issue_id
JOIN articles a ON a.id = s.article_id
LEFT JOIN actors ac ON ac.id = s.actor_id;
"""

_V2 = """
CREATE TABLE article_links (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('translation')),
    score REAL,                             -- translation: saywho.crosslingual.translation_alignment, 0..1
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, other_article_id, relation),
    CHECK (article_id != other_article_id)
);
CREATE INDEX article_links_other ON article_links(other_article_id);

CREATE VIEW article_translations AS
SELECT l.article_id, a.language, a.title, l.other_article_id AS translation_id, o.language AS translation_language,
       o.title AS translation_title, l.score
FROM article_links l
JOIN articles a ON a.id = l.article_id
JOIN articles o ON o.id = l.other_article_id
WHERE l.relation = 'translation';
"""

# Version 3: how sure the model was of each statement's source and cue (`Span.confidence`; content fragments keep
# theirs in content_fragments). NULL for spans the rules found, and for statements stored before version 3.
_V3 = """
ALTER TABLE statements ADD COLUMN source_confidence REAL;
ALTER TABLE statements ADD COLUMN cue_confidence REAL;
"""

# Forward migrations: MIGRATIONS[n] takes a store at version n to n + 1. Append, never edit a released one.
Migration = Callable[[sqlite3.Connection], None]


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in _split_sql(_V1):
        conn.execute(statement)


def _to_v2(conn: sqlite3.Connection) -> None:
    """Article links (translations); the articles already stored are linked once the schema is current
    (`AFTER_MIGRATION`)."""
    for statement in _split_sql(_V2):
        conn.execute(statement)


def _link_stored_translations(conn: sqlite3.Connection) -> None:
    from .links import relink_translations

    relink_translations(conn)


def _to_v3(conn: sqlite3.Connection) -> None:
    """Per-span confidence of sources and cues."""
    for statement in _split_sql(_V3):
        conn.execute(statement)


def _to_v4(conn: sqlite3.Connection) -> None:
    """Content hashes without U+FEFF (`normalise.content_hash`), so that an article stored from a file with a
    byte-order mark is known when it comes again without one. No table changes. A hash that another article already
    holds (the same article stored twice, once with the mark) is left as it was: both stay, for an analyst to see."""
    from .normalise import BOM, content_hash

    for article_id, text in conn.execute("SELECT id, text FROM articles WHERE instr(text, ?) > 0", (BOM,)).fetchall():
        digest = content_hash(text)
        if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is None:
            conn.execute("UPDATE articles SET content_hash = ? WHERE id = ?", (digest, article_id))


MIGRATIONS: list[Migration] = [_to_v1, _to_v2, _to_v3, _to_v4]

# Data steps that read the store through today's code, which expects today's schema: run after the last migration,
# for each version the store went through (a version 1 file gets its translations linked after it is at version 3).
AFTER_MIGRATION: dict[int, Migration] = {2: _link_stored_translations}


def schema_version() -> int:
    return len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store up to this saywho's schema; returns the version. `conn` must be in autocommit mode."""
    version = current_version(conn)
    target = schema_version()
    if version > target:
        raise StoreError(f"the store has schema version {version}, newer than this saywho ({target}): upgrade saywho")
    if version == 0 and _has_foreign_tables(conn):
        raise StoreError("not a saywho store: the file has other tables and no saywho schema version")
    passed: list[int] = []
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated between our read and the lock.
            version = current_version(conn)
            if version < target:
                MIGRATIONS[version](conn)
                version += 1
                passed.append(version)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(version),),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    for v in passed:
        step = AFTER_MIGRATION.get(v)
        if step is not None:
            step(conn)
    return version


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return row.fetchone()[0] > 0


def _split_sql(script: str) -> list[str]:
    """Statements of a DDL script, keeping trigger bodies (which contain ';') whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current)
        if sqlite3.complete_statement(joined):
            statements.append(joined.strip())
            current = []
    if current:
        raise ValueError(f"incomplete SQL statement: {' '.join(current)[:80]}")
    return statements
