"""The next-token game: guess, reveal the model's odds, see the loss, nudge the model.

The prompts, candidates and starting scores (logits) are illustrative, made up to look like a
small model's output, not read from one. The rest is the real arithmetic of training: softmax,
the loss -log p(true token) in nats (natural log), and plain gradient-descent steps on the
logits, whose gradient for softmax cross-entropy is p - onehot(true token).
"""
import math

from widgets._params import Flag, Number, clean
from widgets._sampling import softmax

TITLE = "The next-token game"
LEARNING_RATE = 1.0        # the size of one nudge: logits -= LEARNING_RATE * gradient
MAX_NUDGES = 20

# (prompt, level, [(candidate, illustrative logit)], index of the true next token)
PROMPTS = [
    ("The capital of France is", "easy",
     [(" Paris", 4.0), (" a", 1.6), (" the", 1.4), (" located", 0.9), (" Lyon", 0.2),
      (" beautiful", 0.0)], 0),
    ("She poured the hot coffee into her favourite", "medium",
     [(" cup", 2.6), (" mug", 2.3), (" thermos", 0.8), (" bowl", -0.2), (" glass", -0.4),
      (" shoe", -2.5)], 1),
    ("After the storm, the old fisherman finally", "hard",
     [(" returned", 1.9), (" went", 1.6), (" saw", 1.3), (" decided", 1.2), (" smiled", 0.6),
      (" sold", 0.3)], 5),
    ("My favourite colour is", "a coin toss",
     [(" blue", 2.0), (" green", 1.5), (" red", 1.4), (" purple", 1.0), (" black", 0.8),
      (" yellow", 0.7)], 3),
]

PARAMS = {
    "ntg_prompt": Number(0, 0, len(PROMPTS) - 1, step=1, integer=True, label="Prompt"),
    "ntg_guess": Number(-1, -1, 5, step=1, integer=True, label="Your guess (-1 = none yet)"),
    "ntg_revealed": Flag(False, label="Answer revealed"),
    "ntg_nudges": Number(0, 0, MAX_NUDGES, step=1, integer=True, label="Nudges applied"),
}


def loss(logits: list[float], true: int) -> float:
    """Cross-entropy: -ln p(true token), in nats."""
    top = max(logits)
    log_total = top + math.log(sum(math.exp(x - top) for x in logits))
    return log_total - logits[true]


def gradient(logits: list[float], true: int) -> list[float]:
    """d loss / d logits for softmax cross-entropy: p - onehot(true)."""
    probs = softmax(logits)
    return [p - (1.0 if i == true else 0.0) for i, p in enumerate(probs)]


def nudge(logits: list[float], true: int, lr: float = LEARNING_RATE) -> list[float]:
    """One gradient-descent step: move each logit a little downhill on the loss."""
    return [x - lr * g for x, g in zip(logits, gradient(logits, true))]


def logits_after(prompt: int, nudges: int) -> list[float]:
    _, _, cands, true = PROMPTS[prompt]
    z = [logit for _, logit in cands]
    for _ in range(nudges):
        z = nudge(z, true)
    return z


def view(state) -> dict:
    state = clean(PARAMS, state)
    text, level, cands, true = PROMPTS[state["ntg_prompt"]]
    if state["ntg_guess"] >= len(cands):
        state["ntg_guess"] = -1
    if not state["ntg_revealed"]:
        state["ntg_nudges"] = 0                    # nothing to learn from before the reveal
    out = {
        "state": state,
        "prompt": text,
        "level": level,
        "count": len(PROMPTS),
        "candidates": [c for c, _ in cands],
        "learning_rate": LEARNING_RATE,
        "max_nudges": MAX_NUDGES,
    }
    if state["ntg_revealed"]:                      # the answer key stays hidden until asked for
        z0 = logits_after(state["ntg_prompt"], 0)
        z = logits_after(state["ntg_prompt"], state["ntg_nudges"])
        probs0, probs = softmax(z0), softmax(z)
        out.update({
            "true": true,
            "start_probs": probs0,
            "probs": probs,
            "start_loss": loss(z0, true),
            "loss": loss(z, true),
            "model_pick": max(range(len(probs0)), key=lambda i: (probs0[i], -i)),
        })
    return out
