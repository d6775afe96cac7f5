"""An article's text as the store keeps and recognises it.

`content_hash` is an article's identity: the sha256 of its text with Unicode normalised (NFC), whitespace runs
collapsed and U+FEFF dropped, so that the same article read from a file with a UTF-8 byte-order mark, from one
without, or with different line breaks, is stored once. `without_bom` takes a leading byte-order mark off the text
the store keeps (every span moved back by one), so that what is stored does not depend on how the file was saved.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata

from saywho.document import Article, Span

BOM = "\ufeff"  # a UTF-8 byte-order mark, or a zero-width no-break space: nothing a reader sees


def content_hash(text: str) -> str:
    """sha256 of the text with Unicode normalised (NFC), whitespace runs collapsed and U+FEFF dropped."""
    normal = " ".join(unicodedata.normalize("NFC", text.replace(BOM, "")).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def without_bom(article: Article) -> Article:
    """`article` with a leading byte-order mark taken off its text and every span moved back by one (a copy; the
    article itself when its text has none)."""
    if not article.text.startswith(BOM):
        return article
    text = article.text[len(BOM) :]

    def moved(span: Span) -> Span:
        start, end = max(span.start - len(BOM), 0), max(span.end - len(BOM), 0)
        return dataclasses.replace(span, start=start, end=end, text=text[start:end])

    def moved_or_none(span: Span | None) -> Span | None:
        return None if span is None else moved(span)

    attributions = [
        dataclasses.replace(
            a,
            content=[moved(c) for c in a.content],
            source=moved_or_none(a.source),
            cue=moved_or_none(a.cue),
            issues=[dataclasses.replace(i, condition=moved_or_none(i.condition)) for i in a.issues],
            times=[dataclasses.replace(t, span=moved(t.span)) for t in a.times],
        )
        for a in article.attributions
    ]
    entities = [dataclasses.replace(e, mentions=[moved(m) for m in e.mentions]) for e in article.entities]
    return dataclasses.replace(article, text=text, attributions=attributions, entities=entities)
