"""Turn resolved candidates into the contract's `Attribution` objects (shared by every language pipeline)."""

from __future__ import annotations

from collections.abc import Sequence

from saywho.attribution.spans import Candidate
from saywho.document import Attribution, Span


def build_attributions(text: str, candidates: Sequence[Candidate], speakers: Sequence[str | None]) -> list[Attribution]:
    return [
        Attribution(
            id=f"a{n}",
            source=Span.of(text, *c.source) if c.source else None,
            cue=Span.of(text, *c.cue) if c.cue else None,
            content=[Span.of(text, s, e) for s, e in c.content],
            kind=c.kind,
            speaker=speaker,
            confidence=c.confidence,
            method=c.method,
        )
        for n, (c, speaker) in enumerate(zip(candidates, speakers, strict=True), 1)
    ]
