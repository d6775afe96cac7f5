"""Across languages: is one analysed article a translation of another, and are two entities one actor?

`translation_alignment` compares what survives translation: who speaks (names matched across scripts), the
numbers and dates written in digits, and the order in which the speakers take their turns.
"""

from __future__ import annotations

import re
from collections import Counter

from saywho.document import Article, Attribution, Entity
from saywho.speakers.translit import same_person_name

_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?")
# Weights of the evidence; the number score is left out when neither text has a number.
_WEIGHTS = {"speakers": 0.35, "order": 0.25, "numbers": 0.25, "count": 0.15}


def same_entity(a: Entity, b: Entity) -> bool:
    """One actor in two analyses, whatever the script: persons by name, other entities by a shared name."""
    if a.type != b.type and "PERSON" in (a.type, b.type):
        return False
    if a.type == "PERSON":
        names_a = [a.name, *[x for x in a.aliases if x[:1].isupper()]]
        names_b = [b.name, *[x for x in b.aliases if x[:1].isupper()]]
        if same_person_name(a.name, b.name):
            return True
        return any(same_person_name(x, y) for x in names_a for y in names_b if len(x.split()) > 1 or len(y.split()) > 1)
    keys_a = {x.lower() for x in (a.name, *a.aliases)}
    return bool(keys_a & {x.lower() for x in (b.name, *b.aliases)})


def _speakers(article: Article) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for att in article.attributions:
        entity = article.speaker_of(att)
        if entity is not None and entity.id not in seen:
            seen[entity.id] = entity
    return list(seen.values())


def match_speakers(a: Article, b: Article) -> dict[str, str]:
    """A one-to-one map from `a`'s speaker ids to the ids of the same actors among `b`'s speakers."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for ea in _speakers(a):
        for eb in _speakers(b):
            if eb.id not in taken and same_entity(ea, eb):
                mapping[ea.id] = eb.id
                taken.add(eb.id)
                break
    return mapping


def numbers(text: str) -> Counter[str]:
    """Numbers written in digits, with "108,1" and "108.1" read alike."""
    return Counter(m.group().replace(",", ".") for m in _NUMBER_RE.finditer(text))


def _lcs(x: list[str], y: list[str]) -> int:
    prev = [0] * (len(y) + 1)
    for a in x:
        cur = [0]
        for j, b in enumerate(y, 1):
            cur.append(prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def _turns(atts: list[Attribution]) -> list[str]:
    """Speaker ids in text order, repeated turns of one speaker collapsed."""
    out: list[str] = []
    for att in sorted(atts, key=lambda t: t.start):
        if att.speaker and (not out or out[-1] != att.speaker):
            out.append(att.speaker)
    return out


def alignment_evidence(a: Article, b: Article) -> dict[str, float]:
    """The parts of `translation_alignment`, each in [0, 1]."""
    mapping = match_speakers(a, b)
    speakers_a, speakers_b = _speakers(a), _speakers(b)
    evidence: dict[str, float] = {}
    most = max(len(speakers_a), len(speakers_b))
    evidence["speakers"] = len(mapping) / most if most else 0.0
    turns_a = [mapping[s] for s in _turns(a.attributions) if s in mapping]
    turns_b = [s for s in _turns(b.attributions) if s in mapping.values()]
    longest = max(len(_turns(a.attributions)), len(_turns(b.attributions)))
    evidence["order"] = _lcs(turns_a, turns_b) / longest if longest else 0.0
    na, nb = numbers(a.text), numbers(b.text)
    if na or nb:
        evidence["numbers"] = sum((na & nb).values()) / sum((na | nb).values())
    count_a, count_b = len(a.attributions), len(b.attributions)
    evidence["count"] = min(count_a, count_b) / max(count_a, count_b) if max(count_a, count_b) else 0.0
    return evidence


def translation_alignment(a: Article, b: Article) -> float:
    """How likely two analysed articles (usually in different languages) are translations of each other, in
    [0, 1]: the same speakers across scripts, the same numbers and dates, the same order of statements."""
    evidence = alignment_evidence(a, b)
    total = sum(_WEIGHTS[k] for k in evidence)
    return round(sum(_WEIGHTS[k] * v for k, v in evidence.items()) / total, 3) if total else 0.0
