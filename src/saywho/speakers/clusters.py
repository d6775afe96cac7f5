"""What every language's speaker resolver shares: clusters of mentions, the timeline of persons, entities.

A `Cluster` gathers the mentions of one speaker in one article. `ClusterBook` keeps the clusters, the timeline
of person mentions outside quotations (for pronouns and role nouns), and turns clusters into the contract's
`Entity` objects. The language-specific resolvers (English: `resolve.py`, Russian: `russian.py`) subclass it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from saywho.attribution.spans import Candidate
from saywho.document import Entity, Role, Span
from saywho.intervals import IntervalIndex
from saywho.speakers.names import clean_org_name, name_words


@dataclass
class Cluster:
    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    canonical: str | None = None  # for GPE/ORG/GROUP: the name to show
    # `mentions` only grows; these follow it (see `_sync`) so that membership and "the last mention before"
    # stay cheap for a speaker quoted thousands of times.
    _seen: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _synced: int = field(default=0, repr=False, compare=False)

    def _sync(self) -> None:
        for span in self.mentions[self._synced :]:
            self._seen.add(span)
            bisect.insort(self._starts, span[0])
        self._synced = len(self.mentions)

    def has_mention(self, span: tuple[int, int]) -> bool:
        self._sync()
        return span in self._seen

    def last_mention_before(self, before: int | None) -> int:
        """The start of the last mention before `before` (of any mention when None); -1 if there is none."""
        self._sync()
        k = len(self._starts) if before is None else bisect.bisect_left(self._starts, before)
        return self._starts[k - 1] if k else -1

    @property
    def full_name(self) -> str:
        if self.canonical or not self.names:
            return self.canonical or ""
        # The first of the names with the most words (one pass: this is read for every comparison of clusters).
        best, most = "", -1
        for name in self.names:
            count = len(name_words(name))
            if count > most:
                best, most = name, count
        return best

    @property
    def surname(self) -> str:
        words = name_words(self.full_name)
        return words[-1] if words else self.full_name

    def titles(self) -> list[str]:
        return [r.title for r in self.roles if r.title]

    def countries(self) -> set[str]:
        return {r.country for r in self.roles if r.country}


class ClusterBook:
    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.quoted = quoted
        self._quoted_index = IntervalIndex((s, e, None) for s, e in quoted)
        self.clusters: list[Cluster] = []
        self.by_key: dict[tuple[str, str], Cluster] = {}
        # (start, end, cluster) of every person mention outside quotations, in text order.
        self.timeline: list[tuple[int, int, Cluster]] = []
        self.hidden: list[tuple[int, int, Cluster]] = []  # the other person mentions, in text order

    def in_quote(self, pos: int) -> bool:
        return next(self._quoted_index.containing(pos, pos + 1), None) is not None

    def on_timeline(self, start: int, end: int, cluster: Cluster) -> None:
        """Record a person mention for later pronouns, unless it is inside someone's quoted words."""
        if not self.in_quote(start):
            bisect.insort(self.timeline, (start, end, cluster), key=lambda x: x[0])
        else:
            self.off_timeline(start, end, cluster)

    def off_timeline(self, start: int, end: int, cluster: Cluster) -> None:
        """Record a person mention no pronoun should reach (quoted, or the addressee of "told X")."""
        bisect.insort(self.hidden, (start, end, cluster), key=lambda x: x[0])

    def persons_within(self, start: int, end: int) -> list[tuple[int, Cluster]]:
        """(start, cluster) of every person mention inside [start, end), on the timeline or not."""
        found = []
        for mentions in (self.timeline, self.hidden):
            first = bisect.bisect_left(mentions, start, key=lambda x: x[0])
            for ms, me, cluster in mentions[first:]:
                if ms >= end:
                    break
                if me <= end:
                    found.append((ms, cluster))
        return found

    def recent_persons(self, before: int, sentence_start: int) -> list[Cluster]:
        """Persons mentioned before `before`, most recent first; those of the same sentence come last."""
        ordered: list[Cluster] = []
        late: list[Cluster] = []
        for s, e, c in sorted(self.timeline, key=lambda x: -x[0]):
            if e > before or c in ordered or c in late:
                continue
            (late if s >= sentence_start else ordered).append(c)
        return ordered + late

    def named(self, type_: str, name: str, alias: str | None = None, clean: bool = True) -> Cluster:
        """The one cluster of a non-person speaker with this name ("Russia", "experts"); `clean=False` keeps an
        organisation's name as given (a capitalised owner in the genitive is part of it)."""
        if type_ == "ORG" and clean:
            name = clean_org_name(name) or name
        key = (type_, name.lower())
        if key not in self.by_key:
            cluster = Cluster(type=type_, canonical=name)
            self.clusters.append(cluster)
            self.by_key[key] = cluster
        cluster = self.by_key[key]
        if alias and alias != name and alias not in cluster.descriptions:
            cluster.descriptions.append(alias)
        return cluster

    def remember(self, cluster: Cluster | None, cand: Candidate) -> Cluster | None:
        """Record the source as a mention of its speaker, so the next pronoun can find it."""
        if cluster is None or cand.source is None:
            return cluster
        if not cluster.has_mention(cand.source):
            cluster.mentions.append(cand.source)
        if cluster.type == "PERSON":
            self.on_timeline(*cand.source, cluster)
        return cluster

    def entities(
        self,
        speakers: list[Cluster | None],
        extra_aliases: Callable[[Cluster], Iterable[str]] = lambda c: (),
    ) -> tuple[list[Entity], list[str | None]]:
        """Every person, and every other cluster that speaks, as entities in order of first mention."""
        order = [c for c in self.clusters if c.type == "PERSON" or c in speakers]
        order.sort(key=lambda c: min((s for s, _ in c.mentions), default=len(self.text)))
        ids = {id(c): f"e{n}" for n, c in enumerate(order, 1)}
        entities = [self._entity(ids[id(c)], c, extra_aliases(c)) for c in order]
        return entities, [ids[id(c)] if c is not None else None for c in speakers]

    def _entity(self, entity_id: str, c: Cluster, extra_aliases: Iterable[str]) -> Entity:
        name = c.full_name
        aliases: list[str] = []
        for alias in [*c.names, *c.descriptions, *extra_aliases]:
            if alias != name and alias not in aliases:
                aliases.append(alias)
        roles: list[Role] = []
        for r in c.roles:
            if all((r.title, r.organization, r.country) != (x.title, x.organization, x.country) for x in roles):
                roles.append(r)
        mentions = [Span.of(self.text, s, e) for s, e in sorted(set(c.mentions))]
        return Entity(id=entity_id, name=name, type=c.type, aliases=aliases, roles=roles, mentions=mentions)
