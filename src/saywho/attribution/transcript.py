"""Speaker labels: interview transcripts (`WALLACE: Let's start ...`) and headline attributions (`Poll: X leads`).

The label is the source, the colon the cue, and the rest of the paragraph the content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from saywho.attribution.spans import Candidate
from saywho.nlp.english import Paragraph

# An upper-case label, optionally behind the opening mark transcripts repeat on every paragraph.
_TRANSCRIPT_RE = re.compile(r"[\"“]?(?P<label>[A-Z][A-Z.'’\- ]{1,38}[A-Z.]):[ \t]+(?=\S)")
# A headline "Name: claim" — a short capitalised label of at most four words.
_HEADLINE_RE = re.compile(r"(?P<label>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):[ \t]+(?=[A-Z\"“‘'])")
_CLOSERS = "\"”’'"
_NOT_SPEAKERS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "WATCH", "READ MORE", "PHOTO", "VIDEO", "Q", "A"}


def find_labelled(paragraphs: list[Paragraph]) -> Iterator[Candidate]:
    first = True
    for par in paragraphs:
        line = par.text
        p_start, p_end = par.offset, par.end
        m = _TRANSCRIPT_RE.match(line)
        method = "direct:transcript"
        if m is None and first:
            m = _HEADLINE_RE.match(line)
            method = "indirect:headline"
        first = False
        if m is None or m.group("label").strip().rstrip(".") in _NOT_SPEAKERS:
            continue
        label_start = p_start + m.start("label")
        label_end = p_start + m.end("label")
        content_start = p_start + m.end()
        content_end = p_end
        while content_end > content_start and line[content_end - 1 - p_start] in _CLOSERS + " ":
            content_end -= 1
        if method == "indirect:headline" and line[content_end - 1 - p_start] == ".":
            content_end -= 1  # a headline's closing full stop is not part of the claim
        if content_end - content_start < 8:
            continue
        last_word = re.search(r"[\w'’.-]+$", m.group("label"))
        head = (label_start + last_word.start(), label_end) if last_word else (label_start, label_end)
        yield Candidate(
            content=[(content_start, content_end)],
            source=(label_start, label_end),
            cue=(label_end, label_end + 1),
            kind="direct" if method.startswith("direct") else "indirect",
            confidence=0.8 if method.startswith("direct") else 0.5,
            method=method,
            source_head=head,
        )
