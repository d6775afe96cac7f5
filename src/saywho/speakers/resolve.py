"""Resolve every attribution's source to a canonical speaker.

Person names are clustered (full name, surname alone, transliteration variants); pronouns and role nouns
("he", "the diplomat", "the Russian president") go to the most recent compatible person outside quotations;
capitals stand for their states ("Moscow" -> Russia); organisations and unnamed groups ("experts") become
ORG and GROUP speakers.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from saywho.attribution.spans import Candidate
from saywho.document import Entity, Role
from saywho.nlp.english import Paragraph
from saywho.speakers.clusters import Cluster, ClusterBook
from saywho.speakers.mentions import (
    ORG_NAME_NOUNS,
    TITLE_WORDS,
    PersonMention,
    has_legal_form,
    in_web_address,
    person_mentions,
    role_around,
)
from saywho.speakers.names import clean_name, compound_org_name, name_words, same_name, strip_accents
from saywho.speakers.roles import COUNTRIES, SEATS_OF_GOVERNMENT, country_of

_GENERAL_NOUNS = frozenset(["head", "chief", "leader", "official", "secretary", "representative"])
_PARTY_MEMBERS = frozenset("democrat republican conservative socialist liberal communist".split())
_FIELD_SCIENTISTS = frozenset(
    "hydrologist volcanologist seismologist geologist climatologist epidemiologist virologist sociologist "
    "psychologist ecologist biologist glaciologist oceanologist criminologist".split()
)
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
    # A politician holds a post or a seat: the titles rule out the experts and officials named near him.
    "politician": tuple(
        "mp|mla|mep|deputy|senator|lawmaker|legislator|member of|minister|mayor|governor|leader|chair|president|"
        "congress|parliament|assembly|councillor|councilor|party|secretary|opposition".split("|")
    ),
    "ceo": ("ceo", "chief executive", "director", "head", "president", "chair"),
    "businessman": (),
    "billionaire": (),
    "general": ("general",),
    "attorney": ("attorney", "lawyer", "prosecutor"),
    "lawyer": ("attorney", "lawyer"),
    "director": ("director",),
    "head": ("head", "chief", "director"),
    "chief": ("chief", "head"),
    # Calques and nouns of translated news.
    "interlocutor": (),
    "scientist": ("scientist", "researcher", "professor", "political scientist"),
    "specialist": ("specialist", "expert", "analyst"),
    "prosecutor": ("prosecutor",),
    "judge": ("judge", "justice"),
    "commissioner": ("commissioner",),
    "negotiator": ("negotiator", "envoy"),
    "envoy": ("envoy", "ambassador", "representative"),
    # A Russian «депутат»: a member of a parliament, its committees' chairs among them.
    "deputy": ("deputy", "lawmaker", "member of", "committee", "duma", "parliament", "rada", "faction"),
    "mp": ("mp", "deputy", "member of parliament", "lawmaker", "parliament", "committee"),
    "meteorologist": ("meteorolog", "forecaster", "weather"),
    "akim": ("akim", "governor", "head of the region"),  # the head of a Kazakh region or city
    "hokim": ("hokim", "governor", "head of the region"),
    "woman": (),
    "man": (),
    # People named by what they do in the story: the one who last spoke as such.
    **{
        noun: (noun,)
        for noun in "athlete player coach farmer resident pensioner teacher doctor driver owner herder".split()
    },
    **{rank: (rank,) for rank in "colonel major captain lieutenant sergeant admiral marshal".split()},
    "representative": ("representative", "envoy", "delegate"),
    # Scientists named by their field: "the volcanologist", "the hydrologist" is whoever spoke as one.
    **{field: (field[:-3],) for field in _FIELD_SCIENTISTS},
    "source": (),
    **{party: (party,) for party in _PARTY_MEMBERS},
}
_INDEFINITE = frozenset(["a", "an", "another", "one", "some"])
_POSSESSIVE_NAME = re.compile(r"[\w.\- ]{0,60}?['’]s\b")  # a name and its "'s"
# Texts that speak for whoever issued them.
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,6}")
_ANY_KIND = frozenset("company organisation organization entity institution body carrier airline operator".split())
# Parts of an organisation that speak for it: "the press service of the department".
_ORG_PARTS = frozenset("service office secretariat administration".split())
_DOCUMENTS = frozenset(
    "statement document report message communique release letter decree resolution "
    "data datum figures statistics forecast forecasts estimate estimates projection projections assessment".split()
)
# "the department" of a translation from Russian («ведомство») is any ministry or agency named before.
_ANAPHORIC_ORGS: dict[str, tuple[str, ...]] = {
    "department": ("ministry", "department", "agency", "service", "office", "committee"),
    "ministry": ("ministry",),
    "agency": ("agency", "service"),
    "company": ("company", "corporation", "group", "inc", "plc", "ltd"),
    "federation": ("federation", "union"),
    "union": ("union", "federation"),
    "commission": ("commission",),
    "court": ("court",),
    # The organisation named before, whatever its kind: "The organisation", "the entity" (Portuguese «a entidade»).
    "organisation": (),
    "organization": (),
    "entity": (),
    "institution": (),
    "body": (),
    "folder": ("ministry",),  # Portuguese «a pasta»: the ministry
    "portfolio": ("ministry",),
    "carrier": ("airline", "airlines", "aviation", "air", "carrier", "company"),
    "airline": ("airline", "airlines", "aviation", "air"),
}
# Role nouns that name what someone does for the article rather than a post: whoever last spoke as one.
_LOOSE_NOUNS = (
    frozenset(
        "expert analyst scientist specialist interlocutor source observer athlete player coach farmer resident "
        "pensioner teacher doctor driver owner deputy herder colonel major captain lieutenant sergeant admiral "
        "marshal politician".split()
    )
    | _FIELD_SCIENTISTS
)
# "the head of state", "the head of the region": the complement of a general role noun names the post.
_COMPLEMENT_TITLES: dict[str, tuple[str, ...]] = {
    "state": ("president", "head of state", "king", "queen", "emir", "monarch"),
    "government": ("prime minister", "premier", "head of government", "chancellor"),
    "region": ("governor", "head of the region", "akim", "hokim"),
    "province": ("governor",),
    "city": ("mayor",),
    "diplomacy": ("foreign minister", "minister of foreign affairs", "foreign affairs", "high representative"),
    "president": ("spokes", "press secretary", "press service"),
    # "the head of the department" («глава ведомства»): the minister, or whoever heads the agency named before.
    "department": ("minister", "head", "director", "chief", "chair"),
    "ministry": ("minister",),
    "agency": ("head", "director", "chief", "chair"),
    "folder": ("minister",),  # Portuguese «o titular da pasta»
}
_FEMALE_NOUNS = frozenset(["spokeswoman", "chairwoman", "congresswoman", "businesswoman", "woman"])
_MALE_NOUNS = frozenset(["spokesman", "chairman", "congressman", "businessman", "man"])
# Heads of organisation sources ("the ministry said"), besides what NER tags ORG.
ORG_HEADS = frozenset(
    [
        # Bodies of government and civil society that translations name by their kind: "the Transport
        # Inspectorate (ILT)", "the Climate Observatory", "the Parliamentary Front of Agriculture".
        "inspectorate",
        "branch",
        "directorate",
        "observatory",
        "secretariat",
        "registry",
        "board",
        "academy",
        "chamber",
        "assembly",
        "front",
        "movement",
        "coalition",
        "society",
        "hospital",
        "clinic",
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
        "authority",
        "bakery",
        "plant",
        "factory",
        "airport",
        "operator",
        "railways",
        "airlines",
        "llc",
        "co",
    ]
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL_PRONOUNS = frozenset(["they", "them", "we", "us"])


class SpeakerResolver(ClusterBook):
    def __init__(
        self,
        text: str,
        paragraphs: list[Paragraph],
        quoted: list[tuple[int, int]],
        not_persons: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(text, quoted)
        # Names known not to be people (the publisher: "told X" makes NER call X a person).
        self.not_persons = {n.lower() for n in not_persons}
        # Persons whose gender only a pronoun gave: translations from languages with one pronoun for both (Malay,
        # Turkish, Finnish, Persian, Chinese) print "he" and "she" for the same person.
        self.gender_from_pronoun: list[Cluster] = []
        self.paragraphs = paragraphs
        self.starts = [p.offset for p in paragraphs]
        for mention in person_mentions(paragraphs):
            self._add_person_mention(mention)
        # Organisations NER names anywhere, for "the department" and "the document" to point back to.
        self.org_mentions = [
            (par.offset + ent.start_char, _strip_determiner(ent.text, lower=False))
            for par in paragraphs
            for ent in par.doc.ents
            if ent.label_ == "ORG"
            and not self.in_quote(par.offset + ent.start_char)
            and not _looks_like_person(ent.text)
        ]

    # -- persons ---------------------------------------------------------------------------------------
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
                # "Hossam Abdelaziz" for "Hossam Abdel Aziz": a compound surname written as one word, or as two.
                joined_full = len(full) >= 3 and same_name(words[-1], full[-2] + full[-1])
                joined_words = len(words) >= 3 and len(full) >= 2 and same_name(full[-1], words[-2] + words[-1])
                if (joined_full or joined_words) and same_name(full[0], words[0]):
                    return c
            initial = words[0].rstrip(".")
            if len(words) == 2 and len(initial) <= 2 and words[0].endswith(".") and initial[:1].isupper():
                # "R. Mockienė" for "Rūta Mockienė": Baltic and Slavic copy names people by initial on second mention.
                for c in persons:
                    full = name_words(c.full_name)
                    first = strip_accents(full[0]) if len(full) >= 2 else ""
                    if first.startswith(strip_accents(initial)) and same_name(full[-1], words[-1]):
                        return c
            for c in persons:
                full = name_words(c.full_name)
                # "Anaya Olvera" for "Rodrigo Anaya Olvera", "Abu Hammour" for "Khaled Abu Hammour": a compound
                # surname alone; "Masahiko Kuroda" for "Kuroda Masahiko": the other order of an East Asian name.
                tail = len(full) > len(words) and all(map(same_name, full[-len(words) :], words))
                swapped = len(full) == len(words) == 2 and same_name(full[0], words[1]) and same_name(full[1], words[0])
                # "Oleg Rustamovich" for "Oleg Rustamovich Gazizov": first name and patronymic, the polite Russian
                # address; "Guillermo Calderón" for "Guillermo Calderón Aguilera": the first of two surnames.
                head = len(full) > len(words) and all(map(same_name, full[: len(words)], words))
                if tail or swapped or head:
                    return c
            # "Bar Lev" for "Moshe Bar-Lev": a hyphenated surname written as two words, or the reverse.
            parts = [p for w in words for p in w.split("-") if p]
            for c in persons:
                full_parts = [p for w in name_words(c.full_name) for p in w.split("-") if p]
                if len(full_parts) > len(parts) >= 2 and all(map(same_name, full_parts[-len(parts) :], parts)):
                    return c
            # A surname seen alone first, its full name later.
            for c in persons:
                if len(name_words(c.full_name)) == 1 and same_name(c.surname, words[-1]):
                    return c
                if len(name_words(c.full_name)) == 1 and "-" in words[-1] and same_name(c.surname, words[0]):
                    return c  # "Min" seen first, then "Min Seo-yeon": a Korean family name comes first
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
        return max(matches, key=lambda c: c.last_mention_before(before))

    def _add_person_mention(self, m: PersonMention) -> Cluster | None:
        if m.name.lower() in self.not_persons:
            return None
        cluster = self._match_person(m.name, m.start)
        if cluster is None:
            cluster = Cluster(type="PERSON")
            self.clusters.append(cluster)
        if m.name not in cluster.names:  # each spelling once: a speaker quoted a thousand times has one name
            cluster.names.append(m.name)
        cluster.mentions.append((m.start, m.end))
        if m.role is not None and not m.role.is_empty():
            cluster.roles.append(m.role)
        cluster.gender = cluster.gender or m.gender
        if not m.addressee:
            self.on_timeline(m.start, m.end, cluster)
        else:
            self.off_timeline(m.start, m.end, cluster)
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
        inside = self.persons_within(s, e)
        if inside:
            hs = cand.source_head[0] if cand.source_head else s
            # "According to Eksote's director Petri Laaksonen": a possessor is not the speaker when a name follows.
            inside.sort(key=lambda x: (self._possessor(x[0], e), abs(x[0] - hs), x[0]))
            return self.remember(inside[0][1], cand)
        if head is None:
            return None
        word = head.lower_.rstrip("—–-.,;:")  # spaCy keeps "president—." whole (a Spanish closing dash)
        if word in ("she", "her") and (country := self._country_before(head)) is not None:
            return self._state(country, self._entity_text(country))
        if head.pos_ == "PRON" or word in _PRONOUN_GENDER or word in _PLURAL_PRONOUNS:
            return self.remember(self._pronoun(head, s, sentence_start), cand)
        if self._seat(head) or (head.pos_ == "PROPN" and head.lower_ in COUNTRIES):
            return self._state(head, source_text)
        if word in _PARTY_MEMBERS and head.tag_ in ("NN", "NNP"):
            # "The Social Democrat explained": a party's member, not the party's nation (NER says NORP).
            cluster = self._role_noun(head, source_text, s, sentence_start)
            if cluster is not None:
                return self.remember(cluster, cand)
        if head.lemma_.lower() in _DOCUMENTS and head.tag_ in ("NN", "NNS"):
            # "A statement issued by the ministry said", "According to the document": its author speaks.
            author = self._document_author(head, s)
            if author is not None:
                return author
        org = self._organisation_anaphor(head, s)
        if org is not None:
            return org
        hyphenated = _hyphenated_name(head)
        if hyphenated is not None:
            # "Spokesperson Min Seo-yeon": a Korean given name split at its hyphen, which NER does not see.
            span = head.doc[hyphenated.i : head.i + 1]
            start = self._paragraph_offset(s) + span.start_char
            mention = PersonMention(start, start + len(span.text), span.text, role_around(span), sentence_start)
            return self.remember(self._add_person_mention(mention), cand)
        if head.pos_ == "PROPN" and in_web_address(self.text, s, e):
            name = _web_address(self.text, s, e)  # "Gazeta.Ru asked ...": the outlet, named by its address
            return self.named("ORG", name, name)
        compound = self._compound_name(head).lower().split()
        if head.pos_ == "PROPN" and word in ROLE_NOUNS and all(w in TITLE_WORDS or w in ROLE_NOUNS for w in compound):
            # "The Deputy Minister also noted": a title in capitals is still a role noun, not a name.
            cluster = self._role_noun(head, source_text, s, sentence_start)
            if cluster is None:  # nobody named yet: "The Minister of Energy said …" before his name is given
                cluster = self.named("PERSON", _strip_determiner(source_text))
            return self.remember(cluster, cand)
        lexical = word in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS
        if not lexical and head.text.islower() and head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NN", "NNP"):
            # "the deputy khokim added", "the voivode stressed": a post the lexicon lacks, held by a person named
            # before with that title.
            cluster = self._holder_of_post(head, word, s, sentence_start)
            if cluster is not None:
                return self.remember(cluster, cand)
        if head.pos_ == "PROPN" and not head.text.islower():
            name = clean_name(self._compound_name(head))
            titled = name.split()
            while len(titled) > 1 and titled[0].lower() in TITLE_WORDS:
                titled = titled[1:]  # "Minister Chaudhary informed": the title is not part of the name
            name = " ".join(titled)
            # NER often tags a foreign person's name ORG or GPE: a name already known as a person wins.
            cluster = self._match_person(name, s)
            if cluster is not None:
                if name not in cluster.names:
                    cluster.names.append(name)  # a spelling variant ("Kaddafi" for "Qaddafi") is an alias
                self._add_role(cluster, head)
                return self.remember(cluster, cand)
            doc = head.doc
            quoted = 0 < head.i < len(doc) - 1 and doc[head.i - 1].text in '"“«„' and doc[head.i + 1].text in '"”»“'
            if quoted:  # 'the Road Carriers' Association "Linava"': a quoted name is an organisation's
                return self.named("ORG", name, _strip_determiner(source_text))
            if head.ent_type_ in ("GPE", "LOC", "NORP"):
                return self._state(head, source_text)
            if has_legal_form(source_text):  # "PT Bina Marga (Persero) Tbk stated": a company, named in full
                return self.named("ORG", _strip_determiner(source_text, lower=False))
            if (head.ent_type_ in ("ORG", "FAC") and not _looks_like_person(name)) or _looks_like_org(name):
                return self.named("ORG", _strip_determiner(self._entity_text(head)), _strip_determiner(source_text))
            if name_words(name) and name.lower() not in self.not_persons:
                cluster = self._add_person_mention(PersonMention(s, e, name, None, sentence_start))
                if cluster is not None:
                    self._add_role(cluster, head)
                return self.remember(cluster, cand)
        if head.pos_ == "NOUN" and head.is_title and not lexical:
            # "Trump will also find …" at a sentence start: the tagger took the name for a common noun (and NER
            # for an organisation). A person of that name in the article wins.
            cluster = self._match_person(clean_name(head.text), s)
            if cluster is not None:
                return self.remember(cluster, cand)
        if head.ent_type_ in ("GPE", "LOC", "NORP"):
            return self._state(head, source_text)
        press = head.lemma_.lower() in ("service", "office") and any(c.lower_ == "press" for c in head.children)
        if press or head.lemma_.lower() in ("panel", "board", "spokesteam"):
            # "the press service of the RBU", "the panel of the Ministry of Health": the organisation they speak for.
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            owner = owner or next((c for c in head.children if c.dep_ == "poss"), None)  # "Kyivteploenergo's"
            named_owner = owner is not None and any(t.pos_ == "PROPN" or t.ent_type_ == "ORG" for t in owner.subtree)
            if owner is not None and named_owner:  # "of the Tashkent city khokimiyat" too
                words = [t.text for t in owner.subtree if t.dep_ != "case" and t.text not in ("'s", "’s")]
                name = _strip_determiner(" ".join(words), lower=False)
                return self.named("ORG", name, _strip_determiner(source_text))
        if head.pos_ == "NOUN" and word in ROLE_NOUNS and head.ent_type_ == "ORG":
            # "—stated the president—.": NER-sm calls the glued token an organisation; it is a role noun.
            cluster = self._role_noun(head, source_text, s, sentence_start)
            if cluster is not None:
                return self.remember(cluster, cand)
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and head.pos_ == "NOUN":
            # "Another large enterprise of the region, Berdsk Bakery,": the organisation the apposition names.
            name = clean_name(self._entity_text(appos) if appos.ent_type_ == "ORG" else self._compound_name(appos))
            if _looks_like_org(name) or appos.ent_type_ == "ORG":
                return self.named("ORG", name, _strip_determiner(source_text))
        if head.ent_type_ in ("ORG", "FAC") or word in ORG_HEADS:
            return self.named("ORG", _strip_determiner(source_text), _strip_determiner(source_text))
        if head.tag_ in ("NNS", "NNPS") or word in ("people", "public"):
            return self.named("GROUP", _strip_determiner(source_text).lower())
        if word in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS:
            cluster = self._role_noun(head, source_text, s, sentence_start)
            if cluster is not None:
                return self.remember(cluster, cand)
        if word in ROLE_NOUNS:
            # "a source in the government", "a Dutch official": someone unnamed, whom "he" and "the interlocutor"
            # can mean later.
            return self.remember(self.named("PERSON", _strip_determiner(source_text)), cand)
        return self.named("GROUP", _strip_determiner(source_text))

    def merge_acronyms(self, speakers: list[Cluster | None]) -> list[Cluster | None]:
        """ "The BNA noted" after "the Baku Transport Agency (BNA)": the acronym is the organisation's."""
        for short in [c for c in self.clusters if c.type == "ORG" and c.canonical and _ACRONYM.fullmatch(c.canonical)]:
            marker = f"({short.canonical})"
            owners = [
                c
                for c in self.clusters
                if c is not short and c.type == "ORG" and any(marker in d for d in [c.canonical or "", *c.descriptions])
            ]
            if not owners:
                full = self._spelled_out(short.canonical)
                if full is not None:
                    # "According to VSAT" when the full name was only written where nobody spoke: name it in full.
                    short.descriptions.append(short.canonical)
                    short.canonical = full
                    self.by_key.setdefault(("ORG", full.lower()), short)
                continue
            if len(owners) != 1:
                continue
            target = owners[0]
            target.mentions.extend(short.mentions)
            target.descriptions.append(short.canonical)
            self.clusters.remove(short)
            speakers = [target if c is short else c for c in speakers]
        return speakers

    def merge_short_names(self, speakers: list[Cluster | None]) -> list[Cluster | None]:
        """ "Kemenpu predicts …" where the article writes "the Ministry of Public Works (Kemenpu)": a one-word
        name NER took for a person is the short name of the organisation it stands in brackets after."""
        for short in [c for c in self.clusters if c.type == "PERSON" and len(c.names) == 1 and " " not in c.names[0]]:
            name = short.names[0]
            marker = f"({name})"
            owners = [
                c
                for c in self.clusters
                if c.type == "ORG" and any(marker in d for d in [c.canonical or "", *c.descriptions])
            ]
            full = self._spelled_out(name) if not owners else None
            if len(owners) == 1:
                target = owners[0]
                target.mentions.extend(short.mentions)
                target.descriptions.append(name)
                self.clusters.remove(short)
            elif full is not None and _looks_like_org(full):
                target = short  # named only here: the cluster itself becomes the organisation
                target.type, target.canonical, target.names, target.roles = "ORG", full, [], []
                target.descriptions.append(name)
                self.by_key.setdefault(("ORG", full.lower()), target)
            else:
                continue
            self.timeline = [(s, e, target if c is short else c) for s, e, c in self.timeline]
            speakers = [target if c is short else c for c in speakers]
        return speakers

    def _spelled_out(self, acronym: str) -> str | None:
        """The name written before "(ACRONYM)" in the article: capitalised words and the connectors between."""
        for m in re.finditer(rf"\({re.escape(acronym)}\)", self.text):
            words = self.text[max(0, m.start() - 200) : m.start()].split()
            name: list[str] = []
            for w in reversed(words):
                capitalised = w[:1].isupper() and w.strip(",;:") == w and len(name) < 10
                if not (capitalised or (w in ("of", "for", "and", "on", "the") and name)):
                    break
                name.insert(0, w)
            while name and (name[0] in ("of", "for", "and", "on", "the", "The") or not name[0][:1].isupper()):
                name = name[1:]
            if len(name) >= 2:
                return " ".join(name)
        return None

    def merge_described_later(self, speakers: list[Cluster | None]) -> list[Cluster | None]:
        """ "The Minister of Energy said …" before the minister is named; later "the Minister of Energy" goes to
        Reza Karimi: the unnamed speaker was Karimi all along. One such named person only."""
        for unnamed in [c for c in self.clusters if c.type == "PERSON" and not c.names and c.canonical]:
            key = unnamed.canonical.lower()
            named = [
                c for c in self.clusters if c.names and any(_strip_determiner(d).lower() == key for d in c.descriptions)
            ]
            if len(named) != 1:
                continue
            target = named[0]
            target.mentions.extend(unnamed.mentions)
            self.timeline = [(s, e, target if c is unnamed else c) for s, e, c in self.timeline]
            self.clusters.remove(unnamed)
            speakers = [target if c is unnamed else c for c in speakers]
        return speakers

    # -- organisations -------------------------------------------------------------------------------------
    def _recent_org(self, before: int, nouns: tuple[str, ...] = ()) -> Cluster | None:
        """The organisation named last before `before` (by NER or as a speaker), whose name has one of `nouns`."""
        best: tuple[int, str] | None = None
        for start, name in self.org_mentions:
            matches = not nouns or any(n in name.lower() for n in nouns)
            if start < before and matches and (best is None or start > best[0]):
                best = (start, name)
        for c in self.clusters:
            if c.type != "ORG" or not c.canonical:
                continue
            if nouns and not any(n in c.canonical.lower() for n in nouns):
                continue
            for ms, _ in c.mentions:
                if ms < before and (best is None or ms > best[0]):
                    best = (ms, c.canonical)
        return self.named("ORG", best[1]) if best is not None else None

    def _organisation_anaphor(self, head: Token, start: int) -> Cluster | None:
        """ "the department", "the press service of the department": the organisation named before."""
        words = [head]
        if head.lemma_.lower() in _ORG_PARTS:  # "the press service of the department": the department's
            words += [t for t in head.subtree if t.dep_ == "pobj" and t.head.head == head]
        for w in words:
            nouns = _ANAPHORIC_ORGS.get(w.lower_)
            determiner = next((c.lower_ for c in w.children if c.dep_ == "det"), None)
            # Lower case only: "the Department of Commerce" is a name, "the department" points back.
            named = any(c.pos_ == "PROPN" for c in w.children)
            if nouns is not None and w.text.islower() and determiner in ("the", "this", "that") and not named:
                # "the company" after "Fingrid": the kind is rarely in the name; then the organisation named last.
                return self._recent_org(start, nouns) or (self._recent_org(start) if w.lower_ in _ANY_KIND else None)
            if nouns is None and w.text.islower() and w.pos_ == "NOUN" and determiner in ("the", "this") and not named:
                # "The khokimiyat promised" after "the Tashkent city khokimiyat": an organisation named by its kind.
                found = self._org_named_with_head(start, w.lower_)
                if found is not None:
                    return found
        return None

    def _org_named_with_head(self, before: int, noun: str) -> Cluster | None:
        """The organisation named last before `before` whose name ends in `noun`."""
        best: tuple[int, str] | None = None
        named = [(start, name) for start, name in self.org_mentions]
        named += [(ms, c.canonical) for c in self.clusters if c.type == "ORG" and c.canonical for ms, _ in c.mentions]
        for start, name in named:
            words = name.lower().split()
            if start < before and words and words[-1] == noun and len(words) > 1 and (best is None or start > best[0]):
                best = (start, name)
        return self.named("ORG", best[1]) if best is not None else None

    def _document_author(self, head: Token, start: int) -> Cluster | None:
        by = [t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ in ("by", "of", "from")]
        if by:
            author = by[0]
            if author.pos_ == "PROPN" or author.ent_type_ == "ORG":
                name = _strip_determiner(" ".join(t.text for t in author.subtree))
                return self.named("ORG", name)
            found = self._organisation_anaphor(author, start) or self._recent_org(start, (author.lower_,))
            return found or self.named("ORG", _strip_determiner(" ".join(t.text for t in author.subtree)))
        determiner = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
        return self._recent_org(start) if determiner in ("the", "this", "that") else None

    def _add_role(self, cluster: Cluster, head: Token) -> None:
        """Roles written around a name that NER missed: "Yumi Tanaka, director of the Center ..."."""
        first = min([head.i] + [c.i for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
        role = role_around(head.doc[first : head.i + 1])
        if role is not None and all(role.title != r.title for r in cluster.roles):
            cluster.roles.append(role)

    def _possessor(self, start: int, source_end: int) -> bool:
        """Whether the name starting at `start` is followed by "'s" inside the source span."""
        return _POSSESSIVE_NAME.match(self.text, start, source_end) is not None

    def _country_before(self, head: Token) -> Token | None:
        """The country that is the subject of the sentence before `head`'s, when nobody else is named in it.

        Russian, Ukrainian and other languages make a country feminine, and machine translation renders «она» as
        "she": "Lithuania has handed a protest note to Minsk. She demands that …" is Lithuania speaking."""
        sent = head.sent
        root_subject = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i), None)
        if root_subject is not None and root_subject.ent_type_ == "GPE" and root_subject.lower_ in COUNTRIES:
            return root_subject  # "Egypt imports most of its wheat, and she announced that …"
        if sent.start > 0:
            previous = head.doc[sent.start - 1].sent
        else:
            k = next((i for i, par in enumerate(self.paragraphs) if par.doc is head.doc), 0) - 1
            if k < 0 or not len(self.paragraphs[k].doc):
                return None
            previous = self.paragraphs[k].doc[-1].sent
        if any(t.ent_type_ == "PERSON" for t in previous):
            return None
        subject = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head == previous.root), None)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ != "GPE":
            return None
        return subject if subject.lower_ in COUNTRIES or self._seat(subject) else None

    def _pronoun(self, head: Token, start: int, sentence_start: int) -> Cluster | None:
        word = head.lower_
        if word in _PLURAL_PRONOUNS or word in ("i", "me", "you", "it"):
            return None
        gender = _PRONOUN_GENDER.get(word)
        recent = self.recent_persons(start, sentence_start)
        for cluster in recent:
            if gender and cluster.gender and cluster.gender != gender:
                continue
            if gender and cluster.gender is None:
                cluster.gender = gender
                self.gender_from_pronoun.append(cluster)
            return cluster
        # Nobody of that gender: the last person an earlier pronoun gave the other one to, if any.
        return next((c for c in recent if any(c is g for g in self.gender_from_pronoun)), None)

    def _role_noun(self, head: Token, description: str, start: int, sentence_start: int) -> Cluster | None:
        word = head.lower_.rstrip("—–-.,;:")
        noun = word if word in ROLE_NOUNS else head.lemma_.lower()
        if noun not in ROLE_NOUNS:
            return None
        if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children):
            return None  # "a Dutch official said": someone not named before, never an earlier person
        keys = ROLE_NOUNS[noun]
        complement = _complement_words(head)
        # "the head of state" is the president, "the head of the region" the governor: the complement says which.
        named_post = next((k for word, k in _COMPLEMENT_TITLES.items() if word in complement), None)
        if named_post is not None:
            # A general noun takes the post's titles ("the head of state": a president, not a think-tank's
            # head); a specific one keeps its own too ("the akim of the region": an akim or a governor).
            keys = named_post if noun in _GENERAL_NOUNS else (*keys, *named_post)
        country = country_of(" ".join(t.text for t in head.lefts))
        candidates = self.recent_persons(start, sentence_start)[:6]

        def compatible(c: Cluster) -> bool:
            if country and c.countries() and country not in c.countries():
                return False
            if noun in _FEMALE_NOUNS and c.gender == "m" or noun in _MALE_NOUNS and c.gender == "f":
                return False
            return True

        def words_of(c: Cluster) -> str:
            # The organisation counts too: a representative of a foreign ministry is "the diplomat".
            return " ".join([*c.titles(), *(r.organization or "" for r in c.roles)]).lower()

        def titled_as(c: Cluster) -> bool:
            return any(k in words_of(c) for k in keys)

        pool = [c for c in candidates if compatible(c)]
        # Evidence first, recency second: the named country ("the Syrian minister"), then the organisation the
        # complement names ("the head of the commission"), then the title words.
        own_country = [c for c in pool if country and country in c.countries() and (titled_as(c) or not keys)]
        of_complement = [c for c in pool if complement and any(w in words_of(c) for w in complement)]
        titled = [c for c in pool if keys and titled_as(c)]
        # "the spokesperson of the European Commission": a named body the candidates have nothing to do with is
        # someone new, not whoever spoke last without a title.
        untitled = [c for c in pool if not c.roles] if not _named_complement(head) else []
        if noun in _LOOSE_NOUNS:
            # "the expert" is whoever spoke last as one, titled or not: the title words only rule people out.
            titled = [c for c in pool if not c.roles or titled_as(c)]
        # "the interlocutor of the publication", "the source": the unnamed person who spoke to the outlet, if any.
        unnamed = [c for c in pool if not c.names] if noun in ("interlocutor", "source") else []
        chosen = next((group[0] for group in (unnamed, own_country, of_complement, titled, untitled) if group), None)
        if chosen is None and (not keys or noun in _LOOSE_NOUNS) and pool and not _named_complement(head):
            chosen = pool[0]  # "the expert" after an association's president: who just spoke
        if chosen is None and pool and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in head.children):
            # "This representative of the people of Shiraz added": a demonstrative points back to someone named,
            # one with a post first (not a name the complement or a content held).
            chosen = next((c for c in pool if c.roles), pool[0])
        if chosen is not None:
            # Keep the description as written, sentence-initial "The" lowered: "the Russian president".
            description = description[:1].lower() + description[1:] if description[:4] == "The " else description
            if description not in chosen.descriptions:
                chosen.descriptions.append(description)
            if not chosen.roles:
                title = noun.capitalize() if noun not in ("official", "politician") else noun
                chosen.roles.append(Role(title=title, country=country))
        return chosen

    def _holder_of_post(self, head: Token, word: str, start: int, sentence_start: int) -> Cluster | None:
        """The person last named with a title whose head noun is `word` ("deputy khokim of Tashkent" for "the
        deputy khokim"), for a definite role noun the lexicon lacks."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            return None
        for cluster in self.recent_persons(start, sentence_start)[:6]:
            # The title's head noun: "spokesperson for the committee" is a spokesperson, not a committee.
            heads = {
                re.split(r" (?:of|for|at|in|to) ", title.lower())[0].split()[-1]
                for title in cluster.titles()
                if title.strip()
            }
            if word in heads:
                return cluster
        return None

    def _state(self, head: Token, source_text: str) -> Cluster:
        name = self._entity_text(head)
        low = _strip_determiner(name).lower()
        country = SEATS_OF_GOVERNMENT.get(low) or COUNTRIES.get(low)
        if country is None:
            return self.named("GPE", _strip_determiner(name, lower=False))
        return self.named("GPE", country, _strip_determiner(name, lower=False))

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
        doc, char = par.doc, span[0] - par.offset
        # Token starts increase through a Doc: bisect rather than walk a paragraph that may be an article long.
        i = bisect.bisect_left(range(len(doc)), char, key=lambda j: doc[j].idx)
        return doc[i] if i < len(doc) and doc[i].idx == char else None

    def _entity_text(self, head: Token) -> str:
        for ent in head.doc.ents:
            if ent.start <= head.i < ent.end:
                if ent[-1].pos_ == "ADP":  # NER stopped at "of": "the Media Center of" the Council of Ministers
                    words = [t for t in head.subtree if t.dep_ != "det" or t.i > head.left_edge.i]
                    return head.doc[words[0].i : words[-1].i + 1].text if words else ent.text
                return ent.text
        # "The Human Environment and Transport Inspectorate": a name of capitalised words and connectors before
        # the head that NER left untagged.
        start = head.left_edge.i
        while start < head.i and head.doc[start].dep_ == "det":
            start += 1
        words = head.doc[start : head.i + 1]
        if len(words) > 1 and all(t.is_title or t.is_upper or t.lower_ in ("and", "of", "for", "&") for t in words):
            return words.text
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
        return head.doc[run[0].i : run[-1].i + 1].text


def _hyphenated_name(head: Token) -> Token | None:
    """The first token of "Min Seo-yeon" when `head` is its last part ("yeon"), else None."""
    doc = head.doc
    i = head.i
    if i < 3 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    given = doc[i - 2]
    family = doc[i - 3]
    if not (given.is_title and family.is_title and family.is_alpha and given.is_alpha and head.is_alpha):
        return None
    if family.lower_ in ROLE_NOUNS or family.lower_ in COUNTRIES or family.ent_type_ in ("GPE", "ORG", "NORP"):
        return None
    return family


def _web_address(text: str, start: int, end: int) -> str:
    """The whole dotted name around text[start:end]: "Gazeta.Ru" from "Ru"."""
    while start > 0:
        before, dotted = text[start - 1], text[start - 1] == "." and text[start - 2 : start - 1].isalnum()
        if not (before.isalnum() or dotted):
            break
        start -= 1
    while end < len(text) and (text[end].isalnum() or (text[end] == "." and text[end + 1 : end + 2].isalpha())):
        end += 1
    return text[start:end]


def _named_complement(head: Token) -> bool:
    """Whether a role noun's "of" phrase names something: "the spokesperson of the European Commission"."""
    return any(
        t.pos_ == "PROPN" for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for t in prep.subtree
    )


def _complement_words(head: Token) -> list[str]:
    """The nouns of a role noun's "of" phrase: "the head of the Federal Commission" -> ["commission", "federal"]."""
    words: list[str] = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words += [t.lower_ for t in prep.subtree if t.pos_ in ("NOUN", "PROPN") and not t.is_stop]
    return words


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
    if len(words) == 1 and compound_org_name(words[0]):
        return True
    return any(w in ORG_HEADS or w in ORG_NAME_NOUNS for w in words) or len(words) > 4


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
    # Every source is a mention of its speaker, organisations' too: "the khokimiyat" later finds the one named last.
    speakers = [resolver.remember(resolver.resolve(c), c) for c in candidates]
    speakers = resolver.merge_short_names(resolver.merge_acronyms(resolver.merge_described_later(speakers)))
    return resolver.entities(speakers)
