"""Find quotations in raw text: every mark style, dialogue dashes, and the mismatched pairs of machine translation.

Works on characters, before any parsing, so that a quotation spanning several sentences or paragraphs is one unit.
A `Quotation` knows its outer span (with marks), its inner span (the words), how it opened and closed, and
whether it stands alone in its sentence (a direct quotation) or is embedded in a sentence (a scare quote or
a partial quotation inside indirect speech).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from saywho.attribution.lexicon import CLAUSE_ONLY_VERBS, QUOTE_VERBS, SPEECH_VERBS

DASHES = "—–―"
# opener -> closers it accepts. Machine translation and OCR mix styles, so each opener accepts a few closers.
PAIRS: dict[str, str] = {
    "“": '”“"',
    "„": '“”"',
    "«": "»",
    "‹": "›",
    '"': '"”“',
    "”": '”"',  # a "right" mark used as opener (seen in translated text)
    "‘": "’",
    "``": "''",
    "''": "''",
    "「": "」",  # Japanese brackets, kept by some translations
    "『": "』",
}
OPENERS = ("``", "''", "“", "„", "«", "‹", '"', "”", "‘", "「", "『")
# Marks whose direction is in their shape: French typesetting puts a (no-break) space inside them, « like this ».
_SPACED_OPENERS = frozenset("«‹")
_SPACED_CLOSERS = frozenset("»›")

# A dash closes an open quotation when it is followed by a reporting clause: ",— Ivan Petrov told ..."
_SPEECH_FORMS = {
    form
    for lemma in SPEECH_VERBS
    for form in (
        lemma,
        lemma + "s",
        lemma + "ed",
        lemma + "d",
        lemma[:-1] + "ied" if lemma.endswith("y") else "",
    )
    if form
} | {"said", "told", "wrote", "thought", "knew", "felt", "found", "says", "tells", "writes", "according"}
_WORD_RE = re.compile(r"[\w'’-]+")
_MARK_START = re.compile("[" + re.escape("".join(sorted({mark[0] for mark in PAIRS}))) + "]")
_CYRILLIC_RE = re.compile(r"[а-яё]")
_CYRILLIC_CONJUNCTIONS = frozenset("и а но или да что ведь ни не либо то".split())


@dataclass(frozen=True)
class Quotation:
    start: int  # outer start (the opening mark or dash)
    end: int  # outer end (after the closing mark), or the end of the paragraph when unclosed
    inner_start: int
    inner_end: int
    opener: str
    closer: str  # "" when the quotation ran to the end of its paragraph
    standalone: bool  # begins its sentence (or follows a colon or comma): a direct quotation
    continues_previous: bool = False  # a new paragraph of the previous quotation ("...\n\n“More ...")

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text_slice))

    text_slice: str = ""


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of non-blank lines: news paragraphs are lines."""
    end = len(text) if end is None else end
    for m in re.finditer(r"[^\r\n]+", text[start:end]):
        s, e = m.start() + start, m.end() + start
        # Trim surrounding whitespace so spans never start or end on it.
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opening_position(text: str, i: int, width: int, para_start: int) -> bool:
    """A mark opens when it is not glued to a word on its left and is followed by a word character."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + width] if i + width < len(text) else " "
    if after in " \u00a0\u202f" and text[i : i + width] in _SPACED_OPENERS:
        after = text[i + width + 1] if i + width + 1 < len(text) else " "
    return not _is_word_char(before) and before not in ".,;:!?" and not after.isspace()


def _closing_position(text: str, i: int, para_end: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < para_end else " "
    if before in " \u00a0\u202f" and text[i] in _SPACED_CLOSERS:
        before = text[i - 2] if i >= 2 else " "
    return not before.isspace() and not _is_word_char(after)


def _dash_closes(text: str, i: int, para_end: int, opener: str = "") -> bool:
    """`,— said X` / `, — X told Y`: a dash after punctuation, followed by a reporting clause.

    In dialogue opened by a dash (Russian style), `, — сказал он` closes the line whatever the verb: a dash
    after a comma, `!`, `?` or `…` followed by a lower-case Cyrillic word (not a conjunction) starts the
    author's words.
    """
    if opener in DASHES and _bare_dash_before_clause(text, i, para_end):
        return True
    before = text[:i].rstrip()
    # Spanish typesetting glues the dash to the reporting verb instead: "… subsidized —said the secretary—."
    glued = i + 1 < para_end and text[i + 1].isalpha() and text[i - 1].isspace()
    if not before or (before[-1] not in ",.!?…" and not glued):
        return False
    following = text[i + 1 : min(para_end, i + 160)]
    words = [w.lower() for w in _WORD_RE.findall(following)][:10]
    if any(w in _SPEECH_FORMS for w in words):
        return True
    first = words[0] if words else ""
    return (
        opener in DASHES
        and before[-1] in ",!?…"
        and following.lstrip()[:1].islower()
        and bool(_CYRILLIC_RE.match(first))
        and first not in _CYRILLIC_CONJUNCTIONS
    )


# Polish, Serbian and Hungarian news close a dialogue line with a bare dash: "– Text – said X." / "- Text -
# Papović stated." There is no comma before the dash, so only the clause after it tells the dash from a dash in
# prose ("the Rába - Danube canal", "2020 - 2024", "an – aside –"): a speech verb and its speaker that end the
# sentence, verb first ("said the politician", "added Nowak at the briefing") or speaker first ("she said",
# "Papović stated", "the minister said"). Verbs that are mostly narration ("show", "find", "continue") are left out.
_BARE_CLAUSE_END = re.compile(r"[.!?…,;:]|$", re.MULTILINE)
_BARE_CLAUSE_MAX_WORDS = 10
_SPEAKER_PRONOUNS = frozenset("he she they we i".split())
_NOT_DASH_CLAUSE_VERBS = frozenset(
    form
    for lemma in CLAUSE_ONLY_VERBS - {"add", "repeat"} | {"report", "project", "signal", "charge", "object"}
    for form in (lemma, lemma + "s", lemma + "ed", lemma + "d", "shown", "found", "knew", "felt", "thought")
) | {"according"}
_DASH_CLAUSE_VERBS = (_SPEECH_FORMS | {f"{v}ed" for v in QUOTE_VERBS} | {"asked", "cried"}) - _NOT_DASH_CLAUSE_VERBS


def _bare_dash_before_clause(text: str, i: int, para_end: int) -> bool:
    """A spaced dash of a dialogue line followed by nothing but a short reporting clause ending the sentence."""
    if not (text[i - 1 : i].isspace() and text[i + 1 : i + 2].isspace()):
        return False
    end = _BARE_CLAUSE_END.search(text, i + 1, para_end)
    clause = text[i + 1 : end.start() if end is not None else para_end]
    words = _WORD_RE.findall(clause)
    if not 2 <= len(words) <= _BARE_CLAUSE_MAX_WORDS or any(ch in DASHES or ch in '"“”«»„' for ch in clause):
        return False
    verb = next((k for k, w in enumerate(words[:5]) if w.lower() in _DASH_CLAUSE_VERBS), None)
    if verb is None:
        return False
    if verb == 0:
        return words[1][:1].isupper() or words[1].lower() in ("the", "a", "an", "this", "that")
    speaker = words[:verb]
    if verb == 1 and speaker[0].lower() in _SPEAKER_PRONOUNS:
        return True
    names = speaker[1:] if speaker[0].lower() == "the" else speaker
    return bool(names) and (speaker[0].lower() == "the" or all(w[:1].isupper() for w in names))


def _mark_at(text: str, i: int) -> str | None:
    two = text[i : i + 2]
    if two in ("``", "''"):
        return two
    ch = text[i]
    if ch in PAIRS:
        return ch
    return None


# "– We had to import grain, Virtanen says.": a dash line whose reporting clause follows a comma at its end.
# Up to eleven words: "…, says deputy leader Anne Marit Sletten in the Farmers' Union."
_TRAILING_CLAUSE = re.compile(r",[ \t]+((?:[\w.'’-]+[ \t]+){0,10}[\w.'’-]+)[.!]?[ \t]*$")


# ", — Mr. Sobolev objected, — ": the author's words set inside a quotation by two dashes (Russian typesetting).
_INNER_CLAUSE = re.compile(rf",[ \t]*[{DASHES}][ \t]+(?P<clause>[^{DASHES}«»\"“”\n]{{3,80}}?),[ \t]*[{DASHES}][ \t]+")


def _inner_reporting_clause(text: str, inner_start: int, close: tuple[int, int, str] | None) -> tuple[int, int] | None:
    """(end of the first part, start of the second) when a closed quotation holds its own reporting clause."""
    if close is None or close[2] in DASHES:
        return None
    m = _INNER_CLAUSE.search(text, inner_start, close[0])
    if m is None or not any(w.lower() in _SPEECH_FORMS for w in _WORD_RE.findall(m["clause"])):
        return None
    return m.start(), m.end()


_NOT_A_CLAUSE_START = frozenset("and but or so yet then which who that".split())
_NOT_REPORTING = frozenset("will would can could should must may might to not".split())


def _trailing_reporting_clause(text: str, i: int, para_end: int) -> tuple[int, int, str] | None:
    """The comma before a short reporting clause that ends a dash-opened paragraph, as a closer."""
    m = _TRAILING_CLAUSE.search(text, i, para_end)
    if m is None or m.start() <= i + 1:
        return None
    words = [w.lower() for w in _WORD_RE.findall(m.group(1))]
    verb = next((k for k, w in enumerate(words) if w in _SPEECH_FORMS), None)
    if verb is None or words[0] in _NOT_A_CLAUSE_START or any(w in _NOT_REPORTING for w in words[:verb]):
        return None  # ", and we will continue to do so.": the sentence goes on, nobody is reported
    return m.start(), m.start() + 1, ","


def _dialogue_dash(text: str, i: int, para_end: int) -> bool:
    """A paragraph-opening dash of dialogue: "— Text", "—Text" (Spanish typesetting) or "- Text" (a hyphen
    standing in for the dash, as plain-text copies of translated news have it)."""
    if i + 1 >= para_end:
        return False
    nxt = text[i + 1]
    if text[i] in DASHES:
        return nxt.isspace() or nxt.isupper() or nxt in "¿¡"
    return text[i] == "-" and nxt == " " and i + 2 < para_end and text[i + 2].isupper()


def _find_close(text: str, opener: str, i: int, para_end: int, hyphen: bool = False) -> tuple[int, int, str] | None:
    """Return (close_start, close_end, closer) of the quotation opened at i, inside its paragraph.

    A dash opener closes with a quotation mark (the mismatched pair of translated text) or with a dash before
    a reporting clause; any opener may close with such a dash when no mark closes it.
    """
    closers = PAIRS.get(opener, "") if opener not in DASHES else '"”“»'
    j = i + len(opener)
    dash_close: tuple[int, int, str] | None = None
    while j < para_end:
        ch = text[j]
        if opener in ("``", "''"):
            if text[j : j + 2] == "''":
                return j, j + 2, "''"
        elif ch in closers:
            if _closing_position(text, j, para_end):
                return j, j + 1, ch
            if ch in PAIRS and _opening_position(text, j, 1, i):
                # A nested quotation ('"He said "no" today"'): skip over its pair.
                inner = _find_close(text, ch, j, para_end)
                if inner is not None and inner[2] not in DASHES:
                    j = inner[1]
                    continue
            return j, j + 1, ch
        elif ch in "«„“" and (opener in "«„" or (opener in DASHES and ch != "“")):
            # A «…» pair inside a quotation (or inside a dash-opened line) is a nested quotation.
            inner = _find_close(text, ch, j, para_end)
            if inner is not None and inner[2] not in DASHES:
                j = inner[1]
                continue
        spaced_hyphen = hyphen and ch == "-" and text[j - 1] == " " and text[j + 1 : j + 2] == " "
        is_dash = ch in DASHES or spaced_hyphen
        if is_dash and dash_close is None and j > i + 1 and _dash_closes(text, j, para_end, opener):
            dash_close = (j, j + 1, ch)
            if opener in DASHES:
                return dash_close
        j += 1
    return dash_close


# A reporting clause after a comma: ", said Senator Brown", ", the minister added", ", she told reporters".
_REPORTING_AFTER_COMMA = re.compile(
    r",[ \t]+(?:(?:[\w.'’-]+[ \t]+){0,5})?(?:said|says|told|tells|added|adds|asked|asks|stressed|stresses|noted|"
    r"notes|explained|explains|insisted|insists|declared|declares|stated|states|warned|warns|replied|replies|wrote|"
    r"writes)\b"
)


def _continued(text: str, next_start: int | None) -> bool:
    """Whether the next paragraph opens with a quotation mark: the convention for a quotation that runs on."""
    return next_start is not None and _mark_at(text, next_start) is not None


def _lost_close(text: str, inner_start: int, para_end: int) -> tuple[int, int, str] | None:
    """Where an unclosed quotation most likely ended: at the comma before its first reporting clause."""
    m = _REPORTING_AFTER_COMMA.search(text, inner_start, para_end)
    return (m.start() + 1, m.start() + 1, "") if m is not None else None


# "… for 20 years. - You can walk into the water - she said.": Hungarian and Polish news run a dialogue line on
# after the narration in the same paragraph. Such a dash (after a finished sentence, spaced, before a capital)
# opens a quotation only when a dash before a reporting clause closes it.
_MID_DIALOGUE = re.compile(rf"[{DASHES}-](?<=[.!?…] [{DASHES}-])(?= [A-Z])")


def _next_opening(text: str, i: int, para_end: int) -> int:
    """The next position after `i` that may open a quotation: a mark, or a dash after a sentence."""
    hit = _MARK_START.search(text, i, para_end)
    end = hit.start() if hit is not None else para_end
    dash = _MID_DIALOGUE.search(text, i, end)
    return dash.start() if dash is not None else end


# Danish, German, Slovenian and Croatian print guillemets the other way round: »like this«. A text whose guillemets
# open with "»" (right before a word) and close with "«" is read with the two swapped: one character for one, so
# every offset stays where it was.
_REVERSED_OPENING = re.compile(r"(?:^|[\s(\[:–—-])»(?=[\w\d.…])", re.MULTILINE)
_FORWARD_OPENING = re.compile(r"(?:^|[\s(\[:–—-])«(?=[\w\d.…\u00a0 ])", re.MULTILINE)
_SWAP_GUILLEMETS = str.maketrans("»«›‹", "«»‹›")


def find_quotations(text: str, start: int = 0, end: int | None = None) -> list[Quotation]:
    """Find quotations in text[start:end] (the article body)."""
    body = text[start:end]
    if "»" in body and len(_REVERSED_OPENING.findall(body)) > len(_FORWARD_OPENING.findall(body)):
        swapped = _find_quotations(text.translate(_SWAP_GUILLEMETS), start, end)
        return [
            dataclasses.replace(
                q,
                opener=q.opener.translate(_SWAP_GUILLEMETS),
                closer=q.closer.translate(_SWAP_GUILLEMETS),
                text_slice=text[q.inner_start : q.inner_end] if q.text_slice else q.text_slice,
            )
            for q in swapped
        ]
    return _find_quotations(text, start, end)


def _find_quotations(text: str, start: int, end: int | None) -> list[Quotation]:
    quotes: list[Quotation] = []
    previous_unclosed = False
    spans = list(paragraphs(text, start, end))
    for n, (p_start, p_end) in enumerate(spans):
        next_start = spans[n + 1][0] if n + 1 < len(spans) else None
        i = p_start
        first = True
        while i < p_end:
            opener = None
            inside = not first and _MID_DIALOGUE.match(text, i) is not None
            if (first or inside) and _dialogue_dash(text, i, p_end):
                opener = "—" if text[i] == "-" else text[i]
            else:
                mark = _mark_at(text, i)
                if mark and _opening_position(text, i, len(mark), p_start):
                    opener = mark
                inside = False
            first = False
            if opener is None:
                # On to the next character that can open a quotation (a dash only at the paragraph start or
                # after a sentence, see _MID_DIALOGUE).
                i = _next_opening(text, i + 1, p_end)
                continue
            close = _find_close(text, opener, i, p_end, hyphen=text[i] == "-")
            if inside and (close is None or close[2] not in DASHES + "-"):
                i += 1  # a dash after a sentence is dialogue only when a dash before a reporting clause closes it
                continue
            if close is None and opener in DASHES:
                close = _trailing_reporting_clause(text, i, p_end)
            if close is None and opener not in DASHES and not _continued(text, next_start):
                # No closing mark, and the next paragraph does not go on with the quotation: a mark was lost.
                # '"We will never accept this, said Senator Brown.' closes before its reporting clause.
                close = _lost_close(text, i + len(opener), p_end)
            if text[i] == "-" and close is None:
                # A hyphen opens dialogue only when a reporting clause closes it: else it is a list's bullet.
                i += 1
                continue
            inner_start = i + 1 if opener in DASHES else i + len(opener)
            while inner_start < p_end and text[inner_start].isspace():
                inner_start += 1
            split = _inner_reporting_clause(text, inner_start, close) if opener not in DASHES else None
            if split is not None:
                # «Negotiate, — Mr. Sobolev objected, — you can …»: two quotations around the author's words.
                close, rest = (split[0], split[0], DASHES[0]), (split[1], close)
            else:
                rest = None
            if close is None:
                # Unbalanced: the quotation runs to the end of the paragraph (it may continue in the next one).
                inner_end, outer_end, closer = p_end, p_end, ""
            else:
                inner_end, outer_end, closer = close[0], close[1], close[2]
                if closer in DASHES:
                    outer_end = inner_end  # the dash belongs to the reporting clause, not to the quotation
            while inner_end > inner_start and text[inner_end - 1].isspace():
                inner_end -= 1
            if inner_end <= inner_start:
                i = outer_end if outer_end > i else i + 1
                continue
            continues = previous_unclosed and i == p_start and opener not in DASHES
            q = Quotation(
                start=i if opener not in DASHES else inner_start,
                end=outer_end,
                inner_start=inner_start,
                inner_end=inner_end,
                opener=opener,
                closer=closer,
                standalone=_stands_alone(text, i, p_start, opener),
                continues_previous=continues,
                text_slice=text[inner_start:inner_end],
            )
            quotes.append(q)
            if rest is not None:
                (second_start, (second_end, second_outer, second_closer)) = rest
                quotes.append(
                    Quotation(
                        start=second_start,
                        end=second_outer,
                        inner_start=second_start,
                        inner_end=second_end,
                        opener=opener,
                        closer=second_closer,
                        standalone=True,
                        text_slice=text[second_start:second_end],
                    )
                )
                outer_end = second_outer
            if opener in DASHES and closer in DASHES:
                resumed = _spanish_resumption(text, outer_end, p_end)
                if resumed is not None:
                    quotes.append(resumed)
                    outer_end = resumed.end
            # A dash line always runs to its paragraph's end; only a quotation mark left open carries over.
            previous_unclosed = closer == "" and outer_end == p_end and opener not in DASHES
            i = max(outer_end, i + 1)
        if not quotes or quotes[-1].end != p_end or quotes[-1].closer:
            previous_unclosed = previous_unclosed and bool(quotes) and quotes[-1].end == p_end
    return quotes


# "—Text —said the secretary during the conference—. More text.": Spanish typesetting closes the reporting
# clause with a dash glued to its last word, and the quotation goes on after it.
_RESUMING_DASH = re.compile(rf"(?<=\w)[{DASHES}][.,;]?[ \t]+(?=[A-ZÁÉÍÓÚÑ¿¡])")
_MAX_REPORTING_CLAUSE = 160


def _spanish_resumption(text: str, clause_start: int, para_end: int) -> Quotation | None:
    m = _RESUMING_DASH.search(text, clause_start, min(para_end, clause_start + _MAX_REPORTING_CLAUSE))
    if m is None or any(ch in DASHES for ch in text[clause_start + 1 : m.start()]):
        return None
    close = _find_close(text, text[m.start()], m.start(), para_end)
    inner_start = m.end()
    inner_end = close[0] if close is not None else para_end
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end <= inner_start:
        return None
    return Quotation(
        start=inner_start,
        end=inner_end,
        inner_start=inner_start,
        inner_end=inner_end,
        opener=text[m.start()],
        closer=close[2] if close is not None else "",
        standalone=True,
        continues_previous=True,
        text_slice=text[inner_start:inner_end],
    )


def _stands_alone(text: str, i: int, para_start: int, opener: str) -> bool:
    """Does the quotation begin its sentence, or follow a colon, or a comma after a reporting clause?"""
    if opener in DASHES or i == para_start:
        return True
    before = text[para_start:i].rstrip()
    if not before:
        return True
    last = before[-1]
    if last in ".!?:…":
        return True
    if last in '"”»’' and len(before) >= 2 and before[-2] in ".!?…":
        return True  # `"… checked." "No violation …," the head said`: a quotation right after a finished one
    if last == ",":
        # `Limbaugh told his radio audience on Monday, "…"`: a reporting verb earlier in the same sentence.
        sentence = re.split(r"[.!?…:]\s", before)[-1]
        words = [w.lower() for w in _WORD_RE.findall(sentence)]
        return any(w in _SPEECH_FORMS for w in words)
    return False
