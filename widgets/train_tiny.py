"""Train one yourself: a tiny character model (widgets/_tiny.py) trained live in the page on a text
the reader picks or pastes, with the dials that matter (learning rate, size, seed).

The page trains in slices: the view calls this module again and again with a few extra keys that
are not part of the state (they start with "_", so `clean` drops them and they never reach the
address): `_op` ("train" or "reset"), `_ms` (the slice's time budget, about 40 ms of the worker's
time), `_upto` (stop at this step: a shared link catching up), `_sample` (write a fresh sample
this slice) and `_paste` (the reader's own text, sent once, kept in memory and never put in the link).
Between two slices the worker answers any other widget, so training never makes another widget
wait for more than one slice. The run itself is kept here, one at a time, keyed by the text and
the dials; `tiny_steps` (in the link) is where a shared run stops, recomputed exactly: the steps
are the same whatever the slices, and the held-out loss is measured every EVAL_EVERY steps.
"""
from __future__ import annotations

import hashlib
import time

from widgets import _tiny
from widgets._params import Choice, Number, clean
from widgets._text import visible

TITLE = "Train one yourself"
RATES = ("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10")
OWN = "own"
EVAL_EVERY = 25               # held-out loss measured at every multiple of this step
CURVE_POINTS = 200            # the training curve is sent as at most this many averages
SAMPLE_CHARS = 80
SAMPLE_TEMPERATURE = 0.8
MAX_SLICE_MS = 100

PARAMS = {
    "tiny_text": Choice(_tiny.corpora()[0], (*_tiny.corpora(), OWN), label="Text to learn"),
    "tiny_size": Choice(_tiny.DEFAULT_SIZE, tuple(_tiny.SIZES), label="Model size"),
    "tiny_lr": Choice(str(_tiny.DEFAULT_LR), RATES, label="Learning rate"),
    "tiny_seed": Number(0, 0, 999, step=1, integer=True, label="Seed"),
    "tiny_steps": Number(0, 0, 100_000, step=1, integer=True, label="Steps (a shared run stops here)"),
}


def files(state) -> list[str]:
    return _tiny.files_for(state["tiny_text"])


_RUN: dict = {}               # {"key": the run's key, "run": the Run or None, "error": message}
_PASTE: dict = {}             # {"text": the reader's own text}: in this visit's memory only


def _key(state, paste: str) -> tuple:
    text = state["tiny_text"]
    if text == OWN:
        text = "own:" + hashlib.sha256(paste.encode("utf-8", "surrogatepass")).hexdigest()
    return (text, state["tiny_size"], state["tiny_lr"], state["tiny_seed"])


def run_for(state, paste: str = "", fresh: bool = False):
    """The kept run for this state (made anew when the text or a dial changed, or on reset), or
    None with the reader's message in _RUN["error"]."""
    key = _key(state, paste)
    if fresh or _RUN.get("key") != key:
        _RUN.clear()
        _RUN["key"] = key
        text = paste if state["tiny_text"] == OWN else _tiny.corpus(state["tiny_text"])
        try:
            run = _tiny.Run(text, state["tiny_size"], float(state["tiny_lr"]), state["tiny_seed"])
        except ValueError as err:
            _RUN.update(run=None, error=str(err))
            return None
        run.heldout_loss()                       # where it starts, before any step
        _RUN.update(run=run, error=None, sample=None)
    return _RUN["run"]


def train(run, budget_s: float, upto: int | None) -> None:
    """Steps until the budget is spent (at least one) or `upto` is reached, measuring the held-out
    loss at every multiple of EVAL_EVERY."""
    start = time.perf_counter()
    while not run.diverged and (upto is None or run.step < upto):
        run.train(1)
        if run.step % EVAL_EVERY == 0:
            run.heldout_loss()
        if time.perf_counter() - start >= budget_s:
            break


def curve(losses, points: int = CURVE_POINTS) -> list[list[float]]:
    """The training losses as at most `points` averages of consecutive steps, each at its last
    step (a step's loss is noisy: each sees a different batch)."""
    if not losses:
        return []
    size = -(-len(losses) // points)
    out = []
    for k in range(0, len(losses), size):
        chunk = losses[k:k + size]
        out.append([chunk[-1][0], round(sum(v for _, v in chunk) / len(chunk), 4)])
    return out


def memorising(run) -> bool:
    """True when the held-out loss has turned up while the training loss keeps falling: its
    latest value is well above its best, measured at least 100 steps before."""
    h = run.heldout
    if len(h) < 6:
        return False
    best_step, best = min(h, key=lambda p: p[1])
    return h[-1][0] - best_step >= 100 and h[-1][1] > best + 0.1


def view(state) -> dict:
    raw = state if isinstance(state, dict) else {}
    state = clean(PARAMS, raw)
    if isinstance(raw.get("_paste"), str):            # kept: later calls need not resend it
        _PASTE["text"] = raw["_paste"]
    paste = _PASTE.get("text", "")
    op = raw.get("_op")
    out = {"state": state, "sizes": {k: _tiny.n_params(k) for k in _tiny.SIZES}, "rates": list(RATES),
           "min_chars": _tiny.MIN_CHARS, "max_chars": _tiny.MAX_CHARS, "error": None}
    if state["tiny_text"] == OWN and not paste.strip():
        out["error"] = (f"This link uses your own text, which links never carry. Paste a text of "
                        f"at least {_tiny.MIN_CHARS:,} characters below and press Use this text.")
        out["need_text"] = True
        return out
    run = run_for(state, paste, fresh=op == "reset")
    if run is None:
        out["error"] = _RUN["error"]
        return out
    if op == "train":
        ms = raw.get("_ms")
        ms = min(MAX_SLICE_MS, max(5, ms)) if isinstance(ms, (int, float)) else 40
        upto = raw.get("_upto")
        upto = int(upto) if isinstance(upto, (int, float)) and upto >= 0 else None
        train(run, ms / 1000, upto)
    if raw.get("_sample") or _RUN.get("sample") is None:
        text = run.sample(SAMPLE_CHARS, SAMPLE_TEMPERATURE, seed=state["tiny_seed"])
        _RUN["sample"] = {"step": run.step, "start": visible(run.start, codes=True),
                          "text": visible(text, keep_newlines=True, codes=True)}
    heldout = [[s, round(v, 4)] for s, v in run.heldout]
    last = run.losses[-EVAL_EVERY:]
    out.update({
        "step": run.step,
        "train_loss": round(sum(v for _, v in last) / len(last), 4) if last else None,
        "heldout_loss": heldout[-1][1] if heldout else None,
        "bigram_loss": round(run.bigram_loss(), 4),
        "curve": curve(run.losses),
        "heldout": heldout,
        "sample": _RUN["sample"],
        "diverged": run.diverged,
        "note": run.note,
        "memorising": memorising(run),
        "params": run.params_count,
        "chars_per_step": run.chars_per_step,
        "vocab": len(run.vocab),
        "text_chars": len(run.text),
    })
    return out
