"""Words that signal attribution in Russian news. Lemmas are pymorphy3 normal forms written with е for ё.

Lists are general: they describe how Russian news reports speech and belief, not any particular article.
"""

from __future__ import annotations

# Verbs of speech, writing and opinion, both aspects. They report speech when they take a clause
# ("заявил, что ...", "уточнил: ...") or follow their content ("..., заявил X").
REPORTING_VERBS = frozenset(
    """
    заявить заявлять сказать говорить сообщить сообщать отметить отмечать подчеркнуть подчеркивать
    уточнить уточнять признать признавать признаться признаваться считать полагать добавить добавлять
    пояснить пояснять объяснить объяснять рассказать рассказывать напомнить напоминать подтвердить
    подтверждать предупредить предупреждать заверить заверять утверждать настаивать ответить отвечать
    возразить возражать резюмировать констатировать допустить допускать предположить предполагать
    заметить замечать написать писать прокомментировать комментировать процитировать указать указывать
    посетовать сетовать пожаловаться жаловаться пообещать обещать пригрозить грозить объявить объявлять
    уверять сомневаться опасаться спрогнозировать прогнозировать предсказать предсказывать оценить оценивать
    охарактеризовать характеризовать сформулировать подытожить акцентировать заключить призвать призывать
    рассчитывать надеяться ожидать доложить докладывать подсчитать подсчитывать потребовать требовать
    предложить предлагать посоветовать советовать порекомендовать рекомендовать
    """.split()
)

# Belief predicates, short adjectives or passive participles: "эксперты уверены, что ...".
BELIEF_PREDICATES = frozenset("уверенный уверить убежденный убедить".split())

# "X указывает на ..." (and "X обращает внимание на ...", see OBJECT_CUES): the content is the "на" phrase.
POINTING_VERBS = frozenset("указать указывать".split())

# Cues of a verb and its object: "обратил внимание", "выразил надежду / уверенность".
_FEELINGS = frozenset("надежда уверенность мнение сожаление опасение обеспокоенность сомнение убежденность".split())
OBJECT_CUES: dict[str, frozenset[str]] = {
    "обратить": frozenset({"внимание"}),
    "обращать": frozenset({"внимание"}),
    "выразить": _FEELINGS,
    "выражать": _FEELINGS,
}

# "X назвал Y Z-ом": the content is the object with its predicate noun in the instrumental.
NAMING_VERBS = frozenset("назвать называть".split())

# "X считает позицию оправданной": with an object and a predicate in the instrumental, judged like naming.
JUDGING_VERBS = frozenset("считать счесть находить найти".split())

# "X заявил о готовности ...": the content is the "о" phrase.
ABOUT_VERBS = frozenset(
    "заявить заявлять сообщить сообщать предупредить предупреждать объявить объявлять рассказать рассказывать".split()
)

# Parenthetical sources: "по словам X", "по мнению X", "по данным X", "по оценке X".
PARENTHETICAL_NOUNS = frozenset(
    "слово мнение данные оценка информация сведение утверждение заявление признание убеждение подсчет".split()
)

# Clause-initial connectives that belong to the narration, not to the reported content.
CONNECTIVES = (
    "однако",
    "но",
    "а",
    "и",
    "впрочем",
    "при этом",
    "между тем",
    "кроме того",
    "тем не менее",
    "вместе с тем",
    "в то же время",
    "правда",
    "зато",
    "так",
)

# "X призвал Y сделать Z", "потребовал от Y сделать Z", "предложил сделать Z", "посоветовал Y не делать Z",
# "пообещал сделать Z": verbs of demand, advice and promise whose content is the infinitive after them (with the
# addressee between).
CALL_VERBS = frozenset(
    """
    призвать призывать потребовать требовать предложить предлагать посоветовать советовать порекомендовать
    рекомендовать пообещать обещать пригрозить грозить
    """.split()
)

# Nouns of unnamed sources: their prepositional modifier belongs to them ("источник в правительстве",
# "собеседник в одной из компаний"), and they speak as persons.
SOURCE_NOUNS = frozenset("источник собеседник представитель сотрудник участник".split())

# News outlets, named as addressees ("заявил РИА Новости источник", "в пресс-службе ЦБ „Ъ“ сообщили").
OUTLETS = frozenset(
    """
    ъ тасс риа интерфакс рбк известия коммерсантъ ведомости газета.ru лента.ru reuters bloomberg
    """.split()
)

# Words that introduce reported content after the cue.
COMPLEMENTIZERS = frozenset("что чтобы будто якобы".split())

# Addressees of a cue ("рассказал журналистам", "сообщил агентству"): never the source.
ADDRESSEE_NOUNS = frozenset(
    """
    журналист корреспондент репортер издание газета агентство радиостанция телеканал редакция
    читатель слушатель зритель
    """.split()
)

# Nouns naming an institution that speaks impersonally ("в Кремле заявили", "в МИД указывают").
INSTITUTION_NOUNS = frozenset(
    """
    кремль мид министерство ведомство правительство администрация посольство аппарат офис штаб минобороны
    минфин пресс-служба служба департамент совбез генштаб парламент дума госдума совет сенат кабинет
    комитет комиссия управление прокуратура суд партия руководство командование компания ассоциация банк
    еврокомиссия регулятор учреждение клуб предприятие организация мэрия управа префектура муниципалитет
    """.split()
)

# Documents that speak for whoever issued them: «в сообщении ЦБ», «в пояснительной записке министерства».
DOCUMENT_NOUNS = frozenset(
    """
    сообщение заявление документ релиз пресс-релиз отчет доклад письмо постановление записка обзор справка
    коммюнике декларация резолюция бюллетень исследование
    """.split()
)

# Impersonal verbs of what a document says, written after the content: «…, говорится в сообщении ЦБ»,
# «— отмечается в релизе», «…, следует из документа министерства».
DOCUMENT_VERBS = frozenset("говориться отмечаться подчеркиваться указываться сообщаться утверждаться следовать".split())

# "X оценивает урожай в 88 млн тонн": an estimate whose content is the object and the figure it is put at.
ESTIMATE_VERBS = frozenset("оценить оценивать".split())
