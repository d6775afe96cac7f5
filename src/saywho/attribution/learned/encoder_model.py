"""The accurate mode's network, its batches, its stored weights and its training loop: torch and numpy only.

Kept apart from `encoder.py` (which turns spaCy paragraphs into windows and runs inference) so that the training
loop can run where spaCy is not installed, such as a GPU machine fed with windows built elsewhere.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

CONTENT_LABELS = ("O", "B-C", "I-C")
SRCCUE_LABELS = ("O", "B-S", "I-S", "B-Q", "I-Q")
ROLES = ("", "C:direct", "C:mixed", "C:indirect", "S", "Q")
QUOTE_STATES = ("", "mark", "in-direct", "in-embedded")
MAX_PIECES = 254  # per window, leaving room for [CLS] and [SEP] in the model's 256 positions
HIDDEN, HEADS, LAYERS = 384, 12, 6


class SpecialPieces(Protocol):
    """The ids of BERT's special pieces (`encoder.WordPieces` has them)."""

    pad: int
    cls: int
    sep: int


@dataclass
class Window:
    """Up to MAX_PIECES word pieces of one paragraph, cut at token boundaries."""

    par: int
    ids: list[int] = field(default_factory=list)
    role: list[int] = field(default_factory=list)
    quote: list[int] = field(default_factory=list)
    case: list[int] = field(default_factory=list)
    token: list[int] = field(default_factory=list)  # the spaCy token of each first piece, -1 for later pieces
    labels: dict[str, list[int]] = field(default_factory=dict)  # training only: label index at first pieces


def batches(windows: Sequence[Window], max_pieces: int) -> Iterator[list[Window]]:
    """Windows of similar length together, at most `max_pieces` (padded) per batch, in length order."""
    batch: list[Window] = []
    longest = 0
    for w in sorted(windows, key=lambda w: len(w.ids)):
        n = len(w.ids) + 2
        if batch and max(longest, n) * (len(batch) + 1) > max_pieces:
            yield batch
            batch, longest = [], 0
        batch.append(w)
        longest = max(longest, n)
    if batch:
        yield batch


def build_model(base: dict[str, np.ndarray]) -> Any:
    """The encoder with its heads, initialised from the pretrained weights (torch is imported here)."""
    import torch
    from torch import nn
    from torch.nn import functional as F  # noqa: N812

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v, self.o = (nn.Linear(HIDDEN, HIDDEN) for _ in range(4))
            self.ln1, self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12), nn.LayerNorm(HIDDEN, eps=1e-12)
            self.fi, self.fo = nn.Linear(HIDDEN, 4 * HIDDEN), nn.Linear(4 * HIDDEN, HIDDEN)

        def forward(self, x: Any, bias: Any) -> Any:
            b, t, _ = x.shape

            def heads(y: Any) -> Any:
                return y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)

            q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
            a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias, -1) @ v
            x = self.ln1(x + self.o(a.transpose(1, 2).reshape(b, t, HIDDEN)))
            return self.ln2(x + self.fo(F.gelu(self.fi(x))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(torch.from_numpy(base["embeddings.word_embeddings.weight"]))
            self.position = nn.Embedding(512, HIDDEN)
            self.register_buffer("token_type", torch.from_numpy(base["embeddings.token_type_embeddings.weight"][0]))
            self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
            # The inputs the pretrained model lacks start at zero, so training starts from the pretrained model.
            self.role, self.quote, self.case = (nn.Embedding(n, HIDDEN) for n in (len(ROLES), len(QUOTE_STATES), 5))
            for e in (self.role, self.quote, self.case):
                nn.init.zeros_(e.weight)
            self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
            self.head_content = nn.Linear(HIDDEN + 5, len(CONTENT_LABELS))
            self.head_srccue = nn.Linear(HIDDEN + 5, len(SRCCUE_LABELS))

        def forward(self, ids: Any, role: Any, quote: Any, case: Any, mask: Any) -> tuple[Any, Any]:
            t = ids.shape[1]
            x = self.word(ids) + self.position(torch.arange(t, device=ids.device)[None]) + self.token_type
            x = self.ln(x + self.role(role) + self.quote(quote) + self.case(case))
            bias = (1.0 - mask[:, None, None, :].float()) * -1e4
            for layer in self.layers:
                x = layer(x, bias)
            h = torch.cat([x, F.one_hot(case, 5).float()], -1)
            return self.head_content(h), self.head_srccue(h)

    model = Encoder()
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value"}
    names |= {"o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "fi": "intermediate.dense"}
    names |= {"fo": "output.dense", "ln2": "output.LayerNorm"}
    with torch.no_grad():
        model.position.weight.copy_(torch.from_numpy(base["embeddings.position_embeddings.weight"]))
        model.ln.weight.copy_(torch.from_numpy(base["embeddings.LayerNorm.weight"]))
        model.ln.bias.copy_(torch.from_numpy(base["embeddings.LayerNorm.bias"]))
        for n, layer in enumerate(model.layers):
            for mine, theirs in names.items():
                module = getattr(layer, mine)
                module.weight.copy_(torch.from_numpy(base[f"encoder.layer.{n}.{theirs}.weight"]))
                module.bias.copy_(torch.from_numpy(base[f"encoder.layer.{n}.{theirs}.bias"]))
    return model


def as_tensors(batch: Sequence[Window], pieces: SpecialPieces) -> dict[str, Any]:
    """[CLS] window [SEP], padded: ids, role, quote, case, mask (and labels where the windows have them)."""
    import torch

    width = max(len(w.ids) for w in batch) + 2
    out: dict[str, Any] = {}

    def column(values: list[list[int]], fill: int, edge: int) -> Any:
        a = torch.full((len(batch), width), fill, dtype=torch.long)
        for b, v in enumerate(values):
            a[b, 0] = edge
            a[b, 1 : 1 + len(v)] = torch.tensor(v, dtype=torch.long)
            a[b, 1 + len(v)] = edge
        return a

    out["ids"] = column([w.ids for w in batch], pieces.pad, pieces.cls)
    for b, w in enumerate(batch):
        out["ids"][b, 1 + len(w.ids)] = pieces.sep
    out["role"] = column([w.role for w in batch], 0, 0)
    out["quote"] = column([w.quote for w in batch], 0, 0)
    out["case"] = column([w.case for w in batch], 0, 0)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for b, w in enumerate(batch):
        mask[b, : len(w.ids) + 2] = 1
    out["mask"] = mask
    if batch[0].labels:
        for name in ("content", "srccue"):
            out[name] = column([w.labels[name] for w in batch], -100, -100)
    return out


# Fine-tuned weights are stored in a .npz (no pickle): matrices as int8 with a float32 scale per row (a quarter of
# float32; the scores on dev did not move), vectors as float16. The frozen word embeddings and the token-type
# embedding are not stored at all: they come from the base package.
FROZEN = ("word.weight", "token_type")
_INT8, _SCALE = "::int8", "::scale"


def quantized(state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays to store for a state dict of float arrays."""
    out: dict[str, np.ndarray] = {}
    for name, w in state.items():
        if name in FROZEN:
            continue
        w = np.asarray(w, dtype=np.float32)
        if w.ndim == 2:
            scale = np.abs(w).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            out[name + _INT8] = np.round(w / scale[:, None]).astype(np.int8)
            out[name + _SCALE] = scale.astype(np.float32)
        else:
            out[name] = w.astype(np.float16)
    return out


def dequantized(stored: Any) -> dict[str, np.ndarray]:
    """The float32 arrays of a stored .npz (see `quantized`)."""
    out: dict[str, np.ndarray] = {}
    for name in stored.files:
        if name.endswith(_SCALE):
            continue
        if name.endswith(_INT8):
            base = name[: -len(_INT8)]
            out[base] = stored[name].astype(np.float32) * stored[base + _SCALE][:, None]
        else:
            out[name] = stored[name].astype(np.float32)
    return out


def save_weights(model: Any, path: Path) -> None:
    np.savez(path, **quantized({k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}))


def fit(
    model: Any,
    windows: Sequence[Window],
    pieces: SpecialPieces,
    params: dict[str, Any],
    seed: int = 0,
    device: str = "cpu",
    log: Callable[[str], None] = print,
) -> int:
    """Train `model` in place on labelled windows; returns the number of steps.

    `params`: epochs, lr_encoder, lr_new (heads and added embeddings), weight_decay, warmup_steps, batch_pieces;
    optional label_smoothing (0) and layer_decay (1: see `parameter_groups`).
    The batches are fixed by length and their order by `seed`, so on CPU the same seed, thread count and torch build
    give the same weights (the caller seeds torch before building the model). On a GPU the kernels differ, so the
    weights differ slightly from a CPU run."""
    import torch
    from torch.nn import functional as F  # noqa: N812

    rng = random.Random(seed)
    started = time.time()
    model.to(device)
    opt = torch.optim.AdamW(parameter_groups(model, params), weight_decay=params["weight_decay"])
    smoothing = float(params.get("label_smoothing", 0.0))
    fixed = list(batches(windows, int(params["batch_pieces"])))
    total = int(len(fixed) * float(params["epochs"]))
    warmup = int(params["warmup_steps"])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / total))
    model.train()
    step = 0
    while step < total:
        order = list(range(len(fixed)))
        rng.shuffle(order)
        for i in order[: total - step]:
            x = {k: v.to(device) for k, v in as_tensors(fixed[i], pieces).items()}
            content, srccue = model(x["ids"], x["role"], x["quote"], x["case"], x["mask"])
            loss = F.cross_entropy(
                content.reshape(-1, len(CONTENT_LABELS)), x["content"].reshape(-1), label_smoothing=smoothing
            )
            loss = loss + F.cross_entropy(
                srccue.reshape(-1, len(SRCCUE_LABELS)), x["srccue"].reshape(-1), label_smoothing=smoothing
            )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 100 == 0:
                log(f"step {step}/{total} loss {loss.item():.3f} ({time.time() - started:.0f} s)")
    model.eval()
    return total


def parameter_groups(model: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The optimiser's groups: the pretrained encoder at lr_encoder, the new parts (heads, role / quote / casing
    embeddings) at lr_new. With layer_decay < 1 each layer below the top gets that factor more (the embeddings the
    most), so the lower layers, the most general, move least."""
    new = [model.head_content, model.head_srccue, model.role, model.quote, model.case]
    new_ids = {id(q) for m in new for q in m.parameters()}
    head = {"params": [q for m in new for q in m.parameters()], "lr": params["lr_new"]}
    decay = float(params.get("layer_decay", 1.0))
    if decay == 1.0:
        encoder = [q for q in model.parameters() if q.requires_grad and id(q) not in new_ids]
        return [{"params": encoder, "lr": params["lr_encoder"]}, head]
    groups = []
    in_layers: set[int] = set()
    for n, layer in enumerate(model.layers):
        mine = [q for q in layer.parameters() if q.requires_grad]
        in_layers |= {id(q) for q in mine}
        groups.append({"params": mine, "lr": params["lr_encoder"] * decay ** (len(model.layers) - 1 - n)})
    rest = [q for q in model.parameters() if q.requires_grad and id(q) not in new_ids | in_layers]
    groups.append({"params": rest, "lr": params["lr_encoder"] * decay ** len(model.layers)})
    return [*groups, head]
