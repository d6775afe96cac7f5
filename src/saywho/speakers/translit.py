"""Names across scripts: Cyrillic to the Latin spellings English news uses, Latin back to likely Cyrillic, and a
comparison that says whether two names in any of the two scripts are one person.

Russian names follow the spelling of English-language news (Andrei, Dmitry, Yevgeny, -sky) with the usual
alternatives as further variants (Andrey, Dmitri, Evgeny, -skiy). Japanese names written in Cyrillic (the
Polivanov system: Кисида, Сигэру, Обути, and the popular Кишида, Обучи) map to Hepburn (Kishida, Shigeru,
Obuchi). Nothing here knows any particular person: the rules are general transliteration.
"""

from __future__ import annotations

import itertools
import re

from saywho.speakers.names import name_words, same_name

# fmt: off
_RU: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g",), "д": ("d",), "е": ("e",), "ё": ("yo", "e"),
    "ж": ("zh",), "з": ("z",), "и": ("i",), "й": ("y", "i"), "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",),
    "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"),
    "ц": ("ts",), "ч": ("ch",), "ш": ("sh",), "щ": ("shch",), "ъ": ("",), "ы": ("y",), "ь": ("",), "э": ("e",),
    "ю": ("yu", "iu"), "я": ("ya", "ia"),
}
# Word endings whose English-news spelling differs from letter-by-letter transliteration (most common first).
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ский", ("sky", "skiy", "ski", "skii")), ("цкий", ("tsky", "tskiy", "tski")),
    ("ская", ("skaya", "skaia")), ("цкая", ("tskaya",)),
    ("ий", ("y", "i", "iy", "ii")), ("ый", ("y", "iy")), ("ей", ("ei", "ey")), ("ай", ("ai", "ay")),
    ("ой", ("oy", "oi")), ("уй", ("uy", "ui")), ("ия", ("ia", "iya")), ("ья", ("ya", "ia")),
)
# Given names whose English form is not a transliteration rule away.
_GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "александр": ("Alexander", "Aleksandr"), "алексей": ("Alexei", "Aleksei", "Alexey", "Aleksey"),
    "пётр": ("Pyotr", "Petr"), "петр": ("Pyotr", "Petr"), "юрий": ("Yuri", "Yury", "Yuriy"),
    "георгий": ("Georgy", "Georgiy", "Georgi"), "фёдор": ("Fyodor", "Fedor"), "федор": ("Fyodor", "Fedor"),
    "максим": ("Maxim", "Maksim"), "ксения": ("Ksenia", "Kseniya", "Xenia"), "алёна": ("Alyona", "Alena"),
    "артём": ("Artyom", "Artem"), "семён": ("Semyon", "Semen"), "пётрович": ("Petrovich",),
}
# Hepburn for Japanese syllables as Russian writes them (Polivanov, with the popular ши/чи/дж/е variants).
_JA: dict[str, str] = {
    "дзя": "ja", "дзю": "ju", "дзё": "jo", "дзи": "ji", "дза": "za", "дзу": "zu", "дзэ": "ze", "дзе": "ze",
    "дзо": "zo", "джа": "ja", "джу": "ju", "джо": "jo", "джи": "ji",
    "ся": "sha", "сю": "shu", "сё": "sho", "си": "shi", "ши": "shi", "тя": "cha", "тю": "chu", "тё": "cho",
    "ти": "chi", "чи": "chi", "ча": "cha", "чу": "chu", "чо": "cho", "цу": "tsu", "фу": "fu", "ва": "wa",
    "кя": "kya", "кю": "kyu", "кё": "kyo", "гя": "gya", "гю": "gyu", "гё": "gyo", "ня": "nya", "ню": "nyu",
    "нё": "nyo", "хя": "hya", "хю": "hyu", "хё": "hyo", "мя": "mya", "мю": "myu", "мё": "myo", "ря": "rya",
    "рю": "ryu", "рё": "ryo", "бя": "bya", "бю": "byu", "бё": "byo", "пя": "pya", "пю": "pyu", "пё": "pyo",
    "я": "ya", "ю": "yu", "ё": "yo", "а": "a", "и": "i", "у": "u", "э": "e", "е": "e", "о": "o", "й": "i",
    "н": "n", "ъ": "",
}
_JA_CONSONANTS = {"к": "k", "г": "g", "с": "s", "т": "t", "д": "d", "н": "n", "х": "h", "б": "b", "п": "p",
                  "м": "m", "р": "r", "з": "z"}
# fmt: on
_JA_VOWELS = "аиуэоеяюё"
# Spellings only Japanese names have in Russian; си/ти alone also occur in Russian names (Путин, Никитин).
_JA_STRONG = re.compile(r"э|дз|цу|[кгснхмрбптд]ё")
_JA_WEAK = re.compile(r"си|ти|ши|чи")

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


# -- Cyrillic -> Latin ------------------------------------------------------------------------------------
def _japanese_syllables(word: str) -> list[str] | None:
    """Hepburn syllables of a Cyrillic word that reads as a Japanese name, else None."""
    low = word.lower()
    out: list[str] = []
    i = 0
    while i < len(low):
        for size in (3, 2, 1):
            piece = low[i : i + size]
            if piece in _JA and (size > 1 or piece in _JA_VOWELS or piece in "йнъ"):
                if piece == "н" and i + 1 < len(low) and low[i + 1] in _JA_VOWELS:
                    continue  # "на", "но": a syllable, found with size 2
                if piece == "й" and (i == 0 or low[i - 1] not in _JA_VOWELS):
                    continue
                out.append(_JA[piece])
                i += size
                break
            if size == 2 and len(piece) == 2 and piece[0] in _JA_CONSONANTS and piece[1] in _JA_VOWELS:
                out.append(_JA_CONSONANTS[piece[0]] + _JA[piece[1]])
                i += 2
                break
            if size == 1 and piece in _JA_CONSONANTS and i + 1 < len(low) and low[i + 1] == piece:
                out.append(_JA_CONSONANTS[piece])  # a doubled consonant: "Хоккайдо", "Хаттори"
                i += 1
                break
        else:
            return None
    return out


def looks_japanese(word: str) -> bool:
    """Does a Cyrillic word read as a Japanese name (Обути, Сигэру, Кэйдзо)?

    Words ending in -а/-я with only си/ти in them (Кисида, but also Путина, Никитина) are left to
    `maybe_japanese`: their Hepburn reading is offered after the Russian one.
    """
    low = word.lower()
    if not low or low[-1] not in _JA_VOWELS or _japanese_syllables(low) is None:
        return False
    return bool(_JA_STRONG.search(low) or (_JA_WEAK.search(low) and low[-1] in "иоуэё"))


def japanese_name(words: list[str]) -> bool:
    """A whole name reads as Japanese when one word does, or when every word is made of Japanese syllables
    and ends in a vowel, one of them in -и/-о/-у/-э (Харуки Мураками; Russian names end so far more rarely)."""
    lows = [w.lower() for w in words]
    if any(looks_japanese(w) for w in lows):
        return True
    syllabic = all(w and w[-1] in _JA_VOWELS and _japanese_syllables(w) is not None for w in lows)
    return len(lows) > 1 and syllabic and any(w[-1] in "иоуэ" for w in lows)


def maybe_japanese(word: str) -> bool:
    low = word.lower()
    return bool(low) and low[-1] in _JA_VOWELS and _japanese_syllables(low) is not None and bool(_JA_WEAK.search(low))


def _hepburn(word: str) -> str:
    syllables = _japanese_syllables(word) or []
    out = "".join(syllables)
    return out[:1].upper() + out[1:]


def _russian_options(word: str) -> list[list[str]]:
    """Per-letter options for a Russian word (first = English-news spelling)."""
    low = word.lower()
    ending: tuple[str, ...] = ()
    for suffix, forms in _RU_ENDINGS:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            ending, low = forms, low[: -len(suffix)]
            break
    options: list[list[str]] = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        if ch == "е" and (i == 0 or prev in "аеёиоуыэюяъь"):
            options.append(["ye", "e"])
        elif ch == "ь" and i + 1 < len(low) and low[i + 1] in "еиёюя":
            options.append(["y", ""])  # "Ильин" -> Ilyin, "Наталья" via the ending rule
        else:
            options.append(list(_RU.get(ch, (ch,))))
    if ending:
        options.append(list(ending))
    return options


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def latin_word_variants(word: str, limit: int = 6, japanese: bool | None = None) -> list[str]:
    """Latin spellings of one Cyrillic name word, the most common English-news spelling first.

    `japanese` says the word belongs to a Japanese name (see `japanese_name`); None decides from the word.
    """
    if not is_cyrillic(word):
        return [word]
    low = word.lower()
    if low in _GIVEN_NAMES:
        return list(_GIVEN_NAMES[low])
    if "-" in word:
        parts = [latin_word_variants(p, limit) for p in word.split("-")]
        return ["-".join(p) for p in itertools.islice(itertools.product(*parts), limit)]
    variants: list[str] = []
    japanese = looks_japanese(word) if japanese is None else japanese and _japanese_syllables(word) is not None
    if japanese:
        variants.append(_hepburn(word))
    options = _russian_options(word)
    # Enumerate in order of how many secondary options are used: the primary spelling first.
    combos = sorted(itertools.islice(itertools.product(*[range(len(o)) for o in options]), 512), key=sum)
    for combo in combos:
        spelled = _capitalise("".join(o[k] for o, k in zip(options, combo, strict=True)))
        if spelled not in variants:
            variants.append(spelled)
        if len(variants) >= limit:
            break
    if not japanese and maybe_japanese(word) and _hepburn(word) not in variants:
        variants.insert(1, _hepburn(word))  # "Кисида" -> Kisida, Kishida
    return variants[:limit]


def latin_variants(cyrillic: str, limit: int = 12) -> list[str]:
    """Latin forms of a Cyrillic name ("Андрей Седов" -> ["Andrei Sedov", "Andrey Sedov", ...])."""
    words = [w for w in re.split(r"\s+", cyrillic.strip()) if w]
    if not words:
        return []
    japanese = japanese_name(words)
    per_word = [latin_word_variants(w, japanese=japanese or None) for w in words]
    combos = sorted(itertools.product(*[range(len(v)) for v in per_word]), key=sum)
    out: list[str] = []
    for combo in combos:
        name = " ".join(v[k] for v, k in zip(per_word, combo, strict=True))
        if name not in out:
            out.append(name)
        if len(out) >= limit:
            break
    return out


# -- Latin -> Cyrillic ------------------------------------------------------------------------------------
# fmt: off
_LATIN_RU: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("iya", "ия"), ("skiy", "ский"), ("skii", "ский"), ("sky", "ский"), ("skaya", "ская"),
    ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tz", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("iu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("ph", "ф"), ("th", "т"), ("ck", "к"), ("x", "кс"), ("w", "в"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("j", "й"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("q", "к"), ("y", "ы"),
)
_HEPBURN_RU: dict[str, tuple[str, ...]] = {
    "shi": ("си", "ши"), "chi": ("ти", "чи"), "tsu": ("цу",), "fu": ("фу",), "ji": ("дзи", "джи"),
    "sha": ("ся", "ша"), "shu": ("сю", "шу"), "sho": ("сё", "шо"), "cha": ("тя", "ча"), "chu": ("тю", "чу"),
    "cho": ("тё", "чо"), "ja": ("дзя", "джа"), "ju": ("дзю", "джу"), "jo": ("дзё", "джо"), "za": ("дза",),
    "zu": ("дзу",), "ze": ("дзэ", "дзе"), "zo": ("дзо",), "wa": ("ва",), "ya": ("я",), "yu": ("ю",),
    "yo": ("ё",), "a": ("а",), "i": ("и",), "u": ("у",), "e": ("э", "е"), "o": ("о",), "n": ("н",),
}
# fmt: on
# Syllables that Russian spells differently from Japanese (си/ти/цу/дз...), or doubled consonants and vowels.
_HEPBURN_STRONG = re.compile(
    r"shi|chi|tsu|ji|fu|ei|z[aiueo]|[kgnhbpmr]y[auo]|sh[auo]|ch[auo]|j[auo]|([kstp])\1|aa|ii|uu|ou"
)
_HEPBURN_RE = re.compile(r"^(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|f|j|w|y)?[aiueo]|n(?![aiueoy])|([kstp])(?=\1))+$")


def _latin_to_ru(word: str) -> str:
    low = word.lower()
    out = []
    i = 0
    while i < len(low):
        for latin, ru in _LATIN_RU:
            if low.startswith(latin, i):
                out.append(_latin_letter(low, i, latin, ru))
                i += len(latin) + (1 if out[-1] == "ия" else 0)
                break
        else:
            out.append(low[i])
            i += 1
    return "".join(out)


def _latin_letter(low: str, i: int, latin: str, ru: str) -> str:
    """The Cyrillic for `latin` at `low[i]`, where y/i turn into й or ий by their neighbours."""
    after_vowel = i > 0 and low[i - 1] in "aeiou"
    last = i == len(low) - 1
    if latin == "y":
        if i + 1 < len(low) and low[i + 1] in "aeiou" or after_vowel:
            return "й"  # "Yakov", "Maykop"
        if last and i:
            return "ий"  # "Dmitry"
    if latin == "i":
        if last and i and low[i - 1] in "aeo":
            return "й"  # "Andrei", "Nikolai"
        if low[i + 1 :] == "a":
            return "ия"  # "Maria"
    return ru


def _hepburn_to_ru(word: str) -> list[str]:
    low = word.lower()
    if not _HEPBURN_RE.match(low) or low[-1] not in "aiueo":
        return []
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(low):
        for size in (3, 2, 1):
            piece = low[i : i + size]
            if piece in _HEPBURN_RU:
                pieces.append(_HEPBURN_RU[piece])
                i += size
                break
            if size == 2 and len(piece) == 2 and piece[1] in "aiueo" and piece[0] in "kgstdnhbpmrz":
                ru_c = {v: k for k, v in _JA_CONSONANTS.items()}[piece[0]]
                pieces.append(tuple(ru_c + v for v in _HEPBURN_RU[piece[1]]))
                i += 2
                break
            if size == 1 and i + 1 < len(low) and low[i + 1] == piece and piece in "kstp":
                pieces.append(({v: k for k, v in _JA_CONSONANTS.items()}[piece],))
                i += 1
                break
        else:
            return []
    # "ei" and "ai" before a consonant are written with й: "Keizo" -> "Кэйдзо", "Daisuke" -> "Дайсукэ".
    primary = _capitalise(re.sub(r"(?<=[эеа])и(?=[^аиуэоеяюё]|$)", "й", "".join(p[0] for p in pieces)))
    popular = _capitalise(re.sub(r"(?<=[эеа])и(?=[^аиуэоеяюё]|$)", "й", "".join(p[-1] for p in pieces)))
    forms = [primary] + ([popular] if popular != primary else [])
    # Without a syllable only Japanese spells so ("Murakami", "Kono"), the Russian reading comes first.
    return forms if _HEPBURN_STRONG.search(low) else forms[::-1]


def cyrillic_forms(latin: str) -> list[str]:
    """Likely Cyrillic spellings of a Latin name of Russian (or Japanese) origin, the likeliest first."""
    words = [w for w in re.split(r"\s+", latin.strip()) if w]
    if not words:
        return []
    per_word: list[list[str]] = []
    for w in words:
        if is_cyrillic(w):
            per_word.append([w])
            continue
        forms = _hepburn_to_ru(w) if len(w) > 2 else []
        russian = _capitalise(_latin_to_ru(w))
        if russian in forms:
            forms.remove(russian)
        forms.insert(0 if forms and not _HEPBURN_STRONG.search(w.lower()) else len(forms), russian)
        soft = re.sub(r"л(?=[бвгдзклмнпрстфхцчшщ])", "ль", russian)
        if soft != russian:
            forms.append(soft)  # "Olga" -> "Ольга"
        per_word.append(forms)
    return [" ".join(c) for c in itertools.islice(itertools.product(*per_word), 8)]


# -- comparison ---------------------------------------------------------------------------------------------
def _word_forms(word: str) -> list[str]:
    return latin_word_variants(word) if is_cyrillic(word) else [word]


def same_name_word(a: str, b: str) -> bool:
    """One name word in either script ("Седов" / "Sedov"; "Обучи" / "Обути"; an initial and its name)."""
    if a.rstrip(".") and b.rstrip(".") and (len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1):
        return a[:1].lower() == b[:1].lower() or any(
            x[:1].lower() == y[:1].lower() for x in _word_forms(a) for y in _word_forms(b)
        )
    return any(same_name(x, y) for x in _word_forms(a) for y in _word_forms(b))


def same_person_name(a: str, b: str) -> bool:
    """Are `a` and `b` one person's name, in either script ("Андрей Седов" / "Andrei Sedov" / "Sedov")?

    Surnames must agree; given names too when both names have one (an initial agrees with its name). Two-word
    names may come in either order (Japanese and official Russian order put the surname first).
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if len(wa) == 1 or len(wb) == 1:
        single, other = (wa, wb) if len(wa) == 1 else (wb, wa)
        return same_name_word(single[0], other[-1])
    if same_name_word(wa[-1], wb[-1]) and same_name_word(wa[0], wb[0]):
        return True
    return len(wa) == 2 and len(wb) == 2 and same_name_word(wa[0], wb[-1]) and same_name_word(wa[-1], wb[0])
