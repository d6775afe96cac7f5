"""The polarity of a statement towards an issue it names, from the words of the mention's clause.

Four kinds of evidence, each a signed word or phrase (+1 for the issue, -1 against it):

* **actions** that take the issue as their object, from the taxonomy by the issue's kind (`_stance.yaml`): "lift the
  sanctions" -1, "extend the sanctions" +1, "end the war" -1, "resolve the territorial issue" +1. Chained actions
  multiply ("halt construction of the pipeline": -1 x +1), and a modal passive after the mention counts too ("the
  sanctions must be lifted", "санкции нужно снять"). They say what is done to the issue: the **target**.
* **attitudes** before the mention ("ready to", "supporters of", "opposes", "refused to", "never accept") and
  **evaluations** of the target ("a mistake to lift the sanctions", "pointless to talk about", "бессмысленно", and,
  after the mention as their subject, "sanctions are a dead end", "the sanctions had failed", "санкции не
  работают"): the speaker's attitude to the target, so their sign times the target's ("ready to lift the
  sanctions": +1 x -1 = against; "a mistake to lift the sanctions": -1 x -1 = for). The cue verb counts as one when
  the issue heads the content ("criticised the decision to close the hospital": -1 x -1 = for the hospital).
  Without any, the action alone is the speaker's position when the clause says someone will, must or wants to do
  it ("the EU will keep the sanctions", "продлит санкции"), not in a report ("the president signed the trade deal",
  "Brussels imposes tariffs") nor as a noun ("which resulted in the freezing of negotiations").
* **descriptions** of the issue itself: evaluative adjectives just before the mention ("the illegal occupation of",
  "незаконную аннексию"): their own sign, whatever is done to the issue.
* **negation** (not, never, no, n't, cannot, не, нет, ни, никогда, нельзя) applies to the first of these after it
  in the clause, a few words on at most and not across "that"/"что" or a comma; one negation per word (negative
  concord: "никогда не", "ни о каком ... не может быть и речи" negate once). An action flips ("not lift the
  sanctions" is for them), a positive attitude or evaluation becomes negative ("not ready to", "not in our
  interest"), a negative one unsure ("not against", "not a dead end"). "not yet" is unsure. A negation between the
  evidence and the mention that applies to none of it makes the whole unsure.

All the signs must agree; hedges ("might", "whether", "it is possible"), unsure words and disagreement give
"abstain", which the caller reports as unknown. No evidence gives None.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from saywho.issues.taxonomy import Mention

SUPPORT, OPPOSE, ABSTAIN = "support", "oppose", "abstain"
UNSURE = 0  # the sign of a word whose polarity negation has made unclear

# --- lexicons -------------------------------------------------------------------------------------------------

# Attitudes: count anywhere in the mention's clause before it ("ready for dialogue ... on a peace treaty").
SUPPORT_WORDS = re.compile(
    r"\b(?:ready (?:to|for)|willing to|prepared to|open to|supports?|supported|supporting|supporters? of|support for"
    r"|welcom\w*|in favou?r of|advocat\w*|endors\w*|backs|backed|backing|(?<!take )(?<!takes )(?<!taking )(?<!took )"
    r"aim(?:s|ed|ing)? at|seek(?:s|ing)?|sought|striv\w*|strove|push(?:es|ed|ing)? for|call(?:s|ed|ing)? for"
    r"|committed to|commitment to|the need to|needs? to|top priority|a priority|hop(?:e|es|ed|ing) for|determined to"
    r"|interested in|agree(?:s|d)? to|accept(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|approv(?:e|es|ed|ing)"
    r"|tolerat(?:e|es|ed|ing)|insist(?:s|ed|ing)? on"
    r"|готов\w*|сторонник\w*|поддерж\w*|приветств\w*|выступа\w* за|направлен\w* на|стрем\w*|добива\w*"
    r"|необходимост\w*|заинтересован\w*|приоритет\w*|призна(?:ем|ют|ет|ём|ть|ние|ния|вать)"
    r"|соглас(?:ен|на|ны|ится|ятся|имся|иться|ие))\b",
    re.IGNORECASE,
)
OPPOSE_WORDS = re.compile(
    r"\b(?:oppos\w*|against|reject\w*|condemn\w*|critici[sz]\w*|denounc\w*|object(?:s|ed|ing)? to|refus\w*"
    r"|unacceptable|block(?:s|ed|ing)?|veto\w*|protest\w* against|no (?:need|place) for|rul(?:e|es|ed|ing) out"
    r"|dismiss\w*|no talk (?:of|about)|out of the question"
    r"|против|отверга\w*|отверг\w*|осужд\w*|осуди\w*|критик\w*|отказ\w*|неприемлем\w*"
    r"|не может быть и речи)\b",
    re.IGNORECASE,
)
# Evaluations. Which of them describe the issue itself (attributive adjectives) is decided where they stand.
_EVAL_NEGATIVE = (
    r"dead[\s\-]+ends?|mistakes?|mistaken|errors?|blunders?|illegal|illegitimate|unlawful|unacceptable|inadmissible"
    r"|pointless|senseless|meaningless|futile|useless|ineffective|harmful|damaging|destructive|counterproductive"
    r"|counter-productive|wrong(?!\s+(?:with|about))|misguided|absurd|unjust|unfair|disasters?|disastrous"
    r"|dangerous|reckless|irresponsible|failures?|short-?sighted|doomed|(?:makes|make) no sense|no sense in"
    r"|no point in|a step backwards?|out of the question"
    r"|тупик\w*|ошибк\w*|ошибочн\w*|бессмысленн\w*|бессмысленно|бесполезн\w*|вредн\w*|вредно|контрпродуктивн\w*"
    r"|незаконн\w*|нелегитимн\w*|противоправн\w*|неприемлем\w*|недопустим\w*|провальн\w*|провал|губительн\w*"
    r"|пагубн\w*|опасн\w*|деструктивн\w*|несправедлив\w*|абсурдн\w*|нелеп\w*|не имеет смысла|нет смысла"
    r"|не может быть и речи"
)
_EVAL_POSITIVE = (
    r"useful|necessary|needed|essential|vital|important|welcome|correct|effective|beneficial|justified|appropriate"
    r"|reasonable|constructive|success|successful|worthwhile|indispensable|wise"
    r"|right(?!\s+(?:to|now|away|after|before|here|there|next|back|wing|-wing|of)\b)"
    r"|good (?:idea|thing|step|decision|news|for)|a step in the right direction"
    r"|(?:top |main |key |first |highest )?priority|первоочередн\w*|приоритетн\w*"
    r"|in (?:our|the|everyone's|their|its|both sides'|the national|(?:our|the) national) interests?"
    r"|полезн\w*|необходим\w*|нужн\w*|важн\w*|правильн\w*|эффективн\w*|оправданн\w*|конструктивн\w*|выгодн\w*"
    r"|в (?:наших|национальных|общих|обоюдных|интересах)\w* интересах"
)
EVALUATION = re.compile(rf"\b(?:(?P<neg>{_EVAL_NEGATIVE})|(?P<pos>{_EVAL_POSITIVE}))\b", re.IGNORECASE)
# "it is important to note that": a discourse frame, not an evaluation.
_DISCOURSE = re.compile(
    r"\s+(?:to\s+)?(?:note|stress|say|mention|remember|emphasi[sz]e|underline|understand|recall|add)\b"
    r"|\s+(?:отметить|подчеркнуть|сказать|понимать|помнить|напомнить|учитывать)\b",
    re.IGNORECASE,
)
# An evaluation of what follows ("a mistake to lift", "the wrong decision to", "important that", "no point in") ...
_EVALUATES_WHAT_FOLLOWS = re.compile(
    r"\s+(?:(?:decision|step|move|idea|thing|way|choice|policy)\s+)?(?:to|that)\b", re.IGNORECASE
)
# ... or a Russian predicative: an adverb or a noun ("бессмысленно говорить о", "ошибкой было бы снять").
_RU_PREDICATIVE = re.compile(r"(?:о|смысла)$|^(?:ошибк|тупик|провал)", re.IGNORECASE)
# What can describe the issue itself: an adjective ("the illegal occupation of", "незаконную аннексию").
_EN_NOUN_EVALUATION = re.compile(
    r"^(?:dead|mistake|error|blunder|disaster|failure|success|no |makes? no|a step|good |in )", re.IGNORECASE
)
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ому|ему|ым|им|ых|их|ыми|ими)$", re.IGNORECASE)
# Verbs that evaluate their subject: "the sanctions had failed", "sanctions work", "санкции не работают".
VERB_EVALUATION = re.compile(
    r"\b(?:(?P<neg>fail(?:s|ed)?|backfir(?:e|es|ed)|провалил\w*)"
    r"|(?P<pos>work(?:s|ed)?|succeed(?:s|ed)?|paid off|pays? off|работа(?:ет|ют|ли|л|ла|ло)|сработа\w*))\b",
    re.IGNORECASE,
)
# Small clauses need no copula: "(made) the resumption of grave visits a top priority".
_PRIORITY = re.compile(r"(?:\w+\s+)?priority|первоочередн\w*|приоритетн\w*", re.IGNORECASE)
# What may stand between the subject and a verb of evaluation: "the sanctions (have) failed", "санкции не работают".
_AUXILIARY = re.compile(
    r"(?:has|have|had|do|does|did|will|would|can|could|not|never|n['’]t|don['’]t|doesn['’]t|didn['’]t|also|clearly"
    r"|simply|already|still|all|не|уже|явно|просто|так и)$",
    re.IGNORECASE,
)
_COPULA = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|seems?|seemed|proved|proven|becomes?|became|looks?"
    r"|looked)\b|['’]s\b|['’]re\b",
    re.IGNORECASE,
)
# A modal passive after the mention: "(the sanctions) must be lifted", "(санкции) нужно снять".
_MODAL_AFTER = re.compile(
    r"\W*(?:(?:must|should|need to|needs to|has to|have to|ought to|will have to)\s+(?:(?P<neg>not|never)\s+)?be\s+"
    r"|(?:(?:должн\w*|обязан\w*)\s+(?:(?P<neg_ru>не)\s+)?(?:быть\s+)?|(?:нужно|надо|необходимо|следует|стоит|пора)\s+"
    r"|(?P<not_ru>нельзя)\s+))",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|no|never|nor|cannot|hardly|neither)\b|n['’]t\b|\b(?:не|нет|никогда|ни|нельзя)\b", re.IGNORECASE
)
# Negations that negate no position: "not only", "no doubt", "не только".
_NOT_A_NEGATION = re.compile(
    r"\b(?:not only|not just|not least|no doubt|no matter|nothing but|no secret|не только|не менее|нет сомнени\w*"
    r"|не секрет)\b",
    re.IGNORECASE,
)
# Negations that say "not now", not "no": "we have not yet ratified", "ещё не подписан".
_NOT_YET = re.compile(r"\b(?:not yet|(?:ещё|еще|пока) не)\b|\bnot\s+\w+\s+yet\b", re.IGNORECASE)
# What a negation does not reach across: a complementiser, a relative, a comma.
_NEGATION_BARRIER = re.compile(
    r"[,;:]|\b(?:that|which|who|whom|whose|because|whether|if|when|while|что|чтобы|котор\w+|потому|если|когда)\b",
    re.IGNORECASE,
)
# A hedge or epistemic frame: the clause states no position.
EPISTEMIC = re.compile(
    r"\b(?:no reason to (?:think|believe|expect|assume|hope)|it is (?:possible|unlikely|likely|probable|doubtful)"
    r"|(?:hard|difficult) to imagine|whether|remains to be seen|not visible|there (?:is|are) (?:some|many|few)\b"
    r"|(?:might|may|could) (?:not )?\w+"
    r"|нет оснований (?:считать|полагать|думать|ожидать)|не исключено|возможно|вряд ли|(?:сложно|трудно) представить"
    r"|есть некоторые|(?<!не )может быть(?! и речи)|не просматривается|не видно)\b",
    re.IGNORECASE,
)
# A cue owned by someone else: "her support for", "the union's commitment to", "whose support".
_THIRD_PARTY = re.compile(r"(?:\b(?:his|her|their|its|whose|его|ее|её|их)|['’]s)\s*$", re.IGNORECASE)
# An attitude verb with a clause as its object ("admitted that ...", "признал, что ..."): not an attitude to the issue;
# nor is one with a subordinate clause between it and the issue ("need to know if ... an election").
_CLAUSE_OBJECT = re.compile(r"\s*,?\s*(?:that|что)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\b(?:that|which|who|whom|whose|if|whether|because|when|while|что|чтобы|котор\w+|если|когда|потому)\b",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"\b(?:and|or|и|или)\b", re.IGNORECASE)
# The issue is not what an action acts on when these stand between: "keep foreign money out of elections".
_NOT_THE_OBJECT = re.compile(
    r"\b(?:out of|away from|instead of|rather than|than|despite|towards?|without|вместо|кроме|несмотря на)\b",
    re.IGNORECASE,
)
# An action alone is a position when it is something someone will, would, must or wants to do ("the EU will keep the
# sanctions", "we want to restore relations", "продлит санкции", "должен снять"), not a report ("the president
# signed the deal", "Brussels imposes tariffs", "ввела санкции") and not a noun of action ("which resulted in the
# freezing of negotiations", "снятие санкций"), unless that noun is a purpose ("for the restoration of relations").
_EN_INTENT = re.compile(
    r"\b(?:will|would|shall|must|should|need|needs|have to|has to|going to|want|wants|wanted to|plan|plans|intend"
    r"|intends|to|let|let's|cannot|can't|won't|we|i)\s+(?:\w+\s+){0,2}$|['’]ll\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_EN_DETERMINER = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|my|your|this|that|any|further|new)\s+$", re.IGNORECASE
)
_EN_NOUN = re.compile(r"(?:tion|sion|ment|al|ure|ance|ence)$", re.IGNORECASE)
_EN_PAST = re.compile(r"(?:ed|built|froze|frozen|broke|broken|kept|upheld|withdrew|withdrawn)$", re.IGNORECASE)
# (Not "к": "привёл к замораживанию переговоров" is a result.)
_PURPOSE = re.compile(r"\b(?:for|towards?|для|ради|за)\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"\W*$")  # (matched from the clause's start: no "^")

ACTION_REACH = 4  # words between an action and the mention (or the next action of a chain)
DESCRIPTION_REACH = 3  # words between an evaluative adjective and the mention it describes
NEGATION_REACH = 5  # words between a negation and the word it negates
AFTER_REACH = 6  # words between the mention and an evaluation of it as subject


@dataclass
class Evidence:
    start: int
    end: int
    sign: int  # +1 / -1; UNSURE once negation makes it unclear
    role: str  # action | attitude | evaluation | description | inert (negation may land on it, it votes for nothing)
    negated: bool = False
    unsure: bool = False  # negated by "not yet"


def polarity(
    text: str,
    clause: tuple[int, int],
    mention: Mention,
    actions: Sequence[tuple[re.Pattern[str], int]],
    others: Sequence[tuple[int, int]] = (),
    cue: int | None = None,
    after_end: int | None = None,
) -> str | None:
    """support / oppose / abstain / None (no evidence) for `mention` in `clause` (see the module docstring).

    `actions`: the issue's action words with their signs; `others`: mentions of people other than the speaker (an
    attitude after one of them in its clause is that person's); `cue`: the sign of the cue verb (UNSURE when
    negated) when the mention heads the content; `after_end`: how far an evaluation of the mention may be looked
    for (default: the clause's end)."""
    c_start, c_end = clause
    c_end = max(c_end, after_end or c_end)
    if EPISTEMIC.search(text, c_start, c_end):
        return ABSTAIN
    before = _evidence_before(text, c_start, c_end, mention, actions, others)
    after = _evidence_after(text, mention, c_end, actions)
    inert = _inert(text, c_start, c_end, [*before, *after])
    unattached = _negate(text, c_start, c_end, sorted([*before, *after, *inert], key=lambda e: e.start))
    voting = [e for e in (*before, *after) if e.role != "inert"]
    if voting and any(voting[0].start < n < mention.end for n in unattached):
        return ABSTAIN  # a negation inside the evidence that applies to none of it

    chain = _chain(text, before, mention)
    # Alone, an action takes a position when someone says they (or others) will or must do it, or will not: "we will
    # extend the sanctions", "must be lifted", "не снимем"; not in a report ("signed the trade deal") or a noun.
    decisive = bool(chain) and (
        any(e.negated for e in chain)
        or _takes_position(text, c_start, chain[0])
        or bool(_PURPOSE.search(text, max(0, chain[0].start - 12), chain[0].start))
    )
    chain += [e for e in after if e.role == "action"]
    decisive = decisive or any(e.role == "action" for e in after)
    attitudes = [e for e in voting if e.role in ("attitude", "evaluation")]
    votes = [_effective(e) for e in voting if e.role == "description"]
    target = 1
    for e in chain:
        target = target * _effective(e) if target != UNSURE else UNSURE
    signs = [_effective(e) for e in attitudes] + ([cue] if cue is not None else [])
    if signs:
        votes += [s * target for s in signs]
    elif decisive:
        votes.append(target)
    if not votes:
        return None
    if UNSURE in votes or len(set(votes)) > 1:
        return ABSTAIN
    return SUPPORT if votes[0] > 0 else OPPOSE


def _effective(e: Evidence) -> int:
    """The sign of one piece of evidence after its negation."""
    if e.unsure or e.sign == UNSURE:
        return UNSURE
    if not e.negated:
        return e.sign
    if e.role == "action":
        return -e.sign  # not lifting the sanctions keeps them
    return -1 if e.sign > 0 else UNSURE  # not ready: against; not against: who knows


def _evidence_before(
    text: str,
    c_start: int,
    c_end: int,
    mention: Mention,
    actions: Sequence[tuple[re.Pattern[str], int]],
    others: Sequence[tuple[int, int]],
) -> list[Evidence]:
    found: list[Evidence] = []
    for pattern, sign in actions:
        # Searched to the clause's end, so that a lookahead sees the words after ("raise" tariffs, "end" the war).
        for m in pattern.finditer(text, c_start, c_end):
            if m.end() > mention.start:
                break
            if not any(m.start() < e.end and e.start < m.end() for e in found):  # the issue's own words come first
                found.append(Evidence(m.start(), m.end(), sign, "action"))
    for pattern, sign in ((SUPPORT_WORDS, 1), (OPPOSE_WORDS, -1)):
        for m in pattern.finditer(text, c_start, mention.start):
            if _CLAUSE_OBJECT.match(text, m.end()) or _SUBORDINATE.search(text, m.end(), mention.start):
                continue
            if not _someone_elses(text, c_start, m.start(), others):
                found.append(Evidence(m.start(), m.end(), sign, "attitude"))
    for m in EVALUATION.finditer(text, c_start, mention.start):
        sign = -1 if m.group("neg") else 1
        if _DISCOURSE.match(text, m.end()) or _someone_elses(text, c_start, m.start(), others):
            continue
        word = m.group(0)
        russian = _is_russian(word)
        complement = _EVALUATES_WHAT_FOLLOWS.match(text, m.end())  # "a mistake to", "important that"
        if _SUBORDINATE.search(text, complement.end() if complement else m.end(), mention.start):
            continue
        if complement or word.lower().endswith(" in") or (russian and _RU_PREDICATIVE.search(word)):
            found.append(Evidence(m.start(), m.end(), sign, "evaluation"))
        elif _words_between(text, m.end(), mention.start) <= DESCRIPTION_REACH and (
            _RU_ADJECTIVE.search(word) if russian else not _EN_NOUN_EVALUATION.match(word)
        ):
            found.append(Evidence(m.start(), m.end(), sign, "description"))
    return _without_overlaps(found)


def _evidence_after(
    text: str, mention: Mention, c_end: int, actions: Sequence[tuple[re.Pattern[str], int]]
) -> list[Evidence]:
    """A modal passive of an action ("must be lifted") and an evaluation of the mention as subject ("are a dead
    end"; `c_end` may lie past a dash that stands for a copula: "санкции — это тупик")."""
    found: list[Evidence] = []
    modal = _MODAL_AFTER.match(text, mention.end, c_end)
    if modal:
        for pattern, sign in actions:
            m = pattern.match(text, modal.end(), c_end)
            if m:
                negated = bool(modal.group("neg") or modal.group("neg_ru") or modal.group("not_ru"))
                found.append(Evidence(m.start(), m.end(), sign, "action", negated=negated))
                break
    for pattern in (EVALUATION, VERB_EVALUATION):
        m = pattern.search(text, mention.end, c_end)
        if m is None or _words_between(text, mention.end, m.start()) > AFTER_REACH:
            continue
        gap = text[mention.end : m.start()]
        if _NEGATION_BARRIER.search(gap):
            continue  # "X, which is ...": another subject
        russian = _is_russian(m.group(0))
        words = gap.split()
        if pattern is EVALUATION and _PRIORITY.fullmatch(m.group(0)):
            if len(words) > 3:
                continue
        elif pattern is EVALUATION and not russian and not _COPULA.search(gap):
            continue  # an evaluation of something else in the clause, not of the mention
        if pattern is VERB_EVALUATION and (len(words) > 3 or (words and not _AUXILIARY.search(words[-1]))):
            continue  # "education or work requirements": not a verb of the mention
        found.append(Evidence(m.start(), m.end(), -1 if m.group("neg") else 1, "evaluation"))
    return _without_overlaps(found)


def _inert(text: str, c_start: int, c_end: int, evidence: list[Evidence]) -> list[Evidence]:
    """Attitude words that vote for nothing but that a negation may be about ("will not accept its cancellation")."""
    out = []
    for pattern in (SUPPORT_WORDS, OPPOSE_WORDS, EVALUATION, VERB_EVALUATION):
        for m in pattern.finditer(text, c_start, c_end):
            if not any(m.start() < e.end and e.start < m.end() for e in [*evidence, *out]):
                out.append(Evidence(m.start(), m.end(), 0, "inert"))
    return out


def _negate(text: str, c_start: int, c_end: int, evidence: list[Evidence]) -> list[int]:
    """Mark the evidence each negation of the clause applies to; return where the others are."""
    unattached: list[int] = []
    for n in NEGATION.finditer(text, c_start, c_end):
        if any(e.start <= n.start() < e.end for e in evidence):
            continue  # part of a phrase ("no need for", "не может быть и речи")
        if _NOT_A_NEGATION.match(text, n.start()):
            continue
        target = next((e for e in evidence if e.start >= n.end()), None)
        if (
            target is None
            or _words_between(text, n.end(), target.start) > NEGATION_REACH
            or _NEGATION_BARRIER.search(text, n.end(), target.start)
        ):
            unattached.append(n.start())
            continue
        if NEGATION.search(text, n.end(), target.end):
            continue  # negative concord: "никогда не", "ни о каком ... не может быть и речи" negate once
        target.negated = True
        if _NOT_YET.match(text, n.start()) or _NOT_YET.search(text, max(c_start, n.start() - 5), target.start):
            target.unsure = True
    return unattached


def _chain(text: str, before: list[Evidence], mention: Mention) -> list[Evidence]:
    """The actions on the mention: the nearest one within reach, the one within reach of that, and so on (outermost
    first). Coordinated actions ("lift or extend the sanctions") are not a chain: only the nearer counts."""
    chain: list[Evidence] = []
    pos = mention.start
    for e in sorted((e for e in before if e.role == "action"), key=lambda e: -e.start):
        if e.end > pos:
            continue
        gap = text[e.end : pos]
        if len(gap.split()) > ACTION_REACH or (chain and _COORDINATION.search(gap)) or _NOT_THE_OBJECT.search(gap):
            break
        if any(e.end <= o.start < pos for o in before if o.role in ("attitude", "evaluation")):
            break  # an attitude in between is about what follows it ("lift the ban on opposing the treaty")
        chain.insert(0, e)
        pos = e.start
    return chain


def _takes_position(text: str, c_start: int, e: Evidence) -> bool:
    """Is the action something the clause says someone will, must or wants to do (see _EN_INTENT)?"""
    word = text[e.start : e.end].split()[0]
    if _is_russian(word):
        tag = _morph().parse(word)[0].tag
        if tag.POS == "INFN" or tag.mood == "impr":
            return True  # "должен снять", "снимите"
        return tag.POS == "VERB" and (tag.tense == "futr" or (tag.tense == "pres" and tag.person in ("1per", "2per")))
    if _EN_PAST.search(word) or _EN_NOUN.search(word) or re.match(r"\s+of\b", text[e.end : e.end + 4]):
        return False
    before = text[max(c_start, e.start - 40) : e.start]
    if _EN_DETERMINER.search(before):
        return False
    return bool(_EN_INTENT.search(before) or _CLAUSE_START.match(text, c_start, e.start))


@functools.lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    """pymorphy3's analyser (loaded on first use, in a tenth of a second): the tense and aspect of a Russian verb."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _someone_elses(text: str, c_start: int, start: int, others: Sequence[tuple[int, int]]) -> bool:
    """An attitude of someone other than the speaker: "her support for", "Smith supported"."""
    if _THIRD_PARTY.search(text, max(c_start, start - 12), start):
        return True
    return any(c_start <= o_start and o_end <= start for o_start, o_end in others)


def _without_overlaps(found: list[Evidence]) -> list[Evidence]:
    """One piece of evidence per stretch of text, the first found winning (actions before attitudes)."""
    out: list[Evidence] = []
    for e in found:
        if not any(e.start < o.end and o.start < e.end for o in out):
            out.append(e)
    return sorted(out, key=lambda e: e.start)


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split()) if end > start else 0


def _is_russian(word: str) -> bool:
    return bool(re.search(r"[а-яё]", word, re.IGNORECASE))
