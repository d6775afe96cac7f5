"""Speaker labels: interview transcripts (`WALLACE: Let's start ...`) and headline attributions (`Poll: X leads`).

The label is the source, the colon the cue (as PolNeAR marks it; the trained CRF reads that cue as a feature)
unless the claim is a quotation, and the rest of the paragraph the content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from saywho.attribution.indirect import _SPEAKER_NOUNS
from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

# An upper-case label, optionally behind the opening mark transcripts repeat on every paragraph.
_TRANSCRIPT_RE = re.compile(r"[\"“]?(?P<label>[A-Z][A-Z.'’\- ]{1,38}[A-Z.]):[ \t]+(?=\S)")
# A headline "Name: claim" — a short capitalised label of at most four words.
_HEADLINE_RE = re.compile(r"(?P<label>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):[ \t]+(?=[A-Z\"“‘'])")
# Translated headlines and subheadings vary the shape: a lower-case claim ("Water Authority: boats will stay in
# port"), a label behind a first clause or sentence ("Prices up 6 percent, Petrović: the vulnerable will be
# protected"; "Quake in the night. Rossi: "Schools stay closed""), and an institution's name with its function
# words ("Ministry of Employment and Labor: "…""). These count only when the label names someone (`_names_speaker`).
_NAME_WORD = r"[A-Z][\w.'’\-]*"
_LABEL = rf"{_NAME_WORD}(?:(?: (?:of|and|for|the|de|del|di|da|dos|von|van|al|el|bin))* {_NAME_WORD}){{0,5}}"
_LOOSE_HEADLINE_RE = re.compile(rf"(?:^|(?<=[.,;!?] ))(?P<label>{_LABEL}):[ \t]+(?=[\w\"“‘'«„])")
_CLOSERS = "\"”’'»"
_OPENERS = "\"“‘'«„"
_NOT_SPEAKERS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "WATCH", "READ MORE", "PHOTO", "VIDEO", "Q", "A"}
# Labels of the page around an article, never a speaker: "Update: the road is closed", "Photo: Reuters",
# "Read also: …", "Source: …", "Written by: …", "Reporter: …".
_PAGE_LABELS = frozenset(
    """update updated note photo photos video videos source sources watch listen read also see more related tags
    keywords topics input modified published posted date time translated translation translator credit credits
    image images caption illustration copyright contact email phone tel reporter author editor correspondent
    written edited by breaking live exclusive opinion analysis interview comment comments share follow
    advertisement disclaimer warning attention important correction clarification summary background timeline
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday""".split()
)
# A subheading is short and ends without a full stop.
_MAX_HEADING_WORDS = 30


def find_labelled(paragraphs: list[Paragraph]) -> Iterator[Candidate]:
    head = True  # the paragraphs before the first paragraph of prose: the site's head lines and the headline
    names = _ProperWords(paragraphs)
    for n, par in enumerate(paragraphs):
        heading = _heading(par.text)
        m = _TRANSCRIPT_RE.match(par.text)
        if m is not None and not _reports_itself(par.text[m.end() :]):
            cand = _candidate(par, m, "direct:transcript")
        elif n == 0 and (m := _HEADLINE_RE.match(par.text)) is not None and not _reports_itself(par.text[m.end() :]):
            cand = _candidate(par, m, _headline_method(par.text[m.end() :]))
        else:
            cand = _loose_headline(par, names, first=n == 0, head=head and heading)
        head = head and (heading or len(par.text.split()) < 12)
        if cand is not None:
            yield cand


def _heading(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] != "." and len(stripped.split()) <= _MAX_HEADING_WORDS


def _loose_headline(par: Paragraph, names: _ProperWords, *, first: bool, head: bool) -> Candidate | None:
    """A headline label in the first paragraph or a heading of the head block; anywhere, a subheading whose claim
    is a quotation (`Ministry of Labor: "…"`)."""
    if not (first or head or _heading(par.text)):
        return None
    for m in _LOOSE_HEADLINE_RE.finditer(par.text):
        quoted = par.text[m.end()] in _OPENERS
        if not (first or head or quoted) or not _names_speaker(par, m.start("label"), m.end("label"), names):
            continue
        if _reports_itself(par.text[m.end() :]):
            continue
        return _candidate(par, m, _headline_method(par.text[m.end() :]))
    return None


# "PUTRAJAYA: The government agreed …, said Health Minister X.": a line that names its own speaker after a comma
# is a sentence of the body; the capitals before the colon are its dateline, not a speaker (nor a headline label).
_OWN_REPORT = re.compile(r",[\"”’»]?\s+(?:said|says|told|added|stated|noted|announced)\s+\S", re.IGNORECASE)


def _reports_itself(claim: str) -> bool:
    return _OWN_REPORT.search(claim) is not None


def _headline_method(claim: str) -> str:
    """A claim that is all one quotation is the speaker's words (direct); else a headline's summary of them."""
    claim = claim.rstrip()
    quoted = len(claim) > 2 and claim[0] in _OPENERS and claim[-1] in _CLOSERS and not claim[-2].isspace()
    return "direct:headline" if quoted else "indirect:headline"


class _ProperWords:
    """The words of the article's proper names (collected on first use)."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = {t.text for p in self.paragraphs for t in p.doc if _proper(t)}
        return word in self._words


def _names_speaker(par: Paragraph, start: int, end: int, names: _ProperWords) -> bool:
    """Whether par.text[start:end] names someone: a proper name, an organisation, or a post ("Minister of X").

    A headline's parse is poor ("Rossi" a common noun): a word the article's copy uses in a name counts too."""
    label = par.text[start:end]
    words = label.lower().replace("’", "'").split()
    if not words or words[0] in _PAGE_LABELS or words[-1] in _PAGE_LABELS:
        return False
    tokens = [t for t in par.doc if start <= t.idx < end and not t.is_punct]
    return bool(tokens) and (
        any(t.lemma_.lower() in _SPEAKER_NOUNS for t in tokens)
        or all(_proper(t) for t in tokens if t.is_title)
        or tokens[-1].text in names
    )


def _proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP")


def _candidate(par: Paragraph, m: re.Match[str], method: str) -> Candidate | None:
    line = par.text
    if m.group("label").strip().rstrip(".") in _NOT_SPEAKERS:
        return None
    p_start, p_end = par.offset, par.end
    label_start = p_start + m.start("label")
    label_end = p_start + m.end("label")
    content_start = p_start + m.end()
    content_end = p_end
    if method != "direct:headline":
        while content_end > content_start and line[content_end - 1 - p_start] in _CLOSERS + " ":
            content_end -= 1
    if method == "indirect:headline" and line[content_end - 1 - p_start] == ".":
        content_end -= 1  # a headline's closing full stop is not part of the claim
    if content_end - content_start < 8:
        return None
    # The head of "Ministry of Employment and Labor" is "Ministry": the last word before a function word.
    last_word = re.search(r"[\w'’.-]+$", re.split(r" (?=[a-z])", m.group("label"))[0])
    head = (label_start + last_word.start(), label_end) if last_word else (label_start, label_end)
    return Candidate(
        content=[(content_start, content_end)],
        source=(label_start, label_end),
        # A claim in quotation marks is marked as speech by them: the colon is no cue then, only punctuation.
        cue=None if method == "direct:headline" else (label_end, label_end + 1),
        kind="direct" if method.startswith("direct") else "indirect",
        confidence=0.8 if method.startswith("direct") else 0.5,
        method=method,
        source_head=head,
    )
