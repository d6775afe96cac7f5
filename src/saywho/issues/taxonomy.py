"""Issue taxonomies: what a statement can be about, and the words that say so.

A taxonomy is a YAML file::

    name: russia-japan
    description: Issues of the Russian–Japanese dialogue.
    include: [other.yaml]          # optional: files (or packaged names) merged in first
    issues:
      - label: Kuril Islands
        description: The disputed southern Kuril Islands ("northern territories" in Japan).
        parent: territorial dispute            # optional; must be a label of the (merged) taxonomy
        keywords: [Kuril*, northern territories, Iturup]   # see below
        patterns: ['\\bHabomai\\b']            # regular expressions (case-insensitive)
        exclude: ['\\bKuril Basin\\b']         # a mention overlapping one of these is ignored
        weak:                                  # evidence that counts only with support nearby
          - patterns: ['\\bterritorial (?:issue|dispute)s?\\b']
            context: ['\\bKuril', 'northern territories']   # default: this issue's own strong patterns
            scope: article                     # paragraph (default) or article
        languages:                             # patterns for one language only (ISO 639-1 code)
          ru:
            keywords: [Курил*, северн* территори*]

Stance (see stance.py) reads what a statement does to an issue through `actions`: verbs (and their nouns) that take
an issue as their object, by the kind of issue, with what doing them says about the speaker's position::

    actions:                                   # top level: one entry per kind of issue
      measure:                                 # a policy, a measure, an agreement, a project
        support: [impose, extend, keep]        # keywords; or {keywords: [...], patterns: [...]}
        oppose: [lift, ease, scrap*]           # "lift the sanctions" is against them, "not lift" for them
        languages:
          ru: {support: [продл*], oppose: [сня*]}
    issues:
      - label: war and conflict
        kind: problem                          # default: measure; must be a kind of `actions`
        actions: {support: [...], oppose: [...]}   # optional: this issue's own words, which win over its kind's

A taxonomy (with its includes) that defines no `actions` gets the packaged ones (`_stance.yaml`).

Top-level `keywords`/`patterns` apply to text in any language; `languages.<code>` adds patterns used only when the
article's language is `<code>` (or when its language is unknown). All matching is case-insensitive; a pattern can
scope case-sensitivity with `(?-i:...)`.

Keywords are lemma-like: each word matches itself and its common English inflections ("sanction" matches
"sanctions", "sanctioned"; "economy" matches "economies"); a word ending in `*` is a prefix ("Курил*" matches
"Курильских"); words of a multi-word keyword may be joined by spaces, hyphens or dashes in the text.

`include` merges whole taxonomies: an issue defined in several files keeps one entry whose patterns are the union,
and whose parent and description come from the last file that sets them (the including file wins).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as _sre  # the parse tree of a pattern gives its literal prefixes (see _prefixes)
from re import _parser as _sre_parse
from typing import Any

from saywho.errors import SaywhoError

TAXONOMY_ENV = "SAYWHO_TAXONOMY"
DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_NAME = "default"
SCOPES = ("paragraph", "article")

_FLAGS = re.IGNORECASE | re.UNICODE


class TaxonomyError(SaywhoError, ValueError):
    """A taxonomy file that cannot be used: bad YAML, a bad pattern, an unknown parent, a cycle."""


@dataclass(frozen=True)
class WeakRule:
    """Patterns that tag an issue only when `context` (or the issue's strong patterns) occurs in the same scope."""

    patterns: tuple[re.Pattern[str], ...]
    context: tuple[re.Pattern[str], ...] = ()  # empty: the issue's own strong patterns
    scope: str = "paragraph"


@dataclass(frozen=True)
class LanguagePatterns:
    patterns: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    weak: tuple[WeakRule, ...] = ()


@dataclass(frozen=True)
class ActionWords:
    """Words that act on an issue as their object, by what doing so says about the actor's position on it."""

    support: tuple[re.Pattern[str], ...] = ()  # "extend (the sanctions)", "sign (the treaty)"
    oppose: tuple[re.Pattern[str], ...] = ()  # "lift (the sanctions)", "scrap (the tariffs)"

    def __bool__(self) -> bool:
        return bool(self.support or self.oppose)


# Action words by language: None holds the words for any language, a code those for that language only.
ActionLexicon = dict[str | None, ActionWords]
DEFAULT_KIND = "measure"
STANCE_FILE = "_stance.yaml"  # the packaged action words: a taxonomy without its own gets these


@dataclass(frozen=True)
class Issue:
    label: str
    description: str = ""
    parent: str | None = None
    common: LanguagePatterns = field(default_factory=LanguagePatterns)
    languages: dict[str, LanguagePatterns] = field(default_factory=dict)
    kind: str = DEFAULT_KIND  # which action words apply (a key of Taxonomy.kinds)
    actions: ActionLexicon = field(default_factory=dict)  # this issue's own action words: they win over its kind's

    def for_language(self, language: str | None) -> list[LanguagePatterns]:
        """The pattern sets that apply to text in `language` (all of them when the language is unknown)."""
        if language is None:
            return [self.common, *self.languages.values()]
        extra = self.languages.get(language)
        return [self.common, extra] if extra else [self.common]

    def strong(self, language: str | None) -> list[re.Pattern[str]]:
        return [p for lp in self.for_language(language) for p in lp.patterns]

    def excludes(self, language: str | None) -> list[re.Pattern[str]]:
        return [p for lp in self.for_language(language) for p in lp.exclude]

    def weak_rules(self, language: str | None) -> list[WeakRule]:
        return [w for lp in self.for_language(language) for w in lp.weak]


@dataclass(frozen=True)
class Mention:
    """Where the text names an issue."""

    label: str
    start: int
    end: int
    weak: bool = False


# An issue's label, its strong patterns and its exclusions (each as one regex), and the strong patterns' prefilter.
_IssuePatterns = tuple[str, re.Pattern[str], "re.Pattern[str] | None", "_Prefilter | None"]


@dataclass
class Taxonomy:
    name: str
    issues: dict[str, Issue]
    description: str = ""
    source: str | None = None
    kinds: dict[str, ActionLexicon] = field(default_factory=dict)  # action words by kind of issue
    _combined_cache: dict[str | None, list[_IssuePatterns]] = field(default_factory=dict, repr=False, compare=False)
    _prefilter_cache: dict[tuple[str | None, bool], _Prefilter | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    _action_cache: dict[tuple[str, str | None], list[tuple[re.Pattern[str], int]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def labels(self) -> list[str]:
        return list(self.issues)

    def __contains__(self, label: object) -> bool:
        return label in self.issues

    def __len__(self) -> int:
        return len(self.issues)

    def get(self, label: str) -> Issue | None:
        return self.issues.get(label)

    def ancestors(self, label: str) -> list[str]:
        """Parent, grandparent, …, of `label` (nearest first)."""
        out: list[str] = []
        cur = self.issues[label].parent if label in self.issues else None
        while cur is not None and cur not in out:
            out.append(cur)
            cur = self.issues[cur].parent if cur in self.issues else None
        return out

    def children(self, label: str) -> list[str]:
        return [i.label for i in self.issues.values() if i.parent == label]

    def descendants(self, label: str) -> list[str]:
        return [other for other in self.issues if label in self.ancestors(other)]

    def action_words(self, label: str, language: str | None) -> list[tuple[re.Pattern[str], int]]:
        """The action words that apply to issue `label` in `language`, each as one regex with its sign (+1: doing it
        supports the issue, -1: opposes it); the issue's own words first, then its kind's."""
        key = (label, language)
        if key not in self._action_cache:
            issue = self.issues[label]
            out: list[tuple[re.Pattern[str], int]] = []
            for lexicon in (issue.actions, self.kinds.get(issue.kind, {})):
                words = [w for code, w in lexicon.items() if code is None or language is None or code == language]
                support = [p for w in words for p in w.support]
                oppose = [p for w in words for p in w.oppose]
                out += [(_union(patterns), sign) for sign, patterns in ((1, support), (-1, oppose)) if patterns]
            self._action_cache[key] = out
        return self._action_cache[key]

    def find(self, text: str, start: int = 0, end: int | None = None, language: str | None = None) -> list[Mention]:
        """Strong mentions of every issue in `text[start:end]`, excluded ones dropped, in text order."""
        end = len(text) if end is None else end
        # Most ranges name no issue: one cheap search (see _Prefilter) settles those. Otherwise each issue's own
        # prefilter says whether, and from where, its patterns need to run: no mention starts before that.
        scan_from = _first_candidate(self._prefilter(language, weak=False), text, start, end)
        if scan_from is None:
            return []
        out: list[Mention] = []
        for label, strong, exclude, prefilter in self._combined(language):
            first = _first_candidate(prefilter, text, scan_from, end)
            if first is None:
                continue
            found = [(m.start(), m.end()) for m in strong.finditer(text, first, end) if m.end() > m.start()]
            if not found:
                continue
            excluded = [(m.start(), m.end()) for m in exclude.finditer(text, start, end)] if exclude else []
            for s, e in found:
                if not any(s < xe and xs < e for xs, xe in excluded):
                    out.append(Mention(label, s, e))
        return sorted(set(out), key=lambda m: (m.start, m.end, m.label))

    def _combined(self, language: str | None) -> list[_IssuePatterns]:
        """Per issue, its strong patterns (and its exclusions) for `language` as one regular expression each."""
        cache = self._combined_cache
        if language not in cache:
            combined = []
            for issue in self.issues.values():
                strong = issue.strong(language)
                if not strong:
                    continue
                excludes = issue.excludes(language)
                combined.append(
                    (issue.label, _union(strong), _union(excludes) if excludes else None, _Prefilter.of(strong))
                )
            cache[language] = combined
        return cache[language]

    def find_weak(self, text: str, start: int, end: int, language: str | None = None) -> list[tuple[Mention, WeakRule]]:
        """Weak mentions in `text[start:end]` with the rule that needs support (the caller checks the support)."""
        scan_from = _first_candidate(self._prefilter(language, weak=True), text, start, end)  # as in `find`
        if scan_from is None:
            return []
        out: list[tuple[Mention, WeakRule]] = []
        for issue in self.issues.values():
            # A list, not the generator: every weak mention is checked against all the exclusions.
            excluded = list(_spans(issue.excludes(language), text, start, end))
            for rule in issue.weak_rules(language):
                for s, e in _spans(rule.patterns, text, scan_from, end):
                    if not any(s < xe and xs < e for xs, xe in excluded):
                        out.append((Mention(issue.label, s, e, weak=True), rule))
        return sorted(out, key=lambda me: (me[0].start, me[0].end, me[0].label))

    def supported(self, label: str, rule: WeakRule, text: str, start: int, end: int, language: str | None) -> bool:
        """Does `text[start:end]` (the rule's scope) contain the rule's context, or the issue's strong patterns?"""
        patterns = rule.context or tuple(self.issues[label].strong(language))
        return any(p.search(text, start, end) for p in patterns)

    def _prefilter(self, language: str | None, weak: bool) -> _Prefilter | None:
        """The prefilter of the strong (or weak) patterns of all issues for `language`, built on first use."""
        key = (language, weak)
        if key not in self._prefilter_cache:
            if weak:
                patterns = [p for i in self.issues.values() for r in i.weak_rules(language) for p in r.patterns]
            else:
                patterns = [p for i in self.issues.values() for p in i.strong(language)]
            self._prefilter_cache[key] = _Prefilter.of(patterns)
        return self._prefilter_cache[key]


# --- prefilters ------------------------------------------------------------------------------------------------
# Python's regex engine tries every alternative of a pattern at every position, and under IGNORECASE it cannot
# skip ahead to a likely first character: scanning a sentence with the few hundred keywords of a taxonomy is the
# cost of issue tagging. A match of nearly every pattern starts with a fixed run of characters ("\bsanction",
# "\bUS[\s\-]+Japan"), so one search for those runs (as a trie: a handful of alternatives per position) tells
# where a match can start, and that there is none in most sentences. The runs are cut from the patterns' parse
# trees with their own flags, so a run matches wherever its pattern does.

_CATEGORIES = {
    _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W", _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D",
}  # fmt: skip
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)  # \b, ^, lookarounds: they consume nothing
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
# A run: regex atoms, each with its kind: one of these.
_ZERO, _CLASS, _LITERAL = 0, 1, 2  # `\b` or what may match nothing ("s?"); a class ("\s+"); a literal character
_Run = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class _Prefilter:
    """Rules out the ranges where no pattern of a set can match, and tells where in the others a match can start."""

    starts: re.Pattern[str] | None  # the runs that the matches of most patterns start with
    inside: re.Pattern[str] | None  # for the other patterns: literals somewhere in every match

    @classmethod
    def of(cls, patterns: list[re.Pattern[str]]) -> _Prefilter | None:
        """None when some pattern has neither a run nor a literal: nothing can be skipped."""
        starts: set[_Run] = set()
        inside: set[_Run] = set()
        for p in patterns:
            prefixes, literals = _pattern_runs(p.pattern, p.flags)
            if prefixes:
                starts.update(prefixes)
            elif literals:
                inside.update(literals)
            else:
                return None
        if not starts and not inside:
            return None
        return cls(
            re.compile(_trie_regex(starts), _FLAGS) if starts else None,
            re.compile(_trie_regex(inside), _FLAGS) if inside else None,
        )

    def first(self, text: str, start: int, end: int) -> int | None:
        """The first offset in `text[start:end]` where a match can start; None: no pattern matches there."""
        if self.inside is not None and self.inside.search(text, start, end) is not None:
            return start
        hit = self.starts.search(text, start, end) if self.starts is not None else None
        return hit.start() if hit is not None else None


def _first_candidate(prefilter: _Prefilter | None, text: str, start: int, end: int) -> int | None:
    return prefilter.first(text, start, end) if prefilter is not None else start


@functools.lru_cache(maxsize=4096)
def _pattern_runs(pattern: str, flags: int) -> tuple[list[_Run] | None, list[_Run] | None]:
    """The runs that the matches of a pattern start with, else literals that they contain (None: unknown).

    Parsed once for all the prefilters that the pattern is in.
    """
    try:
        parsed = list(_sre_parse.parse(pattern, flags))
        prefixes = _prefixes(parsed, bool(flags & re.IGNORECASE), bool(flags & re.ASCII))
        if prefixes:
            return prefixes, None
        factors = _factors(parsed)
    except Exception:  # a parser that changed in another Python version: no shortcut, same results
        return None, None
    # A literal of one or two characters is in every sentence: not worth a search. Compiled case-insensitively,
    # a literal matches a superset of what it matches in the pattern.
    if not factors or min(map(len, factors)) < 3:
        return None, None
    return None, [tuple((re.escape(ch), _LITERAL) for ch in literal) for literal in factors]


def _prefixes(items: list[Any], ignorecase: bool, ascii: bool) -> list[_Run] | None:
    """The runs one of which every match of the parsed pattern `items` starts with; None: unknown.

    `ignorecase`, `ascii`: the pattern's flags (a run is compiled case-insensitively, `(?-i:...)` where the
    pattern is case-sensitive; `\\b` and classes are left out under ASCII, where they mean something else).
    """
    runs = [_shortened(run) for run, _complete in _runs(items, 0, ignorecase, ascii)]
    # Each run must consume something: a run that may match nothing would be found anywhere.
    if not all(any(kind != _ZERO for _regex, kind in run) for run in runs):
        return None
    return list(dict.fromkeys(runs))


# A dozen characters rule out nearly every place where a run does not match (past the first word of "\bUS[\s\-]+
# Japan" or "\bnew[\s\-]+prime minister"); the rest of a long run would only make the prefilter slower to compile.
_MAX_RUN_CHARACTERS = 12


def _shortened(run: _Run) -> _Run:
    consumed = 0
    for i, (_regex, kind) in enumerate(run):
        consumed += kind != _ZERO
        if consumed > _MAX_RUN_CHARACTERS:
            return run[:i]
    return run


# Alternatives multiply ("peac(?:e|es|ed|ing|e's|e’s)[\s\-]+treat(?:y|ies|ied|ying)" has 24 runs); past this
# many, a group's alternatives stay one atom.
_MAX_RUNS = 64


def _runs(items: list[Any], k: int, ignorecase: bool, ascii: bool) -> list[tuple[_Run, bool]]:
    """What a match of `items[k:]` starts with: runs, each with whether it spells out all of `items[k:]`."""
    if k == len(items):
        return [((), True)]
    op, av = items[k]
    if op is _sre.AT and av is _sre.AT_BOUNDARY and not ascii:
        head: list[tuple[_Run, bool]] = [(((r"\b", _ZERO),), True)]
    elif op in _ZERO_WIDTH:
        head = [((), True)]
    elif (atom := _atom(op, av, ignorecase, ascii)) is not None:
        head = [(((atom, _LITERAL if op is _sre.LITERAL else _CLASS),), True)]
    elif op in _REPEATS and len(av[2]) == 1 and (body := _atom(*av[2][0], ignorecase, ascii)) is not None:
        quantified = f"(?:{body}){{{av[0]},{'' if av[1] is _sre.MAXREPEAT else av[1]}}}"
        head = [(((quantified, _CLASS if av[0] >= 1 else _ZERO),), True)]
    elif op is _sre.SUBPATTERN:
        _group, add, remove, sub = av
        head = _runs(
            list(sub),
            0,
            bool(add & re.IGNORECASE) or (ignorecase and not remove & re.IGNORECASE),
            bool(add & re.ASCII) or (ascii and not add & re.UNICODE),
        )
    elif op is _sre.BRANCH:
        head = [run for alternative in av[1] for run in _runs(list(alternative), 0, ignorecase, ascii)]
    elif op in _REPEATS:
        # The repeated part once (the rest of the pattern need not follow: it may repeat), or not at all.
        once = [] if av[0] == 0 and av[1] == 0 else _runs(list(av[2]), 0, ignorecase, ascii)
        head = [(run, complete and av[1] == 1) for run, complete in once]
        if av[0] == 0:
            head.append(((), True))
    else:
        return [((), False)]  # anything else: the runs end here
    if not any(complete for _run, complete in head):
        return head
    rest = _runs(items, k + 1, ignorecase, ascii)
    if len(head) * len(rest) > _MAX_RUNS:
        if not all(complete for _run, complete in head):
            return [(run, False) for run, _complete in head]
        # One atom for the alternatives ("(?:s|es|ed|...)"), so that the runs go on without multiplying.
        regex = "(?:" + "|".join("".join(regex for regex, _kind in run) for run, _complete in head) + ")"
        consumes = all(any(kind != _ZERO for _regex, kind in run) for run, _complete in head)
        head = [(((regex, _CLASS if consumes else _ZERO),), True)]
    return [
        (run + more, more_complete) if complete else (run, False)
        for run, complete in head
        for more, more_complete in (rest if complete else [((), False)])
    ]


def _atom(op: Any, av: Any, ignorecase: bool, ascii: bool) -> str | None:
    """One character of a pattern (a literal or a class) as a regex, or None for anything else."""
    if op is _sre.LITERAL:
        atom = re.escape(chr(av))
    elif op is _sre.IN and not ascii and all(_separator(*item) for item in av):
        # Spaces and dashes between the words of a keyword: any non-word character will do for a prefilter, and
        # `\W` compiles at once where the class, repeated for every keyword, would take a good part of a second.
        return r"\W"
    elif op is _sre.IN and not ascii:
        parts = []
        for item_op, item in av:
            if item_op is _sre.NEGATE and not parts:
                parts.append("^")
            elif item_op is _sre.LITERAL:
                parts.append(re.escape(chr(item)))
            elif item_op is _sre.RANGE:
                parts.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
            elif item_op is _sre.CATEGORY and item in _CATEGORIES:
                parts.append(_CATEGORIES[item])
            else:
                return None
        atom = "[" + "".join(parts) + "]"
    else:
        return None
    return atom if ignorecase else f"(?-i:{atom})"


def _separator(op: Any, av: Any) -> bool:
    """Does this item of a class match non-word characters only, whatever the case-sensitivity?"""
    if op is _sre.LITERAL:
        ch = chr(av)
        return ch.lower() == ch == ch.upper() and not ch.isalnum() and ch != "_"
    return op is _sre.CATEGORY and av in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD)


def _factors(items: list[Any]) -> list[str] | None:
    """Literal strings one of which every match of the parsed sequence `items` contains; None: unknown."""
    best: list[str] | None = None

    def consider(candidate: list[str] | None) -> None:
        nonlocal best
        # The rarer the literals, the more ranges they rule out: prefer long ones.
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    literal: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            literal.append(chr(av))
            continue
        consider(["".join(literal)] if literal else None)
        literal = []
        if op is _sre.SUBPATTERN:
            consider(_factors(list(av[-1])))
        elif op is _sre.BRANCH:
            consider(_all_or_none(_factors(list(alternative)) for alternative in av[1]))
        elif op in _REPEATS and av[0] >= 1:
            consider(_factors(list(av[2])))
    consider(["".join(literal)] if literal else None)
    return best


def _all_or_none(options: Iterable[list[str] | None]) -> list[str] | None:
    """The literals of all alternatives, or None when one alternative has none (it could match anything)."""
    out: list[str] = []
    for found in options:
        if found is None:
            return None
        out += found
    return out


def _trie_regex(words: set[_Run]) -> str:
    """One alternation for `words`, factored by common prefixes. A word that extends another adds nothing."""
    trie: dict[Any, Any] = {}
    for word in sorted(words, key=len):
        node = trie
        for atom in word:
            if "" in node:
                break
            node = node.setdefault(atom, {})
        else:
            node.clear()
            node[""] = {}

    def build(node: dict[Any, Any]) -> str:
        if "" in node:
            return ""
        alternatives = [atom[0] + build(child) for atom, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return build(trie)


def _union(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    if len(patterns) == 1:
        return patterns[0]
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), _FLAGS)


def _spans(patterns: Iterable[re.Pattern[str]], text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for p in patterns:
        for m in p.finditer(text, start, end):
            if m.end() > m.start():
                yield m.start(), m.end()


# --- loading -----------------------------------------------------------------------------------------------------


def packaged_taxonomies() -> list[str]:
    """Names of the taxonomies shipped with saywho (usable wherever a path is); `_name.yaml` files are parts."""
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml") if not p.stem.startswith("_"))


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load a taxonomy from a YAML file, or a packaged one by name ("default", "russia-japan").

    With `path=None`: the file or name in the environment variable SAYWHO_TAXONOMY, else the packaged default.
    """
    if path is None:
        path = os.environ.get(TAXONOMY_ENV) or DEFAULT_NAME
    return _load_cached(str(_resolve(path)))


def _resolve(path: str | Path) -> Path:
    p = Path(path).expanduser()
    if p.is_file():
        return p.resolve()
    packaged = DATA_DIR / f"{path}.yaml"
    if isinstance(path, str) and "/" not in path and packaged.is_file():
        return packaged.resolve()
    raise TaxonomyError(f"no taxonomy file {str(path)!r} (packaged taxonomies: {', '.join(packaged_taxonomies())})")


@functools.lru_cache(maxsize=16)
def _load_cached(path: str) -> Taxonomy:
    raw = _merge_file(Path(path), seen=())
    return _taxonomy(raw, path, source=path)


def _taxonomy(raw: dict[str, Any], where: str, source: str | None = None) -> Taxonomy:
    kinds = _build_kinds(raw["kinds"], where) if raw["kinds"] else _packaged_kinds()
    issues = _build(raw["issues"], where, kinds)
    return Taxonomy(name=raw["name"], issues=issues, description=raw["description"], source=source, kinds=kinds)


@functools.lru_cache(maxsize=1)
def _packaged_kinds() -> dict[str, ActionLexicon]:
    """The packaged action words, for a taxonomy that brings none of its own."""
    path = DATA_DIR / STANCE_FILE
    return _build_kinds(_merge_file(path, seen=())["kinds"], str(path))


def taxonomy_from_yaml(text: str, source: str = "<string>") -> Taxonomy:
    """Build a taxonomy from YAML text (`include` is not allowed here: there is no directory to resolve it in)."""
    data = _parse_yaml(text, source)
    if data.get("include"):
        raise TaxonomyError(f"{source}: include is only allowed in taxonomy files")
    return _taxonomy(_merge([], {}, data, source), source)


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - PyYAML is a dependency
        raise TaxonomyError("reading a taxonomy needs PyYAML (pip install pyyaml)") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise TaxonomyError(f"{source}: a taxonomy is a mapping with a list of issues")
    return data


def _merge_file(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    if path in seen:
        raise TaxonomyError(f"{path}: include cycle")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc}") from exc
    data = _parse_yaml(text, str(path))
    entries: list[dict[str, Any]] = []
    kinds: dict[str, dict[str, Any]] = {}
    for inc in _as_list(data.get("include"), f"{path}: include"):
        inc_path = path.parent / inc if (path.parent / inc).is_file() else _resolve(inc)
        included = _merge_file(inc_path.resolve(), (*seen, path))
        entries.extend(included["issues"])
        for kind, lexicon in included["kinds"].items():
            _merge_lexicon(kinds.setdefault(kind, {}), lexicon)
    return _merge(entries, kinds, data, str(path))


def _merge(
    entries: list[dict[str, Any]], kinds: dict[str, dict[str, Any]], data: dict[str, Any], source: str
) -> dict[str, Any]:
    """Issues merged by label and kinds of action words merged by kind: the included ones, then `data`'s."""
    actions = data.get("actions") or {}
    if not isinstance(actions, dict):
        raise TaxonomyError(f"{source}: actions must map a kind of issue to its action words")
    for kind, spec in actions.items():
        if not isinstance(spec, dict) or set(spec) - {"description", "support", "oppose", "languages"}:
            raise TaxonomyError(f"{source}: actions.{kind} takes description, support, oppose, languages")
        _merge_lexicon(kinds.setdefault(str(kind), {}), _raw_lexicon(spec, f"{source}: actions.{kind}"))
    merged: dict[str, dict[str, Any]] = {}
    for entry in [*entries, *data["issues"]]:
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str) or not entry["label"].strip():
            raise TaxonomyError(f"{source}: every issue needs a label: {entry!r}")
        label = entry["label"].strip()
        if label not in merged:
            merged[label] = {"label": label, "languages": {}, "_sources": []}
        _merge_entry(merged[label], entry, source)
    return {
        "name": str(data.get("name") or Path(source).stem),
        "description": str(data.get("description") or ""),
        "issues": list(merged.values()),
        "kinds": kinds,
    }


_LIST_KEYS = ("keywords", "patterns", "exclude", "weak")
_POLARITIES = ("support", "oppose")


def _merge_entry(target: dict[str, Any], entry: dict[str, Any], source: str) -> None:
    where = f"{source}: issue {target['label']!r}"
    internal = {"_sources", "_actions"}  # an entry merged before (from an included file) has these
    unknown = set(entry) - {"label", "description", "parent", "kind", "actions", "languages", *internal, *_LIST_KEYS}
    if unknown:
        raise TaxonomyError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("description", "parent", "kind"):
        if entry.get(key):
            target[key] = str(entry[key]).strip()
    for key in _LIST_KEYS:
        target.setdefault(key, []).extend(_as_list(entry.get(key), f"{source}: {target['label']}: {key}"))
    actions = target.setdefault("_actions", {})
    _merge_lexicon(actions, entry.get("_actions") or {})
    if entry.get("actions") is not None:
        _merge_lexicon(actions, {"": _raw_words(entry["actions"], f"{where}: actions")})
    languages = entry.get("languages") or {}
    if not isinstance(languages, dict):
        raise TaxonomyError(f"{where}: languages must map a language code to patterns")
    for code, spec in languages.items():
        if not isinstance(spec, dict) or set(spec) - {*_LIST_KEYS, "actions"}:
            raise TaxonomyError(f"{where}: languages.{code} takes {[*_LIST_KEYS, 'actions']}")
        lang = target["languages"].setdefault(str(code), {})
        for key in _LIST_KEYS:
            lang.setdefault(key, []).extend(_as_list(spec.get(key), f"{source}: {target['label']}: {code}.{key}"))
        if spec.get("actions") is not None:
            _merge_lexicon(actions, {str(code): _raw_words(spec["actions"], f"{where}: languages.{code}.actions")})
    target["_sources"].append(source)


# Raw action words: {language code ("" for any language): {polarity: {"keywords": [...], "patterns": [...]}}}.


def _raw_lexicon(spec: dict[str, Any], where: str) -> dict[str, dict[str, dict[str, list[Any]]]]:
    """The raw action words of one kind: its own (any language) and its `languages`."""
    raw = {"": _raw_words(spec, where)}
    languages = spec.get("languages") or {}
    if not isinstance(languages, dict):
        raise TaxonomyError(f"{where}: languages must map a language code to support and oppose")
    for code, words in languages.items():
        raw[str(code)] = _raw_words(words, f"{where}: languages.{code}")
    return raw


def _raw_words(spec: Any, where: str) -> dict[str, dict[str, list[Any]]]:
    """{support: {keywords, patterns}, oppose: ...} from `support:`/`oppose:`, each a keyword list or a mapping."""
    if not isinstance(spec, dict) or set(spec) - {*_POLARITIES, "languages", "description"}:
        raise TaxonomyError(f"{where}: action words take support and oppose")
    out: dict[str, dict[str, list[Any]]] = {}
    for polarity in _POLARITIES:
        value = spec.get(polarity)
        if isinstance(value, dict):
            if set(value) - {"keywords", "patterns"}:
                raise TaxonomyError(f"{where}: {polarity} takes keywords and patterns")
            keywords, patterns = value.get("keywords"), value.get("patterns")
        else:
            keywords, patterns = value, None
        out[polarity] = {
            "keywords": _as_list(keywords, f"{where}: {polarity}"),
            "patterns": _as_list(patterns, f"{where}: {polarity}"),
        }
    return out


def _merge_lexicon(target: dict[str, Any], raw: dict[str, dict[str, dict[str, list[Any]]]]) -> None:
    for code, words in raw.items():
        for polarity, lists in words.items():
            slot = target.setdefault(code, {}).setdefault(polarity, {"keywords": [], "patterns": []})
            for key, values in lists.items():
                slot[key].extend(values)


def _build_kinds(raw: dict[str, dict[str, Any]], where: str) -> dict[str, ActionLexicon]:
    return {kind: _build_lexicon(lexicon, f"{where}: actions.{kind}") for kind, lexicon in raw.items()}


def _build_lexicon(raw: dict[str, Any], where: str) -> ActionLexicon:
    out: ActionLexicon = {}
    for code, words in raw.items():
        compiled = {
            polarity: tuple(
                [_keyword(k, where) for k in lists.get("keywords", [])]
                + [_regex(p, where) for p in lists.get("patterns", [])]
            )
            for polarity, lists in words.items()
        }
        action_words = ActionWords(compiled.get("support", ()), compiled.get("oppose", ()))
        if action_words:
            out[code or None] = action_words
    return out


def _as_list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        return [value]
    if isinstance(value, list):
        return value
    raise TaxonomyError(f"{where}: expected a list, got {type(value).__name__}")


def _build(entries: list[dict[str, Any]], source: str, kinds: dict[str, ActionLexicon]) -> dict[str, Issue]:
    issues: dict[str, Issue] = {}
    for e in entries:
        where = f"{source}: issue {e['label']!r}"
        common = _language_patterns(e, where)
        languages = {code: _language_patterns(spec, f"{where} ({code})") for code, spec in e["languages"].items()}
        if not common.patterns and not any(lp.patterns for lp in languages.values()):
            raise TaxonomyError(f"{where}: no keywords or patterns")
        kind = e.get("kind", DEFAULT_KIND)
        if kind not in kinds:
            raise TaxonomyError(f"{where}: unknown kind {kind!r} (kinds with action words: {', '.join(sorted(kinds))})")
        actions = _build_lexicon(e.get("_actions", {}), f"{where}: actions")
        issues[e["label"]] = Issue(
            e["label"], e.get("description", ""), e.get("parent"), common, languages, kind, actions
        )
    for issue in issues.values():
        if issue.parent is not None and issue.parent not in issues:
            raise TaxonomyError(f"{source}: issue {issue.label!r}: unknown parent {issue.parent!r}")
    for label in issues:
        seen = {label}
        cur = issues[label].parent
        while cur is not None:
            if cur in seen:
                raise TaxonomyError(f"{source}: issue {label!r}: parent cycle through {cur!r}")
            seen.add(cur)
            cur = issues[cur].parent
    return issues


def _language_patterns(spec: dict[str, Any], where: str) -> LanguagePatterns:
    patterns = [*(_keyword(k, where) for k in spec.get("keywords", [])), *(_regex(p, where) for p in spec["patterns"])]
    weak: list[WeakRule] = []
    for w in spec.get("weak", []):
        if isinstance(w, str):
            w = {"patterns": [w]}
        if not isinstance(w, dict) or set(w) - {"patterns", "keywords", "context", "scope"}:
            raise TaxonomyError(f"{where}: weak takes patterns, keywords, context, scope: {w!r}")
        scope = w.get("scope", "paragraph")
        if scope not in SCOPES:
            raise TaxonomyError(f"{where}: weak scope must be one of {SCOPES}, not {scope!r}")
        rule_patterns = [
            *(_keyword(k, where) for k in _as_list(w.get("keywords"), where)),
            *(_regex(p, where) for p in _as_list(w.get("patterns"), where)),
        ]
        context = tuple(_regex(p, where) for p in _as_list(w.get("context"), where))
        weak.append(WeakRule(tuple(rule_patterns), context, scope))
    return LanguagePatterns(tuple(patterns), tuple(_regex(p, where) for p in spec.get("exclude", [])), tuple(weak))


def _regex(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise TaxonomyError(f"{where}: a pattern must be a non-empty string: {pattern!r}")
    try:
        compiled = re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise TaxonomyError(f"{where}: bad pattern {pattern!r}: {exc}") from exc
    if compiled.search(""):
        raise TaxonomyError(f"{where}: pattern {pattern!r} matches the empty string")
    return compiled


def keyword_regex(keyword: str) -> str:
    """The regular expression a keyword stands for (see the module docstring)."""
    words = keyword.split()
    if not words:
        raise ValueError("empty keyword")
    parts = []
    for w in words:
        if w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"\w*")
        elif w[-1:].lower() == "y" and len(w) > 3:
            parts.append(re.escape(w[:-1]) + r"(?:y|ies|ied|ying)")
        elif w[-1:].isalpha():
            stem = w[:-1] if w[-1:].lower() == "e" else w
            tail = r"(?:e|es|ed|ing|e's|e’s)" if stem != w else r"(?:s|es|ed|ing|'s|’s)?"
            parts.append(re.escape(stem) + tail)
        else:
            parts.append(re.escape(w))
    # \b is much faster than the equivalent lookarounds (the regex engine can skip ahead), so use it where the
    # keyword starts (ends) with a word character.
    head = r"\b" if re.match(r"\w", words[0]) else r"(?<!\w)"
    tail = r"\b" if re.search(r"[\w*]$", words[-1]) else r"(?!\w)"
    return head + r"[\s\-‐‑–—]+".join(parts) + tail


def _keyword(keyword: Any, where: str) -> re.Pattern[str]:
    if not isinstance(keyword, str) or not keyword.strip():
        raise TaxonomyError(f"{where}: a keyword must be a non-empty string: {keyword!r}")
    return re.compile(keyword_regex(keyword), _FLAGS)
