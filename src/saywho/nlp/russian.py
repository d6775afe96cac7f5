"""The Russian language pipeline: natasha (razdel segmentation, morphology, UD syntax, NER) and pymorphy3 lemmas.

natasha ships its embeddings and models inside its wheel, so nothing is downloaded. Paragraphs are parsed one
by one and every token keeps absolute character offsets into the article text, like the English `Paragraph`.
pymorphy3 (not natasha's pymorphy2-based `MorphVocab`) gives lemmas and inflection: it needs no
`pkg_resources` and works on every supported Python.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Universal POS of natasha -> the OpenCorpora POS tags pymorphy3 may give the same word.
_UD_TO_OC: dict[str, frozenset[str]] = {
    "VERB": frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"}),
    "AUX": frozenset({"VERB", "INFN"}),
    "ADJ": frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS"}),
    "NOUN": frozenset({"NOUN"}),
    "PROPN": frozenset({"NOUN"}),
    "PRON": frozenset({"NPRO"}),
    "DET": frozenset({"ADJF", "NPRO"}),
    "ADV": frozenset({"ADVB", "PRED", "COMP"}),
    "NUM": frozenset({"NUMR", "ADJF"}),
}
_UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


@dataclass
class RuToken:
    """One token with absolute offsets; `head` is an index into the paragraph's tokens (-1 for a root)."""

    i: int
    start: int
    end: int
    text: str
    head: int
    rel: str
    pos: str
    feats: dict[str, str]
    lemma: str
    sent: int
    children: list[int] = field(default_factory=list)

    @property
    def lower(self) -> str:
        return self.text.lower()

    def feat(self, name: str) -> str | None:
        return self.feats.get(name)


@dataclass
class RuSentence:
    start: int
    end: int
    first: int  # index of its first token in the paragraph
    last: int  # index after its last token


@dataclass
class NamedSpan:
    start: int
    end: int
    type: str  # PER, LOC or ORG
    tokens: list[int]


@dataclass
class RuParagraph:
    offset: int
    end: int
    tokens: list[RuToken]
    sents: list[RuSentence]
    spans: list[NamedSpan]

    def sentence_of(self, tok: RuToken) -> RuSentence:
        return self.sents[tok.sent]

    def children(self, tok: RuToken) -> list[RuToken]:
        return [self.tokens[c] for c in tok.children]

    def subtree(self, tok: RuToken) -> set[int]:
        seen = {tok.i}
        stack = [tok.i]
        while stack:
            for c in self.tokens[stack.pop()].children:
                if c not in seen:
                    seen.add(c)
                    stack.append(c)
        return seen

    def tokens_in(self, start: int, end: int) -> list[RuToken]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    def span_at(self, tok: RuToken, type_: str | None = None) -> NamedSpan | None:
        return next((s for s in self.spans if tok.i in s.tokens and (type_ is None or s.type == type_)), None)


class RussianNLP:
    """natasha's models and a pymorphy3 analyser, loaded once (see `load_russian`)."""

    def __init__(self) -> None:
        import pymorphy3
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        self.segmenter = Segmenter()
        embedding = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.morph = pymorphy3.MorphAnalyzer()

    # -- morphology ------------------------------------------------------------------------------------
    def parses(self, word: str, pos: str | None = None, feats: dict[str, str] | None = None) -> list[Any]:
        """pymorphy3 parses of `word`, those agreeing with natasha's POS and case/gender first."""
        parses = self.morph.parse(word)
        wanted = _UD_TO_OC.get(pos or "")
        case = _UD_CASE.get((feats or {}).get("Case", ""))
        gender = _UD_GENDER.get((feats or {}).get("Gender", ""))

        def rank(p: Any) -> tuple[int, int, int, float]:
            return (
                int(wanted is not None and p.tag.POS in wanted),
                int(case is not None and p.tag.case == case),
                int(gender is not None and p.tag.gender == gender),
                p.score,
            )

        return sorted(parses, key=rank, reverse=True)

    def lemma(self, word: str, pos: str | None = None, feats: dict[str, str] | None = None) -> str:
        return _cached_lemma(self, word.lower(), pos or "", tuple(sorted((feats or {}).items())))

    # -- parsing ---------------------------------------------------------------------------------------
    def parse_paragraph(self, text: str, start: int, end: int) -> RuParagraph:
        return self.parse_paragraphs(text, [(start, end)])[0]

    def parse_paragraphs(self, text: str, ranges: Iterable[tuple[int, int]]) -> list[RuParagraph]:
        """Parse each (start, end) slice of `text` as a paragraph; the models see all sentences in one batch
        (about three times faster than paragraph by paragraph)."""
        from natasha import Doc

        ranges = list(ranges)
        docs = []
        for s, e in ranges:
            doc = Doc(text[s:e])
            doc.segment(self.segmenter)
            docs.append(doc)
        sentences = [[tok.text for tok in sent.tokens] for doc in docs for sent in doc.sents]
        morph = iter(self.morph_tagger.map(sentences))
        syntax = iter(self.syntax_parser.map(sentences))
        ner = self.ner_tagger.map([doc.text for doc in docs])
        return [
            self._paragraph(s, e, doc, morph, syntax, markup)
            for (s, e), doc, markup in zip(ranges, docs, ner, strict=True)
        ]

    def _paragraph(
        self, start: int, end: int, doc: Any, morph: Iterator[Any], syntax: Iterator[Any], ner: Any
    ) -> RuParagraph:
        """One paragraph from its segmented natasha Doc and the next sentences' tags, parses and NER."""
        tokens: list[RuToken] = []
        sents: list[RuSentence] = []
        for s_index, sent in enumerate(doc.sents):
            first = len(tokens)
            tagged, parsed = next(morph), next(syntax)
            for tok, tag, rel in zip(sent.tokens, tagged.tokens, parsed.tokens, strict=True):
                feats = dict(tag.feats or {})
                tokens.append(
                    RuToken(
                        i=len(tokens),
                        start=start + tok.start,
                        end=start + tok.stop,
                        text=tok.text,
                        head=-1 if rel.head_id in ("0", 0, None) else first + int(rel.head_id) - 1,
                        rel=rel.rel or "",
                        pos=tag.pos or "X",
                        feats=feats,
                        lemma=self.lemma(tok.text, tag.pos, feats),
                        sent=s_index,
                    )
                )
            sents.append(RuSentence(start + sent.start, start + sent.stop, first, len(tokens)))
        for tok in tokens:
            if tok.head == tok.i or not (0 <= tok.head < len(tokens)) or tokens[tok.head].sent != tok.sent:
                tok.head = -1
            else:
                tokens[tok.head].children.append(tok.i)
        spans = []
        for span in ner.spans:
            members = [t.i for t in tokens if t.start >= start + span.start and t.end <= start + span.stop]
            if members:
                spans.append(NamedSpan(start + span.start, start + span.stop, span.type, members))
        return RuParagraph(start, end, tokens, sents, _merge_adjacent_persons(spans, tokens))


def _merge_adjacent_persons(spans: list[NamedSpan], tokens: list[RuToken]) -> list[NamedSpan]:
    """natasha sometimes splits one name in two ("Анна Сергеевна" + "Гуревич"): PER spans with nothing but
    a space between them, in one sentence and three words at most, are one person."""
    merged: list[NamedSpan] = []
    for span in spans:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == span.type == "PER"
            and span.tokens[0] == prev.tokens[-1] + 1
            and tokens[span.tokens[0]].sent == tokens[prev.tokens[-1]].sent
            and len(prev.tokens) + len(span.tokens) <= 3  # given name, patronymic, surname: no more
        ):
            merged[-1] = NamedSpan(prev.start, span.end, "PER", prev.tokens + span.tokens)
            continue
        merged.append(span)
    return merged


@functools.lru_cache(maxsize=65536)
def _cached_lemma(nlp: RussianNLP, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    if not any(ch.isalpha() for ch in word):
        return word
    best = nlp.parses(word, pos, dict(feats))
    # "подчёркивать" and "подчеркивать" are one word: lexicons are written without ё.
    return (best[0].normal_form if best else word).replace("ё", "е")


@functools.lru_cache(maxsize=1)
def load_russian() -> RussianNLP:
    """The shared Russian models (natasha loads in about a second)."""
    return RussianNLP()
