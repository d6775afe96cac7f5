"""Plain-text articles: the text is analysed exactly as given, and its metadata read from it."""

from __future__ import annotations

from ..document import Article
from .decoding import check_text
from .html import looks_like_html, read_html
from .provenance import detect_provenance


def read_text(text: str, *, source_path: str | None = None) -> Article:
    """An Article over `text`, unchanged, with the metadata the text reveals (see provenance.py).

    Text that is plainly an HTML document (it starts with a doctype or an <html> tag) is read as HTML: its
    markup is no article. Raises InputError for empty or binary input.
    """
    check_text(text)
    if looks_like_html(text):
        return read_html(text, source_path=source_path)
    meta = detect_provenance(text)
    meta.source_path = source_path
    return Article(text=text, meta=meta)
