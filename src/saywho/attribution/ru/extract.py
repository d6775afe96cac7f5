"""Russian attribution rules over natasha parses: quotations with their author's words, indirect speech around
reporting verbs, parenthetical sources, impersonal and collective sources.

    «Текст», — сообщил «Ведомостям» X.        — Текст, — сказал X.        X заявил: «Текст».
    Текст, заявил X.       X уточнил: текст.       X считает, что текст.       В Москве указывают на ...
    По словам X, текст.    Текст, как отметил X.   X назвал Y главной задачей.

Every rule needs a source: a reporting verb without anyone who speaks is left out (precision first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from saywho.attribution.quotes import Quotation
from saywho.attribution.ru import lexicon as lx
from saywho.attribution.ru.interview import interview_answers, nested_quotes
from saywho.attribution.ru.tokens import (
    SUBJECT_RELS,
    char_span,
    cue_object,
    document_after,
    is_cue,
    is_gerund,
    is_outlet,
    locative_source,
    nominative_start,
    person_span_at,
    phrase,
    sentence_tokens,
    subject_of,
)
from saywho.attribution.spans import Candidate
from saywho.nlp.russian import RuParagraph, RuToken

_CONTENT_END_TRIM = " \t\u00a0.,;:—–-"
_CONTENT_START_TRIM = " \t\u00a0,;:—–-"
_DATIVE_PRONOUNS = frozenset("мне нам ему ей им вам тебе".split())
_MAX_GAP = 8  # tokens between a cue and its "что" / colon (adverbs, addressee)
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"))
_OPENING_QUOTES = {"«": "»", "„": "“”", "“": "”", '"': '"'}
# A news agency's dateline opens its first paragraph ("МОСКВА, 14 ноября. /ТАСС/.", "МОСКВА, 12 ноя — РИА Новости.")
# and belongs to nobody's words.
_DATELINE = re.compile(
    r"[А-ЯЁA-Z][А-ЯЁA-Z\- ]{2,},\s*\d{1,2}\s+[а-яё]+\.?(?:\s+\d{4})?"
    r"(?:\s*\.?\s*/[^/\n]{1,30}/\.?|\s*[—–-]\s*[^.\n]{1,30}\.)\s*"
)
# Between a source and the dash that resumes the quotation: the rest of the author's words ("— сказал он в
# беседе с агентством. — Продолжение").
_RESUME = re.compile(r"[^—–«»\"„“.!?\n]{0,80}[.,:]?\s*[—–]")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _CONTENT_START_TRIM:
        start += 1
    while end > start and text[end - 1] in _CONTENT_END_TRIM:
        end -= 1
    return start, end


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


class RussianRules:
    """Attribution candidates for one article (`find` runs all rules and resolves their overlaps)."""

    def __init__(self, text: str, paragraphs: list[RuParagraph], quotes: list[Quotation]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.quotes = quotes
        self.quoted = [(q.inner_start, q.inner_end) for q in quotes]
        self.nested = nested_quotes(text, quotes)  # «…» inside an interview answer or a dash quotation
        self.used_cues: set[int] = set()

    def find(self) -> list[Candidate]:
        direct = [c for par in self.paragraphs for c in self._direct(par)]
        other: list[Candidate] = []
        for par in self.paragraphs:
            other.extend(self._parenthetical(par))
            other.extend(self._indirect(par))
        cands = direct + _drop_nested(other, direct)
        self._extend_backwards(cands)
        for cand in cands:
            cand.content = [self._past_dateline(frag) for frag in cand.content]
        # Interview answers come last: they are the dash turns nothing else explains.
        cands += interview_answers(self.text, self.paragraphs, self.quotes, cands)
        return sorted(cands, key=lambda c: (c.content_start, c.content_end))

    def _past_dateline(self, frag: tuple[int, int]) -> tuple[int, int]:
        """A content fragment that opens with a dateline starts after it."""
        match = _DATELINE.match(self.text, frag[0], frag[1])
        return (match.end(), frag[1]) if match and match.end() < frag[1] else frag

    # -- direct speech --------------------------------------------------------------------------------
    def _direct(self, par: RuParagraph) -> Iterator[Candidate]:
        for q in [*self.quotes, *self.nested]:
            if not q.standalone or not (par.offset <= q.inner_start < par.end):
                continue
            content = trim(self.text, q.inner_start, q.inner_end)
            if content[1] - content[0] < 2:
                continue
            cand = self._author_after(par, q, content) or self._author_before(par, q, content)
            if cand is not None:
                yield cand

    def _author_after(self, par: RuParagraph, q: Quotation, content: tuple[int, int]) -> Candidate | None:
        """ "«Текст», — сказал X." / "— Текст, — сказал X.": the author's words follow a dash."""
        rest = [t for t in par.tokens if t.start >= q.end]
        i = 0
        while i < len(rest) and rest[i].text in (",", ".", "!", "?", "…", "»", '"', "”"):
            i += 1
        if i >= len(rest) or rest[i].text not in ("—", "–", "-"):
            return None
        i += 1
        if i >= len(rest) or not (rest[i].pos in ("VERB", "AUX") and rest[i].feat("VerbForm") != "Inf"):
            return None
        cue = rest[i]
        source = self._source_after(par, cue)
        if source is None:
            return None
        fragments = [content]
        more = self._continuation(par, source[1])
        if more is not None:
            fragments.append(more)
        self.used_cues.add(cue.start)
        confidence = 0.95 if is_cue(cue) else 0.8
        return Candidate(
            fragments, source[:2], (cue.start, cue.end), "direct", confidence, "ru:direct-after", source[2]
        )

    def _continuation(self, par: RuParagraph, source_end: int) -> tuple[int, int] | None:
        """ "— Текст, — сказал он. — Продолжение.": the quotation resumes after the author's words (which may run
        on past the source: "— сказал эксперт в беседе с агентством. — Продолжение")."""
        match = _RESUME.match(self.text, source_end, par.end)
        if match is None:
            return None
        span = trim(self.text, match.end(), par.end)
        return span if span[1] - span[0] > 1 else None

    def _author_before(self, par: RuParagraph, q: Quotation, content: tuple[int, int]) -> Candidate | None:
        """ "X заявил: «Текст»": a reporting verb before a colon that opens the quotation."""
        before = self.text[par.offset : q.start].rstrip()
        if not before.endswith(":"):
            return None
        colon = par.offset + len(before) - 1
        toks = [t for t in par.tokens if t.end <= colon]
        if not toks:
            return None
        sent = sentence_tokens(par, toks[-1])
        # A quotation nested in another has its author's words inside the outer one.
        outside = [(s, e) for s, e in self.quoted if not s <= q.start < e]
        cues = [t for t in sent if t.end <= colon and is_cue(t, par) and not _inside(t.start, outside)]
        if not cues:
            return None
        cue = cues[-1]
        source = self._source_before(par, cue)
        if source is None:
            return None
        self.used_cues.add(cue.start)
        return Candidate([content], source[:2], (cue.start, cue.end), "direct", 0.9, "ru:direct-before", source[2])

    # -- sources --------------------------------------------------------------------------------------
    def _source_after(self, par: RuParagraph, cue: RuToken) -> tuple[int, int, tuple[int, int]] | None:
        """The source written after its cue, past any addressee: "сказал «Ведомостям» замглавы МИД X"; a quoted
        name it ends in keeps its closing mark ("собеседник “Ъ”")."""
        found = self._find_source_after(par, cue)
        if found is None:
            return None
        start, end, head = found
        source, closer = self.text[start:end], self.text[end : end + 1]
        unclosed = any(closer == c and source.count(o) > source.count(c) for o, c in _QUOTE_PAIRS)
        if unclosed or (closer == '"' and source.count('"') % 2 == 1):
            end += 1
        return start, end, head

    def _find_source_after(self, par: RuParagraph, cue: RuToken) -> tuple[int, int, tuple[int, int]] | None:
        document = document_after(par, cue)
        if document is not None:
            return self._document_author(par, document)
        sent = sentence_tokens(par, cue)
        toks = [t for t in sent if t.i > cue.i]
        if toks and cue_object(cue, par) is toks[0]:
            toks = toks[1:]
        toks = self._skip_addressee(par, toks, adverbials=True)
        while toks and toks[-1].pos == "PUNCT":
            toks = toks[:-1]
        relayed = self._relayed(par, toks)
        if relayed is not None:
            return relayed
        if not toks:
            return None
        first = toks[0]
        if first.lower in ("в", "во") and len(toks) > 1:  # "..., сообщили в МИД России."
            if not self._named_place(par, toks[1]):
                return None
            place = toks[1]
            end = next((t.i - 1 for t in toks[2:] if t.pos == "PUNCT" or _ends_place(par, t)), toks[-1].i)
            end = _with_quoted_name(par, end)  # "в пресс-службе АО «Мосэнерго»"
            return place.start, par.tokens[end].end, (place.start, place.end)
        subject = next((c for c in par.children(cue) if c.rel in SUBJECT_RELS and c.i > cue.i), None)
        if not nominative_start(first) and (
            subject is None or phrase(par, subject, first.i, toks[-1].i + 1)[0] != first.i
        ):
            return None
        if first.pos == "PRON":
            return first.start, first.end, (first.start, first.end)
        # A name closes a long title ("старший научный сотрудник Института ... Олег Петров"); stop at a verb.
        for t in toks[:40]:
            if t.pos in ("VERB", "AUX"):
                break
            person = person_span_at(par, t)
            if person is not None:
                return first.start, par.tokens[person[1]].end, (par.tokens[person[0]].start, par.tokens[person[0]].end)
        last = toks[-1].i
        # "источник в правительстве", "собеседник в одной из платформ": the place is part of who speaks.
        unnamed = first.lemma in lx.SOURCE_NOUNS or (subject is not None and subject.lemma in lx.SOURCE_NOUNS)
        ends = [t.i for t in toks[1:] if t.text == "," or (t.pos == "ADP" and not unnamed) or t.pos == "VERB"]
        ends += [t.i for t in toks[1:] if self._quoted_addressee(par, t)]
        stop = min(ends, default=None)
        if stop is not None:
            last = stop - 1
        nouns = [t for t in toks if t.i <= last and t.pos in ("NOUN", "PROPN")]
        if not nouns:
            return None
        head = subject if subject is not None and first.i <= subject.i <= last else nouns[0]
        return first.start, par.tokens[last].end, (head.start, head.end)

    @staticmethod
    def _document_author(par: RuParagraph, document: RuToken) -> tuple[int, int, tuple[int, int]]:
        """ "…, говорится в сообщении регулятора": the author (the genitive after the document, to the clause's
        end) speaks; a document that names none speaks for itself."""
        sent = sentence_tokens(par, document)
        rest = [t for t in sent if t.i > document.i]
        end = next((t.i for t in rest if t.pos == "PUNCT" and t.text not in '«»"„“”' or t.pos == "VERB"), None)
        rest = [t for t in rest if end is None or t.i < end]
        # The parser often misreads an indeclinable ministry ("записке Минцифры" as a dative): any name will do.
        names = [t for t in rest if t.pos == "PROPN" or (t.pos == "NOUN" and t.feat("Case") == "Gen")]
        author = names[0] if names else None
        if author is None:
            return document.start, document.end, (document.start, document.end)
        first = author.i
        while first - 1 > document.i and par.tokens[first - 1].pos == "ADJ":
            first -= 1
        last = rest[-1].i
        while last > author.i and par.tokens[last].pos == "PUNCT" and par.tokens[last].text not in "»”":
            last -= 1
        return par.tokens[first].start, par.tokens[last].end, (author.start, author.end)

    @staticmethod
    def _relayed(par: RuParagraph, toks: list[RuToken]) -> tuple[int, int, tuple[int, int]] | None:
        """ "…, сообщает «Интерфакс» со ссылкой на источник в одной из компаний": the outlet relays; the one it
        cites speaks (to the clause's end)."""
        k = next((i for i, t in enumerate(toks[:8]) if t.lower == "ссылкой"), None)
        if k is None or k + 2 >= len(toks) or [t.lower for t in toks[k - 1 : k + 2]] not in (["со", "ссылкой", "на"],):
            return None
        cited = toks[k + 2 :]
        end = next((t.i - 1 for t in cited[1:] if t.text in (",", ";", ":", "—") or t.pos == "VERB"), cited[-1].i)
        head = cited[0]
        return head.start, par.tokens[end].end, (head.start, head.end)

    @staticmethod
    def _quoted_addressee(par: RuParagraph, tok: RuToken) -> bool:
        """ "заявил депутат "Интерфаксу"": an outlet in quotation marks after the source is told, not telling."""
        nxt = par.tokens[tok.i + 1] if tok.i + 1 < len(par.tokens) else None
        return tok.text in _OPENING_QUOTES and nxt is not None and nxt.feat("Case") == "Dat"  # not "собеседник “Ъ”"

    @staticmethod
    def _named_place(par: RuParagraph, tok: RuToken) -> bool:
        span = par.span_at(tok)
        return (span is not None and span.type in ("LOC", "ORG")) or tok.lemma in lx.INSTITUTION_NOUNS

    def _skip_addressee(self, par: RuParagraph, toks: list[RuToken], adverbials: bool = False) -> list[RuToken]:
        """Drop "«Ведомостям»", "журналистам", "ему", "РИА Новости" (dative) right after a cue; with
        `adverbials`, also "вчера", "также", "в понедельник", "на брифинге" before a source."""
        while toks:
            t = toks[0]
            if adverbials and t.pos in ("ADV", "PART") and len(toks) > 1:
                toks = toks[1:]
                continue
            if adverbials and t.lower in ("в", "во", "на") and len(toks) > 2 and not self._named_place(par, toks[1]):
                k = 1
                while k < len(toks) and toks[k].pos in ("ADJ", "DET", "NUM"):
                    k += 1
                if k < len(toks) and toks[k].pos == "NOUN":
                    toks = toks[k + 1 :]
                    continue
            if t.text in _OPENING_QUOTES:
                closers = _OPENING_QUOTES[t.text]
                close = next((k for k, x in enumerate(toks) if k > 0 and x.text in closers), None)
                if close is None or close > 6:
                    break
                toks = toks[close + 1 :]
                continue
            outlet = self._outlet_length(par, toks)
            if outlet:
                toks = toks[outlet:]
                continue
            dative = t.feat("Case") == "Dat"
            if t.lower in _DATIVE_PRONOUNS or (dative and (t.lemma in lx.ADDRESSEE_NOUNS or t.pos == "PROPN")):
                toks = toks[1:]
                continue
            if dative and t.pos in ("ADJ", "DET") and len(toks) > 1 and toks[1].feat("Case") == "Dat":
                toks = toks[1:]
                continue
            break
        return toks

    @staticmethod
    def _outlet_length(par: RuParagraph, toks: list[RuToken]) -> int:
        """Tokens of a news outlet named as the addressee before the real source ("РИА Новости источник"),
        or 0: an organisation's name counts when a nominative noun phrase follows it."""
        span = par.span_at(toks[0], "ORG")
        if span is None or span.tokens[0] != toks[0].i or toks[0].lower not in lx.OUTLETS:
            return 0
        n = len([t for t in toks if t.i in span.tokens])
        return n if n < len(toks) and nominative_start(toks[n]) else 0

    def _source_before(self, par: RuParagraph, cue: RuToken) -> tuple[int, int, tuple[int, int]] | None:
        """The subject of a cue (or of the verb a gerund hangs on), or an impersonal "в Кремле"."""
        subject = subject_of(par, cue)
        told = subject is not None and (is_outlet(par, subject.i) or _told_name(par, subject, cue))
        place = locative_source(par, cue) if subject is not None else None
        if place is not None and place.i != subject.i and subject.i in par.subtree(place):
            told = True  # "В управе района Марьино пообещали": the parser's subject is the place's owner
        if told and locative_source(par, cue) is not None:
            # "В пресс-службе ПАО «Совкомфлот» ТАСС сообщили": an indeclinable outlet the parser took for the subject
            # is the addressee; the impersonal plural's source is the place "в пресс-службе …".
            subject = None
        if subject is not None and subject.pos in ("NOUN", "PROPN", "PRON", "ADJ", "DET"):
            if subject.lower in ("это", "что", "который", "которая", "которые", "кто", "все"):
                return None
            sent = par.sents[cue.sent]
            lo = sent.first if subject.i < cue.i else cue.i + 1
            hi = cue.i if subject.i < cue.i else sent.last
            first, last = phrase(par, subject, lo, hi)
            if subject.lemma in lx.SOURCE_NOUNS and subject.i < cue.i:
                last = _place_of_source(par, last, cue)
            s, e = char_span(par, first, last)
            return s, e, (subject.start, subject.end)
        place = locative_source(par, cue)
        if place is not None:
            first, last = phrase(par, place, par.sents[cue.sent].first, par.sents[cue.sent].last)
            first = max(first, place.i)
            while first > 0 and par.tokens[first - 1].pos == "ADJ" and par.tokens[first - 1].head == place.i:
                first -= 1  # "в Федеральной налоговой службе"
            last = _without_outlet(par, first, last)
            while last > first and par.tokens[last].pos == "PUNCT" and par.tokens[last].text != ")":
                last -= 1  # the outlet cut off: "в «Х» Ngs.ru" ends at the name
            last = _with_quoted_name(par, _with_short_name(par, last))
            s, e = char_span(par, first, last)
            return s, e, (place.start, place.end)
        return None

    # -- indirect speech ------------------------------------------------------------------------------
    def _indirect(self, par: RuParagraph) -> Iterator[Candidate]:
        for cue in par.tokens:
            if cue.start in self.used_cues or not is_cue(cue, par) or _inside(cue.start, self.quoted):
                continue
            cand = self._postposed(par, cue) or self._preposed(par, cue) or self._about_this(par, cue)
            if cand is not None:
                self.used_cues.add(cue.start)
                yield cand

    def _cue_span(self, par: RuParagraph, cue: RuToken) -> tuple[int, int]:
        obj = cue_object(cue, par)
        return (cue.start, obj.end) if obj is not None else (cue.start, cue.end)

    def _postposed(self, par: RuParagraph, cue: RuToken) -> Candidate | None:
        """ "Текст, заявил X." — the content comes first, the cue right after its comma, the source last."""
        sent = sentence_tokens(par, cue)
        if is_gerund(cue) or cue.i - sent[0].i < 2:
            return None
        before, two_before = par.tokens[cue.i - 1], par.tokens[cue.i - 2]
        dialogue = before.text in ("—", "–") and two_before.text in (",", "!", "?", "…")
        if before.text != "," and not dialogue:
            return None
        source = self._source_after(par, cue)
        if source is None:
            return None
        # "Я уверен, что ..., — заявил X.": unquoted speech closed by a dash runs from its paragraph's start.
        start = self._clause_start(par.tokens[par.sents[0].first : par.sents[0].last] if dialogue else sent)
        content = trim(self.text, start, (two_before if dialogue else before).start)
        if len([t for t in sent if content[0] <= t.start < content[1] and t.pos != "PUNCT"]) < 2:
            return None
        if any(q.inner_start <= content[0] and content[1] <= q.inner_end for q in self.quotes):
            return None
        fragments = [content]
        tail = trim(self.text, source[1], sent[-1].end)
        if self.text[source[1] : source[1] + 1] == "," and tail[1] - tail[0] > 1:
            fragments.append(tail)  # "Москва, заявил X, готова к диалогу."
        kind = "direct" if dialogue else "mixed" if self._quoted_share(fragments) > 0.5 else "indirect"
        method = "ru:dialogue" if dialogue else "ru:postposed"
        return Candidate(fragments, source[:2], self._cue_span(par, cue), kind, 0.85, method, source[2])

    def _clause_start(self, sent: list[RuToken]) -> int:
        """The sentence start, past narration connectives ("Однако", "Между тем", "Впрочем,")."""
        words = [t for t in sent if t.pos != "PUNCT" or t.text in ("—", "–")]
        k = 0
        while k < len(words):
            if words[k].text in ("—", "–"):
                k += 1
                continue
            for conn in sorted(lx.CONNECTIVES, key=lambda c: -len(c.split())):
                parts = conn.split()
                if [w.lower for w in words[k : k + len(parts)]] == parts:
                    k += len(parts)
                    break
            else:
                break
        return words[k].start if k < len(words) else sent[0].start

    def _extend_backwards(self, cands: list[Candidate]) -> None:
        """Post-posed opinion often covers the sentences before it in its paragraph ("Не исключено, что X.
        Y, считает Z."): take them in when the content opens its sentence (no connective) and the paragraph's
        earlier sentences hold no other attribution and no quotation."""
        taken = [span for c in cands for span in (*c.content, c.source, c.cue) if span is not None]
        for cand in cands:
            if cand.method != "ru:postposed":
                continue
            start = cand.content[0][0]
            par = next((p for p in self.paragraphs if p.offset <= start < p.end), None)
            if par is None:
                continue
            k = next(i for i, sent in enumerate(par.sents) if sent.start <= start < sent.end)
            if k == 0 or par.sents[k].start != start:
                continue
            begin = par.sents[0].start
            others = [sp for sp in taken if begin <= sp[0] < start]
            quoted = [q for q in self.quotes if q.standalone and begin <= q.start < start]
            if not others and not quoted and k <= 2:
                cand.content[0] = (begin, cand.content[0][1])

    def _preposed(self, par: RuParagraph, cue: RuToken) -> Candidate | None:
        """ "X заявил, что ...", "X уточнил: ...", "X указывает на ...", "X назвал Y Z-ом"."""
        sent = sentence_tokens(par, cue)
        after = [t for t in sent if t.i > cue.i]
        content_start = self._clause_after(after)
        method = "ru:clause"
        if content_start is None:
            content_start, method = self._phrase_content(par, cue, after)
        if content_start is None:
            return None
        end = self._content_end(par, cue, sent)
        content = trim(self.text, content_start, end)
        if content[1] - content[0] < 3:
            return None
        if any(q.standalone and abs(q.start - content[0]) <= 1 for q in self.quotes):
            return None  # "X заявил: «...»" is direct speech
        source = self._source_before(par, cue)
        if source is None or content[0] <= source[0] < content[1]:
            return None
        kind = "mixed" if self._quoted_share([content]) > 0.5 else "indirect"
        confidence = 0.85 if method == "ru:clause" else 0.7
        return Candidate([content], source[:2], self._cue_span(par, cue), kind, confidence, method, source[2])

    def _about_this(self, par: RuParagraph, cue: RuToken) -> Candidate | None:
        """ "X предложил Y. Об этом сообщил Z.": "об этом" opening the cue's sentence points back at the
        sentences before it in the paragraph, which are Z's words."""
        sent = sentence_tokens(par, cue)
        words = [t for t in sent if t.pos != "PUNCT"]
        if len(words) < 3 or [w.lower for w in words[:2]] != ["об", "этом"] or cue.i <= words[1].i:
            return None
        if any(t.text == "," for t in sent if t.i < cue.i) or cue.sent == 0:
            return None  # "Об этом, как и о другом, ..." is no lead; nor is a paragraph's first sentence
        end = par.sents[cue.sent - 1].end
        k = cue.sent - 1
        # Back over the paragraph's sentences, not past a quotation (its words are someone else's).
        while k > 0 and not any(q.standalone and par.sents[k - 1].start <= q.start < end for q in self.quotes):
            k -= 1
        content = trim(self.text, par.sents[k].start, end)
        if content[1] - content[0] < 3 or any(q.standalone and content[0] <= q.start < content[1] for q in self.quotes):
            return None
        source = self._source_after(par, cue) or self._source_before(par, cue)
        if source is None or source[0] < sent[0].start:
            return None
        return Candidate([content], source[:2], self._cue_span(par, cue), "indirect", 0.8, "ru:about-this", source[2])

    def _clause_after(self, after: list[RuToken]) -> int | None:
        """Where the content starts after a cue: after ", что", a colon, or "о том, что"."""
        for k, t in enumerate(after[: _MAX_GAP + 4]):
            if t.text == ":" and k <= _MAX_GAP:
                return after[k + 1].start if k + 1 < len(after) else None
            complementizer = t.text == "," and k + 1 < len(after) and after[k + 1].lower in lx.COMPLEMENTIZERS
            if complementizer and (k <= _MAX_GAP or after[k - 1].lower == "то"):
                return after[k + 2].start if k + 2 < len(after) else None
            if t.text in (",", ";", "—") or (t.pos in ("VERB",) and t.feat("VerbForm") == "Fin"):
                return None
        return None

    def _phrase_content(self, par: RuParagraph, cue: RuToken, after: list[RuToken]) -> tuple[int | None, str]:
        after = self._skip_addressee(par, after)
        if not after or cue.lemma in lx.BELIEF_PREDICATES:
            return None, ""
        obj = cue_object(cue, par)
        if obj is not None and after[0] is obj:
            after = after[1:]  # "обратил внимание на ...", "выразил надежду на ..."
        lemmas = [t.lemma for t in after]
        if (cue.lemma in lx.POINTING_VERBS or obj is not None) and lemmas[:1] == ["на"] and len(after) > 1:
            return after[0].start, "ru:pointing"
        if cue.lemma in lx.NAMING_VERBS or cue.lemma in lx.JUDGING_VERBS:
            obj = next((c for c in par.children(cue) if c.rel == "obj" and c.i > cue.i), None)
            # The predicate in the instrumental; parsers hang a quoted one on the object ("решение «осторожным»"),
            # and one with a preposition ("встречу с министром") is no predicate.
            predicate = any(
                t.feat("Case") == "Ins"
                and t.pos in ("NOUN", "ADJ")
                and t.rel in ("xcomp", "obl", "amod", "nmod")
                and not any(c.pos == "ADP" for c in par.children(t))
                for t in after
                if obj is not None and t.i > obj.i
            )
            if obj is not None and predicate and after[0].lower != "так":
                first, _ = phrase(par, obj, cue.i + 1, par.sents[cue.sent].last)
                return par.tokens[first].start, "ru:naming"
        if cue.lemma in lx.ESTIMATE_VERBS and self._estimate(par, cue, after):
            return after[0].start, "ru:estimate"
        if cue.lemma in lx.CALL_VERBS and any(t.feat("VerbForm") == "Inf" for t in after[:5]):
            return after[0].start, "ru:call"  # "призвали Белград сократить зависимость"
        about = cue.lemma in lx.ABOUT_VERBS and lemmas[:1] in (["о"], ["об"]) and len(after) > 2
        if about and after[1].lower not in ("этом", "том", "нем", "ней", "них"):  # "об этом" points back
            return after[0].start, "ru:about"
        return None, ""

    @staticmethod
    def _estimate(par: RuParagraph, cue: RuToken, after: list[RuToken]) -> bool:
        """ "оценивает урожай в 88 млн тонн": the object right after the cue, then "в" and a number."""
        obj = next((c for c in par.children(cue) if c.rel == "obj"), None)
        if obj is None or not after or after[0].i != min(par.subtree(obj)):
            return False
        figure = [t for t in after if t.i > max(par.subtree(obj))]
        return len(figure) > 1 and figure[0].lower == "в" and any(t.pos == "NUM" for t in figure[1:4])

    def _content_end(self, par: RuParagraph, cue: RuToken, sent: list[RuToken]) -> int:
        """Sentence end, the author's words after unquoted speech (", — сказал X"), or the start of a second
        reporting clause coordinated with this one."""
        for a, b, c in zip(sent, sent[1:], sent[2:], strict=False):
            if a.i > cue.i and a.text == "," and b.text in ("—", "–") and c.pos in ("VERB", "AUX"):
                return a.start
        for t in sent:
            # "назвал ситуацию кризисом и предложил создать фонд": a verb coordinated with the cue says more.
            if t.i > cue.i and t.head == cue.i and t.rel == "conj" and (is_cue(t, par) or t.pos == "VERB"):
                prev = [x for x in sent if x.i < t.i and x.i > cue.i]
                clause = any(x.lower in lx.COMPLEMENTIZERS or x.text == ":" for x in prev)
                if not is_cue(t, par) and clause:
                    continue  # "заявила, что ..., но просит ...": the verb belongs to the reported clause
                while prev and (
                    prev[-1].pos in ("CCONJ", "ADV") or (prev[-1].pos == "PUNCT" and prev[-1].text not in '»”"')
                ):
                    prev = prev[:-1]
                if prev:
                    return prev[-1].end
        return sent[-1].end

    def _quoted_share(self, fragments: list[tuple[int, int]]) -> float:
        """1.0 when the content quotes someone's words (three or more inside «…»), else the share in quotes.

        The contract calls a content "mixed" when it is partly quoted: «регулятор „не видит оснований“ для …»
        is mixed however short the quotation, as the English rules count it."""
        total = sum(e - s for s, e in fragments) or 1
        inside = sum(max(0, min(e, qe) - max(s, qs)) for s, e in fragments for qs, qe in self.quoted if qe - qs > 20)
        for s, e in fragments:
            for qs, qe in self.quoted:
                # Three words, or any quoted words that start in lower case («выдерживать»): a name in quotation
                # marks («Аэрофлот») starts with a capital.
                words = self.text[qs:qe].split()
                lower = bool(words) and words[0][:1].islower() and not self._term(qs, qe)
                if s <= qs and qe <= e and (len(words) >= 3 or lower):
                    return 1.0
        return inside / total

    def _term(self, start: int, end: int) -> bool:
        """A quoted noun phrase of one or two words («периода охлаждения», «большой тройки») names a thing; it
        quotes no one's words the way «выдерживать» or «слишком осторожным» do."""
        par = next((p for p in self.paragraphs if p.offset <= start < p.end), None)
        toks = [t for t in par.tokens if start <= t.start and t.end <= end] if par is not None else []
        nouns = [t for t in toks if t.pos in ("NOUN", "PROPN")]
        return 0 < len(toks) <= 2 and bool(nouns) and all(t.pos in ("NOUN", "PROPN", "ADJ") for t in toks)

    # -- parenthetical sources ------------------------------------------------------------------------
    def _parenthetical(self, par: RuParagraph) -> Iterator[Candidate]:
        for tok in par.tokens:
            if _inside(tok.start, self.quoted):
                continue
            found = self._according_to(par, tok) or self._as_said(par, tok)
            if found is None:
                continue
            sent = sentence_tokens(par, tok)
            fragments = self._around(par, sent, found.first, found.last)
            if not fragments:
                continue
            self.used_cues.add(found.cue[0])
            source = char_span(par, found.source_first, found.source_last)
            kind = "mixed" if self._quoted_share(fragments) > 0.5 else "indirect"  # "По словам X, … «цитата»."
            yield Candidate(fragments, source, found.cue, kind, 0.8, "ru:parenthetical", found.head)

    def _according_to(self, par: RuParagraph, tok: RuToken) -> _Parenthetical | None:
        """ "по словам X", "по его мнению", "по данным X", "по оценке экспертов"."""
        if tok.lower != "по" or tok.i + 1 >= len(par.tokens):
            return None
        k = tok.i + 1
        possessive = par.tokens[k] if par.tokens[k].lower in ("его", "ее", "её", "их") else None
        if possessive is not None:
            k += 1
        if k >= len(par.tokens) or par.tokens[k].lemma not in lx.PARENTHETICAL_NOUNS:
            return None
        noun = par.tokens[k]
        cue = (tok.start, noun.end)
        if possessive is not None:
            head = (possessive.start, possessive.end)
            return _Parenthetical(tok.i, noun.i, possessive.i, possessive.i, cue, head)
        rest = [t for t in sentence_tokens(par, tok) if t.i > k]
        quoted = len(rest) > 1 and rest[0].text in _OPENING_QUOTES and rest[1].text[:1].isupper()
        named = rest[1:] if quoted else rest  # "по данным «Спорт-Курьера»": an outlet may be the source
        if (
            not named
            or named[0].pos not in ("NOUN", "PROPN", "ADJ", "DET")
            or named[0].feat("Case") not in (None, "Gen")
        ):
            return None
        last = next((t.i - 1 for t in rest if t.pos == "PUNCT" and t.text not in ("«", "»", '"')), rest[-1].i)
        head_tok = next((t for t in named if t.i <= last and t.pos in ("NOUN", "PROPN")), named[0])
        return _Parenthetical(tok.i, last, rest[0].i, last, cue, (head_tok.start, head_tok.end))

    def _as_said(self, par: RuParagraph, tok: RuToken) -> _Parenthetical | None:
        """ "как отметил X, ...", "..., как сообщили в МИД." """
        if tok.lower != "как" or tok.i + 2 >= len(par.tokens):
            return None
        sent = sentence_tokens(par, tok)
        prev = par.tokens[tok.i - 1] if tok.i > sent[0].i else None
        if prev is not None and prev.text != ",":
            return None
        k = tok.i + 1
        while k < len(par.tokens) and par.tokens[k].pos == "ADV":
            k += 1
        said_in = self._said_in_document(par, k)
        if said_in is not None:
            return _Parenthetical(tok.i, *said_in)
        if k >= len(par.tokens) or not is_cue(par.tokens[k], par) or is_gerund(par.tokens[k]):
            return None
        cue = par.tokens[k]
        source = self._source_after(par, cue)
        if source is None:
            return None
        first = next(t.i for t in par.tokens if t.start >= source[0])
        last = max(t.i for t in par.tokens if t.end <= source[1])
        return _Parenthetical(tok.i, last, first, last, (cue.start, cue.end), source[2])

    @staticmethod
    def _said_in_document(par: RuParagraph, k: int) -> tuple[int, int, int, tuple[int, int], tuple[int, int]] | None:
        """ "как говорится в сообщении пресс-службы «Росатома», …": (last, source_first, source_last, cue, head) of
        a document that speaks for its author (the genitive after it), or for itself when it names none."""
        toks = par.tokens
        if k + 2 >= len(toks) or toks[k].lemma != "говориться" or toks[k + 1].lower not in ("в", "во"):
            return None
        document = toks[k + 2]
        if document.lemma not in lx.DOCUMENT_NOUNS:
            return None
        last = k + 2
        while last + 1 < len(toks) and toks[last + 1].text != "," and toks[last + 1].pos != "VERB":
            last += 1
        author = next((t for t in toks[k + 3 : last + 1] if t.feat("Case") == "Gen" and t.pos != "ADJ"), None)
        first = author.i if author is not None else document.i
        head = author or document
        return last, first, last, (toks[k].start, document.end), (head.start, head.end)

    def _around(self, par: RuParagraph, sent: list[RuToken], first: int, last: int) -> list[tuple[int, int]]:
        """The sentence's content around a parenthetical source at tokens [first, last]."""
        fragments = []
        before = trim(self.text, self._clause_start(sent), par.tokens[first].start)
        if before[1] - before[0] > 2 and par.tokens[first].start > sent[0].start:
            fragments.append(before)
        after = trim(self.text, par.tokens[last].end, sent[-1].end)
        if after[1] - after[0] > 2:
            fragments.append(after)
        return fragments


@dataclass(frozen=True)
class _Parenthetical:
    first: int  # token range of the whole parenthetical ("по словам X", "как отметил X")
    last: int
    source_first: int
    source_last: int
    cue: tuple[int, int]
    head: tuple[int, int]


def _drop_nested(cands: list[Candidate], direct: list[Candidate]) -> list[Candidate]:
    """A cue inside someone else's content is reported, not reporting ("нет оснований считать, что ..."), except
    inside a parenthetical's content: in "Как писало X, Y говорил, что Z" Y is who said Z, and X only reports it
    (X's attribution gives way)."""
    kept: list[Candidate] = []
    reporting: set[int] = set()
    for c in cands:
        outer = [o for o in [*direct, *cands] if o is not c and c.cue and _covers(o, c.cue[0])]
        if outer and all(o.method == "ru:parenthetical" and not _covers(c, o.cue[0]) for o in outer if o.cue):
            reporting |= {id(o) for o in outer}
        elif outer:
            continue
        kept.append(c)
    return [c for c in kept if id(c) not in reporting]


def _place_of_source(par: RuParagraph, last: int, cue: RuToken) -> int:
    """ "Источник “Ъ” в одной из крупных компаний рассказал": the place of an unnamed source belongs to it, though
    parsers hang it on the verb; it runs from a preposition right after the source's phrase up to the cue."""
    k = last + 1
    while k < cue.i and par.tokens[k].text in '»”“"':  # the quoted outlet's closing mark ("“Ъ”")
        k += 1
    between = par.tokens[k : cue.i]
    if not between or between[0].pos != "ADP" or between[0].lower not in ("в", "во", "из", "на", "у"):
        return last
    if any(t.pos in ("VERB", "AUX", "SCONJ") or t.text in (",", ":", "—", "–") for t in between):
        return last
    return between[-1].i


def _ends_place(par: RuParagraph, tok: RuToken) -> bool:
    """A preposition ends an institution's name, except the field of a committee or department ("комитета по
    благоустройству", "комиссии по транспорту")."""
    if tok.pos != "ADP":
        return False
    prev = par.tokens[tok.i - 1] if tok.i > 0 else None
    return not (tok.lower == "по" and prev is not None and prev.lemma in lx.INSTITUTION_NOUNS)


def _covers(cand: Candidate, pos: int) -> bool:
    return any(s <= pos < e for s, e in cand.content)


def _without_outlet(par: RuParagraph, first: int, last: int) -> int:
    """The last token of an impersonal source without the outlet told ("в пресс-службе ЦБ „Ъ“", "в самой
    компании РБК"): a quoted or known outlet's name after the institution."""
    for k in range(first + 1, last + 1):
        tok = par.tokens[k]
        quoted = tok.text in _OPENING_QUOTES and any(is_outlet(par, t.i) for t in par.tokens[k + 1 : last + 2])
        if quoted or (is_outlet(par, k) and tok.feat("Case") != "Gen"):
            return max(first, k - 1)
    return last


def _with_quoted_name(par: RuParagraph, last: int) -> int:
    """ "в пресс-службе АО «Мосэнерго»": the quoted name after a legal form is the organisation's name."""
    tok = par.tokens[last]
    if not (tok.text.isupper() and len(tok.text) >= 2) or last + 1 >= len(par.tokens):
        return last
    closing = _OPENING_QUOTES.get(par.tokens[last + 1].text)
    if closing is None:
        return last
    end = next((k for k in range(last + 2, min(last + 8, len(par.tokens))) if par.tokens[k].text in closing), None)
    told = end is not None and any(
        is_outlet(par, k) or par.tokens[k].feat("Case") == "Dat" for k in range(last + 2, end)
    )
    return end if end is not None and not told else last  # "в пресс-службе ЦБ „Ъ“": the outlet told


def _with_short_name(par: RuParagraph, last: int) -> int:
    """ "в Федеральной налоговой службе (ФНС)": the short name in brackets belongs to the institution."""
    nxt = par.tokens[last + 1 : last + 4]
    if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].text.isupper():
        return last + 3
    return last


def _told_name(par: RuParagraph, subject: RuToken, cue: RuToken) -> bool:
    """ "В компании «Вестям» сообщили", "В службе (ФНС) «ЛГ» пояснили": a quoted name just before an impersonal
    plural cue, in the dative or after an institution already complete (its bracketed short name), is the
    outlet told, not the speaker ("в ООО «Ромашка» сообщили" names the company)."""
    k = subject.i - 1
    while k >= 0 and par.tokens[k].text in _OPENING_QUOTES:
        k -= 1
    quoted = k < subject.i - 1
    before_cue = all(t.pos == "PUNCT" for t in par.tokens[subject.i + 1 : cue.i])
    if not (quoted and before_cue and cue.i > subject.i):
        return False
    return subject.feat("Case") == "Dat" or (k >= 0 and par.tokens[k].text == ")")


def find_russian_candidates(text: str, paragraphs: list[RuParagraph], quotes: list[Quotation]) -> list[Candidate]:
    return RussianRules(text, paragraphs, quotes).find()
