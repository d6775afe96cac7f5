"""Build attribution candidates from token lists: the content fragments, the source, the cue, and the kind.

Shared by the parse-based rules (indirect.py) and the surface rules of translated news (translated_forms.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from saywho.attribution.spans import Candidate, char_range, source_tokens

MIN_CONTENT_TOKENS = 3


def make_candidate(
    content: list[Token],
    source: Token | None,
    cue: list[Token],
    offset: int,
    method: str,
    confidence: float,
    more: list[Token] | None = None,
) -> Candidate | None:
    """Build a candidate; `more` is a second content fragment ("A, X said, B")."""
    fragments = [[t for t in frag if not t.is_space] for frag in (content, more or []) if frag]
    tokens = [t for frag in fragments for t in frag]
    if len([t for t in tokens if not t.is_punct]) < MIN_CONTENT_TOKENS:
        return None
    src = source_tokens(source) if source is not None else []
    content_ids = {t.i for t in tokens}
    if any(t.i in content_ids for t in cue) or any(t.i in content_ids for t in src):
        return None
    ranges = [r for r in (char_range(frag, offset) for frag in fragments) if r is not None]
    if not ranges:
        return None
    quoted = sum(1 for t in tokens if t.text in '"“”«»„')
    return Candidate(
        content=ranges,
        source=char_range(src, offset) if src else None,
        cue=char_range(cue, offset),
        kind="mixed" if quoted >= 2 and _quoted_words(tokens) >= 3 else "indirect",
        confidence=confidence if src else confidence * 0.6,
        method=method,
        source_head=char_range([source], offset) if source is not None else None,
    )


def _quoted_words(content: list[Token]) -> int:
    inside, count = False, 0
    for t in content:
        if t.text in '"“”«»„':
            inside = not inside
        elif inside and not t.is_punct:
            count += 1
    return count


def surface_candidate(
    content: list[Token], source: list[Token], cue: list[Token], offset: int, method: str, confidence: float
) -> Candidate | None:
    """A candidate whose source was read off the words, not the parse: the whole phrase, its head the name."""
    cand = make_candidate(content, None, cue, offset, method, confidence)
    if cand is None:
        return None
    cand.source = char_range(source, offset)
    cand.source_head = char_range([phrase_head(source)], offset)
    cand.confidence = confidence  # make_candidate discounts a candidate it was given no source for
    return cand


def phrase_head(tokens: list[Token]) -> Token:
    """The head word of a noun phrase ("Alexei Volkov, an analyst at ..." -> "Volkov")."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head == t]
    head = next((t for t in roots if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if head is None:
        first = next((t for t in tokens if t.pos_ in ("PROPN", "NOUN", "PRON")), tokens[0])
        head = first
        # The last word of a run of proper names is the surname.
        while head.i + 1 in ids and head.pos_ == "PROPN" and tokens[0].doc[head.i + 1].pos_ == "PROPN":
            head = tokens[0].doc[head.i + 1]
    return head
