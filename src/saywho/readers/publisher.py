"""The outlet that published an article, read from the way the article refers to itself.

News outlets name themselves in their own copy as the addressee of statements ("... told X", "said in an
interview with X", «заявил «Вестнику»») and as an agent of reporting ("X has learned", "sources told X",
"the X article", «стало известно «X»», «в материале «X»»). Other outlets are cited too, so we demand repeated
evidence and refuse names that behave like people. No outlet name is built in: the text supplies it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

_MAX_SCAN_CHARS = 300_000


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- English ---------------------------------------------------------------------------------------------
# A capitalised name of up to four words: "Ledger", "The Daily Ledger", "Gazeta.Ru", "RIA Novosti".
_TOKEN = r"[A-Z][A-Za-z0-9&\-]*(?:\.[A-Z][A-Za-z0-9]*)*"
_NAME = rf"(?P<name>(?:[Tt]he\s+)?{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})"
_POSSESSIVE = r"(?:'s|’s|')"

# Keywords are matched case-insensitively ("Sources told X" opens sentences), names are not.
# A pattern that opens with a name is tried at every capital letter of the article; the words after the name
# (the second item of a pair) must occur somewhere for it to match, and one quick search for them usually shows
# that they do not.
_EN_REPORTED = r"(?i:(?:previously|earlier)\s+(?:reported|wrote))"
_EN_HAS_LEARNED = r"(?:has|have|had)\s+(?:learned|learnt|found\s+out|established|obtained|seen|reviewed|been\s+told)"
_EN_LEARNED = r"(?:learned|learnt|found\s+out)\b"
_EN_OWN_PEOPLE = rf"{_POSSESSIVE}\s+(?:sources?|correspondents?|reporters?|interlocutors?|editorial\s+(?:office|board))"
_EN_OWN_PIECE = r"(?:article|material|correspondent|reporter|journalist|editorial\s+office|interlocutor)\b"
# "told X" and its kin: any addressee fits, so alone these are weak evidence.
_EN_WEAK: list[tuple[str, str | None]] = [
    (rf"(?i:\btold)\s+{_NAME}", None),
    (rf"(?i:\b(?:interview|conversation|comment|commentary)\s+(?:with|to|for))\s+{_NAME}", None),
    (rf"\b{_NAME}\s+{_EN_REPORTED}", _EN_REPORTED),
]
# Things only the reporting outlet says about itself.
_EN_STRONG: list[tuple[str, str | None]] = [
    (rf"{_NAME}\s+{_EN_HAS_LEARNED}", _EN_HAS_LEARNED),
    (rf"{_NAME}\s+{_EN_LEARNED}", _EN_LEARNED),
    (rf"(?i:\b(?:seen|obtained|reviewed)\s+by)\s+{_NAME}", None),
    (rf"(?i:\bsources?\s+(?:told|informed))\s+{_NAME}", None),
    (rf"(?i:\baccording\s+to)\s+{_NAME}{_POSSESSIVE}\s+sources?", None),
    (rf"\b{_NAME}{_EN_OWN_PEOPLE}", _EN_OWN_PEOPLE),
    (rf"(?i:\b(?:the|an?))\s+{_NAME}\s+{_EN_OWN_PIECE}", _EN_OWN_PIECE),
]

# Subject of a speech verb ("Smith said", "said John Smith"): a speaker, not the outlet.
_SPEECH_VERBS = r"(?:said|says|told|tells|added|noted|stressed|emphasi[sz]ed|explained|believes|stated)"
# Words that end outlet names; a two- or three-word name without one is shaped like "First Last".
_MEDIA_WORDS = _wordset(
    "times post news journal herald daily telegraph tribune gazette gazeta review press observer chronicle "
    "standard express mail mirror today weekly monitor wire agency service radio tv television channel "
    "network media magazine digest bulletin courier insider report online ru com"
)
# Capitalised words that are never a name on their own (sentence starts, pronouns, days).
_NOT_NAMES = _wordset(
    "the a an he she it they we i you this that these those his her their its our my your there here "
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr"
)

# --- Russian ----------------------------------------------------------------------------------------------
# Outlet names are set in quotation marks and inflected: «Новостям» (dative), «Новостей» (genitive).
_QUOTED = r"[«„“\"](?P<name>[^«»„“”\"\n]{1,40}?)[»“”\"]"
_RU_VERB_ENDING = r"(?:а|и|о)?"
_RU_WEAK = [
    r"(?<!\w)(?:рассказал|заявил|сообщил|пояснил|отметил|подчеркнул|сказал|подтвердил|уточнил|признался|"
    rf"прокомментировал|ответил|добавил){_RU_VERB_ENDING}\s+{_QUOTED}",
    rf"(?<!\w)в\s+(?:интервью|беседе\s+с|разговоре\s+с|комментарии)\s+{_QUOTED}",
]
_RU_STRONG = [
    rf"(?<!\w)(?:выяснил|узнал|установил){_RU_VERB_ENDING}\s+{_QUOTED}",
    rf"(?<!\w)стало\s+известно\s+{_QUOTED}",
    rf"{_QUOTED}\s+(?:стало\s+известно|удалось\s+(?:выяснить|узнать|установить))",
    rf"{_QUOTED}\s+(?:выяснил|узнал|установил){_RU_VERB_ENDING}(?!\w)",
    rf"(?<!\w)источник(?:и|ам|ов|у|а|ами)?\s+{_QUOTED}",
    rf"(?<!\w)(?:корреспондент|журналист|собеседник)(?:у|а|ам|ы|ов|ом)?\s+{_QUOTED}",
    rf"(?<!\w)редакци(?:я|и|ю|ей)\s+{_QUOTED}",
    rf"(?<!\w)материал(?:е|а|у|ом)?\s+{_QUOTED}",
]
# Patterns in which the quoted name stands in the nominative: its form there is the name itself.
_RU_NOMINATIVE = [
    rf"(?<!\w)(?:выяснил|узнал|установил){_RU_VERB_ENDING}\s+{_QUOTED}",
    rf"{_QUOTED}\s+(?:выяснил|узнал|установил|писал|сообщал){_RU_VERB_ENDING}(?!\w)",
    rf"(?<!\w)как\s+(?:ранее\s+)?(?:писал|сообщал){_RU_VERB_ENDING}\s+{_QUOTED}",
]
# Inflected ending -> nominative endings to try, most likely first. Used to fold «Новостям» and «Новостей»
# into «Новости», «Вестнику» into «Вестник», «Газете» into «Газета».
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ями", ("я", "и")), ("ами", ("а", "ы")), ("ям", ("я", "и")), ("ам", ("а", "ы")), ("ях", ("я", "и")),
    ("ах", ("а", "ы")), ("ий", ("ия", "ие")), ("ей", ("и", "я")), ("ом", ("",)), ("ой", ("а",)),
    ("у", ("", "а")), ("ю", ("ь", "я")), ("е", ("а", "")), ("ы", ("а",)), ("а", ("", "а")), ("и", ("я", "ь")),
)  # fmt: skip


def _compile(patterns: list[str], flags: int = 0) -> list[re.Pattern[str]]:
    return [re.compile(p, flags) for p in patterns]


def _compile_gated(patterns: list[tuple[str, str | None]]) -> list[tuple[re.Pattern[str], re.Pattern[str] | None]]:
    return [(re.compile(p), re.compile(needs) if needs else None) for p, needs in patterns]


_EN_WEAK_RE = _compile_gated(_EN_WEAK)
_EN_STRONG_RE = _compile_gated(_EN_STRONG)
# Russian keywords may open a sentence; the capital of the quoted name is checked separately.
_RU_WEAK_RE = _compile(_RU_WEAK, re.IGNORECASE)
_RU_STRONG_RE = _compile(_RU_STRONG, re.IGNORECASE)
_RU_NOMINATIVE_RE = _compile(_RU_NOMINATIVE, re.IGNORECASE)
# With the Russian patterns' flags, this matches every character that one of their Cyrillic letters matches.
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass
class _Evidence:
    weak: int = 0
    strong: int = 0
    forms: Counter[str] = field(default_factory=Counter)  # surface forms, to pick the name to show

    @property
    def score(self) -> int:
        return 2 * self.strong + self.weak

    @property
    def convincing(self) -> bool:
        # "told X" alone fits any addressee ("told Congress"), so it needs numbers; one self-report
        # ("X has learned", "the X article") plus any other mention settles it.
        return self.strong >= 2 or (self.strong >= 1 and self.weak >= 1) or self.weak >= 3


def detect_publisher(text: str) -> str | None:
    """The outlet the text refers to as itself, or None when the evidence is thin or ambiguous."""
    # An article is far shorter than this; the cap keeps a pathological 5 MB input to a fraction of a second.
    text = text[:_MAX_SCAN_CHARS]
    evidence: dict[str, _Evidence] = defaultdict(_Evidence)
    _collect_english(text, evidence)
    _collect_russian(text, evidence)
    ranked = sorted(((ev.score, key) for key, ev in evidence.items() if ev.convincing), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return evidence[ranked[0][1]].forms.most_common(1)[0][0]


def _collect_english(text: str, evidence: dict[str, _Evidence]) -> None:
    rejected: dict[str, bool] = {}
    for patterns, strong in ((_EN_WEAK_RE, False), (_EN_STRONG_RE, True)):
        for pattern, needs in patterns:
            if needs is not None and needs.search(text) is None:
                continue  # no match without these words
            for match in pattern.finditer(text):
                name = _clean_english(match["name"])
                if not name:
                    continue
                if name not in rejected:
                    rejected[name] = _is_person_like(name, text)
                if rejected[name]:
                    continue
                ev = evidence[_key(name)]
                ev.forms[name] += 1
                if strong:
                    ev.strong += 1
                else:
                    ev.weak += 1


def _clean_english(name: str) -> str | None:
    name = re.sub(r"^[Tt]he\s+", "", name.strip())
    if not name or name.casefold() in _NOT_NAMES:
        return None
    return name


def _is_person_like(name: str, text: str) -> bool:
    """A speaker rather than an outlet: shaped like "First Last", a subject of "said", or "Mr X"."""
    words = name.split()
    escaped = re.escape(name)
    person_shaped = all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words)
    # People are not "the Daily Bugle"; names of outlets often carry a media word ("Times", "Daily").
    with_article = re.search(rf"\b[Tt]he\s+{escaped}\b", text) is not None
    media_word = any(w.casefold() in _MEDIA_WORDS for w in words)
    if person_shaped and 2 <= len(words) <= 3 and not (with_article or media_word):
        return True
    # "X said" / "..., said X" ("told X" is the addressee form we are collecting, so it is left out).
    subject = rf"\b{escaped}\s+{_SPEECH_VERBS}\b|\b(?:said|says|added|noted|stressed)\s+{escaped}\b"
    if re.search(subject, text):
        return True
    return bool(re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s+{escaped}\b", text))


def _collect_russian(text: str, evidence: dict[str, _Evidence]) -> None:
    if _CYRILLIC.search(text) is None:
        return  # every Russian pattern has a Cyrillic keyword: an English article is done at once
    found: list[tuple[str, bool]] = []
    for patterns, strong in ((_RU_WEAK_RE, False), (_RU_STRONG_RE, True)):
        for pattern in patterns:
            found.extend((m["name"].strip(), strong) for m in pattern.finditer(text))
    found = [(name, strong) for name, strong in found if name and name[0].isupper()]
    if not found:
        return
    nominative = Counter(m["name"].strip() for p in _RU_NOMINATIVE_RE for m in p.finditer(text))
    lemma_of = _russian_lemmas(Counter(name for name, _ in found), nominative)
    for name, strong in found:
        lemma = lemma_of[name]
        ev = evidence[_key(lemma)]
        ev.forms[lemma] += 1
        if strong:
            ev.strong += 1
        else:
            ev.weak += 1


def _russian_lemmas(forms: Counter[str], nominative: Counter[str]) -> dict[str, str]:
    """Map each inflected form of a quoted name to the nominative that explains the most forms.

    Each form proposes itself and the nominatives its ending allows («Новостям» -> «Новостя», «Новости»);
    a candidate seen in a nominative slot or supported by more forms wins, so «Новостям» and «Новостей»
    agree on «Новости». Indeclinable names (all capitals, or Latin script) stay as they are.
    """
    proposals: dict[str, list[tuple[str, int]]] = {}
    support: Counter[str] = Counter()
    for form, count in forms.items():
        options = [(form, 3)]
        if not (form.isupper() or re.search(r"[A-Za-z]", form)):
            head, _, last = form.rpartition(" ")
            prefix = head + " " if head else ""
            for ending, replacements in _RU_ENDINGS:
                if last.endswith(ending) and len(last) > len(ending) + 2:
                    stem = last[: -len(ending)]
                    options = [(prefix + stem + r, rank) for rank, r in enumerate(replacements)] + options
                    break
        proposals[form] = options
        for candidate, _ in {c: r for c, r in options}.items():
            support[candidate] += count
    result = {}
    for form, options in proposals.items():
        result[form] = max(options, key=lambda o: (nominative[o[0]] > 0, support[o[0]], -o[1]))[0]
    return result


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
