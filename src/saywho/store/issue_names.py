"""Naming an issue: by its label, or by the words its taxonomy knows it by, in any language the taxonomy has.

    issue_by_name(conn, "Sanctions")      -> the stored issue labelled so (case-insensitive)
    issue_by_name(conn, "санкции")        -> "sanctions", through the taxonomy's Russian keywords
    catalogue(queries.issues(conn))       -> every issue: store id, label, parent, statements, languages

A taxonomy has one label per issue, in English, and a vocabulary per language (`languages.ru.keywords`); a name that
is no label is read with that vocabulary, as the tagger reads an article, and stands for an issue when the words
name that one issue and no other ("Курильские острова" is Kuril Islands; "oil sanctions" names two and is refused).
The taxonomy is the one the tagger uses by default (`SAYWHO_TAXONOMY`, else the packaged default).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .schema import StoreError

SHOWN = 12  # labels an error message lists before "…"


def _taxonomy() -> Any | None:
    """The default taxonomy, or None when it cannot be loaded (a bad SAYWHO_TAXONOMY): labels still work."""
    try:
        from saywho.issues import load_taxonomy

        return load_taxonomy()
    except Exception:  # the look-up by label must not fail for a taxonomy problem
        return None


def issue_by_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row:
    """The stored issue (id, label) named `name`: its label, or words of its taxonomy vocabulary. Raises StoreError
    listing the known labels when nothing (or several issues) match."""
    row = conn.execute("SELECT id, label FROM issues WHERE label = ? COLLATE NOCASE", (name.strip(),)).fetchone()
    if row is not None:
        return row
    taxonomy = _taxonomy()
    labels = sorted({m.label for m in taxonomy.find(name)}) if taxonomy is not None and name.strip() else []
    if len(labels) > 1:
        raise StoreError(f"{name!r} names several issues ({', '.join(labels)}): give one label")
    if labels:
        row = conn.execute("SELECT id, label FROM issues WHERE label = ?", (labels[0],)).fetchone()
        if row is not None:
            return row
        raise StoreError(f"{name!r} is the issue {labels[0]!r}, and no statement in the store is about it yet")
    known = [r[0] for r in conn.execute("SELECT label FROM issues ORDER BY label COLLATE NOCASE")]
    if not known:
        raise StoreError(f"no issue {name!r}; no statement has issues yet")
    listed = ", ".join(known[:SHOWN]) + (", …" if len(known) > SHOWN else "")
    raise StoreError(f"no issue {name!r}; known: {listed} ({len(known)} in all: `saywho issues` lists them)")


def languages(issue: Any) -> list[str]:
    """The languages an issue of a taxonomy is found in: "any" for its patterns that apply to every language, then
    the codes of the languages with patterns of their own."""
    common = issue.common
    out = ["any"] if common.patterns or common.weak else []
    return out + sorted(issue.languages)


def catalogue(stored: list[dict[str, Any]], taxonomy: Any | None = None) -> list[dict[str, Any]]:
    """Every issue of the store (`queries.issues` rows) and of the taxonomy: {id (None if not stored), label,
    parent, description, statements, languages ([] if not in the taxonomy)}, in the taxonomy's order, then the
    issues only the store has."""
    taxonomy = taxonomy if taxonomy is not None else _taxonomy()
    by_label = {row["label"]: row for row in stored}
    out: list[dict[str, Any]] = []
    for issue in taxonomy.issues.values() if taxonomy is not None else ():
        row = by_label.pop(issue.label, None) or {}
        out.append(
            {
                "id": row.get("id"),
                "label": issue.label,
                "parent": issue.parent,
                "description": issue.description or row.get("description"),
                "statements": row.get("statements", 0),
                "languages": languages(issue),
            }
        )
    for row in by_label.values():
        fields = {k: row.get(k) for k in ("id", "label", "parent", "description")}
        out.append({**fields, "statements": row.get("statements", 0), "languages": []})
    return out
