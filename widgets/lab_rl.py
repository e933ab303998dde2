"""RL replay: the lab model's real reinforcement-learning runs, step by step.

One run is GRPO with a checkable reward (a program checks each answer) from the fine-tuned (SFT)
model; the others are the same RL against a flawed reward that can be gamed, each with a
different leash strength β (the weight of the KL penalty that ties the model to the SFT model).
For the chosen run this view lays out, from the build's run records (rl-history.json and
rl-flawed.json, written by site_build/lab/posttrain.py): the reward the model was paid per step,
its held-out accuracy (greedy answers to questions it never trained on, graded by the true
checker), its KL divergence from the SFT model, and the answers it gave to a few fixed held-out
questions at each saved step. Nothing here is hand-set; this module only picks and arranges.

The two files (compact JSON, keys sorted):

  rl-history.json  {"hparams": the RL hyperparameters, "rows": [one row per step 0..steps],
      "saved": [{"step", "samples": [{"question", "reply", "correct"}]}] (greedy answers to fixed
      held-out questions every save_every steps), "checkpoints": names of the weights along the
      run (kept out of the repository: nothing reads them), "final": {"sft"|"rl": evaluation on
      all held-out questions, facts and arithmetic}, "heldout_questions": [...], "replies":
      {"sft"|"rl": [greedy reply per held-out question]}}
    A row: {"step"}; training fields from the batch sampled at that step (before its update):
      "reward" (mean reward of the sampled answers), "accuracy" (share right by the true checker:
      the same as reward in this run), "kl" (KL(model || SFT) per answer in nats, summed exactly
      over the answer's positions, mean over the batch), "length" (mean answer length in
      tokens), "loss", "k3" (mean per-token KL estimate used in the loss), "clipped" (share of
      answer tokens whose ratio the clip held, on the last inner step); evaluation fields every
      eval_every steps and at the last step (the last row has only these): "heldout" (greedy
      accuracy on the task's held-out questions), "heldout_<part>" and "sampled_<part>" (part =
      facts or arithmetic; sampled = share right of eval_samples temperature-1 answers per
      question), "heldout_length" (tokens).

  rl-flawed.json  {"hparams", "reward": "flawed", "runs": [{"beta", "name", "rows" (as above;
      "reward" is the flawed grader's, "accuracy" the true checker's, plus "heldout_flawed" at
      evaluation steps), "saved", "final": {"heldout", "heldout_flawed", "heldout_arithmetic",
      "sampled_arithmetic", "heldout_length", "kl"}}]}
"""
from __future__ import annotations

import functools

from widgets import _data
from widgets._params import Number, clean

TITLE = "RL replay"
TRUE_FILE = "lab/rl-history.json"
FLAWED_FILE = "lab/rl-flawed.json"
FILES = [TRUE_FILE, FLAWED_FILE]
MAX_RUNS = 8

PARAMS = {
    "labrl_run": Number(0, 0, MAX_RUNS, step=1, integer=True,
                        label="Run (0 = true reward; 1 and up = flawed reward, loosest leash first)"),
    "labrl_step": Number(-1, -1, 10_000, step=1, integer=True,
                         label="Saved step (from 0; -1 = the last)"),
}

def _num(x):
    return None if x is None else float(x)


def _series(rows, key):
    return [[int(r["step"]), float(r[key])] for r in rows if r.get(key) is not None]


def _run(data: dict, label: str, kind: str, beta) -> dict:
    rows = data["rows"]
    saved = [{"step": int(s["step"]),
              "samples": [{"question": str(x["question"]), "reply": str(x["reply"]),
                           "correct": bool(x["correct"])} for x in s.get("samples", [])]}
             for s in data.get("saved", [])]
    out = {"label": label, "kind": kind, "beta": beta, "saved": saved,
           "last_step": max(int(r["step"]) for r in rows),
           "reward": _series(rows, "reward"), "accuracy": _series(rows, "accuracy"),
           "heldout": _series(rows, "heldout"), "heldout_flawed": _series(rows, "heldout_flawed"),
           "kl": _series(rows, "kl"), "length": _series(rows, "length")}
    return out


@functools.cache
def runs() -> list[dict]:
    """The true-reward run first, then the flawed-reward runs from the loosest leash (smallest
    β) to the tightest. Read once per process."""
    true = _data.read_json(TRUE_FILE)
    beta = true.get("hparams", {}).get("beta")
    out = [_run(true, f"True reward (β = {beta:g})" if beta is not None else "True reward",
                "true", _num(beta))]
    try:
        flawed = _data.read_json(FLAWED_FILE)
    except FileNotFoundError:
        flawed = {"runs": []}
    for r in sorted(flawed.get("runs", []), key=lambda r: float(r["beta"]))[:MAX_RUNS]:
        out.append(_run(r, f"Flawed reward, β = {float(r['beta']):g}", "flawed", float(r["beta"])))
    return out


def at(points, step: int):
    """The value of a series at `step`: the last point at or before it (None before the first)."""
    value = None
    for s, v in points:
        if s > step:
            break
        value = v
    return value


def mean_near(points, step: int, width: int = 5):
    """Mean of the points in the `width` steps up to `step` (per-step training numbers are noisy:
    each step grades a fresh batch of sampled answers)."""
    vals = [v for s, v in points if step - width < s <= step]
    return sum(vals) / len(vals) if vals else at(points, step)


def view(state) -> dict:
    state = clean(PARAMS, state)
    all_runs = runs()
    ri = state["labrl_run"]
    if ri >= len(all_runs):
        ri = 0
    run = all_runs[ri]
    saved = run["saved"]
    i = state["labrl_step"]
    if i < 0 or i >= len(saved):
        i = len(saved) - 1
    step = saved[i]["step"] if saved else run["last_step"]
    flawed = run["kind"] == "flawed"
    series = [
        {"key": "reward", "label": ("flawed reward the model was paid" if flawed else
                                    "reward the model was paid") + " (training batch)",
         "points": run["reward"], "dash": False},
        {"key": "heldout", "label": "held-out accuracy (true checker, greedy answers)",
         "points": run["heldout"], "dash": True},
    ]
    if flawed:
        series.insert(1, {"key": "accuracy", "label": "right by the true checker (training batch)",
                          "points": run["accuracy"], "dash": False})
    first = {k: (run[k][0][1] if run[k] else None) for k in ("heldout", "heldout_flawed", "kl")}
    now = {
        "reward": mean_near(run["reward"], step),
        "accuracy": mean_near(run["accuracy"], step),
        "heldout": at(run["heldout"], step),
        "heldout_flawed": at(run["heldout_flawed"], step),
        "kl": mean_near(run["kl"], step),
        "length": mean_near(run["length"], step),
    }
    return {
        "state": state,
        "runs": [{"index": k, "label": r["label"], "kind": r["kind"], "beta": r["beta"]}
                 for k, r in enumerate(all_runs)],
        "run": ri,
        "kind": run["kind"],
        "beta": run["beta"],
        "label": run["label"],
        "count": len(saved),
        "index": i,
        "step": step,
        "steps": [s["step"] for s in saved],
        "last_step": run["last_step"],
        "series": series,
        "kl": run["kl"],
        "now": now,
        "start": first,
        "samples": saved[i]["samples"] if saved else [],
        "first": i == 0,
        "last": i == len(saved) - 1,
    }
