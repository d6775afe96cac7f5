"""Report shapes of news machine-translated from Russian (and kin), read off the words of one paragraph.

    In his words, farmers have sold most of the harvest.          «По его словам, …»
    In the opinion of the expert, prices will rise.              «По мнению эксперта, …»
    For the minister, the deal is a plaster on a wooden leg.     «Pour le ministre, …»
    The duty will be cut. This was announced by Ivan Petrov.     «Об этом сообщил Иван Петров.»
    She also drew attention to the fact that the ports are full.  «Она обратила внимание на то, что …»

The parser reads these literal renderings poorly (an opinion phrase is an adverbial, "this" is the subject of a
passive), so the rules match the words and take the source from the phrase they name.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from saywho.attribution.candidates import make_candidate, surface_candidate
from saywho.attribution.lexicon import INSTITUTION_NOUNS, SPEECH_VERBS
from saywho.attribution.spans import Candidate, trim_tokens
from saywho.nlp.english import Paragraph

_OPINION_NOUNS = frozenset("words opinion view estimation estimate assessment understanding".split())
_POSSESSIVES = frozenset("his her their its".split())
_ANAPHORS = frozenset("this that it".split())
# "This was announced by X": a passive speech verb; a few more than the speech lexicon has in the passive.
_PASSIVE_CUES = SPEECH_VERBS | frozenset("report announce state inform tell write declare".split())


def find_translated_forms(paragraph: Paragraph, *, translated: bool = False) -> Iterator[Candidate]:
    """The report shapes above in one paragraph. "For X, …" only in a credited translation: in English news
    ("For Trump, the format was not ideal") it is the writer's own view of X, not X's words."""
    previous: SpacySpan | None = None
    offset = paragraph.offset
    for sent in paragraph.doc.sents:
        tokens = [t for t in sent if not t.is_space]
        words = {t.lower_ for t in tokens}
        cand = None
        # Each shape has a word it cannot do without: most sentences are passed over at a glance.
        if tokens and tokens[0].lower_ in ("in", "for"):
            cand = (
                _opinion_opener(tokens, offset, translated)
                or _statement_opener(tokens, offset)
                or _institution_opener(tokens, offset)
            )
        if cand is None and "attention" in words:
            cand = _drew_attention_to(tokens, offset)
        if cand is None and "known" in words:
            cand = _let_it_be_known(tokens, offset)
        if cand is None and words & {"by", "in"} and any(t.tag_ == "VBN" for t in tokens):
            cand = _this_was_reported(tokens, previous, offset)
        if cand is not None:
            yield cand
        previous = sent


def _let_it_be_known(tokens: list[Token], offset: int) -> Candidate | None:
    """ "The ministry let it be known on request that CONTENT" (German «ließ mitteilen», «ließ wissen»): the subject
    of "let" speaks; a short phrase may stand between "known" and "that"."""
    words = [t.lower_ for t in tokens]
    for k in range(1, len(words) - 5):
        if words[k] not in ("let", "lets") or words[k + 1 : k + 4] != ["it", "be", "known"]:
            continue
        that = next((j for j in range(k + 4, min(len(words), k + 10)) if words[j] == "that"), None)
        subject = next((c for c in tokens[k].children if c.dep_ == "nsubj"), None)
        if that is None or subject is None or any(t.pos_ in ("VERB", "AUX") for t in tokens[k + 4 : that]):
            return None
        content = trim_tokens(tokens[that:], keep_quotes=True)
        return make_candidate(content, subject, tokens[k : k + 4], offset, "indirect:let-it-be-known", 0.7)
    return None


_STATEMENT_NOUNS = frozenset("statement announcement communique release message report address".split())


def _statement_opener(tokens: list[Token], offset: int) -> Candidate | None:
    """ "In the written statement made by the Governorship, it was stated that CONTENT": the Turkish and Russian
    impersonal passive («açıklamada … belirtildi», «в заявлении … говорится»), its author after "by"."""
    words = [t.lower_ for t in tokens]
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma > 20 or not _STATEMENT_NOUNS & set(words[:comma]) or "by" not in words[:comma]:
        return None
    by = words.index("by")
    rest = words[comma + 1 : comma + 6]
    if rest[:2] != ["it", "was"] or len(rest) < 4 or rest[3] != "that":
        return None
    cue = tokens[comma + 3]
    if cue.lemma_.lower() not in _PASSIVE_CUES:
        return None
    source = trim_tokens(tokens[by + 1 : comma])
    content = trim_tokens(tokens[comma + 4 :], keep_quotes=True)
    if not source or not content:
        return None
    return surface_candidate(content, source, [cue], offset, "indirect:statement-passive", 0.7)


def _institution_opener(tokens: list[Token], offset: int) -> Candidate | None:
    """ "In the Ministry of Energy, it was announced that CONTENT": the impersonal passive with the institution in a
    locative (Serbian «У Министарству … саопштено је да», Russian «В министерстве сообщили, что»); the
    institution is the source. A place or a time in the locative ("In Belgrade, it was announced …") is not."""
    words = [t.lower_ for t in tokens]
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or not 2 < comma <= 12 or words[comma + 1 : comma + 3] not in (["it", "was"], ["it", "is"]):
        return None
    if len(words) < comma + 6 or words[comma + 4] != "that" or tokens[comma + 3].tag_ != "VBN":
        return None
    cue = tokens[comma + 3]
    place = trim_tokens(tokens[1:comma])
    if cue.lemma_.lower() not in _PASSIVE_CUES or not place or _STATEMENT_NOUNS & {t.lower_ for t in place}:
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC") for t in place):
        return None
    if not any(t.ent_type_ == "ORG" or t.lemma_.lower() in INSTITUTION_NOUNS for t in place):
        return None
    content = trim_tokens(tokens[comma + 4 :], keep_quotes=True)
    return surface_candidate(content, place, [cue], offset, "indirect:institution-passive", 0.7)


def _opinion_opener(tokens: list[Token], offset: int, translated: bool = False) -> Candidate | None:
    """ "In his words, CONTENT" (source: the pronoun) and "In the opinion of X, CONTENT" (source: X)."""
    words = [t.lower_ for t in tokens]
    if len(words) < 6 or words[0] not in ("in", "for"):
        return None
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma > 16:
        return None
    if words[1] not in _POSSESSIVES and comma + 1 < len(tokens) and words[comma + 1] in ("a", "an", "the"):
        # "For Luca Bernardini, an economist at the university, …": the apposition belongs to the source.
        for i in range(comma + 1, min(len(tokens), 24)):
            if tokens[i].tag_ in ("VBD", "VBZ", "VBP", "MD"):
                break
            if tokens[i].text == ",":
                comma = i
                break
    if words[1] in _POSSESSIVES and words[2] in _OPINION_NOUNS and comma == 3:
        cue, source = tokens[:3], [tokens[1]]
    elif translated and words[0] == "for" and _names_someone(tokens[1:comma]):
        cue, source = tokens[:1], trim_tokens(tokens[1:comma])  # "For the minister, …" (French «Pour X»)
    elif words[1] == "the" and words[2] in _OPINION_NOUNS and words[3] == "of" and comma > 4:
        cue, source = tokens[:4], trim_tokens(tokens[4:comma])
    else:
        return None
    content = trim_tokens(tokens[comma + 1 :], keep_quotes=True)
    if not source or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    cand = surface_candidate(content, source, cue, offset, "indirect:opinion", 0.7)
    if cand is not None and len(source) == 1:
        cand.source = (offset + source[0].idx, offset + source[0].idx + len(source[0].text))
    return cand


# Who "For X, …" may name: a person, or a title that names one ("For the minister, …"; not "For years, …").
_PEOPLE_NOUNS = frozenset(
    "minister president premier expert analyst economist senator deputy official spokesman spokeswoman "
    "spokesperson chairman chairwoman director head leader diplomat ambassador governor mayor professor "
    "researcher scientist lawyer commissioner secretary chancellor".split()
)


def _names_someone(phrase: list[Token]) -> bool:
    if not 1 <= len(phrase) <= 12:
        return False
    heads = [t for t in phrase if t.head.i not in {p.i for p in phrase} or t.head == t]
    head = heads[0] if heads else phrase[-1]
    return head.ent_type_ == "PERSON" or head.lower_ in _PEOPLE_NOUNS


def _this_was_reported(tokens: list[Token], previous: SpacySpan | None, offset: int) -> Candidate | None:
    """A passive report whose agent follows "by" (or the document "in" which it is written):

    CONTENT. This was announced on Monday by X.          the sentence before is the content
    CONTENT, Kommersant was told by a source in the industry.   the clause before the comma is
    CONTENT. This is stated in a message on the ministry's website.
    """
    words = [t.lower_ for t in tokens]
    if len(words) < 5:
        return None
    if words[0] in _ANAPHORS and previous is not None:
        k, content = 1, trim_tokens([t for t in previous if not t.is_space], keep_quotes=True)
    else:
        comma = _last_comma_before_passive(tokens)
        if comma is None:
            return None
        k, content = comma + 2, trim_tokens(tokens[:comma], keep_quotes=True)
        while k < len(tokens) and tokens[k].tag_ not in ("VBD", "VBZ", "VBP") and k < comma + 5:
            k += 1  # the subject of the passive ("Kommersant", "the newspaper")
    while k < len(tokens) and tokens[k].dep_ in ("aux", "auxpass", "neg", "advmod") and tokens[k].tag_ != "VBN":
        k += 1
    if k >= len(tokens) or tokens[k].tag_ != "VBN" or tokens[k].lemma_.lower() not in _PASSIVE_CUES:
        return None
    first_cue = next(i for i in range(k, 0, -1) if tokens[i - 1].dep_ not in ("aux", "auxpass", "neg", "advmod"))
    by = next((i for i in range(k + 1, min(len(tokens), k + 8)) if words[i] in ("by", "in")), None)
    if by is None or (words[by] == "in" and not _is_document(tokens[by + 1 :])):
        return None
    agent = next((c for c in tokens[by].children if c.dep_ == "pobj"), None)
    if agent is not None:
        source = [t for t in tokens if agent.left_edge.i <= t.i <= agent.right_edge.i]
    else:
        source = tokens[by + 1 :]
    source = trim_tokens(source)
    if not source or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    cue = tokens[first_cue : k + 1] if words[by] == "by" else tokens[first_cue : by + 1]
    return surface_candidate(content, source, cue, offset, "indirect:this-was-reported", 0.7)


_DOCUMENT_WORDS = frozenset("statement message report document release communique letter decree post".split())


def _is_document(tokens: list[Token]) -> bool:
    """ "in a message on the website", "in the ministry's statement": what a passive report may be stated in."""
    return any(t.lower_ in _DOCUMENT_WORDS for t in tokens[:4])


def _last_comma_before_passive(tokens: list[Token]) -> int | None:
    """The comma before ", X was told by Y.": a passive participle within five words after it, then "by"/"in"."""
    for c in range(len(tokens) - 4, 2, -1):
        if tokens[c].text != ",":
            continue
        window = tokens[c + 1 : c + 7]
        if any(
            t.tag_ == "VBN" and i + 1 < len(window) and window[i + 1].lower_ in ("by", "in")
            for i, t in enumerate(window)
        ):
            return c
        return None  # only the last comma of the sentence can open the report
    return None


def _drew_attention_to(tokens: list[Token], offset: int) -> Candidate | None:
    """ "X (also) drew attention to (the fact that) CONTENT": «обратил внимание на то, что …»."""
    words = [t.lower_ for t in tokens]
    for k in range(1, len(words) - 3):
        if tokens[k].lemma_.lower() != "draw" or words[k + 1] != "attention":
            continue
        to = _to_after_insert(tokens, k + 2)
        if to is None:
            continue
        end = to + 1
        if words[end : end + 3] == ["the", "fact", "that"]:
            end += 3
        subject = next((c for c in tokens[k].children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        content = trim_tokens(tokens[end:], keep_quotes=True)
        # With words between ("drew attention in a statement to …") the cue is the verb and its noun.
        cue = tokens[k:end] if to == k + 2 else tokens[k : k + 2]
        return make_candidate(content, subject, cue, offset, "indirect:drew-attention", 0.7)
    return None


def _to_after_insert(tokens: list[Token], i: int) -> int | None:
    """The index of the "to" of "drew attention (in a statement) to": the translator may put a short
    prepositional phrase between the noun and its preposition (Hungarian «közleményében felhívta a figyelmet»)."""
    if i < len(tokens) and tokens[i].lower_ == "to":
        return i
    if i >= len(tokens) or tokens[i].pos_ != "ADP":
        return None
    for j in range(i + 1, min(len(tokens), i + 7)):
        if tokens[j].lower_ == "to":
            return j
        if tokens[j].pos_ in ("VERB", "AUX") or tokens[j].is_punct:
            return None
    return None
