"""Indirect speech from the dependency parse: reporting verbs, belief adjectives, "according to", calques.

Each rule reads one sentence of a parsed paragraph and proposes `Candidate`s with character offsets.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from saywho.attribution.candidates import make_candidate, surface_candidate
from saywho.attribution.lexicon import (
    ADDRESSEE_VERBS,
    BELIEF_ADJECTIVES,
    CALQUED_CLAUSE_VERBS,
    CALQUED_SOURCE_AFTER_CUES,
    CLAUSE_ONLY_VERBS,
    INFINITIVE_SPEECH_VERBS,
    INSTITUTION_NOUNS,
    NON_SPEAKERS,
    NOUN_CONTENT_VERBS,
    OBJECT_INFINITIVE_VERBS,
    OBJECT_PREPOSITION_CUES,
    PHRASAL_CUES,
    PREDICATIVE_VERBS,
    SPEECH_VERBS,
)
from saywho.attribution.spans import (
    Candidate,
    cue_tokens,
    subtree_tokens,
    trim_tokens,
)
from saywho.nlp.english import Paragraph

_TRIGGER_VERBS = (
    SPEECH_VERBS
    | PREDICATIVE_VERBS
    | INFINITIVE_SPEECH_VERBS
    | NOUN_CONTENT_VERBS
    | CALQUED_CLAUSE_VERBS
    | OBJECT_INFINITIVE_VERBS
    | {verb for verb, _ in PHRASAL_CUES}
    | {verb for verb, _ in OBJECT_PREPOSITION_CUES}
)
# Directives whose addressee belongs to what was said: "urged residents to leave" reports "residents to leave".
_OBJECT_IN_CONTENT = frozenset({"urge", "ask", "call", "direct", "order", "instruct", *OBJECT_INFINITIVE_VERBS})


_SUBJECT_DEPS = ("nsubj",)
_CLAUSE_DEPS = ("ccomp",)


def find_indirect(paragraph: Paragraph) -> Iterator[Candidate]:
    for sent in paragraph.doc.sents:
        yield from _sentence_candidates(sent, paragraph.offset)


def _sentence_candidates(sent: SpacySpan, offset: int) -> Iterator[Candidate]:
    tokens = list(sent)  # spaCy makes a new Token object at every step of an iteration: once is enough
    words = [t.lower_ for t in tokens]
    claimed: set[int] = set()  # cue token indices already used by a rule
    for cand, cue_ids in _calqued_cues(sent, offset, words):
        claimed.update(cue_ids)
        yield cand
    opener = _as_reported(tokens, offset)
    if opener is not None:
        cand, cue_ids = opener
        claimed.update(cue_ids)
        yield cand
    for k, tok in enumerate(tokens):
        if tok.i in claimed:
            continue
        pos = tok.pos_
        if words[k] == "according" and k + 1 < len(words) and words[k + 1] == "to":
            cand = _according_to(tok, offset)
        elif pos in ("VERB", "AUX") and tok.lemma_.lower() in _TRIGGER_VERBS:
            cand = _reporting_verb(tok, offset)
            if (cand is None or cand.source is None) and tok.lemma_.lower() in SPEECH_VERBS:
                cand = _trailing_report(tokens, k, offset) or cand
            if (cand is None or cand.source is None) and tok.lemma_.lower() in _SET_OFF_SUBJECT_VERBS:
                cand = _interrupted_report(tokens, k, offset) or cand
        elif pos == "ADJ" and tok.lemma_.lower() in BELIEF_ADJECTIVES:
            cand = _belief_adjective(tok, offset)
        elif pos == "VERB" and tok.lemma_.lower() in _VOICING_VERBS:
            cand = _voiced_view(tok, offset)
        else:
            cand = None
        if cand is not None:
            yield cand


# "X expressed the concern that …", "voiced the hope that …", "expressed confidence that …": a view named by a noun,
# its content a that-clause on the noun. Russian and other languages report this way (выразил уверенность, что).
_VOICING_VERBS = frozenset("express voice share".split())
_VIEW_NOUNS = frozenset(
    "concern hope confidence opinion view belief fear regret conviction doubt satisfaction expectation "
    "assumption position".split()
)


def _voiced_view(verb: Token, offset: int) -> Candidate | None:
    view = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _VIEW_NOUNS), None)
    if view is None:
        return None
    clause = next(
        (c for c in view.children if c.dep_ in ("acl", "ccomp", "relcl") and _that_clause(c) and c.i > view.i), None
    )
    subject = _subject(verb)
    if clause is None or subject is None or not _is_speaker(subject):
        return None
    that = next(c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that")
    content = _to_sentence_end([verb.doc[i] for i in range(that.i, clause.right_edge.i + 1)], verb)
    cue = [*cue_tokens(verb), *[verb.doc[i] for i in range(verb.i + 1, view.i + 1)]]
    return make_candidate(trim_tokens(content, keep_quotes=True), subject, cue, offset, "indirect:voiced", 0.7)


# At most this many words may follow the verb of a trailing report ("said on Friday in Tehran.").
_TRAILING_TAIL = 6


def _trailing_report(tokens: list[Token], k: int, offset: int) -> Candidate | None:
    """ "CONTENT, the official representative of the X Ministry Y Z said on Friday.": the commonest sentence of
    wire copy, which the parser often gets wrong when the source is long (it hangs the source on the content and
    leaves the verb without a subject). Read it from the surface: a clause, a comma, a noun phrase without a verb,
    then the speech verb and at most a short time or place phrase."""
    verb = tokens[k]
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    tail = [t for t in tokens[k + 1 :] if not t.is_punct]
    if len(tail) > _TRAILING_TAIL or any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None
    for c, comma in enumerate(tokens[:k]):
        if comma.text != ",":
            continue
        content, source = tokens[:c], tokens[c + 1 : k]
        if not source or len(source) > 20 or any(t.pos_ in ("VERB", "AUX") for t in source):
            continue
        if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in source) or source[0].pos_ in ("CCONJ", "SCONJ"):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in content) or any(t.text in '"“”«»' for t in content):
            return None  # no clause before the first comma; a quotation is the direct rules' business
        content = trim_tokens(content, keep_quotes=True)
        return surface_candidate(content, trim_tokens(source), [verb], offset, "indirect:trailing", 0.65)
    return None


_FINITE = ("VBD", "VBZ", "VBP", "MD")
# Verbs read by `_interrupted_report`: speech verbs with a clause, directives with an object and an infinitive.
_SET_OFF_SUBJECT_VERBS = SPEECH_VERBS | _OBJECT_IN_CONTENT


def _interrupted_report(tokens: list[Token], k: int, offset: int) -> Candidate | None:
    """ "Deputy Minister X, in a meeting with the provinces on Monday, directed localities to …" and "Speaking to
    the paper, Professor X, a climate expert from Y University, believes the delta is sinking.": phrases set off by
    commas before the verb, which the parser takes for the core of the sentence, leaving the verb no subject.

    Read off the words: the stretch before the verb splits at commas into openers (a preposition or a participle
    first) and noun phrases; the first noun phrase and the appositions right after it are the source, and at least
    one opener must be there (without one the parse is trusted). The content is all after the verb."""
    verb = tokens[k]
    if k < 4 or tokens[k - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    segments = _comma_segments(tokens[: k - 1])
    kinds = [_segment_kind(seg) for seg in segments]
    if None in kinds or "opener" not in kinds or "np" not in kinds:
        return None
    first = kinds.index("np")
    last = first
    while last + 1 < len(kinds) and kinds[last + 1] == "np":
        last += 1
    source = [t for seg in segments[first : last + 1] for t in seg]
    source = [t for t in tokens if source[0].i <= t.i <= source[-1].i]
    content = trim_tokens(tokens[k + 1 :], keep_quotes=True)
    if not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    if verb.lemma_.lower() not in SPEECH_VERBS and not _object_then_infinitive(content):
        return None
    return surface_candidate(content, source, [verb], offset, "indirect:interrupted", 0.6)


def _comma_segments(tokens: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for t in tokens:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    return segments


def _segment_kind(segment: list[Token]) -> str | None:
    """ "opener" (a prepositional or participial phrase), "np" (a noun phrase), or None (anything else)."""
    if not segment or any(t.tag_ in _FINITE or t.text in '"“”«»„' for t in segment):
        return None
    head = segment[0]
    if head.pos_ == "ADP" or (head.tag_ in ("VBG", "VBN") and head.i == head.sent.start):
        return "opener"
    if head.pos_ in ("DET", "PROPN", "ADJ", "NOUN") and any(t.pos_ in ("PROPN", "NOUN") for t in segment):
        return "np" if not any(t.pos_ == "VERB" for t in segment) else None
    return None


def _object_then_infinitive(content: list[Token]) -> bool:
    """ "localities to operate the sluices": a short noun phrase, "to", a verb."""
    to = next((n for n, t in enumerate(content[:7]) if t.lower_ == "to"), None)
    if not to or to + 1 >= len(content) or content[to + 1].tag_ != "VB":
        return False
    return all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON") for t in content[:to])


def _as_reported(tokens: list[Token], offset: int) -> tuple[Candidate, set[int]] | None:
    """ "As noted by X, CONTENT." and "As X noted, CONTENT.": a report that opens the sentence, source first.

    The source may hold an apposition with its own commas ("As noted by Y, an analyst at Z, the market ..."): the
    content starts after the last comma with no verb before it."""
    if len(tokens) < 6 or tokens[0].lower_ != "as":
        return None
    speech = [t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS for t in tokens]
    boundary = None
    addressee: set[int] = set()
    if speech[1] and tokens[2].lower_ == "by":  # "As noted by X, ...": the last comma with no verb before it
        cue, first = tokens[:3], 3
        for i in range(first, len(tokens)):
            if tokens[i].text == ",":
                if any(t.tag_ in _FINITE for t in tokens[first:i]):  # "a leading analyst" is still the source
                    break
                boundary = i
    elif (told := _told_in(tokens)) is not None:
        # "As the agency was informed in the press service of the ministry, ...": the outlet was told; the one who
        # told it (the Russian «как сообщили в пресс-службе») is the source.
        cue, first, boundary = [tokens[told]], told + 2, next(i for i, t in enumerate(tokens) if t.text == ",")
    elif (said := _impersonal_from(tokens, speech)) is not None:
        # "As they announced from the company, …": the Serbian and Russian impersonal plural («како су саопштили
        # из EPS», «как сообщили в министерстве»); the institution after the preposition is the source.
        cue, first, boundary = [tokens[said]], said + 2, next(i for i, t in enumerate(tokens) if t.text == ",")
    else:  # "As X noted, ...": the verb before the first comma, perhaps with its addressee ("As X told TASS, ...")
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if comma is None or comma < 3:
            return None
        v = comma - 1
        while v > 1 and comma - v <= 3 and (tokens[v].pos_ in ("PROPN", "NOUN", "DET") or tokens[v].lower_ == "to"):
            v -= 1  # "told TASS", "told reporters", "said to the newspaper"
        if not speech[v] or tokens[v].tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        cue, first, boundary = [tokens[v]], 1, comma
        addressee = {t.i for t in tokens[v + 1 : comma]}
    if boundary is None:
        return None
    source = trim_tokens([t for t in tokens[first:boundary] if t.i not in {c.i for c in cue} | addressee])
    content = trim_tokens(tokens[boundary + 1 :], keep_quotes=True)
    if not source or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    cand = surface_candidate(content, source, cue, offset, "indirect:as-reported", 0.7)
    return (cand, {t.i for t in cue}) if cand is not None else None


def _that_clause(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _impersonal_from(tokens: list[Token], speech: list[bool]) -> int | None:
    """The index of the verb of "As they said from|in|at X, …" (X an institution, before the first comma), or None."""
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma < 5 or tokens[1].lower_ != "they" or not speech[2] or tokens[2].tag_ != "VBD":
        return None
    if tokens[3].lower_ not in ("from", "in", "at"):
        return None
    place = tokens[4:comma]
    if any(t.ent_type_ in ("DATE", "TIME") or t.tag_ in _FINITE for t in place):
        return None  # "As they said in March, …"
    if not any(t.pos_ == "PROPN" or t.lemma_.lower() in _SPEAKER_NOUNS | INSTITUTION_NOUNS for t in place):
        return None
    return 2


def _told_in(tokens: list[Token]) -> int | None:
    """The index of "informed" / "told" in "As X was informed in|by|at Y, …" (before the first comma), or None."""
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    for i in range(2, (comma or 0) - 2):
        passive = tokens[i - 1].lower_ in ("was", "were", "been") and tokens[i].lower_ in ("informed", "told")
        if passive and tokens[i + 1].lower_ in ("in", "by", "at"):
            return i
    return None


def _subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its own subject, or for a participle or conjunct, its head's."""
    if verb.dep_ == "acl" and verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.lemma_.lower() in SPEECH_VERBS:
        # "The head of the Government, Valeria Ruiz, assured that …": the parser reads the verb as a reduced
        # relative clause of the last noun, and the sentence has no verb at its root. The root noun speaks.
        top = verb.head
        while top.dep_ in ("pobj", "prep", "appos", "poss", "compound") and top.head is not top:
            top = top.head
        if top.dep_ == "ROOT" and top.pos_ in ("NOUN", "PROPN"):
            return top
    seen = 0
    tok = verb
    while tok is not None and seen < 4:
        # Of two subjects ("The head of the X Union (XU) Ivan Petrov said": a title and a name the parser split),
        # the one next to the verb is the name.
        subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
        if len(subjects) >= 2 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN" and subjects[1].i < tok.i:
            return subjects[1]
        if len(subjects) >= 2 and tok is verb and _set_off(verb) and subjects[-1].left_edge.i == verb.i + 1:
            # "The sanction, said X, can be …": the parser gives the set-off verb the content's subject too; the
            # speaker is the one right after the verb.
            return subjects[-1]
        if subjects:
            return subjects[0]
        # "concluded his statements by saying": through the preposition a gerund hangs on, to the finite verb.
        through = tok.dep_ in ("advcl", "conj", "xcomp", "pcomp") or (tok.dep_ == "prep" and tok.pos_ == "ADP")
        if through and tok.head is not tok:
            tok = tok.head
            seen += 1
            continue
        return None
    return None


def _set_off(verb: Token) -> bool:
    """Whether a comma or dash sets the verb off from what comes before it ("…, said X")."""
    return verb.i > verb.sent.start and verb.doc[verb.i - 1].text in ",—–"


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., said X": the parser sometimes hangs X on the verb as an object or attribute."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "dep") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    return None


# Heads of a noun phrase that names who speaks even without a proper name in it.
_SPEAKER_NOUNS = frozenset(
    "minister director head president spokesman spokeswoman spokesperson official chairman chairwoman governor "
    "mayor secretary ministry government service office department police commander chief representative".split()
)


def _names_someone(tok: Token) -> bool:
    """Whether the noun phrase of `tok` names a speaker: a proper name in it, or a post or office as its head."""
    return tok.lemma_.lower() in _SPEAKER_NOUNS or any(
        t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in tok.subtree
    )


def _is_speaker(tok: Token | None) -> bool:
    if tok is None:
        return False
    if tok.lower_ in NON_SPEAKERS or tok.ent_type_ in ("DATE", "TIME"):
        return False  # "…, assured last Monday that": the parser may hang the day on the verb like a speaker
    return tok.pos_ in ("PROPN", "NOUN", "PRON", "NUM", "X") or tok.ent_type_ in (
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
    )


def _content_tokens(clause: Token, exclude: list[Token]) -> list[Token]:
    return trim_tokens(subtree_tokens(clause, exclude), keep_quotes=True)


def _parenthetical(verb: Token, cue: list[Token], subject: Token | None) -> tuple[list[Token], list[Token]] | None:
    """ "The latest test, North Korea said, was its biggest yet": a reporting clause set off by commas
    inside the content, which then has two fragments."""
    if subject is None:
        return None
    sent = verb.sent
    start = min(cue[0].i, subject.left_edge.i)
    if start - 1 <= sent.start or verb.doc[start - 1].text != ",":
        return None
    subject_ids = {t.i for t in subject.subtree}
    # The reporting clause ends at the first comma after the verb (allowing "said Friday", "said in a statement").
    end = next((t.i for t in sent if t.i > max(cue[-1].i, subject.i) and t.text == ","), None)
    if end is None or end - verb.i > 8:
        return None
    before = trim_tokens([t for t in sent if t.i < start - 1], keep_quotes=True)
    after = trim_tokens([t for t in sent if t.i > end and t.i not in subject_ids], keep_quotes=True)
    if len(before) < 2 or len(after) < 2 or after[0].text in '"“«„':
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in after + before):
        return None
    if any(t.i in subject_ids for t in after) or after[0].i != end + 1:
        return None
    return before, after


def _reporting_verb(verb: Token, offset: int) -> Candidate | None:
    cand = _verb_report(verb, offset)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
    if cand is not None and cand.source is not None and len(subjects) >= 2:
        first, last = subjects[0], subjects[-1]
        between = verb.doc[first.right_edge.i + 1 : last.left_edge.i]
        if all(t.is_punct for t in between):
            # The title the parser split from the name belongs to the source: "The head of … Ivan Petrov".
            cand.source = (offset + first.left_edge.idx, cand.source[1])
    return cand


def _verb_report(verb: Token, offset: int) -> Candidate | None:
    lemma = verb.lemma_.lower()
    sent = verb.sent
    cue = cue_tokens(verb)
    subject = _subject(verb)
    if subject is None or not _is_speaker(subject):
        subject = _inverted_subject(verb)
    if subject is not None and not _is_speaker(subject):
        subject = None

    # "X clarified: CONTENT" — everything after the colon; "X told the agency's reporter: CONTENT" too.
    after = verb.doc[cue[-1].i + 1] if cue[-1].i + 1 < sent.end else None
    if after is not None and lemma in ADDRESSEE_VERBS:
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
        if addressee is not None and addressee.left_edge.i == cue[-1].i + 1 and addressee.right_edge.i - verb.i <= 5:
            end = addressee.right_edge.i + 1
            after = verb.doc[end] if end < len(verb.doc) else None
    if after is not None and after.text == ":":
        content = trim_tokens([t for t in sent if t.i > after.i], keep_quotes=True)
        if not content and after.i + 1 < len(verb.doc):
            # The sentencizer ends the sentence at the colon: what follows, to the paragraph's end, was said.
            content = trim_tokens(list(verb.doc[after.i + 1 :]), keep_quotes=True)
            if any(t.text in '"“”«»„' for t in content):
                return None  # a quotation is the direct rules' business
        return make_candidate(content, subject, cue, offset, "indirect:colon", 0.75)

    if lemma in SPEECH_VERBS:
        split = _parenthetical(verb, cue, subject)
        if split is not None:
            return make_candidate(split[0], subject, cue, offset, "indirect:parenthetical", 0.7, more=split[1])

    # "X said (that) CONTENT" and "CONTENT, X said" (the parser makes CONTENT the verb's ccomp in both).
    clause = next((c for c in verb.children if c.dep_ in _CLAUSE_DEPS), None)
    if clause is None and lemma in SPEECH_VERBS:
        clause = _misattached_that_clause(verb)
    calque = lemma in CALQUED_CLAUSE_VERBS and clause is not None and clause.i > verb.i and _that_clause(clause)
    if clause is not None and (lemma in SPEECH_VERBS or calque):
        exclude = [c for c in clause.children if c.dep_ == "punct" and c.text in ",—–"]
        content = _content_tokens(clause, exclude)
        if clause.i < verb.i and content:
            # Inverted order: the content is everything from the clause's start up to the reporting clause,
            # including coordinated parts the parser hung elsewhere ("…, but subject to …, X told Y").
            stop = min([cue[0].i] + ([subject.left_edge.i] if subject is not None and subject.i < verb.i else []))
            content = trim_tokens([verb.doc[i] for i in range(content[0].i, stop)], keep_quotes=True)
        elif content:
            mark = next((c for c in clause.children if c.dep_ == "mark" and verb.i < c.i < content[0].i), None)
            cut_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < content[0].i for c in clause.children)
            if mark is not None and cut_subject:
                # "reported that two residents, including a child, were hospitalized": the comma the parser hung
                # on the clause cut its subject off; the clause starts at its "that".
                content = [verb.doc[i] for i in range(mark.i, content[-1].i + 1)]
            elif (start := _object_taken_subject(verb, clause, cue)) is not None:
                content = [verb.doc[i] for i in range(start, content[-1].i + 1)]
            content = _to_sentence_end(content, verb)
        # Keep the complementizer "that" in the content, as PolNeAR annotates it.
        return make_candidate(content, subject, cue, offset, "indirect:clause", 0.75)

    # "X informs that from 1 July the route will change": a fronted phrase after "that" makes the parser read "that"
    # as the verb's object and end the sentence early; the words from "that" to the full stop were said.
    if clause is None and lemma in SPEECH_VERBS and subject is not None and subject.i < verb.i:
        split = _split_that_clause(verb, cue)
        if split is not None:
            return make_candidate(split, subject, cue, offset, "indirect:clause", 0.7)

    # "CONTENT, warned the head of the X, Y.": the parser makes the content an adverbial clause of the verb and
    # the speaker its object.
    before = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i), None)
    comma_before = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    inverted = subject is not None and subject.i > verb.i
    if clause is None and before is not None and comma_before and lemma in SPEECH_VERBS and inverted:
        content = trim_tokens(subtree_tokens(before, []), keep_quotes=True)
        return make_candidate(content, subject, cue, offset, "indirect:inverted", 0.7)

    # "CONTENT, announced the general director of the Metro, Ing. X.": Spanish puts the verb before its speaker,
    # and the parser makes the verb a conjunct of the content's verb and the speaker its object.
    if clause is None and verb.dep_ == "conj" and comma_before and lemma in SPEECH_VERBS and verb.head.i < verb.i:
        head = verb.head
        coordinated = any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
        speaker = _inverted_subject(verb)
        if not coordinated and speaker is not None and _names_someone(speaker):
            content = trim_tokens([verb.doc[i] for i in range(head.left_edge.i, verb.i)], keep_quotes=True)
            return make_candidate(content, speaker, cue, offset, "indirect:inverted", 0.7)

    # "X pointed out that CONTENT", "…, pointing out that CONTENT": a phrasal cue with a clause.
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    phrasal = particle is not None and (lemma, particle.lower_) in PHRASAL_CUES
    if clause is not None and phrasal and clause.i > verb.i and subject is not None:
        content = _to_sentence_end(_content_tokens(clause, []), verb)
        return make_candidate(content, subject, cue, offset, "indirect:clause", 0.7)

    # "X urged Y to CONTENT", "X pledged to CONTENT": speech acts with an infinitive content.
    if lemma in INFINITIVE_SPEECH_VERBS or lemma in OBJECT_INFINITIVE_VERBS:
        xcomp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and xcomp is not None and c.i < xcomp.i), None)
        if lemma in OBJECT_INFINITIVE_VERBS and not _object_infinitive(obj, xcomp):
            xcomp = None  # "reminded the public of the rules": no directive
        if xcomp is not None and subject is not None:
            first = obj.left_edge.i if obj is not None and lemma in _OBJECT_IN_CONTENT else xcomp.left_edge.i
            content = trim_tokens([verb.doc[i] for i in range(first, xcomp.right_edge.i + 1)], keep_quotes=True)
            return make_candidate(content, subject, cue, offset, "indirect:infinitive", 0.6)

    # "CONTENT, X said" parsed as the verb hanging off the content clause (parataxis).
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i and lemma in SPEECH_VERBS:
        head = verb.head
        between = verb.doc[head.i : verb.i]
        if any(t.text in ",—–" for t in between) and subject is not None and subject.i > head.i:
            content = trim_tokens(subtree_tokens(head, [verb]), keep_quotes=True)
            content = [t for t in content if t.i < min(cue[0].i, subject.left_edge.i)]
            return make_candidate(
                trim_tokens(content, keep_quotes=True), subject, cue, offset, "indirect:inverted", 0.7
            )

    # "X called Y a top priority": object plus predicate.
    if lemma in PREDICATIVE_VERBS and subject is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        preds = ("oprd", "advcl", "xcomp", "ccomp")
        pred = next((c for c in verb.children if c.dep_ in preds and obj is not None and c.i > obj.i), None)
        if obj is not None and pred is not None:
            end = max(t.i for t in pred.subtree)
            content = trim_tokens([verb.doc[i] for i in range(obj.left_edge.i, end + 1)], keep_quotes=True)
            return make_candidate(content, subject, cue, offset, "indirect:predicative", 0.6)
        small = _small_clause(verb, clause, cue)
        if small is not None:
            return make_candidate(small, subject, cue, offset, "indirect:predicative", 0.6)

    # "X accused Y of hiding the risks", "X described it as "a scandal"": the object and the phrase after it.
    if subject is not None and (content := _object_and_phrase(verb, lemma)) is not None:
        return make_candidate(content, subject, cue, offset, "indirect:object-phrase", 0.6)

    # "X points to NP", "X called for NP".
    for prep in verb.children:
        if prep.dep_ == "prep" and (lemma, prep.lower_) in PHRASAL_CUES and prep.i == cue[-1].i + 1:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or subject is None:
                return None
            content = trim_tokens(list(pobj.subtree), keep_quotes=True)
            return make_candidate(content, subject, [*cue, prep], offset, "indirect:phrasal", 0.6)

    # "X denied the allegations": a noun-phrase content for a few verbs.
    if lemma in NOUN_CONTENT_VERBS and lemma not in CLAUSE_ONLY_VERBS and subject is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ in ("this", "that") and not list(obj.children):
            return _anaphoric_object(verb, subject, cue, offset)
        if obj is not None:
            # "cited X as examples of Y": the verb's later modifiers belong to what was said.
            end = max(t.i for t in verb.subtree if t.i >= obj.i)
            content = trim_tokens([verb.doc[i] for i in range(obj.left_edge.i, end + 1)], keep_quotes=True)
            if not any(t.pos_ in ("VERB", "AUX") or t.text in '"“”«»„' for t in content):
                # "The opposition criticises the actions of the government": a bare noun object names what the
                # verb is about, not what was said; "rejected the claims, saying that …" says something.
                return None
            return make_candidate(content, subject, cue, offset, "indirect:object", 0.5)
    return None


def _split_that_clause(verb: Token, cue: list[Token]) -> list[Token] | None:
    """The tokens from a "that" right after the cue, parsed as its object, to the next full stop; None unless a
    preposition or a noun phrase follows the "that" (not "said that." or "that, too")."""
    doc = verb.doc
    that = cue[-1].i + 1
    if that + 2 >= len(doc) or doc[that].lower_ != "that" or doc[that].dep_ != "dobj":
        return None
    if doc[that + 1].pos_ not in ("ADP", "DET", "NUM", "PROPN", "NOUN"):
        return None
    end = next((t.i for t in doc[that + 1 :] if t.text in (".", "!", "?") and t.pos_ == "PUNCT"), len(doc))
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[that + 1 : end]):
        return None
    return trim_tokens(list(doc[that:end]), keep_quotes=True)


def _small_clause(verb: Token, clause: Token | None, cue: list[Token]) -> list[Token] | None:
    """ "X considers the new plan "hardly credible"": the parser reads the object and its predicate as a verbless
    clause (its head an adjective or noun, its subject right after the cue); the clause is what was said."""
    if clause is None or clause.i < verb.i or clause.pos_ not in ("ADJ", "NOUN", "PROPN"):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != cue[-1].i + 1:
        return None
    return _closing_quote([verb.doc[i] for i in range(subject.left_edge.i, clause.right_edge.i + 1)])


def _object_and_phrase(verb: Token, lemma: str) -> list[Token] | None:
    """The object and the prepositional phrase after it of a cue in OBJECT_PREPOSITION_CUES, or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and (lemma, c.lower_) in OBJECT_PREPOSITION_CUES), None)
    if prep is None or prep.i != obj.right_edge.i + 1 or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    return _closing_quote([verb.doc[i] for i in range(obj.left_edge.i, prep.right_edge.i + 1)])


def _closing_quote(content: list[Token]) -> list[Token]:
    """The content with the closing mark of a quotation it opens (the parser hangs the mark on the verb)."""
    if content and _open_quote(content):
        end = _extend_to_quote_close(content[0].doc, content[-1].i)
        content = [content[0].doc[i] for i in range(content[0].i, end + 1)]
    return trim_tokens(content, keep_quotes=True)


def _object_infinitive(obj: Token | None, xcomp: Token | None) -> bool:
    """ "reminded travellers to be aware": an object, then a to-infinitive."""
    if obj is None or xcomp is None:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children)


def _anaphoric_object(verb: Token, subject: Token, cue: list[Token], offset: int) -> Candidate | None:
    """ "The cabinet wants to cut night flights. Minister X announced this on Wednesday.": the object points back,
    and what was announced is the sentence before (in the same paragraph); the active twin of "This was
    announced by X" (translated_forms)."""
    start = verb.sent.start
    if start == 0:
        return None
    previous = [t for t in verb.doc[start - 1].sent if not t.is_space]
    if any(t.text in '"“”«»„' for t in previous):
        return None  # a quotation before is the direct rules' business
    content = trim_tokens(previous, keep_quotes=True)
    return make_candidate(content, subject, cue, offset, "indirect:anaphoric", 0.6)


def _misattached_that_clause(verb: Token) -> Token | None:
    """ "X told reporters after the cabinet meeting that CONTENT": the parser hangs the "that" clause on the
    nearest noun as a relative clause; its "that" is a complementizer (mark), which no relative clause has."""
    for t in verb.subtree:
        if t.i <= verb.i or t.dep_ not in ("relcl", "acl"):
            continue
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is not None and mark.i == t.left_edge.i and t.head.i - verb.i <= 8:
            return t
    return None


def _to_sentence_end(content: list[Token], verb: Token) -> list[Token]:
    """Forward order: the content runs to the end of the sentence, unless another report or a quotation
    starts first ("X said that A, adding that B"; "…, according to Y").

    The parser often hangs the tail of a long content (a relative clause, a coordinated phrase) on the
    reporting verb instead of on the content clause.
    """
    sent = verb.sent
    end = content[-1].i
    opened = _open_quote(content)
    rest = list(sent[end + 1 - sent.start :])
    n = 0
    while n < len(rest):
        t = rest[n]
        if opened:
            end = t.i
            if t.text in '"”»“':
                break
            n += 1
            continue
        close = _embedded_quote_close(rest, n)
        if close is not None:
            end, n = rest[close].i, close + 1  # `has been a "savings bank" for the budget`: words the clause quotes
            continue
        if t.text in '"“”«»„;' or t.lower_ == "according":
            break
        if _second_report(t):
            # A second report: "..., and warned X to ...", "…, but it does not comment on …" (without its subject).
            end = min([end] + [c.left_edge.i - 1 for c in t.children if c.i < t.i and c.left_edge.i > content[0].i])
            break
        end = t.i
        n += 1
    semicolon = next((t.i for t in verb.doc[content[0].i : end + 1] if t.text == ";"), None)
    if semicolon is not None and not opened:
        end = semicolon - 1  # "said A; B": B is the writer's again
    if opened and verb.doc[end].text not in '"”»“':
        end = _extend_to_quote_close(verb.doc, end)
    return trim_tokens([verb.doc[i] for i in range(content[0].i, end + 1)], keep_quotes=True)


def _object_taken_subject(verb: Token, clause: Token, cue: list[Token]) -> int | None:
    """ "X predicts the movement of people during the holiday will reach 146 million": a bare clause whose subject
    the parser took for the verb's object (and its modifiers for the verb's), leaving the clause without one. The
    content starts right after the cue; None when the shape is not this one. Not for verbs whose object is the
    addressee ("told reporters the plan will …")."""
    if clause.i < verb.i or verb.lemma_.lower() in ADDRESSEE_VERBS or _that_clause(clause):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.left_edge.i != cue[-1].i + 1:
        return None
    between = {
        i
        for c in verb.children
        if c.dep_ in ("dobj", "prep") and c.i < clause.i
        for i in range(c.left_edge.i, c.right_edge.i + 1)
    }
    if not all(i in between for i in range(obj.left_edge.i, clause.left_edge.i)):
        return None
    return obj.left_edge.i


def _embedded_quote_close(tokens: list[Token], n: int) -> int | None:
    """The index of the mark closing a quotation that opens at `tokens[n]` inside a running clause (right after
    a word: `been a "savings bank"`), within the sentence; None when `tokens[n]` opens none. A quotation after a
    comma or a colon (`…, "We will …"`) is a new statement, not part of the clause."""
    t = tokens[n]
    if t.text not in '"“«„' or t.i == 0 or t.doc[t.i - 1].is_punct:
        return None
    return next((m for m in range(n + 1, len(tokens)) if tokens[m].text in '"”»'), None)


def _second_report(t: Token) -> bool:
    """Whether a verb later in the sentence starts a report of its own ("…, and warned X to …"). "continue",
    "add" and the like report only with a clause: "…, and the cuts will continue until …" goes on with the
    content."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in _TRIGGER_VERBS or t.dep_ not in ("conj", "advcl", "parataxis"):
        return False
    return t.lemma_.lower() not in CLAUSE_ONLY_VERBS or any(c.dep_ == "ccomp" for c in t.children)


def _open_quote(tokens: list[Token]) -> bool:
    """Does the content open a quotation that it does not close (`told Fox that "they hit ...`)?"""
    marks = [t for t in tokens if t.text in '"“”«»„']
    return len(marks) % 2 == 1 and marks[-1].text in '"“«„'


def _extend_to_quote_close(doc, end: int) -> int:  # type: ignore[no-untyped-def]
    """A quotation opened inside indirect speech runs on, across sentences, to its closing mark."""
    for t in doc[end + 1 :]:
        if t.text in "\n" or "\n" in t.text:
            break
        if t.text in '"”»“':
            return t.i
    return end


def _belief_adjective(adj: Token, offset: int) -> Candidate | None:
    """ "X is sure that CONTENT": the cue runs from the copula to the adjective."""
    if adj.dep_ != "acomp":
        return None
    copula = adj.head
    clause = next((c for c in adj.children if c.dep_ == "ccomp"), None)
    clause = clause or next((c for c in copula.children if c.dep_ == "ccomp" and c.i > adj.i), None)
    subject = next((c for c in copula.children if c.dep_ in _SUBJECT_DEPS), None)
    if clause is None or not _is_speaker(subject):
        return None
    first = min([copula.i] + [c.i for c in copula.children if c.dep_ in ("aux", "neg") and c.i < adj.i])
    cue = [adj.doc[i] for i in range(first, adj.i + 1)]
    content = _content_tokens(clause, [])
    return make_candidate(content, subject, cue, offset, "indirect:belief", 0.65)


_NORMS = frozenset("rule law regulation schedule plan procedure legislation constitution tradition custom".split())


def _according_to(according: Token, offset: int) -> Candidate | None:
    """ "According to X, CONTENT" and "CONTENT, according to X"."""
    to = according.doc[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in according.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in pobj.children):
        return None  # "According to our information": the outlet's own knowledge, nobody it reports
    if pobj.lemma_.lower() in _NORMS and not any(c.dep_ in ("poss", "prep") for c in pobj.children):
        return None  # "according to the rules", "according to the schedule": a norm, not a speaker
    phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree} | {according.i, to.i}
    sent = according.sent
    rest = [t for t in sent if t.i not in phrase]
    before = trim_tokens([t for t in rest if t.i < according.i], keep_quotes=True)
    after = trim_tokens([t for t in rest if t.i > max(phrase)], keep_quotes=True)
    content = after if len(after) >= len(before) else before
    return make_candidate(content, pobj, [according, to], offset, "indirect:according-to", 0.7)


def _calqued_cues(sent: SpacySpan, offset: int, words: list[str]) -> Iterator[tuple[Candidate, set[int]]]:
    """ "CONTENT, draws the attention of X": a translated cue whose source follows it.

    `words`: the lowercase texts of the tokens of `sent`.
    """
    for pattern in CALQUED_SOURCE_AFTER_CUES:
        if pattern[0] == "according":
            continue  # handled by the parse-based rule
        n = len(pattern)
        first = pattern[0]
        for k in range(len(words) - n + 1):
            if words[k] != first or tuple(words[k : k + n]) != pattern:
                continue
            cue = [sent[k + j] for j in range(n)]
            before = sent[k - 1] if k > 0 else None
            if before is None or before.text not in ",—–":
                continue
            source = trim_tokens([t for t in sent if t.i > cue[-1].i])
            if not source:
                continue
            content = trim_tokens([t for t in sent if t.i < before.i], keep_quotes=True)
            # The source runs to the end of the sentence; the speaker's name is its first noun phrase.
            cand = surface_candidate(content, source, cue, offset, "indirect:calque", 0.7)
            if cand is not None:
                yield cand, {t.i for t in cue}
