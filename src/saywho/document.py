"""The data model of one analysed article and its JSON form ("saywho/article/v1", docs/output-contract.md).

Every fact points back to characters of `Article.text` through a `Span`; `Span.text` is always
`text[start:end]`, which `Article.validate()` checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "saywho/article/v1"

KINDS = ("direct", "mixed", "indirect")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "GROUP")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    text: str
    # How sure the model that found this span is (the learned tagger's mean marginal probability over its
    # tokens); None where no model scored the span (rules), and then absent from the JSON.
    confidence: float | None = field(default=None, compare=False)

    @classmethod
    def of(cls, text: str, start: int, end: int, confidence: float | None = None) -> Span:
        return cls(start, end, text[start:end], confidence)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        conf = data.get("confidence")
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), None if conf is None else float(conf))


@dataclass
class Role:
    title: str | None = None
    organization: str | None = None
    country: str | None = None

    def is_empty(self) -> bool:
        return not (self.title or self.organization or self.country)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization, "country": self.country}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Role:
        return cls(data.get("title"), data.get("organization"), data.get("country"))


@dataclass
class Entity:
    id: str
    name: str
    type: str = "PERSON"
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": [r.to_json() for r in self.roles],
            "mentions": [m.to_json() for m in self.mentions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data.get("type", "PERSON"),
            aliases=list(data.get("aliases") or []),
            roles=[Role.from_json(r) for r in data.get("roles") or []],
            mentions=[Span.from_json(m) for m in data.get("mentions") or []],
        )


STANCES = ("support", "oppose", "conditional", "neutral", "unknown")
SPEECH_ACTS = ("statement", "assessment", "demand", "offer", "warning", "denial", "promise", "unknown")


@dataclass
class IssueStance:
    """One issue a statement is about, and the speaker's position on it."""

    issue: str  # a label of the issue taxonomy, e.g. "peace treaty"
    stance: str = "unknown"  # one of STANCES; "unknown" rather than a guess
    condition: Span | None = None  # "only if Japan eases the sanctions regime" for a conditional stance
    confidence: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return {
            "issue": self.issue,
            "stance": self.stance,
            "condition": self.condition.to_json() if self.condition else None,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IssueStance:
        cond = data.get("condition")
        return cls(
            data["issue"],
            data.get("stance", "unknown"),
            Span.from_json(cond) if cond else None,
            float(data.get("confidence", 0.5)),
        )


@dataclass
class TimeRef:
    """A temporal expression in a statement, resolved against the article's date when possible."""

    span: Span
    value: str | None = None  # ISO 8601: "2025-05", "2022", "2026-11-23", or "START/END" for a range
    granularity: str = "unknown"  # day | week | month | season | year | range | unknown

    def to_json(self) -> dict[str, Any]:
        return {**self.span.to_json(), "value": self.value, "granularity": self.granularity}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TimeRef:
        return cls(Span.from_json(data), data.get("value"), data.get("granularity", "unknown"))


@dataclass
class Attribution:
    id: str
    content: list[Span]
    source: Span | None = None
    cue: Span | None = None
    kind: str = "indirect"
    speaker: str | None = None
    confidence: float = 0.5
    # Which rule or model produced it: lets a user see why a decision was made.
    method: str = ""
    issues: list[IssueStance] = field(default_factory=list)
    speech_act: str | None = None  # one of SPEECH_ACTS when classified
    times: list[TimeRef] = field(default_factory=list)

    @property
    def start(self) -> int:
        spans = [s for s in (self.source, self.cue, *self.content) if s is not None]
        return min(s.start for s in spans)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_json() if self.source else None,
            "cue": self.cue.to_json() if self.cue else None,
            "content": [c.to_json() for c in self.content],
            "kind": self.kind,
            "speaker": self.speaker,
            "confidence": round(self.confidence, 3),
            "method": self.method,
            "issues": [i.to_json() for i in self.issues],
            "speech_act": self.speech_act,
            "times": [t.to_json() for t in self.times],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Attribution:
        content = data.get("content") or []
        if isinstance(content, dict):
            content = [content]
        return cls(
            id=data["id"],
            source=Span.from_json(data["source"]) if data.get("source") else None,
            cue=Span.from_json(data["cue"]) if data.get("cue") else None,
            content=[Span.from_json(c) for c in content],
            kind=data.get("kind", "indirect"),
            speaker=data.get("speaker"),
            confidence=float(data.get("confidence", 0.5)),
            method=data.get("method", ""),
            issues=[IssueStance.from_json(i) for i in data.get("issues") or [] if isinstance(i, dict)],
            speech_act=data.get("speech_act"),
            times=[TimeRef.from_json(t) for t in data.get("times") or []],
        )


@dataclass
class ArticleMeta:
    title: str | None = None
    section: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date when known; never the run's date
    language: str | None = None  # ISO 639-1
    translated_from: str | None = None  # ISO 639-1
    translator: str | None = None  # machine-translation service credited by the text
    publisher: str | None = None
    source_path: str | None = None  # where the input came from (file path), not part of the contract

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "section": self.section,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "translated_from": self.translated_from,
            "translator": self.translator,
            "publisher": self.publisher,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleMeta:
        known = {k: data.get(k) for k in cls.__dataclass_fields__ if k != "source_path"}
        return cls(**known)


@dataclass
class Article:
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def speaker_of(self, attribution: Attribution) -> Entity | None:
        return self.entity(attribution.speaker)

    def validate(self) -> None:
        """Raise ValueError if any span does not point at its own text (the contract's first rule)."""
        for span in self._spans():
            if not (0 <= span.start <= span.end <= len(self.text)) or self.text[span.start : span.end] != span.text:
                raise ValueError(f"span {span.start}:{span.end} {span.text!r} does not match the text")
            if span.confidence is not None and not 0.0 <= span.confidence <= 1.0:
                raise ValueError(f"span {span.start}:{span.end} has confidence {span.confidence} outside [0, 1]")
        ids = {e.id for e in self.entities}
        for a in self.attributions:
            if a.speaker is not None and a.speaker not in ids:
                raise ValueError(f"attribution {a.id} names unknown speaker {a.speaker}")
            if a.kind not in KINDS:
                raise ValueError(f"attribution {a.id} has unknown kind {a.kind}")

    def _spans(self) -> list[Span]:
        spans: list[Span] = []
        for a in self.attributions:
            spans.extend(s for s in (a.source, a.cue) if s is not None)
            spans.extend(a.content)
            spans.extend(i.condition for i in a.issues if i.condition is not None)
            spans.extend(t.span for t in a.times)
        for e in self.entities:
            spans.extend(e.mentions)
        return spans

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "text": self.text,
            "article": self.meta.to_json(),
            "attributions": [a.to_json() for a in self.attributions],
            "entities": [e.to_json() for e in self.entities],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
        return cls(
            text=data["text"],
            meta=ArticleMeta.from_json(data.get("article") or {}),
            attributions=[Attribution.from_json(a) for a in data.get("attributions") or []],
            entities=[Entity.from_json(e) for e in data.get("entities") or []],
        )
