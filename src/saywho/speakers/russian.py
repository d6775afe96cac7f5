"""Russian speakers: names in the nominative, roles from the titles before a name, pronoun and role-noun
resolution, capitals and institutions as speakers, and Latin forms of every name for cross-language merging.

    "Андрею Седову" -> "Андрей Седов" (aliases "Седов", "Andrei Sedov", "Andrey Sedov", "Sedov")
    "замглавы МИД РФ X" -> Role(title="замглавы", organization="МИД", country="Россия")
    "дипломат", "он", "российский президент" -> the person they refer to; "в Москве" -> Россия (GPE)
"""

from __future__ import annotations

import bisect
import re

from saywho.attribution.ru.lexicon import ADDRESSEE_NOUNS, DOCUMENT_NOUNS, INSTITUTION_NOUNS, SOURCE_NOUNS
from saywho.attribution.ru.tokens import is_outlet
from saywho.attribution.spans import Candidate
from saywho.document import Entity, Role
from saywho.nlp.russian import RuParagraph, RussianNLP, RuToken
from saywho.speakers import roles_ru as rl
from saywho.speakers.clusters import Cluster, ClusterBook
from saywho.speakers.names import clean_org_name, name_words
from saywho.speakers.translit import latin_variants, latin_word_variants, looks_japanese, same_name_word

_PRONOUN_GENDER = {"он": "m", "его": "m", "она": "f", "ее": "f", "её": "f"}
_GENDERS = {"Masc": "m", "Fem": "f"}
_OC_GENDERS = {"masc": "m", "femn": "f"}
_FEMALE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")
_MALE_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый")
_FEMALE_PATRONYMIC = re.compile(r"(?:овн|евн|ичн|инични)(?:а|ы|е|у|ой)$")
_MALE_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ич)(?:а|у|ем|ом|е)?$")
# Ministries named "Мин" + a noun in the genitive do not decline ("Минпросвещения", "Минобороны", "Минцифры",
# "Минобрнауки", "Минэнерго"); "Минфина", "Минздраве" are forms of "Минфин", "Минздрав".
_INDECLINABLE_ORG = re.compile(r"^Мин[а-яё]+(?:ы|и|ия|о)$")
# Surname endings -> the endings of its other cases (masculine and feminine forms): what "Лебедева" or "Лебедеву"
# may be a form of, where pymorphy3 does not know the surname.
_SURNAME_CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ский", ("ского", "скому", "ским", "ском")), ("цкий", ("цкого", "цкому", "цким", "цком")),
    ("ская", ("ской", "скую")), ("цкая", ("цкой", "цкую")),
    ("ой", ("ого", "ому", "ым", "ом")), ("ый", ("ого", "ому", "ым", "ом")),
    ("ова", ("овой", "ову")), ("ева", ("евой", "еву")), ("ина", ("иной", "ину")),
    ("ов", ("ова", "ову", "овым", "ове")), ("ев", ("ева", "еву", "евым", "еве")), ("ёв", ("ёва", "ёву", "ёвым")),
    ("ин", ("ина", "ину", "иным", "ине")), ("ын", ("ына", "ыну", "ыным")),
)  # fmt: skip
# Collective nouns that name many speakers though they do not decline ("СМИ пишут"): groups, not organisations.
_COLLECTIVES = frozenset({"сми"})
# Institutions that refer back to one named before ("в ведомстве", "в самой компании"): speak as that one.
# An institution's short name in brackets after its full name: another name of it.
_BRACKETED_SHORT = re.compile(r"\(([A-ZА-ЯЁ]{2,})\)$")
_ANAPHORIC_ORGS = frozenset(
    "ведомство министерство компания ассоциация регулятор организация учреждение клуб предприятие".split()
)


def is_patronymic(word: str) -> bool:
    low = word.lower()
    return len(low) > 3 and bool(_FEMALE_PATRONYMIC.search(low) or _MALE_PATRONYMIC.search(low))


def surname_forms(surname: str) -> set[str]:
    """The surname and its other case forms, lower-cased ("сомов" -> "сомова", "сомову", ...)."""
    low = surname.lower()
    forms = {low}
    for ending, others in _SURNAME_CASES:
        if low.endswith(ending):
            stem = low[: len(low) - len(ending)]
            forms |= {stem + other for other in others}
            break
    else:
        if low[-1:].isalpha() and low[-1:] not in "аеиоуыэюяь":  # "Гуревич", "Йованович"
            forms |= {low + e for e in ("а", "у", "ем", "ом", "е")}
    return forms


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
        if not known and (looks_japanese(tok.text) or tok.text[-1] in "иэоую"):
            return tok.text  # foreign names ending so do not decline ("с Кэйдзо Обути"); "-ы" is a Russian ending
        parses = self.nlp.parses(tok.text, tok.pos, tok.feats)
        named = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)] or parses
        foreign = _foreign_form(tok, parses, case)
        if foreign is not None:
            return foreign
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
            # A person is one: "Эдуард" is no plural of "Эдуарда" (which would put "Зорин" in the genitive).
            given = [p for p in self.nlp.morph.parse(words[0].text) if "Name" in p.tag and "plur" not in p.tag]
            surname = self.nlp.morph.parse(words[-1].text)

            def agrees(g: object) -> bool:
                tag = g.tag  # type: ignore[attr-defined]
                return any(s.tag.case == tag.case and _gender_agrees(s.tag, tag.gender) for s in surname)

            patronymic = [p.tag for w in words[1:-1] if is_patronymic(w.text) for p in self.nlp.morph.parse(w.text)]
            patronymic = [t for t in patronymic if "Patr" in t] or patronymic

            def agrees_patronymic(g: object) -> bool:
                # "Евгения Сергеевна": a feminine patronymic makes "Евгения" a woman's name in the nominative.
                tag = g.tag  # type: ignore[attr-defined]
                return not patronymic or any(p.case == tag.case and p.gender == tag.gender for p in patronymic)

            chosen = next((g for g in given if agrees(g) and agrees_patronymic(g)), None)
            chosen = chosen or next((g for g in given if agrees(g)), given[0] if given else None)
            if chosen is not None:
                case, gender = chosen.tag.case, chosen.tag.gender
        return " ".join(self.word(t, case, gender) for t in words)

    def nominative_phrase(self, tokens: list[RuToken]) -> str:
        """A phrase with its first word in the nominative ("Института Китая" -> "Институт Китая")."""
        if not tokens:
            return ""
        # "Северо-Западного педагогического университета": the adjectives and their noun go to the nominative.
        k = 0
        while k + 1 < len(tokens) and tokens[k].pos == "ADJ" and tokens[k + 1].pos in ("ADJ", "NOUN", "PROPN"):
            k += 1
        out = ""
        for j, tok in enumerate(tokens[: k + 1]):
            gap = self.text[tokens[j - 1].end : tok.start] if j else ""
            out += gap + self._nominative_word(tok)
        out += self.text[tokens[k].end : tokens[-1].end]
        closer = self.text[tokens[-1].end : tokens[-1].end + 1]
        if closer in "»“”" and closer and out.count("«") + out.count("„") > out.count("»") + out.count("“"):
            out += closer  # "компания «Брагин и партнеры»"
        return out

    def _nominative_word(self, tok: RuToken) -> str:
        word = tok.text
        if _INDECLINABLE_ORG.match(word):
            return word
        if tok.feat("Case") not in (None, "Nom") and word.replace("-", "").isalpha() and not word.isupper():
            parses = self.nlp.parses(word, tok.pos, tok.feats)
            inflected = parses[0].inflect({"nomn"}) if parses else None
            if inflected is not None:
                parts = inflected.word.split("-")
                old = tok.text.split("-")
                if len(parts) == len(old):
                    parts = [p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, old, strict=True)]
                word = "-".join(parts)
        return word

    def gender_is_certain(self, name: str) -> bool:
        """Does a patronymic or a known given name fix the gender (not a surname's ending)?"""
        words = name.split()
        if any(is_patronymic(w) for w in words[1:-1]):
            return True
        return (
            len(words) >= 2
            and self.nlp.morph.word_is_known(words[0])
            and any("Name" in p.tag for p in self.nlp.morph.parse(words[0]))
        )

    def gender(self, name: str) -> str | None:
        """From a known given name (Андрей, Ольга), else from a Russian surname ending (-ова, -ский)."""
        words = name.split()
        for word in words[1:-1]:  # the middle word: a two-word name's last word is a surname ("Йованович")
            if is_patronymic(word):
                return "f" if _FEMALE_PATRONYMIC.search(word.lower()) else "m"
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
        if any(rl.is_ministry(t.text) for t in tokens):
            return None  # "Минцифры", tagged as a person
        cluster = self.match_person(name)
        by_form = None
        if cluster is None and len(tokens) == 1:
            by_form = cluster = self.match_surname_form(tokens[0].text)  # "Лебедева" (pymorphy: "Лебедевая")
        if cluster is None:
            cluster = Cluster(type="PERSON")
            self.clusters.append(cluster)
        if name not in cluster.names and by_form is None:
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
        if len(words) == 2 and is_patronymic(words[1]):
            # "Виктор Ильич" (an interviewer's address): the person with that given name and patronymic.
            return next(
                (
                    c
                    for c in persons
                    if len(full := name_words(c.full_name)) >= 2
                    and same_name_word(full[0], words[0])
                    and full[1].lower() == words[1].lower()
                ),
                None,
            )
        if len(words) >= 2:
            for c in persons:
                full = name_words(c.full_name)
                if len(full) >= 2 and same_name_word(full[0], words[0]) and same_name_word(full[-1], words[-1]):
                    return c
            for c in persons:
                # "Абдель Керим" after "Омар Абдель Керим": a compound surname without the given name.
                full = name_words(c.full_name)
                tail = full[len(full) - len(words) :]
                if len(full) > len(words) and all(same_name_word(a, b) for a, b in zip(tail, words, strict=True)):
                    return c
            return next(
                (c for c in persons if len(name_words(c.full_name)) == 1 and same_name_word(c.surname, words[-1])), None
            )
        return next((c for c in reversed(persons) if same_name_word(c.surname, words[0])), None)

    def match_surname_form(self, word: str) -> Cluster | None:
        """The latest person whose surname `word` is a case form of ("Лебедева" -> Лебедев)."""
        low = word.lower()
        persons = [c for c in self.clusters if c.type == "PERSON" and len(name_words(c.full_name)) > 1]
        return next((c for c in reversed(persons) if low in surname_forms(c.surname)), None)

    # -- resolution ------------------------------------------------------------------------------------
    def resolve(self, cand: Candidate) -> Cluster | None:
        """The speaker of a candidate; its source becomes a mention (organisations too: "в ведомстве" looks
        for the last one named)."""
        return self.remember(self._resolve(cand), cand)

    def _resolve(self, cand: Candidate) -> Cluster | None:
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
            # "сказала … Мао Нин": a feminine verb says its subject is a woman, whatever the name suggests (a
            # masculine one may agree with a title: "представитель сказал" of a woman).
            if hint == "f" or (hint and not self.names.gender_is_certain(cluster.full_name)):
                cluster.gender = hint
            return self.remember(cluster, cand)
        sentence_start = par.sents[head.sent].start
        if cand.kind == "direct" and cand.content and cand.content[0][0] < s:
            # "X рассказал, что … «Цитата», — пояснил собеседник": the parser's sentence may run on into the
            # quotation; those named before the quotation are the ones its author refers back to.
            sentence_start = max(sentence_start, cand.content[0][0])
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
        if word == "там":
            return self._there(s)
        document = self._document(par, head, cand)
        if document is not None:
            return document
        if lemma in INSTITUTION_NOUNS or rl.is_ministry(head.text):
            # "В Минздраве России считают" -> "Минздрав России": the ministry with its country.
            return self._institution(par, head, s, e)
        if lemma == "агентство" and len(self._source_tokens(par, s, e)) == 1:
            agency = self._introduced_as(lemma, s)  # "по данным агентства" after "агентство Киодо"
            if agency is not None:
                return agency
        if word in _COLLECTIVES:
            return self._group(par, head, s, e)
        ner = par.span_at(head)
        # "Замминистра подчеркнул": a capitalised title opening a sentence is no name.
        role_word = lemma in rl.ROLE_NOUNS and par.span_at(head, "PER") is None
        if not role_word and (head.pos == "PROPN" or (ner is not None and head.text[:1].isupper())):
            name = self.names.word(head)
            cluster = self.match_person(name)
            if cluster is not None:
                cluster.gender = cluster.gender or hint
                return self.remember(cluster, cand)
            if ner is not None and ner.type == "LOC":
                return self.named("GPE", self.names.name([par.tokens[i] for i in ner.tokens]))
            if (ner is not None and ner.type == "ORG") or head.text.isupper():
                # "МУП «Х» Ngs.ru": the outlet told after the name is no part of it
                own = [par.tokens[i] for i in (ner.tokens if ner else [head.i]) if not is_outlet(par, i)] or [head]
                return self.named("ORG", self.names.nominative_phrase(own), clean=not _owned(own))
            if name.lower() not in self.not_persons:
                cluster = Cluster(type="PERSON", names=[name], gender=hint)
                self.clusters.append(cluster)
                return self.remember(cluster, cand)
        qualified = any(t.pos == "ADP" and t.i > head.i for t in self._source_tokens(par, s, e))
        if lemma in rl.ROLE_NOUNS and head.feat("Number") != "Plur" and not qualified:
            cluster = self._role_noun(par, head, cand, s, sentence_start, hint)
            if cluster is not None:
                return self.remember(cluster, cand)
        if head.feat("Number") == "Plur":
            return self._group(par, head, s, e)
        phrase = self._source_tokens(par, s, e)
        if self.text[s : s + 1] in ("«", "„", '"') and phrase:  # "по данным «Футбольного курьера»": a title
            return self.named("ORG", self.names.nominative_phrase(phrase))
        if not qualified and _is_epithet(head, phrase):
            cluster = self._epithet(head, s, hint)
            if cluster is not None:
                return self.remember(cluster, cand)
        label = self.names.nominative_phrase(phrase) if phrase else head.text
        label = label[:1].lower() + label[1:]  # "Эксперты считают" -> "эксперты"; keeps "агентство Bloomberg"
        # "Источник в правительстве рассказал": an unnamed source is someone ("По его словам" reaches it).
        person = lemma in rl.ROLE_NOUNS or lemma in SOURCE_NOUNS or head.feat("Animacy") == "Anim"
        return self.named("PERSON" if person else "ORG", label)

    def _introduced_as(self, noun: str, before: int) -> Cluster | None:
        """The organisation last introduced with `noun` before `before` ("агентство Киодо"), in this paragraph or
        the one before."""
        k = bisect.bisect_right(self.starts, before) - 1
        found: list[tuple[int, list[RuToken]]] = []
        for par in self.paragraphs[max(0, k - 1) : k + 1]:
            for span in par.spans:
                first = span.tokens[0]
                if span.type == "ORG" and span.end <= before and first > 0 and par.tokens[first - 1].lemma == noun:
                    found.append((span.start, [par.tokens[i] for i in span.tokens]))
        if not found:
            return None
        _, tokens = max(found, key=lambda x: x[0])
        name = self.names.nominative_phrase(tokens)
        existing = [c for c in self.clusters if c.type == "ORG" and c.full_name.lower() == name.lower()]
        return existing[0] if existing else self.named("ORG", name)

    def _group(self, par: RuParagraph, head: RuToken, start: int, end: int) -> Cluster:
        """ "Эксперты считают" -> "эксперты", "Японские СМИ пишут" -> "японские СМИ": a group by its phrase."""
        phrase = self._source_tokens(par, start, end)
        label = self.names.nominative_phrase(phrase) if phrase else head.text
        return self.named("GROUP", label[:1].lower() + label[1:])

    def _institution(self, par: RuParagraph, head: RuToken, start: int, end: int) -> Cluster:
        """ "в Минфине" -> Минфин; "в пресс-службе ЦБ" -> ЦБ (a press service speaks for its organisation);
        "в ведомстве", "в самой компании" -> the organisation named before."""
        phrase = self._source_tokens(par, start, end)
        while phrase and phrase[0].lemma == "сам":  # "в самой компании"
            phrase = phrase[1:]
        if not phrase:
            return self.named("ORG", head.text)
        org = phrase
        if phrase[0].lemma == "пресс-служба" and len(phrase) > 1:
            org = phrase[1:]
        description = self.names.nominative_phrase(phrase)
        # "антимонопольного ведомства": lowercase adjectives do not name it, it still refers back
        bare = [t for t in org if not (t.pos == "ADJ" and t.text.islower())]
        if len(bare) == 1 and bare[0] is org[-1] and bare[0].lemma in _ANAPHORIC_ORGS:
            antecedent = self._antecedent_org(start, "ministry" if bare[0].lemma == "министерство" else "any")
            if antecedent is not None:
                if description.lower() not in (d.lower() for d in antecedent.descriptions):
                    antecedent.descriptions.append(description[:1].lower() + description[1:])
                return antecedent
        name = self.names.nominative_phrase(org)
        cluster = self.named("ORG", name, alias=description if org is not phrase else None, clean=not _owned(org))
        short = _BRACKETED_SHORT.search(self.text[start:end])  # "в Федеральной налоговой службе (ФНС)"
        if short and short[1] != cluster.full_name and short[1] not in cluster.descriptions:
            cluster.descriptions.append(short[1])
        return cluster

    def _antecedent_org(self, before: int, kind: str = "any") -> Cluster | None:
        """The organisation named last before `before`, in its paragraph or the two before it: a speaking one,
        or one natasha tags (outlets, which are told things, aside). `kind` "ministry": a ministry ("в пресс-службе
        министерства" is no company named between); "actor": one that spoke or was a subject, anywhere before
        (the author of "документ", not an organisation the document mentions)."""
        found: list[tuple[int, Cluster | list[RuToken]]] = [
            (ms, c) for c in self.clusters if c.type == "ORG" for ms, _ in c.mentions if ms < before
        ]
        k = bisect.bisect_right(self.starts, before) - 1
        first = 0 if kind == "actor" else max(0, k - 2)
        for par in self.paragraphs[first : k + 1]:
            for span in par.spans:
                tokens = [par.tokens[i] for i in span.tokens]
                outlet = any(is_outlet(par, t.i) or self._publisher_name(t.text) for t in tokens)
                organisation = span.type == "ORG" or rl.is_ministry(tokens[0].text)
                actor = kind != "actor" or any(t.rel in ("nsubj", "nsubj:pass") for t in tokens)
                if organisation and actor and span.end <= before and not outlet and not self.in_quote(span.start):
                    found.append((span.start, tokens))
        if kind == "ministry":
            found = [(ms, w) for ms, w in found if _ministry_like(w.full_name if isinstance(w, Cluster) else w[0].text)]
        if not found:
            return None
        start, what = max(found, key=lambda x: x[0])
        if kind == "actor":
            start, what = self._most_mentioned(found)
        if self.starts and start < self.starts[first]:
            return None
        return what if isinstance(what, Cluster) else self.named("ORG", self.names.nominative_phrase(what))

    def _publisher_name(self, word: str) -> bool:
        """The article's own outlet, by name or by its initials ("РГ" in an article of «Российская газета»)."""
        low = word.lower()
        initials = {"".join(w[:1] for w in p.split()) for p in self.not_persons if len(p.split()) > 1}
        return low in self.not_persons or (word.isupper() and low in initials)

    def _most_mentioned(self, found: list[tuple[int, Cluster | list[RuToken]]]) -> tuple[int, Cluster | list[RuToken]]:
        """The organisation the article names most often (the last on a tie): a bare "документ" is the one the
        story is about, whoever commented on it since."""
        counts: dict[str, int] = {}
        named: list[tuple[str, int, Cluster | list[RuToken]]] = []
        for start, what in found:
            name = what.full_name if isinstance(what, Cluster) else self.names.nominative_phrase(what)
            key = (clean_org_name(name) or name).lower()
            counts[key] = counts.get(key, 0) + 1
            named.append((key, start, what))
        key, start, what = max(named, key=lambda x: (counts[x[0]], x[1]))
        return start, what

    def _there(self, before: int) -> Cluster | None:
        """ "Сообщили в пресс-службе Минсельхоза. Там уточнили": the institution or place that spoke last, in this
        paragraph or the one before."""
        k = bisect.bisect_right(self.starts, before) - 1
        since = self.starts[max(0, k - 1)] if self.starts else 0
        spoke = [
            (ms, c) for c in self.clusters if c.type in ("ORG", "GPE") for ms, _ in c.mentions if since <= ms < before
        ]
        return max(spoke, key=lambda x: x[0])[1] if spoke else None

    def _document(self, par: RuParagraph, head: RuToken, cand: Candidate) -> Cluster | None:
        """ "…, говорится в пояснительной записке": a document that names no author speaks for the organisation
        that acted last before it (that drafted it), if any."""
        tokens = self._source_tokens(par, *cand.source) if cand.source else []
        if head.lemma not in DOCUMENT_NOUNS or any(t.pos in ("NOUN", "PROPN") and t is not head for t in tokens):
            return None
        antecedent = self._antecedent_org(tokens[0].start if tokens else head.start, "actor")
        if antecedent is not None:
            description = self.names.nominative_phrase(tokens)
            if description and description.lower() not in (d.lower() for d in antecedent.descriptions):
                antecedent.descriptions.append(description[:1].lower() + description[1:])
        return antecedent

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

        titled = [c for c in candidates if compatible(c) and c.roles and rl.title_matches(head.lemma, _role_texts(c))]
        # An unnamed source ("источник в Брюсселе") is no president or minister: only "собеседник" and the like
        # (any person will do) may refer back to one.
        untitled = [
            c for c in candidates if compatible(c) and not c.roles and (c.names or rl.ROLE_NOUNS[head.lemma] is None)
        ]
        chosen = titled[0] if titled else (untitled[0] if untitled else None)
        if rl.ROLE_NOUNS[head.lemma] is None:
            # "собеседник", "чиновник": any person will do, so the nearest one, titled or not (the unnamed source
            # just quoted, not an expert named paragraphs before).
            chosen = next((c for c in candidates if compatible(c)), None)
        if chosen is not None:
            description = self.text[cand.source[0] : cand.source[1]] if cand.source else head.text
            if head.feat("Case") not in (None, "Nom") and cand.source:  # "по словам градоначальника"
                description = self.names.nominative_phrase(self._source_tokens(par, *cand.source)) or description
            description = description[:1].lower() + description[1:]
            if description not in chosen.descriptions:
                chosen.descriptions.append(description)
            if not chosen.roles:
                chosen.roles.append(Role(title=head.lemma, country=country))
            chosen.gender = chosen.gender or gender
        return chosen

    def _epithet(self, head: RuToken, start: int, gender: str | None) -> Cluster | None:
        """ "— сказал законодатель", "по мнению пенсионера", "сетует мужчина": a bare person noun (no name)
        is a definite reference to the named person just before (this paragraph or the one before), of the
        gender the verb or a feminine noun ("петербурженка") gives."""
        gender = gender or ("f" if head.feat("Gender") == "Fem" else None)
        k = bisect.bisect_right(self.starts, start) - 1
        since = self.starts[max(0, k - 1)] if self.starts else 0
        recent = [id(c) for ms, _, c in self.timeline if since <= ms < start]
        for cluster in self.recent_persons(start, start):
            if id(cluster) in recent and cluster.names and not (gender and cluster.gender and gender != cluster.gender):
                cluster.gender = cluster.gender or gender
                return cluster
        return None

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


def _owned(org: list[RuToken]) -> bool:
    """ "департамент транспорта Казани", "Мэрия Новосибирска": a capitalised name in the genitive after an
    institution noun owns the institution, it does not name it (as "агентство Киодо" does)."""
    kind = org[0].text.islower() or (org[0].pos == "NOUN" and org[0].text[1:].islower())
    # "управа района Марьино": an indeclinable name after a genitive noun is owned too
    genitive = [t.feat("Case") == "Gen" or prev.feat("Case") == "Gen" for prev, t in zip(org, org[1:], strict=False)]
    return kind and any(t.text[:1].isupper() and g for t, g in zip(org[1:], genitive, strict=False))


def _is_epithet(head: RuToken, phrase: list[RuToken]) -> bool:
    """A person noun with at most adjectives before it ("серб", "молодой человек"), no name, no other noun: an
    epithet for someone named before (unnamed sources, "источник", are new persons)."""
    if head.pos != "NOUN" or head.feat("Animacy") != "Anim" or head.lemma in SOURCE_NOUNS or head.text[:1].isupper():
        return False
    return all(t is head or t.pos in ("ADJ", "DET") for t in phrase) and not any(t.pos == "DET" for t in phrase)


def _ministry_like(name: str) -> bool:
    """ "Минцифры", "МИД России", "Министерство финансов": a ministry's name."""
    first = name.split()[0] if name.split() else ""
    return rl.is_ministry(first) or first.lower() in ("мид", "министерство", "минобороны")


def _role_texts(c: Cluster) -> list[str]:
    """Each role as its title and organisation ("глава МИД Сербии"): a role noun may refer to either."""
    return [" ".join(x for x in (r.title, r.organization) if x) for r in c.roles if r.title]


# The masculine endings of an oblique case on a consonant stem ("Бадром" -> "Бадр"), by natasha's case.
_MASCULINE_ENDINGS = {"Ins": ("ом", "ем"), "Gen": ("а",)}
_UD_TO_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def _foreign_form(tok: RuToken, parses: list[object], case: str | None) -> str | None:
    """A foreign name pymorphy3 has no name reading of that agrees with its case: kept as written when it ends in
    a vowel (the given name "Минору" is no form of "минор"), or stripped of a masculine ending on a consonant stem
    ("с коллегой Бадром" -> "Бадр"). None: leave it to pymorphy3."""
    ud_case = tok.feat("Case")
    wanted = case or _UD_TO_OC_CASE.get(ud_case or "")
    if wanted is None or wanted == "nomn" or tok.feat("Gender") == "Fem":
        return None
    names = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]  # type: ignore[attr-defined]
    if any(p.tag.case == wanted for p in names):  # type: ignore[attr-defined]
        return None
    low = tok.text.lower()
    if low[-1] in "иоуэе" and not any(p.tag.case == wanted for p in parses):  # type: ignore[attr-defined]
        return tok.text
    for ending in _MASCULINE_ENDINGS.get(ud_case or "", ()):
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 3 and stem[-1] not in "аеёиоуыэюяйьъ":
            return tok.text[: -len(ending)]
    return None


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
        nxt = par.tokens[k + 1]
        field_of = t.pos == "ADP" and nxt.lemma in _FIELD_NOUNS  # "эксперт в области образования"
        if _ends_title(par, t) or t.pos in ("SCONJ", "PRON") or (t.pos == "ADP" and not field_of):
            break
        if t.pos == "PUNCT" and t.text not in _TITLE_PUNCT:
            break
        run.insert(0, t)
        k -= 1
    start = _title_start(run)
    if start is not None:
        return _with_country(par, name_tokens[0], parse_title(names, run[start:]))
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


_TITLE_PUNCT = frozenset(',«»"„“')  # an organisation's quoted name stays in its title ("аналитик «Финам»")
_FIELD_NOUNS = frozenset("область сфера вопрос".split())
# "глава МИД республики": the country is the one the sentence names before.
_COUNTRY_ANAPHORS = ("республики", "страны", "государства")


def _with_country(par: RuParagraph, name: RuToken, role: Role | None) -> Role | None:
    """Resolve "республики" / "страны" at the end of an organisation to the country named before in the
    sentence ("Сербия готова ..., заявил глава МИД республики X" -> МИД, Сербия)."""
    if role is None or not role.organization:
        return role
    words = role.organization.split()
    if len(words) < 2 or words[-1].lower() not in _COUNTRY_ANAPHORS:
        return role
    sent = par.sents[name.sent]
    named = [
        rl.COUNTRY_LEMMAS.get(t.lemma) or rl.SEAT_LEMMAS.get(t.lemma)
        for t in par.tokens[sent.first : name.i]
        if t.pos == "PROPN"
    ]
    named = [c for c in named if c]
    if not named:
        return role
    return Role(title=role.title, organization=" ".join(words[:-1]), country=role.country or named[0])


def _ends_title(par: RuParagraph, tok: RuToken) -> bool:
    """A verb, or another person's name: no title runs across them."""
    return tok.pos in ("VERB", "AUX") or par.span_at(tok, "PER") is not None


def _title_start(run: list[RuToken]) -> int | None:
    """Where a title starts: its first title noun ("сотрудник", "министр"), with the adjectives before it."""
    head = next(
        (
            i
            for i, t in enumerate(run)
            if t.lemma in rl.TITLE_HEADS
            and t.pos in ("NOUN", "PROPN")
            and not (t.lemma in ADDRESSEE_NOUNS and t.feat("Case") == "Dat")  # "сообщил журналистам министр"
        ),
        None,
    )
    if head is None:
        return None
    while head > 0 and run[head - 1].pos == "ADJ":
        head -= 1
    return head


def parse_title(names: RussianNames, tokens: list[RuToken]) -> Role | None:
    """ "заместитель министра иностранных дел России" -> title, organisation and country; of several comma-
    separated titles ("кандидат наук, старший научный сотрудник Института X") the one with an organisation."""
    parts: list[list[RuToken]] = [[]]
    # A quoted name starts an organisation ("аналитик «Альфа-Капитал»").
    quoted = {t.i + 1 for t in tokens if t.text in ("«", "„", '"')}
    for t in tokens:
        if t.text == ",":
            parts.append([])
        elif t.pos != "PUNCT" or t.text == "-":
            parts[-1].append(t)
    best: Role | None = None
    for part in [p for p in parts if p]:
        country = None
        country_toks: list[RuToken] = []
        while part and rl.COUNTRY_LEMMAS.get(part[-1].lemma) and part[-1].pos in ("PROPN", "NOUN"):
            country = country or rl.COUNTRY_LEMMAS[part[-1].lemma]
            country_toks.insert(0, part[-1])
            part = part[:-1]
        split = next(
            (
                j
                for j, t in enumerate(part)
                if j > 0
                and (
                    t.lemma in rl.ORG_HEADS
                    or (t.text[:1].isupper() and t.pos == "PROPN")
                    or t.text.isupper()
                    or t.i in quoted
                )
            ),
            len(part),
        )
        while split > 1 and part[split - 1].pos == "ADJ":  # "партнер юридической компании": the company's
            split -= 1
        title_toks, org_toks = part[:split], part[split:]
        if country and len(org_toks) == 1 and org_toks[0].lemma in rl.ORG_HEADS:
            org_toks = org_toks + country_toks  # "Банк России" is a name, not a bank somewhere in Russia
        title = names.nominative_phrase(title_toks) if title_toks else None
        org = names.nominative_phrase(org_toks) if org_toks else None
        if org and org.lower() in rl.COUNTRY_LEMMAS and title and "мид" not in title.lower():
            org = None  # "посол России": the country, not an organisation
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
    if c.type == "PERSON" and c.canonical:  # "источник в правительстве": a description, not a name
        return []
    surname = [c.surname] if c.type == "PERSON" and len(name_words(c.full_name)) > 1 else []
    return [*surname, *_latin_aliases(c)]
