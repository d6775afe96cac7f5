"""Hand-made analysed articles for the store tests: exact speakers, roles, issues, stances and dates, no pipeline."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from saywho.document import Article, ArticleMeta, Attribution, Entity, IssueStance, Role, Span, TimeRef

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "izvestia-island-task.txt"
POLNEAR_DEV = SHARED / "polnear" / "dev" / "text"


@dataclass
class Said:
    speaker: str  # the entity's name
    content: str
    mention: str | None = None  # how the text names the speaker (default: the name)
    type: str = "PERSON"
    roles: tuple[Role, ...] = ()
    issues: list[tuple[str, str, str | None]] = field(default_factory=list)  # (issue, stance, condition substring)
    times: list[tuple[str, str | None, str]] = field(default_factory=list)  # (substring, value, granularity)
    kind: str = "indirect"
    speech_act: str | None = None


def make_article(title: str, published: str | None, said: list[Said], publisher: str = "Test Wire") -> Article:
    """An analysed article whose text is the title and one sentence per statement, with all spans exact."""
    text = title + "\n\n"
    entities: dict[str, Entity] = {}
    attributions: list[Attribution] = []
    for n, s in enumerate(said, 1):
        if text and not text.endswith("\n"):
            text += " "
        mention = s.mention or s.speaker
        src_start = len(text)
        text += mention
        src = Span.of(text, src_start, len(text))
        text += " "
        cue_start = len(text)
        text += "said"
        cue = Span.of(text, cue_start, len(text))
        text += ' "' if s.kind == "direct" else " that "
        c_start = len(text)
        text += s.content
        content = Span.of(text, c_start, len(text))
        text += '."' if s.kind == "direct" else "."
        entity = entities.get(s.speaker)
        if entity is None:
            entity = Entity(id=f"e{len(entities) + 1}", name=s.speaker, type=s.type, roles=list(s.roles))
            entities[s.speaker] = entity
        entity.mentions.append(src)
        if mention != s.speaker and mention not in entity.aliases:
            entity.aliases.append(mention)
        issues = []
        for label, stance, condition in s.issues:
            cond = None
            if condition:
                at = text.index(condition, c_start)
                cond = Span.of(text, at, at + len(condition))
            issues.append(IssueStance(label, stance, cond, 0.9))
        times = []
        for phrase, value, granularity in s.times:
            at = text.index(phrase, c_start)
            times.append(TimeRef(Span.of(text, at, at + len(phrase)), value, granularity))
        attributions.append(
            Attribution(
                id=f"a{n}",
                content=[content],
                source=src,
                cue=cue,
                kind=s.kind,
                speaker=entity.id,
                confidence=0.9,
                method="test",
                issues=issues,
                speech_act=s.speech_act,
                times=times,
            )
        )
    meta = ArticleMeta(title=title, published=published, publisher=publisher, language="en", url=f"https://x/{title}")
    article = Article(text=text, meta=meta, attributions=attributions, entities=list(entities.values()))
    article.validate()
    return article


RUDENKO_ROLE = Role("Deputy Foreign Minister", "Ministry of Foreign Affairs", "Russia")
MOTEGI_ROLE = Role("Foreign Minister", "Ministry of Foreign Affairs", "Japan")
DOBRINSKAYA_ROLE = Role("senior researcher", "Institute of China and Modern Asia", "Russia")


def dialogue_articles() -> list[Article]:
    """Five dated articles of a small Russia-Japan dialogue (statements with issues, stances and times)."""
    return [
        make_article(
            "Island task",
            "2025-05-10",
            [
                Said(
                    "Andrei Rudenko",
                    "Moscow is ready for dialogue on a peace treaty as soon as Tokyo changes course",
                    roles=(RUDENKO_ROLE,),
                    issues=[("peace treaty", "conditional", "as soon as Tokyo changes course")],
                    speech_act="offer",
                ),
                Said(
                    "Olga Dobrinskaya",
                    "progress is possible only if Japan eases the sanctions regime",
                    roles=(DOBRINSKAYA_ROLE,),
                    issues=[("sanctions", "conditional", "only if Japan eases the sanctions regime")],
                    speech_act="assessment",
                ),
            ],
            publisher="Izvestia",
        ),
        make_article(
            "Sanctions row",
            "2025-06-02",
            [
                Said(
                    "Rudenko",
                    "the sanctions imposed In May 2025 are unacceptable",
                    issues=[("sanctions", "oppose", None)],
                    times=[("In May 2025", "2025-05", "month")],
                    speech_act="statement",
                )
            ],
        ),
        make_article(
            "Tokyo holds firm",
            "2025-06-20",
            [
                Said(
                    "Toshimitsu Motegi",
                    "Japan will keep the sanctions in place",
                    roles=(MOTEGI_ROLE,),
                    issues=[("sanctions", "support", None)],
                    kind="direct",
                    speech_act="promise",
                ),
                Said(
                    "Japan",
                    "the southern Kuril Islands visits should resume",
                    type="GPE",
                    issues=[("Kuril Islands", "support", None)],
                ),
            ],
        ),
        make_article(
            "Talks frozen",
            "2026-01-15",
            [
                Said(
                    "Andrey Rudenko",
                    "the peace treaty talks are frozen since 2022",
                    roles=(RUDENKO_ROLE,),
                    issues=[("peace treaty", "neutral", None)],
                    times=[("2022", "2022", "year")],
                )
            ],
        ),
        make_article(
            "Experts doubt",
            None,
            [Said("experts", "nothing will change soon", type="GROUP")],
        ),
    ]


def polnear_files(n: int | None = None) -> list[Path]:
    files = sorted(POLNEAR_DEV.glob("*.txt")) if POLNEAR_DEV.is_dir() else []
    return files if n is None else files[:n]


# What each schema version added, undone: a store written by today's saywho, taken back to what an older
# saywho would have written (SQLite >= 3.35 drops columns).
_UNDO = {
    4: [],  # content hashes without U+FEFF: no table changed
    3: ["ALTER TABLE statements DROP COLUMN source_confidence", "ALTER TABLE statements DROP COLUMN cue_confidence"],
    2: ["DROP VIEW article_translations", "DROP TABLE article_links"],
}


def downgrade(db: Path, version: int) -> None:
    """Turn the store at `db` into one of schema `version`, as an older saywho left it."""
    conn = sqlite3.connect(db)
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        for v in range(current, version, -1):
            for statement in _UNDO[v]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
        conn.commit()
    finally:
        conn.close()


def namesake_articles() -> list[Article]:
    """Three Smiths (Jane also called "Smith" alone), Donald Trump and an organisation called Trump, and Japan:
    names that several actors answer to."""
    return [
        make_article(
            "S1", "2025-03-01", [Said("Jane Smith", "the budget is fine"), Said("Jane Smith", "yes", "Smith")]
        ),
        make_article("S2", "2025-03-02", [Said("John Smith", "taxes will rise")]),
        make_article("S3", "2025-03-03", [Said("Will Smith", "the film is done")]),
        make_article("T1", "2025-03-04", [Said("Donald Trump", "tariffs work"), Said("Donald Trump", "ok", "Trump")]),
        make_article("T2", "2025-03-05", [Said("Trump", "the tower is sold", type="ORG")]),
        make_article("J1", "2025-03-06", [Said("Japan", "the visits should resume", type="GPE")]),
    ]
