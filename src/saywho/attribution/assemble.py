"""Turn resolved candidates into the contract's `Attribution` objects (shared by every language pipeline)."""

from __future__ import annotations

from collections.abc import Sequence

from saywho.attribution.spans import Candidate
from saywho.document import Attribution, Span


def build_attributions(text: str, candidates: Sequence[Candidate], speakers: Sequence[str | None]) -> list[Attribution]:
    return [
        Attribution(
            id=f"a{n}",
            source=Span.of(text, *c.source, c.span_confidence.get("source")) if c.source else None,
            cue=Span.of(text, *c.cue, c.span_confidence.get("cue")) if c.cue else None,
            content=[Span.of(text, s, e, conf) for (s, e), conf in zip(c.content, _content_confidence(c), strict=True)],
            kind=c.kind,
            speaker=speaker,
            confidence=c.confidence,
            method=c.method,
        )
        for n, (c, speaker) in enumerate(zip(candidates, speakers, strict=True), 1)
    ]


def _content_confidence(c: Candidate) -> list[float | None]:
    confs = c.span_confidence.get("content")
    return list(confs) if confs is not None and len(confs) == len(c.content) else [None] * len(c.content)
