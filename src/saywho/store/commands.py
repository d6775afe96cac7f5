"""The store's commands: `saywho ingest`, `quotes`, `actors` (list / merge / split / aliases), `actor`, `articles`,
`issues`, `timeline`, `stance`, `search` and `export`. `register(app)` adds them to the main `saywho` app; `python -m
saywho.store.commands ...` runs them alone.

Every command takes `--db` (default saywho.db) and reports errors on one line, without a traceback.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from saywho.errors import SaywhoError

DbOption = Annotated[Path, typer.Option("--db", help="The store: an SQLite file (created by ingest).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LimitOption = Annotated[int, typer.Option(min=1, help="At most this many results.")]
OffsetOption = Annotated[int, typer.Option(min=0, help="Skip this many results (pagination).")]
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
# The statement filters (queries.StatementFilter) that quotes, search and export share.
ActorOption = Annotated[
    str | None, typer.Option(help="Only this actor: id, name, alias or surname (several actors bearing it: an error).")
]
IssueOption = Annotated[str | None, typer.Option(help="Only this issue (and its sub-issues).")]
KindOption = Annotated[str | None, typer.Option(help="direct, mixed or indirect.")]
StanceOption = Annotated[str | None, typer.Option(help="support, oppose, conditional, neutral or unknown.")]
DEFAULT_DB = Path("saywho.db")

_err = Console(stderr=True)


class Period(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    graphml = "graphml"
    dna = "dna"


def _fail(message: str, code: int = 1) -> typer.Exit:
    _err.print(f"saywho: error: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def _store(db: Path) -> Iterator[Any]:
    """An open store; any SaywhoError inside becomes one error line and exit status 1."""
    from saywho.store.store import connect

    conn = None
    try:
        conn = connect(db, create=False)
        yield conn
    except SaywhoError as err:
        raise _fail(str(err)) from None
    finally:
        if conn is not None:
            conn.close()


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _page_footer(out: Console, page: Any, noun: str) -> None:
    shown = len(page.items)
    if page.total > shown:
        first = page.offset + 1 if shown else page.offset
        out.print(f"{first}–{page.offset + shown} of {page.total} {noun} (--offset for more)", style="dim")
    else:
        out.print(f"{page.total} {noun}", style="dim")


def _print_statements(out: Console, items: list[dict[str, Any]]) -> None:
    for item in items:
        who = (item["actor"] or {}).get("name") or item["speaker_name"] or "(unknown speaker)"
        head = Text()
        head.append(item["date"] or "undated", style="cyan")
        head.append("  ")
        head.append(who, style="bold")
        head.append(f"  {item['kind']}")
        if item["speech_act"]:
            head.append(f" {item['speech_act']}")
        if item["issues"]:
            head.append("  [" + "; ".join(f"{i['issue']}: {i['stance']}" for i in item["issues"]) + "]", style="green")
        head.append(f"  #{item['id']}", style="dim")
        out.print(head)
        body = item.get("snippet") or item["content_text"]
        out.print(Text("  " + " ".join(body.split())))
        for issue in item["issues"]:
            if issue["condition"]:
                out.print(Text(f"  condition: {issue['condition']['text']}", style="yellow"))
        source = item["article"]["publisher"] or item["article"]["source_path"] or ""
        out.print(Text(f"  {item['article']['title'] or ''} {source}".rstrip(), style="dim"))


# -- ingest -----------------------------------------------------------------------------------------------------


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSON Lines (.jsonl) or saywho JSON.")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Analysis processes.")] = 1,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    aliases: Annotated[
        Path | None, typer.Option(help="Alias file (YAML or TSV) to apply now and on every later ingest.")
    ] = None,
    reanalyze: Annotated[
        bool,
        typer.Option(help="Analyse stored articles again and replace them in place (their ids stay)."),
    ] = False,
    accurate: Annotated[
        bool,
        typer.Option(
            "--accurate",
            # Help is rich markup: "\\[" keeps the extra's brackets, which would be read as a style tag.
            help="Analyse in the accurate mode (one process: the encoder uses every core; saywho\\[accurate]).",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Analyse articles and store them; already stored articles (same normalised text) are skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from saywho.store.ingest import ingest as run_ingest

    pipeline = None
    if accurate:
        if workers > 1:
            raise _fail("--accurate analyses in one process (its encoder already uses every core): drop --workers")
        from saywho.pipeline import Pipeline

        try:
            pipeline = Pipeline(model=model, accurate=True)
        except SaywhoError as err:
            raise _fail(str(err)) from None

    started = time.perf_counter()
    progress = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeRemainingColumn(),
        console=_err,
        disable=quiet or as_json,
        transient=True,
    )
    task = progress.add_task("ingest", total=None, counts="")
    counts = {"stored": 0, "skipped": 0, "failed": 0}

    def on_result(outcome: dict[str, Any]) -> None:
        status = outcome["status"]
        counts["stored" if status == "replaced" else status] += 1
        text = f"stored {counts['stored']} · skipped {counts['skipped']} · failed {counts['failed']}"
        progress.update(task, advance=1, counts=text)

    try:
        with progress:
            summary = run_ingest(
                paths,
                db,
                workers=workers,
                model=model,
                reanalyze=reanalyze,
                aliases=aliases,
                pipeline=pipeline,
                on_start=lambda total: progress.update(task, total=total),
                on_result=on_result,
            )
    except SaywhoError as err:
        raise _fail(str(err)) from None
    except KeyboardInterrupt:
        raise _fail(
            f"interrupted after {counts['stored']} stored articles; run the same command again to resume", 130
        ) from None
    elapsed = time.perf_counter() - started
    if summary.total == 0:
        # Not an error (a spool folder may be empty), but never silent: the path may be the wrong one.
        _err.print(
            f"saywho: warning: no article to ingest in {', '.join(paths)} "
            "(looked for .txt, .html, .htm, .json, .jsonl and .ndjson files)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if as_json:
        _print_json({**summary.to_json(), "seconds": round(elapsed, 2)})
    else:
        for label, reason in summary.failed:
            _err.print(f"saywho: error: {label}: {reason}", markup=False, highlight=False, soft_wrap=True)
        replaced = f", replaced {summary.replaced}" if summary.replaced else ""
        _err.print(
            f"{summary.total} inputs: stored {summary.stored}{replaced}, skipped {summary.skipped} (already stored), "
            f"failed {len(summary.failed)}, in {elapsed:.1f} s -> {db}",
            markup=False,
            highlight=False,
        )
    if summary.failed:
        raise typer.Exit(1)


# -- queries ----------------------------------------------------------------------------------------------------


def quotes(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    issue: IssueOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    stance: StanceOption = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Who said what: statements, newest first, filtered by actor, issue, dates, kind and stance."""
    from saywho.store import queries

    with _store(db) as conn:
        page = queries.quotes(conn, actor, issue, since, until, kind, stance=stance, limit=limit, offset=offset)
    if as_json:
        _print_json(page.to_json())
        return
    out = Console()
    _print_statements(out, page.items)
    _page_footer(out, page, "statements")


def actors_list(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="PERSON, ORG or GPE.")] = None,
    name: Annotated[str | None, typer.Option(help="Only actors with a name containing this.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Also actors without statements (only mentioned).")] = False,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Canonical actors, most quoted first. Subcommands correct them: merge, split, aliases."""
    if ctx.invoked_subcommand is not None:
        return
    from saywho.store import queries

    with _store(db) as conn:
        page = queries.actors(conn, type=type_, name=name, min_statements=0 if all_ else 1, limit=limit, offset=offset)
    if as_json:
        _print_json(page.to_json())
        return
    out = Console()
    table = Table("id", "actor", "type", "quotes", "articles", "seen", "also named")
    for column in table.columns[:-1]:
        column.no_wrap = True
    for item in page.items:
        table.add_row(
            str(item["id"]),
            item["name"],
            item["type"],
            str(item["statements"]),
            str(item["articles"]),
            _seen(item),
            Text(", ".join(item["aliases"][:3])),
        )
    out.print(table)
    _page_footer(out, page, "actors")


def _seen(item: dict[str, Any]) -> str:
    first, last = item["first_seen"], item["last_seen"]
    if not first:
        return "undated"
    return first if first == last else f"{first} – {last}"


def actors_merge(
    keep: Annotated[str, typer.Argument(help="The actor to keep (name, alias or id).")],
    other: Annotated[str, typer.Argument(help="The actor merged into it.")],
    db: DbOption = DEFAULT_DB,
    force: Annotated[bool, typer.Option("--force", help="Merge even actors of different types (PERSON, GPE).")] = False,
) -> None:
    """Merge actor OTHER into KEEP; later ingests keep their names together. A name several actors answer to is
    refused with the list of them: give the id."""
    from saywho.store.actors import find_actor, merge_actors

    with _store(db) as conn:
        kept = find_actor(conn, keep)["name"]
        merged = find_actor(conn, other)["name"]
        actor_id = merge_actors(conn, keep, other, force=force)
    _err.print(f"merged {merged!r} into {kept!r} (id {actor_id})", markup=False, highlight=False)


def actors_split(
    actor: Annotated[str, typer.Argument(help="The actor that wrongly holds two people (name, alias or id).")],
    alias: Annotated[str, typer.Argument(help="The name whose mentions become a separate actor.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Give the mentions of ACTOR named ALIAS their own actor; later ingests keep the two apart."""
    from saywho.store.actors import split_actor

    with _store(db) as conn:
        new_id = split_actor(conn, actor, alias)
    _err.print(f"split {alias!r} off into actor {new_id}", markup=False, highlight=False)


def actors_aliases(
    file: Annotated[Path, typer.Argument(help="Alias file, YAML or TSV (see docs/store.md).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Apply an alias file to the stored actors; its rules also hold for every later ingest."""
    from saywho.store.actors import apply_alias_file, load_alias_file

    with _store(db) as conn:
        changes = apply_alias_file(conn, load_alias_file(file), str(file))
    _err.print(f"applied {file}: {changes['merged']} merged, {changes['split']} split", markup=False)


def actor(
    name: Annotated[str, typer.Argument(help="Name, alias, unique surname or id.")],
    db: DbOption = DEFAULT_DB,
    period: Annotated[Period, typer.Option(help="Period of the stance-over-time rows.")] = Period.month,
    as_json: JsonOption = False,
) -> None:
    """One actor: names, roles with first and last seen, statements by issue, stance over time."""
    from saywho.store import queries

    with _store(db) as conn:
        data = queries.actor(conn, name, period=period.value)
    if as_json:
        _print_json(data)
        return
    out = Console()
    out.print(Text(f"{data['name']}  ({data['type']}, id {data['id']})", style="bold"))
    pairs = data.get("translation_pairs", 0)
    copies = data.get("statements_in_translations", 0)
    told = f" ({pairs} translation pair{'' if pairs == 1 else 's'}" if pairs else ""
    if copies:
        told += f"{'; ' if told else ' ('}{copies} more in translations, not counted"
    told += ")" if told else ""
    out.print(
        f"{data['statements']} statements in {data['articles']} articles{told}, seen: {_seen(data)}", highlight=False
    )
    others = [a["alias"] for a in data["aliases"] if a["alias"] != data["name"]]
    if others:
        out.print(Text("also named: " + ", ".join(others)))
    if data["roles"]:
        table = Table("title", "organization", "country", "first seen", "last seen", "articles", title="roles")
        for r in data["roles"]:
            table.add_row(
                r["title"] or "",
                r["organization"] or "",
                r["country"] or "",
                r["first_seen"] or "",
                r["last_seen"] or "",
                str(r["articles"]),
            )
        out.print(table)
    if data["issues"]:
        table = Table("issue", "support", "oppose", "conditional", "neutral", "unknown", title="statements by issue")
        for i in data["issues"]:
            table.add_row(i["issue"], *(str(i[s]) for s in ("support", "oppose", "conditional", "neutral", "unknown")))
        out.print(table)
    if data["stance_over_time"]:
        table = Table(period.value, "issue", "stance", "statements", title="stance over time")
        for r in data["stance_over_time"]:
            table.add_row(r["period"], r["issue"], r["stance"], str(r["statements"]))
        out.print(table)
    if data["recent"]:
        out.print(Text("latest statements", style="bold"))
        _print_statements(out, data["recent"])


def articles(
    db: DbOption = DEFAULT_DB,
    language: Annotated[str | None, typer.Option(help="Only articles in this language (ISO 639-1: en, ru).")] = None,
    translated: Annotated[
        bool | None,
        typer.Option("--translated/--untranslated", help="Only articles with (without) a linked translation."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    relink: Annotated[
        bool, typer.Option(help="First recompute every translation link (after actor merges, say).")
    ] = False,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Stored articles, newest first, with their statement counts and the articles linked as their translations."""
    from saywho.store import queries
    from saywho.store.links import relink_translations

    with _store(db) as conn:
        if relink:
            pairs = relink_translations(conn)
            _err.print(f"relinked: {pairs} translation pair{'' if pairs == 1 else 's'}", markup=False, highlight=False)
        page = queries.articles(
            conn, language=language, since=since, until=until, translated=translated, limit=limit, offset=offset
        )
    if as_json:
        _print_json(page.to_json())
        return
    out = Console()
    table = Table("id", "date", "lang", "title", "publisher", "quotes", "translations")
    for column in (table.columns[0], table.columns[1], table.columns[2], table.columns[5]):
        column.no_wrap = True
    for item in page.items:
        links = ", ".join(f"#{t['id']} {t['language']} ({t['score']:.2f})" for t in item["translations"])
        table.add_row(
            str(item["id"]),
            item["published"] or "undated",
            item["language"] or "",
            Text(item["title"] or item["source_path"] or ""),
            Text(item["publisher"] or ""),
            str(item["statements"]),
            links,
        )
    out.print(table)
    _page_footer(out, page, "articles")


def issues(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The issues: the taxonomy's (id in the store, label, parent, statements, languages it is found in) and any
    other the store holds. A store is optional: without one, the taxonomy alone."""
    from saywho.store import queries
    from saywho.store.issue_names import catalogue

    stored: list[dict[str, Any]] = []
    if db.exists():
        with _store(db) as conn:
            stored = queries.issues(conn)
    rows = catalogue(stored)
    if as_json:
        _print_json(rows)
        return
    out = Console()
    table = Table("id", "issue", "parent", "statements", "languages")
    for row in rows:
        table.add_row(
            str(row["id"] or ""),
            Text(row["label"]),
            Text(row["parent"] or ""),
            str(row["statements"]),
            ", ".join(row["languages"]),
        )
    out.print(table)
    where = f"in {db}" if db.exists() else f"(no store at {db}: the taxonomy alone)"
    out.print(f"{len(rows)} issues {where}; name one by its label or, in another language, by its words", style="dim")


def timeline(
    issue: Annotated[
        str, typer.Argument(help="Issue label (includes its sub-issues), or its words in another language: санкции.")
    ],
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Statements on an issue in date order, with each speaker's stance and conditions."""
    from saywho.store import queries

    with _store(db) as conn:
        page = queries.timeline(conn, issue, since=since, until=until, actor=actor, limit=limit, offset=offset)
    if as_json:
        _print_json(page.to_json())
        return
    out = Console()
    _print_statements(out, page.items)
    _page_footer(out, page, "statements")


def stance(
    issue: Annotated[str, typer.Argument(help="Issue label (includes its sub-issues).")],
    db: DbOption = DEFAULT_DB,
    period: Annotated[Period, typer.Option(help="Column period.")] = Period.month,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """Actor x period matrix of stances on an issue (+ support, - oppose, ~ conditional, 0 neutral, ? unknown)."""
    from saywho.store import queries

    with _store(db) as conn:
        data = queries.stance_matrix(conn, issue, period=period.value, since=since, until=until)
    if as_json:
        _print_json(data)
        return
    out = Console()
    if not data["actors"]:
        out.print(f"no actor has a statement on {issue!r}", highlight=False)
        return
    symbols = {"support": "+", "oppose": "−", "conditional": "~", "neutral": "0", "unknown": "?"}
    table = Table("actor", *data["periods"], title=f"stance on {issue}")
    for entry in data["actors"]:
        cells = []
        for per in data["periods"]:
            cell = entry["cells"].get(per)
            cells.append(" ".join(f"{symbols[s]}{cell[s]}" for s in symbols if cell.get(s)) if cell else "")
        table.add_row(entry["actor"], *cells)
    out.print(table)


def search(
    query: Annotated[str, typer.Argument(help='FTS5 query: words, "a phrase", OR, NOT, prefix*, speaker:name.')],
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    issue: IssueOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    stance: StanceOption = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over statement contents and speaker names, best matches first, with the filters of
    `quotes`."""
    from saywho.store import queries

    where = queries.StatementFilter(actor=actor, issue=issue, since=since, until=until, kind=kind, stance=stance)
    with _store(db) as conn:
        page = queries.search(conn, query, where=where, limit=limit, offset=offset)
    if as_json:
        _print_json(page.to_json())
        return
    out = Console()
    _print_statements(out, page.items)
    _page_footer(out, page, "matches")


def export(
    fmt: Annotated[ExportFormat, typer.Argument(metavar="FORMAT", help="jsonl, csv, graphml or dna.")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    actor: ActorOption = None,
    issue: IssueOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    period: Annotated[Period | None, typer.Option(help="graphml: one edge per actor, issue and period.")] = None,
    conditional: Annotated[
        bool,
        typer.Option(
            "--conditional",
            help="dna: conditional stances as rows of their own '<issue> (conditional)' concepts (left out by default:"
            " DNA's agreement is binary, and a conditional position is neither support nor opposition).",
        ),
    ] = False,
) -> None:
    """Export statements (jsonl, csv), the actor-issue network (graphml) or a DNA statement table (dna)."""
    from saywho.store.export import export as run_export
    from saywho.store.queries import StatementFilter

    where = StatementFilter(actor=actor, issue=issue, since=since, until=until, kind=kind)
    with _store(db) as conn:
        n = run_export(
            conn,
            fmt.value,
            output or sys.stdout,
            where=where,
            period=period.value if period else None,
            conditional=conditional,
        )
    if output is not None:
        noun = "edges" if fmt is ExportFormat.graphml else "rows"
        _err.print(f"wrote {n} {noun} to {output}", markup=False, highlight=False)


# -- registration -----------------------------------------------------------------------------------------------

_COMMANDS: list[tuple[str, Callable[..., None]]] = [
    ("ingest", ingest),
    ("quotes", quotes),
    ("actor", actor),
    ("articles", articles),
    ("issues", issues),
    ("timeline", timeline),
    ("stance", stance),
    ("search", search),
    ("export", export),
]


def actors_app() -> typer.Typer:
    group = typer.Typer(
        help="Canonical actors: list them (default), merge, split, apply an alias file.",
        invoke_without_command=True,
        no_args_is_help=False,
    )
    group.callback()(actors_list)
    group.command("merge")(actors_merge)
    group.command("split")(actors_split)
    group.command("aliases")(actors_aliases)
    return group


def register(app: typer.Typer) -> None:
    """Add the store's commands to the main `saywho` app."""
    for name, fn in _COMMANDS:
        app.command(name)(fn)
    app.add_typer(actors_app(), name="actors")


def main() -> None:
    app = typer.Typer(help="saywho store commands.", no_args_is_help=True, pretty_exceptions_enable=False)
    register(app)
    app()


if __name__ == "__main__":
    main()
