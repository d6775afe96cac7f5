"""Russian speakers: names in the nominative, roles from the titles before a name, pronoun and role-noun
resolution, capitals and institutions as speakers, and Latin forms of every name for cross-language merging.

    "Андрею Седову" -> "Андрей Седов" (aliases "Седов", "Andrei Sedov", "Andrey Sedov", "Sedov")
    "замглавы МИД РФ X" -> Role(title="замглавы", organization="МИД", country="Россия")
    "дипломат", "он", "российский президент" -> the person they refer to; "в Москве" -> Россия (GPE)
"""

from __future__ import annotations

import bisect

from saywho.attribution.ru.lexicon import INSTITUTION_NOUNS
from saywho.attribution.spans import Candidate
from saywho.document import Entity, Role
from saywho.nlp.russian import RuParagraph, RussianNLP, RuToken
from saywho.speakers import roles_ru as rl
from saywho.speakers.clusters import Cluster, ClusterBook
from saywho.speakers.names import name_words
from saywho.speakers.translit import latin_variants, latin_word_variants, looks_japanese, same_name_word

_PRONOUN_GENDER = {"он": "m", "его": "m", "она": "f", "ее": "f", "её": "f"}
_GENDERS = {"Masc": "m", "Fem": "f"}
_OC_GENDERS = {"masc": "m", "femn": "f"}
_FEMALE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")
_MALE_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый")


class RussianNames:
    """Nominative forms and genders of Russian (and foreign) names, from natasha's tags and pymorphy3."""

    def __init__(self, nlp: RussianNLP, text: str) -> None:
        self.nlp = nlp
        self.text = text

    def word(self, tok: RuToken, case: str | None = None, gender: str | None = None) -> str:
        """One name word in the nominative; `case` and `gender` (OpenCorpora) come from the given name."""
        if not tok.text.isalpha() or tok.text.isupper():
            return tok.text
        if case == "nomn" or (case is None and tok.feat("Case") in (None, "Nom")):
            return tok.text  # a given name in the nominative puts the whole name there
        known = self.nlp.morph.word_is_known(tok.text)
        if not known and (looks_japanese(tok.text) or tok.text[-1] in "иэоуыю"):
            return tok.text  # foreign names ending so do not decline ("с Кэйдзо Обути")
        parses = self.nlp.parses(tok.text, tok.pos, tok.feats)
        named = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)] or parses
        if case is not None or gender is not None:
            agreeing = [p for p in named if (case is None or p.tag.case == case) and _gender_agrees(p.tag, gender)]
            if case == "nomn" and agreeing:
                return tok.text
            named = agreeing or named
        best = named[0] if named else None
        if best is None or "Fixd" in best.tag or best.tag.case == "nomn" and case is None and not known:
            return tok.text
        inflected = best.inflect({"nomn", "sing"}) or best.inflect({"nomn"})
        word = inflected.word if inflected else best.normal_form
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))

    def name(self, tokens: list[RuToken]) -> str:
        """ "Игоря Белова" -> "Игорь Белов", "Ольгой Петровой" -> "Ольга Петрова": a known given name fixes the
        case and gender of the whole name, which the surname alone leaves open (Белова: Белов's or Белова)."""
        words = [t for t in tokens if t.pos != "PUNCT"]
        case = gender = None
        if len(words) >= 2 and self.nlp.morph.word_is_known(words[0].text):
            given = [p for p in self.nlp.morph.parse(words[0].text) if "Name" in p.tag]
            surname = self.nlp.morph.parse(words[-1].text)

            def agrees(g: object) -> bool:
                tag = g.tag  # type: ignore[attr-defined]
                return any(s.tag.case == tag.case and _gender_agrees(s.tag, tag.gender) for s in surname)

            chosen = next((g for g in given if agrees(g)), given[0] if given else None)
            if chosen is not None:
                case, gender = chosen.tag.case, chosen.tag.gender
        return " ".join(self.word(t, case, gender) for t in words)

    def nominative_phrase(self, tokens: list[RuToken]) -> str:
        """A phrase with its first word in the nominative ("Института Китая" -> "Институт Китая")."""
        if not tokens:
            return ""
        first = tokens[0]
        word = first.text
        if first.feat("Case") not in (None, "Nom") and first.text.isalpha() and not first.text.isupper():
            parses = self.nlp.parses(first.text, first.pos, first.feats)
            inflected = parses[0].inflect({"nomn"}) if parses else None
            if inflected is not None:
                word = inflected.word
                word = word[:1].upper() + word[1:] if first.text[:1].isupper() else word
        return word + self.text[first.end : tokens[-1].end]

    def gender(self, name: str) -> str | None:
        """From a known given name (Андрей, Ольга), else from a Russian surname ending (-ова, -ский)."""
        words = name.split()
        if len(words) >= 2:
            for p in self.nlp.morph.parse(words[0]):
                if "Name" in p.tag and self.nlp.morph.word_is_known(words[0]):
                    return _OC_GENDERS.get(p.tag.gender or "")
        surname = words[-1].lower() if words else ""
        if surname.endswith(_FEMALE_SURNAME_ENDINGS) and not looks_japanese(surname) and len(surname) > 3:
            return "f"
        if surname.endswith(_MALE_SURNAME_ENDINGS):
            return "m"
        return None


class RussianSpeakerResolver(ClusterBook):
    def __init__(
        self,
        nlp: RussianNLP,
        text: str,
        paragraphs: list[RuParagraph],
        quoted: list[tuple[int, int]],
        not_persons: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(text, quoted)
        self.names = RussianNames(nlp, text)
        self.paragraphs = paragraphs
        self.starts = [p.offset for p in paragraphs]
        self.not_persons = {n.lower() for n in not_persons}
        for par in paragraphs:
            for span in par.spans:
                if span.type == "PER":
                    self._person_mention(par, [par.tokens[i] for i in span.tokens])

    # -- persons ---------------------------------------------------------------------------------------
    def _person_mention(self, par: RuParagraph, tokens: list[RuToken]) -> Cluster | None:
        tokens = [t for t in tokens if t.pos != "PUNCT"]
        name = self.names.name(tokens)
        if not name_words(name) or not name[:1].isupper() or name.lower() in self.not_persons:
            return None
        cluster = self.match_person(name)
        if cluster is None:
            cluster = Cluster(type="PERSON")
            self.clusters.append(cluster)
        if name not in cluster.names:
            cluster.names.append(name)
        start, end = tokens[0].start, tokens[-1].end
        cluster.mentions.append((start, end))
        role = role_near(self.names, par, tokens)
        if role is not None and all(role.title != r.title for r in cluster.roles):
            cluster.roles.append(role)
        cluster.gender = cluster.gender or _agreement_gender(par, tokens[0]) or self.names.gender(name)
        self.on_timeline(start, end, cluster)
        return cluster

    def match_person(self, name: str) -> Cluster | None:
        words = name_words(name)
        persons = [c for c in self.clusters if c.type == "PERSON"]
        if not words:
            return None
        if len(words) >= 2:
            for c in persons:
                full = name_words(c.full_name)
                if len(full) >= 2 and same_name_word(full[0], words[0]) and same_name_word(full[-1], words[-1]):
                    return c
            return next(
                (c for c in persons if len(name_words(c.full_name)) == 1 and same_name_word(c.surname, words[-1])), None
            )
        return next((c for c in reversed(persons) if same_name_word(c.surname, words[0])), None)

    # -- resolution ------------------------------------------------------------------------------------
    def resolve(self, cand: Candidate) -> Cluster | None:
        if cand.source is None:
            return None
        s, e = cand.source
        found = self._token_at(cand.source_head or cand.source)
        if found is None:
            return None
        par, head = found
        hint = _GENDERS.get(self._cue_gender(cand) or "")
        inside = [(ms, c) for c in self.clusters if c.type == "PERSON" for ms, me in c.mentions if s <= ms and me <= e]
        if inside:
            inside.sort(key=lambda x: (abs(x[0] - head.start), x[0]))
            cluster = inside[0][1]
            cluster.gender = cluster.gender or hint
            return self.remember(cluster, cand)
        sentence_start = par.sents[head.sent].start
        word, lemma = head.lower, head.lemma
        if word in _PRONOUN_GENDER:
            return self.remember(self._pronoun(_PRONOUN_GENDER[word], s, sentence_start), cand)
        if head.pos == "PRON":
            return None
        if lemma in rl.SEAT_LEMMAS and head.text[:1].isupper():
            city = self.names.word(head)
            return self.named("GPE", rl.SEAT_LEMMAS[lemma], city)
        if lemma in rl.COUNTRY_LEMMAS and head.pos == "PROPN":
            return self.named("GPE", rl.COUNTRY_LEMMAS[lemma])
        if lemma in INSTITUTION_NOUNS:
            phrase = self._source_tokens(par, s, e)
            return self.named("ORG", self.names.nominative_phrase(phrase) if phrase else head.text)
        ner = par.span_at(head)
        if head.pos == "PROPN" or (ner is not None and head.text[:1].isupper()):
            name = self.names.word(head)
            cluster = self.match_person(name)
            if cluster is not None:
                cluster.gender = cluster.gender or hint
                return self.remember(cluster, cand)
            if ner is not None and ner.type == "LOC":
                return self.named("GPE", self.names.name([par.tokens[i] for i in ner.tokens]))
            if (ner is not None and ner.type == "ORG") or head.text.isupper():
                return self.named(
                    "ORG", self.names.nominative_phrase([par.tokens[i] for i in (ner.tokens if ner else [head.i])])
                )
            if name.lower() not in self.not_persons:
                cluster = Cluster(type="PERSON", names=[name], gender=hint)
                self.clusters.append(cluster)
                return self.remember(cluster, cand)
        if lemma in rl.ROLE_NOUNS and head.feat("Number") != "Plur":
            cluster = self._role_noun(par, head, cand, s, sentence_start, hint)
            if cluster is not None:
                return self.remember(cluster, cand)
        phrase = self._source_tokens(par, s, e)
        label = self.names.nominative_phrase(phrase) if phrase else head.text
        label = label[:1].lower() + label[1:]  # "Эксперты считают" -> "эксперты"; keeps "агентство Bloomberg"
        if head.feat("Number") == "Plur":
            return self.named("GROUP", label)
        person = lemma in rl.ROLE_NOUNS or head.feat("Animacy") == "Anim"
        return self.named("PERSON" if person else "ORG", label)

    def _cue_gender(self, cand: Candidate) -> str | None:
        found = self._token_at(cand.cue) if cand.cue else None
        return found[1].feat("Gender") if found else None

    def _pronoun(self, gender: str, start: int, sentence_start: int) -> Cluster | None:
        for cluster in self.recent_persons(start, sentence_start):
            if cluster.gender and cluster.gender != gender:
                continue
            cluster.gender = cluster.gender or gender
            return cluster
        return None

    def _role_noun(
        self, par: RuParagraph, head: RuToken, cand: Candidate, start: int, sentence_start: int, gender: str | None
    ) -> Cluster | None:
        modifiers = [t.lemma for t in par.tokens if cand.source and cand.source[0] <= t.start and t.end <= head.start]
        country = rl.country_of_lemmas(modifiers)
        candidates = self.recent_persons(start, sentence_start)[:6]

        def compatible(c: Cluster) -> bool:
            if country and c.countries() and country not in c.countries():
                return False
            return not (gender and c.gender and gender != c.gender)

        titled = [c for c in candidates if compatible(c) and c.roles and rl.title_matches(head.lemma, c.titles())]
        untitled = [c for c in candidates if compatible(c) and not c.roles]
        chosen = titled[0] if titled else (untitled[0] if untitled else None)
        if chosen is not None:
            description = self.text[cand.source[0] : cand.source[1]] if cand.source else head.text
            description = description[:1].lower() + description[1:]
            if description not in chosen.descriptions:
                chosen.descriptions.append(description)
            if not chosen.roles:
                chosen.roles.append(Role(title=head.lemma, country=country))
            chosen.gender = chosen.gender or gender
        return chosen

    # -- token helpers ---------------------------------------------------------------------------------
    def _token_at(self, span: tuple[int, int]) -> tuple[RuParagraph, RuToken] | None:
        k = bisect.bisect_right(self.starts, span[0]) - 1
        if k < 0:
            return None
        par = self.paragraphs[k]
        tok = next((t for t in par.tokens if t.start <= span[0] < t.end), None)
        return (par, tok) if tok is not None else None

    def _source_tokens(self, par: RuParagraph, start: int, end: int) -> list[RuToken]:
        return [t for t in par.tokens if start <= t.start and t.end <= end and t.pos != "PUNCT"]


def _gender_agrees(tag: object, gender: str | None) -> bool:
    """A pymorphy3 tag of `gender` (or common gender, "Шевченко"), or any when `gender` is None."""
    grammemes = tag.grammemes  # type: ignore[attr-defined]
    return gender is None or gender in grammemes or "ms-f" in grammemes or "Ms-f" in grammemes


def _agreement_gender(par: RuParagraph, tok: RuToken) -> str | None:
    """The gender of the past-tense verb a name is the subject of ("Котова подтвердила" -> f)."""
    if tok.rel not in ("nsubj", "nsubj:pass") or tok.head < 0:
        return None
    verb = par.tokens[tok.head]
    if verb.pos in ("VERB", "AUX") and verb.feat("Number") != "Plur":
        return _GENDERS.get(verb.feat("Gender") or "")
    return None


def role_near(names: RussianNames, par: RuParagraph, name_tokens: list[RuToken]) -> Role | None:
    """The title written right before a name (or in an apposition after it), parsed into a Role."""
    first, last = name_tokens[0].i, name_tokens[-1].i
    sent = par.sents[name_tokens[0].sent]
    run: list[RuToken] = []
    k = first - 1
    while k >= sent.first:
        t = par.tokens[k]
        if _ends_title(par, t) or t.pos in ("SCONJ", "PRON", "ADP") or (t.pos == "PUNCT" and t.text != ","):
            break
        run.insert(0, t)
        k -= 1
    start = _title_start(run)
    if start is not None:
        return parse_title(names, run[start:])
    after = par.tokens[last + 1 : sent.last]
    if len(after) > 2 and after[0].text == ",":
        run = []
        for t in after[1:]:
            if _ends_title(par, t) or (t.pos == "PUNCT" and t.text != "-"):
                break
            run.append(t)
        if _title_start(run) == 0:
            return parse_title(names, run)
    return None


def _ends_title(par: RuParagraph, tok: RuToken) -> bool:
    """A verb, or another person's name: no title runs across them."""
    return tok.pos in ("VERB", "AUX") or par.span_at(tok, "PER") is not None


def _title_start(run: list[RuToken]) -> int | None:
    """Where a title starts: its first title noun ("сотрудник", "министр"), with the adjectives before it."""
    head = next((i for i, t in enumerate(run) if t.lemma in rl.TITLE_HEADS and t.pos in ("NOUN", "PROPN")), None)
    if head is None:
        return None
    while head > 0 and run[head - 1].pos == "ADJ":
        head -= 1
    return head


def parse_title(names: RussianNames, tokens: list[RuToken]) -> Role | None:
    """ "заместитель министра иностранных дел России" -> title, organisation and country; of several comma-
    separated titles ("кандидат наук, старший научный сотрудник Института X") the one with an organisation."""
    parts: list[list[RuToken]] = [[]]
    for t in tokens:
        if t.text == ",":
            parts.append([])
        elif t.pos != "PUNCT" or t.text == "-":
            parts[-1].append(t)
    best: Role | None = None
    for part in [p for p in parts if p]:
        country = None
        while part and rl.COUNTRY_LEMMAS.get(part[-1].lemma) and part[-1].pos in ("PROPN", "NOUN"):
            country = country or rl.COUNTRY_LEMMAS[part[-1].lemma]
            part = part[:-1]
        split = next(
            (
                j
                for j, t in enumerate(part)
                if j > 0
                and (t.lemma in rl.ORG_HEADS or (t.text[:1].isupper() and t.pos == "PROPN") or t.text.isupper())
            ),
            len(part),
        )
        title_toks, org_toks = part[:split], part[split:]
        title = names.nominative_phrase(title_toks) if title_toks else None
        org = names.nominative_phrase(org_toks) if org_toks else None
        if org and org.lower() in rl.ORG_COUNTRIES and title and "мид" not in title.lower():
            org = None
        country = country or rl.country_of_lemmas([t.lemma for t in org_toks if t.text.isupper()])
        country = country or rl.country_of_lemmas([t.lemma for t in title_toks if t.pos == "ADJ"])
        role = rl.role_from_parts(title.lower() if title and not title.isupper() else title, org, country)
        if role is not None and (best is None or (role.organization and not best.organization)):
            best = role
    return best


def _latin_aliases(cluster: Cluster) -> list[str]:
    if cluster.type == "PERSON":
        full = cluster.full_name
        out = latin_variants(full, limit=8)
        if len(name_words(full)) > 1:
            out += latin_word_variants(cluster.surname, limit=3)
        return out
    out = []
    for name in [cluster.full_name, *cluster.descriptions]:
        english = rl.ENGLISH_NAMES.get(name) or rl.ENGLISH_NAMES.get(name.lower())
        if english:
            out.append(english)
    return out


def build_russian_entities(
    nlp: RussianNLP,
    text: str,
    paragraphs: list[RuParagraph],
    candidates: list[Candidate],
    quoted: list[tuple[int, int]],
    not_persons: frozenset[str] = frozenset(),
) -> tuple[list[Entity], list[str | None]]:
    """Resolve each candidate's speaker; return the entities and, per candidate, its speaker's id."""
    resolver = RussianSpeakerResolver(nlp, text, paragraphs, quoted, not_persons)
    return resolver.entities([resolver.resolve(c) for c in candidates], extra_aliases=_extra_aliases)


def _extra_aliases(c: Cluster) -> list[str]:
    """The surname alone and the Latin spellings: what English-language articles call the same person."""
    surname = [c.surname] if c.type == "PERSON" and len(name_words(c.full_name)) > 1 else []
    return [*surname, *_latin_aliases(c)]
