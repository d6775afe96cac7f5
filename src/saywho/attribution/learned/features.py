"""Token features for the learned attribution tagger: one list of feature strings per spaCy token.

Everything comes from what the pipeline already has for each paragraph: the spaCy parse (word, lemma, tags,
dependencies, entities), the reporting lexicon, the quotations found on the raw text and the attributions the
rules found (stacking: the CRF learns where the rules are right and where their spans should be longer or
shorter, and the rules need no gold, so training sees them exactly as they run). Features are plain
"name=value" strings, so the same token always gets the same features in training and at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from saywho.attribution.lexicon import (
    BELIEF_ADJECTIVES,
    INFINITIVE_SPEECH_VERBS,
    NOUN_CONTENT_VERBS,
    PHRASAL_CUES,
    PREDICATIVE_VERBS,
    SPEECH_VERBS,
)
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

# Bump when the features change: a model records the version it was trained with and refuses another.
FEATURE_VERSION = 3

_PHRASAL_VERBS = frozenset(verb for verb, _ in PHRASAL_CUES)
TRIGGER_LEMMAS = SPEECH_VERBS | INFINITIVE_SPEECH_VERBS | NOUN_CONTENT_VERBS | PREDICATIVE_VERBS | _PHRASAL_VERBS
_QUOTE_MARKS = set("\"“”„«»‘’`'")
_MAX_ANCESTORS = 12
_NEIGHBOURS = (-2, -1, 1, 2)


@functools.lru_cache(maxsize=8192)
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


@functools.lru_cache(maxsize=65536)
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


@dataclass
class TokenColumns:
    """The token attributes the features read, as plain lists.

    Reading an attribute of a spaCy token builds a Token object each time; the features read every token and
    its head, neighbours and ancestors dozens of times, so the attributes are copied out once per paragraph.
    """

    text: list[str]
    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    children: list[list[int]]  # in token order
    ent_type: list[str]
    ent_iob: list[str]
    idx: list[int]
    is_title: list[bool]
    is_punct: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> TokenColumns:
        n = len(doc)
        cols: tuple[list, ...] = tuple([] for _ in range(12))
        (text, lower, lemma, pos, tag, dep, head, ent_type, ent_iob, idx, is_title, is_punct) = cols
        # One pass over the doc: each iteration builds a Token, so this is the expensive part.
        for t in doc:
            text.append(t.text)
            lower.append(t.lower_)
            lemma.append(t.lemma_.lower())
            pos.append(t.pos_)
            tag.append(t.tag_)
            dep.append(t.dep_)
            head.append(t.head.i)
            ent_type.append(t.ent_type_)
            ent_iob.append(t.ent_iob_)
            idx.append(t.idx)
            is_title.append(t.is_title)
            is_punct.append(t.is_punct)
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        return cls(text, lower, lemma, pos, tag, dep, head, children, ent_type, ent_iob, idx, is_title, is_punct)


def _is_trigger(lemma: str, pos: str) -> bool:
    return (pos in ("VERB", "AUX") and lemma in TRIGGER_LEMMAS) or (pos == "ADJ" and lemma in BELIEF_ADJECTIVES)


def quote_states(par: Paragraph, toks: TokenColumns, quotes: Iterable[Quotation]) -> list[str]:
    """Per token: "" (outside), "mark" (a quotation mark of a quotation), "in-direct" or "in-embedded"."""
    n = len(toks.text)
    states = [""] * n
    spans = [q for q in quotes if q.end > par.offset and q.start < par.end]
    if not spans:
        return states
    for i in range(n):
        s = par.offset + toks.idx[i]
        e = s + len(toks.text[i])
        for q in spans:
            if q.inner_start <= s and e <= q.inner_end:
                states[i] = "in-direct" if q.standalone else "in-embedded"
                break
            if q.start <= s and e <= q.end:
                states[i] = "mark"
                break
    return states


def rule_states(par: Paragraph, toks: TokenColumns, rules: Iterable[Candidate]) -> list[tuple[str, str, str]]:
    """Per token: (role the rules gave it, boundary mark, rule method); "" where the rules have nothing.

    Roles are "C:<kind>" (content of a direct / indirect / mixed attribution), "S" (source) and "Q" (cue).
    """
    n = len(toks.text)
    states = [("", "", "")] * n
    lo, hi = par.offset, par.end
    for cand in rules:
        spans = [(f, "C:" + cand.kind) for f in cand.content]
        if cand.source:
            spans.append((cand.source, "S"))
        if cand.cue:
            spans.append((cand.cue, "Q"))
        for (a, b), role in spans:
            if b <= lo or a >= hi:
                continue
            ids = [
                i
                for i in range(n)
                if lo + toks.idx[i] < b and a < lo + toks.idx[i] + len(toks.text[i]) and not toks.text[i].isspace()
            ]
            for k, i in enumerate(ids):
                mark = "B" if k == 0 else ("L" if k == len(ids) - 1 else "I")
                states[i] = (role, mark, cand.method if role.startswith("C") else "")
    return states


def _base(toks: TokenColumns, i: int, trigger: bool) -> list[str]:
    lemma, pos = toks.lemma[i], toks.pos[i]
    return [
        "w=" + toks.lower[i],
        "l=" + lemma,
        "p=" + pos,
        "t=" + toks.tag[i],
        "d=" + toks.dep[i],
        "sh=" + _shape(toks.text[i]),
        "lex=" + lexicon_class(lemma, pos),
        "trig=" + ("1" if trigger else "0"),
    ]


def paragraph_features(
    par: Paragraph, quotes: Sequence[Quotation] = (), rules: Sequence[Candidate] = ()
) -> list[list[str]]:
    """Features of every token of a parsed paragraph, in token order (`rules`: the rule candidates)."""
    doc = par.doc
    n = len(doc)
    if n == 0:
        return []
    toks = TokenColumns.of(doc)
    lemma, pos, dep, lower, heads = toks.lemma, toks.pos, toks.dep, toks.lower, toks.head
    triggers = [_is_trigger(lemma[i], pos[i]) for i in range(n)]
    base = [_base(toks, i, triggers[i]) for i in range(n)]
    qstate = quote_states(par, toks, quotes)
    rstate = rule_states(par, toks, rules)
    sent_of: list[tuple[int, int, int]] = [(0, 0, 0)] * n  # (sentence index, start, end)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = (k, sent.start, sent.end)
    sent_triggers: dict[int, list[int]] = {}
    for i in range(n):
        if triggers[i]:
            sent_triggers.setdefault(sent_of[i][0], []).append(i)

    feats: list[list[str]] = []
    for i in range(n):
        f = ["bias", *base[i]]
        h = heads[i]
        f.append("hl=" + lemma[h])
        f.append("hd=" + dep[h])
        f.append("hp=" + pos[h])
        f.append("d|hp=" + dep[i] + "|" + pos[h])
        f.append("hlex=" + lexicon_class(lemma[h], pos[h]))
        if triggers[h] and h != i:
            f.append("d|htrig=" + dep[i])
            f.append("d|hl=" + dep[i] + "|" + lemma[h])
        if toks.ent_type[i]:
            f.append("ent=" + toks.ent_type[i])
            f.append("entiob=" + toks.ent_iob[i])
        if toks.is_title[i]:
            f.append("title")
        if toks.is_punct[i]:
            f.append("punct")
        if toks.text[i] in _QUOTE_MARKS:
            f.append("qmark")
        f.extend(_ancestor_features(toks, i, triggers))
        f.extend(_structure_features(toks, i))
        f.extend(_sentence_features(toks, i, sent_of[i], sent_triggers.get(sent_of[i][0], [])))
        q = qstate[i]
        f.append("q=" + q)
        prev_q = qstate[i - 1] if i > 0 else "BOS"
        next_q = qstate[i + 1] if i + 1 < n else "EOS"
        if prev_q != q:
            f.append("qchange-1=" + prev_q + ">" + q)
        if next_q != q:
            f.append("qchange+1=" + q + ">" + next_q)
        role, mark, method = rstate[i]
        f.append("r=" + role)
        if role:
            f.append("rb=" + role[0] + "-" + mark)
        if method:
            f.append("rm=" + method)
        for o in (-1, 1):
            j = i + o
            r = rstate[j][0] if 0 <= j < n else "BOS" if j < 0 else "EOS"
            if r != role:
                f.append(f"rchange{o:+d}=" + role + ">" + r)
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
        f.append("w-1|w=" + (lower[i - 1] if i > 0 else "BOS") + "|" + lower[i])
        f.append("w|w+1=" + lower[i] + "|" + (lower[i + 1] if i + 1 < n else "EOS"))
        feats.append(f)
    return feats


def _ancestor_features(toks: TokenColumns, i: int, triggers: list[bool]) -> list[str]:
    """How the token hangs off the nearest reporting word above it, and off the nearest verb above it."""
    out: list[str] = []
    child, anc, depth = i, toks.head[i], 1
    found_verb = False
    while anc != child and depth <= _MAX_ANCESTORS:
        if not found_verb and toks.pos[anc] in ("VERB", "AUX"):
            found_verb = True
            out.append("vdep=" + toks.dep[child])
            out.append("vdep|vl=" + toks.dep[child] + "|" + toks.lemma[anc])
            out.append("vdepth=" + _bucket(depth))
        if triggers[anc]:
            out.append("tdep=" + toks.dep[child])
            out.append("tdep|tl=" + toks.dep[child] + "|" + toks.lemma[anc])
            out.append("tdepth=" + _bucket(depth))
            out.append("tside=" + ("before" if i < anc else "after"))
            break
        child, anc, depth = anc, toks.head[anc], depth + 1
    else:
        out.append("tdep=none")
    if triggers[i]:
        out.append("tdep=self")
    return out


_CHILD_DEPS = frozenset(
    "nsubj nsubjpass csubj ccomp xcomp dobj dative prep mark advcl attr acomp agent parataxis relcl aux neg prt".split()
)
_HEAD_CHILD_DEPS = frozenset(("ccomp", "xcomp", "dobj", "parataxis"))
_UNDER_DEPS = frozenset("ccomp xcomp parataxis advcl relcl acl pcomp pobj csubj conj appos".split())


def _structure_features(toks: TokenColumns, i: int) -> list[str]:
    """What hangs off the token and off its head (a reporting verb has a subject and a clause), and which
    kinds of clause the token sits in, with the word that governs the nearest one."""
    dep = toks.dep
    out: list[str] = []
    kids = sorted({dep[c] for c in toks.children[i] if dep[c] in _CHILD_DEPS})
    out.extend("child=" + d for d in kids)
    if toks.pos[i] in ("VERB", "AUX", "ADJ"):
        subj = next((c for c in toks.children[i] if dep[c] in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            out.append("subj=" + (toks.ent_type[subj] or toks.pos[subj]))
    h = toks.head[i]
    if h != i:
        hk = sorted({dep[c] for c in toks.children[h] if dep[c] in _HEAD_CHILD_DEPS})
        out.extend("hchild=" + d for d in hk)
    child, anc, depth = i, h, 0
    first = True
    seen: set[str] = set()
    while anc != child and depth < 8:
        d = dep[child]
        if d in _UNDER_DEPS and d not in seen:
            seen.add(d)
            out.append("under=" + d)
            if first:
                out.append("under|gov=" + d + "|" + toks.lemma[anc])
                first = False
        child, anc, depth = anc, toks.head[anc], depth + 1
    return out


def _sentence_features(toks: TokenColumns, i: int, sent: tuple[int, int, int], triggers: list[int]) -> list[str]:
    k, start, end = sent
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
        out.append("strig|l=" + side + "|" + toks.lemma[nearest])
    return out


# --------------------------------------------------------------------------- stacking on another tagger's spans

OUTSIDE = "O"


def bio_chunks(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each B-/I- chunk of a label sequence ("B-Q I-Q O" -> [(0, 2, "Q")])."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(labels)
    while i < n:
        if labels[i] == OUTSIDE:
            i += 1
            continue
        tag = labels[i][2:]
        j = i + 1
        while j < n and labels[j] == "I-" + tag:
            j += 1
        out.append((i, j, tag))
        i = j
    return out


def stacked_features(par: Paragraph, chunks: Sequence[tuple[int, int, str]]) -> list[list[str]]:
    """Features from the chunks another tagger predicted in the paragraph (sources S and cues Q for the content
    tagger): the token's own predicted role and its neighbours', how it hangs off the nearest predicted cue
    above it in the parse, and where the nearest predicted cue of its sentence is.

    A cue the lexicon does not know ("sends a clear message") then still points at its content. In training the
    chunks come from models that did not see the paragraph (jackknifing), so they are as noisy as at run time.
    """
    doc = par.doc
    n = len(doc)
    role = [""] * n
    for s, e, tag in chunks:
        for i in range(s, min(e, n)):
            role[i] = tag
    head: list[int] = []
    dep: list[str] = []
    sent: list[int] = []
    k = -1
    for t in doc:
        head.append(t.head.i)
        dep.append(t.dep_)
        if t.is_sent_start or k < 0:
            k += 1
        sent.append(k)
    cues_in: dict[int, list[int]] = {}
    sources_in: set[int] = set()
    for i in range(n):
        if role[i] == "Q":
            cues_in.setdefault(sent[i], []).append(i)
        elif role[i] == "S":
            sources_in.add(sent[i])
    out: list[list[str]] = []
    for i in range(n):
        f = ["pr=" + role[i]]
        for o in (-1, 1):
            j = i + o
            f.append(f"pr{o:+d}=" + (role[j] if 0 <= j < n else "X"))
        child, anc, depth = i, head[i], 1
        while anc != child and depth <= _MAX_ANCESTORS:
            if role[anc] == "Q":
                f.append("pqdep=" + dep[child])
                f.append("pqdepth=" + _bucket(depth))
                f.append("pqside=" + ("before" if i < anc else "after"))
                break
            child, anc, depth = anc, head[anc], depth + 1
        else:
            f.append("pqdep=none")
        cues = cues_in.get(sent[i])
        if cues:
            nearest = min(cues, key=lambda c: (abs(c - i), c))
            side = "self" if nearest == i else "before" if i < nearest else "after"
            f.append("spq=" + side + "|" + _bucket(abs(nearest - i)))
        else:
            f.append("spq=none")
        if sent[i] in sources_in:
            f.append("sps")
        out.append(f)
    return out
