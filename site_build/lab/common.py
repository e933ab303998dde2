"""What the lab's scripts share: where the weights live, hashing, the learning-rate schedule and
writing JSON. (Loading a weight file is checkpoint.load.)"""
from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEIGHTS = HERE / "weights"          # the committed weights and run records
ROOT = HERE.parent.parent           # the repository


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def code_hashes(files: list[str]) -> dict[str, str]:
    """{path: sha256 of its bytes} for repository paths. Recorded in the manifests as information
    only: the tests gate on behaviour (corpus, hyperparameters, replayed first steps), so a comment
    can change without a retrain."""
    return {f: sha256((ROOT / f).read_bytes()) for f in files}


def lr_at(step: int, h: dict) -> float:
    """Linear warm-up over h["warmup"] steps, then a cosine from h["lr"] down to h["lr_min"] at
    h["steps"] (nanoGPT's get_lr)."""
    if step < h["warmup"]:
        return h["lr"] * (step + 1) / h["warmup"]
    frac = (step - h["warmup"]) / max(1, h["steps"] - h["warmup"])
    return h["lr_min"] + 0.5 * (h["lr"] - h["lr_min"]) * (1 + math.cos(math.pi * frac))


def write_json(path: Path, value, indent: int | None = None, sort_keys: bool = True) -> None:
    """A run record: compact (what the page fetches) or, with indent, laid out for people (the
    manifests)."""
    if indent is None:
        text = json.dumps(value, sort_keys=sort_keys, separators=(",", ":"), ensure_ascii=False)
    else:
        text = json.dumps(value, indent=indent, sort_keys=sort_keys)
    path.write_text(text + "\n")
