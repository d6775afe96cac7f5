"""Direct quotations: attach each standalone quotation to the reporting clause after or before it.

Patterns: `"…," said X.`  `"…," X said.`  `— …," said X.`  `"…,— X told Y.`  `X said: "…"`  `X continued:¶"…"`,
interrupted quotations (`"…," X said. "…"` is one attribution with two content fragments), and the
continuation paragraphs of a quotation that runs over several paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from saywho.attribution.indirect import _inverted_subject, _is_speaker, _subject
from saywho.attribution.lexicon import ADDRESSEE_VERBS, QUOTE_VERBS, SPEECH_VERBS
from saywho.attribution.quotes import DASHES, Quotation
from saywho.attribution.spans import Candidate, char_range, cue_tokens, source_tokens
from saywho.attribution.tail_reports import so_source
from saywho.nlp.english import Paragraph

MIN_DIRECT_WORDS = 3
_QUOTING_VERBS = SPEECH_VERBS | QUOTE_VERBS
_SENTENCE_END = {".", "!", "?", "…"}
# A reporting clause after a quotation is short: `," said Pavel Sidorov, the press secretary of ...` at most.
MAX_CLAUSE_TOKENS = 60


class ParagraphIndex:
    """Find the parsed paragraph that holds a character offset."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.starts = [p.offset for p in paragraphs]

    def at(self, char: int) -> tuple[int, Paragraph] | None:
        k = bisect.bisect_right(self.starts, char) - 1
        if k < 0 or char > self.paragraphs[k].end:
            return None
        return k, self.paragraphs[k]


# Tokens never overlap, so their starts and ends both increase through a Doc: the tokens that start (end) before
# an offset are a prefix of it, found by bisection instead of a walk over a paragraph that may be an article long.
def _starting_before(doc: Doc, char: int) -> int:
    """How many tokens of `doc` start before `char` (relative to the doc)."""
    return bisect.bisect_left(range(len(doc)), char, key=lambda i: doc[i].idx)


def _ending_by(doc: Doc, char: int) -> int:
    """How many tokens of `doc` end at or before `char` (relative to the doc)."""
    return bisect.bisect_right(range(len(doc)), char, key=lambda i: doc[i].idx + len(doc[i]))


def _tokens_between(par: Paragraph, start: int, end: int) -> list[Token]:
    doc = par.doc
    return [doc[i] for i in range(_starting_before(doc, start - par.offset), _ending_by(doc, end - par.offset))]


def _clause_after(par: Paragraph, quote_end: int) -> list[Token]:
    """Tokens from the end of the quotation up to the end of the sentence that carries the reporting clause."""
    doc = par.doc
    clause: list[Token] = []
    for i in range(_starting_before(doc, quote_end - par.offset), len(doc)):
        t = doc[i]
        if t.text in '"“”«»„' or (t.text in DASHES and clause and clause[-1].text == "."):
            break
        clause.append(t)
        if t.text in _SENTENCE_END or len(clause) > MAX_CLAUSE_TOKENS:
            break
    return clause


def _reporting_clause(
    tokens: list[Token], allow_any_verb: bool, nearest_last: bool = False
) -> tuple[list[Token], Token | None] | None:
    """The cue and subject of a reporting clause among `tokens` (a speech verb; any verb if the clause is short).

    `nearest_last`: the clause comes before the quotation, so its last verb is the one introducing it
    ("Stating that the works continue, Yilmaz said, "…"")."""
    ids = {t.i for t in tokens}
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _QUOTING_VERBS]
    if not verbs and allow_any_verb:
        verbs = [t for t in tokens if t.pos_ == "VERB" and t.lower_ != "following"]  # "the following words"
    # A verb in a subordinate clause ("X, when asked about it, replied: …") is not the one reporting.
    verbs.sort(key=lambda v: (v.dep_ in ("relcl", "advcl", "acl", "ccomp"), -v.i if nearest_last else 0))
    for verb in verbs:
        subject = _subject(verb)
        if subject is None or subject.i not in ids or not _is_speaker(subject):
            subject = _noun_before(verb, tokens, ids) if verb.lemma_.lower() in ADDRESSEE_VERBS else None
            subject = subject or _inverted_subject(verb)
        if subject is not None and (subject.i not in ids or not _is_speaker(subject)):
            subject = None
        if subject is None:
            # "…," said the senator. — the noun after the verb, whatever the parser made of it (even the object of
            # the quotation's own verb: "– … reach the river – added Nowak."), but not an object in the clause.
            subject = next(
                (
                    t
                    for t in tokens
                    if t.i > verb.i
                    and t.pos_ in ("PROPN", "NOUN", "PRON")
                    and (t.dep_ != "dobj" or t.head.i not in ids)
                ),
                None,
            )
            if subject is not None:
                while subject.head.i in ids and subject.head.pos_ in ("PROPN", "NOUN") and subject.head != verb:
                    if subject.head.i <= subject.i:
                        break
                    subject = subject.head
        return cue_tokens(verb), subject
    return None


def _noun_before(verb: Token, tokens: list[Token], ids: set[int]) -> Token | None:
    """The noun phrase before an addressee verb in its clause: in "«…», the mayor of X, Y Z, told ANSA." the
    parser may leave "told" without a subject, and the noun after it is the one spoken to, not the speaker."""
    first = next((t for t in tokens if t.i < verb.i and t.pos_ in ("PROPN", "NOUN", "PRON") and _is_speaker(t)), None)
    if first is None:
        return None
    while first.head.i in ids and first.head.i < verb.i and first.head.i > first.i:
        if first.head.pos_ not in ("PROPN", "NOUN"):
            break
        first = first.head
    return first


def _ends_sentence(q: Quotation) -> bool:
    return q.text_slice.rstrip().endswith((".", "…"))


def _clause_before(par: Paragraph, quote_start: int) -> list[Token]:
    """Tokens of the sentence before the quotation when it ends with a colon or comma: `X said: "…"`."""
    doc = par.doc
    n = _ending_by(doc, quote_start - par.offset)  # the tokens before the quotation are doc[:n]
    if not n or doc[n - 1].text not in ":,":
        return []
    clause: list[Token] = []
    for i in range(n - 2, -1, -1):
        t = doc[i]
        if t.text in _SENTENCE_END or t.text in '"“”«»„':
            break
        clause.append(t)
    return clause[::-1]


def _content_span(q: Quotation) -> tuple[int, int]:
    """PolNeAR marks the quotation with its marks and the punctuation inside them; a dash is not a mark."""
    start = q.inner_start if q.opener in DASHES else q.start
    if q.opener in DASHES:
        # `— Text, " said X`: with no opening mark, the closing mark and the comma before it are not the
        # speaker's words.
        return start, q.inner_start + len(q.text_slice.rstrip(" ,;\u00a0"))
    end = q.end if q.closer and q.closer not in DASHES else q.inner_end
    return start, end


def find_direct(quotes: list[Quotation], paragraphs: list[Paragraph]) -> Iterator[Candidate]:
    yield from _quoted(quotes, paragraphs)
    yield from find_unmarked_speech(quotes, paragraphs)


def _quoted(quotes: list[Quotation], paragraphs: list[Paragraph]) -> Iterator[Candidate]:
    index = ParagraphIndex(paragraphs)
    previous: Candidate | None = None
    pending: Candidate | None = None  # a bare quotation not yet yielded
    previous_end = -1
    for q in quotes:
        located = index.at(q.inner_start)
        if located is None:
            continue
        k, par = located
        if q.continues_previous and previous is not None:
            previous.content.append(_content_span(q))
            previous_end = q.end
            continue
        if previous is not None and _joined_by_conjunction(par, previous, q):
            # `X said, "A," and "B."`: the second quotation is the same speaker's, joined by a conjunction.
            previous.content.append(_content_span(q))
            previous_end = q.end
            continue
        if not q.standalone:
            continue
        if q.words < MIN_DIRECT_WORDS:
            cand = _attach_short(q, par)
            if cand is not None:
                previous, previous_end = cand, q.end
                yield cand
            continue
        # An interrupted quotation: `"…," X said. "…"` — the second part joins the first attribution.
        if previous is not None and previous.cue and previous_end <= q.start and previous.cue[1] <= q.start:
            gap_tokens = _tokens_between(par, previous.cue[1], q.start)
            same_paragraph = index.at(previous.cue[0]) is not None and index.at(previous.cue[0])[0] == k
            after = _clause_after(par, q.end)
            has_own_clause = bool(after) and _reporting_clause(after, allow_any_verb=len(after) <= 8) is not None
            if same_paragraph and len(gap_tokens) <= MAX_CLAUSE_TOKENS and not has_own_clause:
                previous.content.append(_content_span(q))
                previous_end = q.end
                continue
        cand = _attach(q, par, index, k)
        if cand is not None and cand.method == "direct:bare":
            yield from ([pending] if pending is not None else [])
            pending, previous = cand, None  # its clause may follow the next quotation: wait for it
            continue
        if cand is not None and pending is not None and cand.source is not None and _adjacent(par, pending, q):
            # `"… were checked." "No violation …," the head said`: both quotations are the head's.
            cand.content = pending.content + cand.content
            pending = None
        yield from ([pending] if pending is not None else [])
        pending = None
        if cand is not None:
            previous, previous_end = cand, q.end
            yield cand
        else:
            previous = None
    if pending is not None:
        yield pending


_CONJUNCTION_GAP = re.compile(r"\s*,?\s*(?:and|but|or|adding|and added)\s*$", re.IGNORECASE)


def _joined_by_conjunction(par: Paragraph, previous: Candidate, q: Quotation) -> bool:
    end = previous.content[-1][1]
    if previous.kind != "direct" or not (par.offset <= end <= q.start):
        return False
    return bool(_CONJUNCTION_GAP.fullmatch(par.text[end - par.offset : q.start - par.offset]))


def _adjacent(par: Paragraph, first: Candidate, q: Quotation) -> bool:
    """Whether quotation `q` follows `first`'s content in its paragraph with nothing but blanks between."""
    end = first.content[-1][1]
    return par.offset <= end <= q.start and not par.text[end - par.offset : q.start - par.offset].strip()


_SHORT_SPEECH_ENDS = (",", "?", "!", "…")


def _attach_short(q: Quotation, par: Paragraph) -> Candidate | None:
    """A quotation of one or two words is speech only in the plainest form: ended by a comma, question or
    exclamation mark and followed at once by a speech verb and its speaker (`"No," he said.`, `"When?" asked the
    reporter.`). Elsewhere a short quotation is mostly a title or a scare quote."""
    inner = q.text_slice.rstrip()
    end = q.end - par.offset
    if not (inner.endswith(_SHORT_SPEECH_ENDS) or par.text[end : end + 1] == ","):
        return None
    after = _clause_after(par, q.end)
    found = _reporting_clause(after, allow_any_verb=False) if after else None
    if found is None:
        return None
    cue, subject = found
    cue_ids = {t.i for t in cue}
    first = next((t for t in after if not t.is_punct and not t.is_space), None)
    if subject is None and first is not None and first.i in cue_ids:
        # `"When?" asked the reporter.`: the parser takes the speaker after the verb for its object.
        subject = next(
            (t for t in after if t.i > first.i and t.pos_ in ("PROPN", "NOUN") and t.head.i in cue_ids), None
        )
    return _quotation_with_clause(q, par, cue, subject) if subject is not None else None


def _attach(q: Quotation, par: Paragraph, index: ParagraphIndex, k: int) -> Candidate | None:
    found = None
    before = _clause_before(par, q.start)
    introduced = bool(before) and before[-1].doc[before[-1].i + 1].text == ":"
    after = [] if introduced else _clause_after(par, q.end)
    if after and _ends_sentence(q) and after[0].text[:1].isupper() and len(after) > 8:
        after = []  # `"… Monday." Then Anna Keller said that …` is the next sentence's own report
    if after:
        found = _reporting_clause(after, allow_any_verb=len(after) <= 8)
        if found is None and (so := so_source(after)) is not None:
            found = [so[0]], next((t for t in so[1] if t.head not in so[1] or t.head == t), so[1][-1])
    if found is None and before:
        # "X used the following expressions:", "X said the following:": a clause announcing the words to come
        # reports them whatever its verb (a Turkish and Russian calque).
        announcing = introduced and any(t.lower_ == "following" for t in before[-4:])
        found = _reporting_clause(before, allow_any_verb=announcing, nearest_last=True)
    if found is None and q.start == par.offset and k > 0:
        # `Caddell continued:` ¶ `"…"` — the reporting clause closes the previous paragraph.
        prev = index.paragraphs[k - 1]
        toks = [t for t in prev.doc if not t.is_space]
        if toks and toks[-1].text == ":":
            found = _reporting_clause(list(prev.doc[toks[0].sent.start : toks[-1].i]), allow_any_verb=True)
            par = prev
    if found is None:
        if q.words < 6:
            return None
        return Candidate(
            content=[_content_span(q)], source=None, cue=None, kind="direct", confidence=0.35, method="direct:bare"
        )
    return _quotation_with_clause(q, par, *found)


def _quotation_with_clause(q: Quotation, par: Paragraph, cue: list[Token], subject: Token | None) -> Candidate:
    """A direct attribution of quotation `q` to the reporting clause (cue, subject) found in paragraph `par`."""
    src = source_tokens(subject) if subject is not None else []
    # "- stressed Levchenko, …": the parser may hang the inverted verb on the name; "the president—.": Spanish
    # typesetting closes the reporting clause with a dash. Neither belongs to the source.
    cue_ids = {t.i for t in cue}
    while src and (src[0].i in cue_ids or src[0].is_punct):
        src = src[1:]
    while src and (src[-1].is_punct or src[-1].text in DASHES):
        src = src[:-1]
    source = char_range(src, par.offset) if src else None
    if source is not None:
        # spaCy keeps "president—." as one token: the characters, not the tokens, are trimmed.
        end = source[1]
        while end > source[0] + 1 and par.text[end - par.offset - 1] in DASHES + ".,;:":
            end -= 1
        if any(ch in DASHES for ch in par.text[end - par.offset : source[1] - par.offset]):
            source = (source[0], end)  # only a dash's run: "the U.S." keeps its period
    return Candidate(
        content=[_content_span(q)],
        source=source,
        cue=char_range(cue, par.offset),
        kind="direct",
        confidence=0.9 if src else 0.5,
        method="direct:clause",
        source_head=char_range([subject], par.offset) if subject is not None else None,
    )


# "A resident X told the agency's reporter: We have had no water for three nights.": translations from Persian
# (and other languages whose news drop the marks) print a speaker's words after a colon without quotation marks.
# A new sentence after the colon, up to the paragraph's end, introduced by a speech verb with its own subject, is
# the speaker's words. A lower-case continuation ("X clarified: the schools will open") stays indirect speech.
_MAX_COLON_GAP = 6  # "told IRNA reporter", "said in a press conference"
_MARKS = '"“”«»„‘’'


def find_unmarked_speech(quotes: list[Quotation], paragraphs: list[Paragraph]) -> Iterator[Candidate]:
    """Direct speech after `X said:` / `X told Y:` printed without quotation marks."""
    quoted = [(q.start, q.end) for q in quotes]
    for par in paragraphs:
        for colon in (t for t in par.doc if t.text == ":"):
            start = par.offset + colon.idx + 1
            rest = par.text[colon.idx + 1 :]
            words = rest.split()
            if len(words) < MIN_DIRECT_WORDS or not words[0][:1].isupper() or any(m in rest for m in _MARKS):
                continue
            if any(s < par.end and start < e for s, e in quoted):
                continue
            found = _colon_clause(colon)
            if found is None:
                continue
            cue, subject = found
            content_start = start + len(rest) - len(rest.lstrip())
            src = source_tokens(subject)
            yield Candidate(
                content=[(content_start, par.end)],
                source=char_range(src, par.offset),
                cue=char_range(cue, par.offset),
                kind="direct",
                confidence=0.7,
                method="direct:colon",
                source_head=char_range([subject], par.offset),
            )


def _colon_clause(colon: Token) -> tuple[list[Token], Token] | None:
    """The speech verb ending the clause before `colon` and its own subject: `X (on Monday) told Y:`."""
    verb = next(
        (
            t
            for t in reversed(list(colon.doc[colon.sent.start : colon.i]))
            if t.pos_ == "VERB" and t.lemma_.lower() in _QUOTING_VERBS
        ),
        None,
    )
    if verb is None or colon.i - verb.i > _MAX_COLON_GAP or verb.dep_ != "ROOT":
        return None
    gap = colon.doc[verb.i + 1 : colon.i]
    # "announced the following measures:" introduces a list; only the one spoken to may stand there ("told Y:").
    objects = [t for t in gap if t.dep_ in ("dobj", "ccomp", "xcomp") and t.head == verb]
    if objects and (verb.lemma_.lower() not in ADDRESSEE_VERBS or any(t.dep_ != "dobj" for t in objects)):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or not _is_speaker(subject) or subject.lower_ in ("it", "this", "that"):
        return None
    return cue_tokens(verb), subject
