"""Analysing articles sent to the server: the request's text, HTML or uploaded file into an analysed `Article`.

The language pipelines are loaded on first use (only /analyze, /api/analyze and /api/ingest need them) and kept for
the life of the process; one lock serialises analyses, since a spaCy pipeline is not meant for concurrent calls.
Nothing here touches the file system: an upload's file name is only looked at for its suffix.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from saywho.document import SCHEMA, Article
from saywho.errors import InputError, SaywhoError

# Metadata a request may give alongside the text; they take precedence over what the reader finds.
META_FIELDS = ("url", "published", "publisher", "language", "title", "section", "translated_from", "translator")
LABEL = "web"  # the articles' source_path: where they came from, never a path on this machine


class RequestError(SaywhoError):
    """A request the server cannot analyse; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400, text: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.text = text  # the pasted text, to show again in the form


class Analyzer:
    """The analysis pipeline (`saywho.pipeline.Pipeline`: English, Russian on first Russian text, issues and
    stances), loaded on first use and kept for the process."""

    def __init__(self, pipeline: Any = None) -> None:
        self._pipeline: Any = pipeline
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def analyze(self, article: Article) -> Article:
        """Attributions, speakers, issues, stances and times of `article`, as `saywho ingest` stores them."""
        with self._lock:
            if self._pipeline is None:
                from saywho.pipeline import Pipeline

                self._pipeline = Pipeline()
            try:
                return self._pipeline.analyze_article(article)
            except ImportError as err:
                raise InputError(f"cannot analyse this language here: {err}") from None


@dataclass
class Submission:
    """What a request asked to analyse: an article to analyse, or (saywho JSON) one already analysed."""

    article: Article
    analysed: bool = False
    text: str = ""  # the pasted text, to show again in the form after an error


async def read_submission(request: Request, limit: int, *, accept_saywho_json: bool = False) -> Submission:
    """The article a request sends: JSON {"text": ...} / {"html": ...} (plus metadata), or a form with `text`,
    `html` or a `file`. Raises RequestError (400 bad input, 413 too large, 415 unknown content type)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json" or ctype.endswith("+json"):
        try:
            record = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise RequestError(f"the body is not valid JSON ({err.__class__.__name__})") from None
        if not isinstance(record, dict):
            raise RequestError('the JSON body must be an object: {"text": "..."} or {"html": "..."}')
        if accept_saywho_json and record.get("schema") == SCHEMA:
            return Submission(_saywho_json(record, limit), analysed=True)
        return Submission(_from_record(record, limit), text=_str(record.get("text")))
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            # The body as a whole is bounded by the BodyLimit middleware; a text field is checked against `limit` below.
            form = await request.form(max_files=1, max_fields=32, max_part_size=4 * limit + 65536)
        except Exception as err:  # starlette's parser errors: malformed body, too many fields, a part too large
            raise RequestError(f"cannot read the form: {getattr(err, 'detail', None) or err}") from None
        text, html = _str(form.get("text")), _str(form.get("html"))
        try:
            upload = form.get("file")
            record: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str) and k in META_FIELDS}
            if isinstance(upload, UploadFile) and upload.filename:
                if text.strip() or html.strip():
                    raise RequestError("give the text or a file, not both")
                data = await upload.read(limit + 1)
                # Only limit + 1 bytes are read: the size the parser recorded is the file's own.
                _check_size(upload.size if upload.size is not None else len(data), limit, exact=upload.size is not None)
                return Submission(_from_upload(data, upload.filename, record, limit))
            record = {**{k: v for k, v in record.items() if v.strip()}, "text": text, "html": html}
            return Submission(_from_record(record, limit), text=text)
        except RequestError as err:
            err.text = text
            raise
        finally:
            await form.close()
    raise RequestError(
        'send JSON ({"text": "..."} or {"html": "..."}) or a multipart form with a text field or a file', 415
    )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _check_size(size: int, limit: int, *, exact: bool = True) -> None:
    """Refuse more than `limit` bytes (413); `exact=False`: `size` is only what was read, not the whole."""
    if size > limit:
        told = f"{size} bytes" if exact else f"more than {limit} bytes"
        raise RequestError(f"too large: {told}, the limit is {limit} bytes", 413)


def _from_record(record: dict[str, Any], limit: int) -> Article:
    from saywho.store.ingest import article_from_record

    text, html = record.get("text"), record.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise RequestError(f"'{name}' must be a string")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise RequestError("nothing to analyse: give 'text' or 'html' (or upload a file)")
    _check_size(max(len((text or "").encode("utf-8")), len((html or "").encode("utf-8"))), limit)
    unknown = sorted(k for k in record if k not in (*META_FIELDS, "text", "html"))
    if unknown:
        raise RequestError(f"unknown field(s): {', '.join(unknown)} (known: text, html, {', '.join(META_FIELDS)})")
    for key in META_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise RequestError(f"'{key}' must be a string")
    try:
        return article_from_record(record, LABEL)
    except SaywhoError as err:
        raise RequestError(str(err)) from None


def _from_upload(data: bytes, filename: str, record: dict[str, Any], limit: int) -> Article:
    from saywho.readers.decoding import check_not_binary, decode_utf8
    from saywho.readers.html import looks_like_html, read_html
    from saywho.readers.plain import read_text
    from saywho.store.ingest import normalise_date

    _check_size(len(data), limit)
    try:
        if filename.lower().endswith((".html", ".htm")):
            article = read_html(data, source_path=LABEL, url=record.get("url") or None)
        else:
            check_not_binary(data)
            text = decode_utf8(data)
            if looks_like_html(text):
                article = read_html(text, source_path=LABEL, url=record.get("url") or None)
            else:
                article = read_text(text, source_path=LABEL)
        for key, value in record.items():
            if value:
                setattr(article.meta, key, normalise_date(value) if key == "published" else value)
    except SaywhoError as err:
        raise RequestError(str(err)) from None
    return article


def _saywho_json(record: dict[str, Any], limit: int) -> Article:
    _check_size(len(str(record.get("text", "")).encode("utf-8")), limit)
    try:
        article = Article.from_json(record)
        article.validate()
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise RequestError(f"invalid saywho JSON: {err}") from None
    article.meta.source_path = LABEL
    return article
