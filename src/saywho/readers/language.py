"""A small, dependency-free language identifier for article bodies and credit lines.

Scripts decide most languages outright (Greek, Hangul, kana, ...). Within Latin and Cyrillic we count
frequent function words, which is reliable on a paragraph of news text and cheap on a 5 MB file because only
a sample is read. It is deliberately conservative: with no evidence it answers None rather than guess "en".
"""

from __future__ import annotations

import re
from collections import Counter

# Enough text to be sure of a news article's language; reading more only costs time.
_SAMPLE_CHARS = 20_000

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
    "cyrillic": re.compile(r"[\u0400-\u052F]"),
    "greek": re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF]"),
    "arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "hebrew": re.compile(r"[\u0590-\u05FF]"),
    "devanagari": re.compile(r"[\u0900-\u097F]"),
    "thai": re.compile(r"[\u0E00-\u0E7F]"),
    "georgian": re.compile(r"[\u10A0-\u10FF]"),
    "armenian": re.compile(r"[\u0530-\u058F]"),
    "hangul": re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]"),
    "kana": re.compile(r"[\u3040-\u30FF\u31F0-\u31FF]"),
    "han": re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]"),
}

# Scripts that are (nearly) one language each.
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "hebrew": "he",
    "devanagari": "hi",
    "thai": "th",
    "georgian": "ka",
    "armenian": "hy",
    "hangul": "ko",
}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Frequent function words. Overlaps between languages are fine: the distinctive words decide.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "the of and to in is that for it was on with as by at from his her their this which be have has "
        "are were not but an they he she its will would been who also"
    ),
    "de": _wordset(
        "der die das und ist nicht mit den dem des sich auf für ein eine einer auch als von zu im wird "
        "wurde sind oder aber nach bei über dass noch"
    ),
    "fr": _wordset(
        "le la les et est des une un du dans pour que qui pas sur au aux par avec ce cette sont ont il elle "
        "mais ou se qu été plus"
    ),
    "es": _wordset(
        "el la los las y es que de del en por con para una un se su sus al lo como más pero fue está "
        "sobre este esta también"
    ),
    "it": _wordset(
        "il lo la gli le e è che di del della delle dei in per con una un non si sono anche come più ma alla nel questo"
    ),
    "pt": _wordset(
        "o a os as e é que de do da dos das em no na para com uma um não se por mais como mas foi ao pelo pela também"
    ),
    "nl": _wordset(
        "de het een en is van in dat die niet op te met voor zijn er aan ook als bij door maar naar wordt werd"
    ),
    "pl": _wordset("i w na z się nie do że to jest o jak po za przez od ale też jego który która które być"),
    "ru": _wordset(
        "и в не на что с по это как он она они к из за для от о а то его но который которые также так же "
        "при было был была были уже если только еще ещё этого чтобы"
    ),
    "uk": _wordset(
        "і й та що на не у в з до це як від для за про але його які було був була були також вже якщо "
        "тільки ще щоб цього"
    ),
    "bg": _wordset("и в на не с за да се от че е са по като който която които това тази но му ще бъде беше"),
}

_LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
_CYRILLIC_LANGUAGES = ("ru", "uk", "bg")

# Letters that only some Cyrillic languages use; each occurrence counts like a function word.
# (Bulgarian has no letter of its own, but its function words are distinctive.)
_CYRILLIC_LETTERS: dict[str, str] = {"ru": "ыэё", "uk": "іїєґ"}
# Letters that settle a Cyrillic text outright: Serbian (and Macedonian) ј/љ/њ, Belarusian ў.
_CYRILLIC_OUTRIGHT = (("sr", re.compile(r"[ђћџљњј]")), ("be", re.compile(r"ў")))

_WORD = re.compile(r"[^\W\d_]+")
# Persian letters absent from Arabic.
_PERSIAN = re.compile(r"[پچژگ]")


def script_counts(text: str) -> Counter[str]:
    """Letters per script in (a sample of) the text."""
    sample = text[:_SAMPLE_CHARS]
    counts: Counter[str] = Counter()
    for script, pattern in _SCRIPTS.items():
        n = len(pattern.findall(sample))
        if n:
            counts[script] = n
    return counts


def detect_language(text: str, *, min_hits: int = 2) -> str | None:
    """ISO 639-1 code of the text's language, or None when the evidence is too thin.

    `min_hits` is how many function words a Latin-script text needs; a short credit line passes 1.
    """
    counts = script_counts(text)
    if not counts:
        return None
    # Japanese mixes kanji with kana; Chinese has no kana. Treat them as one script family first.
    cjk = counts.pop("han", 0) + counts.get("kana", 0)
    kana = counts.pop("kana", 0)
    if cjk:
        counts["cjk"] = cjk
    script = counts.most_common(1)[0][0]
    if script == "cjk":
        return "ja" if kana >= 0.1 * cjk else "zh"
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script == "arabic":
        sample = text[:_SAMPLE_CHARS]
        return "fa" if len(_PERSIAN.findall(sample)) > 0.01 * counts["arabic"] else "ar"
    words = Counter(_WORD.findall(text[:_SAMPLE_CHARS].lower()))
    if script == "cyrillic":
        return _cyrillic_language(text[:_SAMPLE_CHARS].lower(), words)
    return _best_by_stopwords(words, _LATIN_LANGUAGES, min_hits)


def _stopword_scores(words: Counter[str], languages: tuple[str, ...]) -> dict[str, int]:
    return {lang: sum(n for w, n in words.items() if w in _STOPWORDS[lang]) for lang in languages}


def _best_by_stopwords(words: Counter[str], languages: tuple[str, ...], min_hits: int) -> str | None:
    scores = _stopword_scores(words, languages)
    best = max(languages, key=lambda lang: scores[lang])
    return best if scores[best] >= min_hits else None


def _cyrillic_language(sample: str, words: Counter[str]) -> str:
    letters = max(1, len(_SCRIPTS["cyrillic"].findall(sample)))
    for lang, pattern in _CYRILLIC_OUTRIGHT:
        # A stray quoted name is not enough: ask for a share of the letters a real text would show.
        if len(pattern.findall(sample)) >= max(1, 0.003 * letters):
            return lang
    scores = _stopword_scores(words, _CYRILLIC_LANGUAGES)
    for lang, chars in _CYRILLIC_LETTERS.items():
        scores[lang] += sum(sample.count(ch) for ch in chars)
    best = max(_CYRILLIC_LANGUAGES, key=lambda lang: scores[lang])
    # Russian is by far the most common Cyrillic language of news text; a bare headline
    # or a "Переведено сервисом ..." credit line has no function words to go on.
    return best if scores[best] > 0 else "ru"
