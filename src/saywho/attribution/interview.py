"""Interviews printed as dialogue: each turn a paragraph opened by a dash, with no reporting clause.

Russian outlets (and their machine translations) print interviews so:

    Izvestia talked with the ambassador, Anna Berg, about the talks.
    — How do you assess the talks?
    — They are pragmatic. We will continue.

The questions are the outlet's; the answers are the interviewee's, who is named only in the introduction. Each
answer becomes a direct attribution whose source is that name in the introduction and whose cue is the dash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from saywho.attribution.quotes import DASHES, Quotation
from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

# How far before the first turn the interviewee's name is looked for.
INTRO_PARAGRAPHS = 3
CONFIDENCE = 0.6


# Finds the interviewee in the introduction: (name span, head span), or None.
Interviewee = Callable[[Sequence[Any], Sequence[Quotation]], tuple[tuple[int, int], ...] | None]


def find_interview_answers(
    quotes: Sequence[Quotation],
    paragraphs: Sequence[Paragraph] | Sequence[Any],
    taken: Sequence[Candidate],
    interviewee: Interviewee | None = None,
    questions: list[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """Attributions for the answers of every interview in the article (a run of two or more dash-opened
    paragraphs, at least one of them a question), leaving alone turns that another attribution covers.

    `paragraphs` need `offset`, `end` and `text`; `interviewee` finds the person in the introduction's
    paragraphs (by default spaCy's persons: other languages bring their own). The questions' spans are added
    to `questions` when it is given: they are the outlet's words, no one's attribution."""
    find_person = interviewee or _interviewee
    turns = _dash_turns(quotes, paragraphs, taken)
    out: list[Candidate] = []
    k = 0
    while k < len(paragraphs):
        if k not in turns:
            k += 1
            continue
        run = []
        while k in turns:
            run.append(k)
            k += 1
        if len(run) < 2 or not any(_is_question(turns[j][0]) for j in run):
            continue
        speaker = find_person(paragraphs[max(0, run[0] - INTRO_PARAGRAPHS) : run[0]], quotes)
        if speaker is None:
            continue
        asking = False  # the turn before the first is the introduction: the first turn is a question
        for j in run:
            q, dash = turns[j]
            asking = _is_question(q) or not asking
            if asking:
                if questions is not None:
                    questions.append((q.inner_start, q.inner_end))
                continue
            out.append(
                Candidate(
                    content=[(q.inner_start, q.inner_end)],
                    source=speaker[0],
                    cue=(dash, dash + 1),
                    kind="direct",
                    confidence=CONFIDENCE,
                    method="direct:interview",
                    source_head=speaker[1],
                )
            )
    return out


# A printed question is one short paragraph ending in "?": "Minister, is the reform sustainable?"
MAX_QUESTION_WORDS = 40


def find_printed_answers(
    quotes: Sequence[Quotation],
    paragraphs: Sequence[Paragraph] | Sequence[Any],
    taken: Sequence[Candidate],
    interviewee: Interviewee | None = None,
) -> list[Candidate]:
    """Answers of an interview printed as question paragraphs, each followed by the answer in quotation marks:

        We asked Renzo Baldacci to explain the League's position.
        Minister, is the reform sustainable?
        «Yes. The cost in the first year is about 4 billion …»

    Two or more such pairs make an interview; the answers go to the person the introduction names."""
    find_person = interviewee or _interviewee
    answers = _quoted_paragraphs(quotes, paragraphs, taken)
    out: list[Candidate] = []
    k = 1
    while k < len(paragraphs):
        pairs = []
        while k < len(paragraphs) and k in answers and _is_question_paragraph(paragraphs[k - 1]):
            pairs.append(k)
            k += 2
        if len(pairs) < 2:
            k = max(k, pairs[-1] + 1) if pairs else k + 1
            continue
        first_question = pairs[0] - 1
        speaker = find_person(paragraphs[max(0, first_question - INTRO_PARAGRAPHS) : first_question], quotes)
        if speaker is None:
            continue
        for j in pairs:
            q = answers[j]
            out.append(
                Candidate(
                    content=[(q.start, q.end)],
                    source=speaker[0],
                    cue=None,
                    kind="direct",
                    confidence=CONFIDENCE,
                    method="direct:interview",
                    source_head=speaker[1],
                )
            )
    return out


def _quoted_paragraphs(
    quotes: Sequence[Quotation], paragraphs: Sequence[Paragraph] | Sequence[Any], taken: Sequence[Candidate]
) -> dict[int, Quotation]:
    """Paragraph index -> the quotation that is the whole paragraph, when no attribution covers it."""
    found: dict[int, Quotation] = {}
    for k, par in enumerate(paragraphs):
        q = next((q for q in quotes if q.opener not in DASHES and q.start == par.offset), None)
        if q is None or not q.closer or par.text[q.end - par.offset :].strip():
            continue
        if any(s < q.inner_end and q.inner_start < e for c in taken for s, e in c.content):
            continue
        found[k] = q
    return found


def _is_question_paragraph(par: Paragraph | Any) -> bool:
    text = par.text.strip()
    return text.endswith("?") and text[:1] not in "\"«„“'" and len(text.split()) <= MAX_QUESTION_WORDS


def _dash_turns(
    quotes: Sequence[Quotation], paragraphs: Sequence[Paragraph] | Sequence[Any], taken: Sequence[Candidate]
) -> dict[int, tuple[Quotation, int]]:
    """Paragraph index -> its turn and the position of its dash: a dash quotation that opens the paragraph and
    runs to its end, covered by no attribution (a turn with its own reporting clause is ordinary dialogue)."""
    turns: dict[int, tuple[Quotation, int]] = {}
    for k, par in enumerate(paragraphs):
        lead = len(par.text) - len(par.text.lstrip())
        if lead >= len(par.text) or par.text[lead] not in DASHES:
            continue
        q = next((q for q in quotes if q.opener in DASHES and par.offset <= q.inner_start < par.end), None)
        if q is None or q.closer or q.inner_start - par.offset > lead + 2:
            continue
        # An attribution whose cue is inside the turn is reported by the speaker ("Brussels criticizes everyone");
        # one whose cue is outside it says who speaks the turn.
        if any(
            s < q.inner_end and q.inner_start < e
            for c in taken
            if c.cue is None or not (q.inner_start <= c.cue[0] < q.inner_end)
            for s, e in c.content
        ):
            continue
        turns[k] = (q, par.offset + lead)
    return turns


def _is_question(q: Quotation) -> bool:
    return q.text_slice.rstrip().endswith("?")


def _interviewee(intro: Sequence[Paragraph], quotes: Sequence[Quotation]) -> tuple[tuple[int, int], ...] | None:
    """(name span, head span) of the last person named outside quotations in the introduction."""
    from saywho.speakers.mentions import person_mentions

    quoted = [(q.inner_start, q.inner_end) for q in quotes]
    people = [m for m in person_mentions(list(intro)) if not any(s <= m.start and m.end <= e for s, e in quoted)]
    if not people:
        return None
    last = people[-1]
    par = next(p for p in intro if p.offset <= last.start < p.end)
    words = par.text[last.start - par.offset : last.end - par.offset]
    return (last.start, last.end), (last.start + words.rfind(" ") + 1, last.end)  # the head: the surname
