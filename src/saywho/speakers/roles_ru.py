"""Russian roles and places: titles written before a name ("заместитель министра иностранных дел России",
"замглавы МИД РФ", "старший научный сотрудник Института ... РАН"), countries, capitals standing for states,
institutions, and the English names the store needs to merge them with English coverage.

General world knowledge only (lemmas are pymorphy3 normal forms written with е for ё).
"""

from __future__ import annotations

from saywho.document import Role

# fmt: off
# Lemma of a country name, abbreviation or demonym -> the country's name in Russian.
COUNTRY_LEMMAS: dict[str, str] = {
    "россия": "Россия", "рф": "Россия", "российский": "Россия", "русский": "Россия",
    "япония": "Япония", "японский": "Япония", "сша": "США", "америка": "США", "американский": "США",
    "китай": "Китай", "кнр": "Китай", "китайский": "Китай", "украина": "Украина", "украинский": "Украина",
    "великобритания": "Великобритания", "британия": "Великобритания", "британский": "Великобритания",
    "франция": "Франция", "французский": "Франция", "германия": "Германия", "фрг": "Германия",
    "германский": "Германия", "немецкий": "Германия", "италия": "Италия", "итальянский": "Италия",
    "корея": "Южная Корея", "южнокорейский": "Южная Корея", "кндр": "КНДР", "северокорейский": "КНДР",
    "индия": "Индия", "индийский": "Индия", "турция": "Турция", "турецкий": "Турция", "иран": "Иран",
    "иранский": "Иран", "израиль": "Израиль", "израильский": "Израиль", "белоруссия": "Белоруссия",
    "беларусь": "Белоруссия", "белорусский": "Белоруссия", "казахстан": "Казахстан", "казахстанский": "Казахстан",
    "польша": "Польша", "польский": "Польша", "канада": "Канада", "канадский": "Канада",
    "евросоюз": "Евросоюз", "ес": "Евросоюз", "европейский": "Евросоюз", "монголия": "Монголия",
    "вьетнам": "Вьетнам", "сирия": "Сирия", "египет": "Египет", "грузия": "Грузия", "армения": "Армения",
    "азербайджан": "Азербайджан", "финляндия": "Финляндия", "швеция": "Швеция", "норвегия": "Норвегия",
}
# Capitals and seats of power used for the state itself ("в Москве указывают").
SEAT_LEMMAS: dict[str, str] = {
    "москва": "Россия", "токио": "Япония", "вашингтон": "США", "пекин": "Китай", "киев": "Украина",
    "лондон": "Великобритания", "париж": "Франция", "берлин": "Германия", "рим": "Италия", "сеул": "Южная Корея",
    "пхеньян": "КНДР", "дели": "Индия", "нью-дели": "Индия", "анкара": "Турция", "тегеран": "Иран",
    "минск": "Белоруссия", "астана": "Казахстан", "варшава": "Польша", "оттава": "Канада", "брюссель": "Евросоюз",
    "улан-батор": "Монголия", "ханой": "Вьетнам", "дамаск": "Сирия", "каир": "Египет", "тбилиси": "Грузия",
    "ереван": "Армения", "баку": "Азербайджан", "хельсинки": "Финляндия", "стокгольм": "Швеция", "осло": "Норвегия",
}
# English names of the places and institutions above (what English coverage calls them).
ENGLISH_NAMES: dict[str, str] = {
    "Россия": "Russia", "Япония": "Japan", "США": "United States", "Китай": "China", "Украина": "Ukraine",
    "Великобритания": "United Kingdom", "Франция": "France", "Германия": "Germany", "Италия": "Italy",
    "Южная Корея": "South Korea", "КНДР": "North Korea", "Индия": "India", "Турция": "Turkey", "Иран": "Iran",
    "Израиль": "Israel", "Белоруссия": "Belarus", "Казахстан": "Kazakhstan", "Польша": "Poland", "Канада": "Canada",
    "Евросоюз": "European Union", "Монголия": "Mongolia", "Вьетнам": "Vietnam", "Сирия": "Syria", "Египет": "Egypt",
    "Грузия": "Georgia", "Армения": "Armenia", "Азербайджан": "Azerbaijan", "Финляндия": "Finland",
    "Швеция": "Sweden", "Норвегия": "Norway",
    "Москва": "Moscow", "Токио": "Tokyo", "Вашингтон": "Washington", "Пекин": "Beijing", "Киев": "Kyiv",
    "Лондон": "London", "Париж": "Paris", "Берлин": "Berlin", "Сеул": "Seoul", "Пхеньян": "Pyongyang",
    "Кремль": "Kremlin", "МИД": "Ministry of Foreign Affairs", "Белый дом": "White House",
    "Госдума": "State Duma", "Совбез": "Security Council", "Минобороны": "Ministry of Defence",
    "эксперты": "experts", "аналитики": "analysts", "политологи": "political scientists", "власти": "authorities",
    "дипломаты": "diplomats", "источники": "sources", "чиновники": "officials", "японисты": "Japan experts",
}
# Organisations whose abbreviation says the country ("РАН" is the Russian Academy of Sciences).
ORG_COUNTRIES: dict[str, str] = {
    "ран": "Россия", "мгимо": "Россия", "мгу": "Россия", "вшэ": "Россия", "спбгу": "Россия", "цб": "Россия",
    "госдума": "Россия", "совфед": "Россия", "минобороны": "Россия",
}
# "министр иностранных дел" and friends: the ministry the title implies.
MINISTRY_TITLES: tuple[tuple[str, str], ...] = (
    ("иностранных дел", "МИД"), ("мид", "МИД"), ("обороны", "Минобороны"), ("финансов", "Минфин"),
    ("экономического развития", "Минэкономразвития"), ("юстиции", "Минюст"), ("внутренних дел", "МВД"),
)
# fmt: on

# Head nouns of titles that stand before a name (lemmas; the adjectives before them join the title).
TITLE_HEADS = frozenset(
    """
    заместитель замминистра замглавы замдиректор министр глава директор сотрудник кандидат доктор профессор
    пресс-секретарь секретарь представитель посол посланник консул постпред президент премьер премьер-министр
    вице-премьер председатель спикер депутат сенатор губернатор мэр советник помощник эксперт аналитик
    политолог руководитель генсек лидер член заведующий завкафедрой декан ректор исследователь востоковед
    японист китаист американист экономист журналист дипломат экс-президент экс-премьер канцлер король
    император командующий начальник вице-президент преподаватель доцент
    """.split()
)
# Words that start the organisation part of a title ("сотрудник Института ...", "директор Центра ...").
ORG_HEADS = frozenset(
    """
    институт центр университет министерство академия фонд комитет служба департамент агентство партия компания
    банк совет администрация ведомство посольство аппарат кафедра факультет школа лаборатория клуб общество
    ассоциация союз корпорация управление канцелярия секретариат организация миссия представительство
    """.split()
)

# Role nouns that refer back to a person ("дипломат", "российский президент"), and what the person's title
# must contain to be their referent. `None`: any person will do (the nearest).
ROLE_NOUNS: dict[str, tuple[str, ...] | None] = {
    "дипломат": ("иностранных дел", "мид", "посол", "посланник", "дипломат", "консул", "постпред"),
    "министр": ("министр",),
    "замминистра": ("заместитель министра", "замминистра"),
    "президент": ("президент",),
    "премьер": ("премьер",),
    "премьер-министр": ("премьер",),
    "пресс-секретарь": ("пресс-секретарь",),
    "представитель": ("представитель",),
    "посол": ("посол",),
    "глава": ("глава", "министр", "председатель", "руководитель", "директор"),
    "политик": None,
    "эксперт": ("сотрудник", "эксперт", "аналитик", "профессор", "директор", "исследовател", "кандидат", "доктор",
                "политолог", "востоковед", "японист", "научн", "преподаватель", "доцент"),
    "аналитик": ("аналитик", "эксперт", "сотрудник", "исследовател"),
    "политолог": ("политолог", "сотрудник", "эксперт", "профессор", "научн"),
    "ученый": ("сотрудник", "профессор", "научн", "исследовател", "доктор", "кандидат"),
    "собеседник": None,
    "спикер": None,
    "директор": ("директор",),
    "руководитель": ("руководитель", "директор", "глава", "председатель"),
    "председатель": ("председатель",),
    "лидер": ("лидер", "президент", "премьер", "председатель", "глава"),
    "чиновник": None,
}  # fmt: skip
# Title words that must head the title for a role noun to match ("пресс-секретарь президента" is no president).
STRICT_HEADS = frozenset("президент премьер премьер-министр министр посол председатель директор".split())


def country_of_lemmas(lemmas: list[str]) -> str | None:
    """The country a run of words names (the rightmost mention wins)."""
    found = None
    for lemma in lemmas:
        found = COUNTRY_LEMMAS.get(lemma) or ORG_COUNTRIES.get(lemma) or found
    return found


def ministry_for_title(title: str) -> str | None:
    low = title.lower()
    if "министр" not in low and "мид" not in low and "замглавы" not in low:
        return None
    return next((org for key, org in MINISTRY_TITLES if key in low), None)


def role_from_parts(title: str | None, organization: str | None, country: str | None) -> Role | None:
    role = Role(title=title or None, organization=organization or None, country=country)
    if role.title and role.organization is None:
        role.organization = ministry_for_title(role.title)
    return None if role.is_empty() else role


def title_matches(noun: str, titles: list[str]) -> bool:
    """Can a person with these titles be called `noun` ("дипломат" for a deputy foreign minister)?"""
    keys = ROLE_NOUNS.get(noun)
    if keys is None:
        return True
    for title in titles:
        low = title.lower()
        if noun in STRICT_HEADS or noun in ("премьер-министр",):
            head = low.split()[0] if low.split() else ""
            if any(head.startswith(k) for k in keys):
                return True
        elif any(k in low for k in keys):
            return True
    return False
