"""Reports whose speaker and verb close the sentence after a comma, read off the words when the parse fails.

    The hunt starts on 1 October, the County Governor in Innlandet informs.
    … launched from Belarus, the State Border Guard Service (VSAT) informed on Monday.
    Deforestation falls 21% in 12 months, points out the institute.

Translations keep the source language's order, and the parser, trained on English, often reads such a tail as a
conjunct of the content ("points out the institute"), a modifier of a noun ("the Service … informed") or even a
noun ("informs"): the parse-based rules then find nothing. The surface shape is plain, though: a clause, a
comma, and a short tail that is a noun phrase and a reporting verb in either order, with at most a time or
place phrase after it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from saywho.attribution.candidates import surface_candidate
from saywho.attribution.lexicon import PHRASAL_CUES, SPEECH_VERBS
from saywho.attribution.spans import Candidate, trim_tokens
from saywho.nlp.english import Paragraph

MAX_TAIL_TOKENS = 14
# Words that may follow the verb: "informed on Monday", "said in a statement", "says in the report".
_AFTER_VERB = frozenset("on in at yesterday today earlier later this last week month morning evening".split())
# Verbs that need an object to report anything ("the ministry announced the tender"): not alone at a tail.
_TRANSITIVE_ONLY = frozenset("announce reveal confirm deny report".split())


# At most this many words may name the speaker of "…, so the ministry.".
_SO_SOURCE_TOKENS = 8


def so_source(tail: list[Token]) -> tuple[Token, list[Token]] | None:
    """ "…," so Huber. / …, so the ministry.": the German «so X» ("according to X") rendered word for word; the
    speaker is a short noun phrase after "so" that ends the sentence. English puts no bare noun phrase after a
    "so" that ends a sentence, so the shape is safe outside credited translations too. The cue and the source
    tokens, or None."""
    words = [t for t in tail if not (t.is_punct and t.text in ".!,")]
    if len(words) < 2 or words[0].lower_ != "so" or len(words) > _SO_SOURCE_TOKENS + 1:
        return None
    source = words[1:]
    if any(t.text in '"“”«»„' for t in source) or not _noun_phrase(source):
        return None
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in source) and source[0].lower_ != "the":
        return None
    return words[0], source


def find_tail_reports(par: Paragraph) -> Iterator[Candidate]:
    for sent in par.doc.sents:
        cand = _as_reported_by(sent, par.offset) or _tail_report(sent, par.offset)
        if cand is not None:
            yield cand


def _as_reported_by(sent: SpacySpan, offset: int) -> Candidate | None:
    """ "CONTENT, as announced yesterday by the Minister of Tourism, Eleni Vardaki.": the report closes the
    sentence in the passive, its speaker after "by" (the content may hold commas of its own)."""
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text in ".!":
        tokens = tokens[:-1]
    for k in range(4, len(tokens) - 3):
        if tokens[k].text != "," or tokens[k + 1].lower_ != "as":
            continue
        verb = next((j for j in range(k + 2, min(k + 4, len(tokens))) if _speech_lemma(tokens[j])), None)
        by = next((j for j in range(k + 3, min(k + 7, len(tokens))) if tokens[j].lower_ == "by"), None)
        if verb is None or by is None or by < verb or tokens[verb].tag_ not in ("VBN", "VBD"):
            continue
        source = [t for t in tokens[by + 1 :] if not (t.is_punct and t.text not in ("(", ")"))]
        if not _noun_phrase(source) or not any(t.pos_ in ("VERB", "AUX") for t in tokens[:k]):
            return None
        content = trim_tokens(tokens[:k], keep_quotes=True)
        return surface_candidate(content, source, [tokens[verb]], offset, "indirect:as-reported", 0.65)
    return None


def _speech_lemma(t: Token) -> str | None:
    """The reporting verb a word is a form of, whatever part of speech the tagger gave it ("informs" as a noun)."""
    low = t.lower_
    if not t.text.islower() or t.pos_ in ("PROPN", "DET", "ADP", "PRON", "ADJ"):
        return None  # "the State Border Guard Service": a capitalised word is part of a name
    for lemma in (t.lemma_.lower(), low, low[:-1], low[:-2], low[:-1] if low.endswith("es") else ""):
        if lemma in SPEECH_VERBS:
            return lemma
    if low.endswith("ed") and low[:-1] in SPEECH_VERBS:
        return low[:-1]  # "informed" -> "inform" fails above; "noted" -> "note"
    return None


def _noun_phrase(tokens: list[Token]) -> bool:
    """A speaker's noun phrase: starts with a determiner or a capital, holds a noun or a name, and no verb."""
    if not tokens or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN",) for t in tokens):
        return False
    first = tokens[0]
    if not (first.lower_ in ("the", "a", "an", "its", "their") or first.text[:1].isupper()):
        return False
    return any(t.pos_ in ("PROPN", "NOUN") for t in tokens)


def _tail_report(sent: SpacySpan, offset: int) -> Candidate | None:
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text in ".!":
        tokens = tokens[:-1]
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return None
    k = commas[-1]
    content, tail = tokens[:k], tokens[k + 1 :]
    if not 2 <= len(tail) <= MAX_TAIL_TOKENS or len(content) < 4:
        return None
    if any(t.text in '"“”«»„' for t in tail) or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None

    def phrasal(n: int) -> bool:  # "points out", whose verb alone reports nothing
        return n + 1 < len(tail) and (tail[n].lemma_.lower(), tail[n + 1].lower_) in PHRASAL_CUES

    verbs = [n for n, t in enumerate(tail) if _speech_lemma(t) is not None or phrasal(n)]
    if not verbs and (so := so_source(tail)) is not None:
        return surface_candidate(trim_tokens(content, keep_quotes=True), so[1], [so[0]], offset, "indirect:tail", 0.6)
    if not verbs:
        return None
    n = verbs[0]
    lemma = _speech_lemma(tail[n]) or tail[n].lemma_.lower()
    cue = [tail[n], tail[n + 1]] if phrasal(n) else [tail[n]]
    rest = tail[n + len(cue) :]
    if n == 0:
        # "…, points out the institute.": the verb first, its speaker after it.
        source = rest
    else:
        # "…, the County Governor in Innlandet informs (on Monday).": the speaker first; only a time or place
        # phrase may follow the verb.
        source = tail[:n]
        while source and source[-1].pos_ == "ADV":
            cue.insert(0, source.pop())  # "the ministry also informed"
        if rest and rest[0].lower_ not in _AFTER_VERB:
            return None
        if lemma in _TRANSITIVE_ONLY and rest and rest[0].pos_ not in ("ADP", "ADV", "NOUN", "PROPN"):
            return None
    source = [t for t in source if not t.is_punct or t.text in ("(", ")", "'", "’")]
    if not _noun_phrase(source):
        return None
    return surface_candidate(
        trim_tokens(content, keep_quotes=True), source, sorted(cue, key=lambda t: t.i), offset, "indirect:tail", 0.6
    )
