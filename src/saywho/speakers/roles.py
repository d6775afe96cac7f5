"""Roles from the words around a name: "Russian Deputy Foreign Minister X", "X, senior researcher at the Y".

General world knowledge only: demonyms and country names, capitals standing for governments, and the
ministry that a ministerial title implies.
"""

from __future__ import annotations

import functools
import re

from saywho.document import Role
from saywho.speakers.world import CAPITALS, COUNTRY_NAMES

# fmt: off
# Demonym or country-name variants -> canonical country name.
COUNTRIES: dict[str, str] = {
    "russian": "Russia", "russia": "Russia", "russian federation": "Russia", "rf": "Russia",
    "japanese": "Japan", "japan": "Japan",
    "american": "United States", "us": "United States", "u.s.": "United States", "united states": "United States",
    "usa": "United States", "america": "United States",
    "chinese": "China", "china": "China", "prc": "China",
    "ukrainian": "Ukraine", "ukraine": "Ukraine",
    "british": "United Kingdom", "uk": "United Kingdom", "united kingdom": "United Kingdom",
    "britain": "United Kingdom",
    "french": "France", "france": "France", "german": "Germany", "germany": "Germany",
    "italian": "Italy", "italy": "Italy", "spanish": "Spain", "spain": "Spain",
    "korean": "Korea", "south korean": "South Korea", "south korea": "South Korea",
    "north korean": "North Korea", "north korea": "North Korea",
    "indian": "India", "india": "India", "turkish": "Turkey", "turkey": "Turkey", "iranian": "Iran", "iran": "Iran",
    "israeli": "Israel", "israel": "Israel", "polish": "Poland", "poland": "Poland",
    "belarusian": "Belarus", "belarus": "Belarus", "kazakh": "Kazakhstan", "kazakhstan": "Kazakhstan",
    "canadian": "Canada", "canada": "Canada", "mexican": "Mexico", "mexico": "Mexico",
    "brazilian": "Brazil", "brazil": "Brazil", "australian": "Australia", "australia": "Australia",
    "european": "European Union", "eu": "European Union", "european union": "European Union",
    "syrian": "Syria", "syria": "Syria", "saudi": "Saudi Arabia", "saudi arabia": "Saudi Arabia",
    "egyptian": "Egypt", "egypt": "Egypt", "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "finnish": "Finland", "finland": "Finland", "swedish": "Sweden", "sweden": "Sweden",
    "norwegian": "Norway", "norway": "Norway", "dutch": "Netherlands", "netherlands": "Netherlands",
    "vietnamese": "Vietnam", "vietnam": "Vietnam", "mongolian": "Mongolia", "mongolia": "Mongolia",
}

# Capitals and seats of government used for the state itself ("Moscow points to ...").
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "moscow": "Russia", "tokyo": "Japan", "washington": "United States", "beijing": "China", "kyiv": "Ukraine",
    "kiev": "Ukraine", "london": "United Kingdom", "paris": "France", "berlin": "Germany", "rome": "Italy",
    "madrid": "Spain", "seoul": "South Korea", "pyongyang": "North Korea", "new delhi": "India", "delhi": "India",
    "ankara": "Turkey", "tehran": "Iran", "jerusalem": "Israel", "warsaw": "Poland", "minsk": "Belarus",
    "astana": "Kazakhstan", "ottawa": "Canada", "brussels": "European Union", "damascus": "Syria",
    "riyadh": "Saudi Arabia", "cairo": "Egypt", "tbilisi": "Georgia", "yerevan": "Armenia", "baku": "Azerbaijan",
    "helsinki": "Finland", "stockholm": "Sweden", "oslo": "Norway", "hanoi": "Vietnam", "ulaanbaatar": "Mongolia",
}

# fmt: on
# Every other state, from the world table (the hand-written entries above win where both have a key).
for _key, _country in COUNTRY_NAMES.items():
    COUNTRIES.setdefault(_key, _country)
for _key, _country in CAPITALS.items():
    SEATS_OF_GOVERNMENT.setdefault(_key, _country)

# Titles that imply their organisation.
TITLE_ORGANIZATIONS: tuple[tuple[str, str], ...] = (
    ("foreign minister", "Ministry of Foreign Affairs"),
    ("minister of foreign affairs", "Ministry of Foreign Affairs"),
    ("defense minister", "Ministry of Defence"),
    ("defence minister", "Ministry of Defence"),
    ("finance minister", "Ministry of Finance"),
    ("economy minister", "Ministry of Economy"),
    ("secretary of state", "Department of State"),
)

# One name for the ministries that translations call several ways.
ORGANIZATION_NAMES: dict[str, str] = {
    "foreign ministry": "Ministry of Foreign Affairs",
    "foreign affairs ministry": "Ministry of Foreign Affairs",
    "ministry of foreign affairs": "Ministry of Foreign Affairs",
    "mfa": "Ministry of Foreign Affairs",
    "defense ministry": "Ministry of Defence",
    "defence ministry": "Ministry of Defence",
    "finance ministry": "Ministry of Finance",
}

_ORG_PREPOSITION_RE = re.compile(r"\s+(?:at|of|with|from|for)\s+(?:the\s+)?(?=[A-Z])")
_TITLE_WORDS = re.compile(r"[A-Za-z][\w.-]*")


_TOPIC_BEFORE = re.compile(r"(?:institute|center|centre|school|department|faculty)\s+(?:of|for)\s+(?:the\s+)?$")
_DESTINATION_AFTER = re.compile(r"\s+to\s+(?:the\s+)?[A-Z].*$")
_DESTINATION_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
_TOPIC_AFTER = re.compile(r"\s+(?:studies|affairs\s+institute)\b")


def country_of(words: str) -> str | None:
    """The country named by a demonym or country name anywhere in `words` (longest match first)."""
    low = words.lower()
    # The rightmost country wins: in "Center for Japanese Studies of the Russian Academy" the parent
    # institution, named last, says where the speaker works; the first demonym is often a topic.
    best: tuple[int, int, str] | None = None
    for key, country in COUNTRIES.items():
        if key not in low:
            continue  # a quick test first: role phrases name one country or none, and there are 80 keys
        for m in _country_key(key).finditer(low):
            if _TOPIC_BEFORE.search(low[: m.start()]) or _TOPIC_AFTER.match(low[m.end() :]):
                continue  # the subject an institution studies, not where it is
            if _DESTINATION_BEFORE.search(low[: m.start()]):
                continue  # "Ambassador of Hungary to Russia": the host country, not the employer
            rank = (m.start(), len(key), country)
            if best is None or rank[:2] > best[:2]:
                best = rank
    return best[2] if best else None


@functools.lru_cache(maxsize=1024)
def _country_key(key: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])" + re.escape(key) + r"(?![\w])")


# "Agriculture Minister": a minister named by his field heads the ministry of it.
_FIELD_MINISTER = re.compile(r"^(?:(?:first\s+)?deputy\s+|vice\s+)?(?P<field>[A-Z][a-z]+)\s+[Mm]inister$")
# Institutions that stand for a state's government, as capitals do: "Kremlin spokesman X".
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "kremlin": ("Kremlin", "Russia"),
    "white house": ("White House", "United States"),
    "pentagon": ("Department of Defense", "United States"),
    "elysee": ("Élysée Palace", "France"),
    "élysée": ("Élysée Palace", "France"),
    "downing street": ("Prime Minister's Office", "United Kingdom"),
    "bundestag": ("Bundestag", "Germany"),
    "knesset": ("Knesset", "Israel"),
    "state duma": ("State Duma", "Russia"),
}


def organization_for_title(title: str) -> str | None:
    low = title.lower()
    known = next((org for key, org in TITLE_ORGANIZATIONS if key in low), None)
    m = _FIELD_MINISTER.match(title.strip()) if known is None else None
    if m is not None and m["field"].lower() != "prime" and m["field"].lower() not in COUNTRIES:
        return f"Ministry of {m['field']}"
    return known


def parse_premodifier_role(premodifier: str) -> Role | None:
    """ "Russian Deputy Foreign Minister" -> Role(title="Deputy Foreign Minister", country="Russia")."""
    words = premodifier.strip().split()
    if not words:
        return None
    country = None
    # Leading demonyms ("Russian", "South Korean") give the country; the rest is the title.
    for n in (2, 1):
        head = " ".join(words[:n]).lower()
        if len(words) > n and head in COUNTRIES:
            country = COUNTRIES[head]
            words = words[n:]
            break
    for n in (3, 2):  # "Foreign Ministry Spokesperson": a ministry's usual name, then the title
        head = " ".join(words[:n]).lower()
        if len(words) > n and head in ORGANIZATION_NAMES:
            title = " ".join(words[n:]).strip(" ,")
            return Role(title=title, organization=ORGANIZATION_NAMES[head], country=country)
    for n in (2, 1):  # "Kremlin spokesman": the institution is the organisation and names the state
        head = " ".join(words[:n]).lower()
        if len(words) > n and head in INSTITUTIONS:
            org, state = INSTITUTIONS[head]
            return Role(title=" ".join(words[n:]).strip(" ,"), organization=org, country=country or state)
    title = " ".join(words).strip(" ,")
    if not title:
        return None
    return Role(title=title, organization=organization_for_title(title), country=country or country_of(title))


_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves yourself".split())


def parse_apposition_role(apposition: str) -> Role | None:
    """ "senior researcher at the Center for X of the Russian Academy of Sciences" -> title, organisation, country.

    Several appositions ("Candidate of Historical Sciences, senior researcher at ...") keep the one that names
    an organisation.
    """
    # "Petrov himself": a reflexive pronoun in apposition is emphasis, not a title.
    parts = [p.strip() for p in re.split(r",\s+", apposition) if p.strip() and p.strip().lower() not in _REFLEXIVES]
    best: Role | None = None
    for part in parts:
        part = re.sub(r"^(?:the|a|an)\s+", "", part, flags=re.I)
        m = _ORG_PREPOSITION_RE.search(part)
        # A job title starts in lower case ("senior researcher at ..."); "Candidate of Sciences" is a degree.
        if m and (part[:1].islower() or best is None):
            title, org = part[: m.start()].strip(), part[m.end() :].strip()
            role = Role(title=title or None, organization=org or None, country=country_of(part))
            if title:
                role = _with_title_defaults(role)
                better_title = part[:1].islower() and not (best and best.title or "")[:1].islower()
                if best is None or best.organization is None or better_title:
                    best = role
        elif best is None and part and part[0].islower():
            best = _with_title_defaults(Role(title=part, country=country_of(part)))
        elif best is None and part.split()[0].lower() in COUNTRIES:
            best = parse_premodifier_role(part)  # "the French foreign minister"
    return best


_TRAILING_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})$")
_ABBREVIATION = re.compile(r"\s*\([A-ZА-ЯЁ][\w.&-]{1,12}\)")
_ORGANISATION_WORDS = re.compile(
    r"\b(?:ministry|department|office|service|committee|council|agency|commission|union|institute|bank|fund)\b", re.I
)


def parse_descriptor_role(title: str, organization: str, preposition: str = "of") -> Role:
    """ "official representative" + "the Chinese Foreign Ministry" -> title, "Ministry of Foreign Affairs", China.

    "Minister" + "Sport of the Russian Federation" -> "Ministry of Sport", Russia: a minister's field is a
    ministry's name, and a country named last is where it is."""
    org = re.sub(r"^(?:the)\s+", "", organization.strip(), flags=re.I)
    org = _ABBREVIATION.sub("", org).strip()  # "the Russian Biathlon Union (RBU)"
    country = None
    if (m := _TRAILING_COUNTRY.search(org)) and m["country"].lower() in COUNTRIES:
        country, org = COUNTRIES[m["country"].lower()], org[: m.start()]
    words = org.split()
    for n in (2, 1):  # a leading demonym names the country: "the Chinese Foreign Ministry"
        if len(words) > n and " ".join(words[:n]).lower() in COUNTRIES:
            country, rest = country or COUNTRIES[" ".join(words[:n]).lower()], " ".join(words[n:])
            # "the Chinese Foreign Ministry" is a ministry of China; "the Russian president" and "the Russian
            # Biathlon Union" stay as written.
            org = rest if rest.lower() in ORGANIZATION_NAMES else org
            break
    org = ORGANIZATION_NAMES.get(org.lower(), org)
    if org and "prime minister" in title.lower() and not _ORGANISATION_WORDS.search(org):
        title, org = f"{title.strip()} {preposition} {org}", ""  # "Deputy Prime Minister for Restoration"
    elif org and title.lower().split()[-1:] == ["minister"] and not _ORGANISATION_WORDS.search(org):
        org = f"Ministry {preposition} {org}"  # "Deputy Minister of Agriculture": the Ministry of Agriculture
    role = _with_title_defaults(Role(title=title.strip() or None, organization=org or None, country=country))
    role.country = role.country or country_of(organization)
    return role


def _with_title_defaults(role: Role) -> Role:
    if role.organization and (m := _DESTINATION_AFTER.search(role.organization)):
        # "Ambassador of Hungary to Russia": the part after "to" is where the post is, not the employer.
        role.organization = role.organization[: m.start()].strip() or None
    if role.title and role.country is None:
        role.country = country_of(role.title)
    if role.organization and role.organization.lower() in COUNTRIES:
        # "negotiator for Spain": the country is the employer, not an organisation.
        role.country = role.country or COUNTRIES[role.organization.lower()]
        role.organization = None
    if role.title and role.organization is None:
        role.organization = organization_for_title(role.title)
    return role
