"""Ingest articles into the store: read, analyse (in worker processes), and write each article in one transaction.

    summary = ingest(["articles/", "feed.jsonl"], "saywho.db", workers=4)
    summary.stored, summary.skipped, summary.failed      # failed: [(input, reason)]

Inputs: files (.txt, .html, .htm, any file named explicitly), directories (searched recursively for those and for
.jsonl / .ndjson / .json), JSON Lines (one article per line: `text` or `html`, plus optional `url`, `published`,
`publisher`, `language`, `title`, `section`), and saywho's own JSON (`saywho analyze -f json`: stored as analysed).

Idempotent: an article whose normalised text (NFC, whitespace collapsed, U+FEFF dropped: `normalise.content_hash`)
hashes to a stored `content_hash` is skipped before analysis. Resumable: each article commits atomically with its
statements, entities and actors, so a killed run leaves only whole articles, and rerunning it skips them. Analysis
runs in `workers` processes; every write goes through the parent's one connection, so SQLite never sees two writers.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from saywho import __version__
from saywho.document import SCHEMA, Article, Attribution
from saywho.errors import InputError, SaywhoError

from .actors import apply_alias_file, assign_article_actors, load_alias_file, name_variants, rebuild_actor
from .links import link_translations
from .normalise import content_hash, without_bom
from .store import connect, now, transaction

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DIRECTORY_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json"}) | JSONL_SUFFIXES
RECORD_META = ("url", "published", "publisher", "language", "title", "section", "translated_from", "translator")


# -- inputs -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    """One article to ingest: a file, or one line of a JSON Lines file (by byte offset)."""

    path: str
    line: int | None = None
    offset: int | None = None

    @property
    def label(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


def iter_work(paths: Iterable[str | Path]) -> Iterator[WorkItem]:
    """Expand files, directories and JSON Lines files into work items (missing paths are yielded, to be reported)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DIRECTORY_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for file in found:
                yield from _file_items(file)
        else:
            yield from _file_items(path)


def _file_items(path: Path) -> Iterator[WorkItem]:
    if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
        yield WorkItem(str(path))
        return
    offset = 0
    with path.open("rb") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                yield WorkItem(str(path), n, offset)
            offset += len(line)


def read_item(item: WorkItem) -> tuple[Article, bool]:
    """The article of a work item, and whether it is already analysed (saywho JSON). Raises InputError."""
    from saywho.readers import read_path

    path = Path(item.path)
    if item.offset is None:
        if not path.exists():
            raise InputError("no such file or directory")
        if path.suffix.lower() == ".json":
            return _read_saywho_json(path.read_bytes(), item.label), True
        return read_path(path), False
    with path.open("rb") as handle:
        handle.seek(item.offset)
        raw = handle.readline()
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"not valid JSON ({err.__class__.__name__}: {err})") from None
    if isinstance(record, dict) and record.get("schema") == SCHEMA:
        return _article_from_saywho(record, item.label), True
    return article_from_record(record, item.label), False


def article_from_record(record: Any, label: str) -> Article:
    """An article from a JSON Lines record: `text` or `html`, with its metadata fields taking precedence."""
    from saywho.readers import read_html, read_text

    if not isinstance(record, dict):
        raise InputError("a JSON Lines record must be an object with 'text' or 'html'")
    text, html = record.get("text"), record.get("html")
    if isinstance(html, str) and html.strip():
        article = read_html(html, source_path=label, url=record.get("url"))
    elif isinstance(text, str) and text.strip():
        article = read_text(text, source_path=label)
    else:
        raise InputError("record has no 'text' or 'html'")
    for key in RECORD_META:
        value = record.get(key)
        if value is None or value == "":
            continue
        setattr(article.meta, key, normalise_date(value) if key == "published" else str(value))
    return article


def _read_saywho_json(data: bytes, label: str) -> Article:
    try:
        record = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"not valid JSON ({err.__class__.__name__})") from None
    if not isinstance(record, dict) or record.get("schema") != SCHEMA:
        raise InputError(f"a .json input must be saywho output ({SCHEMA})")
    return _article_from_saywho(record, label)


def _article_from_saywho(record: dict[str, Any], label: str) -> Article:
    try:
        article = Article.from_json(record)
        article.validate()
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(f"invalid saywho JSON: {err}") from None
    article.meta.source_path = label
    return article


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def normalise_date(value: Any) -> str:
    """An ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known) from ISO or RFC 2822 input."""
    text = str(value).strip()
    match = _PARTIAL_DATE.match(text)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise InputError(f"invalid published date {text!r}") from None
        return text
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        raise InputError(f"unrecognised published date {text!r} (use ISO 8601)") from None


# -- analysis (in workers) --------------------------------------------------------------------------------------


class Analyzer:
    """Reads and analyses work items; checks the store (read-only) to skip known articles before analysing."""

    def __init__(self, db: str, model: str | None = None, reanalyze: bool = False, pipeline: Any = None) -> None:
        self.db, self.model, self.reanalyze = db, model, reanalyze
        self._pipeline: Any = pipeline
        self._russian: Any = None
        self._conn: sqlite3.Connection | None = None

    def known(self, digest: str) -> int | None:
        if self._conn is None:
            self._conn = connect(self.db, readonly=True)
        row = self._conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        return int(row[0]) if row else None

    def _pipeline_for(self, article: Article) -> Any:
        """The Russian pipeline for Russian text (when installed), else the English one."""
        if article.meta.language == "ru":
            if self._russian is None and hasattr(self._pipeline, "russian"):
                self._russian = self._pipeline.russian()  # the given Pipeline's own, loaded once
            if self._russian is None:
                try:
                    from saywho.pipeline_ru import RussianPipeline  # type: ignore[import-not-found]
                except ImportError:
                    raise InputError("Russian text, and the Russian pipeline is not installed") from None
                self._russian = RussianPipeline()
            return self._russian
        if self._pipeline is None:
            from saywho.pipeline import Pipeline

            self._pipeline = Pipeline(model=self.model)
        return self._pipeline

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __call__(self, item: WorkItem) -> dict[str, Any]:
        try:
            article, analysed = read_item(item)
            digest = content_hash(article.text)
            existing = self.known(digest)
            if existing is not None and not self.reanalyze:
                return {"status": "skipped", "label": item.label, "reason": f"already stored (article {existing})"}
            if not analysed:
                article = enrich(self._pipeline_for(article).analyze_article(article))
            payload = article.to_json()
            payload["article"]["source_path"] = article.meta.source_path
            return {"status": "analysed", "label": item.label, "hash": digest, "article": payload}
        except SaywhoError as err:
            return {"status": "failed", "label": item.label, "reason": str(err)}
        except Exception as err:  # one article's internal failure must not stop the others
            return {"status": "failed", "label": item.label, "reason": f"internal error ({type(err).__name__}: {err})"}


def enrich(article: Article) -> Article:
    """Issues, stances, speech acts and times (saywho.enrich), unless the pipeline already filled them."""
    if any(a.issues or a.times or a.speech_act for a in article.attributions):
        return article
    try:
        from saywho.enrich import enrich as enrich_article  # type: ignore[import-not-found]
    except ImportError:
        return article
    return enrich_article(article)


_WORKER: Analyzer | None = None


def _init_worker(db: str, model: str | None, reanalyze: bool) -> None:
    global _WORKER
    _WORKER = Analyzer(db, model, reanalyze)


def _work(item: WorkItem) -> dict[str, Any]:
    assert _WORKER is not None
    return _WORKER(item)


# -- writing ----------------------------------------------------------------------------------------------------


@dataclass
class StoreResult:
    status: str  # stored | skipped | replaced
    article_id: int
    reason: str = ""


def store_article(
    conn: sqlite3.Connection, article: Article, *, digest: str | None = None, replace: bool = False
) -> StoreResult:
    """Write one analysed article, its entities, actors, statements and translation links in one transaction.

    An article already stored (same normalised-content hash) is skipped, or replaced when `replace`: in place, so
    that its id stays what links, exports and bookmarks know, and so do the ids of the statements found again with
    the same spans. A leading byte-order mark is not stored (`normalise.without_bom`).
    """
    digest = digest or content_hash(article.text)
    article = without_bom(article)
    with transaction(conn):
        row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        touched: set[int] = set()
        known: dict[tuple[Any, ...], int] = {}  # statement key -> the id it had
        if row is not None:
            if not replace:
                return StoreResult("skipped", int(row["id"]), f"already stored (article {row['id']})")
            article_id = int(row["id"])
            touched = {
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT actor_id FROM article_entities WHERE article_id = ? AND actor_id IS NOT NULL",
                    (article_id,),
                )
            }
            known = _stored_statement_ids(conn, article_id)
            _clear_analysis(conn, article_id)
            _update_article(conn, article_id, article)
        else:
            article_id = _insert_article(conn, article, digest)
        published = _published(article)
        entity_rows: dict[str, int] = {}
        batch = []
        for entity in article.entities:
            variants = name_variants(entity)
            cur = conn.execute(
                "INSERT INTO article_entities (article_id, entity_id, name, type, aliases, name_variants, mentions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    entity.id,
                    entity.name,
                    entity.type,
                    json.dumps(entity.aliases, ensure_ascii=False),
                    json.dumps(variants, ensure_ascii=False),
                    json.dumps([m.to_json() for m in entity.mentions], ensure_ascii=False),
                ),
            )
            row_id = int(cur.lastrowid or 0)
            entity_rows[entity.id] = row_id
            conn.executemany(
                "INSERT INTO entity_roles (article_entity_id, title, organization, country) VALUES (?, ?, ?, ?)",
                [(row_id, r.title, r.organization, r.country) for r in entity.roles if not r.is_empty()],
            )
            batch.append((row_id, entity, variants))
        actors = assign_article_actors(conn, published, batch)
        # Statements found again keep their ids; the new ones are numbered above every id the article had, so that
        # no id of a statement that is gone comes back as another statement.
        kept = {a.id: known.pop(key) for a in article.attributions if (key := statement_key(a)) in known}
        highest = conn.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
        next_id = max([highest, *known.values(), *kept.values()])
        for attribution in sorted(article.attributions, key=lambda a: a.id not in kept):
            statement_id = kept.get(attribution.id)
            if statement_id is None:
                next_id += 1
                statement_id = next_id
            entity_row = entity_rows.get(attribution.speaker or "")
            actor_id = actors.get(entity_row or -1)
            _insert_statement(conn, article, article_id, attribution, entity_row, actor_id, statement_id)
        for actor_id in touched:
            if conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
                rebuild_actor(conn, actor_id)
        link_translations(conn, article_id)
    return StoreResult("replaced" if row is not None else "stored", article_id)


def statement_key(a: Attribution) -> tuple[Any, ...]:
    """What makes a statement the same one on reanalysis: its source, cue and content spans."""
    return (_span(a.source), _span(a.cue), tuple(_span(c) for c in sorted(a.content)))


def _stored_statement_ids(conn: sqlite3.Connection, article_id: int) -> dict[tuple[Any, ...], int]:
    """{statement_key: id} of an article's stored statements."""
    out: dict[tuple[Any, ...], int] = {}
    for r in conn.execute(
        "SELECT id, source_start, source_end, source_text, cue_start, cue_end, cue_text, content_fragments "
        "FROM statements WHERE article_id = ? ORDER BY id",
        (article_id,),
    ):
        source = (r[1], r[2], r[3]) if r[1] is not None else (None, None, None)
        cue = (r[4], r[5], r[6]) if r[4] is not None else (None, None, None)
        content = tuple((f["start"], f["end"], f["text"]) for f in json.loads(r[7]))
        out.setdefault((source, cue, content), int(r[0]))
    return out


def _clear_analysis(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove what an analysis stored of an article (statements, entities, translation links), not the article."""
    conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_links WHERE article_id = ? OR other_article_id = ?", (article_id, article_id))


# The article's own columns, written alike by a first ingest and a reanalysis.
_ARTICLE_COLUMNS = (
    "title, url, published, publisher, section, language, translated_from, translator, source_path, text, "
    "ingested_at, analyzer"
)


def _article_values(article: Article) -> tuple[object, ...]:
    m = article.meta
    return (
        m.title,
        m.url,
        _published(article),
        m.publisher,
        m.section,
        m.language,
        m.translated_from,
        m.translator,
        m.source_path,
        article.text,
        now(),
        f"saywho {__version__}",
    )


def _update_article(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    assignments = ", ".join(f"{column.strip()} = ?" for column in _ARTICLE_COLUMNS.split(","))
    conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*_article_values(article), article_id))


def _published(article: Article) -> str | None:
    if not article.meta.published:
        return None
    try:
        return normalise_date(article.meta.published)
    except InputError:
        return None


def _insert_article(conn: sqlite3.Connection, article: Article, digest: str) -> int:
    values = _article_values(article)
    placeholders = ", ".join("?" * (len(values) + 1))
    cur = conn.execute(
        f"INSERT INTO articles (content_hash, {_ARTICLE_COLUMNS}) VALUES ({placeholders})", (digest, *values)
    )
    return int(cur.lastrowid or 0)


def _insert_statement(
    conn: sqlite3.Connection,
    article: Article,
    article_id: int,
    a: Attribution,
    entity_row: int | None,
    actor_id: int | None,
    statement_id: int | None = None,
) -> None:
    speaker = article.entity(a.speaker)
    content = sorted(a.content)
    anchor = a.source or a.cue
    start = content[0].start if content else (anchor.start if anchor else 0)
    end = content[-1].end if content else start
    cur = conn.execute(
        "INSERT INTO statements (id, article_id, attribution_id, article_entity_id, actor_id, speaker_name, kind, "
        "speech_act, confidence, method, source_start, source_end, source_text, cue_start, cue_end, cue_text, "
        "content_start, content_end, content_text, content_fragments, source_confidence, cue_confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            statement_id,
            article_id,
            a.id,
            entity_row,
            actor_id,
            speaker.name if speaker else None,
            a.kind,
            a.speech_act,
            a.confidence,
            a.method,
            *(_span(a.source)),
            *(_span(a.cue)),
            start,
            end,
            " … ".join(c.text for c in content),
            json.dumps([c.to_json() for c in content], ensure_ascii=False),
            a.source.confidence if a.source else None,
            a.cue.confidence if a.cue else None,
        ),
    )
    statement_id = int(cur.lastrowid or 0)
    for issue in a.issues:
        cond = issue.condition
        conn.execute(
            "INSERT INTO statement_issues (statement_id, issue_id, stance, confidence, condition_start, "
            "condition_end, condition_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (statement_id, issue_id(conn, issue.issue), issue.stance, issue.confidence, *_span(cond)),
        )
    conn.executemany(
        'INSERT INTO statement_times (statement_id, start, "end", text, value, granularity) VALUES (?, ?, ?, ?, ?, ?)',
        [(statement_id, t.span.start, t.span.end, t.span.text, t.value, t.granularity) for t in a.times],
    )


def _span(span: Any) -> tuple[int | None, int | None, str | None]:
    return (span.start, span.end, span.text) if span is not None else (None, None, None)


def issue_id(conn: sqlite3.Connection, label: str) -> int:
    row = conn.execute("SELECT id FROM issues WHERE label = ?", (label,)).fetchone()
    if row:
        return int(row[0])
    return int(conn.execute("INSERT INTO issues (label) VALUES (?)", (label,)).lastrowid or 0)


def upsert_issues(conn: sqlite3.Connection, issues: Iterable[tuple[str, str | None, str | None]]) -> None:
    """Record an issue taxonomy: (label, description, parent label) rows; parents are created as needed."""
    with transaction(conn):
        for label, description, parent in issues:
            parent_id = issue_id(conn, parent) if parent else None
            row_id = issue_id(conn, label)
            conn.execute(
                "UPDATE issues SET description = coalesce(?, description), parent_id = ? WHERE id = ?",
                (description, parent_id, row_id),
            )


# -- the run ----------------------------------------------------------------------------------------------------


@dataclass
class IngestSummary:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped_reasons: list[tuple[str, str]] = field(default_factory=list)
    total: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "stored": self.stored,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "failed": [{"input": label, "reason": reason} for label, reason in self.failed],
        }


Progress = Callable[[dict[str, Any]], None]


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = "saywho.db",
    *,
    workers: int = 1,
    model: str | None = None,
    reanalyze: bool = False,
    aliases: str | Path | None = None,
    pipeline: Any = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Progress | None = None,
) -> IngestSummary:
    """Ingest every article under `paths` into the store `db`; see the module docstring.

    `pipeline`: an already loaded `saywho.pipeline.Pipeline` to use when `workers` is 1 (else each worker
    process loads its own). `on_start(total)` is called once the inputs are listed, `on_result(outcome)` after
    each article (outcome: {"status": "stored"|"replaced"|"skipped"|"failed", "label": ..., "reason": ...}).
    """
    db = str(db)
    if pipeline is None:
        from saywho.nlp.english import check_model

        check_model(model)  # a wrong --model is refused before the store is created
    conn = connect(db)
    try:
        if aliases is not None:
            apply_alias_file(conn, load_alias_file(aliases), str(aliases))
        items = list(iter_work(paths))
        summary = IngestSummary(total=len(items))
        if on_start:
            on_start(len(items))

        def record(outcome: dict[str, Any]) -> None:
            if outcome["status"] == "analysed":
                outcome = _write(conn, outcome, reanalyze)
            status = outcome["status"]
            if status == "failed":
                summary.failed.append((outcome["label"], outcome["reason"]))
            elif status == "skipped":
                summary.skipped += 1
                summary.skipped_reasons.append((outcome["label"], outcome.get("reason", "")))
            elif status == "replaced":
                summary.replaced += 1
            else:
                summary.stored += 1
            if on_result:
                on_result(outcome)

        if workers <= 1:
            analyzer = Analyzer(db, model, reanalyze, pipeline)
            try:
                for item in items:
                    record(analyzer(item))
            finally:
                analyzer.close()
        else:
            _run_parallel(items, db, model, reanalyze, workers, record)
    finally:
        conn.close()
    return summary


def _write(conn: sqlite3.Connection, outcome: dict[str, Any], reanalyze: bool) -> dict[str, Any]:
    label = outcome["label"]
    try:
        article = Article.from_json(outcome["article"])
        article.meta.source_path = outcome["article"]["article"].get("source_path")
        result = store_article(conn, article, digest=outcome["hash"], replace=reanalyze)
    except sqlite3.Error as err:
        return {"status": "failed", "label": label, "reason": f"store error: {err}"}
    return {"status": result.status, "label": label, "reason": result.reason, "article_id": result.article_id}


def _run_parallel(
    items: list[WorkItem], db: str, model: str | None, reanalyze: bool, workers: int, record: Progress
) -> None:
    import multiprocessing

    # spawn, not fork: the parent may hold threads (the progress bar) and an open SQLite connection.
    context = multiprocessing.get_context("spawn")
    pending: dict[Future[dict[str, Any]], WorkItem] = {}
    initargs = (db, model, reanalyze)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
        try:
            for item in items:
                pending[pool.submit(_work, item)] = item
                if len(pending) >= workers * 3:
                    _drain(pending, record, until=workers * 2)
            _drain(pending, record, until=0)
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _drain(pending: dict[Future[dict[str, Any]], WorkItem], record: Progress, until: int) -> None:
    """Record finished analyses until at most `until` are in flight."""
    while len(pending) > until:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            item = pending.pop(future)
            try:
                outcome = future.result()
            except Exception as err:  # a worker process died (out of memory, a crash in native code)
                outcome = {"status": "failed", "label": item.label, "reason": f"worker failed ({type(err).__name__})"}
            record(outcome)
