"""Ask the lab model: its real next-token probabilities for the reader's prompt, the inference
chapter's dials (temperature, top-k, top-p) applied to its real logits, and a seeded generation
loop that writes one token at a time.

Everything here is computed from the trained model (`widgets._lm`), nothing is hand-set. The reply
is a pure function of the state (prompt, dials, seed, number of tokens), so a shared link writes
the same reply again.
"""
from __future__ import annotations

from widgets import _labview as lab
from widgets._params import Number, Text, clean
from widgets._text import visible

TITLE = "Ask the lab model"
FILES = [lab.CHECKPOINT_FILE]
SHOWN = 10                 # candidates drawn as bars; the rest are summarised in one line
MAX_TOKENS = 200           # longest reply a link may ask for

PARAMS = {
    "lab_prompt": Text("The capital of Norland is", max_len=1000, label="Prompt"),
    "lab_temp": Number(0.8, 0.0, 2.0, step=0.05, label="Temperature"),
    "lab_top_k": Number(0, 0, 1024, step=1, integer=True, label="Top-k (0 = off)"),
    "lab_top_p": Number(1.0, 0.05, 1.0, step=0.05, label="Top-p"),
    "lab_seed": Number(1, 0, 1_000_000, step=1, integer=True, label="Seed"),
    "lab_n": Number(0, 0, MAX_TOKENS, step=1, integer=True, label="Tokens written"),
}


def candidates(m, logits, temperature, top_k, top_p, shown=SHOWN) -> dict:
    """The next-token distribution from `logits`: the model's own probabilities (temperature 1)
    and the probabilities after the dials, for the `shown` most likely tokens, and the rest
    summed."""
    raw = lab.dials(logits, 1.0, 0, 1.0)
    after = lab.dials(logits, temperature, top_k, top_p)
    order = sorted(range(len(logits)), key=lambda i: (-logits[i], i))
    top = order[:shown]
    rows = [{"id": i, "text": lab.piece_text(m, i), "shown": visible(lab.piece_text(m, i), codes=True),
             "p": raw[i], "q": after[i]} for i in top]
    rest = order[shown:]
    return {
        "rows": rows,
        "rest_count": len(rest),
        "rest_p": sum(raw[i] for i in rest),
        "rest_q": sum(after[i] for i in rest),
        "kept": sum(1 for q in after if q > 0),
        "vocab": len(logits),
        "total_p": sum(raw),
        "total_q": sum(after),
    }


def view(state) -> dict:
    raw = state if isinstance(state, dict) else {}
    state = clean(PARAMS, raw)
    m = lab.model()
    ids, total = lab.encode_clipped(m, state["lab_prompt"])
    t, k, p = state["lab_temp"], state["lab_top_k"], state["lab_top_p"]
    loop = lab.writer(m, ids, t, k, p, state["lab_seed"])
    # In the page a long reply is written in slices (see _labview.write_for): the view says how
    # far it got ("partial"), and the page asks again (ctx.call) until the reply is whole.
    gen, gen_probs, stopped, partial = lab.write_for(loop, state["lab_n"], raw.get("_ms"))
    dist = candidates(m, loop.logits(len(gen)), t, k, p)
    return {
        "state": state,
        "prompt_tokens": lab.pieces(m, ids),
        "n_prompt_tokens": total,
        "context": lab.context(m),
        "clip_note": lab.clip_note(m, total),
        "reply": [dict(piece, p=q) for piece, q in zip(lab.pieces(m, gen), gen_probs)],
        "reply_text": m.decode(gen),
        "stopped": stopped,
        "partial": partial,
        "greedy": t == 0,
        **dist,
    }
