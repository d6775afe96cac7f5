"""HTML pages: trafilatura finds the article text and the page's metadata; the text's own clues fill the gaps.

The analysed text is trafilatura's extraction, so offsets point into it, not into the markup.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import Document as ExtractedPage
from trafilatura.settings import set_date_params

from ..document import Article, ArticleMeta
from ..errors import InputError
from .decoding import check_not_binary, check_text, decode_html
from .provenance import detect_provenance, merge_meta

# A doctype or an <html> tag at the top, or a <head>/<body> with a closing </html>: markup, not prose.
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_PARTS = re.compile(r"<(?:head|body)[\s>].*</html\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<html[\s>]", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# A site name that is just a domain ("example.com") says less than the outlet the text names.
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def looks_like_html(text: str) -> bool:
    """Whether a text is clearly an HTML document rather than prose that mentions a tag."""
    head = text[:4096].lstrip("\ufeff")
    return bool(_HTML_START.match(head)) or (head.lstrip().startswith("<") and bool(_HTML_PARTS.search(text)))


def read_html(html: str | bytes, *, source_path: str | None = None, url: str | None = None) -> Article:
    """An Article over the main text of an HTML page, with title, date, site name and URL from its markup.

    Raises InputError for empty input, undecodable bytes, or a page without article text (navigation only).
    """
    if isinstance(html, bytes):
        check_not_binary(html)
        html = decode_html(html)
    check_text(html)
    if not _HTML_TAG.search(html[:4096]):
        # trafilatura rejects a bare fragment ("<p>...</p>") as "not HTML"; give it a document around it.
        html = f"<html><body>{html}</body></html>"
    document = _extract(html, url)
    text = (document.text or "").strip() if document is not None else ""
    if document is None or not text or _only_link_text(text, html):
        raise InputError("no article text found in HTML")
    page = ArticleMeta(
        title=document.title or None,
        section=(document.categories or [None])[0],
        url=document.url or url,
        published=document.date or None,
        publisher=document.sitename or None,
    )
    from_text = detect_provenance(text)
    if page.publisher and _DOMAIN.match(page.publisher) and from_text.publisher:
        page.publisher = None
    meta = merge_meta(page, from_text)
    # The body's language is measured on the body: a page's lang attribute is often the site's default.
    meta.language = from_text.language or document.language or None
    meta.source_path = source_path
    return Article(text=text, meta=meta)


def _extract(html: str, url: str | None) -> ExtractedPage | None:
    # htmldate's "extensive" search guesses dates from free text and copyright lines ("© 2024" becomes
    # 2024-01-01); a missing date is better than a wrong one, so only markup dates are used.
    date_params = set_date_params(False)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, date_extraction_params=date_params
        )
    except Exception as err:  # trafilatura and lxml raise a zoo of errors on hostile markup
        raise InputError(f"cannot parse HTML ({type(err).__name__})") from None
    return document if isinstance(document, ExtractedPage) else None


def _only_link_text(text: str, html: str) -> bool:
    """Whether every word extracted is also link text: a page of menus ("Home", "World") with no article."""
    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # unparsable here means we cannot tell; keep the extraction
        return False
    links = {w.casefold() for a in tree.iter("a") for w in _WORD.findall(a.text_content())}
    words = {w.casefold() for w in _WORD.findall(text)}
    return bool(links) and words <= links
