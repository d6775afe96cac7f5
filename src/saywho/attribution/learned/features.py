"""Token features for the learned attribution tagger: one list of feature strings per spaCy token.

Everything comes from what the pipeline already has for each paragraph: the spaCy parse (word, lemma, tags,
dependencies, entities), the reporting lexicon and the quotations found on the raw text. Features are plain
"name=value" strings, so the same token always gets the same features in training and at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from saywho.attribution.lexicon import (
    BELIEF_ADJECTIVES,
    INFINITIVE_SPEECH_VERBS,
    NOUN_CONTENT_VERBS,
    PHRASAL_CUES,
    PREDICATIVE_VERBS,
    SPEECH_VERBS,
)
from saywho.attribution.quotes import Quotation
from saywho.nlp.english import Paragraph

# Bump when the features change: a model records the version it was trained with and refuses another.
FEATURE_VERSION = 2

_PHRASAL_VERBS = frozenset(verb for verb, _ in PHRASAL_CUES)
TRIGGER_LEMMAS = SPEECH_VERBS | INFINITIVE_SPEECH_VERBS | NOUN_CONTENT_VERBS | PREDICATIVE_VERBS | _PHRASAL_VERBS
_QUOTE_MARKS = set("\"“”„«»‘’`'")
_MAX_ANCESTORS = 12
_NEIGHBOURS = (-2, -1, 1, 2)


def lexicon_class(lemma: str, pos: str) -> str:
    """Which reporting-lexicon list a lemma belongs to ("" for none)."""
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in INFINITIVE_SPEECH_VERBS:
        return "infinitive"
    if lemma in NOUN_CONTENT_VERBS:
        return "noun"
    if lemma in PREDICATIVE_VERBS:
        return "predicative"
    if lemma in _PHRASAL_VERBS:
        return "phrasal"
    if pos == "ADJ" and lemma in BELIEF_ADJECTIVES:
        return "belief"
    if lemma == "according":
        return "according"
    return ""


def _shape(text: str) -> str:
    """A short word shape: Xx, x, X, d, or the character itself for punctuation."""
    out: list[str] = []
    for ch in text[:6]:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


def _is_trigger(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return (tok.pos_ in ("VERB", "AUX") and lemma in TRIGGER_LEMMAS) or (
        tok.pos_ == "ADJ" and lemma in BELIEF_ADJECTIVES
    )


def _quote_states(par: Paragraph, quotes: Iterable[Quotation]) -> list[str]:
    """Per token: "" (outside), "mark" (a quotation mark of a quotation), "in-direct" or "in-embedded"."""
    doc = par.doc
    states = [""] * len(doc)
    spans = [q for q in quotes if q.end > par.offset and q.start < par.end]
    if not spans:
        return states
    for tok in doc:
        s = par.offset + tok.idx
        e = s + len(tok.text)
        for q in spans:
            if q.inner_start <= s and e <= q.inner_end:
                states[tok.i] = "in-direct" if q.standalone else "in-embedded"
                break
            if q.start <= s and e <= q.end:
                states[tok.i] = "mark"
                break
    return states


def _base(tok: Token, trigger: bool) -> list[str]:
    lemma = tok.lemma_.lower()
    return [
        "w=" + tok.lower_,
        "l=" + lemma,
        "p=" + tok.pos_,
        "t=" + tok.tag_,
        "d=" + tok.dep_,
        "sh=" + _shape(tok.text),
        "lex=" + lexicon_class(lemma, tok.pos_),
        "trig=" + ("1" if trigger else "0"),
    ]


def paragraph_features(par: Paragraph, quotes: Sequence[Quotation] = ()) -> list[list[str]]:
    """Features of every token of a parsed paragraph, in token order."""
    doc = par.doc
    n = len(doc)
    if n == 0:
        return []
    triggers = [_is_trigger(t) for t in doc]
    base = [_base(t, triggers[t.i]) for t in doc]
    qstate = _quote_states(par, quotes)
    sent_of: list[tuple[int, int, int]] = [(0, 0, 0)] * n  # (sentence index, start, end)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = (k, sent.start, sent.end)
    sent_triggers: dict[int, list[int]] = {}
    for i in range(n):
        if triggers[i]:
            sent_triggers.setdefault(sent_of[i][0], []).append(i)

    feats: list[list[str]] = []
    for tok in doc:
        i = tok.i
        f = ["bias", *base[i]]
        head = tok.head
        f.append("hl=" + head.lemma_.lower())
        f.append("hd=" + head.dep_)
        f.append("hp=" + head.pos_)
        f.append("d|hp=" + tok.dep_ + "|" + head.pos_)
        f.append("hlex=" + lexicon_class(head.lemma_.lower(), head.pos_))
        if triggers[head.i] and head.i != i:
            f.append("d|htrig=" + tok.dep_)
            f.append("d|hl=" + tok.dep_ + "|" + head.lemma_.lower())
        if tok.ent_type_:
            f.append("ent=" + tok.ent_type_)
            f.append("entiob=" + tok.ent_iob_)
        if tok.is_title:
            f.append("title")
        if tok.is_punct:
            f.append("punct")
        if tok.text in _QUOTE_MARKS:
            f.append("qmark")
        f.extend(_ancestor_features(tok, triggers))
        f.extend(_structure_features(tok))
        f.extend(_sentence_features(tok, sent_of[i], sent_triggers.get(sent_of[i][0], []), doc))
        q = qstate[i]
        f.append("q=" + q)
        prev_q = qstate[i - 1] if i > 0 else "BOS"
        next_q = qstate[i + 1] if i + 1 < n else "EOS"
        if prev_q != q:
            f.append("qchange-1=" + prev_q + ">" + q)
        if next_q != q:
            f.append("qchange+1=" + q + ">" + next_q)
        for o in _NEIGHBOURS:
            j = i + o
            if 0 <= j < n:
                b = base[j]
                f.append(f"{o}:{b[0]}")  # word
                f.append(f"{o}:{b[2]}")  # pos
                if abs(o) == 1:
                    f.append(f"{o}:{b[1]}")  # lemma
                    f.append(f"{o}:{b[4]}")  # dep
                    f.append(f"{o}:{b[6]}")  # lexicon class
                    f.append(f"{o}:q={qstate[j]}")
            else:
                f.append(f"{o}:{'BOS' if j < 0 else 'EOS'}")
        f.append("w-1|w=" + (doc[i - 1].lower_ if i > 0 else "BOS") + "|" + tok.lower_)
        f.append("w|w+1=" + tok.lower_ + "|" + (doc[i + 1].lower_ if i + 1 < n else "EOS"))
        feats.append(f)
    return feats


def _ancestor_features(tok: Token, triggers: list[bool]) -> list[str]:
    """How the token hangs off the nearest reporting word above it, and off the nearest verb above it."""
    out: list[str] = []
    child, anc, depth = tok, tok.head, 1
    found_verb = False
    while anc.i != child.i and depth <= _MAX_ANCESTORS:
        if not found_verb and anc.pos_ in ("VERB", "AUX"):
            found_verb = True
            out.append("vdep=" + child.dep_)
            out.append("vdep|vl=" + child.dep_ + "|" + anc.lemma_.lower())
            out.append("vdepth=" + _bucket(depth))
        if triggers[anc.i]:
            out.append("tdep=" + child.dep_)
            out.append("tdep|tl=" + child.dep_ + "|" + anc.lemma_.lower())
            out.append("tdepth=" + _bucket(depth))
            out.append("tside=" + ("before" if tok.i < anc.i else "after"))
            break
        child, anc, depth = anc, anc.head, depth + 1
    else:
        out.append("tdep=none")
    if triggers[tok.i]:
        out.append("tdep=self")
    return out


_CHILD_DEPS = frozenset(
    "nsubj nsubjpass csubj ccomp xcomp dobj dative prep mark advcl attr acomp agent parataxis relcl aux neg prt".split()
)
_UNDER_DEPS = frozenset("ccomp xcomp parataxis advcl relcl acl pcomp pobj csubj conj appos".split())


def _structure_features(tok: Token) -> list[str]:
    """What hangs off the token and off its head (a reporting verb has a subject and a clause), and which
    kinds of clause the token sits in, with the word that governs the nearest one."""
    out: list[str] = []
    kids = sorted({c.dep_ for c in tok.children if c.dep_ in _CHILD_DEPS})
    out.extend("child=" + d for d in kids)
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            out.append("subj=" + (subj.ent_type_ or subj.pos_))
    if tok.head.i != tok.i:
        hk = sorted({c.dep_ for c in tok.head.children if c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis")})
        out.extend("hchild=" + d for d in hk)
    child, anc, depth = tok, tok.head, 0
    first = True
    seen: set[str] = set()
    while anc.i != child.i and depth < 8:
        d = child.dep_
        if d in _UNDER_DEPS and d not in seen:
            seen.add(d)
            out.append("under=" + d)
            if first:
                out.append("under|gov=" + d + "|" + anc.lemma_.lower())
                first = False
        child, anc, depth = anc, anc.head, depth + 1
    return out


def _sentence_features(tok: Token, sent: tuple[int, int, int], triggers: list[int], doc) -> list[str]:
    k, start, end = sent
    i = tok.i
    out = ["si=" + _bucket(k)]
    if i == start:
        out.append("sent-start")
    if i == end - 1:
        out.append("sent-end")
    if not triggers:
        out.append("strig=none")
        return out
    nearest = min(triggers, key=lambda t: (abs(t - i), t))
    if nearest == i:
        out.append("strig=self")
    else:
        side = "before" if i < nearest else "after"
        out.append("strig=" + side)
        out.append("strig|dist=" + side + "|" + _bucket(abs(nearest - i)))
        out.append("strig|l=" + side + "|" + doc[nearest].lemma_.lower())
    return out
