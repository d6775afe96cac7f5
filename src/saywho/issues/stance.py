"""Stance per (statement, issue) and the speech act of each statement, from the surface text.

Stance is the speaker's position towards the issue, in order of precedence, for each issue a statement is tagged
with:

1. **conditional** — the issue is named inside a condition ("only if the tariffs are lifted", "unless", "as long
   as", "until", "пока", "если", "только при"), or in the clause a condition governs ("we are ready to sign the deal,
   but subject to a change in ..."; "we will not lift the sanctions until ..."); an issue the
   statement does not name itself (tagged through an anaphor) is conditional when the statement sets a condition.
   The condition's span is kept. A conditional position is neither plain support nor opposition ("we will lift the
   sanctions if ..." keeps them for now): the DNA export leaves it out of the agreement network (store/export.py).
2. **support / oppose** from the words of each mention's clause, composed (see polarity.py): what is done to the
   issue ("lift the sanctions", "not lift the sanctions"; action words by the issue's kind in the taxonomy), the
   speaker's attitude or evaluation ("ready to", "refused to", "a mistake to", "are a dead end", "бессмысленно"),
   the cue verb when it takes the issue as its object ("criticized the sanctions"), with negation scope. Every
   mention must agree; hedges, unclear negation and disagreement give unknown.
3. **neutral** only when the text says so ("declined to comment", "a balanced line", "neutral").
4. otherwise **unknown**: no guessing.

Speech act, from the cue's lemma and the content's modality: demand ("must", "should", "urged"), offer ("ready to",
"proposed"), warning ("warned", "will create a conflict"), denial ("denied", "not subject to revision", "we were not
the initiators"), promise ("pledged", "we will"), assessment ("believes", "is sure", "it is possible that"),
statement (any other reporting cue), unknown (no cue and no signal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saywho.attribution.lexicon import (
    INFINITIVE_SPEECH_VERBS,
    NOUN_CONTENT_VERBS,
    PREDICATIVE_VERBS,
    SPEECH_VERBS,
)
from saywho.document import Article, Attribution, IssueStance, Span
from saywho.issues.polarity import NEGATION, UNSURE, polarity
from saywho.issues.tagger import ArticleContext, issue_mentions
from saywho.issues.taxonomy import Taxonomy
from saywho.segment import clause_spans

# --- conditions ---------------------------------------------------------------------------------------------------

_EN_MARKERS = (
    r"if and only if|only if|only when|only after|only once|only in (?:the )?case|provided that|providing that"
    r"|on (?:the )?conditions? (?:that|of)|as soon as|as long as|so long as|in exchange for|in return for"
    r"|conditional (?:up)?on|contingent (?:up)?on|subject to|unless|in (?:the )?case (?:that|of)"
)
_EN_NOT_A_CONDITION = re.compile(r"as soon as (?:possible|practicable|feasible)\b", re.IGNORECASE)
_EN_CONDITION = re.compile(rf"\b(?:{_EN_MARKERS})\b", re.IGNORECASE)
# Plain "if" and "once" open a condition too, but not "even if", "as if", "asked if", "once again".
_EN_IF = re.compile(
    r"(?<![Ee]ven )(?<![Aa]s )(?<![Ww]hat )(?<![Oo]nly )(?<!\bask )(?<!asked )(?<!\basks )(?<!wonder )"
    r"(?<!wondered )(?<!\bknow )(?<!\bsee )(?<!\bcheck )(?<!unclear )(?<!\bsure )"
    r"(?<![Aa]t )\b(?:[Ii]f|[Oo]nce)\b"
    r"(?!\s+(?:again|more|upon|in a while|and for all|a |any\b|necessary|needed|possible|so\b|not\b))"
)
_RU_CONDITION = re.compile(
    r"(?<!\w)(?:(?:только|лишь)\s+(?:в\s+случае,?\s+если|при\s+условии,?\s+что|при\s+условии|после\s+того,?\s+как"
    r"|если|когда|при(?=\s))|при\s+условии,?\s+что|при\s+условии|как\s+только|в\s+случае,?\s+если|в\s+обмен\s+на"
    r"|если\s+только|(?<!даже )(?<!как )если)(?!\w)",
    re.IGNORECASE,
)
# "until" sets a condition on how long a position holds ("we will not lift the sanctions until ..."), but not
# "until now", "until 2026", "until after the election". Plain (its main clause must commit to something).
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_EN_UNTIL = re.compile(
    rf"\b(?:until|till)\b(?!\s+(?:now|recently|then|today|tomorrow|yesterday|last|next|this|that|the end|early|late"
    rf"|mid|after|before|the (?:middle|start|beginning)|at least|further notice|\d+|{_MONTHS}|monday|tuesday"
    rf"|wednesday|thursday|friday|saturday|sunday)\b)",
    re.IGNORECASE,
)
# Russian "пока" as a conjunction ("пока санкции действуют, ...", "..., пока действуют пошлины"), not the adverb
# ("это пока не обсуждается", "пока рано", "пока что"); see _ru_while_opens.
_RU_WHILE = re.compile(
    r"(?<!\w)(?:до тех пор,?\s+)?пока(?!\s+(?:что|ещё|еще|рано|нет|неясно|только|лишь|не ясно)\b)(?!\w)",
    re.IGNORECASE,
)
# "for this, the government must ...": the clause after an anaphoric purpose phrase states a precondition.
_PURPOSE_THEN_MODAL = re.compile(
    r"(?:(?:for (?:this|that)(?: purpose)?|to (?:this|that) end|to do (?:this|so)|for this to happen)\s*,\s*"
    r"|(?:для этого|для этого нужно,? чтобы|ради этого)\s*,?\s*)"
    r"(?=[^.;:]{0,80}?\b(?:must|should|needs? to|has to|have to|is required to|ought to|должен|должна|должно|должны"
    r"|обязан\w*|необходимо|нужно|следует)\b)",
    re.IGNORECASE,
)
# Predicative "is subject to revision" is not a condition.
_PREDICATIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|not|remains?|become|becomes|became)\s+$", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"\s*(?:[,;:!?]|\.(?=\s|$|[\"'»”’])|\s[—–]\s|\s-\s|[\"»”](?=\s*[,.—–]))")
_CONTRAST = re.compile(
    r",?\s+but\s+|;\s*|,\s+(?:however|while|whereas|although|though|yet)\b\s*"
    r"|,\s+and\s+(?=(?:the|this|that|these|those|it|we|they|there|he|she|i|you|its|their|our)\b)"
    r"|,\s+(?:но|а|однако|тогда как|хотя)\s+|,\s+и\s+(?=(?:это|эт\w+|он|она|они|мы|я|там|желание)\b)",
    re.IGNORECASE,
)
_TRIM = " \t\n\"'«»“”‘’—–-,;:"


@dataclass(frozen=True)
class Condition:
    start: int  # the condition text ("only if the tariffs are lifted")
    end: int
    scope_start: int  # the part of the sentence the condition governs
    scope_end: int


def find_conditions(text: str, start: int, end: int, language: str | None = "en") -> list[Condition]:
    """Conditions stated in `text[start:end]`, each with the span of the clause it governs."""
    hits: list[tuple[int, int, bool]] = []  # (condition start, marker end, plain "if"/"once"/"если")
    if language == "ru":
        for m in _RU_CONDITION.finditer(text, start, end):
            hits.append((m.start(), m.end(), m.group(0).lower() == "если"))
        for m in _RU_WHILE.finditer(text, start, end):
            if _ru_while_opens(text, start, end, m.start(), m.end()):
                hits.append((m.start(), m.end(), False))
    else:
        for m in _EN_CONDITION.finditer(text, start, end):
            if _EN_NOT_A_CONDITION.match(text, m.start()):
                continue  # "as soon as possible": a time, not a condition
            predicative = _PREDICATIVE_BEFORE.search(text, max(start, m.start() - 20), m.start())
            if m.group(0).lower() == "subject to" and predicative:
                continue
            hits.append((m.start(), m.end(), False))
        taken = [(s, e) for s, e, _ in hits]
        for pattern in (_EN_IF, _EN_UNTIL):
            for m in pattern.finditer(text, start, end):
                if not any(s <= m.start() < e for s, e in taken):
                    hits.append((m.start(), m.end(), True))
    for m in _PURPOSE_THEN_MODAL.finditer(text, start, end):
        hits.append((m.end(), m.end(), False))
    hits.sort()

    out: list[Condition] = []
    covered = -1
    for c_start, marker_end, plain in hits:
        if c_start < covered:
            continue  # chained into the previous condition ("as soon as A, as soon as B")
        if plain and not _plain_condition_opens(text, start, c_start, marker_end):
            continue
        c_end = _condition_end(text, marker_end, end, language)
        c_start, c_end = _trim(text, c_start, c_end)
        if c_end <= c_start:
            continue
        scope = _scope(text, start, end, c_start, c_end)
        if plain and not _commits(text, scope, (c_start, c_end)):
            continue  # a hypothetical ("if you look at ...", "if they happen to be"), not a conditional position
        out.append(Condition(c_start, c_end, *scope))
        covered = c_end
    return out


_GENERIC_SUBJECT = re.compile(r"\s+(?:you|one|anyone|someone|somebody|вы|ты)\b", re.IGNORECASE)
# What a conditional position commits to: a future, an offer, a decision ("we will lift ... if", "ready to ... if").
_COMMITMENT = re.compile(
    r"\b(?:will|would|shall|ready|willing|prepared|agree\w*|accept\w*|consider\w*|lift\w*|impos\w*|support\w*"
    r"|oppos\w*|sign\w*|resum\w*|negotiat\w*|discuss\w*|respond\w*|retaliat\w*|pledg\w*|promis\w*"
    r"|будем|будет|будут|готов\w*|соглас\w*|сним\w*|отмен\w*|поддерж\w*|возобнов\w*|ответ\w*|пойд[её]м)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)


def _plain_condition_opens(text: str, lo: int, c_start: int, marker_end: int) -> bool:
    """A plain "if"/"once" opens a condition: not "if you ..." (generic), and "once" only at a clause start."""
    if _GENERIC_SUBJECT.match(text, marker_end):
        return False
    if text[c_start:marker_end].lower() == "once":
        before = text[lo:c_start].rstrip()
        return not before or before[-1] in ',;:—–"“«' or bool(re.search(r"\b(?:but|and|only)$", before, re.I))
    return True


def _ru_while_opens(text: str, lo: int, hi: int, c_start: int, marker_end: int) -> bool:
    """Russian "пока" opens a clause: after a comma or dash, or at the start of a sentence when a comma closes its
    clause ("Пока санкции действуют, ..."; "Пока не обсуждается." is the adverb)."""
    before = text[_sentence_start(text, lo, c_start) : c_start].rstrip()
    if before and before[-1] in ",;:—–(":
        return True
    if before.strip(_TRIM):
        return False
    return "," in text[marker_end : _sentence_end(text, marker_end, hi)]


def _commits(text: str, scope: tuple[int, int], condition: tuple[int, int]) -> bool:
    return bool(_COMMITMENT.search(text, scope[0], condition[0]) or _COMMITMENT.search(text, condition[1], scope[1]))


def _condition_end(text: str, pos: int, end: int, language: str | None) -> int:
    """The end of the condition clause that starts before `pos`, following chains of conditions."""
    marker = _RU_CONDITION if language == "ru" else _EN_CONDITION
    while True:
        m = _CLAUSE_END.search(text, pos, end)
        if m is None:
            return end
        after = m.end()
        nxt = re.match(r"\s*(?:and\s+|or\s+|и\s+|или\s+)?", text[after:end])
        look = after + (nxt.end() if nxt else 0)
        if text[m.start() : m.end()].strip() == "," and (
            marker.match(text, look, end) or (language != "ru" and _EN_IF.match(text, look, end))
        ):
            pos = look + 1
            continue
        return m.start()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _scope(text: str, start: int, end: int, c_start: int, c_end: int) -> tuple[int, int]:
    """The sentence part a condition governs: its clause, and the clause before when the condition opens its own
    ("X is ready, but subject to Y")."""
    s_start = _sentence_start(text, start, c_start)
    s_end = _sentence_end(text, c_end, end)
    segments: list[tuple[int, int]] = []
    cur = s_start
    for m in _CONTRAST.finditer(text, s_start, s_end):
        segments.append((cur, m.start()))
        cur = m.end()
    segments.append((cur, s_end))
    k = next((i for i, (a, b) in enumerate(segments) if a <= c_start <= b), 0)
    scope_start, scope_end = segments[k]
    if k > 0 and not text[scope_start:c_start].strip(_TRIM):
        scope_start = segments[k - 1][0]
    for a, b in segments[k + 1 :]:
        if a < c_end:
            scope_end = b
    return scope_start, max(scope_end, c_end)


def _sentence_start(text: str, lo: int, pos: int) -> int:
    # A sentence that ends right before `pos` ends there too ("... санкции. Пока санкции действуют, ...").
    ends = list(re.finditer(r"[.!?]\s+", text[lo:pos]))
    return lo + ends[-1].end() if ends else lo


def _sentence_end(text: str, pos: int, hi: int) -> int:
    m = re.search(r"[.!?](?=\s|$)", text[pos:hi])
    return pos + m.start() if m else hi


# --- polarity -----------------------------------------------------------------------------------------------------

NEUTRAL = re.compile(
    r"\b(?:neutral\w*|no position|declin\w* to comment|refrain\w* from|balanced (?:line|policy|approach|position)"
    r"|not take sides|impartial\w*|equidistan\w*|no comment"
    r"|нейтральн\w*|воздерж\w*|отказал\w* от комментари\w*|сбалансированн\w* (?:курс|лини|политик|подход)\w*)\b",
    re.IGNORECASE,
)
_CUE_SUPPORT = frozenset("welcome support back endorse praise approve hail applaud favor favour".split())
_CUE_OPPOSE = frozenset(
    "criticize criticise condemn reject denounce oppose slam blast attack protest decry deplore dismiss".split()
)
CUE_REACH = 6  # words before the issue in the content for the cue verb to take it as its object
# A clause that ends at a dash standing for a copula: "санкции — это тупик", "sanctions — a dead end".
_DASH_COPULA = re.compile(r"\s*[—–]\s*(?:это\b)?")


def _clause_of(ctx: ArticleContext, region: tuple[int, int], offset: int) -> tuple[tuple[int, int], int]:
    """The clause around `offset` of its sentence in `region`, and how far an evaluation of what it names may be
    looked for: to the clause's end, or past a dash that stands for a copula ("санкции — это тупик") to the end of
    the next clause."""
    text = ctx.text
    i = ctx.index.sentence_index(offset)
    if i is not None:
        s_start, s_end = ctx.index.sentences[i]
        region = (max(region[0], s_start), min(region[1], s_end))
    clauses = clause_spans(text, *region)
    for k, (s, e) in enumerate(clauses):
        if s <= offset < e:
            after_end = e
            if k + 1 < len(clauses) and _DASH_COPULA.fullmatch(text, e, clauses[k + 1][0]):
                after_end = clauses[k + 1][1]
            return (s, e), after_end
    return region, region[1]


# --- stance -------------------------------------------------------------------------------------------------------


def issue_stance(
    ctx: ArticleContext, attribution: Attribution, label: str, conditions: list[Condition] | None = None
) -> tuple[str, Span | None]:
    """(stance, condition span) of `attribution` toward issue `label`."""
    text = ctx.text
    if conditions is None:
        conditions = [c for s in attribution.content for c in find_conditions(text, s.start, s.end, ctx.language)]
    mentions = issue_mentions(ctx, attribution, label)
    if not mentions:
        if conditions:
            c = conditions[0]
            return "conditional", Span.of(text, c.start, c.end)
        return "unknown", None
    for m in mentions:
        for c in conditions:
            if c.scope_start <= m.start < c.scope_end:
                return "conditional", Span.of(text, c.start, c.end)

    # The cue verb's polarity ("criticized the sanctions") holds for what it takes as its object: an issue named at
    # the head of the content, not one named in passing later on.
    cue = _cue_sign(ctx, attribution)
    others = [
        (mm.start, mm.end)
        for e in ctx.article.entities
        if e.type == "PERSON" and e.id != attribution.speaker
        for mm in e.mentions
    ]
    votes: set[str] = set()
    for m in mentions:
        span = next((s for s in attribution.content if s.start <= m.start < s.end), None)
        if span is None:
            continue
        clause, after_end = _clause_of(ctx, (span.start, span.end), m.start)
        head = cue is not None and len(text[span.start : m.start].split()) <= CUE_REACH
        actions = ctx.taxonomy.action_words(m.label, ctx.language)
        found = polarity(text, clause, m, actions, others, cue if head else None, after_end)
        if found is not None:
            votes.add(found)
    if votes == {"support"} or votes == {"oppose"}:
        return votes.pop(), None
    if votes:
        return "unknown", None
    if any(NEUTRAL.search(text, s.start, s.end) for s in attribution.content):
        return "neutral", None
    return "unknown", None


def _cue_sign(ctx: ArticleContext, attribution: Attribution) -> int | None:
    """+1 for a cue verb of support ("welcomed"), -1 of opposition ("criticized"), UNSURE when negated so that it
    says nothing ("did not criticize"); a negated support is opposition ("did not welcome")."""
    cue = attribution.cue
    if cue is None:
        return None
    lemma = cue_lemma(cue.text)
    sign = 1 if lemma in _CUE_SUPPORT or re.search(r"\bpositively\b", cue.text, re.I) else None
    if lemma in _CUE_OPPOSE or re.search(r"\bnegatively\b", cue.text, re.I):
        sign = -1
    if sign is None:
        return None
    before = ctx.text[max(0, cue.start - 20) : cue.start]
    if NEGATION.search(cue.text) or NEGATION.search(" ".join(before.split()[-2:])):
        return -1 if sign > 0 else UNSURE
    return sign


def assign_stances(article: Article, taxonomy: Taxonomy, ctx: ArticleContext | None = None) -> None:
    """Fill stance and condition of every (attribution, issue), and each attribution's speech act."""
    ctx = ctx or ArticleContext(article, taxonomy)
    for a in article.attributions:
        conditions = [c for s in a.content for c in find_conditions(ctx.text, s.start, s.end, ctx.language)]
        for issue in a.issues:
            stance, condition = issue_stance(ctx, a, issue.issue, conditions)
            issue.stance, issue.condition = stance, condition
        a.speech_act = speech_act(ctx.text, a)


def stance_of(issues: list[IssueStance], label: str) -> IssueStance | None:
    return next((i for i in issues if i.issue == label), None)


# --- speech acts --------------------------------------------------------------------------------------------------

_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "tells": "tell",
    "thought": "think",
    "wrote": "write",
    "spoke": "speak",
    "spoken": "speak",
    "drew": "draw",
    "drawn": "draw",
    "gave": "give",
    "given": "give",
    "felt": "feel",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "found": "find",
    "held": "hold",
    "swore": "swear",
    "sworn": "swear",
    "made": "make",
    "put": "put",
    "set": "set",
    "sought": "seek",
    "foresaw": "foresee",
    "forecast": "forecast",
    "threw": "throw",
    "meant": "mean",
    "struck": "strike",
    "taken": "take",
    "took": "take",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
}
_SKIP = frozenset(
    """
    has have had having is are was were be been being will would shall should can could may might must do does did
    also later again then still not never further repeatedly once already just only even too yet now earlier
    """.split()
)
_ACT_LEMMAS = {
    "denial": frozenset("deny reject refute dismiss rebut disavow disprove deny".split()),
    "demand": frozenset("demand urge insist require press appeal order instruct ask call".split()),
    "offer": frozenset("offer propose invite".split()),
    "warning": frozenset("warn caution threaten alert".split()),
    "promise": frozenset("promise pledge vow guarantee commit assure swear".split()),
    "assessment": frozenset(
        """
        believe think consider assess estimate expect predict doubt suspect reckon assume guess feel forecast
        speculate argue judge evaluate fear hope worry sure convinced confident certain doubtful skeptical
        sceptical optimistic pessimistic convince
        """.split()
    ),
}
_KNOWN_LEMMAS = frozenset().union(
    *_ACT_LEMMAS.values(),
    _CUE_SUPPORT,
    _CUE_OPPOSE,
    SPEECH_VERBS,
    NOUN_CONTENT_VERBS,
    INFINITIVE_SPEECH_VERBS,
    PREDICATIVE_VERBS,
) | frozenset(
    """
    say tell state claim confirm clarify stress emphasize emphasise note add explain announce report declare
    assert maintain contend reply respond answer recall reiterate underline underscore mention write tweet post
    testify agree concede complain allege charge indicate show find conclude observe remark comment disclose
    reveal inform signal hint specify continue know recount repeat stipulate affirm object protest counter retort
    point refer speak talk draw describe call label term admit acknowledge welcome criticize criticise condemn
    praise support oppose describe cite
    """.split()
)

_DEMAND = re.compile(
    r"(?<!the )(?<!a )\b(?:must|should|ought to|has to|have to|needs? to|is obliged to|are obliged to"
    r"|it is (?:necessary|imperative|essential) (?:for \w+ )?to|должен|должна|должно|должны|обязан\w*|необходимо"
    r"|нужно|следует|надо)\b",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"\b(?:ready (?:to|for)|willing to|prepared to|open to|(?:we|i) (?:offer|propose|suggest|invite)|готов\w*"
    r"|(?:мы|я) (?:предлагаем|предлагаю))\b",
    re.IGNORECASE,
)
_WARNING = re.compile(
    r"\b(?:will|would|could|may|might|is going to|risks?)\s+(?:\w+\s+){0,2}"
    r"(?:create|cause|lead to|provoke|trigger|result in|bring|entail|undermine|damage|harm|hurt|destroy|jeopardi[sz]e"
    r"|threaten|spark|fuel|escalate)\w*\s+(?:\w+\s+){0,3}"
    r"(?:conflicts?|crisis|crises|consequences|escalation|war|tensions?|damage|harm|problems|retaliation"
    r"|countermeasures|response|collapse|confrontation|instability|catastrophe|disaster)\b"
    r"|\b(?:will face|would face) (?:\w+ ){0,2}consequences\b|\b(?:serious|grave|dire) consequences\b"
    r"|\b(?:созда(?:ст|дут)|привед[её]т|приведут|вызовет|вызовут|спровоцирует|обернется|обернётся|может привести к)"
    r"\s+(?:\w+\s+){0,3}(?:конфликт|кризис|последстви|эскалаци|напряж[её]нност|ответ|противостояни)\w*"
    r"|\bсерь[её]зн\w* последстви\w*",
    re.IGNORECASE,
)
_PROMISE = re.compile(
    r"\b(?:we|i)(?: will|['’]ll| shall)\b(?!\s+(?:see|have to))|\b(?:we|i) (?:promise|guarantee)\b"
    r"|\b(?:мы|я) (?:обещаем|обещаю|гарантируем|гарантирую)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\bnot subject to (?:revision|review|discussion|negotiation|debate|change)\b"
    r"|\b(?:is|are|was|were) not (?:true|the case|the initiators?|responsible|to blame|involved|behind)\b"
    r"|\b(?:baseless|groundless|unfounded|fabricat\w*|fake news|nonsense|absurd)\b"
    r"|\bnothing to do with\b|\bthere (?:is|are|was|were) no (?:plans?|intention|truth|grounds?|basis)\b"
    r"|\bне подлеж\w* пересмотр\w*|\bпересмотр\w* не подлеж\w*|\bне явля\w* инициатор\w*"
    r"|\bне соответству\w* действительности|\b(?:безосновательн|голословн|беспочвенн)\w*",
    re.IGNORECASE,
)
_ASSESS = re.compile(
    r"\b(?:it is (?:possible|likely|unlikely|probable|natural|clear|obvious|evident)|there is no reason to"
    r"|(?:hard|difficult) to imagine|probably|likely|unlikely|apparently|nothing more than|no doubt"
    r"|не исключено|вероятно|возможно|по всей видимости|нет оснований|(?:сложно|трудно) представить|не более чем"
    r"|очевидно)\b",
    re.IGNORECASE,
)


def cue_lemma(cue: str) -> str | None:
    """The head word of a cue, lemmatized: "has repeatedly stressed" -> "stress", "are sure" -> "sure"."""
    words = [w for w in re.findall(r"[A-Za-z]+", cue.lower()) if w not in _SKIP]
    words = [w for w in words if not (w.endswith("ly") and w not in {"apply", "reply", "rely", "ally"})]
    if not words:
        return None
    word = words[0]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    candidates = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates.append(stem + repl)
            if not repl and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                candidates.append(stem[:-1])  # "slammed" -> "slam", "stopping" -> "stop"
    for c in candidates:
        if c in _KNOWN_LEMMAS:
            return c
    return candidates[1] if len(candidates) > 1 else word


# Russian cues by stem (the first word of the cue that is not an auxiliary or adverb).
_RU_CUE_ACTS = (
    ("denial", ("отрица", "опроверг", "отверг", "отвер")),
    ("warning", ("предупред", "предупрежда", "предостер", "пригрози", "угрожа")),
    ("promise", ("обеща", "пообеща", "поклял", "гарантир")),
    ("offer", ("предлож", "предлага")),
    ("demand", ("потребова", "требова", "требу", "призва", "призыва", "настаива", "настоя")),
    (
        "assessment",
        (
            "счита",
            "полага",
            "уверен",
            "убежд",
            "оцени",
            "оценива",
            "сомнева",
            "прогнозир",
            "ожида",
            "опасают",
            "опаса",
            "думает",
            "думают",
        ),
    ),
)


def _ru_cue_act(cue: str) -> str | None:
    for word in re.findall(r"[а-яё]+", cue.lower()):
        if word in {"также", "уже", "неоднократно", "ранее", "не", "и", "всё", "все", "еще", "ещё", "тоже"}:
            continue
        for act, stems in _RU_CUE_ACTS:
            if word.startswith(stems):
                return act
        return None
    return None


def speech_act(text: str, attribution: Attribution) -> str:
    """One of document.SPEECH_ACTS for the attribution (see the module docstring)."""
    lemma = cue_lemma(attribution.cue.text) if attribution.cue else None
    cue_text = attribution.cue.text.lower() if attribution.cue else ""
    ru_act = _ru_cue_act(cue_text) if re.search(r"[а-яё]", cue_text) else None
    if ru_act is not None and ru_act != "assessment":
        return ru_act
    if lemma is not None:
        for act in ("denial", "warning", "promise", "offer"):
            if lemma in _ACT_LEMMAS[act]:
                return act
        if lemma in _ACT_LEMMAS["demand"] and (lemma != "call" or re.search(r"\bcall\w*\s+(?:for|on)\b", cue_text)):
            return "demand"
    content = " ".join(s.text for s in attribution.content)
    if _DENIAL.search(content):
        return "denial"
    if _DEMAND.search(content):
        return "demand"
    if _WARNING.search(content):
        return "warning"
    if _OFFER.search(content):
        return "offer"
    if _PROMISE.search(content):
        return "promise"
    if lemma in _ACT_LEMMAS["assessment"] or ru_act == "assessment" or _ASSESS.search(content):
        return "assessment"
    return "statement" if attribution.cue is not None else "unknown"
