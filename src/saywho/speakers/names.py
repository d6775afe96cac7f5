"""Person names: cleaning mention text, and telling when two Latin spellings are one name transliterated twice.

Transliterations of the same Russian, Japanese or Arabic name differ in predictable ways (Qaddafi/Kaddafi,
Dmitry/Dmitri, Andrei/Andrey, Zelensky/Zelenskiy, Medvedev/Medvedyev). `phonetic_key` folds those
differences away; `same_name` accepts equal keys, or keys one edit apart for longer names.
"""

from __future__ import annotations

import functools
import re
import unicodedata

HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        # Malaysian and Bruneian honours and forms of address ("Datuk Dr Aminah …", "Puan Siti …"), the
        # Philippine attorney and engineer ("Atty. Rommel …", "Engr. Ana …").
        "datuk",
        "datin",
        "dato",
        "dato'",
        "tun",
        "puan",
        "encik",
        "haji",
        "hajah",
        "atty",
        "engr",
        "madam",
        "mme",
        "m",
        "herr",
        "frau",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "st",
        "eng",  # "Eng. Khaled …": the engineer's title Arabic news prints before a name
        # Titles of Spanish, Italian, Czech and Slovak news ("Ing. Guillermo Ruiz", "Mgr. Peter Novák"), ranks
        "ing",
        "lic",
        "licda",
        "arq",
        "mtro",
        "mtra",
        "dra",
        "sr",
        "sra",
        "srta",
        "dott",
        "avv",
        "mgr",
        "bc",
        "judr",
        "mudr",
        "phdr",
        "rndr",
        "mlle",
        "capt",
        "maj",
        "adm",
        "brig",
        "cmdr",
        "insp",
        "supt",
        "amb",
        "hon",
        "msgr",
        "rev",
    ]
)
# Family names that come first in Vietnamese, Korean and Chinese names, the commonest of each: "Tran Van An",
# "Nguyen Thi Lan". NER-sm often leaves them out of the name it tags.
FAMILY_NAMES_FIRST = frozenset(
    """
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly trinh dinh luong truong
    kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song hong
    wang zhang liu chen yang zhao huang zhou wu xu sun zhu ma hu guo lin he gao luo zheng liang xie
    """.split()
)
_POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")

# Ordered rewrites from the spelling variants of transliteration to one canonical form.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("skiy", "ski"),
    ("skyi", "ski"),
    ("sky", "ski"),
    ("iy$", "i"),
    ("yy$", "i"),
    ("ij$", "i"),
    ("ey$", "ei"),
    ("ay$", "ai"),
    ("kh", "h"),
    ("^ch(?=[aeiou])", "h"),  # Greek Χ: "Chatzis" and "Hatzis"
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c(?=[aou])", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("ye", "e"),
    ("yo", "e"),
    ("y", "i"),
    ("j", "i"),
    ("tz", "ts"),
    ("ou", "u"),
    ("ee", "i"),
    ("oo", "u"),
    ("e$", ""),
    (r"(.)\1", r"\1"),
)


# Letters Unicode does not decompose into a base letter and an accent: "Ødegård" is written "Odegard" in
# English copy, "Łukasz" "Lukasz", "Đorđe" "Djordje".
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ł": "l", "Ł": "L", "đ": "dj",
     "Đ": "Dj", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H"}
)  # fmt: skip


def strip_accents(s: str) -> str:
    s = s.translate(_UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    key = strip_accents(word).lower()
    key = re.sub(r"^(?:a|e)l[-‐‑]", "", key)  # "El-Menshawy" and "Al-Menshawy": the Arabic article, spelled two ways
    key = re.sub(r"[^a-z]", "", key)
    for pattern, repl in _REWRITES:
        key = re.sub(pattern, repl, key)
    return key


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@functools.lru_cache(maxsize=65536)  # the clusters of an article are compared pairwise, over and over
def same_name(a: str, b: str) -> bool:
    """Are `a` and `b` the same name word, allowing for transliteration variants?"""
    if a.lower() == b.lower():
        return True
    ka, kb = phonetic_key(a), phonetic_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if ka + "a" == kb or kb + "a" == ka:
        return False  # Slavic feminine surnames (Ivanova) name a different person from the masculine form

    # One edit between longer keys, and never on the first letter's sound (Marin / Karin are different people).
    return min(len(ka), len(kb)) >= 6 and ka[0] == kb[0] and edit_distance(ka, kb, 1) <= 1


def clean_name(text: str) -> str:
    """ "Mr. Putin's" -> "Putin"; keeps the words of the name only."""
    words = text.replace("\n", " ").split()
    while words and words[0].rstrip(".").lower() in HONORIFICS:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE_RE.sub("", words[-1])
    return " ".join(w for w in words if w).strip(" ,.;:")


def name_words(name: str) -> list[str]:
    return list(_name_words(name))


_SPACES = re.compile(r"[\s]+")


# Resolving an article's speakers compares the same few names with one another thousands of times.
@functools.lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _SPACES.split(name) if w and w[0].isalpha())


_QUOTED_NAME = re.compile(r"^(?P<kind>[^«\"“„]*?)\s*[«\"“„](?P<name>[^«»\"“”„]{2,})[»\"”“]?$")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)?\s*$")
_CONNECTORS = frozenset("of and for the on in de du des del la le y i".split())


def clean_org_name(name: str) -> str:
    """An organisation's name without what the sentence wrapped around it.

    'society "Green Street"' and 'АО «Metro»' are named by the quotation ("Green Street", "Metro"); "the Front
    of Agriculture (FPA)" by the words before its acronym; "government of Pará, state that led …" by the words
    before the comma; "company Baltic Airports" and "pensioners' organisation PRO" by the capitalised name after
    the lowercase kind."""
    text = name.strip()
    words = text.split()
    while len(words) > 2 and words[-1].lower() in ("of", "the", "and", "for", "in"):
        words.pop()  # NER cut "The Meteorological Organization of the | country": no name ends in "of the"
    text = " ".join(words)
    quoted = _QUOTED_NAME.match(text)
    if (
        quoted
        and len(quoted["kind"].split()) <= 3
        and not any(w[:1].isupper() and not w.isupper() for w in quoted["kind"].split())
    ):
        return quoted["name"].strip()
    bare = _TRAILING_PARENTHESIS.sub("", text)
    text = bare if bare.strip() else text
    head, comma, rest = text.partition(", ")
    if comma and rest[:1].islower():
        text = head
    words = text.split()
    first_cap = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if not first_cap or words[first_cap - 1] in _CONNECTORS:
        return text
    kind, named = words[:first_cap], words[first_cap:]
    if all(w[:1].islower() for w in kind) and all(w[:1].isupper() or w in _CONNECTORS for w in named):
        return " ".join(named)
    return text


# Word-final parts of the one-word names of post-Soviet agencies and companies: Kyrgyzhydromet, Rosstat,
# Uzbekneftegaz, Kazakhtelecom, Roskomnadzor, Aeroflot, Belavia, Ukrenergo. No person's name ends so.
_COMPOUND_ORG_END = re.compile(r"\w{3,}(?:hydromet|stat|prom|gaz|neft|energo|telecom|nadzor|flot|avia|bank)", re.I)


def compound_org_name(word: str) -> bool:
    """Whether one word is built like the name of a post-Soviet agency or company ("Kyrgyzhydromet")."""
    return bool(_COMPOUND_ORG_END.fullmatch(word))
