"""Token-range helpers shared by the attribution rules: subtrees to character spans, trimming, cue phrases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

# Punctuation that never starts or ends a span.
_EDGE_PUNCT = set(",;:—–―-") | {"--"}
_QUOTE_CHARS = set("\"“”„«»‘’'`")


@dataclass
class Candidate:
    """An attribution before speaker resolution: character ranges into the article text."""

    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    kind: str
    confidence: float
    method: str
    # Character range of the source's head word (the name, pronoun or noun that says who speaks).
    source_head: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)
    # The model's confidence in each part, where a model found it: {"source": p, "cue": p, "content": [p, ...]}
    # (one per content fragment). Rules leave it empty.
    span_confidence: dict[str, Any] = field(default_factory=dict)

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content)


def char_range(tokens: Iterable[Token], offset: int) -> tuple[int, int] | None:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    return offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)


def trim_tokens(tokens: list[Token], keep_quotes: bool = False) -> list[Token]:
    """Drop punctuation, conjunctions and whitespace at both ends of a token run."""

    def droppable(t: Token) -> bool:
        if t.is_space:
            return True
        if t.text in _QUOTE_CHARS:
            return not keep_quotes
        return t.text in _EDGE_PUNCT or (t.is_punct and t.text not in ")]") or t.dep_ in ("cc",)

    while tokens and droppable(tokens[0]):
        tokens = tokens[1:]
    while tokens and (droppable(tokens[-1]) or tokens[-1].text in ".!?"):
        tokens = tokens[:-1]
    return tokens


def subtree_tokens(tok: Token, exclude: Iterable[Token] = ()) -> list[Token]:
    """The contiguous run of `tok`'s subtree around `tok`, minus the subtrees of `exclude`."""
    banned: set[int] = set()
    for ex in exclude:
        banned.update(t.i for t in ex.subtree)
    members = {t.i for t in tok.subtree} - banned
    # Keep the contiguous run containing the head so a removed subtree cannot leave a gapped span.
    lo = hi = tok.i
    while lo - 1 in members:
        lo -= 1
    while hi + 1 in members:
        hi += 1
    return [tok.doc[i] for i in range(lo, hi + 1)]


def source_tokens(subject: Token) -> list[Token]:
    """The source noun phrase: the subject with its modifiers and appositions, without relative clauses."""
    drop = [c for c in subject.children if c.dep_ in ("relcl", "acl") and c.i > subject.i]
    # A clause set off by a comma deeper in the phrase ends it too: "The head of the Government, Valeria Ruiz,
    # assured …" when the parser hangs the reporting verb on "Government".
    doc = subject.doc
    drop += [
        t
        for t in subject.subtree
        if t.dep_ == "acl" and t.head is not subject and t.i > subject.i and t.i > 0 and doc[t.i - 1].text == ","
    ]
    toks = trim_tokens(subtree_tokens(subject, drop))
    return toks


def cue_tokens(verb: Token) -> list[Token]:
    """The verb with the auxiliaries, negation and adverbs right before it ("has repeatedly stressed")."""
    toks = [verb]
    i = verb.i - 1
    while i >= verb.sent.start:
        t = verb.doc[i]
        if t.head == verb and t.dep_ in ("aux", "neg", "advmod", "auxpass") and not t.is_punct:
            toks.insert(0, t)
            i -= 1
            continue
        break
    # Verb particles ("points out") and phrasal prepositions belong to the cue.
    for c in verb.children:
        if c.dep_ == "prt" and c.i == toks[-1].i + 1:
            toks.append(c)
    return toks
