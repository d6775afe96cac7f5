"""The JSON API, documented by the OpenAPI schema at /openapi.json.

Lists answer `{"items": [...], "total": N, "next": URL or null, "limit": L, "offset": O}`; errors answer
`{"error": "...", "status": N}`, and an actor name several actors answer to also `"candidates": [{id, name,
type}]`. Writes (POST /api/ingest, /api/actors/merge, /api/actors/{id}/split) are refused (403) unless the server
runs with --allow-writes, and then need `Authorization: Bearer <token>` (401 without it).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from saywho.store import merge_actors, queries, split_actor
from saywho.store.queries import Page

from . import data
from .analysis import Submission, read_submission
from .app import WebState, state_of

MAX_LIMIT = 500
Kind = Literal["direct", "mixed", "indirect"]
Stance = Literal["support", "oppose", "conditional", "neutral", "unknown"]
Period = Literal["day", "month", "year"]


class ErrorOut(BaseModel):
    error: str = Field(description="what went wrong, in one line")
    status: int
    candidates: list[dict[str, Any]] | None = Field(
        default=None, description="the actors an ambiguous actor name answers to ({id, name, type}); else absent"
    )


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    total: int = Field(description="every match, not only this page")
    next: str | None = Field(description="the URL of the next page, null on the last")
    limit: int
    offset: int


class MergeIn(BaseModel):
    keep: str | int = Field(description="the actor to keep: id, name or alias")
    drop: str | int = Field(description="the actor merged into it (and deleted): id, name or alias")
    force: bool = Field(default=False, description="merge even actors of different types (a PERSON and a GPE)")


class SplitIn(BaseModel):
    alias: str = Field(min_length=1, description="the name whose mentions become a separate actor")


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "bad parameter"},
    404: {"model": ErrorOut, "description": "not found"},
    413: {"model": ErrorOut, "description": "request too large"},
    422: {"model": ErrorOut, "description": "invalid parameter"},
}
router = APIRouter(prefix="/api", responses=_ERRORS)
bearer = HTTPBearer(auto_error=False, description="the token printed by `saywho serve --allow-writes`")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
DateParam = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")]

_ARTICLE_INPUT = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "description": "the article as plain text"},
                        "html": {"type": "string", "description": "or the article's HTML page"},
                        **{
                            key: {"type": "string"}
                            for key in ("url", "published", "publisher", "language", "title", "section")
                        },
                        "translated_from": {"type": "string"},
                        "translator": {"type": "string"},
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".txt, .html or .htm"},
                        "text": {"type": "string"},
                    },
                }
            },
        },
    }
}


def paged(request: Request, page: Page, link: Any = None) -> dict[str, Any]:
    items = data.public(page.items)
    if link is not None:
        for item in items:
            item["page"] = link(item)
    end = page.offset + len(page.items)
    more = page.limit > 0 and end < page.total and bool(page.items)
    return {
        "items": items,
        "total": page.total,
        "next": str(request.url.include_query_params(offset=end)) if more else None,
        "limit": page.limit,
        "offset": page.offset,
    }


def require_writes(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None
) -> None:
    state = state_of(request)
    if not state.allow_writes or not state.token:
        raise HTTPException(403, "this server is read-only: start it with --allow-writes to accept writes")
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None or not credentials.credentials:
        raise HTTPException(401, "writes need a token: send 'Authorization: Bearer <token>'", headers=challenge)
    if not secrets.compare_digest(credentials.credentials.encode(), state.token.encode()):
        raise HTTPException(401, "invalid token", headers=challenge)


# -- reading ------------------------------------------------------------------------------------------------------


@router.get("", summary="What the store holds, and where to look")
def index(request: Request) -> dict[str, Any]:
    with state_of(request).read() as conn:
        stats = queries.stats(conn)
    return {
        "stats": stats,
        "endpoints": [
            "/api/articles",
            "/api/actors",
            "/api/statements",
            "/api/issues",
            "/api/analyze",
            "/openapi.json",
        ],
        "writes": state_of(request).allow_writes,
    }


@router.get("/articles", response_model=PageOut, summary="Stored articles, newest first")
def list_articles(
    request: Request,
    language: Annotated[str | None, Query(description="ISO 639-1 code, e.g. en, ru")] = None,
    since: DateParam = None,
    until: DateParam = None,
    translated: Annotated[bool | None, Query(description="only articles linked (or not) to a translation")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with state_of(request).read() as conn:
        page = queries.articles(
            conn, language=language, since=since, until=until, translated=translated, limit=limit, offset=offset
        )
    return paged(request, page, lambda a: f"/articles/{a['id']}")


@router.get("/articles/{article_id}", summary="One article: metadata, text, entities with roles, statements")
def get_article(request: Request, article_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    with state_of(request).read() as conn:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise HTTPException(404, f"no article with id {article_id}")
        article = data.stored_article(conn, article_id)
    return {**data.public(article), "page": f"/articles/{article_id}"}


@router.get("/actors", response_model=PageOut, summary="Canonical actors, most quoted first")
def list_actors(
    request: Request,
    type: Annotated[Literal["PERSON", "ORG", "GPE", "GROUP"] | None, Query(description="actor type")] = None,
    name: Annotated[str | None, Query(description="part of a name or alias")] = None,
    min_statements: Annotated[int, Query(ge=0)] = 0,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with state_of(request).read() as conn:
        page = queries.actors(conn, type=type, name=name, min_statements=min_statements, limit=limit, offset=offset)
    return paged(request, page, lambda a: f"/actors/{a['id']}")


def _actor_exists(conn: Any, actor_id: int) -> None:
    if conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is None:
        raise HTTPException(404, f"no actor with id {actor_id}")


@router.get("/actors/{actor_id}", summary="One actor: aliases, roles, issues, stance over time, recent statements")
def get_actor(
    request: Request, actor_id: Annotated[int, Path(ge=1)], period: Period = "month", recent: Limit = 5
) -> dict[str, Any]:
    with state_of(request).read() as conn:
        _actor_exists(conn, actor_id)
        actor = queries.actor(conn, actor_id, period=period, recent=recent)
    return {**data.public(actor), "page": f"/actors/{actor_id}"}


@router.get("/statements", response_model=PageOut, summary="Statements: filters and full-text search")
def list_statements(
    request: Request,
    actor: Annotated[
        str | None,
        Query(description="actor id, name, alias or surname; one several actors answer to is a 400 with `candidates`"),
    ] = None,
    issue: Annotated[str | None, Query(description="issue label (includes its sub-issues)")] = None,
    since: DateParam = None,
    until: DateParam = None,
    kind: Kind | None = None,
    stance: Stance | None = None,
    q: Annotated[
        str | None,
        Query(description="full-text query (SQLite FTS5 syntax; one it cannot parse is a 400)", max_length=500),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with state_of(request).read() as conn:
        page = data.search_statements(
            conn,
            q=q,
            actor=actor,
            issue=issue,
            since=since,
            until=until,
            kind=kind,
            stance=stance,
            limit=limit,
            offset=offset,
            lenient=False,
        )
    return paged(request, page, lambda s: f"/articles/{s['article']['id']}#t-s{s['id']}")


@router.get("/issues", response_model=PageOut, summary="Issues, most discussed first")
def list_issues(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    with state_of(request).read() as conn:
        page = data.issue_page(conn, limit=limit, offset=offset)
    return paged(request, page, lambda i: f"/issues/{i['id']}")


@router.get("/issues/{issue_id}", summary="One issue: timeline page, actor x period stance matrix, conditions")
def get_issue(
    request: Request,
    issue_id: Annotated[int, Path(ge=1)],
    period: Period = "month",
    since: DateParam = None,
    until: DateParam = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    with state_of(request).read() as conn:
        issue = data.issue_by_id(conn, issue_id)
        if issue is None:
            raise HTTPException(404, f"no issue with id {issue_id}")
        label = issue["label"]
        timeline = queries.timeline(conn, label, since=since, until=until, limit=limit, offset=offset)
        matrix = queries.stance_matrix(conn, label, period=period, since=since, until=until)
        conditions = data.issue_conditions(conn, label)
    return {
        **issue,
        "page": f"/issues/{issue_id}",
        "timeline": paged(request, timeline),
        "stance_matrix": matrix,
        "conditions": conditions,
    }


# -- analysing and writing ----------------------------------------------------------------------------------------


@router.post("/analyze", openapi_extra=_ARTICLE_INPUT, summary="Analyse an article without storing it")
async def analyze(request: Request) -> dict[str, Any]:
    """The article as saywho's JSON ("saywho/article/v1"): attributions with spans, speakers, issues, stances.

    Send JSON `{"text": ...}` or `{"html": ...}` (with optional metadata: url, published, publisher, ...), or a
    multipart form with a `file`. Nothing is stored.
    """
    state = state_of(request)
    submission = await read_submission(request, state.max_upload_bytes)
    article = await run_in_threadpool(state.analyzer.analyze, submission.article)
    return article.to_json()


@router.post(
    "/ingest",
    status_code=201,
    openapi_extra=_ARTICLE_INPUT,
    dependencies=[Depends(require_writes)],
    summary="Analyse an article and store it (needs --allow-writes and the token)",
    responses={200: {"description": "already stored"}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
async def ingest(request: Request, response: Response) -> dict[str, Any]:
    """The same input as /api/analyze, or saywho's own JSON (stored as analysed). An article already stored (same
    normalised text) is not stored again: 200 with `"status": "skipped"`; else 201 with the new article's id."""
    state = state_of(request)
    submission = await read_submission(request, state.max_upload_bytes, accept_saywho_json=True)
    result = await run_in_threadpool(_ingest, state, submission)
    if result["status"] == "skipped":
        response.status_code = 200
    return result


def _ingest(state: WebState, submission: Submission) -> dict[str, Any]:
    from saywho.store.ingest import content_hash, store_article

    digest = content_hash(submission.article.text)
    with state.read() as conn:
        row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
    if row is None:
        article = submission.article if submission.analysed else state.analyzer.analyze(submission.article)
        with state.write() as conn:
            stored = store_article(conn, article, digest=digest)
        status, article_id, statements = stored.status, stored.article_id, len(article.attributions)
    else:
        status, article_id, statements = "skipped", int(row[0]), None
    return {
        "status": status,
        "article_id": article_id,
        "statements": statements,
        "page": f"/articles/{article_id}",
        "api": f"/api/articles/{article_id}",
    }


@router.post(
    "/actors/merge",
    dependencies=[Depends(require_writes)],
    summary="Merge one actor into another (needs --allow-writes and the token)",
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
def merge(request: Request, body: MergeIn) -> dict[str, Any]:
    """`drop` is merged into `keep`; later ingests keep their names together (an alias rule). Actors of different
    types are merged only with `force`; a name several actors answer to is refused (400, with `candidates`)."""
    with state_of(request).write() as conn:
        keep_id = merge_actors(conn, body.keep, body.drop, force=body.force)
        actor = queries.actor(conn, keep_id, recent=0)
    return {"actor_id": keep_id, "name": actor["name"], "page": f"/actors/{keep_id}", "api": f"/api/actors/{keep_id}"}


@router.post(
    "/actors/{actor_id}/split",
    dependencies=[Depends(require_writes)],
    summary="Split the mentions of one name off an actor (needs --allow-writes and the token)",
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
def split(request: Request, actor_id: Annotated[int, Path(ge=1)], body: SplitIn) -> dict[str, Any]:
    with state_of(request).write() as conn:
        _actor_exists(conn, actor_id)
        new_id = split_actor(conn, actor_id, body.alias)
    return {"actor_id": new_id, "from_actor_id": actor_id, "page": f"/actors/{new_id}", "api": f"/api/actors/{new_id}"}
