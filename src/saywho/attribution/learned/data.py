"""PolNeAR documents parsed exactly as the pipeline parses them, cached on disk, and their BIO labels.

The pipeline parses the article body paragraph by paragraph (`saywho.pipeline.body_range`, then
`saywho.attribution.quotes.paragraphs`); training must see the same tokens and parses, so it uses the same
functions. Parses are cached as spaCy `DocBin`s under ~/.cache/saywho (or $SAYWHO_CACHE_DIR): a cache entry
is keyed by the texts and the spaCy model and version, so it can never go stale silently.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from saywho.attribution.quotes import Quotation, find_quotations, paragraphs
from saywho.eval.brat import AttributionFrags, read_gold
from saywho.nlp.english import Paragraph

CACHE_ENV = "SAYWHO_CACHE_DIR"

OUTSIDE = "O"


@dataclass
class ParsedDoc:
    name: str
    text: str
    gold: list[AttributionFrags]
    paragraphs: list[Paragraph]
    quotes: list[Quotation]


def cache_dir() -> Path:
    root = os.environ.get(CACHE_ENV) or os.path.join(os.path.expanduser("~"), ".cache", "saywho")
    return Path(root) / "parsed"


def body_range(text: str) -> tuple[int, int]:
    # Imported lazily: saywho.pipeline imports the attribution package, which imports this module's users.
    from saywho.pipeline import body_range as pipeline_body_range

    return pipeline_body_range(text)


def _cache_key(nlp: Language, docs: Sequence[tuple[str, str, list[tuple[int, int]]]]) -> str:
    h = hashlib.sha256()
    h.update(f"{spacy.__version__}|{nlp.meta.get('name')}|{nlp.meta.get('version')}|{nlp.pipe_names}".encode())
    # saywho's changes to the tokenizer (nlp.english) change the parses: its special cases and patterns are keyed.
    tokenizer = nlp.tokenizer
    h.update("|".join(sorted(tokenizer.rules)).encode())
    for search in (tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer, tokenizer.token_match):
        h.update(str(getattr(getattr(search, "__self__", None), "pattern", None)).encode())
    for name, text, spans in docs:
        h.update(name.encode())
        h.update(hashlib.sha256(text.encode()).digest())
        h.update(json.dumps(spans).encode())
    return h.hexdigest()[:20]


def load_split(split_dir: str | os.PathLike[str], nlp: Language, use_cache: bool = True) -> list[ParsedDoc]:
    """Every gold document of a PolNeAR split, parsed paragraph by paragraph like the pipeline does."""
    gold = read_gold(split_dir)
    layout: list[tuple[str, str, list[tuple[int, int]]]] = []
    for name in sorted(gold):
        text = gold[name].text
        start, end = body_range(text)
        layout.append((name, text, list(paragraphs(text, start, end))))
    key = _cache_key(nlp, layout)
    path = cache_dir() / f"{Path(split_dir).name}-{key}.spacy"
    docs = None
    if use_cache and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) != sum(len(spans) for _, _, spans in layout):
            docs = None
    if docs is None:
        texts = [text[s:e] for _, text, spans in layout for s, e in spans]
        docs = list(nlp.pipe(texts, batch_size=64))
        if use_cache:
            path.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            for d in docs:
                bin_.add(d)
            tmp = path.with_suffix(".tmp")
            bin_.to_disk(tmp)
            tmp.replace(path)
    out: list[ParsedDoc] = []
    k = 0
    for name, text, spans in layout:
        pars = [Paragraph(s, docs[k + j]) for j, (s, _) in enumerate(spans)]
        k += len(spans)
        start, end = body_range(text)
        out.append(ParsedDoc(name, text, gold[name].attributions, pars, find_quotations(text, start, end)))
    return out


# --------------------------------------------------------------------------- labels


def _label_fragments(par: Paragraph, frags: list[tuple[str, tuple[int, int]]], labels: list[str]) -> None:
    """Write B-/I- labels for each (tag, fragment) in order, skipping a fragment that overlaps one written before."""
    for tag, (a, b) in frags:
        ids = [
            t.i
            for t in par.doc
            if not t.is_space and min(b, par.offset + t.idx + len(t.text)) - max(a, par.offset + t.idx) > 0
        ]
        if not ids or any(labels[i] != OUTSIDE for i in range(ids[0], ids[-1] + 1)):
            continue
        for i in range(ids[0], ids[-1] + 1):
            labels[i] = ("B-" if i == ids[0] else "I-") + tag


def paragraph_labels(par: Paragraph, gold: list[AttributionFrags]) -> dict[str, list[str]]:
    """BIO labels of one paragraph for each tagger: "content" (C), "srccue" (S for source, Q for cue), and
    "source" and "cue" alone.

    PolNeAR contents do not nest (on dev no content fragment of 2,515 lies inside another); should two overlap, the
    longest is kept.
    """
    n = len(par.doc)
    lo, hi = par.offset, par.end

    def inside(f: tuple[int, int]) -> bool:
        return f[1] > lo and f[0] < hi

    contents = [f for att in gold for f in att["content"] if inside(f)]
    contents.sort(key=lambda f: (f[0] - f[1], f[0]))
    content_labels = [OUTSIDE] * n
    _label_fragments(par, [("C", f) for f in contents], content_labels)

    sc: list[tuple[str, tuple[int, int]]] = []
    for att in gold:
        sc.extend(("Q", f) for f in att["cue"] or [] if inside(f))
        sc.extend(("S", f) for f in att["source"] or [] if inside(f))
    # Shorter spans first: a short cue inside a long source phrase should not vanish.
    sc.sort(key=lambda x: (x[1][1] - x[1][0], x[1][0]))
    srccue_labels = [OUTSIDE] * n
    _label_fragments(par, sc, srccue_labels)
    # The same, one role at a time (for separate source and cue taggers).
    source_labels = [OUTSIDE] * n
    _label_fragments(par, [x for x in sc if x[0] == "S"], source_labels)
    cue_labels = [OUTSIDE] * n
    _label_fragments(par, [x for x in sc if x[0] == "Q"], cue_labels)
    return {"content": content_labels, "srccue": srccue_labels, "source": source_labels, "cue": cue_labels}
