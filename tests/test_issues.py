"""Issue taxonomy, issue tagging, stance and speech acts (saywho.issues), and `saywho.enrich` on the example."""

from __future__ import annotations

import copy
import re

import pytest

from saywho.document import Article, ArticleMeta, Attribution, Span
from saywho.enrich import enrich
from saywho.issues import find_conditions, load_taxonomy, packaged_taxonomies, speech_act, tag_issues
from saywho.issues.stance import cue_lemma
from saywho.issues.taxonomy import TAXONOMY_ENV, TaxonomyError, keyword_regex, taxonomy_from_yaml

# --- helpers ------------------------------------------------------------------------------------------------------


def article(text: str, *statements: tuple[str, str | None], language: str | None = "en") -> Article:
    """An article whose attributions have the given (content, cue) substrings of `text`."""
    attributions = []
    for n, (content, cue) in enumerate(statements, 1):
        start = text.index(content)
        cue_span = None
        if cue is not None:
            c = text.index(cue)
            cue_span = Span.of(text, c, c + len(cue))
        attributions.append(Attribution(f"a{n}", [Span.of(text, start, start + len(content))], cue=cue_span))
    return Article(text, ArticleMeta(language=language), attributions)


def one(text: str, content: str | None = None, cue: str | None = "said", taxonomy: str = "default") -> Attribution:
    art = enrich(article(text, (content or text, cue)), taxonomy)
    return art.attributions[0]


def issues_of(a: Attribution) -> dict[str, str]:
    return {i.issue: i.stance for i in a.issues}


# --- taxonomy -----------------------------------------------------------------------------------------------------


def test_packaged_taxonomies_load():
    assert {"default", "russia-japan"} <= set(packaged_taxonomies())
    rj = load_taxonomy("russia-japan")
    for label in (
        "peace treaty",
        "Kuril Islands",
        "territorial dispute",
        "sanctions",
        "grave visits",
        "humanitarian exchanges",
        "economy",
        "energy",
        "tourism",
        "Ukraine conflict",
        "US alliance",
        "alliances",
        "bilateral relations",
    ):
        assert label in rj, label
    assert rj.ancestors("Kuril Islands") == ["territorial dispute"]
    assert rj.ancestors("grave visits") == ["humanitarian exchanges"]
    assert rj.ancestors("US alliance") == ["alliances"]


def test_default_merges_general_issues_with_russia_japan():
    default = load_taxonomy()
    rj = load_taxonomy("russia-japan")
    assert set(rj.labels) < set(default.labels)
    for label in (
        "elections",
        "economy",
        "sanctions",
        "security and defence",
        "foreign relations",
        "territorial dispute",
        "energy",
        "migration",
        "health",
        "climate and environment",
        "human rights",
        "trade",
        "war and conflict",
    ):
        assert label in default, label
    # The including file sets parents of the dialogue's issues and adds patterns to shared labels.
    assert default.ancestors("peace treaty") == ["foreign relations"]
    assert default.ancestors("Ukraine conflict") == ["war and conflict"]
    assert default.ancestors("alliances") == ["security and defence"]
    text = "Russia and Japan signed an agreement on Sakhalin-2; oil prices rose."
    assert {m.label for m in rj.find(text)} == {"energy"}
    assert len([m for m in default.find(text) if m.label == "energy"]) > len(
        [m for m in rj.find(text) if m.label == "energy"]
    )


def test_taxonomy_from_env_and_path(tmp_path, monkeypatch):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nissues:\n  - label: fishing\n    keywords: [fish*]\n", encoding="utf-8")
    monkeypatch.setenv(TAXONOMY_ENV, str(path))
    assert load_taxonomy().labels == ["fishing"]
    monkeypatch.setenv(TAXONOMY_ENV, "russia-japan")
    assert load_taxonomy().name == "russia-japan"
    monkeypatch.delenv(TAXONOMY_ENV)
    assert load_taxonomy().name == "default"
    a = enrich(article("He said fishermen want more quotas.", ("fishermen want more quotas", "said")), path)
    assert issues_of(a.attributions[0]) == {"fishing": "unknown"}


def test_include_merges_by_label(tmp_path):
    (tmp_path / "base.yaml").write_text(
        "issues:\n  - label: water\n    keywords: [water]\n  - label: nature\n    keywords: [forest*]\n",
        encoding="utf-8",
    )
    (tmp_path / "top.yaml").write_text(
        "include: [base.yaml]\nissues:\n  - label: water\n    parent: nature\n    keywords: [river*]\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(tmp_path / "top.yaml")
    assert tax.ancestors("water") == ["nature"]
    assert {m.label for m in tax.find("Rivers and water.")} == {"water"}
    assert len(tax.find("Rivers and water.")) == 2


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("issues:\n  - label: a\n    keywords: [x]\n    parent: b\n", "unknown parent"),
        ("issues:\n  - label: a\n    patterns: ['(']\n", "bad pattern"),
        ("issues:\n  - label: a\n", "no keywords or patterns"),
        ("issues:\n  - label: a\n    patterns: ['x?']\n", "empty string"),
        (
            "issues:\n  - label: a\n    keywords: [x]\n    parent: b\n  - label: b\n    keywords: [y]\n    parent: a\n",
            "cycle",
        ),
        ("issues:\n  - label: a\n    keywords: [x]\n    colour: red\n", "unknown keys"),
        ("issues:\n  - label: a\n    keywords: [x]\n    weak:\n      - patterns: [y]\n        scope: world\n", "scope"),
        ("just text", "list of issues"),
        ("issues: [\n", "not valid YAML"),
    ],
)
def test_bad_taxonomies_are_refused(yaml_text, message):
    with pytest.raises(TaxonomyError, match=message):
        taxonomy_from_yaml(yaml_text)


def test_missing_taxonomy_file():
    with pytest.raises(TaxonomyError, match="no taxonomy file"):
        load_taxonomy("/nonexistent/taxonomy.yaml")


@pytest.mark.parametrize(
    ("keyword", "matches", "misses"),
    [
        ("sanction", ["sanctions", "sanctioned", "Sanction"], ["sanctimonious"]),
        ("economy", ["economies", "economy"], ["econometrics"]),
        ("ease", ["eases", "eased", "easing", "ease"], ["eas", "east"]),
        ("peace treaty", ["peace treaty", "peace treaties", "peace  treaty"], ["peace-keeping"]),
        ("good-neighborly relations", ["good-neighborly relations"], ["good neighbors"]),
        ("Курил*", ["Курильских", "Курилы"], ["Кур"]),
    ],
)
def test_keywords_match_inflections(keyword, matches, misses):
    import re

    pattern = re.compile(keyword_regex(keyword), re.IGNORECASE)
    for word in matches:
        assert pattern.fullmatch(word), (keyword, word)
    for word in misses:
        assert not pattern.fullmatch(word), (keyword, word)


def test_language_specific_patterns():
    rj = load_taxonomy("russia-japan")
    ru = "Москва готова обсуждать мирный договор и санкции."
    assert {m.label for m in rj.find(ru, language="ru")} == {"peace treaty", "sanctions"}
    assert {m.label for m in rj.find(ru, language=None)} == {"peace treaty", "sanctions"}
    assert rj.find(ru, language="en") == []


_TRICKY_TAXONOMY = r"""
name: tricky
issues:
  - label: islands
    keywords: [US-Japan alliance, northern territories, Курил*]
    patterns: ['\b(?:the\s+)?(?:four|two)\s+islands\b', '(?-i:\b(?:QUAD|Quad)\b)', '(?<=\bin )2020s?\b',
               '\b[A-Z]\w+(?:an|ese)[-–][A-Z]\w+(?:an|ese)\s+(?:relations|ties)\b', '(?a:\bcafé\b)',
               '\bpeace(?:|ful)\s*(?:treaty|deal)', '(?:\d{4}\s+)?declarations?']
    exclude: ['\btwo islands of\b']
    weak:
      - patterns: ['\b(?:the\s+)?territor(?:y|ial)\s+(?:issue|dispute)']
        context: ['islands']
  - label: no literal
    patterns: ['\b\w+ism\b']
"""

_TRICKY_TEXTS = [
    "The US-Japan alliance and the US–Japan  alliance; the four islands, the two islands of the ridge, two Islands.",
    "The Quad met; the QUAD met; the quad did not. In 2020s terms, in 2020 and in 2021, peace treaty, peacetreaty.",
    "Russian-Japanese relations and Japanese–Russian ties; café and CAFÉ; the 1956 declaration; Курильские острова.",
    "The territorial issue, the territory dispute: no islands here but populism and terrorism.",
]


def test_prefilter_finds_what_the_patterns_find(monkeypatch):
    """The shortcut of `Taxonomy.find` (skip what no pattern can match) leaves every result as it was."""
    import random

    from saywho.issues import taxonomy as taxonomy_module

    taxonomies = [taxonomy_from_yaml(_TRICKY_TAXONOMY), load_taxonomy("default")]
    rng = random.Random(7)
    ranges = [(t, 0, len(t)) for t in _TRICKY_TEXTS]
    starts = [(t, a) for t in _TRICKY_TEXTS for a in rng.sample(range(len(t)), 12)]
    ranges += [(t, a, min(len(t), a + n)) for t, a in starts for n in (9, 40)]

    def results() -> list[object]:
        return [
            (tax.find(t, a, b, lang), [m for m, _rule in tax.find_weak(t, a, b, lang)])
            for tax in taxonomies
            for t, a, b in ranges
            for lang in ("en", "ru", None)
        ]

    fast = results()
    assert any(found for found, _weak in fast)
    monkeypatch.setattr(taxonomy_module._Prefilter, "first", lambda self, text, start, end: start)
    assert results() == fast


# --- tagging ------------------------------------------------------------------------------------------------------


def test_no_issue_vocabulary_no_issues():
    a = one("The minister said the weather in the capital was pleasant.", "the weather in the capital was pleasant")
    assert a.issues == []


def test_tags_from_content_with_confidence():
    a = one("Tokyo must lift the sanctions, the minister said.", "Tokyo must lift the sanctions")
    assert [i.issue for i in a.issues] == ["sanctions"]
    assert a.issues[0].confidence >= 0.8


def test_weak_evidence_needs_its_context():
    without = one("He said that the territorial issue must be settled.", "the territorial issue must be settled")
    assert [i.issue for i in without.issues] == ["territorial dispute"]
    text = "Japan claims the southern Kuril Islands. He said that the territorial issue must be settled."
    with_context = one(text, "the territorial issue must be settled")
    # The specific label wins over its parent.
    assert [i.issue for i in with_context.issues] == ["Kuril Islands"]
    assert with_context.issues[0].confidence < 0.8


def test_anaphor_inherits_the_previous_sentence_issue():
    text = "Moscow is ready to sign a peace treaty, the minister said. But for this, Tokyo must change its course."
    art = enrich(article(text, ("for this, Tokyo must change its course", None)))
    a = art.attributions[0]
    assert [i.issue for i in a.issues] == ["peace treaty"]
    assert a.issues[0].confidence < 0.5
    assert a.issues[0].stance == "conditional"
    assert a.issues[0].condition.text == "Tokyo must change its course"


def test_speaker_description_is_not_a_topic():
    # "the diplomat" in the source must not make the statement about foreign relations.
    text = "The diplomat said that the weather was fine."
    a = one(text, "the weather was fine")
    assert a.issues == []


def test_sentence_context_only_when_content_names_nothing():
    text = "Speaking about sanctions, the minister said it was too early to tell."
    a = one(text, "it was too early to tell")
    assert [(i.issue, round(i.confidence, 2)) for i in a.issues] == [("sanctions", 0.4)]
    tag_issues(art := article(text, ("it was too early to tell", "said")), load_taxonomy())
    assert art.attributions[0].issues[0].stance == "unknown"


def test_general_issues_in_default_taxonomy():
    a = one(
        "The president said migrants and refugees need help before the election.",
        "migrants and refugees need help before the election",
    )
    assert set(issues_of(a)) == {"migration", "elections"}


# --- conditions and stance ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        (
            "Progress on a peace treaty is possible only if Japan eases the sanctions regime, but that is unlikely.",
            "only if Japan eases the sanctions regime",
        ),
        (
            "As soon as Tokyo changes course, we are ready to talk about a peace treaty.",
            "As soon as Tokyo changes course",
        ),
        ("We will lift the sanctions provided that the troops leave.", "provided that the troops leave"),
        (
            "Moscow will resume talks on a peace treaty on condition that Tokyo drops its claims.",
            "on condition that Tokyo drops its claims",
        ),
        ("Talks on a peace treaty cannot resume unless the sanctions are lifted.", "unless the sanctions are lifted"),
        (
            "Moscow is ready to discuss a peace treaty, but subject to a change in Tokyo's approach.",
            "subject to a change in Tokyo's approach",
        ),
        ("If Japan eases the sanctions, trade will recover.", "If Japan eases the sanctions"),
    ],
)
def test_conditions_are_found_with_their_span(sentence, condition):
    conditions = find_conditions(sentence, 0, len(sentence))
    assert [sentence[c.start : c.end] for c in conditions] == [condition]


def test_chained_conditions_make_one_span():
    s = "As soon as Tokyo shows interest, as soon as it drops sanctions, we are ready to talk."
    [c] = find_conditions(s, 0, len(s))
    assert s[c.start : c.end] == "As soon as Tokyo shows interest, as soon as it drops sanctions"


@pytest.mark.parametrize(
    "sentence",
    [
        "The sovereignty of Russia is not subject to revision.",
        "Even if the sanctions stay, trade continues.",
        "He asked if the sanctions would stay.",
        "Once again the sanctions were extended.",
        # Hypotheticals are not conditional positions: a generic "you", or no commitment in the main clause.
        "The current system works fine if you are eligible for Medicaid.",
        "If they happen to be young, the unemployment rate is 33 percent.",
        "Clinton once described the deal as the gold standard of trade deals.",
    ],
)
def test_non_conditions(sentence):
    assert find_conditions(sentence, 0, len(sentence)) == []


def test_conditional_stance_only_for_issues_the_condition_governs():
    text = (
        "Any progress is possible only if Japan eases the sanctions regime, but the desire to improve relations "
        "with Russia is not visible, the expert said."
    )
    content = (
        "Any progress is possible only if Japan eases the sanctions regime, but the desire to improve "
        "relations with Russia is not visible"
    )
    a = one(text, content, "said", "russia-japan")
    stances = {i.issue: i for i in a.issues}
    assert stances["sanctions"].stance == "conditional"
    assert stances["sanctions"].condition.text == "only if Japan eases the sanctions regime"
    assert stances["bilateral relations"].stance == "unknown"
    assert stances["bilateral relations"].condition is None


@pytest.mark.parametrize(
    ("sentence", "issue", "stance"),
    [
        ("Moscow is ready for dialogue on a peace treaty.", "peace treaty", "support"),
        ("We are supporters of concluding a peace treaty.", "peace treaty", "support"),
        ("Berlin opposes new sanctions against Moscow.", "sanctions", "oppose"),
        ("Tokyo is not ready to sign a peace treaty.", "peace treaty", "oppose"),
        ("The sanctions must be lifted.", "sanctions", "oppose"),
        ("There is no reason to think that Tokyo will restore bilateral relations.", "bilateral relations", "unknown"),
        ("There is no progress in negotiations on a peace agreement.", "peace treaty", "unknown"),
        ("The government took a neutral position on the sanctions.", "sanctions", "neutral"),
        ("Japan joined the sanctions in 2022.", "sanctions", "unknown"),
    ],
)
def test_stance_from_the_surface(sentence, issue, stance):
    a = one(sentence, cue=None, taxonomy="russia-japan")
    assert issues_of(a).get(issue) == stance, a.issues


def test_plain_if_with_a_commitment_is_a_condition():
    s = "We will lift the sanctions if Japan changes course."
    [c] = find_conditions(s, 0, len(s))
    assert s[c.start : c.end] == "if Japan changes course"


@pytest.mark.parametrize(
    ("sentence", "issue"),
    [
        # Someone else's attitude is not the speaker's stance.
        ("Clinton is lying about her support for an international trade deal.", "trade"),
        # An action counts only on its object, not on an issue named further on.
        ("The union expected production to improve at the mine when the coal market recovered.", "energy"),
        # "take aim at" is not "aimed at".
        ("Hackers are taking aim at state election officials.", "elections"),
        # A hedge makes it unknown.
        ("He might decide against his plans to host the election coverage.", "elections"),
    ],
)
def test_stance_precision(sentence, issue):
    a = one(sentence, cue=None)
    assert issues_of(a).get(issue) == "unknown", a.issues


def test_another_persons_attitude_is_not_the_speakers_stance():
    from saywho.document import Entity

    text = "The senator noted that Smith initially supported the invasion in 2003."
    content = "Smith initially supported the invasion in 2003"
    art = article(text, (content, "noted"))
    smith = text.index("Smith")
    art.entities = [
        Entity("e1", "Smith", mentions=[Span.of(text, smith, smith + 5)]),
        Entity("e2", "The senator", mentions=[Span.of(text, 0, 11)]),
    ]
    art.attributions[0].speaker = "e2"
    a = enrich(art).attributions[0]
    assert issues_of(a) == {"war and conflict": "unknown"}
    art.attributions[0].speaker = "e1"  # Smith's own statement: his support
    assert issues_of(enrich(art).attributions[0]) == {"war and conflict": "support"}


def test_stance_from_the_cue_verb():
    text = "The minister criticized the new sanctions."
    a = one(text, "the new sanctions", "criticized")
    assert issues_of(a) == {"sanctions": "oppose"}
    text = "The minister welcomed the peace treaty talks."
    assert issues_of(one(text, "the peace treaty talks", "welcomed")) == {"peace treaty": "support"}
    # Only for what the cue takes as its object, not an issue named in passing.
    text = "The court has rejected a media request, saying the courts have no business deciding what voters need."
    content = "a media request, saying the courts have no business deciding what voters need"
    assert issues_of(one(text, content, "has rejected")) == {"elections": "unknown"}
    assert one(text, content, "has rejected").speech_act == "denial"


# --- polarity: evaluation, negation, the issue's direction --------------------------------------------------------
# Sentences of our own on issues of the default taxonomy (tariffs, a pipeline, a peace deal, climate targets).


def stance_in(sentence: str, issue: str, language: str = "en", cue: str | None = None) -> str | None:
    content = sentence.rstrip(".")
    if cue is not None:
        content = content[content.index(cue) + len(cue) :].strip()
    a = enrich(article(sentence, (content, cue), language=language)).attributions[0]
    return issues_of(a).get(issue)


@pytest.mark.parametrize(
    ("sentence", "issue", "stance"),
    [
        # Evaluative predicates of the issue as subject, and evaluations of what is done to it.
        ("The steel tariffs are a dead end.", "trade", "oppose"),
        ("The new pipeline is a mistake.", "energy", "oppose"),
        ("The tariffs have failed.", "trade", "oppose"),
        ("The climate targets are necessary.", "climate and environment", "support"),
        ("Free trade is in our national interest.", "trade", "support"),
        ("Talking about a peace deal now is pointless.", "peace treaty", "oppose"),
        ("It would be a mistake to scrap the climate targets.", "climate and environment", "support"),
        ("Lifting the tariffs would be dangerous.", "trade", "support"),
        ("Говорить о пошлинах сейчас бессмысленно.", "trade", "oppose"),
        ("Пошлины — это тупик.", "trade", "oppose"),
        ("Торговые пошлины не работают.", "trade", "oppose"),
        ("Отмена пошлин была бы ошибкой.", "trade", "support"),
        # Negation: a negated action flips, a negated positive attitude opposes.
        ("We will not scrap the tariffs.", "trade", "support"),
        ("The government will never abandon the climate targets.", "climate and environment", "support"),
        ("We see no reason to lift the tariffs.", "trade", "support"),
        ("We are not prepared to lift the tariffs.", "trade", "support"),
        ("Мы не отменим пошлины.", "trade", "support"),
        ("Правительство не видит оснований для возобновления торговых переговоров.", "trade", "oppose"),
        ("Ни о каком торговом соглашении не может быть и речи.", "trade", "oppose"),
        ("О снятии пошлин не может быть и речи.", "trade", "support"),
        ("We will never recognise the illegal annexation of the peninsula.", "territorial dispute", "oppose"),
        # The issue's direction: what the action does to it (action words by kind in the taxonomy).
        ("Washington will lift the tariffs.", "trade", "oppose"),
        ("Washington will raise tariffs on steel.", "trade", "support"),
        ("We will cut tariffs on cars.", "trade", "oppose"),
        ("We will cut emissions by half.", "climate and environment", "support"),
        ("We are ready to lift the tariffs.", "trade", "oppose"),
        ("Berlin will halt construction of the pipeline.", "energy", "oppose"),
        ("The army must end the war.", "war and conflict", "oppose"),
        ("Both governments must resolve the territorial dispute.", "territorial dispute", "support"),
        ("Нельзя снимать пошлины.", "trade", "support"),
        ("Правительство продлит пошлины.", "trade", "support"),
    ],
)
def test_polarity_composes_evaluation_negation_and_direction(sentence, issue, stance):
    assert stance_in(sentence, issue, "ru" if re.search("[а-я]", sentence) else "en") == stance


@pytest.mark.parametrize(
    ("sentence", "issue"),
    [
        # Reports and nouns of action are not positions; unclear negations and hedges are not either.
        ("The president signed the trade deal in March.", "trade"),
        ("Brussels imposes tariffs on steel.", "trade"),
        ("Talks stalled, which resulted in the freezing of the peace deal.", "peace treaty"),
        ("Правительство ввело пошлины в 2019 году.", "trade"),
        ("We are not against the pipeline.", "energy"),
        ("We have not yet ratified the peace deal.", "peace treaty"),
        ("The pipeline might be a mistake.", "energy"),
        ("Those who call for lifting the tariffs are wrong.", "trade"),
    ],
)
def test_polarity_precision(sentence, issue):
    assert stance_in(sentence, issue, "ru" if re.search("[а-я]", sentence) else "en") == "unknown"


def test_cue_verb_composes_with_the_action_on_the_issue():
    assert stance_in("The mayor criticised the decision to close the hospital.", "health", cue="criticised") == (
        "support"
    )
    assert stance_in("The minister welcomed the lifting of the tariffs.", "trade", cue="welcomed") == "oppose"


@pytest.mark.parametrize(
    ("sentence", "language", "condition"),
    [
        ("We will keep the tariffs until the talks resume.", "en", "until the talks resume"),
        ("Пока действуют пошлины, говорить о торговой сделке бессмысленно.", "ru", "Пока действуют пошлины"),
        ("Мы не отменим пошлины, пока не будет сделки.", "ru", "пока не будет сделки"),
        ("Пошлины будут отменены только при снижении тарифов.", "ru", "только при снижении тарифов"),
    ],
)
def test_until_and_russian_while_are_conditions(sentence, language, condition):
    [c] = find_conditions(sentence.rstrip("."), 0, len(sentence) - 1, language)
    assert sentence[c.start : c.end] == condition
    assert stance_in(sentence, "trade", language) == "conditional"


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The tariffs will stay until 2027.", "en"),
        ("The review should wait until after the election.", "en"),
        ("We want to end the war as soon as possible.", "en"),
        ("Это пока не обсуждается.", "ru"),
        ("Пока рано говорить о пошлинах.", "ru"),
    ],
)
def test_non_conditions_of_time(sentence, language):
    assert find_conditions(sentence, 0, len(sentence), language) == []


def test_issue_kinds_and_action_words_come_from_the_taxonomy(tmp_path):
    tax = taxonomy_from_yaml(
        "issues:\n"
        "  - label: tolls\n"
        "    keywords: [toll*]\n"
        "  - label: floods\n"
        "    kind: problem\n"
        "    keywords: [flood*]\n"
        "  - label: dams\n"
        "    keywords: [dam, dams]\n"
        "    actions: {support: [raise, raising], oppose: [breach]}\n"
    )
    # No actions of its own: the packaged ones (measure, problem, question).
    assert {"measure", "problem", "question"} <= set(tax.kinds)
    text = "We will lift the tolls, stop the floods and raise the dams."

    def stance(content: str, label: str) -> str:
        art = enrich(article(text, (content, None)), tax)
        return issues_of(art.attributions[0])[label]

    assert stance("We will lift the tolls", "tolls") == "oppose"
    assert stance("stop the floods", "floods") == "oppose"  # ending a problem is against it
    assert stance("raise the dams", "dams") == "support"  # the issue's own words
    with pytest.raises(TaxonomyError, match="unknown kind 'weather'"):
        taxonomy_from_yaml("issues:\n  - label: rain\n    kind: weather\n    keywords: [rain]\n")
    with pytest.raises(TaxonomyError, match="action words take support and oppose"):
        taxonomy_from_yaml("issues:\n  - label: rain\n    keywords: [rain]\n    actions: {for: [x]}\n")
    assert "_stance" not in packaged_taxonomies()
    default = load_taxonomy("default")
    assert default.get("war and conflict").kind == "problem" and default.get("Kuril Islands").kind == "question"
    assert default.get("sanctions").kind == "measure"


# --- speech acts --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "act"),
    [
        ("Tokyo must demonstrate real interest, he said.", "Tokyo must demonstrate real interest", "said", "demand"),
        ("Japan should lift sanctions, she argued.", "Japan should lift sanctions", "argued", "demand"),
        ("He urged Tokyo to talk.", "Tokyo to talk", "urged", "demand"),
        ("Moscow is ready to discuss all issues, he said.", "Moscow is ready to discuss all issues", "said", "offer"),
        (
            "Any compromise will create a conflict with the United States, she emphasizes.",
            "Any compromise will create a conflict with the United States",
            "emphasizes",
            "warning",
        ),
        ("He warned that talks may fail.", "talks may fail", "warned", "warning"),
        (
            "Moscow has repeatedly stressed that its sovereignty is not subject to revision.",
            "its sovereignty is not subject to revision",
            "has repeatedly stressed",
            "denial",
        ),
        ("The ministry denied the reports.", "the reports", "denied", "denial"),
        ("We will restore the flights, he promised.", "We will restore the flights", "promised", "promise"),
        ("We will restore the flights, he said.", "We will restore the flights", "said", "promise"),
        ("Experts are sure that the talks will stall.", "the talks will stall", "are sure", "assessment"),
        ("She believes the talks will stall.", "the talks will stall", "believes", "assessment"),
        ("He said the talks took place in Tokyo.", "the talks took place in Tokyo", "said", "statement"),
        ("The talks took place in Tokyo.", "The talks took place in Tokyo", None, "unknown"),
    ],
)
def test_speech_acts(text, content, cue, act):
    art = article(text, (content, cue))
    assert speech_act(art.text, art.attributions[0]) == act


@pytest.mark.parametrize(
    ("cue", "lemma"),
    [
        ("has repeatedly stressed", "stress"),
        ("are sure", "sure"),
        ("told", "tell"),
        ("elaborately stated", "state"),
        ("draws the attention of", "draw"),
        ("later also confirmed", "confirm"),
        ("acknowledging", "acknowledge"),
        ("emphasizes", "emphasize"),
        ("believes", "believe"),
        ("denied", "deny"),
        ("says", "say"),
    ],
)
def test_cue_lemma(cue, lemma):
    assert cue_lemma(cue) == lemma


# --- the example article ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def enriched(example_article):
    return enrich(copy.deepcopy(example_article), "russia-japan")


def find(article: Article, words: str) -> Attribution:
    found = [a for a in article.attributions if any(words in c.text for c in a.content)]
    assert found, f"no attribution with content containing {words!r}"
    return found[0]


def speaker_name(article: Article, a: Attribution) -> str | None:
    e = article.speaker_of(a)
    return e.name if e else None


def test_example_rudenko_peace_treaty_and_conditions(enriched):
    ready = find(enriched, "Moscow is ready for dialogue with the new Japanese authorities")
    assert speaker_name(enriched, ready) == "Andrei Rudenko"
    assert issues_of(ready) == {"peace treaty": "support"}
    assert ready.speech_act == "offer"

    approach = find(enriched, "subject to a change in the approach")
    assert speaker_name(enriched, approach) == "Andrei Rudenko"
    [rel] = approach.issues
    assert (rel.issue, rel.stance) == ("bilateral relations", "conditional")
    assert rel.condition.text == "subject to a change in the approach of Japanese counterparts to bilateral relations"

    quote = find(enriched, "As soon as our Japanese colleagues demonstrate")
    assert speaker_name(enriched, quote) == "Andrei Rudenko"
    [rel] = quote.issues
    assert (rel.issue, rel.stance) == ("bilateral relations", "conditional")
    assert rel.condition.text.startswith("As soon as our Japanese colleagues demonstrate")
    assert rel.condition.text.endswith(
        "as soon as official Tokyo shows signs of moving away from the destructive line it is pursuing now"
    )
    assert quote.speech_act == "offer"

    clarified = find(enriched, "for this, Tokyo must demonstrate")
    assert issues_of(clarified) == {"bilateral relations": "conditional", "peace treaty": "conditional"}
    assert clarified.speech_act == "demand"


def test_example_dobrinskaya_sanctions_condition(enriched):
    a = find(enriched, "only if Japan eases the sanctions regime")
    assert speaker_name(enriched, a) == "Olga Dobrinskaya"
    stances = {i.issue: i for i in a.issues}
    assert stances["sanctions"].stance == "conditional"
    assert stances["sanctions"].condition.text == "only if Japan eases the sanctions regime"
    assert stances["bilateral relations"].stance == "unknown"


def test_example_other_statements(enriched):
    peskov = find(enriched, "We are also supporters of concluding a peace treaty")
    assert issues_of(peskov) == {"peace treaty": "support"}
    assert set(issues_of(find(enriched, "his country intends to continue"))) == {"peace treaty", "Kuril Islands"}
    assert issues_of(find(enriched, "Ukrainian conflict")) == {"Ukraine conflict": "unknown"}
    assert set(issues_of(find(enriched, "graves of relatives"))) == {"Kuril Islands", "grave visits"}
    assert find(enriched, "not subject to revision").speech_act == "denial"
    assert find(enriched, "will create a conflict").speech_act == "warning"
    assert find(enriched, "there is no reason to think").speech_act == "assessment"
    enriched.validate()


def test_example_issue_precision_against_gold(enriched, example_gold):
    """Every issue the tagger gives an example statement is one the gold gives it (precision over coverage)."""
    tp = fp = fn = 0
    for g in example_gold["attributions"]:
        gs, ge = g["content"][0]["start"], g["content"][-1]["end"]
        best = max(
            enriched.attributions,
            key=lambda a: sum(max(0, min(ge, c.end) - max(gs, c.start)) for c in a.content),
        )
        if not any(min(ge, c.end) > max(gs, c.start) for c in best.content):
            fn += len(g.get("issues", []))
            continue
        gold, pred = set(g.get("issues", [])), {i.issue for i in best.issues}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.6


def test_enrich_is_idempotent_and_default_taxonomy_agrees(example_article):
    once = enrich(copy.deepcopy(example_article))
    twice = enrich(copy.deepcopy(once))
    assert once.to_json() == twice.to_json()
    rj = enrich(copy.deepcopy(example_article), "russia-japan")

    # Tags from a statement's own words agree; tags borrowed from the rest of its sentence (confidence 0.4) may
    # differ, since the default taxonomy also knows general issues ("the end of the war" -> war and conflict).
    def own(article):
        return [[i.to_json() for i in a.issues if i.confidence >= 0.45] for a in article.attributions]

    assert own(once) == own(rj)


# --- Russian ------------------------------------------------------------------------------------------------------


def test_russian_issues_conditions_and_stance():
    text = (
        "Любой прогресс возможен лишь в случае, если Япония смягчит санкционный режим, но желание улучшить "
        "отношения с Россией не просматривается, считает эксперт."
    )
    content = (
        "Любой прогресс возможен лишь в случае, если Япония смягчит санкционный режим, но желание улучшить "
        "отношения с Россией не просматривается"
    )
    art = enrich(article(text, (content, "считает"), language="ru"), "russia-japan")
    a = art.attributions[0]
    stances = {i.issue: i for i in a.issues}
    assert stances["sanctions"].stance == "conditional"
    assert stances["sanctions"].condition.text == "лишь в случае, если Япония смягчит санкционный режим"
    assert stances["bilateral relations"].stance == "unknown"
    assert a.speech_act == "assessment"


@pytest.mark.parametrize(
    ("text", "content", "cue", "issue", "stance", "act"),
    [
        (
            "Москва готова к диалогу о мирном договоре, заявил замминистра.",
            "Москва готова к диалогу о мирном договоре",
            "заявил",
            "peace treaty",
            "support",
            "offer",
        ),
        (
            "Мы тоже сторонники заключения мирного договора, сказал Песков.",
            "Мы тоже сторонники заключения мирного договора",
            "сказал",
            "peace treaty",
            "support",
            "statement",
        ),
        (
            "Суверенитет России над Курилами пересмотру не подлежит, подчеркнули в МИД.",
            "Суверенитет России над Курилами пересмотру не подлежит",
            "подчеркнули",
            "Kuril Islands",
            "unknown",
            "denial",
        ),
        (
            "Токио должен снять санкции, потребовал министр.",
            "Токио должен снять санкции",
            "потребовал",
            "sanctions",
            "oppose",
            "demand",
        ),
    ],
)
def test_russian_stance_and_speech_acts(text, content, cue, issue, stance, act):
    a = enrich(article(text, (content, cue), language="ru"), "russia-japan").attributions[0]
    assert issues_of(a).get(issue) == stance, a.issues
    assert a.speech_act == act


def test_russian_kuril_needs_a_capital_and_weak_patterns_need_context():
    rj = load_taxonomy("russia-japan")
    assert rj.find("Он курил у окна.", language="ru") == []
    assert [m.label for m in rj.find("Японии нужны Курилы.", language="ru")] == ["Kuril Islands"]
    text = "Речь о южных Курилах. Он сказал, что территориальный вопрос должен быть решен."
    content = "территориальный вопрос должен быть решен"
    a = enrich(article(text, (content, "сказал"), language="ru"), "russia-japan").attributions[0]
    assert [i.issue for i in a.issues] == ["Kuril Islands"]
    alone = enrich(article(text[22:], (content, "сказал"), language="ru"), "russia-japan").attributions[0]
    assert [i.issue for i in alone.issues] == ["territorial dispute"]


def test_every_weak_mention_is_checked_against_every_exclusion(tmp_path):
    # Two weak rules of one issue and two excluded phrases: the exclusions must hold for both rules (a shared
    # generator once let the second rule see only what the first left unconsumed).
    (tmp_path / "t.yaml").write_text(
        "issues:\n"
        "  - label: water\n"
        "    keywords: [river*]\n"
        "    exclude: ['\\bblue lake\\b', '\\bgreen pond\\b']\n"
        "    weak:\n"
        "      - patterns: ['\\blake\\b']\n"
        "        context: ['river']\n"
        "        scope: article\n"
        "      - patterns: ['\\bpond\\b']\n"
        "        context: ['river']\n"
        "        scope: article\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(tmp_path / "t.yaml")
    text = "The blue lake and the green pond are near a lake and a pond by the river."
    weak = [text[m.start : m.end] for m, _rule in tax.find_weak(text, 0, len(text))]
    starts = [m.start for m, _rule in tax.find_weak(text, 0, len(text))]
    assert weak == ["lake", "pond"]
    assert starts == [text.index("a lake") + 2, text.index("a pond") + 2]
