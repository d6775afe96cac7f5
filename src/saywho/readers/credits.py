"""Translation credit lines: "Переведено сервисом «Яндекс Переводчик»", "Translated by Google Translate", ...

Machine-translated news usually ends (sometimes starts) with a line naming the service. We look only at those
edge lines and only at short ones, so that an article *about* Google Translate is not mistaken for a credit.
A credit line gives three facts: the service, an explicit source language ("from Russian", "с русского"), and
the language the line itself is written in, which betrays the original language when it differs from the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .language import detect_language
from .lines import Line, head_lines, tail_lines

# Credit lines are short; a longer line is a sentence of the article.
_MAX_WORDS = 16
_MAX_CHARS = 200

# Brand -> canonical English service name. Checked in order, so "Microsoft Bing Translator" is one service.
_SERVICES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("Yandex Translator", r"\bya?ndex\b|яндекс"),
        ("Google Translate", r"\bgoogle\b|гугл"),
        ("DeepL", r"\bdeepl\b"),
        ("Microsoft Translator", r"\bmicrosoft\b|\bbing\b|майкрософт"),
        ("PROMT", r"\bpromt\b|промт|translate\.ru"),
        ("Papago", r"\bpapago\b|파파고"),
        ("Reverso", r"\breverso\b"),
        ("Baidu Translate", r"\bbaidu\b|百度"),
        ("Amazon Translate", r"\bamazon\s+translate\b"),
        ("SYSTRAN", r"\bsystran\b"),
        ("ChatGPT", r"\bchatgpt\b"),
        ("eTranslation", r"\be-?translation\b"),  # the European Commission's service
    )
)

# The service's English name as the line prints it: "Yandex Translate" and "Yandex Translator" are both in use (the
# products were renamed over the years), and a credit is quoted, not corrected. Only a Latin "<brand> Translate(r)"
# whose brand is the canonical name's is kept; other spellings ("Яндекс Переводчик", "Google Übersetzer", the old
# "Bing Translator") get the canonical English name above.
_PRINTED_NAME = re.compile(r"\b(?P<brand>[a-z]+)(?:\.|\s+)translat(?:e|or)\b", re.IGNORECASE)

# A word about translating, in the languages credit lines are written in, with the language it belongs to.
# Product names count too ("Google Übersetzer"), so "Яндекс.Переводчик" alone on a line is a credit.
_TRANSLATION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (lang, re.compile(pattern, re.IGNORECASE))
    for lang, pattern in (
        ("ru", r"переведено|переведен[аоы]?\b|перев[её]л[аи]?\b|перевод|переводчик"),
        ("uk", r"перекладено|переклад|перекладач"),
        ("de", r"übersetz|maschinell"),
        ("fr", r"tradu(?:it|ction|cteur)"),
        ("es", r"traduc(?:ido|ción|tor)"),
        ("it", r"tradott|traduzion|traduttore"),
        ("pt", r"traduzid|tradução|tradutor"),
        ("nl", r"vertaal|vertaling"),
        ("pl", r"przetłumacz|tłumacz"),
        ("en", r"translat"),
        ("zh", r"翻译|翻譯"),
        ("ja", r"翻訳"),
        ("ko", r"번역"),
    )
)

# How a line credits a translation, as opposed to a sentence that merely mentions a service
# ("Google Translate is used by millions"): it starts with the translation word, or says "translated by/with".
_CREDIT_PHRASE = re.compile(
    r"^[\W_]*(?:machine\s+|automatic(?:ally)?\s+|машинный\s+|автоматический\s+)?(?:translat|перев|переклад|übersetz|"
    r"tradu|vertaal|przetłumacz|tłumacz)"
    r"|translated\s+(?:by|with|using|via|through|from)\b|(?:machine|automatic)\s+translation"
    r"|(?:переведен[оаы]?|перевод|перекладено)\s+(?:сервисом|сервісом|с\s+помощью|за\s+допомогою|при\s+помощи|"
    r"системой|программой|с\s+\w+)"
    r"|übersetzt\s+(?:mit|von|durch|aus)|traduit\s+(?:par|avec|de|du)|traducido\s+(?:por|con|del)"
    r"|tradotto\s+(?:da|con|dal)|traduzido\s+(?:por|com|do)|vertaald\s+(?:door|met|uit)",
    re.IGNORECASE,
)
# A line that is little more than the product name ("Яндекс.Переводчик", "via Google Translate").
_BARE_CREDIT_WORDS = 5

# Explicit source languages: "from (the) Russian", "с русского", "aus dem Russischen", "traduit du russe", ...
_LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "ru": ("russian", "русского", "russischen", "russe", "ruso", "russo", "російської"),
    "uk": ("ukrainian", "украинского", "ukrainischen", "ukrainien", "ucraniano", "ucraino", "української"),
    "en": ("english", "английского", "englischen", "anglais", "inglés", "ingles", "inglese", "англійської"),
    "de": ("german", "немецкого", "deutschen", "allemand", "alemán", "aleman", "tedesco", "німецької"),
    "fr": ("french", "французского", "französischen", "français", "francés", "frances", "francese"),
    "es": ("spanish", "испанского", "spanischen", "espagnol", "español", "spagnolo"),
    "it": ("italian", "итальянского", "italienischen", "italien", "italiano"),
    "pt": ("portuguese", "португальского", "portugiesischen", "portugais", "portugués"),
    "zh": ("chinese", "китайского", "chinesischen", "chinois", "chino", "cinese"),
    "ja": ("japanese", "японского", "japanischen", "japonais", "japonés", "giapponese"),
    "ko": ("korean", "корейского", "koreanischen", "coréen"),
    "ar": ("arabic", "арабского", "arabischen", "arabe", "árabe"),
    "pl": ("polish", "польского", "polnischen", "polonais", "polaco"),
    "tr": ("turkish", "турецкого", "türkischen", "turc", "turco"),
    "be": ("belarusian", "белорусского", "belarussischen", "biélorusse"),
    "kk": ("kazakh", "казахского", "kasachischen", "kazakh"),
    # Languages whose news reaches English through machine translation, named in English (and a few in Russian).
    "fa": ("persian", "farsi", "персидского"),
    "hu": ("hungarian", "венгерского"),
    "sr": ("serbian", "сербского"),
    "hr": ("croatian",),
    "bs": ("bosnian",),
    "bg": ("bulgarian", "болгарского"),
    "ro": ("romanian", "румынского"),
    "cs": ("czech", "чешского"),
    "sk": ("slovak",),
    "sl": ("slovenian", "slovene"),
    "el": ("greek", "греческого"),
    "he": ("hebrew", "иврита"),
    "nl": ("dutch",),
    "sv": ("swedish",),
    "no": ("norwegian",),
    "da": ("danish",),
    "fi": ("finnish", "финского"),
    "et": ("estonian", "эстонского"),
    "lv": ("latvian", "латышского"),
    "lt": ("lithuanian", "литовского"),
    "ka": ("georgian", "грузинского"),
    "hy": ("armenian", "армянского"),
    "az": ("azerbaijani", "azeri", "азербайджанского"),
    "uz": ("uzbek", "узбекского"),
    "ky": ("kyrgyz", "киргизского"),
    "tg": ("tajik", "таджикского"),
    "mn": ("mongolian", "монгольского"),
    "vi": ("vietnamese", "вьетнамского"),
    "id": ("indonesian", "индонезийского"),
    "ms": ("malay",),
    "th": ("thai",),
    "hi": ("hindi",),
    "ur": ("urdu",),
    "bn": ("bengali", "bangla"),
    "tl": ("filipino", "tagalog"),
    "sw": ("swahili",),
}
_NAME_TO_CODE = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}
_FROM_LANGUAGE = re.compile(
    r"(?:\boriginal(?:ly)?\s+(?:written\s+|published\s+)?in\s+|\bfrom\s+(?:the\s+)?|(?<!\w)с\s+|(?<!\w)з\s+|\baus\s+dem\s+|\bdu\s+|\bde\s+l['’]\s*|\bdel\s+|\bdal(?:l['’]\s*)?\s*)"
    r"(?P<name>" + "|".join(sorted(map(re.escape, _NAME_TO_CODE), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
# "Translated by Jane Doe" / "Перевод: Анна Иванова": a human credit without a language still marks the line.
_HUMAN_CREDIT = re.compile(
    r"^\(?\s*(?:translated\s+by|translation\s+by|translated\s+from|перевод(?:\s+с\s+\w+)?\s*[:—-]|перев[её]л[аи]?\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CreditLine:
    start: int
    end: int  # end of the line's text, line break excluded
    translator: str | None  # canonical machine-translation service, None for a human translator
    source_language: str | None  # ISO 639-1 named explicitly on the line ("from Russian")
    line_language: str | None  # ISO 639-1 of the credit line itself
    at_end: bool = False  # printed under the article (where the body ends), not in its head


# Sites print the credit under the title too, among the date and byline lines: "Original in Uzbek. Translated by
# DeepL." The head is read down to its first paragraph of prose.
_HEAD_CREDIT_LINES = 7
_PROSE_WORDS = 25


def find_credit_line(text: str) -> CreditLine | None:
    """The translation credit among the last two lines and the head's short lines, or None."""
    for line in tail_lines(text, max_lines=2):
        credit = parse_credit_line(line)
        if credit is not None:
            return replace(credit, at_end=True)
    for line in head_lines(text, max_lines=_HEAD_CREDIT_LINES):
        if len(line.stripped.split()) > _PROSE_WORDS:
            break
        credit = parse_credit_line(line)
        if credit is not None:
            return credit
    return None


def parse_credit_line(line: Line) -> CreditLine | None:
    """Read one line as a translation credit; None when it is not one."""
    body = line.stripped
    if not body or len(body) > _MAX_CHARS or len(body.split()) > _MAX_WORDS:
        return None
    word_language = _translation_word_language(body)
    source = _FROM_LANGUAGE.search(body)
    source_language = _NAME_TO_CODE.get(source["name"].lower()) if source else None
    translator = _printed_service_name(body, next((name for name, pattern in _SERVICES if pattern.search(body)), None))
    if word_language is None or not (_CREDIT_PHRASE.search(body) or len(body.split()) <= _BARE_CREDIT_WORDS):
        return None
    human = source_language is not None or _HUMAN_CREDIT.search(body) is not None
    if translator is None and not human:
        return None
    line_language = word_language or detect_language(body, min_hits=1)
    return CreditLine(line.start, line.end, translator, source_language, line_language)


def _translation_word_language(body: str) -> str | None:
    """Language of the first word about translating on the line ("Übersetzt mit ... Translator" is German)."""
    found = [(m.start(), lang) for lang, pattern in _TRANSLATION_WORDS if (m := pattern.search(body))]
    return min(found)[1] if found else None


def _printed_service_name(body: str, canonical: str | None) -> str | None:
    """The canonical service as the line spells it in English ("Yandex Translate"), else the canonical name."""
    if canonical is None or not canonical.endswith(("Translate", "Translator")):
        return canonical
    brand = canonical.split()[0].casefold()
    for m in _PRINTED_NAME.finditer(body):
        if m["brand"].casefold() == brand:
            return " ".join(m.group(0).split())
    return canonical
