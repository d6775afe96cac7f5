"""Words that signal attribution in English news, including the calques machine translation produces.

Lemmas are spaCy lemmas. Lists are deliberately general: they describe how news reports speech and belief,
not any particular article.
"""

from __future__ import annotations

# Verbs that report speech, writing or thought and take a clause ("X said that ...", "..., X said").
SPEECH_VERBS = frozenset(
    """
    say tell state claim confirm clarify stress emphasize emphasise note add argue believe think acknowledge
    admit warn insist explain suggest announce report declare deny assert maintain contend predict promise
    pledge vow reply respond answer recall reiterate underline underscore mention write tweet post testify
    estimate hope fear worry agree concede complain allege charge indicate show find conclude observe remark
    comment disclose reveal inform assure caution signal hint specify continue know feel recount repeat
    stipulate acknowledge affirm object protest counter retort reckon guess suspect doubt assume
    forecast project announce boast brag lament muse quip joke speculate theorize wonder expect
    judge evaluate
    """.split()
)

# Verbs that introduce a quotation but not reported speech in a clause: `"Why?" asked the reporter`,
# `"Never!" they shouted`. Kept apart from SPEECH_VERBS, which the learned model reads as a feature.
QUOTE_VERBS = frozenset(
    "ask shout yell scream exclaim cry whisper murmur mutter snap sigh chant inquire enquire interject interrupt "
    "demand plead beg confide".split()
)

# Verbs whose direct object is the person spoken to, not what was said: "told reporters", "assured voters".
ADDRESSEE_VERBS = frozenset(
    "tell ask inform assure reassure warn remind notify brief urge advise persuade convince thank".split()
)

# Verbs that report speech only when they take a clause, never on their own with a noun object
# ("know", "feel", "find", "show" are too common otherwise).
# "judge" and "evaluate" are calques of French «juger» and Turkish «değerlendirmek»: "X judged that ...".
CLAUSE_ONLY_VERBS = frozenset(
    "know feel find show think continue expect add hope worry fear repeat judge evaluate".split()
)

# Calques that report a clause only in translated news: "X introduced that …" (Chinese 介绍), "X did not exclude
# that …" (Russian «не исключил»), "X highlighted that …". Kept out of SPEECH_VERBS, which the learned model
# reads as a feature: in native news these verbs take objects ("introduced a bill"), and they count here only
# with a that-clause after them. "X assessed that …" (Indonesian «menilai», Serbian «оценио је да»), "X reassured
# that …" (Italian «ha rassicurato che») and "X reminded that …" (Indonesian «mengingatkan») render a plain "said";
# in native English "assess" and "reassure" take objects and "remind" a person. "X considers that …" renders the
# German «hält für», Russian «считает, что» and Kazakh «деп санайды»; native English considers a proposal.
CALQUED_CLAUSE_VERBS = frozenset("introduce exclude highlight assess reassure remind consider".split())

# "X reminded travellers to …", "X advised residents to …", "X encouraged farmers to …": a directive whose content is
# the object and its infinitive, as for "urged X to". Kept out of INFINITIVE_SPEECH_VERBS (a feature of the learned
# model) and matched only with an object and an infinitive after it.
OBJECT_INFINITIVE_VERBS = frozenset("remind advise encourage".split())

# Verbs that report speech with a noun-phrase content: "X denied the allegations", "X called Y a Z".
NOUN_CONTENT_VERBS = frozenset("deny announce criticize criticise condemn reject cite blast attack slam".split())

# Speech acts whose content is an infinitive: "X pledged to ...", "X urged Y to ...", "X declined to ...".
# Mental states ("want", "plan", "intend") are left out: they are too often narration, not attribution.
INFINITIVE_SPEECH_VERBS = frozenset(
    "pledge vow promise urge ask call decline refuse threaten offer demand instruct direct order".split()
)

# "X called Y a top priority": call + object + predicate.
PREDICATIVE_VERBS = frozenset("call describe label term brand dub consider deem".split())

# "X accused Y of hiding the risks", "X described it as a scandal": the object and the phrase of this preposition
# are what was said. Kept out of the sets the learned model reads as features.
OBJECT_PREPOSITION_CUES = {
    ("accuse", "of"),
    ("describe", "as"),
    ("characterize", "as"),
    ("characterise", "as"),
    ("portray", "as"),
}

# Verb + particle/preposition cues: "points out", "points to", "talked about", "warned of".
PHRASAL_CUES = {
    ("point", "out"): True,
    ("point", "to"): True,
    ("refer", "to"): True,
    ("call", "for"): True,
    ("call", "on"): True,
    ("warn", "of"): True,
    ("warn", "against"): True,
    ("speak", "of"): True,
    ("insist", "on"): True,
}

# "X is sure that ...": adjectives that report belief when they take a clause.
BELIEF_ADJECTIVES = frozenset(
    "sure confident convinced certain aware concerned worried hopeful optimistic pessimistic adamant "
    "positive skeptical sceptical doubtful afraid persuaded".split()
)

# Calqued cues of machine-translated text, matched as lowercased token sequences.
# "..., draws the attention of X" renders Russian "обращает внимание X" ("X points out").
# The source follows the cue; the content is the clause before it.
CALQUED_SOURCE_AFTER_CUES: tuple[tuple[str, ...], ...] = (
    ("draws", "the", "attention", "of"),
    ("draw", "the", "attention", "of"),
    ("drew", "the", "attention", "of"),
    ("draws", "attention", "of"),  # the translator may drop the article
    ("draw", "attention", "of"),
    ("drew", "attention", "of"),
    ("notes",),  # appears in "..., notes X" with the subject after the verb
    ("according", "to"),
    ("in", "the", "opinion", "of"),
    ("in", "the", "words", "of"),
    ("as", "noted", "by"),
)

# Heads of a noun phrase that names an institution, which may speak impersonally in translated news: "In the
# ministry, it was announced that …", "As they announced from the company, …".
INSTITUTION_NOUNS = frozenset(
    "ministry government office department agency company service committee administration council parliament "
    "municipality embassy headquarters police army cabinet presidency directorate authority commission".split()
)

# "According to X" and its translated relatives: the source is the object of the preposition.
ACCORDING_TO_HEADS = frozenset({"according"})

PRONOUNS = frozenset("he she they i we it you".split())

# Subjects that never speak: expletives and vague placeholders.
NON_SPEAKERS = frozenset("it this that there which what who what".split())
