"""The language a translated article was written in, when its credit names only the service.

"Translated by Google Translate" under a story filed from a capital says where it comes from without saying so:

    Vilnius, 3 May 2025, BNS.                        <- a head line: the place, then the date
    TALLINN, March 3. /ERR/. The government ...      <- a wire dateline opening the first paragraph
    ...
    Translated by Google Translate                   <- the credit: a translation, from which language?

The rule (provenance.py applies it only to a text with a translation credit that names no source language, and
only when the result differs from the body's language): the place of filing printed in the head, a capital in the
table of states (speakers/world.py), gives the country, and the country the language most of its press is written
in. Countries whose press is split between languages with no clear majority (Belgium, Switzerland, Canada, India,
...) are not in the table, and a place that is no capital says nothing: then the source language stays unknown.
A place merely mentioned in the prose ("Riga, Tallinn and Vilnius agreed ...") is no dateline: a date must follow it.
"""

from __future__ import annotations

import re

from ..speakers.world import CAPITALS
from .dateline import find_dateline
from .lines import head_lines

# Country -> ISO 639-1 code of the language most of its news is written in. General knowledge, no outlet's.
# Belarus, Kazakhstan and Kyrgyzstan: Russian is an official language there and most of the press writes in it.
_PRESS_LANGUAGES = {
    "Albania": "sq", "Algeria": "ar", "Angola": "pt", "Argentina": "es", "Armenia": "hy", "Austria": "de",
    "Azerbaijan": "az", "Bahrain": "ar", "Bangladesh": "bn", "Belarus": "ru", "Bolivia": "es",
    "Bosnia and Herzegovina": "bs", "Brazil": "pt", "Bulgaria": "bg", "Burkina Faso": "fr", "Cambodia": "km",
    "Chile": "es", "China": "zh", "Colombia": "es", "Congo": "fr", "Croatia": "hr", "Cuba": "es", "Cyprus": "el",
    "Czech Republic": "cs", "Denmark": "da", "Ecuador": "es", "Egypt": "ar", "Estonia": "et", "Finland": "fi",
    "France": "fr", "Georgia": "ka", "Germany": "de", "Greece": "el", "Hungary": "hu", "Iceland": "is",
    "Indonesia": "id", "Iran": "fa", "Iraq": "ar", "Israel": "he", "Italy": "it", "Japan": "ja", "Jordan": "ar",
    "Kazakhstan": "ru", "Kosovo": "sq", "Kuwait": "ar", "Kyrgyzstan": "ru", "Laos": "lo", "Latvia": "lv",
    "Lebanon": "ar", "Libya": "ar", "Lithuania": "lt", "Mali": "fr", "Mexico": "es", "Moldova": "ro",
    "Mongolia": "mn", "Morocco": "ar", "Nepal": "ne", "Netherlands": "nl", "Nicaragua": "es", "Niger": "fr",
    "North Korea": "ko", "North Macedonia": "mk", "Norway": "no", "Oman": "ar", "Palestine": "ar", "Panama": "es",
    "Peru": "es", "Poland": "pl", "Portugal": "pt", "Qatar": "ar", "Romania": "ro", "Russia": "ru",
    "Saudi Arabia": "ar", "Senegal": "fr", "Serbia": "sr", "Slovakia": "sk", "Slovenia": "sl", "Somalia": "so",
    "South Korea": "ko", "Spain": "es", "Sudan": "ar", "Sweden": "sv", "Syria": "ar", "Taiwan": "zh",
    "Thailand": "th", "Tunisia": "ar", "Turkey": "tr", "Turkmenistan": "tk", "Ukraine": "uk",
    "United Arab Emirates": "ar", "Uruguay": "es", "Uzbekistan": "uz", "Venezuela": "es", "Vietnam": "vi",
    "Yemen": "ar",
    # English-speaking states: a translation into English never comes from there, so their entry stops a guess.
    "Australia": "en", "Ireland": "en", "New Zealand": "en", "United Kingdom": "en", "United States": "en",
}  # fmt: skip

# "Tallinn, 3 May 2025", "Astana, July 2, 2025", "BUCHAREST, March 3.": a place, a comma, then a date.
_PLACE_THEN_DATE = re.compile(
    r"(?P<place>[^\W\d_][\w'’.\-]*(?:[ \t][^\W\d_][\w'’.\-]*){0,2}),[ \t]+(?:\d{1,2}\b|[^\W\d_]{3,9}\.?[ \t]+\d{1,2}\b)"
)
# The head is short lines, and the first paragraph opens with the wire dateline.
_HEAD_LINES = 12
_PROSE_WORDS = 25


def filing_language(text: str) -> str | None:
    """The press language of the country whose capital the head names as the place of filing, or None."""
    for line in head_lines(text, max_lines=_HEAD_LINES):
        place = _filing_place(text, line.start, line.stripped)
        country = CAPITALS.get(place.casefold()) if place else None
        if country is not None:
            return _PRESS_LANGUAGES.get(country)
        if len(line.stripped.split()) > _PROSE_WORDS:
            break  # the first paragraph, read for its dateline: the head ends here
    return None


def _filing_place(text: str, start: int, line: str) -> str | None:
    """The place a head line or a paragraph opens with, when a date or a wire dateline's agency follows it."""
    dateline = find_dateline(text, start)
    if dateline is not None:
        return dateline.place
    m = _PLACE_THEN_DATE.match(line)
    return m["place"] if m else None
