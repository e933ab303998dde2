"""Watch the lab model learn: its saved training checkpoints, the training and held-out loss
curves, and what each checkpoint wrote for a few fixed prompts (from babble to sentences).

Everything comes from the build's training history (history.json, written from the real
checkpoints by site_build/lab/evaluate.py); this module only picks one checkpoint and lays the
numbers out. The training loss is noisy from step to step (each step sees a different random
batch), so the curve and the checkpoint's number are averages over a few steps, said so in the
view.
"""
from __future__ import annotations

import functools
import math

from widgets import _data
from widgets._params import Number, clean

TITLE = "Watch the lab model learn"
DATA = "lab/history.json"
FILES = [DATA]
SMOOTH = 25                 # training-loss points averaged for the curve and a checkpoint
CURVE_POINTS = 120          # at most this many points of the training curve are sent

PARAMS = {
    "lab_ckpt": Number(-1, -1, 10_000, step=1, integer=True,
                       label="Checkpoint (from 0; -1 = the last)"),
}


def trailing_mean(values: list[float], end: int, n: int = SMOOTH) -> float:
    """Mean of values[end - n + 1 .. end] (fewer at the start)."""
    end = max(0, min(end, len(values) - 1))
    window = values[max(0, end - n + 1):end + 1]
    return sum(window) / len(window)


@functools.cache
def history() -> dict:
    """{"checkpoints": [{step, tokens, train_loss, heldout_loss, samples: [{prompt, reply}]}],
    "train": [[step, smoothed loss]], "heldout": [[step, loss]]}, from the build's file."""
    data = _data.read_json(DATA)
    train = [float(x) for x in data["train_loss"]]
    cps = []
    for c in data["checkpoints"]:
        step = int(c["step"])
        cps.append({"step": step, "tokens": int(c.get("tokens", 0)),
                    "train_loss": trailing_mean(train, step - 1) if step else train[0],
                    "heldout_loss": float(c["heldout_loss"]),
                    "samples": [{"prompt": str(s["prompt"]), "reply": str(s["reply"])}
                                for s in c.get("samples", [])]})
    every = max(1, len(train) // CURVE_POINTS)
    curve = [[i + 1, trailing_mean(train, i)] for i in range(every - 1, len(train), every)]
    return {"checkpoints": cps, "train": [[0, train[0]]] + curve,
            "heldout": [[int(s), float(v)] for s, v in data["heldout_loss"]]}


def view(state) -> dict:
    state = clean(PARAMS, state)
    h = history()
    cps = h["checkpoints"]
    i = state["lab_ckpt"]
    if i < 0 or i >= len(cps):
        i = len(cps) - 1
    now = cps[i]
    return {
        "state": state,
        "count": len(cps),
        "index": i,
        "steps": [c["step"] for c in cps],
        "train": [[s, round(v, 4)] for s, v in h["train"]],
        "heldout": [[s, round(v, 4)] for s, v in h["heldout"]],
        "checkpoint": now,
        "perplexity": math.exp(now["heldout_loss"]),
        "smooth": SMOOTH,
        "first": i == 0,
        "last": i == len(cps) - 1,
    }
