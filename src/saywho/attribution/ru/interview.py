"""Russian interviews printed as dialogue (Izvestia-style): the journalist's questions and the interviewee's
answers, each a paragraph opened by a dash, the interviewee named only in the introduction.

    Об этом в интервью «Известиям» рассказал ректор университета Иван Петров.
    — Иван Сергеевич, как вы оцениваете реформу?
    — Положительно. Мой коллега как-то сказал мне: «Реформа назрела».

The turn logic is the shared `attribution.interview`; here natasha's persons name the interviewee, and the
«…» quotations inside an answer (which the quotation finder leaves inside the turn) become quotations of their
own, so that their authors are found as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from saywho.attribution.interview import find_interview_answers
from saywho.attribution.quotes import DASHES, Quotation
from saywho.attribution.spans import Candidate
from saywho.nlp.russian import RuParagraph

_INNER_QUOTE = re.compile(r"«([^«»\n]+)»")


@dataclass(frozen=True)
class _TextParagraph:
    """What the shared turn logic reads of a paragraph."""

    offset: int
    end: int
    text: str


def interview_answers(
    text: str, paragraphs: Sequence[RuParagraph], quotes: Sequence[Quotation], taken: Sequence[Candidate]
) -> list[Candidate]:
    """Direct attributions of the answers of every dialogue interview in the article."""
    by_offset = {p.offset: p for p in paragraphs}
    plain = [_TextParagraph(p.offset, p.end, text[p.offset : p.end]) for p in paragraphs]

    def interviewee(intro: Sequence[_TextParagraph], quotes: Sequence[Quotation]) -> tuple[tuple[int, int], ...] | None:
        """The last person natasha names outside quotations in the introduction; the head is the surname."""
        quoted = [(q.inner_start, q.inner_end) for q in quotes]
        people = [
            (par, span)
            for p in intro
            for par in [by_offset[p.offset]]
            for span in par.spans
            if span.type == "PER" and not any(s <= span.start < e for s, e in quoted)
        ]
        if not people:
            return None
        par, span = people[-1]
        last = par.tokens[span.tokens[-1]]
        return (span.start, span.end), (last.start, last.end)

    return find_interview_answers(quotes, plain, taken, interviewee=interviewee)


def nested_quotes(text: str, quotes: Sequence[Quotation]) -> list[Quotation]:
    """«…» quotations inside dash-opened turns: "— … сказал мне: «Текст». …" is someone else's words inside the
    answer. One that follows a colon or opens its sentence stands alone (direct speech)."""
    out = []
    for q in quotes:
        if q.opener not in DASHES:
            continue
        for m in _INNER_QUOTE.finditer(text, q.inner_start, q.inner_end):
            before = text[q.inner_start : m.start()].rstrip()
            standalone = not before or before[-1] in ":.!?"
            out.append(
                Quotation(
                    start=m.start(),
                    end=m.end(),
                    inner_start=m.start(1),
                    inner_end=m.end(1),
                    opener="«",
                    closer="»",
                    standalone=standalone,
                    text_slice=m.group(1),
                )
            )
    return out
