"""Resolve every attribution's source to a canonical speaker.

Person names are clustered (full name, surname alone, transliteration variants); pronouns and role nouns
("he", "the diplomat", "the Russian president") go to the most recent compatible person outside quotations;
capitals stand for their states ("Moscow" -> Russia); organisations and unnamed groups ("experts") become
ORG and GROUP speakers.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token

from saywho.attribution.spans import Candidate
from saywho.document import Entity, Role, Span
from saywho.nlp.english import Paragraph
from saywho.speakers.mentions import PersonMention, person_mentions, role_around
from saywho.speakers.names import clean_name, name_words, same_name
from saywho.speakers.roles import COUNTRIES, SEATS_OF_GOVERNMENT, country_of

# Role nouns and the title words a person must have (or lack any title) to be their referent.
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "diplomat": ("foreign", "ambassador", "envoy", "diplomat", "consul", "secretary of state"),
    "minister": ("minister",),
    "president": ("president",),
    "premier": ("prime minister", "premier"),
    "spokesman": ("spokes", "press secretary", "press officer"),
    "spokeswoman": ("spokes", "press secretary", "press officer"),
    "spokesperson": ("spokes", "press secretary", "press officer"),
    "secretary": ("secretary",),
    "senator": ("senator", "sen."),
    "governor": ("governor",),
    "mayor": ("mayor",),
    "ambassador": ("ambassador",),
    "lawmaker": ("senator", "representative", "deputy", "congress", "lawmaker", "mp", "member of"),
    "congressman": ("representative", "congress"),
    "congresswoman": ("representative", "congress"),
    "candidate": ("candidate", "nominee"),
    "nominee": ("candidate", "nominee"),
    "chairman": ("chair",),
    "chairwoman": ("chair",),
    "leader": ("leader", "president", "prime minister", "chair", "head"),
    "official": (),
    "expert": ("researcher", "expert", "analyst", "professor", "director", "fellow", "scientist", "scholar"),
    "analyst": ("analyst", "researcher", "expert", "fellow"),
    "researcher": ("researcher", "fellow", "scientist"),
    "scholar": ("researcher", "professor", "scholar", "fellow"),
    "professor": ("professor",),
    "economist": ("economist",),
    "politician": (),
    "businessman": (),
    "billionaire": (),
    "general": ("general",),
    "attorney": ("attorney", "lawyer", "prosecutor"),
    "lawyer": ("attorney", "lawyer"),
    "director": ("director",),
    "head": ("head", "chief", "director"),
    "chief": ("chief", "head"),
}
_FEMALE_NOUNS = frozenset(["spokeswoman", "chairwoman", "congresswoman", "businesswoman"])
_MALE_NOUNS = frozenset(["spokesman", "chairman", "congressman", "businessman"])
# Heads of organisation sources ("the ministry said"), besides what NER tags ORG.
ORG_HEADS = frozenset(
    [
        "kremlin",
        "ministry",
        "government",
        "department",
        "office",
        "committee",
        "commission",
        "agency",
        "administration",
        "campaign",
        "embassy",
        "council",
        "parliament",
        "cabinet",
        "court",
        "party",
        "service",
        "bureau",
        "institute",
        "center",
        "centre",
        "university",
        "company",
        "corporation",
        "bank",
        "poll",
        "survey",
        "study",
        "report",
        "statement",
        "newspaper",
        "network",
        "union",
        "alliance",
        "news",
        "times",
        "post",
        "journal",
        "press",
        "agency",
        "group",
        "fund",
        "foundation",
        "association",
        "organization",
        "organisation",
        "club",
        "team",
        "house",
        "inc",
        "corp",
        "ltd",
        "llc",
        "co",
    ]
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL_PRONOUNS = frozenset(["they", "them", "we", "us"])


@dataclass
class Cluster:
    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    canonical: str | None = None  # for GPE/ORG/GROUP: the name to show

    @property
    def full_name(self) -> str:
        if self.canonical:
            return self.canonical
        return max(self.names, key=lambda n: (len(name_words(n)), -self.names.index(n)))

    @property
    def surname(self) -> str:
        return name_words(self.full_name)[-1] if name_words(self.full_name) else self.full_name

    def titles(self) -> str:
        return " ".join(r.title or "" for r in self.roles).lower()

    def countries(self) -> set[str]:
        return {r.country for r in self.roles if r.country}


class SpeakerResolver:
    def __init__(
        self,
        text: str,
        paragraphs: list[Paragraph],
        quoted: list[tuple[int, int]],
        not_persons: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        # Names known not to be people (the publisher: "told X" makes NER call X a person).
        self.not_persons = {n.lower() for n in not_persons}
        self.paragraphs = paragraphs
        self.starts = [p.offset for p in paragraphs]
        self.quoted = quoted
        self.clusters: list[Cluster] = []
        self.by_key: dict[tuple[str, str], Cluster] = {}
        # (char position, cluster) for every person mention outside quotations, in text order.
        self.timeline: list[tuple[int, int, Cluster]] = []
        for mention in person_mentions(paragraphs):
            self._add_person_mention(mention)

    # -- persons ---------------------------------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _match_person(self, name: str, before: int | None = None) -> Cluster | None:
        words = name_words(name)
        if not words:
            return None
        persons = [c for c in self.clusters if c.type == "PERSON"]
        if len(words) >= 2:
            for c in persons:
                full = name_words(c.full_name)
                if len(full) >= 2 and same_name(full[0], words[0]) and same_name(full[-1], words[-1]):
                    return c
            # A surname seen alone first, its full name later.
            for c in persons:
                if len(name_words(c.full_name)) == 1 and same_name(c.surname, words[-1]):
                    return c
            return None
        matches = [c for c in persons if same_name(c.surname, words[0])]
        if not matches:
            matches = [
                c
                for c in persons
                if len(name_words(c.full_name)) >= 2 and same_name(name_words(c.full_name)[0], words[0])
            ]
        if not matches:
            return None
        return max(matches, key=lambda c: max((s for s, _ in c.mentions if before is None or s < before), default=-1))

    def _add_person_mention(self, m: PersonMention) -> Cluster | None:
        if m.name.lower() in self.not_persons:
            return None
        cluster = self._match_person(m.name, m.start)
        if cluster is None:
            cluster = Cluster(type="PERSON")
            self.clusters.append(cluster)
        cluster.names.append(m.name)
        cluster.mentions.append((m.start, m.end))
        if m.role is not None and not m.role.is_empty():
            cluster.roles.append(m.role)
        cluster.gender = cluster.gender or m.gender
        if not self._in_quote(m.start):
            self.timeline.append((m.start, m.end, cluster))
            self.timeline.sort(key=lambda x: x[0])
        return cluster

    def _recent_persons(self, before: int, sentence_start: int) -> list[Cluster]:
        """Persons mentioned before `before` (outside quotations), most recent first; same-sentence ones last."""
        earlier = [(s, c) for s, e, c in self.timeline if e <= before]
        ordered: list[Cluster] = []
        late: list[Cluster] = []
        for s, c in sorted(earlier, key=lambda x: -x[0]):
            target = late if s >= sentence_start else ordered
            if c not in ordered and c not in late:
                target.append(c)
        return ordered + late

    # -- other speakers --------------------------------------------------------------------------------
    def _named(self, type_: str, name: str, alias: str | None = None) -> Cluster:
        key = (type_, name.lower())
        if key not in self.by_key:
            cluster = Cluster(type=type_, canonical=name)
            self.clusters.append(cluster)
            self.by_key[key] = cluster
        cluster = self.by_key[key]
        if alias and alias != name and alias not in cluster.descriptions:
            cluster.descriptions.append(alias)
        return cluster

    # -- resolution ------------------------------------------------------------------------------------
    def resolve(self, cand: Candidate) -> Cluster | None:
        if cand.source is None:
            return None
        s, e = cand.source
        head = self._token_at(cand.source_head) if cand.source_head else None
        source_text = self.text[s:e]
        sentence_start = (self._paragraph_offset(s) + head.sent.start_char) if head is not None else s

        # A name inside the source span.
        inside = [(ms, c) for ms, me, c in self.timeline if s <= ms and me <= e]
        inside += [(ms, c) for c in self.clusters if c.type == "PERSON" for ms, me in c.mentions if s <= ms and me <= e]
        if inside:
            hs = cand.source_head[0] if cand.source_head else s
            inside.sort(key=lambda x: (abs(x[0] - hs), x[0]))
            return self._remember(inside[0][1], cand)
        if head is None:
            return None
        word = head.lower_
        if head.pos_ == "PRON" or word in _PRONOUN_GENDER or word in _PLURAL_PRONOUNS:
            return self._remember(self._pronoun(head, s, sentence_start), cand)
        if self._seat(head) or (head.pos_ == "PROPN" and head.lower_ in COUNTRIES):
            return self._state(head, source_text)
        if head.pos_ == "PROPN":
            name = clean_name(self._compound_name(head))
            # NER often tags a foreign person's name ORG or GPE: a name already known as a person wins.
            cluster = self._match_person(name, s)
            if cluster is not None:
                if name not in cluster.names:
                    cluster.names.append(name)  # a spelling variant ("Kaddafi" for "Qaddafi") is an alias
                self._add_role(cluster, head)
                return self._remember(cluster, cand)
            if head.ent_type_ in ("GPE", "LOC", "NORP"):
                return self._state(head, source_text)
            if (head.ent_type_ in ("ORG", "FAC") and not _looks_like_person(name)) or _looks_like_org(name):
                return self._named("ORG", _strip_determiner(self._entity_text(head)), _strip_determiner(source_text))
            if name_words(name) and name.lower() not in self.not_persons:
                cluster = self._add_person_mention(PersonMention(s, e, name, None, sentence_start))
                if cluster is not None:
                    self._add_role(cluster, head)
                return self._remember(cluster, cand)
        if head.ent_type_ in ("GPE", "LOC", "NORP"):
            return self._state(head, source_text)
        if head.ent_type_ in ("ORG", "FAC") or word in ORG_HEADS:
            return self._named("ORG", _strip_determiner(source_text), _strip_determiner(source_text))
        if head.tag_ in ("NNS", "NNPS") or word in ("people", "public"):
            return self._named("GROUP", _strip_determiner(source_text).lower())
        if word in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS:
            cluster = self._role_noun(head, source_text, s, sentence_start)
            if cluster is not None:
                return self._remember(cluster, cand)
        return self._named("PERSON" if word in ROLE_NOUNS else "GROUP", _strip_determiner(source_text))

    def _remember(self, cluster: Cluster | None, cand: Candidate) -> Cluster | None:
        """Record the source as a mention of its speaker, so the next pronoun can find it."""
        if cluster is None or cand.source is None:
            return cluster
        s, e = cand.source
        if (s, e) not in cluster.mentions:
            cluster.mentions.append((s, e))
        if cluster.type == "PERSON" and not self._in_quote(s):
            self.timeline.append((s, e, cluster))
            self.timeline.sort(key=lambda x: x[0])
        return cluster

    def _add_role(self, cluster: Cluster, head: Token) -> None:
        """Roles written around a name that NER missed: "Yumi Tanaka, director of the Center ..."."""
        first = min([head.i] + [c.i for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
        role = role_around(head.doc[first : head.i + 1])
        if role is not None and all(role.title != r.title for r in cluster.roles):
            cluster.roles.append(role)

    def _pronoun(self, head: Token, start: int, sentence_start: int) -> Cluster | None:
        word = head.lower_
        if word in _PLURAL_PRONOUNS or word in ("i", "me", "you", "it"):
            return None
        gender = _PRONOUN_GENDER.get(word)
        for cluster in self._recent_persons(start, sentence_start):
            if gender and cluster.gender and cluster.gender != gender:
                continue
            if gender and cluster.gender is None:
                cluster.gender = gender
            return cluster
        return None

    def _role_noun(self, head: Token, description: str, start: int, sentence_start: int) -> Cluster | None:
        noun = head.lower_ if head.lower_ in ROLE_NOUNS else head.lemma_.lower()
        keys = ROLE_NOUNS[noun]
        country = country_of(" ".join(t.text for t in head.lefts))
        candidates = self._recent_persons(start, sentence_start)[:6]

        def compatible(c: Cluster) -> bool:
            if country and c.countries() and country not in c.countries():
                return False
            if noun in _FEMALE_NOUNS and c.gender == "m" or noun in _MALE_NOUNS and c.gender == "f":
                return False
            return True

        titled = [c for c in candidates if compatible(c) and keys and any(k in c.titles() for k in keys)]
        untitled = [c for c in candidates if compatible(c) and not c.roles]
        chosen = titled[0] if titled else (untitled[0] if untitled else None)
        if chosen is None and not keys and candidates:
            chosen = candidates[0]
        if chosen is not None:
            # Keep the description as written, sentence-initial "The" lowered: "the Russian president".
            description = description[:1].lower() + description[1:] if description[:4] == "The " else description
            if description not in chosen.descriptions:
                chosen.descriptions.append(description)
            if not chosen.roles:
                title = noun.capitalize() if noun not in ("official", "politician") else noun
                chosen.roles.append(Role(title=title, country=country))
        return chosen

    def _state(self, head: Token, source_text: str) -> Cluster:
        name = self._entity_text(head)
        low = _strip_determiner(name).lower()
        country = SEATS_OF_GOVERNMENT.get(low) or COUNTRIES.get(low)
        if country is None:
            return self._named("GPE", _strip_determiner(name, lower=False))
        return self._named("GPE", country, _strip_determiner(name, lower=False))

    def _seat(self, head: Token) -> bool:
        return head.lower_ in SEATS_OF_GOVERNMENT and head.text[:1].isupper()

    # -- token helpers ---------------------------------------------------------------------------------
    def _paragraph_offset(self, char: int) -> int:
        k = bisect.bisect_right(self.starts, char) - 1
        return self.paragraphs[k].offset if k >= 0 else 0

    def _token_at(self, span: tuple[int, int]) -> Token | None:
        k = bisect.bisect_right(self.starts, span[0]) - 1
        if k < 0:
            return None
        par = self.paragraphs[k]
        for t in par.doc:
            if par.offset + t.idx == span[0]:
                return t
        return None

    def _entity_text(self, head: Token) -> str:
        for ent in head.doc.ents:
            if ent.start <= head.i < ent.end:
                return ent.text
        return self._compound_name(head)

    @staticmethod
    def _compound_name(head: Token) -> str:
        toks = [head]
        for c in sorted(head.children, key=lambda t: t.i):
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i:
                toks.append(c)
        toks.sort(key=lambda t: t.i)
        # Only the contiguous run that ends at the head.
        run = [head]
        for t in reversed(toks[:-1]):
            if t.i == run[0].i - 1:
                run.insert(0, t)
        return head.doc.text[run[0].idx : run[-1].idx + len(run[-1].text)]


def _looks_like_person(name: str) -> bool:
    """Two or three capitalised words, no organisation word, no acronym: "Yoko Ono", not "Goldman Sachs Group".

    NER models trained on English news often tag unfamiliar (e.g. Japanese) names ORG; a speaking source
    shaped like a personal name is far more often a person.
    """
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not _looks_like_org(name)
        and not any(w.lower() in COUNTRIES or w.lower() in SEATS_OF_GOVERNMENT for w in words)
    )


def _looks_like_org(name: str) -> bool:
    words = name.lower().split()
    return any(w in ORG_HEADS for w in words) or len(words) > 4


def _strip_determiner(text: str, lower: bool = True) -> str:
    words = text.strip().split()
    if words and words[0].lower() in ("the", "a", "an", "some", "many", "several", "most"):
        words = words[1:]
    return " ".join(words).strip(" ,.;:")


def build_entities(
    text: str,
    paragraphs: list[Paragraph],
    candidates: list[Candidate],
    quoted: list[tuple[int, int]],
    not_persons: frozenset[str] = frozenset(),
) -> tuple[list[Entity], list[str | None]]:
    """Resolve each candidate's speaker; return the entities and, per candidate, its speaker's id."""
    resolver = SpeakerResolver(text, paragraphs, quoted, not_persons)
    speakers = [resolver.resolve(c) for c in candidates]
    order: list[Cluster] = []
    for cluster in resolver.clusters:
        if cluster.type == "PERSON" or cluster in speakers:
            order.append(cluster)
    order.sort(key=lambda c: min((s for s, _ in c.mentions), default=len(text)))
    ids = {id(c): f"e{n}" for n, c in enumerate(order, 1)}
    entities = [_entity(ids[id(c)], c, text) for c in order]
    return entities, [ids[id(c)] if c is not None else None for c in speakers]


def _entity(entity_id: str, c: Cluster, text: str) -> Entity:
    name = c.full_name
    aliases: list[str] = []
    for alias in [*c.names, *c.descriptions]:
        if alias != name and alias not in aliases:
            aliases.append(alias)
    roles: list[Role] = []
    for r in c.roles:
        if all((r.title, r.organization, r.country) != (x.title, x.organization, x.country) for x in roles):
            roles.append(r)
    mentions = [Span.of(text, s, e) for s, e in sorted(set(c.mentions))]
    return Entity(id=entity_id, name=name, type=c.type, aliases=aliases, roles=roles, mentions=mentions)
