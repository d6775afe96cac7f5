"""Person mentions from spaCy's NER, with the role words written around each mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from saywho.document import Role
from saywho.nlp.english import INITIALLED_NAME, Paragraph
from saywho.speakers.names import FAMILY_NAMES_FIRST, HONORIFICS, clean_name, compound_org_name, name_words
from saywho.speakers.roles import COUNTRIES, parse_apposition_role, parse_descriptor_role, parse_premodifier_role

# Lowercase words that belong to a title before a name ("deputy foreign minister", "press secretary").
_TITLE_LOWER = frozenset(
    "deputy vice acting former first prime foreign minister secretary press general chief senior state "
    "president chairman chairwoman chair director head spokesman spokeswoman spokesperson ambassador senator "
    "governor mayor premier chancellor representative rep congressman congresswoman judge justice attorney "
    "professor analyst researcher economist commander officer envoy leader king queen prince emperor pope "
    "ceo executive founder candidate nominee lawmaker deputy-head akim hokim commissioner democrat republican "
    "conservative socialist liberal communist mp meteorologist colonel major captain lieutenant admiral "
    # Posts of local government and offices abroad that translations keep in their own words ("the khokim of
    # Tashkent", "the voivode", "the wali"), and other posts a name follows in a title phrase.
    "khokim voivode prefect wali kaymakam mukhtar alcalde burgomaster starosta prosecutor ombudsman rector dean "
    "adviser advisor aide inspector coordinator manager chairperson superintendent sheriff".split()
)
# Title words that make a premodifier a role ("Deputy Foreign Minister X"); a bare first name ("Alexei"
# left of a surname NER tagged alone) has none of them.
TITLE_WORDS = _TITLE_LOWER  # for the resolver: a capitalised source made only of these is a role noun
_ROLE_HEADS = _TITLE_LOWER - {"first", "former", "acting", "senior", "state", "press", "foreign", "vice", "prime"}
_FEMALE_HONORIFICS = frozenset(
    ["mrs", "ms", "miss", "madam", "mme", "mlle", "frau", "sra", "srta", "dra", "licda", "mtra"]
)
_MALE_HONORIFICS = frozenset(["mr", "sir", "herr", "sr", "mtro"])


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    role: Role | None
    sentence_start: int
    gender: str | None = None
    # "told X": X is spoken to. Outlets are often named so ("told Kommersant") and NER calls them persons,
    # and an addressee is rarely the one a later "he said" means.
    addressee: bool = False


def person_mentions(paragraphs: list[Paragraph]) -> list[PersonMention]:
    mentions: list[PersonMention] = []
    for par in paragraphs:
        if title_case_line(par.text):
            continue  # "Obama Says Museum Tells …": NER reads capitalised verbs into names ("Obama Says")
        persons: list[SpacySpan] = []
        for ent in par.doc.ents:
            if ent.label_ == "ORG":
                ent = _person_after_organisation(ent)
            elif ent.label_ in ("GPE", "LOC", "NORP"):
                ent = _titled_name_as_place(ent)
            elif ent.label_ == "PERSON" and _named_thing(ent):
                continue
            if ent is not None and ent.label_ == "PERSON":
                persons.append(ent)
        for name in _names_after_titles(par.doc) + _initialled_names(par.doc):
            # The title phrase's name replaces what NER made of it ("Smirnov" alone, or nothing).
            persons = [p for p in persons if p.end <= name.start or p.start >= name.end] + [name]
        persons = [
            _with_hyphenated_tail(_with_surname_tail(_with_family_name(_with_name_after_honorific(p)))) for p in persons
        ]
        for ent in sorted(persons, key=lambda e: e.start):
            mention = _mention(ent, par.offset)
            if mention is not None:
                mentions.append(mention)
    return mentions


def title_case_line(text: str) -> bool:
    """A headline set in title case: one line of 3 to 25 words, most longer words after the first capitalised."""
    words = text.split()
    if "\n" in text.strip() or not 3 <= len(words) <= 25:
        return False
    longer = [w for w in words[1:] if len(w.strip("\"'“”‘’,:;.!?")) >= 4 and w[:1].isalpha()]
    return len(longer) >= 2 and sum(w[:1].isupper() for w in longer) >= 0.9 * len(longer)


# Words that make a span an organisation's name ("the Institute of Energy Policy").
_ORG_WORDS = frozenset(
    "institute ministry service center centre university academy committee council agency bank fund company "
    "corporation department office party foundation commission administration school union association "
    "federation duma court embassy club society chamber authority bakery plant factory airport operator "
    "railways airlines inspectorate directorate observatory secretariat hospital clinic".split()
)
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna)$")


def _person_after_organisation(ent: SpacySpan) -> SpacySpan | None:
    """The person spaCy tagged as (part of) an ORG, or None.

    In "the director of the Institute of Energy Policy Ivan Orlov" spaCy often tags the organisation and the name
    after it as one ORG: a translation keeps the Russian order, with no comma before the name. The last two
    capitalised words (three with a patronymic) are then the person. A name in apposition to a title is one too."""
    words = list(ent)
    honorific = max((k for k, t in enumerate(words[:-2]) if _honorific(t) and len(t.text) > 1), default=None)
    if honorific is not None and all(_name_word(t) for t in words[honorific + 1 :]):
        # "MMA President Dr Kumar Selvam Raju": the name after an honorific, whatever NER took with it.
        return SpacySpan(ent.doc, words[honorific + 1].i, ent.end, label="PERSON")
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and _honorific(before) and len(before.text) > 1 and all(_name_word(t) for t in words):
        return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")  # "Dr | Kumar Selvam Raju" tagged ORG
    if 2 <= len(words) <= 3 and ent.root.dep_ == "appos" and _titled(ent.root.head):
        # "The head of the department, Magnus Brunner, ...": a name in apposition to a title, tagged ORG.
        if all(_name_word(t) for t in words):
            return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")
        return None
    if len(words) < 4 or not any(t.lower_ in _ORG_WORDS for t in words[:-2]):
        return None
    n = 3 if _PATRONYMIC.search(words[-2].lower_) else 2
    name = words[-n:]
    before = words[-n - 1]
    if not all(_name_word(t) for t in name) or before.lower_ in ("of", "the", "and", "for"):
        return None
    return SpacySpan(ent.doc, name[0].i, name[-1].i + 1, label="PERSON")


def _titled_name_as_place(ent: SpacySpan) -> SpacySpan | None:
    """A foreign name NER took for a place ("Hazem El-Menshawy" GPE), when a title stands in apposition to it.

    "X, head of the Authority, said" and "The head of the Authority, X, said": a place is never the head of
    anything, so the title makes X a person. Countries the lexicon knows stay places ("Russia, a member of …")."""
    root = ent.root
    titled = (root.dep_ == "appos" and _titled(root.head)) or any(
        c.dep_ == "appos" and c.lower_ in _TITLE_LOWER for c in root.children
    )
    words = [t for t in ent if not (t.text in "-‐" and t.is_punct)]  # "El-Menshawy": the hyphen joins name words
    if not titled or not 2 <= len(words) <= 4 or not all(_name_word(t) for t in words):
        return None
    if ent.text.lower() in COUNTRIES:
        return None
    return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")


def _titled(t: Token) -> bool:
    """A title, or the object of its "of": the parser hangs "the head of the Authority, X," on "Authority"."""
    if t.lower_ in _TITLE_LOWER:
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _TITLE_LOWER


# Prepositions that follow a name in a title phrase ("… Budi Santoso in Jakarta") but rarely sit inside an
# organisation's name (which takes "of", "for", "on" and "and").
_PLACE_AFTER_NAME = frozenset("in at from during".split())


def _names_after_titles(doc: Doc) -> list[SpacySpan]:
    """Names that end a title phrase: "the governor of the Kursk region Alexei Smirnov said".

    Translations from Russian write the title, its organisation and the name with no comma between them. spaCy-sm
    then tags the name ORG, tags its surname alone, or misses it. The last two capitalised words (three with a
    patronymic) before the verb or punctuation that ends the phrase are the person, when a word of the
    organisation comes between them and "of"."""
    names: list[SpacySpan] = []
    lowers = [t.lower_ for t in doc]  # spaCy makes a new Token at every index: read the words once
    for i in range(len(lowers) - 2):
        if lowers[i] not in _ROLE_HEADS or lowers[i + 1] not in ("of", "for"):
            continue
        t = doc[i]
        end = t.i + 2
        place_at = None  # "Minister of Transportation Budi Santoso in Jakarta": where he spoke may end it
        while end < len(doc) and end - t.i < 16 and _in_title_phrase(doc[end]):
            if place_at is None and doc[end].lower_ in _PLACE_AFTER_NAME and end - t.i >= 4:
                place_at = end if _name_word(doc[end - 1]) else None
            end += 1
        if end - t.i >= 16:
            continue
        if end < len(doc) and doc[end].text == ",":
            # "The governor of the region, Pavel Sergeevich Lebedev, said": the name set off by commas.
            name = _name_between_commas(doc, end)
            if name is not None:
                names.append(name)
                continue
            # Else the name ends the phrase and the comma opens an aside: "… Olena Koval, in turn, noted".
        if place_at is not None:
            end = place_at  # no name after the place: the one before it
        n = 3 if end - 2 > t.i and _PATRONYMIC.search(doc[end - 2].lower_) else 2
        start = end - n
        if start < t.i + 3:  # "of", at least one word of the organisation, the name
            continue
        before = doc[start - 1]
        if before.lower_ in ("of", "the", "and", "for", "on", "in") or not all(_name_word(w) for w in doc[start:end]):
            continue
        if end < len(doc) and doc[end].tag_ == "POS":
            continue  # "the Provincial People's Committee": an organisation's name goes on
        if any(w.ent_type_ in ("GPE", "LOC", "NORP", "DATE") for w in doc[start:end]):
            continue
        names.append(SpacySpan(doc, start, end, label="PERSON"))
    return names


def _initialled_names(doc: Doc) -> list[SpacySpan]:
    """One-token names of an initial and a given name glued by a full stop ("D.Bold"), whatever NER made of them."""
    return [
        SpacySpan(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if "." in t.text and t.pos_ == "PROPN" and INITIALLED_NAME.fullmatch(t.text)
    ]


def _name_between_commas(doc: Doc, comma: int) -> SpacySpan | None:
    """The two or three name words (first name, patronymic, surname) between `comma` and the next comma."""
    for n in (4, 3, 2):  # "Luis Ferreira Costa", "Pavel Sergeevich Lebedev", "Anna Berg"
        end = comma + 1 + n
        if end > len(doc):
            continue
        closed = end == len(doc) or doc[end].text in (",", ".", ";") or doc[end].pos_ in ("VERB", "AUX")
        if closed and all(_name_word(w) for w in doc[comma + 1 : end]):
            return SpacySpan(doc, comma + 1, end, label="PERSON")
    return None


# An organisation's name in quotation marks or with its abbreviation: 'the company "SevmorTrans"', 'Union (RBU)'.
_NAME_PUNCT = frozenset('"“”«»„()')


def _with_name_after_honorific(ent: SpacySpan) -> SpacySpan:
    """ "Datuk Dr Aminah Abdul Rahman" for NER's "Abdul Latif": the given names between an honorific and the span."""
    doc, start = ent.doc, ent.start
    while start > 0 and ent.start - start < 2 and _name_word(doc[start - 1]) and not _honorific(doc[start - 1]):
        start -= 1
    if start < ent.start and start > 0 and _honorific(doc[start - 1]):
        return SpacySpan(doc, start, ent.end, label="PERSON")
    return ent


def _honorific(t: Token) -> bool:
    return t.text.rstrip(".").lower() in HONORIFICS


def _with_family_name(ent: SpacySpan) -> SpacySpan:
    """ "Tran Van An" for NER's "Van An": a family name that comes first, left out of the span."""
    if ent.start == 0 or len(ent) > 2:
        return ent
    before = ent.doc[ent.start - 1]
    if before.is_title and before.is_alpha and before.lower_ in FAMILY_NAMES_FIRST:
        return SpacySpan(ent.doc, ent.start - 1, ent.end, label="PERSON")
    return ent


def _with_surname_tail(ent: SpacySpan) -> SpacySpan:
    """ "Kjersti Haugland Ødegård" for NER's "Kjersti Haugland": a last name the tagger did not know (often one
    with letters beyond ASCII) that the parser still makes the head of the name."""
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and end - ent.start < 4
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].is_alpha
        and doc[end].ent_type_ in ("", "PERSON")
        and doc[end].lower_ not in _ORG_WORDS
    ):
        end += 1
    return SpacySpan(doc, ent.start, end, label="PERSON") if end > ent.end else ent


def _with_hyphenated_tail(ent: SpacySpan) -> SpacySpan:
    """ "Omar Abdel-Aziz Al-Masri" for NER's "Omar Abdel": the parts a hyphen glues on, and one more
    hyphenated word after them."""
    doc, end = ent.doc, ent.end

    def glued(i: int) -> bool:  # doc[i] is a hyphen joining two capitalised words with no space
        return (
            i + 1 < len(doc)
            and doc[i].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
            and doc[i + 1].is_title
            and doc[i + 1].is_alpha
        )

    while glued(end):
        end += 2
    if end > ent.end and end + 2 < len(doc) and doc[end].is_title and doc[end].is_alpha and glued(end + 1):
        end += 1
        while glued(end):
            end += 2
    return SpacySpan(doc, ent.start, end, label="PERSON") if end > ent.end else ent


def _in_title_phrase(t: Token) -> bool:
    """A word that can sit in "the deputy chairman of the State Duma committee on X" before the name."""
    if t.text in _NAME_PUNCT:
        return True
    if t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX", "PRON", "ADV", "SCONJ", "NUM"):
        return False
    return t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "CCONJ") or t.lower_ in _ORG_GLUE


# Capitalised nouns that end organisations' names ("the Institute of Water Resources Research") and no person's.
ORG_NAME_NOUNS = frozenset(
    "research resources studies affairs development security policy management planning protection services "
    "relations technology technologies sciences engineering education health energy environment agriculture "
    "transport transportation economics statistics communications infrastructure industry trade".split()
)


def _name_word(t: Token) -> bool:
    # A plural ("the Association of Cold Storage Owners", "Raspberry Producers") ends an organisation's name.
    # The tagger tells "Owners" from "Sanders", but also calls "Tavares" and "Menezes" plurals: a plural ending too.
    plural = t.tag_ == "NNPS" and t.lower_.endswith(("ers", "ors", "ists", "ants", "ents", "ians", "ees", "ies"))
    return (
        t.pos_ == "PROPN"
        and t.is_alpha
        and t.is_title
        and not plural
        and t.lower_ not in _ORG_WORDS
        and t.lower_ not in ORG_NAME_NOUNS
        and t.lower_ not in COUNTRIES
    )


def in_web_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a dotted name such as "Gazeta.Ru" or "RBC.ru" (an outlet, no person)."""
    return (start >= 2 and text[start - 1] == "." and text[start - 2].isalnum()) or (
        end + 1 < len(text) and text[end] == "." and text[end + 1].isalpha() and text[end + 1 : end + 2].isascii()
    )


# Prepositions of place: "in Kraków", "at Palazzo Chigi". NER-sm calls many foreign places persons, and a place
# taken for a person is the one the next "he" goes to.
_PLACE_PREPOSITIONS = frozenset("in at near inside outside across around into".split())
_PLACE_NOUNS = frozenset(
    "district province region city village county oblast prefecture municipality commune aimag soum raion rayon "
    "governorate wilaya canton".split()
)
_ORG_KINDS = frozenset(
    "airline carrier company firm bank operator channel newspaper agency party group holding broadcaster".split()
)
_OPENING = frozenset('"“«„')
_CLOSING = frozenset('"”»“')
_PLACE_VERBS = frozenset("visit reach enter leave shell bomb attack liberate capture".split())


def _glued_by_dots(ent: SpacySpan) -> bool:
    """Whether a dot glues the span to a word ("Gazeta.Ru"): `in_web_address` on tokens, without `Doc.text`,
    which spaCy joins anew at every reading."""
    doc = ent.doc
    before = ent.start >= 2 and doc[ent.start - 1].text == "." and not doc[ent.start - 2].whitespace_
    before = before and not doc[ent.start - 1].whitespace_ and doc[ent.start - 2].text[-1:].isalnum()
    last = doc[ent.end - 1]
    if last.text.endswith(".") and len(last.text) > 1:
        return before  # "Ru." ending a sentence: the dot is the sentence's
    after = ent.end + 1 < len(doc) and doc[ent.end].text == "." and not last.whitespace_
    after = after and not doc[ent.end].whitespace_ and doc[ent.end + 1].text[:1].isalpha()
    return before or after


def _not_a_person(ent: SpacySpan) -> bool:
    root = ent.root
    if len(ent) == 1 and root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return True  # "the Kuril issue": a one-word name modifying a common noun is rarely a person
    if ent.text.lower() in COUNTRIES:
        return True  # "Lithuanian", "Vilnius": a demonym or a state is no person
    modified = root.head
    if root.dep_ == "conj" and root.head.dep_ in ("compound", "nmod"):
        root, modified = root.head, root.head.head  # "the Šalčininkai and Vilnius districts"
    for _ in range(3):  # "the Balykchy - Karakol highway": through the other names of the compound
        if modified.dep_ not in ("compound", "nmod") or modified.pos_ != "PROPN" or modified.head is modified:
            break
        modified = modified.head
    if root.dep_ in ("compound", "nmod") and modified.text.islower() and modified.pos_ in ("NOUN", "PROPN"):
        # "a resident of the Yangi Hayot mahalla": a place or thing named after someone; "Putin aide": a post.
        return modified.lower_ not in _TITLE_LOWER
    if _glued_by_dots(ent):
        return True
    if len(ent) == 1 and compound_org_name(ent.text):
        return True  # "Kyrgyzhydromet warns": an agency
    letters = [t for t in ent if t.is_alpha]
    if letters and all(t.is_upper and len(t.text) > 1 for t in letters):
        return True  # "CGIL", "AFAD": an acronym is an organisation
    if len(ent) >= 2 and ent[-1].lower_ in _ORG_WORDS:
        return True  # "Berdsk Bakery", "Energy Authority": a name ending in what it is
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    if root.dep_ == "compound" and root.head.lower_ in _PLACE_NOUNS:
        return True  # "in Ben Luc district"
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    title_of = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _TITLE_LOWER
    right_after_of = ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("of", "the")
    if title_of and right_after_of and after is not None and after.text in (",", ")"):
        # "The mayor of Trnava, Jan Novak", "Group Head of Bina Marga, Dewi Lestari": the place or body a
        # title is of, then the name (never "the head of <a person>"; "of Putin's office" goes on with "'s").
        return True
    kind = ent.doc[ent.start - 1] if ent.start > 0 else None
    if kind is not None and kind.text.islower() and kind.lower_ in _ORG_KINDS:
        return True  # "the airline Aurora", "the carrier Pobeda": a company named after its kind
    doc = ent.doc
    if ent.start > 0 and ent.end < len(doc) and doc[ent.start - 1].text in _OPENING and doc[ent.end].text in _CLOSING:
        return True  # 'the Association "Zlatna Dolina"': a quoted name is an organisation's or a work's
    if len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ == "from":
        return True  # "from Kharkiv" (but "a letter from John Smith")
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _PLACE_VERBS


# Companies' legal forms, written before or after their names (not "AG", "SA", "AS", "Spa": an attorney general,
# South Africa and English words).
_LEGAL_FORMS = frozenset("pt tbk persero llc ltd gmbh jsc pjsc ojsc ooo zao oao inc plc s.p.a bv nv oyj s.r.o".split())


def has_legal_form(text: str) -> bool:
    """Whether a company's legal form is among the words ("PT … Tbk", "… LLC", "… GmbH")."""
    return any(w.lower().rstrip(".") in _LEGAL_FORMS for w in re.findall(r"[\w.]+", text))


_PEOPLE_OF_A_PLACE = frozenset("people resident inhabitant citizen population residents inhabitants".split())


def _named_thing(ent: SpacySpan) -> bool:
    """A name NER calls a person that the words around it show to be a place, a body or a thing."""
    root, doc = ent.root, ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _ORG_WORDS:
        return True  # "the Department of Agriculture of Long An", "the Institute of Water Resources Research"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PEOPLE_OF_A_PLACE:
        return True  # "the representative of the people of Shiraz": a place
    if (before is not None and before.text in "()") or (after is not None and after.text == ")"):
        # "the National Police (Korlantas Polri)": an abbreviation in brackets names a body; "PT Bina Marga
        # (Persero) Tbk": what follows the brackets goes on with the name.
        return True
    if before is not None and before.lower_ == "the" and not ent.text.endswith("s"):
        return True  # "from the Rába or the Danube": a river, a building, a ship (persons take no article)
    if any(t.lower_ in ORG_NAME_NOUNS for t in ent):
        return True  # "Land Transportation Franchising (and Regulatory Board)": words of a body's name
    if has_legal_form(doc[max(0, ent.start - 1) : min(len(doc), ent.end + 4)].text):
        return True  # "PT Bina Marga (Persero) Tbk", "Gazprom Neft PJSC": a company's legal form beside the name
    return _listed_under_common_noun(root)  # "the dams Amir, Kabir and Zayand": names listed after what they are


def _listed_under_common_noun(root: Token) -> bool:
    """The name is in apposition (or a conjunct of one) to a plural common noun: "the rivers Sava and Drina"."""
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ in ("appos", "compound") and first.head.tag_ == "NNS" and first.head.text.islower():
        return True
    # "the dams Amir, Kabir and Zayand": the parser makes the plural kind a compound of the first name.
    return any(
        c.dep_ in ("compound", "nmod")
        and c.text.islower()
        and c.lower_.endswith("s")
        and not c.lower_.endswith("ss")
        and c.lemma_.lower() not in _TITLE_LOWER
        for c in first.children
        if c.i < first.i
    )


def _mention(ent: SpacySpan, offset: int) -> PersonMention | None:
    if _not_a_person(ent):
        return None
    tokens = [t for t in ent if not (t.text in ("'s", "’s", "'", "’") and t.i == ent.end - 1)]
    while len(tokens) > 1 and tokens[0].lower_ in _TITLE_LOWER:
        tokens = tokens[1:]  # "Spokesperson Min": NER took the title into the name
    gender = None
    while tokens and _honorific(tokens[0]):
        word = tokens[0].text.rstrip(".").lower()
        gender = "f" if word in _FEMALE_HONORIFICS else "m" if word in _MALE_HONORIFICS else gender
        tokens = tokens[1:]
    if not tokens:
        return None
    name = clean_name(ent.doc[tokens[0].i : tokens[-1].i + 1].text)
    if not name_words(name) or not any(w[0].isupper() for w in name_words(name)):
        return None
    start = offset + tokens[0].idx
    end = offset + tokens[-1].idx + len(tokens[-1].text)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text.rstrip(".").lower() in _FEMALE_HONORIFICS | _MALE_HONORIFICS:
        word = before.text.rstrip(".").lower()
        gender = "f" if word in _FEMALE_HONORIFICS else "m"
    role = role_around(ent)
    root = ent.root
    addressee = root.dep_ in ("dobj", "dative", "pobj") and root.head.lemma_.lower() in ("tell", "to")
    if root.head.lower_ == "to" and root.head.head.lemma_.lower() not in ("say", "speak", "talk", "explain"):
        addressee = False
    return PersonMention(start, end, name, role, offset + ent.sent.start_char, gender, addressee)


def role_around(name: SpacySpan) -> Role | None:
    """The role written before the name ("Russian Deputy Foreign Minister X", "the official representative of
    the Foreign Ministry X") or after it in apposition."""
    return _premodifier_role(name) or _apposition_role(name) or _descriptor_of_role(name) or _title_before_role(name)


def _premodifier_role(ent: SpacySpan) -> Role | None:
    """Title words right before the name that the parser hangs on it: "Russian Deputy Foreign Minister X"."""
    words: list[Token] = []
    i = ent.start - 1
    inside = {t.i for t in ent}
    sent_start = ent.sent.start  # spaCy finds the sentence anew at every reading
    while i >= sent_start:
        t = ent.doc[i]
        if t.dep_ not in ("compound", "amod", "nmod", "nn") or (
            t.head.i not in inside and t.head.i not in {w.i for w in words}
        ):
            break
        if not (t.text[:1].isupper() or t.lower_ in _TITLE_LOWER or t.lower_ in COUNTRIES):
            break
        if t.ent_type_ == "PERSON" or _honorific(t):
            break
        words.insert(0, t)
        i -= 1
    if not any(t.lower_ in _ROLE_HEADS for t in words):
        return None
    return parse_premodifier_role(" ".join(t.text for t in words))


# Words an organisation's name may hold besides capitalised ones ("Ministry of Foreign Affairs of the X").
_ORG_GLUE = frozenset("of the and for on".split())


def _descriptor_of_role(ent: SpacySpan) -> Role | None:
    """ "the official representative of the Chinese Foreign Ministry X", "Head of the Ministry of Finance X": a
    title and its organisation written straight before the name, as translations from Russian put them."""
    doc = ent.doc
    sent_start = ent.sent.start  # spaCy finds the sentence anew at every reading
    org: list[Token] = []
    i = ent.start - 1
    while i > sent_start and _honorific(doc[i]):
        i -= 1  # "… and Internal Trade Dr. Omar …": the honorific is the name's, not the organisation's
    while i > sent_start and len(org) < 12:
        t = doc[i]
        if t.lower_ in ("of", "for") and doc[i - 1].lower_ in _ROLE_HEADS:
            break
        if t.text in _NAME_PUNCT:  # 'the company "SevmorTrans"', 'the Biathlon Union (RBU)'
            org.insert(0, t)
            i -= 1
            continue
        # Organisations in lower case count too ("the deputy chairman of the security council X"); the loop
        # needs the title's "of" to end, so a sentence's ordinary words stop it.
        lower_ok = (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.tag_ == "VBN") and not t.is_stop  # "the armed forces"
        if not (t.text[:1].isupper() or t.lower_ in _ORG_GLUE or lower_ok) or t.ent_type_ == "PERSON" or t.is_punct:
            return None
        org.insert(0, t)
        i -= 1
    else:
        return None
    while org and (org[0].lower_ in ("the", "of") or org[0].text in _NAME_PUNCT):
        org = org[1:]
    last = next((t for t in reversed(org) if t.text not in _NAME_PUNCT), None)
    if last is None or not (last.text[:1].isupper() or last.pos_ in ("NOUN", "PROPN")):
        return None
    lone = org[0] if len(org) == 1 and org[0].text.islower() else None
    if lone is not None:
        org = []  # "the mayor of the city X": no organisation worth naming; the title keeps the word
    head = doc[i - 1]
    title = [head]
    k = head.i - 1
    while k >= sent_start and doc[k].head == head and doc[k].dep_ in ("amod", "compound", "nmod"):
        title.insert(0, doc[k])
        k -= 1
    org_text = doc[org[0].i : org[-1].i + 1].text if org else ""
    title_text = " ".join(t.text for t in title)
    if lone is not None:
        title_text = f"{title_text} {doc[i].lower_} the {lone.text}"  # "chairman of the committee"
    return parse_descriptor_role(title_text, org_text, preposition=doc[i].lower_)


def _title_before_role(ent: SpacySpan) -> Role | None:
    """ "The head of the Commission's migration department, Magnus Brunner, ...": the name in apposition to the
    title before it."""
    doc = ent.doc
    head = ent.root.head if ent.root.dep_ == "appos" else None
    # The parser may hang the name on the last noun of the title ("the Ambassador of Hungary to Russia, X").
    for _ in range(6):
        if head is None or head.lower_ in _TITLE_LOWER or head.dep_ not in ("pobj", "prep"):
            break
        head = head.head
    if head is not None and head.i < ent.start and head.lower_ in _TITLE_LOWER:
        start = head.left_edge.i
    else:
        # Or parse it wrongly altogether: then the words themselves, back from the comma to a title word.
        start, sent_start = ent.start - 2, ent.sent.start
        if ent.start < 2 or doc[ent.start - 1].text != ",":
            return None
        while start >= sent_start and doc[start].lower_ not in _ROLE_HEADS:
            t = doc[start]
            if ent.start - start > 10 or not (t.text[:1].isupper() or t.lower_ in _ORG_GLUE or t.lower_ == "to"):
                return None
            start -= 1
        if start < sent_start:
            return None
    toks = list(doc[start : ent.start])
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return parse_apposition_role(doc[toks[0].i : toks[-1].i + 1].text) if toks else None


def _apposition_role(ent: SpacySpan) -> Role | None:
    """ "X, senior researcher at the Y": the apposition after the name."""
    appos = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    if not appos:
        return None
    first, last = appos[0], appos[-1]
    toks = [t for t in ent.doc[first.left_edge.i : last.right_edge.i + 1]]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    text = ent.doc[toks[0].i : toks[-1].i + 1].text
    return parse_apposition_role(text)
