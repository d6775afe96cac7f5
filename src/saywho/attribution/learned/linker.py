"""Turn predicted source / cue / content spans into attributions.

Each content goes to the nearest cue in its own sentences or the sentence right before or after them (or, for
a paragraph that opens with the content, the end of the paragraph before: `X said:` ¶ `"…"`); the source is
the source span nearest to that cue in the cue's sentence, else in the sentence before it. Contents that share
a cue become one attribution with several fragments (an interrupted quotation: `"…," X said, "…"`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from saywho.attribution.learned.parse_links import cue_object_contents, governing_verb_reports
from saywho.attribution.learned.tagger import SpanPrediction
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.intervals import IntervalIndex
from saywho.nlp.english import Paragraph

DEFAULTS: dict[str, Any] = {
    "min_content_words": 2,  # a one-word predicted content is mostly noise
    "min_content_confidence": 0.0,
    "max_cue_distance": 20,  # tokens between a content and its cue
    "sentence_window": 1,  # how many sentences before/after a content its cue may be
    "require_cue": True,  # a content without any cue nearby is dropped
    "merge_shared_cue": True,  # contents linked to one cue become one attribution
    "split_around_cue": True,  # cut a cue-less content around a source / cue predicted inside it
    "split_at_cued_sentence": True,  # cut a content before a later sentence that has a cue of its own
    "fill_gaps": 0,  # join content chunks separated by at most this many tokens (0: never; it did not help)
    # Complete half-found reports from the parse (see parse_links): a cue and source with no content take the
    # cue's object; a content with no cue takes the verb governing it and that verb's subject.
    "cue_object_contents": True,
    "cue_object_min_confidence": 0.5,
    "governing_verb_reports": True,
}


def _sentence_index(par: Paragraph) -> list[int]:
    idx = [0] * len(par.doc)
    for k, sent in enumerate(par.doc.sents):
        for i in range(sent.start, sent.end):
            idx[i] = k
    return idx


def _words(par: Paragraph, p: SpanPrediction) -> int:
    return sum(1 for t in par.doc[p.tok_start : p.tok_end] if not t.is_punct and not t.is_space)


def _gap(a: SpanPrediction, b: SpanPrediction) -> int:
    """Tokens between two spans of one paragraph (0 when adjacent or overlapping)."""
    if a.tok_end <= b.tok_start:
        return b.tok_start - a.tok_end
    if b.tok_end <= a.tok_start:
        return a.tok_start - b.tok_end
    return 0


def _overlaps(a: SpanPrediction, b: SpanPrediction) -> bool:
    return a.tok_start < b.tok_end and b.tok_start < a.tok_end


def _fill_gaps(par: Paragraph, contents: list[SpanPrediction], gap: int) -> list[SpanPrediction]:
    """Join content chunks of one paragraph that only a few non-punctuation tokens separate."""
    if gap <= 0 or len(contents) < 2:
        return contents
    contents = sorted(contents, key=lambda p: p.tok_start)
    out = [contents[0]]
    for p in contents[1:]:
        q = out[-1]
        between = par.doc[q.tok_end : p.tok_start]
        if p.tok_start - q.tok_end <= gap and not any(t.text in '"“”«»„' or t.is_sent_start for t in between):
            n_q, n_p = q.tok_end - q.tok_start, p.tok_end - p.tok_start
            out[-1] = SpanPrediction(
                "content",
                q.par,
                q.tok_start,
                p.tok_end,
                q.start,
                p.end,
                (q.confidence * n_q + p.confidence * n_p) / (n_q + n_p),
            )
        else:
            out.append(p)
    return out


def _part(par: Paragraph, content: SpanPrediction, tok_start: int, tok_end: int) -> SpanPrediction:
    """Tokens [tok_start, tok_end) of a content, as a content of their own with its confidence."""
    first, last = par.doc[tok_start], par.doc[tok_end - 1]
    return SpanPrediction(
        "content",
        content.par,
        tok_start,
        tok_end,
        par.offset + first.idx,
        par.offset + last.idx + len(last.text),
        content.confidence,
    )


_EDGE_PUNCT = frozenset(",;:—–-")


def _split_around_cues(
    par: Paragraph, content: SpanPrediction, roles: dict[str, list[SpanPrediction]]
) -> list[SpanPrediction]:
    """The parts of a content outside the cues and sources predicted inside it (edge commas and dashes dropped);
    [content] when no cue is inside."""
    if not any(_overlaps(q, content) for q in roles["cue"]):
        return [content]
    inside = [p for p in roles["cue"] + roles["source"] if _overlaps(p, content)]
    doc = par.doc
    keep = [
        i for i in range(content.tok_start, content.tok_end) if not any(p.tok_start <= i < p.tok_end for p in inside)
    ]
    runs: list[list[int]] = []
    for i in keep:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[SpanPrediction] = []
    for run in runs:
        while run and (doc[run[0]].text in _EDGE_PUNCT or doc[run[0]].is_space):
            run = run[1:]
        while run and (doc[run[-1]].text in _EDGE_PUNCT or doc[run[-1]].is_space):
            run = run[:-1]
        if not run:
            continue
        out.append(_part(par, content, run[0], run[-1] + 1))
    return out


def _ends_sentence(text: str) -> bool:
    # The parser also starts sentences after "13th" or a name; only a real full stop is a place to cut.
    return text[-1:] in '.!?"”’»'


def _split_at_cued_sentences(
    par: Paragraph, content: SpanPrediction, cue: SpanPrediction, cues: list[SpanPrediction], sent: list[int]
) -> list[SpanPrediction]:
    """[content], or its parts cut before each later sentence that holds another cue of its own.

    "…told reporters that the talks would fail. Any compromise will create a conflict, X emphasizes." tagged as one
    content belongs to two reports: the second sentence has its own cue, after the first content's cue.
    """
    if cue.par != content.par or sent[content.tok_start] == sent[content.tok_end - 1]:
        return [content]
    cue_sentence = sent[cue.tok_start]
    cut_at = []
    for i in range(content.tok_start + 1, content.tok_end):
        s = sent[i]
        if (
            s != sent[i - 1]
            and s > cue_sentence
            and _ends_sentence(par.doc[i - 1].text)
            and any(q is not cue and sent[q.tok_start] == s and not _overlaps(q, content) for q in cues)
        ):
            cut_at.append(i)
    if not cut_at:
        return [content]
    doc = par.doc
    out = []
    bounds = [content.tok_start, *cut_at, content.tok_end]
    for a, b in zip(bounds, bounds[1:], strict=False):
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            out.append(_part(par, content, a, b))
    return out


def link(
    paragraphs: Sequence[Paragraph],
    spans: Sequence[SpanPrediction],
    quotes: Sequence[Quotation] = (),
    params: Mapping[str, Any] | None = None,
) -> list[Candidate]:
    """Attributions from the predicted spans of an article (character offsets into the article text)."""
    cfg = {**DEFAULTS, **(params or {})}
    standalone = IntervalIndex((q.start, q.end, None) for q in quotes if q.standalone)
    by_par: dict[int, dict[str, list[SpanPrediction]]] = {}
    for p in spans:
        by_par.setdefault(p.par, {"source": [], "cue": [], "content": []})[p.role].append(p)
    sent_idx = {k: _sentence_index(paragraphs[k]) for k in by_par}

    # content -> (cue or None)
    links: list[tuple[SpanPrediction, SpanPrediction | None]] = []
    uncued: list[SpanPrediction] = []
    for k in sorted(by_par):
        par = paragraphs[k]
        roles = by_par[k]
        contents = _fill_gaps(par, roles["content"], int(cfg["fill_gaps"]))
        for whole in contents:
            cue = _find_cue(paragraphs, by_par, sent_idx, k, whole, cfg)
            # "the plan will fail, a report found": a content with no cue outside it but one inside is a report
            # around its own source and cue; it is cut there, and the pieces go to that cue.
            pieces = (
                [whole] if cue is not None or not cfg["split_around_cue"] else _split_around_cues(par, whole, roles)
            )
            if cue is not None and cfg["split_at_cued_sentence"]:
                pieces = _split_at_cued_sentences(par, whole, cue, roles["cue"], sent_idx[k])
            for c in pieces:
                if _words(par, c) < cfg["min_content_words"] or c.confidence < cfg["min_content_confidence"]:
                    continue
                links.append((c, cue if c is whole else _find_cue(paragraphs, by_par, sent_idx, k, c, cfg)))

    # Group contents by their cue.
    groups: dict[tuple[int, int] | int, list[tuple[SpanPrediction, SpanPrediction | None]]] = {}
    for n, (c, cue) in enumerate(links):
        if cue is None and cfg["require_cue"]:
            uncued.append(c)
            continue
        key = (cue.par, cue.tok_start) if cue is not None and cfg["merge_shared_cue"] else n
        groups.setdefault(key, []).append((c, cue))

    out: list[Candidate] = []
    for members in groups.values():
        contents = sorted((c for c, _ in members), key=lambda p: p.start)
        cue = members[0][1]
        source = _find_source(paragraphs, by_par, sent_idx, cue, contents) if cue is not None else None
        conf_parts = [sum(c.confidence for c in contents) / len(contents)]
        if cue is not None:
            conf_parts.append(cue.confidence)
        if source is not None:
            conf_parts.append(source.confidence)
        out.append(
            Candidate(
                content=[(c.start, c.end) for c in contents],
                source=(source.start, source.end) if source is not None else None,
                cue=(cue.start, cue.end) if cue is not None else None,
                kind=_kind(contents, standalone, paragraphs),
                confidence=round(min(conf_parts) * 0.8, 4),
                method="learned:crf",
                source_head=source.head(paragraphs[source.par]) if source is not None else None,
                span_confidence={
                    "content": [c.confidence for c in contents],
                    **({"cue": cue.confidence} if cue is not None else {}),
                    **({"source": source.confidence} if source is not None else {}),
                },
            )
        )
    if cfg["cue_object_contents"]:
        cues = [p for k in by_par for p in by_par[k]["cue"]]
        out.extend(
            cue_object_contents(
                paragraphs,
                cues,
                out,
                lambda cue, contents: _find_source(paragraphs, by_par, sent_idx, cue, contents),
                float(cfg["cue_object_min_confidence"]),
                lambda content: _kind([content], standalone, paragraphs),
                quotes,
            )
        )
    if cfg["governing_verb_reports"]:
        out.extend(governing_verb_reports(paragraphs, [(c, _kind([c], standalone, paragraphs)) for c in uncued], out))
    return sorted(out, key=lambda c: (c.content_start, c.content_end))


def _find_cue(
    paragraphs: Sequence[Paragraph],
    by_par: dict[int, dict[str, list[SpanPrediction]]],
    sent_idx: dict[int, list[int]],
    k: int,
    content: SpanPrediction,
    cfg: Mapping[str, Any],
) -> SpanPrediction | None:
    idx = sent_idx[k]
    first, last = idx[content.tok_start], idx[content.tok_end - 1]
    window = int(cfg["sentence_window"])
    best: tuple[tuple[int, int], SpanPrediction] | None = None
    for cue in by_par[k]["cue"]:
        if _overlaps(cue, content):
            continue
        s = idx[cue.tok_start]
        if s < first - window or s > last + window:
            continue
        gap = _gap(cue, content)
        if gap > cfg["max_cue_distance"]:
            continue
        key = (0 if first <= s <= last else 1, gap)
        if best is None or key < best[0]:
            best = (key, cue)
    if best is not None:
        return best[1]
    # `X said:` ¶ `"…"`: the cue closes the paragraph before one that opens with the content.
    if content.tok_start <= 1 and k - 1 in by_par:
        prev = paragraphs[k - 1]
        cues = by_par[k - 1]["cue"]
        last_tok = len(prev.doc) - 1
        while last_tok > 0 and prev.doc[last_tok].is_space:
            last_tok -= 1
        if cues and prev.doc[last_tok].text == ":":
            return max(cues, key=lambda p: p.tok_start)
    return None


_SOURCE_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM", "X"})


def _find_source(
    paragraphs: Sequence[Paragraph],
    by_par: dict[int, dict[str, list[SpanPrediction]]],
    sent_idx: dict[int, list[int]],
    cue: SpanPrediction,
    contents: list[SpanPrediction],
) -> SpanPrediction | None:
    idx = sent_idx[cue.par]
    s = idx[cue.tok_start]
    best: tuple[tuple[int, int], SpanPrediction] | None = None
    doc = paragraphs[cue.par].doc
    for src in by_par[cue.par]["source"]:
        if _overlaps(src, cue) or any(c.par == src.par and _overlaps(src, c) for c in contents):
            continue
        if not any(t.pos_ in _SOURCE_POS or t.ent_type_ for t in doc[src.tok_start : src.tok_end]):
            continue  # "The", "'s": a fragment, not somebody
        ss = idx[src.tok_start]
        if ss == s:
            key = (0, _gap(src, cue))
        elif ss == s - 1:
            key = (1, _gap(src, cue))
        else:
            continue
        if best is None or key < best[0]:
            best = (key, src)
    return best[1] if best is not None else None


def _kind(contents: list[SpanPrediction], standalone: IntervalIndex, paragraphs: Sequence[Paragraph]) -> str:
    """ "direct" when every fragment is a standalone quotation, "mixed" when a quotation mark is inside."""
    if all(next(standalone.containing(c.start + 1, c.end - 1), None) is not None for c in contents):
        return "direct"
    for c in contents:
        doc = paragraphs[c.par].doc
        if sum(1 for t in doc[c.tok_start : c.tok_end] if t.text in '"“”«»„') >= 2:
            return "mixed"
    return "indirect"
