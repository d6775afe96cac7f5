"""Input readers: files, plain text and HTML into `Article`s with the metadata their text reveals.

    read_path("article.txt")        # by suffix and content: plain text kept byte-for-byte, or HTML extracted
    read_text(text)                 # a string already in memory
    read_html(page, url=...)        # markup, via trafilatura
    iter_input_files(["dir", "a.txt"])

Bad input raises `saywho.errors.InputError` with a one-line reason. Provenance rules (language, translation
credits, breadcrumbs, publisher) live in `saywho.readers.provenance`.
"""

from __future__ import annotations

from .files import DEFAULT_MAX_BYTES, iter_input_files, read_path
from .html import read_html
from .plain import read_text
from .provenance import content_start, credit_line_span, detect_provenance

__all__ = [
    "DEFAULT_MAX_BYTES",
    "content_start",
    "credit_line_span",
    "detect_provenance",
    "iter_input_files",
    "read_html",
    "read_path",
    "read_text",
]
