"""Complete half-found attributions from the dependency parse.

The taggers often find two of the three parts of a report and miss the third:

- a cue and its source with no content ("Birchers despised them", "she shouted profanities": PolNeAR counts the
  object as the content, the content tagger rarely does). The content is then the cue's object clause or noun
  phrase (`cue_object_contents`).
- a content with no cue near it ("the Morning News backed Clinton", with only "Clinton" tagged). The cue is then
  the verb that governs the content, and the source that verb's subject (`governing_verb_reports`).

Both only ever add attributions whose content overlaps nothing found before, and their confidence is scaled down
(`PARSE_CONFIDENCE`), so that a caller with a confidence floor (the pipeline on translated text) leaves them out.
On PolNeAR dev the two together took attributed-quote F1 from 0.654 to 0.668 (recall 0.556 to 0.592, precision
0.793 to 0.767); see the model card.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc, Token

from saywho.attribution.learned.tagger import SpanPrediction
from saywho.attribution.lexicon import ADDRESSEE_VERBS
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

# A parse-made part is less sure than a tagged one: every such attribution's confidence is scaled by this.
PARSE_CONFIDENCE = 0.6
# The cue's dependents that are its content ("despised them", "said that …", "vowed to …"). On dev the direct
# object gives most of the gain; "attr", "oprd" and "dative" changed nothing, and prepositional objects
# ("complained about X") cost more precision than they gave recall.
PARSE_METHOD = "learned:parse"
OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp"})
# How a content hangs off the verb that reports it; "pobj": "complained about X" (the cue is then "complained
# about").
GOVERNED_DEPS = frozenset({"dobj", "ccomp", "xcomp", "pobj"})
_OPEN_QUOTES = '"“'
_CLOSE_QUOTES = '"”'

SourceFinder = Callable[[SpanPrediction, list[SpanPrediction]], "SpanPrediction | None"]


def _prediction(par: Paragraph, index: int, role: str, a: int, b: int, confidence: float) -> SpanPrediction:
    doc = par.doc
    return SpanPrediction(
        role, index, a, b, par.offset + doc[a].idx, par.offset + doc[b - 1].idx + len(doc[b - 1].text), confidence
    )


def _overlaps_any(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in taken)


def _is_span_root(tok: Token, start: int, end: int) -> bool:
    """Whether the token heads the span [start, end): its head lies outside it, or it is the sentence root."""
    return not tok.is_space and (tok.head.i == tok.i or not start <= tok.head.i < end)


def _object_of(cue_head: Token) -> Token | None:
    """The first dependent after the cue that is its object or complement; not the direct object of a verb
    whose object is the person spoken to ("told *reporters*")."""
    addressee = cue_head.lemma_.lower() in ADDRESSEE_VERBS
    for child in cue_head.children:
        if child.i > cue_head.i and child.dep_ in OBJECT_DEPS and not (addressee and child.dep_ == "dobj"):
            return child
    return None


def _trimmed_subtree(doc: Doc, tok: Token, not_before: int) -> tuple[int, int] | None:
    """Token range of `tok`'s subtree from `not_before` on, without edge punctuation (quotation marks kept)."""
    sub = list(tok.subtree)
    a, b = max(sub[0].i, not_before), sub[-1].i + 1
    while a < b and doc[a].is_punct and doc[a].text not in _OPEN_QUOTES:
        a += 1
    while b > a and doc[b - 1].is_punct and doc[b - 1].text not in _CLOSE_QUOTES:
        b -= 1
    return (a, b) if b > a else None


def _whole_quotation(par: Paragraph, content: SpanPrediction, quotes: Sequence[Quotation]) -> SpanPrediction:
    """The quotation around a content that lies inside one, marks included: the parser hangs the marks of
    `chanted "Four more years!"` on the verb, so the object alone stops short of them."""
    for q in quotes:
        if q.inner_start <= content.start and content.end <= q.inner_end and par.offset <= q.start and q.end <= par.end:
            toks = [t.i for t in par.doc if q.start <= par.offset + t.idx and par.offset + t.idx + len(t) <= q.end]
            if toks:
                return _prediction(par, content.par, "content", toks[0], toks[-1] + 1, content.confidence)
    return content


def cue_object_contents(
    paragraphs: Sequence[Paragraph],
    cues: Sequence[SpanPrediction],
    found: Sequence[Candidate],
    find_source: SourceFinder,
    min_confidence: float = 0.5,
    kind_of: Callable[[SpanPrediction], str] = lambda content: "indirect",
    quotes: Sequence[Quotation] = (),
) -> list[Candidate]:
    """Attributions for the predicted cues no content was linked to, with the cue's object as content, when a
    source for the cue is found; cues and sources less sure than `min_confidence` are skipped. `kind_of` tells
    a quotation from reported speech ("chanted “U-S-A!”" is direct)."""
    used = {c.cue for c in found if c.cue is not None}
    taken = [f for c in found for f in c.content]
    out: list[Candidate] = []
    for cue in cues:
        if (cue.start, cue.end) in used:
            continue
        par = paragraphs[cue.par]
        doc = par.doc
        heads = [t for t in doc[cue.tok_start : cue.tok_end] if _is_span_root(t, cue.tok_start, cue.tok_end)]
        obj = _object_of(heads[0]) if heads else None
        span = _trimmed_subtree(doc, obj, cue.tok_end) if obj is not None else None
        if span is None:
            continue
        content = _whole_quotation(par, _prediction(par, cue.par, "content", span[0], span[1], cue.confidence), quotes)
        if _overlaps_any(content.start, content.end, taken):
            continue
        source = find_source(cue, [content])
        if source is None or min(cue.confidence, source.confidence) < min_confidence:
            continue
        tagged = {"cue": cue.confidence, "source": source.confidence}
        out.append(_candidate(paragraphs, content, cue, source, kind_of(content), tagged))
        taken.append((content.start, content.end))
    return out


def governing_verb_reports(
    paragraphs: Sequence[Paragraph],
    contents: Sequence[tuple[SpanPrediction, str]],
    found: Sequence[Candidate],
) -> list[Candidate]:
    """Attributions for predicted contents (with their kind) that no cue was linked to: the cue is the verb the
    content is the object or complement of, the source that verb's subject."""
    taken = [f for c in found for f in c.content]
    out: list[Candidate] = []
    for content, kind in contents:
        if _overlaps_any(content.start, content.end, taken):
            continue
        par = paragraphs[content.par]
        doc = par.doc
        a, b = content.tok_start, content.tok_end
        roots = [t for t in doc[a:b] if _is_span_root(t, a, b)]
        if len(roots) != 1 or roots[0].dep_ not in GOVERNED_DEPS:
            continue
        root = roots[0]
        verb = root.head.head if root.dep_ == "pobj" else root.head
        if verb.pos_ != "VERB":
            continue
        cue_start, cue_end = (verb.i, root.head.i + 1) if root.dep_ == "pobj" else (verb.i, verb.i + 1)
        subjects = [t for t in verb.children if t.dep_ == "nsubj"]
        if not subjects or (cue_start < b and a < cue_end):
            continue
        subject = list(subjects[0].subtree)
        s_start, s_end = subject[0].i, subject[-1].i + 1
        if s_start < b and a < s_end:
            continue
        cue = _prediction(par, content.par, "cue", cue_start, cue_end, content.confidence)
        source = _prediction(par, content.par, "source", s_start, s_end, content.confidence)
        out.append(_candidate(paragraphs, content, cue, source, kind, {"content": [content.confidence]}))
        taken.append((content.start, content.end))
    return out


def _candidate(
    paragraphs: Sequence[Paragraph],
    content: SpanPrediction,
    cue: SpanPrediction,
    source: SpanPrediction,
    kind: str,
    tagged: dict[str, Any],
) -> Candidate:
    """`tagged`: the confidences of the parts the taggers found (the parse-made part has none)."""
    return Candidate(
        content=[(content.start, content.end)],
        source=(source.start, source.end),
        cue=(cue.start, cue.end),
        kind=kind,
        confidence=round(min(content.confidence, cue.confidence, source.confidence) * PARSE_CONFIDENCE, 4),
        method=PARSE_METHOD,
        source_head=source.head(paragraphs[source.par]),
        span_confidence=tagged,
    )
