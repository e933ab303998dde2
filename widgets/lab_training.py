"""Watch the lab model learn: its saved training checkpoints, the training and held-out loss at
each, and what it wrote for a few fixed prompts at that point (from babble to sentences).

Everything comes from the build's training history (history.json, written from the real
checkpoints); this module only picks one checkpoint and lays the numbers out.
"""
from __future__ import annotations

import math

from widgets import _labview as lab
from widgets._params import Number, clean

TITLE = "Watch the lab model learn"
DATA = "lab/history.json"

PARAMS = {
    "lab_ckpt": Number(-1, -1, 10_000, step=1, integer=True,
                       label="Checkpoint (from 0; -1 = the last)"),
}

_HISTORY: dict = {}


def history() -> list[dict]:
    """The checkpoints, in training order: [{step, tokens, train_loss, heldout_loss, samples:
    [{prompt, text}]}]."""
    if "checkpoints" not in _HISTORY:
        data = lab.read_json(DATA)
        _HISTORY["checkpoints"] = [
            {"step": int(c["step"]), "tokens": int(c.get("tokens", 0)),
             "train_loss": float(c["train_loss"]), "heldout_loss": float(c["heldout_loss"]),
             "samples": [{"prompt": str(s["prompt"]), "text": str(s["text"])}
                         for s in c.get("samples", [])]}
            for c in data["checkpoints"]]
    return _HISTORY["checkpoints"]


def view(state) -> dict:
    state = clean(PARAMS, state)
    cps = history()
    i = state["lab_ckpt"]
    if i < 0 or i >= len(cps):
        i = len(cps) - 1
    now = cps[i]
    return {
        "state": state,
        "count": len(cps),
        "index": i,
        "steps": [c["step"] for c in cps],
        "tokens": [c["tokens"] for c in cps],
        "train": [c["train_loss"] for c in cps],
        "heldout": [c["heldout_loss"] for c in cps],
        "checkpoint": now,
        "perplexity": math.exp(now["heldout_loss"]),
        "first": i == 0,
        "last": i == len(cps) - 1,
    }
