"""Tag each attribution with the issues its content is about.

Evidence, strongest first (each issue keeps its best):

* a strong taxonomy pattern inside the content (confidence 0.85, 0.9 with two or more mentions);
* a weak pattern inside the content whose support (context) occurs in its scope, paragraph or article (0.6);
* an anaphor in the content that points back ("for this", "on this issue", "to this end"): the strong mentions of
  the sentence before, or of the rest of the sentence (0.45);
* only when the content names no issue at all: strong mentions in the rest of the sentence around it, outside the
  source and cue (0.4).

An issue is dropped when one of its descendants is also tagged (the more specific label says it). Precision comes
first: nothing is inferred from the speaker or the article's topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from saywho.document import Article, Attribution, IssueStance
from saywho.issues.taxonomy import Mention, Taxonomy
from saywho.segment import SentenceIndex

CONTENT = 0.85
CONTENT_REPEATED = 0.9
WEAK = 0.6
ANAPHOR = 0.45
SENTENCE = 0.4
DEFAULT_MIN_CONFIDENCE = 0.4

# Phrases that point back to what the previous sentence was about.
ANAPHORS = re.compile(
    r"\b(?:for (?:this|that)(?: purpose)?|to (?:this|that) end|to do (?:this|so)|for this to happen"
    r"|(?:on|in|of|regarding) (?:this|that) (?:issue|matter|question|problem|topic|subject|score)"
    r"|(?:this|that) (?:issue|matter|question|problem|goal))\b",
    re.IGNORECASE,
)
_RU_ANAPHORS = re.compile(
    r"(?<!\w)(?:для этого|ради этого|по этому вопросу|в этом вопросе|эт(?:от|ого|ому|им) вопрос\w*)(?!\w)",
    re.IGNORECASE,
)


@dataclass
class IssueTag:
    label: str
    confidence: float
    mentions: list[Mention] = field(default_factory=list)  # in the content; empty for anaphor/sentence evidence
    evidence: str = "content"  # content | weak | anaphor | sentence


class ArticleContext:
    """Per-article lookups shared by every attribution: sentences, paragraphs, weak-rule support."""

    def __init__(self, article: Article, taxonomy: Taxonomy) -> None:
        self.article = article
        self.text = article.text
        self.taxonomy = taxonomy
        self.language = article.meta.language
        self.index = SentenceIndex(article.text)
        self._support: dict[tuple[str, int, int, int], bool] = {}
        self._found: dict[tuple[int, int], list[Mention]] = {}
        self._found_weak: dict[tuple[int, int], list[Mention]] = {}

    def find(self, start: int, end: int) -> list[Mention]:
        """Strong mentions in `text[start:end]` (memoised)."""
        key = (start, end)
        if key not in self._found:
            self._found[key] = self.taxonomy.find(self.text, start, end, self.language)
        return self._found[key]

    def find_weak(self, start: int, end: int) -> list[Mention]:
        """Weak mentions in `text[start:end]` whose rule's support occurs in its scope (memoised)."""
        key = (start, end)
        if key not in self._found_weak:
            self._found_weak[key] = [
                mention
                for mention, rule in self.taxonomy.find_weak(self.text, start, end, self.language)
                if self.supported(mention, rule, *self.scope(rule, mention.start))
            ]
        return self._found_weak[key]

    def supported(self, mention: Mention, rule, scope_start: int, scope_end: int) -> bool:  # type: ignore[no-untyped-def]
        key = (mention.label, id(rule), scope_start, scope_end)
        if key not in self._support:
            self._support[key] = self.taxonomy.supported(
                mention.label, rule, self.text, scope_start, scope_end, self.language
            )
        return self._support[key]

    def scope(self, rule, offset: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        if rule.scope == "article":
            return 0, len(self.text)
        par = self.index.paragraph_of(offset)
        return par if par else (0, len(self.text))


def tag_issues(article: Article, taxonomy: Taxonomy, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> None:
    """Set `issues` of every attribution of `article` (stance left "unknown"; see `saywho.issues.stance`)."""
    ctx = ArticleContext(article, taxonomy)
    for attribution in article.attributions:
        tags = tag_attribution(ctx, attribution, min_confidence=min_confidence)
        attribution.issues = [IssueStance(t.label, "unknown", None, t.confidence) for t in tags]


def tag_attribution(ctx: ArticleContext, attribution: Attribution, *, min_confidence: float = 0.0) -> list[IssueTag]:
    """The issues of one attribution, most confident first (ties in text order)."""
    tax, text = ctx.taxonomy, ctx.text
    tags: dict[str, IssueTag] = {}

    def add(label: str, confidence: float, evidence: str, mention: Mention | None = None) -> None:
        tag = tags.get(label)
        if tag is None:
            tag = tags[label] = IssueTag(label, confidence, [], evidence)
        elif confidence > tag.confidence:
            tag.confidence, tag.evidence = confidence, evidence
        if mention is not None:
            tag.mentions.append(mention)

    strong: list[Mention] = []
    for span in attribution.content:
        strong.extend(ctx.find(span.start, span.end))
        for mention in ctx.find_weak(span.start, span.end):
            add(mention.label, WEAK, "weak", mention)
    for m in strong:
        add(m.label, CONTENT, "content", m)
    for tag in tags.values():
        if tag.evidence == "content" and _distinct([m for m in tag.mentions if not m.weak]) > 1:
            tag.confidence = CONTENT_REPEATED

    for label in _anaphoric_labels(ctx, attribution):
        add(label, ANAPHOR, "anaphor")

    if not tags:
        for label in _sentence_labels(ctx, attribution):
            add(label, SENTENCE, "sentence")

    # The most specific label wins: drop an issue when one of its descendants is tagged.
    redundant = {a for label in tags for a in tax.ancestors(label)}
    kept = [t for t in tags.values() if t.label not in redundant and t.confidence >= min_confidence]
    first = {t.label: min((m.start for m in t.mentions), default=len(text)) for t in kept}
    return sorted(kept, key=lambda t: (-round(t.confidence, 3), first[t.label], t.label))


def _distinct(mentions: list[Mention]) -> int:
    """How many separate places the mentions cover (overlapping mentions count once)."""
    count, end = 0, -1
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.start >= end:
            count += 1
        end = max(end, m.end)
    return count


def issue_mentions(ctx: ArticleContext, attribution: Attribution, label: str) -> list[Mention]:
    """Strong and supported weak mentions of `label` (or of its descendants) in the attribution's content."""
    wanted = {label, *ctx.taxonomy.descendants(label)}
    out: list[Mention] = []
    for span in attribution.content:
        out.extend(m for m in ctx.find(span.start, span.end) if m.label in wanted)
        out.extend(m for m in ctx.find_weak(span.start, span.end) if m.label in wanted)
    return sorted(out, key=lambda m: (m.start, m.end))


def _anaphoric_labels(ctx: ArticleContext, attribution: Attribution) -> list[str]:
    """Issues named just before an anaphor of the content ("for this, they must ..." after "... a deal")."""
    pattern = _RU_ANAPHORS if ctx.language == "ru" else ANAPHORS
    own = [s for s in (attribution.source, attribution.cue) if s is not None]  # the speaker is not the topic
    labels: list[str] = []
    for span in attribution.content:
        for m in pattern.finditer(ctx.text, span.start, span.end):
            i = ctx.index.sentence_index(m.start())
            if i is None:
                continue
            s_start, _ = ctx.index.sentences[i]
            # Earlier in the same sentence (outside the content), else the sentence before, in the same paragraph.
            ranges = [(s_start, min(m.start(), span.start))] if s_start < span.start else []
            par = ctx.index.paragraph_of(m.start())
            if i > 0 and par and ctx.index.sentences[i - 1][0] >= par[0]:
                ranges.append(ctx.index.sentences[i - 1])
            for start, end in ranges:
                found = [
                    mm.label
                    for mm in ctx.find(start, end)
                    if not any(mm.start < sp.end and sp.start < mm.end for sp in own)
                ]
                if found:
                    labels.extend(found)
                    break
    return list(dict.fromkeys(labels))


def _sentence_labels(ctx: ArticleContext, attribution: Attribution) -> list[str]:
    """Strong mentions in the sentences around the attribution, outside its content, source and cue."""
    spans = [s for s in (attribution.source, attribution.cue, *attribution.content) if s is not None]
    if not spans:
        return []
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    labels: list[str] = []
    for i in ctx.index.sentences_overlapping(start, end):
        s, e = ctx.index.sentences[i]
        for m in ctx.find(s, e):
            if not any(m.start < sp.end and sp.start < m.end for sp in spans):
                labels.append(m.label)
    return list(dict.fromkeys(labels))
