"""The outlet that published an article, read from the way the article refers to itself.

News outlets name themselves in their own copy as the addressee of statements ("... told X", "said in an
interview with X", «заявил «Вестнику»») and as an agent of reporting ("X has learned", "sources told X",
"the X article", «стало известно «X»», «в материале «X»»). Other outlets are cited too, so we demand repeated
evidence and refuse names that behave like people. A masthead printed in the head or footer ("Kommersant
newspaper No. 209", "(c) EFE Agency 2025", see masthead.py) names the outlet outright and outranks the rest, so
the paper's full name beats the nickname it calls itself in its copy. No outlet name is built in: the text
supplies it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .masthead import MEDIA_WORDS, Masthead, clean_name, find_mastheads

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
_EN_WAS_TOLD = r"(?:was|were|has\s+been)\s+told\b"
_EN_SENT_REQUEST = r"(?:has\s+|had\s+)?sent\s+(?:a\s+|an\s+)?(?:request|inquiry|enquiry|query)\b"
# "told X" and its kin: any addressee fits, so alone these are weak evidence.
_EN_WEAK: list[tuple[str, str | None]] = [
    (rf"(?i:\btold)\s+{_NAME}", None),
    (rf"(?i:\b(?:interview|conversation|comment|commentary)\s+(?:with|to|for))\s+{_NAME}", None),
    (rf"\b{_NAME}\s+{_EN_REPORTED}", _EN_REPORTED),
    (rf"(?i:\b(?:explained|confirmed|said|stated|admitted|complained|described|revealed)\s+to)\s+{_NAME}", None),
    (rf"\b{_NAME}\s+{_EN_WAS_TOLD}", _EN_WAS_TOLD),  # "Kommersant was told by a source"
    (rf"(?i:\b(?:questioned|interviewed|consulted|contacted|reached|asked)\s+by)\s+{_NAME}", None),
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
    (rf"\b{_NAME}\s+{_EN_SENT_REQUEST}", _EN_SENT_REQUEST),  # "RBC sent a request to her agent"
]

# Subject of a speech verb ("Smith said", "said John Smith"): a speaker, not the outlet.
_SPEECH_VERBS = r"(?:said|says|told|tells|added|noted|stressed|emphasi[sz]ed|explained|believes|stated)"
# "experts consulted by EFE explained": a name after one of these is an object, not the speaker of the verb.
_OBJECT_BEFORE = re.compile(r"\b(?:by|to|with|from|for|told)\s+$", re.IGNORECASE)
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
    # Agencies written in capitals go unquoted: «корреспондент ТАСС». Case-sensitive, unlike the keyword.
    r"(?<!\w)(?:корреспондент|журналист)(?:у|а|ам|ы|ов|ом)?\s+(?-i:(?P<name>[А-ЯЁA-Z]{2,6}))(?!\w)",
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
    masthead: int = 0
    forms: Counter[str] = field(default_factory=Counter)  # surface forms, to pick the name to show

    @property
    def score(self) -> int:
        return 2 * self.strong + self.weak

    @property
    def convincing(self) -> bool:
        # "told X" alone fits any addressee ("told Congress"), so it needs numbers; one self-report
        # ("X has learned", "the X article") plus any other mention settles it.
        return self.masthead >= 1 or self.strong >= 2 or (self.strong >= 1 and self.weak >= 1) or self.weak >= 3

    def absorb(self, other: _Evidence) -> None:
        """Count a short form's evidence for this name; the name shown stays this one's, the full name."""
        self.weak += other.weak
        self.strong += other.strong
        self.masthead += other.masthead


def detect_publisher(text: str, site: str | None = None) -> str | None:
    """The outlet the text refers to as itself, or None when the evidence is thin or ambiguous.

    `site`: the site's name printed above the headline (layout.py finds it), a masthead like the others."""
    # An article is far shorter than this; the cap keeps a pathological 5 MB input to a fraction of a second.
    text = text[:_MAX_SCAN_CHARS]
    evidence: dict[str, _Evidence] = defaultdict(_Evidence)
    mastheads = find_mastheads(text)
    if site is not None:
        mastheads.append(Masthead(clean_name(site), True))
    _collect_english(text, evidence, exempt={_key(m.name) for m in mastheads})
    _collect_russian(text, evidence)
    _add_mastheads(mastheads, evidence)
    _merge_short_forms(evidence)
    ranked = sorted(((ev.masthead, ev.score, key) for key, ev in evidence.items() if ev.convincing), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return None
    return evidence[ranked[0][2]].forms.most_common(1)[0][0]


def _add_mastheads(mastheads: list[Masthead], evidence: dict[str, _Evidence]) -> None:
    """Count masthead names; an unsure one only when the text also refers to it as an outlet."""
    for masthead in mastheads:
        key = _key(masthead.name)
        known = key in evidence and (evidence[key].weak or evidence[key].strong)
        if not (masthead.confirmed or known):
            continue
        ev = evidence[key]
        ev.masthead += 1
        # The printed masthead is the name to show: weight it above the inflected or short forms of the copy.
        ev.forms[masthead.name] += 100


def _merge_short_forms(evidence: dict[str, _Evidence]) -> None:
    """Fold a name into a longer one that begins or ends with it: "told SPIEGEL" counts for "DER SPIEGEL"."""
    keys = sorted(evidence, key=lambda k: len(k.split()))
    for short in keys:
        words = short.split()
        longer = [k for k in evidence if k != short and _starts_or_ends_with(k.split(), words)]
        if len(longer) == 1:  # two candidates ("Daily Ledger", "Ledger Review"): no telling which
            evidence[longer[0]].absorb(evidence.pop(short))


def _starts_or_ends_with(words: list[str], part: list[str]) -> bool:
    return len(part) < len(words) and (words[: len(part)] == part or words[-len(part) :] == part)


def _collect_english(text: str, evidence: dict[str, _Evidence], exempt: set[str]) -> None:
    """Collect English self-references; names in `exempt` (printed in a masthead) may be shaped like people's."""
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
                    rejected[name] = _is_person_like(name, text, shape_counts=_key(name) not in exempt)
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


def _is_person_like(name: str, text: str, shape_counts: bool = True) -> bool:
    """A speaker rather than an outlet: shaped like "First Last", a subject of "said", or "Mr X"."""
    words = name.split()
    escaped = re.escape(name)
    person_shaped = all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words)
    # People are not "the Daily Bugle"; names of outlets often carry a media word ("Times", "Daily").
    with_article = re.search(rf"\b[Tt]he\s+{escaped}\b", text) is not None
    media_word = any(w.casefold() in MEDIA_WORDS for w in words)
    if shape_counts and person_shaped and 2 <= len(words) <= 3 and not (with_article or media_word):
        return True
    # "X said" / "..., said X" ("told X" is the addressee form we are collecting, so it is left out).
    subjects = re.finditer(rf"\b{escaped}\s+{_SPEECH_VERBS}\b", text)
    if any(_OBJECT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) is None for m in subjects):
        return True
    if re.search(rf"\b(?:said|says|added|noted|stressed)\s+{escaped}\b", text):
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
