"""Combine the quotation rules and the syntactic rules into one list of attribution candidates per article."""

from __future__ import annotations

import bisect
import re
from typing import Any

from saywho.attribution.direct import find_direct
from saywho.attribution.indirect import find_indirect
from saywho.attribution.interview import find_interview_answers, find_printed_answers
from saywho.attribution.learned import merged_candidates
from saywho.attribution.lexicon import PREDICATIVE_VERBS
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.attribution.tail_reports import find_tail_reports
from saywho.attribution.transcript import find_labelled
from saywho.attribution.translated_forms import find_translated_forms
from saywho.intervals import IntervalIndex
from saywho.nlp.english import Paragraph


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _inside(pos: tuple[int, int], spans: IntervalIndex) -> bool:
    return next(spans.containing(*pos), None) is not None


# The CRF learned native US news; on machine-translated text (calques, literal word order) its scores are less
# trustworthy, so only its confident additions are kept there. 0.65, not the 0.75 of before: on eleven unseen
# translated articles the seven learned additions between the two were all right ("X affirmed the Kingdom's
# keenness …", "Several economists consider that …"); below 0.65 wrong ones come in, and on the example article
# the output is the same from 0.6 to 0.75.
TRANSLATED_MIN_CONFIDENCE = 0.65
# The accurate mode's probabilities, mixed with the encoder's, run higher: at 0.65 it adds two narrations to the
# example article ("the government … immediately started talking about …"); at 0.75 none.
TRANSLATED_MIN_CONFIDENCE_ACCURATE = 0.75


def extract_candidates(
    quotes: list[Quotation], paragraphs: list[Paragraph], *, translated: bool = False, encoder: Any = None
) -> list[Candidate]:
    """Every attribution candidate of an article: the rules' and the trained CRF's additions (mixed with the
    accurate mode's `encoder.EncoderTagger` when one is given)."""
    rules = rule_candidates(quotes, paragraphs, translated=translated)
    # The trained CRF (models/attribution-crf) reads the rule candidates as features and its attributions are
    # merged with them; on translated text the rules win and only confident learned additions are kept.
    found = merged_candidates(
        paragraphs, quotes, rules, min_confidence=_min_confidence(translated, encoder), encoder=encoder
    )
    found = [c for c in found if not _own_correspondent(c, paragraphs) and not _person_object(c, paragraphs)]
    for cand in found:
        # Any quoted words make a report mixed (the rules' own kind, which the CRF reads, asks for three).
        if cand.kind == "indirect" and _quoted_marks(cand, paragraphs) >= 2:
            cand.kind = "mixed"
    # Interview answers are found last: they are the turns nothing else explains, and the models never read them.
    # A quotation nobody was found for (the rules' bare quotations, kept on translated text) takes no turn.
    taken = [c for c in found if c.source is not None]
    questions: list[tuple[int, int]] = []
    answers = find_interview_answers(quotes, paragraphs, taken, questions=questions)
    answers += find_printed_answers(quotes, paragraphs, taken + answers)
    turns = [span for c in answers for span in c.content] + questions
    found = [c for c in found if c.source is not None or not any(_overlap(s, t) for s in c.content for t in turns)]
    return sorted(found + answers, key=lambda c: (c.content_start, c.content_end)) if answers else found


def _min_confidence(translated: bool, encoder: Any) -> float | None:
    if not translated:
        return None
    return TRANSLATED_MIN_CONFIDENCE if encoder is None else TRANSLATED_MIN_CONFIDENCE_ACCURATE


def rule_candidates(
    quotes: list[Quotation], paragraphs: list[Paragraph], *, translated: bool = False
) -> list[Candidate]:
    """The attributions the quotation and syntax rules find, without the learned model (`translated`: the
    text credits a machine translation, and the literal renderings of foreign report shapes count too)."""
    labelled = list(find_labelled(paragraphs))
    labelled_spans = [c.content[0] for c in labelled]
    direct = [
        d for d in find_direct(quotes, paragraphs) if not any(_overlap(c, s) for c in d.content for s in labelled_spans)
    ]
    direct += labelled
    direct_contents = IntervalIndex((s, e, None) for d in direct for s, e in d.content)
    direct_cues = {d.cue for d in direct if d.cue}
    # Quotations that stand alone are someone's words: reporting verbs inside them are nested speech
    # ("We have repeatedly said that ...") and would only repeat the quoted speaker.
    standalone = IntervalIndex((q.inner_start, q.inner_end, None) for q in quotes if q.standalone)
    all_quoted = IntervalIndex((q.inner_start, q.inner_end, None) for q in quotes)

    indirect: list[Candidate] = []
    for par in paragraphs:
        for cand in [*find_translated_forms(par, translated=translated), *find_indirect(par), *find_tail_reports(par)]:
            if cand.cue in direct_cues and _quotes_inside(cand, direct, paragraphs):
                # "X announced that A, which should, as she said, "Q"": the quotation is part of one mixed report
                # (the quotation rule hung it on the outer verb); the report replaces the bare quotation.
                direct = [d for d in direct if d.cue != cand.cue]
                direct_cues.discard(cand.cue)
                direct_contents = IntervalIndex((s, e, None) for d in direct for s, e in d.content)
            elif cand.cue and (cand.cue in direct_cues or _inside(cand.cue, standalone)):
                continue
            if cand.cue and _inside(cand.cue, all_quoted) and _first_person(cand, paragraphs):
                continue  # "I think …" inside someone's quoted words is theirs, already attributed
            if cand.source is None:
                # Indirect speech with nobody speaking ("there is no reason to think that ...") is rarely
                # an attribution; precision matters more here than recall.
                continue
            span = (cand.content_start, cand.content_end)
            if any(
                _overlap(span, (s, e)) > 0.5 * (span[1] - span[0]) for s, e, _ in direct_contents.overlapping(*span)
            ):
                continue
            indirect.append(cand)
    indirect = _drop_weak_nested(indirect)
    _extend_back(indirect, direct + indirect, paragraphs)
    return sorted(_dedupe(direct + indirect), key=lambda c: (c.content_start, c.content_end))


def _quotes_inside(cand: Candidate, direct: list[Candidate], paragraphs: list[Paragraph]) -> bool:
    """Whether `cand` reports forward (the cue before the content) and the quotations with its cue lie inside its
    one content after at least four words of its own (a clause that quotes a phrase, not `said that "…"`)."""
    quoted = [d for d in direct if d.cue == cand.cue]
    if len(cand.content) != 1 or not quoted or cand.cue is None:
        return False
    start, end = cand.content[0]
    spans = sorted(span for d in quoted for span in d.content)
    if cand.cue[1] > start or not all(start <= s and e <= end for s, e in spans):
        return False
    before = _span_text((start, spans[0][0]), paragraphs)
    return len([w for w in before.split() if w.lower() != "that"]) >= 4


# Rules whose cue is a verb with a noun or infinitive object: reliable in narration, but inside someone
# else's reported content ("... will continue to criticize the actions of X") they mostly describe, not report.
_WEAK_METHODS = ("indirect:object", "indirect:infinitive", "indirect:phrasal", "indirect:predicative")


def _drop_weak_nested(cands: list[Candidate]) -> list[Candidate]:
    contents = IntervalIndex((c.content_start, c.content_end, None) for c in cands)

    def nested(c: Candidate) -> bool:
        own = (c.content_start, c.content_end)
        return c.cue is not None and any((s, e) != own for s, e, _ in contents.containing(*c.cue))

    return [c for c in cands if not (c.method in _WEAK_METHODS and nested(c))]


def _extend_back(cands: list[Candidate], everything: list[Candidate], paragraphs: list[Paragraph]) -> None:
    """ "S1. S2, X believes.": an inverted report at the end of a paragraph also covers the sentence before it
    when that sentence reports nothing itself (translated analysis often runs a quoted view over sentences)."""
    taken = [span for c in everything for span in [*c.content, *(x for x in (c.cue, c.source) if x)]]
    for cand in cands:
        if cand.method != "indirect:clause" or len(cand.content) != 1 or cand.cue is None:
            continue
        start, end = cand.content[0]
        if cand.cue[0] < end:
            continue  # forward order: "X believes that ..."
        par = next((p for p in paragraphs if p.offset <= start < p.end), None)
        if par is None:
            continue
        sents = list(par.doc.sents)
        k = next((i for i, s in enumerate(sents) if par.offset + s.start_char == start), None)
        if not k or par.offset + sents[-1].end_char > cand.cue[1] + 60:
            continue  # the content does not open a later sentence, or the report is not the paragraph's last
        prev = sents[k - 1]
        p_start, p_end = par.offset + prev.start_char, par.offset + prev.end_char
        if any(s < p_end and p_start < e for s, e in taken):
            continue
        cand.content[0] = (p_start, end)


def _first_person(cand: Candidate, paragraphs: list[Paragraph]) -> bool:
    if cand.source_head is None:
        return False
    word = next(
        (
            p.text[cand.source_head[0] - p.offset : cand.source_head[1] - p.offset]
            for p in paragraphs
            if p.offset <= cand.source_head[0] < p.end
        ),
        "",
    )
    return word.lower() in ("i", "we", "you")


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two rules may find the same attribution: keep the most confident per cue and per content."""
    best: dict[tuple, Candidate] = {}
    for cand in sorted(cands, key=lambda c: -c.confidence):
        keys = [("content", cand.content_start, cand.content_end)]
        if cand.cue:
            keys.append(("cue", *cand.cue))
        if any(k in best for k in keys):
            continue
        for k in keys:
            best[k] = cand
    unique = {id(c): c for c in best.values()}
    return list(unique.values())


# "…, an Ukrinform correspondent reports.": the outlet's own byline tag, not someone it quotes.
_CORRESPONDENT = re.compile(r"(?:an?|the|our)\s+(?:[A-Z][\w.-]*\s+){1,3}(?:correspondent|reporter)", re.IGNORECASE)
_TAG_CUES = frozenset(["reports", "reported", "informs", "writes", "is reporting"])


def _own_correspondent(cand: Candidate, paragraphs: list[Paragraph]) -> bool:
    if cand.source is None or cand.cue is None:
        return False
    source, cue = _span_text(cand.source, paragraphs), _span_text(cand.cue, paragraphs)
    return cue.lower() in _TAG_CUES and bool(_CORRESPONDENT.fullmatch(source))


_OBJECT_PRONOUNS = frozenset("him her them me us".split())


def _person_object(cand: Candidate, paragraphs: list[Paragraph]) -> bool:
    """ "…, as everyone in the city calls him": a naming verb ("call", "describe", "consider") reports only with
    a predicate ("called him a hero"); with a lone pronoun for content it names or phones someone. Other verbs
    keep such a content ("urged them", "attacked her" are reports in PolNeAR)."""
    text = " ".join(_span_text(span, paragraphs) for span in cand.content).strip().lower()
    return text in _OBJECT_PRONOUNS and cand.cue is not None and _cue_lemma(cand.cue, paragraphs) in PREDICATIVE_VERBS


def _cue_lemma(cue: tuple[int, int], paragraphs: list[Paragraph]) -> str:
    """The lemma of the cue's last word ("" when the cue is not in a parsed paragraph)."""
    k = bisect.bisect_right(paragraphs, cue[0], key=lambda p: p.offset) - 1
    if k < 0 or cue[1] > paragraphs[k].end:
        return ""
    par = paragraphs[k]
    span = par.doc.char_span(cue[0] - par.offset, cue[1] - par.offset, alignment_mode="expand")
    return span[-1].lemma_.lower() if span is not None and len(span) else ""


def _quoted_marks(cand: Candidate, paragraphs: list[Paragraph]) -> int:
    return sum(_span_text(span, paragraphs).count(mark) for span in cand.content for mark in '"“”«»„')


def _span_text(span: tuple[int, int], paragraphs: list[Paragraph]) -> str:
    # Paragraphs are in text order: the one holding the span is the last that starts at or before it.
    k = bisect.bisect_right(paragraphs, span[0], key=lambda p: p.offset) - 1
    if k >= 0 and span[1] <= paragraphs[k].end:
        par = paragraphs[k]
        return par.text[span[0] - par.offset : span[1] - par.offset]
    return ""
