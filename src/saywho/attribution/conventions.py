"""Span boundaries as news attribution is annotated (PolNeAR's conventions), applied to the found candidates.

Surface facts that neither the rules nor the CRF get right on their own, each measured on PolNeAR train (840
articles) and dev by post-processing the pipeline's output and scoring it with attrscore (numbers in
models/attribution-crf/README.md):

- A content in pieces whose cue stands outside every gap between them is several reports that share a speaker and a
  verb ('He boasted: "That makes me smart." … "Maybe he didn't do a good job."'): one attribution per piece. Pieces
  split only by white space (two quoted paragraphs after "reports:") stay one, and so do two pieces of one
  sentence. Train content exact +152 / -18.
- "If this fails, the minister said, there are other tools": the clause before a parenthetical source and cue is the
  content's first piece, when the parser gave only the part after it. Train +37 / -14.
- A source with an apposition keeps the comma that closes it ("Michael Mulgrew, president of the union,"), a plain
  one does not ("Council President Donald Tusk"): gold does so 919 : 106 and 798 : 5 times on train.
- A dateline in capitals and a colon ("NEW DELHI: …") opening the content is no part of it.
"""

from __future__ import annotations

import dataclasses
import re

from saywho.attribution.spans import Candidate

# The most words the clause before a parenthetical report may have: longer ones are rarely all content.
MAX_FRONT_WORDS = 25
# Two pieces closer than this, with no sentence end between them, belong to one sentence and one report: whether
# gold joins them or splits them is a coin toss (measured: +5 / -5 on train), so they are left as found.
MAX_JOINING_GAP = 40
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s|\n")
_OPENING_MARKS = "\"“‘'«„"


def apply_conventions(text: str, candidates: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in candidates:
        cand = _after_dateline(text, cand)
        cand = _clause_before_report(text, cand)
        cand = _source_comma(text, cand)
        out.extend(_split_detached_pieces(text, cand))
    return out


# "NEW DELHI: The ministry …, said X.", "PUTRAJAYA: …": the dateline of South and South-East Asian papers opens the
# first paragraph in capitals and a colon; it is no part of what was said.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,30}:[ \t]+(?=\S)")


def _after_dateline(text: str, cand: Candidate) -> Candidate:
    pieces = sorted(cand.content)
    if not pieces or (m := _DATELINE.match(text, pieces[0][0], pieces[0][1])) is None:
        return cand
    first = (m.end(), pieces[0][1])
    return dataclasses.replace(cand, content=[first if p == pieces[0] else p for p in cand.content])


def _split_detached_pieces(text: str, cand: Candidate) -> list[Candidate]:
    pieces = sorted(cand.content)
    if len(pieces) < 2 or cand.cue is None:
        return [cand]
    gaps = [(a[1], b[0]) for a, b in zip(pieces, pieces[1:], strict=False)]
    if any(g0 <= cand.cue[0] and cand.cue[1] <= g1 for g0, g1 in gaps):
        return [cand]  # "A," he said, "B": one quotation the reporting clause interrupts
    if all(not text[g0:g1].strip() for g0, g1 in gaps):
        return [cand]
    if (
        len(pieces) == 2
        and len(text[gaps[0][0] : gaps[0][1]]) <= MAX_JOINING_GAP
        and not _SENTENCE_BREAK.search(text[gaps[0][0] : gaps[0][1]])
    ):
        return [cand]  # "the funding system, which advocates say …": a phrase within one sentence, one report
    probs = cand.span_confidence.get("content")
    split = []
    for piece in pieces:
        conf = dict(cand.span_confidence)
        if isinstance(probs, list) and len(probs) == len(cand.content):
            conf["content"] = [probs[cand.content.index(piece)]]
        split.append(dataclasses.replace(cand, content=[piece], span_confidence=conf, notes=list(cand.notes)))
    return split


def _clause_before_report(text: str, cand: Candidate) -> Candidate:
    """ "X, SOURCE said, Y" with Y alone as the content: X is its first piece."""
    if len(cand.content) != 1 or cand.cue is None or cand.source is None:
        return cand
    y0, y1 = cand.content[0]
    lo, hi = min(cand.cue[0], cand.source[0]), max(cand.cue[1], cand.source[1])
    if not (hi < y0 and re.fullmatch(r",\s*", text[hi:y0]) and text[lo - 2 : lo] == ", "):
        return cand
    if text[y0] in _OPENING_MARKS:
        return cand  # a quotation's words are the quotation finder's business
    x1 = lo - 2
    x0 = x1
    while x0 > 0 and text[x0 - 1] != "\n" and not (text[x0 - 1] == " " and x0 > 1 and text[x0 - 2] in '.!?"”'):
        x0 -= 1
    while x0 < x1 and text[x0] in "\"“' ":
        x0 += 1
    front = text[x0:x1]
    # Apostrophes are words' ("Trump's"); a curly or unpaired quotation mark means a quotation runs through.
    quoted = front.count('"') % 2 or any(m in front for m in "“”«»„")
    if not front or len(front.split()) > MAX_FRONT_WORDS or quoted:
        return cand
    conf = dict(cand.span_confidence)
    if isinstance(conf.get("content"), list) and conf["content"]:
        conf["content"] = [conf["content"][0], *conf["content"]]
    return dataclasses.replace(cand, content=[(x0, x1), (y0, y1)], span_confidence=conf)


def _source_comma(text: str, cand: Candidate) -> Candidate:
    if cand.source is None:
        return cand
    s, e = cand.source
    words = text[s:e]
    appositive = "," in words.rstrip(",")
    if appositive and not words.endswith(",") and text[e : e + 1] == ",":
        return dataclasses.replace(cand, source=(s, e + 1))
    if not appositive and words.endswith(",") and e - 1 > s:
        return dataclasses.replace(cand, source=(s, e - 1))
    return cand
