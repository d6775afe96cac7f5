"""The server-rendered pages: index, article, actor, issue, search, analyze (and the lists behind the index)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from saywho.document import KINDS, STANCES
from saywho.errors import SaywhoError
from saywho.store import queries
from saywho.store.queries import Page, StatementFilter
from saywho.store.schema import StoreError

from . import data
from .analysis import RequestError, read_submission
from .app import state_of
from .render import highlight, statement_title

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 50
ACTOR_STATEMENTS = 300  # statements shown on an actor page, grouped by issue

Offset = Annotated[int, Query(ge=0)]


def pager(request: Request, page: Page) -> dict[str, Any]:
    """Previous/next links for a page of results."""
    end = page.offset + len(page.items)
    size = page.limit if page.limit > 0 else max(len(page.items), 1)
    return {
        "start": page.offset + 1 if page.items else 0,
        "end": end,
        "total": page.total,
        "prev": str(request.url.include_query_params(offset=max(0, page.offset - size))) if page.offset > 0 else None,
        "next": str(request.url.include_query_params(offset=end)) if page.items and end < page.total else None,
    }


def _blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


@router.get("/")
def index(request: Request, offset: Offset = 0) -> HTMLResponse:
    state = state_of(request)
    with state.read() as conn:
        stats = queries.stats(conn)
        articles = queries.articles(conn, limit=PAGE_SIZE, offset=offset)
        actors = queries.actors(conn, min_statements=1, limit=30)
        issues = queries.issues(conn)
    return state.render(
        "index.html",
        stats=stats,
        articles=articles,
        articles_pager=pager(request, articles),
        actors=actors,
        issues=issues,
    )


@router.get("/articles")
def articles(request: Request, offset: Offset = 0, language: str | None = None) -> HTMLResponse:
    state = state_of(request)
    with state.read() as conn:
        page = queries.articles(conn, language=_blank(language), limit=PAGE_SIZE, offset=offset)
    return state.render("articles.html", page=page, pager=pager(request, page), language=_blank(language))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: Annotated[int, Path(ge=1)]) -> HTMLResponse:
    state = state_of(request)
    with state.read() as conn:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise HTTPException(404, f"There is no article {article_id} in this store.")
        view = data.article_view(data.stored_article(conn, article_id))
    return _article_page(state, view)


def _article_page(state: Any, view: dict[str, Any], status: int = 200) -> HTMLResponse:
    titles = {st["key"]: statement_title(st) for st in view["statements"]}
    return state.render(
        "article.html", status=status, view=view, text_html=highlight(view["text"], view["statements"], titles)
    )


@router.get("/actors")
def actors(
    request: Request, offset: Offset = 0, name: str | None = None, type: str | None = None, all: bool = False
) -> HTMLResponse:
    state = state_of(request)
    kind = _blank(type)
    if kind is not None and kind.upper() not in ("PERSON", "ORG", "GPE", "GROUP"):
        raise HTTPException(400, f"unknown actor type {kind!r} (PERSON, ORG, GPE or GROUP)")
    with state.read() as conn:
        page = queries.actors(
            conn, name=_blank(name), type=kind, min_statements=0 if all else 1, limit=PAGE_SIZE, offset=offset
        )
    return state.render(
        "actors.html", page=page, pager=pager(request, page), name=_blank(name) or "", type=kind or "", all=all
    )


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: Annotated[int, Path(ge=1)], period: str = "month") -> HTMLResponse:
    state = state_of(request)
    if period not in queries.PERIODS:
        raise HTTPException(400, f"unknown period {period!r} (one of {', '.join(queries.PERIODS)})")
    with state.read() as conn:
        if conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is None:
            raise HTTPException(404, f"There is no actor {actor_id} in this store.")
        info = queries.actor(conn, actor_id, period=period, recent=0)
        said = queries.statements(conn, StatementFilter(actor=actor_id), limit=ACTOR_STATEMENTS, order="date")
        issue_ids = {r["label"]: r["id"] for r in conn.execute("SELECT id, label FROM issues")}
    groups: dict[str, list[dict[str, Any]]] = {i["issue"]: [] for i in info["issues"]}
    other: list[dict[str, Any]] = []
    for st in said.items:
        for label in dict.fromkeys(i["issue"] for i in st["issues"]):
            groups.setdefault(label, []).append(st)
        if not st["issues"]:
            other.append(st)
    return state.render(
        "actor.html",
        actor=info,
        groups=[(label, issue_ids.get(label), items) for label, items in groups.items() if items],
        other=other,
        shown=len(said.items),
        total=said.total,
        period=period,
    )


@router.get("/issues")
def issues(request: Request) -> HTMLResponse:
    state = state_of(request)
    with state.read() as conn:
        rows = queries.issues(conn)
    return state.render("issues.html", issues=rows)


@router.get("/issues/{issue_id}")
def issue(
    request: Request, issue_id: Annotated[int, Path(ge=1)], period: str = "month", offset: Offset = 0
) -> HTMLResponse:
    state = state_of(request)
    if period not in queries.PERIODS:
        raise HTTPException(400, f"unknown period {period!r} (one of {', '.join(queries.PERIODS)})")
    with state.read() as conn:
        info = data.issue_by_id(conn, issue_id)
        if info is None:
            raise HTTPException(404, f"There is no issue {issue_id} in this store.")
        timeline = queries.timeline(conn, info["label"], limit=PAGE_SIZE * 2, offset=offset)
        matrix = queries.stance_matrix(conn, info["label"], period=period)
        conditions = data.issue_conditions(conn, info["label"])
    return state.render(
        "issue.html",
        issue=info,
        timeline=timeline,
        pager=pager(request, timeline),
        matrix=matrix,
        conditions=conditions,
        period=period,
    )


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    actor: str | None = None,
    issue: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    offset: Offset = 0,
) -> HTMLResponse:
    state = state_of(request)
    form = {
        "q": _blank(q),
        "actor": _blank(actor),
        "issue": _blank(issue),
        "since": _blank(since),
        "until": _blank(until),
        "kind": _blank(kind),
    }
    error, page, status = None, None, 200
    with state.read() as conn:
        issue_labels = [i["label"] for i in queries.issues(conn)]
        if any(form.values()):
            try:
                if form["kind"] is not None and form["kind"] not in KINDS:
                    raise StoreError(f"unknown kind {form['kind']!r} (one of {', '.join(KINDS)})")
                page = data.search_statements(conn, **form, limit=PAGE_SIZE, offset=offset)
            except StoreError as err:
                error, status = str(err), 400
    return state.render(
        "search.html",
        status=status,
        form=form,
        error=error,
        page=page,
        pager=pager(request, page) if page else None,
        issues=issue_labels,
        kinds=KINDS,
        stances=STANCES,
    )


@router.get("/analyze")
def analyze_form(request: Request) -> HTMLResponse:
    state = state_of(request)
    return state.render("analyze.html", limit=state.max_upload_bytes, text="", error=None)


@router.post("/analyze")
async def analyze(request: Request) -> HTMLResponse:
    state = state_of(request)
    try:
        submission = await read_submission(request, state.max_upload_bytes)
    except RequestError as err:
        return state.render(
            "analyze.html", status=err.status, limit=state.max_upload_bytes, text=err.text, error=str(err)
        )
    try:
        article = await run_in_threadpool(state.analyzer.analyze, submission.article)
    except SaywhoError as err:
        return state.render(
            "analyze.html", status=400, limit=state.max_upload_bytes, text=submission.text, error=str(err)
        )

    def view() -> dict[str, Any]:
        with state.read() as conn:
            return data.analysed_view(article, conn)

    return _article_page(state, await run_in_threadpool(view))


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)
