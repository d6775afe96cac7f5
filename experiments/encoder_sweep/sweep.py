"""Train the accurate mode's encoder under several settings on a GPU and write each one's dev probabilities.

Runs where spaCy is not installed: it reads the windows `export.py` wrote and loads `encoder_model.py` (torch and
numpy only) straight from its file. On the device tool's machine:

    PYTHONUNBUFFERED=1 python3 experiments/encoder_sweep/sweep.py experiments/encoder_sweep/data/windows.npz $OUT 420

writes $OUT/probs_K.npz (the content and source/cue probabilities of every dev token, per setting) and stops
starting settings after the given number of seconds. `score.py` then scores them here with the real pipeline.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "encoder_model", HERE.parents[1] / "src/saywho/attribution/learned/encoder_model.py"
)
M = importlib.util.module_from_spec(_spec)
sys.modules["encoder_model"] = M  # dataclasses look their module up
_spec.loader.exec_module(M)

BASE = {
    "epochs": 3,
    "lr_encoder": 8e-5,
    "lr_new": 1e-3,
    "weight_decay": 0.01,
    "warmup_steps": 100,
    "batch_pieces": 4096,
}
# (name, seed, overrides): the shipped recipe with three seeds first, to know the noise, then one change at a time.
SETTINGS = [
    ("base", 0, {}),
    ("base", 1, {}),
    ("base", 2, {}),
    ("lr5e-5", 0, {"lr_encoder": 5e-5}),
    ("lr1.2e-4", 0, {"lr_encoder": 1.2e-4}),
    ("lr1.6e-4", 0, {"lr_encoder": 1.6e-4}),
    ("ep2", 0, {"epochs": 2}),
    ("ep4", 0, {"epochs": 4}),
    ("ep4-lr5e-5", 0, {"epochs": 4, "lr_encoder": 5e-5}),
    ("llrd0.8-lr1.6e-4", 0, {"layer_decay": 0.8, "lr_encoder": 1.6e-4}),
    ("llrd0.9-lr1.2e-4", 0, {"layer_decay": 0.9, "lr_encoder": 1.2e-4}),
    ("bp2048", 0, {"batch_pieces": 2048}),
    ("bp8192-lr1.2e-4", 0, {"batch_pieces": 8192, "lr_encoder": 1.2e-4}),
    ("smooth0.1", 0, {"label_smoothing": 0.1}),
    ("words", 0, {"train_words": True}),
    ("lrnew3e-4", 0, {"lr_new": 3e-4}),
    ("lrnew3e-3", 0, {"lr_new": 3e-3}),
    ("wd0.1", 0, {"weight_decay": 0.1}),
    ("warm300", 0, {"warmup_steps": 300}),
    ("ep6-lr5e-5", 0, {"epochs": 6, "lr_encoder": 5e-5}),
    ("base", 3, {}),
    ("base", 4, {}),
    ("lr1.2e-4", 1, {"lr_encoder": 1.2e-4}),
    ("ep4", 1, {"epochs": 4}),
    ("llrd0.9-lr1.2e-4", 1, {"layer_decay": 0.9, "lr_encoder": 1.2e-4}),
]
PER_FILE = 8


def windows(data, prefix: str) -> list:
    out, at = [], 0
    for n, length in enumerate(data[prefix + "lengths"]):
        w = M.Window(int(data[prefix + "par"][n]))
        sl = slice(at, at + length)
        w.ids = data[prefix + "ids"][sl].tolist()
        w.role, w.quote, w.case = (data[prefix + c][sl].tolist() for c in ("role", "quote", "case"))
        w.token = data[prefix + "token"][sl].tolist()
        if prefix + "content" in data:
            w.labels = {k: data[prefix + k][sl].tolist() for k in ("content", "srccue")}
        out.append(w)
        at += length
    return out


def base_weights(data) -> dict:
    out = {}
    for key in data:
        if not key.startswith("base:") or key.endswith("::scale"):
            continue
        name = key[5:]
        if name.endswith("::int8"):
            name = name[: -len("::int8")]
            out[name] = data[key].astype(np.float32) * data["base:" + name + "::scale"][:, None]
        else:
            out[name] = data[key].astype(np.float32)
    return out


def predict(model, dev: list, special, device: str) -> tuple[np.ndarray, np.ndarray]:
    import torch

    content, srccue = [], []
    order = sorted(range(len(dev)), key=lambda i: len(dev[i].ids))
    rows: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    with torch.no_grad():
        for start in range(0, len(order), 64):
            idx = order[start : start + 64]
            x = {k: v.to(device) for k, v in M.as_tensors([dev[i] for i in idx], special).items()}
            c, s = model(x["ids"], x["role"], x["quote"], x["case"], x["mask"])
            c, s = c.float().softmax(-1).cpu().numpy(), s.float().softmax(-1).cpu().numpy()
            for b, i in enumerate(idx):
                first = [j + 1 for j, t in enumerate(dev[i].token) if t >= 0]
                rows[i] = (c[b, first], s[b, first])
    for i in range(len(dev)):
        content.append(rows[i][0])
        srccue.append(rows[i][1])
    return np.concatenate(content).astype(np.float16), np.concatenate(srccue).astype(np.float16)


def main(data_path: str, out_dir: str, budget_s: float) -> None:
    import torch

    torch.backends.cuda.matmul.allow_tf32 = False  # as close to the CPU's float32 training as the GPU allows
    device = "cuda" if torch.cuda.is_available() else "cpu"
    started = time.time()
    with np.load(data_path) as stored:  # each access to an NpzFile decompresses again: read every array once
        data = {k: stored[k] for k in stored.files}
    pad, cls, sep = (int(v) for v in data["special"])
    special = SimpleNamespace(pad=pad, cls=cls, sep=sep)
    train, dev = windows(data, "train_"), windows(data, "dev_")
    base = base_weights(data)
    loaded = time.time() - started
    print(f"{device} {torch.__version__}: {len(train)} train, {len(dev)} dev windows; loaded in {loaded:.0f} s")
    results: dict[str, np.ndarray] = {}
    log = []
    for n, (name, seed, change) in enumerate(SETTINGS):
        if time.time() - started > budget_s:
            print(f"budget spent: {n} of {len(SETTINGS)} settings run")
            break
        t0 = time.time()
        params = {**BASE, **change}
        torch.manual_seed(seed)
        model = M.build_model(base)
        if params.pop("train_words", False):
            model.word.weight.requires_grad = True
        steps = M.fit(model, train, special, params, seed=seed, device=device, log=lambda m: None)
        content, srccue = predict(model, dev, special, device)
        key = f"{name}@{seed}"
        results[key + ":content"], results[key + ":srccue"] = content, srccue
        log.append({"setting": key, "params": params, "steps": steps, "seconds": round(time.time() - t0, 1)})
        print(json.dumps(log[-1]), flush=True)
        part = n // PER_FILE
        names = [f"{s[0]}@{s[1]}" for s in SETTINGS]
        keep = {k: v for k, v in results.items() if names.index(k.split(":")[0]) // PER_FILE == part}
        np.savez_compressed(Path(out_dir) / f"probs_{part}.npz", **keep)
        (Path(out_dir) / "sweep_log.json").write_text(json.dumps(log, indent=1))
    print(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 420.0)
