"""Read PolNeAR gold attributions (brat standoff) into plain fragment lists.

Layout: DIR/text/<doc>.txt and DIR/attributions/<doc>_<annotator>.ann. The parsing rules mirror the
project's reference scorer (attrscore.py) on purpose, including its quirks, so that our numbers and its
numbers can never drift apart:
- one annotator per document: the first matching .ann in sorted order, annotator ids are 4 characters;
- documents without any .ann file are not gold documents at all (they are neither scored nor "missing");
- a line that does not start like a brat record continues the previous one (span text with newlines);
- role names lose trailing digits, so "Content2" is read as "Content" and its fragments are put *before*
  the first content's fragments (and a second Source/Cue would replace the first).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

Frag = tuple[int, int]

# A brat record starts with a type letter, a number and a tab; anything else continues the line above.
_RECORD_RE = re.compile(r"^[TERAMN#]\d+\t")
# "<doc>_" + 4-character annotator id + ".ann"
_ANN_SUFFIX_LEN = len("_") + 4 + len(".ann")


class AttributionFrags(TypedDict):
    """One attribution as character fragments; the shape shared by gold and (normalised) predictions."""

    source: list[Frag] | None
    cue: list[Frag] | None
    content: list[Frag]


@dataclass
class GoldDoc:
    name: str
    text: str
    attributions: list[AttributionFrags]
    ann_path: Path


def read_text(path: str | os.PathLike[str]) -> str:
    # newline="" keeps "\r\n" intact: offsets are str indices into the file as it is.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _records(raw: str) -> list[str]:
    records: list[str] = []
    for line in raw.split("\n"):
        if _RECORD_RE.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    return records


def _parse_frags(offsets: str) -> list[Frag]:
    frags: list[Frag] = []
    for part in offsets.split(";"):
        start, end = part.split()
        frags.append((int(start), int(end)))
    return frags


def parse_ann_text(raw: str) -> list[AttributionFrags]:
    """Parse the content of one .ann file: every E (event) record is one attribution."""
    text_bounds: dict[str, list[Frag]] = {}
    events: list[list[tuple[str, str]]] = []
    for record in _records(raw):
        if record.startswith("T"):
            tid, rest = record.split("\t", 1)
            _label, offsets = rest.split("\t", 1)[0].split(" ", 1)
            text_bounds[tid] = _parse_frags(offsets)
        elif record.startswith("E"):
            _eid, rest = record.split("\t", 1)
            args = rest.split()
            # args[0] is the trigger (Attribution / Attribution-no-source); the rest are Role:Tn pairs.
            roles = []
            for arg in args[1:]:
                role, _, tid = arg.partition(":")
                roles.append((re.sub(r"\d+$", "", role), tid))
            events.append(roles)

    out: list[AttributionFrags] = []
    for roles in events:
        att: AttributionFrags = {"source": None, "cue": None, "content": []}
        for role, tid in roles:
            frags = text_bounds.get(tid)
            if frags is None:
                continue  # a dangling reference; the reference scorer would crash here
            if role == "Source":
                att["source"] = list(frags)
            elif role == "Cue":
                att["cue"] = list(frags)
            elif role == "Content":
                att["content"] = list(frags) + att["content"]
        out.append(att)
    return out


def parse_ann(path: str | os.PathLike[str]) -> list[AttributionFrags]:
    return parse_ann_text(read_text(path))


def pick_annotation(doc: str, ann_names: list[str]) -> str | None:
    """The .ann file used for `doc`: the first in sorted order whose annotator id has 4 characters."""
    mine = [
        a
        for a in sorted(ann_names)
        if a.startswith(doc + "_") and a.endswith(".ann") and len(a) == len(doc) + _ANN_SUFFIX_LEN
    ]
    return mine[0] if mine else None


def gold_doc_names(gold_root: str | os.PathLike[str]) -> list[str]:
    """Sorted names of the documents that have both a text and an annotation file."""
    root = Path(gold_root)
    texts = sorted(f[:-4] for f in os.listdir(root / "text") if f.endswith(".txt"))
    anns = sorted(os.listdir(root / "attributions"))
    return [doc for doc in texts if pick_annotation(doc, anns)]


def read_gold(gold_root: str | os.PathLike[str], docs: list[str] | None = None) -> dict[str, GoldDoc]:
    """Gold documents by name, in sorted order; `docs` restricts the result to those names."""
    root = Path(gold_root)
    anns = sorted(os.listdir(root / "attributions"))
    texts = sorted(f[:-4] for f in os.listdir(root / "text") if f.endswith(".txt"))
    wanted = None if docs is None else set(docs)
    out: dict[str, GoldDoc] = {}
    for doc in texts:
        if wanted is not None and doc not in wanted:
            continue
        ann = pick_annotation(doc, anns)
        if ann is None:
            continue
        ann_path = root / "attributions" / ann
        out[doc] = GoldDoc(doc, read_text(root / "text" / f"{doc}.txt"), parse_ann(ann_path), ann_path)
    return out


def gold_attributions(gold_root: str | os.PathLike[str]) -> dict[str, list[AttributionFrags]]:
    """Just the attributions of every gold document (no texts)."""
    return {name: doc.attributions for name, doc in read_gold(gold_root).items()}
