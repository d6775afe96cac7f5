"""Token helpers for the Russian rules: cue words, subjects, noun phrases and character spans."""

from __future__ import annotations

import re

from saywho.attribution.ru import lexicon as lx
from saywho.nlp.russian import RuParagraph, RuToken

SUBJECT_RELS = ("nsubj", "nsubj:pass")
# Dependents that never belong to a source phrase: clauses hanging on the noun, or on the verb it heads.
_CLAUSE_RELS = ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj")
_NOMINAL = ("NOUN", "PROPN", "PRON")


def is_cue(tok: RuToken, par: RuParagraph | None = None) -> bool:
    """A verb of speech or opinion (any tense, aspect, gender; gerunds too), or a belief predicate.

    With its paragraph, "обращает внимание" and "выразил надежду" count too (the verb alone is no cue).
    """
    form = tok.feat("VerbForm")
    if form in ("Inf", "Part") or tok.pos not in ("VERB", "ADJ", "AUX"):
        return False
    if tok.pos == "ADJ":
        return tok.lemma in lx.BELIEF_PREDICATES
    if tok.lemma in lx.OBJECT_CUES:
        return cue_object(tok, par) is not None
    if tok.lemma in lx.DOCUMENT_VERBS:
        return par is not None and document_after(par, tok) is not None
    if tok.lemma in ("передавать", "передать") and par is not None:
        return _relays(par, tok)
    return tok.lemma in lx.REPORTING_VERBS or tok.lemma in lx.BELIEF_PREDICATES or tok.lemma in lx.NAMING_VERBS


def _relays(par: RuParagraph, tok: RuToken) -> bool:
    """ "…, передает агентство «Москва» со ссылкой на префектуру": "передает" reports only as a relay."""
    after = [t.lower for t in par.tokens[tok.i + 1 : tok.i + 9] if t.sent == tok.sent]
    return any(after[k : k + 3] == ["со", "ссылкой", "на"] for k in range(len(after)))


def cue_object(tok: RuToken, par: RuParagraph | None) -> RuToken | None:
    """The object that makes a verb a cue ("внимание" after "обращает"), if it follows it."""
    nxt = par.tokens[tok.i + 1] if par is not None and tok.i + 1 < len(par.tokens) else None
    objects = lx.OBJECT_CUES.get(tok.lemma, frozenset())
    return nxt if nxt is not None and nxt.lemma in objects else None


def document_after(par: RuParagraph, cue: RuToken) -> RuToken | None:
    """The document an impersonal verb reports from ("говорится в сообщении", "следует из пояснительной
    записки"): the noun after "в" / "из" and its adjectives, if it names a document."""
    toks = par.tokens
    k = cue.i + 1
    if k >= len(toks) or toks[k].lower not in (("из",) if cue.lemma == "следовать" else ("в", "во")):
        return None
    k += 1
    while k < len(toks) and toks[k].pos == "ADJ":
        k += 1
    return toks[k] if k < len(toks) and toks[k].lemma in lx.DOCUMENT_NOUNS else None


def is_gerund(tok: RuToken) -> bool:
    return tok.feat("VerbForm") == "Conv"


def sentence_tokens(par: RuParagraph, tok: RuToken) -> list[RuToken]:
    sent = par.sents[tok.sent]
    return par.tokens[sent.first : sent.last]


def nominative_start(tok: RuToken) -> bool:
    """Can a source noun phrase start here ("заместитель ...", "Андрей ...", "он", "российский президент")?"""
    if tok.pos == "VERB" and tok.feat("VerbForm") == "Part":
        return tok.feat("Case") in (None, "Nom")  # "опрошенные банком эксперты"
    if tok.pos == "PUNCT" or tok.pos in ("ADP", "SCONJ", "CCONJ", "VERB"):
        return False
    case = tok.feat("Case")
    if tok.pos in _NOMINAL + ("ADJ", "DET", "NUM"):
        return case in (None, "Nom")
    return False


def subject_of(par: RuParagraph, cue: RuToken) -> RuToken | None:
    """The grammatical subject of a cue; for a coordinated verb or a gerund, the subject of its head verb."""
    subjects = [c for c in par.children(cue) if c.rel in SUBJECT_RELS]
    # "Один из авторов, первый зампред … X рассказал": of an apposition parsed as two subjects, the noun
    # nearest the verb names the speaker.
    nominal = [c for c in subjects if c.pos in ("NOUN", "PROPN") and c.i < cue.i]
    if len(subjects) > 1 and nominal:
        return nominal[-1]
    if subjects:
        return subjects[0]
    before = _subject_before(par, cue)
    if before is not None:
        return before
    head = par.tokens[cue.head] if cue.head >= 0 else None
    if head is not None and (cue.rel == "conj" or (cue.rel == "advcl" and is_gerund(cue))):
        found = next((c for c in par.children(head) if c.rel in SUBJECT_RELS and c.i != cue.i), None)
        if found is not None:
            return found
    if is_gerund(cue):
        # Parsers hang gerunds in many ways; the nearest subject before it in its sentence is the doer.
        before = [t for t in sentence_tokens(par, cue) if t.i < cue.i and t.rel in SUBJECT_RELS]
        before = [t for t in before if t.pos in _NOMINAL and t.feat("Case") in (None, "Nom")]
        if before:
            return before[-1]
    return None


def _subject_before(par: RuParagraph, cue: RuToken) -> RuToken | None:
    """The nominative noun right before a cue, past adverbs ("Марина Котова позже также подтвердила"): parsers
    sometimes hang such a subject on a later clause."""
    k = cue.i - 1
    first = par.sents[cue.sent].first
    while k >= first and par.tokens[k].pos in ("ADV", "PART"):
        k -= 1
    if k < first:
        return None
    tok = par.tokens[k]
    if tok.pos not in _NOMINAL or tok.feat("Case") not in (None, "Nom"):
        return None
    person = par.span_at(tok, "PER")
    return par.tokens[person.tokens[0]] if person is not None else tok


def phrase(par: RuParagraph, head: RuToken, lo: int, hi: int) -> tuple[int, int]:
    """Token range [first, last] of `head`'s noun phrase inside token indices [lo, hi)."""
    banned: set[int] = set()
    for c in par.children(head):
        # A participle before the noun modifies it ("опрошенные банком эксперты"); clauses after it do not.
        if c.rel in _CLAUSE_RELS and (c.i > head.i or c.rel != "acl"):
            banned |= par.subtree(c)
    members = (par.subtree(head) - banned) | {head.i}
    first = last = head.i
    while first - 1 >= lo and first - 1 in members:
        first -= 1
    while last + 1 < hi and last + 1 in members:
        last += 1
    while first < last and par.tokens[first].pos == "PUNCT":
        first += 1
    while last > first and par.tokens[last].pos == "PUNCT":
        last -= 1
    return first, last


def char_span(par: RuParagraph, first: int, last: int) -> tuple[int, int]:
    return par.tokens[first].start, par.tokens[last].end


def person_span_at(par: RuParagraph, tok: RuToken) -> tuple[int, int] | None:
    span = par.span_at(tok, "PER")
    return (span.tokens[0], span.tokens[-1]) if span else None


def locative_source(par: RuParagraph, cue: RuToken) -> RuToken | None:
    """ "в Кремле заявили", "в МИД указывают": an institution or a capital speaking impersonally (plural verb)."""
    if cue.feat("Number") != "Plur" or is_gerund(cue):
        return None
    sent = sentence_tokens(par, cue)
    # "Там уточнили, что …": the institution just named (the resolver finds it).
    there = next((t for t in sent if t.i < cue.i and t.lower == "там" and t.pos == "ADV"), None)
    if there is not None and (there.head == cue.i or there.i == sent[0].i):
        return there
    for tok in sent:
        if tok.pos not in ("NOUN", "PROPN"):
            continue
        k = tok.i - 1
        while k > sent[0].i and (
            par.tokens[k].lemma == "сам"
            or par.tokens[k].text in ("«", '"', "„", "“")
            or _agrees_before(par, k, tok)
            or _legal_form(par, k)
        ):
            k -= 1  # "в самой компании", "в «Росатоме»", "в Федеральной налоговой службе", "в АО «Россети»"
        prev = par.tokens[k] if k >= sent[0].i else None
        if prev is None or prev.lower not in ("в", "во"):
            continue
        between = range(tok.i + 1, cue.i)  # "в МУП «Х» Ngs.ru рассказали": only the outlet told in between
        attached = tok.head == cue.i or abs(tok.i - cue.i) <= 4 or all(_told_or_punct(par, j) for j in between)
        quoted_name = tok.text[:1].isupper() and par.tokens[tok.i - 1].text in ("«", '"', "„")  # "в МУП «Х»"
        named = par.span_at(tok) is not None or tok.lemma in lx.INSTITUTION_NOUNS or quoted_name
        if attached and named and (tok.feat("Case") in (None, "Loc", "Acc", "Dat", "Gen") or quoted_name):
            return tok
    return None


def _told_or_punct(par: RuParagraph, k: int) -> bool:
    return par.tokens[k].pos == "PUNCT" or is_outlet(par, k)


def _legal_form(par: RuParagraph, k: int) -> bool:
    """A capitalised abbreviation of a legal form before a quoted name ("АО «…»", "ГБУ «…»")."""
    tok = par.tokens[k]
    nxt = par.tokens[k + 1] if k + 1 < len(par.tokens) else None
    return tok.text.isupper() and len(tok.text) >= 2 and nxt is not None and nxt.text in ("«", '"', "„")


def _agrees_before(par: RuParagraph, k: int, noun: RuToken) -> bool:
    """An adjective in the noun's case before it ("в Федеральной налоговой службе")."""
    tok = par.tokens[k]
    return tok.pos == "ADJ" and tok.head == noun.i and tok.feat("Case") == noun.feat("Case")


# A web address written as a name ("Ngs.ru", "Lenta.ru"), the parser splits it into several tokens.
_DOMAIN = re.compile(r"[\w-]+\.(?:ru|su|com|net|org|info|io|рф)", re.IGNORECASE)


def glued(par: RuParagraph, k: int) -> tuple[int, int]:
    """Token range [first, last] of the run written without spaces around token `k` ("E", "1", ".", "RU")."""
    first = last = k
    while first > 0 and par.tokens[first - 1].end == par.tokens[first].start:
        first -= 1
    while last + 1 < len(par.tokens) and par.tokens[last].end == par.tokens[last + 1].start:
        last += 1
    return first, last


def is_web_name(par: RuParagraph, k: int) -> bool:
    """Token `k` is part of a site's address used as its name ("Ngs.ru пояснили"): an outlet."""
    first, last = glued(par, k)
    text = "".join(t.text for t in par.tokens[first : last + 1]).strip('«»"„“.,;:')
    return bool(_DOMAIN.fullmatch(text))


def is_outlet(par: RuParagraph, k: int) -> bool:
    """A known outlet, in any case ("Коммерсанту", "Интерфаксу"), or a site named by its address."""
    tok = par.tokens[k]
    low = tok.lower
    stems = (o[:-1] for o in lx.OUTLETS if len(o) > 5)
    return low in lx.OUTLETS or tok.lemma in lx.OUTLETS or low.startswith(tuple(stems)) or is_web_name(par, k)
