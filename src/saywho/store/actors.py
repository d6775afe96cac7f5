"""Canonical actors across articles: one actor per person (organisation, state) however the articles spell it.

An article's entities arrive already clustered within the article (`saywho.speakers`). Across articles:

- the same full name, allowing transliteration variants (Qaddafi/Kaddafi, Dmitry/Dmitri, Latin/Cyrillic when the
  Russian pipeline's `same_person_name` is installed) and initials or middle names, is the same person;
- a surname alone (or a full name meeting an actor known only by surname) joins an actor only with evidence: a
  shared organisation, title or country, or a surname that no other person in the store bears;
- two full names with different first names are different people ("John Smith" / "Mary Smith"), and so are two
  people whose roles name different countries;
- two entities of one article are never merged (the article already told them apart);
- unnamed groups ("experts", "officials") are not actors: their statements keep the article's speaker name only.

Analysts correct the result with `merge_actors`, `split_actor` and an alias file (`load_alias_file`): the
corrections become `alias_rules`, which every later ingest honours.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saywho.document import Entity
from saywho.speakers.names import HONORIFICS, clean_name, name_words, phonetic_key, same_name

from .schema import StoreError
from .store import now, transaction

ACTOR_TYPES = ("PERSON", "ORG", "GPE")  # GROUP entities ("experts") are not actors
_PARTICLES = frozenset("de da di do dos das du del della der den van von bin ibn al el la le y e ter ten".split())
_PRONOUNS = frozenset("he she him her his hers they them we us i you it".split())

# Cyrillic -> Latin, only to key names for look-up (the decision uses same_person_name when available).
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


@functools.cache
def _same_person_name() -> Callable[[str, str], bool]:
    """The Russian pipeline's cross-script matcher when installed, else the Latin transliteration matcher applied
    to a rough romanisation of Cyrillic."""
    try:
        from saywho.speakers.translit import same_person_name  # type: ignore[import-not-found]
    except ImportError:
        return lambda a, b: same_name(latin(a), latin(b))
    return same_person_name


def same_person_name(a: str, b: str) -> bool:
    """Whether two name words are one name, across transliterations (and scripts, with the Russian pipeline)."""
    if a.casefold() == b.casefold():
        return True
    try:
        return bool(_same_person_name()(a, b))
    except Exception:  # a matcher failing on odd input must not stop an ingest
        return same_name(a, b)


def latin(text: str) -> str:
    out = []
    for ch in text.casefold():
        mapped = _CYRILLIC.get(ch)
        out.append(ch if mapped is None else mapped.replace("_", ""))
    return "".join(out)


def name_key(name: str) -> str:
    """Exact-match key of a name: accents, case, punctuation and honorifics folded away."""
    name = clean_name(name)
    folded = "".join(c for c in unicodedata.normalize("NFKD", latin(name)) if not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", folded)
    return " ".join(words)


def surname_key(name: str) -> str:
    """Phonetic key of the last name word: the look-up key for candidate actors."""
    words = name_words(clean_name(name))
    if not words:
        return ""
    return phonetic_key(latin(words[-1])) or latin(words[-1])


def _is_name_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 5 or any(ch.isdigit() for ch in text):
        return False
    if words[0].casefold() in _PRONOUNS or words[0].casefold() == "the":
        return False
    return all(w[0].isupper() or w.casefold() in _PARTICLES for w in words if w[0].isalpha())


def name_variants(entity: Entity) -> list[str]:
    """The names an entity goes by in its article: its name, and aliases or mentions that are spellings of it.

    For a person, a variant must end in a spelling of the surname ("Putin", "Kaddafi" for "Muammar Qaddafi"), so
    that role phrases ("the Russian president") and first names alone ("Hillary") are not taken for names.
    """
    name = tidy_name(entity.name) or entity.name.strip()
    variants = [name]
    candidates = [*entity.aliases, *(m.text for m in entity.mentions)]
    surname = name_words(name)[-1] if name_words(name) else name
    for raw in candidates:
        variant = tidy_name(raw)
        if not variant or variant in variants or not _is_name_like(variant):
            continue
        if entity.type == "PERSON":
            words = name_words(variant)
            if not words or not same_person_name(words[-1], surname):
                continue
            name_parts = name_words(name)
            if not all(any(same_person_name(w, p) or _initial_of(w, p) for p in name_parts) for w in words):
                continue
        variants.append(variant)
    return variants


_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_EDGE_JUNK = " \t'\"‘’“”«»,;:-–—"


def tidy_name(text: str) -> str:
    """A name as a name: honorifics, possessive, parentheses ("(R-S.C.)") and stray quotes removed."""
    text = _PARENTHESES.sub("", " ".join(text.split()))
    return clean_name(text.strip(_EDGE_JUNK)).strip(_EDGE_JUNK)


def _initial_of(word: str, other: str) -> bool:
    stripped = word.rstrip(".")
    return len(stripped) == 1 and other[:1].casefold() == stripped.casefold()


def _first_names_compatible(a: str, b: str) -> bool:
    return same_person_name(a, b) or _initial_of(a, b) or _initial_of(b, a)


# -- roles as evidence ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleFacts:
    titles: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

    @classmethod
    def of(cls, roles: Iterable[tuple[str | None, str | None, str | None]]) -> RoleFacts:
        titles, orgs, countries = set(), set(), set()
        for title, org, country in roles:
            if title and title.strip(". ").casefold() not in HONORIFICS:
                titles.add(" ".join(title.casefold().split()))
            if org:
                orgs.add(" ".join(org.casefold().split()))
            if country:
                countries.add(country.casefold())
        return cls(frozenset(titles), frozenset(orgs), frozenset(countries))

    def shares_with(self, other: RoleFacts) -> bool:
        return bool(
            self.titles & other.titles or self.organizations & other.organizations or self.countries & other.countries
        )

    def conflicts_with(self, other: RoleFacts) -> bool:
        return bool(self.countries and other.countries and not self.countries & other.countries)


# -- matching one entity ----------------------------------------------------------------------------------------


@dataclass
class Candidate:
    actor_id: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: RoleFacts = field(default_factory=RoleFacts)


@dataclass
class Rules:
    """The analysts' alias rules, keyed for look-up."""

    same: dict[str, str] = field(default_factory=dict)  # name_key(alias or canonical) -> canonical name
    different: set[frozenset[str]] = field(default_factory=set)  # {name_key(a), name_key(b)}

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Rules:
        rules = cls()
        for row in conn.execute("SELECT relation, name, other FROM alias_rules ORDER BY id"):
            if row["relation"] == "same":
                rules.same.setdefault(name_key(row["name"]), row["name"])
                rules.same[name_key(row["other"])] = row["name"]
            else:
                rules.different.add(frozenset({name_key(row["name"]), name_key(row["other"])}))
        return rules

    def kept_apart(self, names: Iterable[str], others: Iterable[str]) -> bool:
        """Whether a `different` rule separates an entity spelled `names` from an actor spelled `others`. Pass the
        spellings the texts wrote (`written_names`, `ActorResolver.written`), not the name variants: those add the
        Russian pipeline's transliterations, so that Андрей Соколов bears both "Andrei" and "Andrey Sokolov" and
        would be kept apart from either side of a rule between the two."""
        if not self.different:
            return False
        keys = {name_key(n) for n in names}
        other_keys = {name_key(n) for n in others}
        return any(frozenset({a, b}) in self.different for a in keys for b in other_keys if a != b)


def judge(variants: list[str], roles: RoleFacts, candidate: Candidate) -> str:
    """'strong' (same full name), 'evidence' (surname and a shared role), 'bucket' (the same lone surname),
    'weak' (surname only), or 'no'."""
    full = [name_words(v) for v in variants if len(name_words(v)) >= 2]
    cand_full = [name_words(a) for a in candidate.aliases if len(name_words(a)) >= 2]
    surnames = {name_words(v)[-1] for v in variants if name_words(v)}
    cand_surnames = {name_words(a)[-1] for a in candidate.aliases if name_words(a)}
    if not any(same_person_name(s, c) for s in surnames for c in cand_surnames):
        return "no"
    if full and cand_full:
        for words in full:
            for other in cand_full:
                if same_person_name(words[-1], other[-1]) and _first_names_compatible(words[0], other[0]):
                    return "strong"
        return "no"
    if roles.conflicts_with(candidate.roles):
        return "no"
    if roles.shares_with(candidate.roles):
        return "evidence"
    if not full and not cand_full and name_key(candidate.name) in {name_key(v) for v in variants}:
        return "bucket"  # the same lone surname: one actor for "Smith" said with nothing more
    return "weak"


class ActorResolver:
    """Assigns the entities of one article to actors, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, rules: Rules | None = None) -> None:
        self.conn = conn
        self.rules = rules if rules is not None else Rules.load(conn)

    def resolve(self, entity: Entity, variants: list[str], taken: set[int]) -> int | None:
        if entity.type not in ACTOR_TYPES:
            return None
        target = self._by_rule(entity, variants, taken)
        if target is not None:
            return target
        written = written_names(entity)
        if entity.type != "PERSON":
            return self._by_exact_name(entity.type, variants, written, taken)
        roles = RoleFacts.of((r.title, r.organization, r.country) for r in entity.roles)
        return self._person(variants, written, roles, taken)

    def _by_rule(self, entity: Entity, variants: list[str], taken: set[int]) -> int | None:
        canonical = next((self.rules.same[k] for k in map(name_key, variants) if k in self.rules.same), None)
        if canonical is None:
            return None
        key = name_key(canonical)
        rows = self.conn.execute(
            "SELECT a.id FROM actors a JOIN actor_aliases al ON al.actor_id = a.id "
            "WHERE al.name_key = ? AND a.type = ? ORDER BY a.name_fixed DESC, a.id",
            (key, entity.type),
        ).fetchall()
        for row in rows:
            if row["id"] not in taken:
                return int(row["id"])
        actor_id = create_actor(self.conn, canonical, entity.type, fixed=True)
        add_alias(self.conn, actor_id, canonical, origin="file")
        return actor_id

    def _by_exact_name(self, type_: str, variants: list[str], written: list[str], taken: set[int]) -> int | None:
        keys = [name_key(v) for v in variants]
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT DISTINCT a.id, a.name FROM actors a JOIN actor_aliases al ON al.actor_id = a.id "
            f"WHERE a.type = ? AND al.name_key IN ({marks}) ORDER BY a.id",
            (type_, *keys),
        ).fetchall()
        for row in rows:
            if row["id"] in taken:
                continue
            if self.rules.kept_apart(written, self.written(row["id"])):
                continue
            return int(row["id"])
        return None

    def _person(self, variants: list[str], written: list[str], roles: RoleFacts, taken: set[int]) -> int | None:
        candidates = self._person_candidates(variants)
        verdicts: dict[str, list[Candidate]] = {"strong": [], "evidence": [], "bucket": [], "weak": []}
        for cand in candidates:
            verdict = judge(variants, roles, cand)
            if verdict == "no" or cand.actor_id in taken or self.rules.kept_apart(written, self.written(cand.actor_id)):
                continue
            verdicts[verdict].append(cand)
        if verdicts["strong"]:
            return verdicts["strong"][0].actor_id
        if len(verdicts["evidence"]) == 1:
            return verdicts["evidence"][0].actor_id
        if verdicts["bucket"]:
            return verdicts["bucket"][0].actor_id
        if not verdicts["evidence"] and len(verdicts["weak"]) == 1 and len(candidates) == 1:
            return verdicts["weak"][0].actor_id
        return None

    def _person_candidates(self, variants: list[str]) -> list[Candidate]:
        keys = {k for k in map(surname_key, variants) if k}
        if not keys:
            return []
        clauses, params = [], []
        for key in keys:
            clauses.append("al.surname_key = ?")
            params.append(key)
            if len(key) >= 6:
                # One-letter transliteration differences (same_name allows them from six letters on).
                clauses.append(
                    "(al.surname_key >= ? AND al.surname_key < ? AND length(al.surname_key) BETWEEN ? AND ?)"
                )
                params += [key[:2], key[:2] + "\uffff", len(key) - 1, len(key) + 1]
        rows = self.conn.execute(
            "SELECT DISTINCT a.id, a.name FROM actors a JOIN actor_aliases al ON al.actor_id = a.id "
            f"WHERE a.type = 'PERSON' AND ({' OR '.join(clauses)}) ORDER BY a.id",
            params,
        ).fetchall()
        out = []
        for row in rows:
            aliases = self._aliases(row["id"])
            if not _shares_surname(variants, aliases):
                continue
            out.append(Candidate(int(row["id"]), row["name"], "PERSON", aliases, actor_roles(self.conn, row["id"])))
        return out

    def written(self, actor_id: int) -> list[str]:
        """The spellings of an actor that someone wrote: its name, its entities' names and mentions in their
        articles, and the names analysts gave it (merges, alias files)."""
        if not self.rules.different:
            return []  # only the `different` rules read them
        names = [r["name"] for r in self.conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,))]
        names += [
            r["alias"]
            for r in self.conn.execute(
                "SELECT alias FROM actor_aliases WHERE actor_id = ? AND origin != 'text'", (actor_id,)
            )
        ]
        for row in self.conn.execute("SELECT name, mentions FROM article_entities WHERE actor_id = ?", (actor_id,)):
            names += [row["name"], *(m["text"] for m in json.loads(row["mentions"]))]
        return names

    def _aliases(self, actor_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY mentions DESC, alias", (actor_id,)
        )
        return [r["alias"] for r in rows]


def written_names(entity: Entity) -> list[str]:
    """The spellings an article's text gives an entity: its name and its mentions (no made-up transliteration)."""
    return [entity.name, *(m.text for m in entity.mentions)]


def _shares_surname(variants: Iterable[str], aliases: Iterable[str]) -> bool:
    surnames = {name_words(v)[-1] for v in variants if name_words(v)}
    others = {name_words(a)[-1] for a in aliases if name_words(a)}
    return any(same_person_name(s, o) for s in surnames for o in others)


def actor_roles(conn: sqlite3.Connection, actor_id: int) -> RoleFacts:
    rows = conn.execute(
        "SELECT DISTINCT r.title, r.organization, r.country FROM entity_roles r "
        "JOIN article_entities ae ON ae.id = r.article_entity_id WHERE ae.actor_id = ?",
        (actor_id,),
    )
    return RoleFacts.of((r[0], r[1], r[2]) for r in rows)


# -- writing actors ---------------------------------------------------------------------------------------------


def create_actor(conn: sqlite3.Connection, name: str, type_: str, *, fixed: bool = False) -> int:
    cur = conn.execute(
        "INSERT INTO actors (name, type, name_fixed, created_at) VALUES (?, ?, ?, ?)", (name, type_, int(fixed), now())
    )
    return int(cur.lastrowid or 0)


def add_alias(conn: sqlite3.Connection, actor_id: int, alias: str, *, origin: str = "text", mentions: int = 0) -> None:
    conn.execute(
        "INSERT INTO actor_aliases (actor_id, alias, name_key, surname_key, origin, mentions) "
        "VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (actor_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions",
        (actor_id, alias, name_key(alias), surname_key(alias), origin, mentions),
    )


def assign_article_actors(
    conn: sqlite3.Connection, published: str | None, entities: list[tuple[int, Entity, list[str]]]
) -> dict[int, int | None]:
    """Link each (article_entities.id, Entity, name variants) of one article to an actor, creating actors as needed.

    Returns {article_entities.id: actors.id or None}. Runs inside the caller's transaction.
    """
    resolver = ActorResolver(conn)
    taken: set[int] = set()
    result: dict[int, int | None] = {}
    # Full names first: a surname alone is judged against the actors the full names found.
    order = sorted(entities, key=lambda pair: -len(name_words(pair[1].name)))
    for row_id, entity, variants in order:
        actor_id = resolver.resolve(entity, variants, taken)
        if actor_id is None and entity.type in ACTOR_TYPES:
            actor_id = create_actor(conn, variants[0], entity.type)
        result[row_id] = actor_id
        if actor_id is None:
            continue
        taken.add(actor_id)
        conn.execute("UPDATE article_entities SET actor_id = ? WHERE id = ?", (actor_id, row_id))
        counts = Counter({v: 0 for v in variants})
        counts.update(tidy_name(m.text) for m in entity.mentions if tidy_name(m.text) in counts)
        for variant in variants:
            add_alias(conn, actor_id, variant, mentions=_votes(variant, variants, counts))
        _extend_seen(conn, actor_id, published)
        _choose_name(conn, actor_id)
    return result


def _votes(variant: str, variants: list[str], mentions: Counter[str]) -> int:
    """How much one article backs a variant as the actor's name: its mentions, plus one for the entity's name."""
    return max(1, mentions[variant]) + (variant == variants[0])


def _extend_seen(conn: sqlite3.Connection, actor_id: int, published: str | None) -> None:
    if not published:
        return
    conn.execute(
        "UPDATE actors SET first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END, "
        "last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END WHERE id = ?",
        (published, published, published, published, actor_id),
    )


def _choose_name(conn: sqlite3.Connection, actor_id: int) -> None:
    """The actor's display name: the most frequent full name (a lone surname only when nothing else is known)."""
    actor = conn.execute("SELECT name, type, name_fixed FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if actor is None or actor["name_fixed"]:
        return
    rows = conn.execute(
        "SELECT alias, mentions FROM actor_aliases WHERE actor_id = ? AND origin = 'text'", (actor_id,)
    ).fetchall()
    if not rows:
        return
    if actor["type"] == "PERSON":
        best = max(rows, key=lambda r: (len(name_words(r["alias"])) >= 2, r["mentions"], len(r["alias"])))
    else:
        best = max(rows, key=lambda r: (r["mentions"], len(r["alias"])))
    if best["alias"] != actor["name"]:
        conn.execute("UPDATE actors SET name = ? WHERE id = ?", (best["alias"], actor_id))


def rebuild_actor(conn: sqlite3.Connection, actor_id: int) -> bool:
    """Recompute an actor's text aliases, dates and name from its entities; delete it if none is left.

    Returns whether the actor still exists.
    """
    entities = conn.execute(
        "SELECT ae.name_variants, ae.mentions, a.published FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.actor_id = ?",
        (actor_id,),
    ).fetchall()
    if not entities:
        conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
        return False
    counts: Counter[str] = Counter()
    for row in entities:
        variants = json.loads(row["name_variants"])
        mentions = Counter(tidy_name(m["text"]) for m in json.loads(row["mentions"]))
        for v in variants:
            counts[v] += _votes(v, variants, mentions)
    conn.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND origin = 'text'", (actor_id,))
    for alias, n in counts.items():
        add_alias(conn, actor_id, alias, mentions=n)
    dates = [r["published"] for r in entities if r["published"]]
    conn.execute(
        "UPDATE actors SET first_seen = ?, last_seen = ? WHERE id = ?",
        (min(dates) if dates else None, max(dates) if dates else None, actor_id),
    )
    _choose_name(conn, actor_id)
    return True


def _log(conn: sqlite3.Connection, action: str, actor_id: int | None, other: int | None, detail: Any) -> None:
    conn.execute(
        "INSERT INTO actor_edits (action, actor_id, other_actor_id, detail, at) VALUES (?, ?, ?, ?, ?)",
        (action, actor_id, other, json.dumps(detail, ensure_ascii=False), now()),
    )


def _add_rule(conn: sqlite3.Connection, relation: str, name: str, other: str, origin: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO alias_rules (relation, name, other, origin, created_at) VALUES (?, ?, ?, ?, ?)",
        (relation, name, other, origin, now()),
    )


def _remove_different(conn: sqlite3.Connection, names: Iterable[str], others: Iterable[str]) -> None:
    keys, other_keys = {name_key(n) for n in names}, {name_key(n) for n in others}
    for row in conn.execute("SELECT id, name, other FROM alias_rules WHERE relation = 'different'").fetchall():
        a, b = name_key(row["name"]), name_key(row["other"])
        if (a in keys and b in other_keys) or (b in keys and a in other_keys):
            conn.execute("DELETE FROM alias_rules WHERE id = ?", (row["id"],))


# -- analyst corrections ----------------------------------------------------------------------------------------


class AmbiguousActor(StoreError):
    """A name that several actors answer to; `candidates` lists them ({id, name, type}) for the analyst to choose."""

    def __init__(self, query: str, rows: list[sqlite3.Row]) -> None:
        self.candidates = [{"id": int(r["id"]), "name": r["name"], "type": r["type"]} for r in rows]
        listed = ", ".join(f"{c['name']} ({c['type']}, id {c['id']})" for c in self.candidates[:8])
        more = f" and {len(rows) - 8} more" if len(rows) > 8 else ""
        super().__init__(f"{query!r} matches {len(rows)} actors: {listed}{more}; give the id")


def find_actor(conn: sqlite3.Connection, query: str | int) -> sqlite3.Row:
    """The actor an analyst means: an id, a canonical name, an alias, or a surname only one actor bears.

    A full name is looked up as a canonical name, then as an alias. One word is looked up as all three at once,
    and as the last word of a person's name ("Trump" is also Donald Trump, "Smith" Jane, John and Will Smith), so
    that a surname several people bear is never resolved to one of them silently. Raises StoreError when nothing
    matches, AmbiguousActor (a StoreError listing the candidates) when several actors do.
    """
    text = str(query).strip()
    if text.isdigit():
        row = conn.execute("SELECT * FROM actors WHERE id = ?", (int(text),)).fetchone()
        if row is None:
            raise StoreError(f"no actor with id {text}")
        return row
    by_name = conn.execute("SELECT * FROM actors WHERE name = ? COLLATE NOCASE ORDER BY id", (text,)).fetchall()
    one_word = len(name_words(text)) == 1
    rows = by_name
    if one_word or not rows:
        rows = _unique(
            by_name
            + conn.execute(
                "SELECT DISTINCT a.* FROM actors a JOIN actor_aliases al ON al.actor_id = a.id WHERE al.name_key = ? "
                "ORDER BY a.id",
                (name_key(text),),
            ).fetchall()
        )
    if one_word:
        rows = _unique(rows + _persons_named(conn, text))
    if not rows and one_word:
        # A transliteration of a surname only one person bears (Kaddafi for Qaddafi).
        rows = conn.execute(
            "SELECT DISTINCT a.* FROM actors a JOIN actor_aliases al ON al.actor_id = a.id "
            "WHERE al.surname_key = ? AND a.type = 'PERSON' ORDER BY a.id",
            (surname_key(text),),
        ).fetchall()
    if not rows:
        raise StoreError(f"no actor matches {text!r}")
    if len(rows) > 1:
        raise AmbiguousActor(text, rows)
    return rows[0]


def _persons_named(conn: sqlite3.Connection, surname: str) -> list[sqlite3.Row]:
    """The persons whose canonical name ends in this word (accents, case and script folded)."""
    key = name_key(surname)
    rows = conn.execute(
        "SELECT DISTINCT a.* FROM actors a JOIN actor_aliases al ON al.actor_id = a.id "
        "WHERE al.surname_key = ? AND a.type = 'PERSON' ORDER BY a.id",
        (surname_key(surname),),
    ).fetchall()
    return [r for r in rows if name_words(r["name"]) and name_key(name_words(r["name"])[-1]) == key]


def _unique(rows: list[sqlite3.Row]) -> list[sqlite3.Row]:
    seen: dict[int, sqlite3.Row] = {}
    for row in rows:
        seen.setdefault(int(row["id"]), row)
    return sorted(seen.values(), key=lambda r: int(r["id"]))


def merge_actors(conn: sqlite3.Connection, keep: str | int, drop: str | int, *, force: bool = False) -> int:
    """Merge actor `drop` into `keep` (both: id, name or alias); later ingests keep them together.

    Actors of different types (a PERSON and a GPE) are merged only with `force`: it is more often a slip than a
    correction.
    """
    with transaction(conn):
        a, b = find_actor(conn, keep), find_actor(conn, drop)
        if a["id"] == b["id"]:
            raise StoreError(f"{a['name']!r} and {b['name']!r} are already one actor (id {a['id']})")
        if a["type"] != b["type"] and not force:
            raise StoreError(
                f"{a['name']!r} ({a['type']}) and {b['name']!r} ({b['type']}) are actors of different types: "
                "merging them needs force (--force)"
            )
        keep_id, drop_id = int(a["id"]), int(b["id"])
        drop_aliases, keep_aliases = _alias_list(conn, drop_id), _alias_list(conn, keep_id)
        conn.execute("UPDATE article_entities SET actor_id = ? WHERE actor_id = ?", (keep_id, drop_id))
        conn.execute("UPDATE statements SET actor_id = ? WHERE actor_id = ?", (keep_id, drop_id))
        for row in conn.execute(
            "SELECT alias, origin, mentions FROM actor_aliases WHERE actor_id = ? AND origin != 'text'", (drop_id,)
        ).fetchall():
            add_alias(conn, keep_id, row["alias"], origin=row["origin"])
        conn.execute("DELETE FROM actors WHERE id = ?", (drop_id,))
        _remove_different(conn, keep_aliases, drop_aliases)
        for alias in drop_aliases:
            _add_rule(conn, "same", a["name"], alias, "merge")
        add_alias(conn, keep_id, a["name"], origin="merge")
        conn.execute("UPDATE actors SET name = ?, name_fixed = 1 WHERE id = ?", (a["name"], keep_id))
        rebuild_actor(conn, keep_id)
        _log(conn, "merge", keep_id, drop_id, {"kept": a["name"], "merged": b["name"], "aliases": drop_aliases})
    return keep_id


def _alias_list(conn: sqlite3.Connection, actor_id: int) -> list[str]:
    return [r["alias"] for r in conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", (actor_id,))]


def spelling(name: str) -> str:
    """A name as it is spelled: case, spacing, honorifics and wrapping folded away, but not script, accents or
    transliteration ("Andrey Sokolov" is not "Andrei Sokolov", nor "Андрей Соколов")."""
    return " ".join((tidy_name(name) or name).casefold().split())


def _named(entity: sqlite3.Row, name: str) -> bool:
    """Whether an article names an entity (a row with its `name`) with this very spelling.

    Not by its name variants: those add the transliterations the Russian pipeline makes up ("Andrei Sokolov" and
    "Andrey Sokolov" for Андрей Соколов), which the text never wrote.
    """
    return spelling(entity["name"]) == spelling(name)


def split_actor(conn: sqlite3.Connection, actor: str | int, alias: str) -> int:
    """Move the article entities of `actor` that their articles name `alias` (that spelling, see `spelling`) to a
    new actor; later ingests keep them apart.

    Returns the new actor's id.
    """
    with transaction(conn):
        row = find_actor(conn, actor)
        actor_id = int(row["id"])
        entities = conn.execute("SELECT id, name FROM article_entities WHERE actor_id = ?", (actor_id,)).fetchall()
        moved = [int(r["id"]) for r in entities if _named(r, alias)]
        if not moved:
            raise StoreError(f"no mention of {row['name']!r} is named {alias!r}")
        if len(moved) == len(entities):
            raise StoreError(f"every mention of {row['name']!r} is named {alias!r}: nothing would be left to split")
        new_id = create_actor(conn, tidy_name(alias) or alias, row["type"], fixed=True)
        marks = ",".join("?" * len(moved))
        conn.execute(f"UPDATE article_entities SET actor_id = ? WHERE id IN ({marks})", (new_id, *moved))
        conn.execute(f"UPDATE statements SET actor_id = ? WHERE article_entity_id IN ({marks})", (new_id, *moved))
        for other in conn.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? AND origin != 'text'", (actor_id,)
        ).fetchall():
            if spelling(other["alias"]) == spelling(alias):
                conn.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?", (actor_id, other["alias"]))
        conn.execute(
            "DELETE FROM alias_rules WHERE relation = 'same' AND (name = ? COLLATE NOCASE OR other = ? COLLATE NOCASE)",
            (alias, alias),
        )
        rebuild_actor(conn, actor_id)
        rebuild_actor(conn, new_id)
        kept = conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()["name"]
        _add_rule(conn, "different", kept, alias, "split")
        _log(conn, "split", actor_id, new_id, {"actor": kept, "alias": alias, "entities": len(moved)})
    return new_id


# -- alias files ------------------------------------------------------------------------------------------------


@dataclass
class AliasFile:
    same: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> aliases
    different: list[tuple[str, str]] = field(default_factory=list)


def load_alias_file(path: str | Path) -> AliasFile:
    """Read an alias file: YAML (.yaml/.yml) or tab-separated (anything else).

    YAML:
        actors:                      # canonical name -> the other names of that actor
          Muammar Qaddafi: [Kaddafi]
          Ivan Petrov: [Iwan Petrov, Иван Петров]
        different:                   # pairs that are never the same actor
          - [John Smith, Jane Smith]

    TSV (one line each; # starts a comment):
        Muammar Qaddafi<TAB>Kaddafi<TAB>...      canonical name, then its aliases
        John Smith<TAB>!=<TAB>Jane Smith     two names that are different actors
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise StoreError(f"cannot read alias file {path}: {err.strerror}") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return _parse_yaml_aliases(raw, path)
    out = AliasFile()
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        if len(fields) == 3 and fields[1] == "!=":
            out.different.append((fields[0], fields[2]))
        elif len(fields) >= 2 and "!=" not in fields:
            out.same.setdefault(fields[0], []).extend(fields[1:])
        else:
            raise StoreError(f"{path}:{n}: expected NAME<TAB>ALIAS... or NAME<TAB>!=<TAB>NAME")
    return out


def _parse_yaml_aliases(raw: str, path: Path) -> AliasFile:
    try:
        import yaml
    except ImportError:
        raise StoreError("YAML alias files need PyYAML (pip install pyyaml); or use the TSV form") from None
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as err:
        raise StoreError(f"{path}: not valid YAML ({str(err).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise StoreError(f"{path}: expected a mapping with 'actors' and/or 'different'")
    out = AliasFile()
    actors = data.get("actors", {k: v for k, v in data.items() if k not in ("different", "not_same")})
    for canonical, aliases in (actors or {}).items():
        items = [aliases] if isinstance(aliases, str) else list(aliases or [])
        out.same[str(canonical)] = [str(a) for a in items]
    for pair in data.get("different", data.get("not_same")) or []:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise StoreError(f"{path}: each 'different' entry must be a pair of names, got {pair!r}")
        out.different.append((str(pair[0]), str(pair[1])))
    return out


def apply_alias_file(conn: sqlite3.Connection, aliases: AliasFile, origin: str) -> dict[str, int]:
    """Store the file's rules and apply them to the actors already in the store; returns counts of changes."""
    merged = split = 0
    with transaction(conn):
        for canonical, names in aliases.same.items():
            for alias in names:
                _add_rule(conn, "same", canonical, alias, origin)
        for a, b in aliases.different:
            _add_rule(conn, "different", a, b, origin)
        for canonical, names in aliases.same.items():
            keys = [name_key(n) for n in (canonical, *names)]
            marks = ",".join("?" * len(keys))
            rows = conn.execute(
                f"SELECT DISTINCT a.id, a.type FROM actors a JOIN actor_aliases al ON al.actor_id = a.id "
                f"WHERE al.name_key IN ({marks}) ORDER BY a.name_fixed DESC, a.id",
                keys,
            ).fetchall()
            by_type: dict[str, list[int]] = {}
            for row in rows:
                by_type.setdefault(row["type"], []).append(int(row["id"]))
            for ids in by_type.values():
                keep = ids[0]
                for other in ids[1:]:
                    _absorb(conn, keep, other)
                    merged += 1
                conn.execute("UPDATE actors SET name = ?, name_fixed = 1 WHERE id = ?", (canonical, keep))
                for alias in (canonical, *names):
                    add_alias(conn, keep, alias, origin="file")
                rebuild_actor(conn, keep)
        for a, b in aliases.different:
            split += _separate(conn, a, b)
        _log(conn, "alias-file", None, None, {"file": origin, "merged": merged, "split": split})
    return {"merged": merged, "split": split}


def _absorb(conn: sqlite3.Connection, keep: int, drop: int) -> None:
    conn.execute("UPDATE article_entities SET actor_id = ? WHERE actor_id = ?", (keep, drop))
    conn.execute("UPDATE statements SET actor_id = ? WHERE actor_id = ?", (keep, drop))
    conn.execute("DELETE FROM actors WHERE id = ?", (drop,))
    _log(conn, "merge", keep, drop, {"by": "alias file"})


def _separate(conn: sqlite3.Connection, a: str, b: str) -> int:
    """Split actors that hold entities named both `a` and `b`: the `b` entities get their own actor."""
    key_a, key_b = name_key(a), name_key(b)
    count = 0
    holders = conn.execute(
        "SELECT id, type FROM actors WHERE id IN (SELECT actor_id FROM actor_aliases WHERE name_key = ?) "
        "AND id IN (SELECT actor_id FROM actor_aliases WHERE name_key = ?)",
        (key_a, key_b),
    ).fetchall()
    for row in holders:
        entities = conn.execute("SELECT id, name FROM article_entities WHERE actor_id = ?", (row["id"],)).fetchall()
        # Only the entities their articles name `b`, as in split_actor: not those given `b` as a transliteration.
        named_b = [e["id"] for e in entities if _named(e, b)]
        has_a = any(_named(e, a) for e in entities)
        if not (has_a and named_b) or len(named_b) == len(entities):
            continue
        new_id = create_actor(conn, b, row["type"], fixed=True)
        marks = ",".join("?" * len(named_b))
        conn.execute(f"UPDATE article_entities SET actor_id = ? WHERE id IN ({marks})", (new_id, *named_b))
        conn.execute(f"UPDATE statements SET actor_id = ? WHERE article_entity_id IN ({marks})", (new_id, *named_b))
        rebuild_actor(conn, row["id"])
        rebuild_actor(conn, new_id)
        _log(conn, "split", row["id"], new_id, {"by": "alias file", "alias": b})
        count += 1
    return count
