"""Attention in the lab model: for the reader's own text, every layer's and head's causal attention,
read from the trained model (`widgets._lm`), with a one-line summary per head measured from the
maps themselves (never a label someone typed in).

The summary looks at every token from the third on (for the first two, "the previous token", "the
first token" and "itself" are not yet different places) and averages three shares of its
attention: on the token just before it, on the first token of the text, and on itself. The largest
average names the head's habit: "mostly the previous token (72%)" when it is at least half, or
"leans to the previous token (29%; an even spread gives 14%)" when it is at least a quarter and
at least twice what spreading attention evenly would give. Otherwise the head is "sharp, but on a
different token each time" when each token's single largest share averages at least half, and
"spread out" when it does not. `summarise` is tested on hand-made matrices.
"""
from __future__ import annotations

import heapq
import math

from widgets import _labview as lab
from widgets._params import Choice, Number, Text, clean

TITLE = "Attention in the lab model"
FILES = [lab.CHECKPOINT_FILE]
MOSTLY = 0.5               # an average share at least this large: "mostly"
LEANS = 0.25               # at least this, and twice an even spread: "leans to"
PATTERNS = (("previous", "the previous token"), ("first", "the first token"), ("self", "itself"))

PARAMS = {
    "lab_attn_text": Text("Tom saw a dog near the river. The dog was hungry, so Tom gave it some", max_len=400,
                          label="Text to look inside"),
    "lab_layer": Number(1, 1, 16, step=1, integer=True, label="Layer"),
    "lab_head": Number(1, 1, 16, step=1, integer=True, label="Head"),
    "lab_tok": Number(-1, -1, 4096, step=1, integer=True,
                      label="Selected token (position from 0; -1 = the last)"),
    "lab_look": Choice("heads", ("heads", "arithmetic", "layers"), label="Part shown"),
    "lab_guess": Text("", max_len=40, label="The next word you expect"),
}


def pattern_shares(rows) -> dict:
    """Average attention share on the previous token, the first token and the token itself, over
    the queries from position 2 on; "max" is the average largest share, "even" what each place
    would get if attention were spread evenly. Empty when the text has fewer than three tokens."""
    queries = range(2, len(rows))
    if not queries:
        return {}
    n = len(queries)
    return {
        "previous": sum(rows[i][i - 1] for i in queries) / n,
        "first": sum(rows[i][0] for i in queries) / n,
        "self": sum(rows[i][i] for i in queries) / n,
        "max": sum(max(rows[i][: i + 1]) for i in queries) / n,
        "even": sum(1 / (i + 1) for i in queries) / n,
    }


def summarise(rows) -> dict:
    """{kind, strength, share, text}: the head's habit on this text, measured.

    "mostly X" when X gets at least half of the attention on average; "leans to X" when X gets at
    least LEANS of it and at least twice what an even spread would give; otherwise "sharp, but on
    a different token each time" or "spread out", by the average largest share."""
    shares = pattern_shares(rows)
    if not shares:
        return {"kind": "short", "strength": "", "share": 0.0,
                "text": "too few tokens to tell (type at least three)"}
    kind, label = max(PATTERNS, key=lambda item: shares[item[0]])
    share = shares[kind]
    if share >= MOSTLY:
        return {"kind": kind, "strength": "mostly", "share": share,
                "text": f"mostly {label} ({round(100 * share)}%)"}
    if share >= LEANS and share >= 2 * shares["even"]:
        return {"kind": kind, "strength": "leans", "share": share,
                "text": f"leans to {label} ({round(100 * share)}%; an even spread gives "
                        f"{round(100 * shares['even'])}%)"}
    top = shares["max"]
    if top >= MOSTLY:
        return {"kind": "varies", "strength": "", "share": top,
                "text": f"sharp, but on a different token each time (top share {round(100 * top)}%)"}
    return {"kind": "spread", "strength": "", "share": top,
            "text": f"spread out (top share {round(100 * top)}% on average)"}


def _r(values, digits=4):
    return [round(v, digits) for v in values]


def maps(m, text: str):
    """(ids, tokens in the whole text, trace) for the clipped text. The model keeps its last
    trace, so moving between heads, tokens and parts does not run it again."""
    ids, total = lab.encode_clipped(m, text)
    return ids, total, (m.trace(ids) if ids else None)


def _expected(m, answer: str):
    """The token the reader expects next: the first token of their answer, read as the model
    reads a word (with its leading space). None for an empty answer."""
    answer = answer.strip()
    if not answer:
        return None
    ids = m.encode(answer)
    return {"text": answer, "id": ids[0], "shown": lab.pieces(m, ids[:1])[0]["shown"],
            "pieces": len(ids)}


def lens(m, trace, i: int, expect, top: int = 5) -> list[dict]:
    """The logit lens at position i (see _lm.Model.lens): one entry per stage with the top
    candidates and, when the reader typed an answer, its probability and rank there."""
    out = []
    for k, stage in enumerate(trace["stages"]):
        probs = m.stage_probs(stage[i])
        order = heapq.nsmallest(top, range(len(probs)), key=lambda j: (-probs[j], j))
        entry = {"name": "the embeddings" if k == 0 else f"layer {k}",
                 "top": [dict(lab.pieces(m, [j])[0], p=round(probs[j], 5)) for j in order]}
        if expect is not None:
            p = probs[expect["id"]]
            entry["expect"] = {"p": round(p, 5), "rank": 1 + sum(q > p for q in probs)}
        out.append(entry)
    return out


def arithmetic(m, trace, layer: int, head: int, i: int) -> dict:
    """One head's arithmetic at position i, rounded for the page (the weights to the map's
    five decimals, so the bars and the map show the same numbers)."""
    s = m.head_steps_from(trace, layer, head, i)
    return {"query": _r(s["query"]), "keys": [_r(k) for k in s["keys"]],
            "scores": _r(s["scores"]), "weights": _r(s["weights"], 5),
            "values": [_r(v) for v in s["values"]], "output": _r(s["output"]),
            "size": m.dh}


_TEXT: dict = {}


def _per_text(trace, layers: int, heads: int):
    """Every head's map (rounded for the page) and its measured habit: the same for every head,
    token and part chosen, so kept for the last text read."""
    if _TEXT.get("trace") is not trace:
        att = trace["weights"]
        _TEXT.clear()
        _TEXT.update(trace=trace,
                     # Row i holds positions 0..i only: the later ones are masked (exactly zero).
                     maps=[[[_r(row, 5) for row in att[a][b]] for b in range(heads)] for a in range(layers)],
                     summaries=[[dict(summarise(att[a][b]), layer=a + 1, head=b + 1) for b in range(heads)]
                                for a in range(layers)])
    return _TEXT["maps"], _TEXT["summaries"]


def view(state) -> dict:
    state = clean(PARAMS, state)
    m = lab.model()
    ids, total, trace = maps(m, state["lab_attn_text"])
    layers, heads = int(m.config["layers"]), int(m.config["heads"])
    layer = min(state["lab_layer"], layers)
    head = min(state["lab_head"], heads)
    state = dict(state, lab_layer=layer, lab_head=head)
    n = len(ids)
    tok = n - 1 if state["lab_tok"] < 0 or state["lab_tok"] >= n else state["lab_tok"]
    out = {
        "state": state,
        "tokens": lab.pieces(m, ids),
        "n_tokens": total,
        "clip_note": lab.clip_note(m, total),
        "layers": layers,
        "heads": heads,
        "selected": tok,
        "maps": [], "weights": [], "summaries": [], "arithmetic": None, "lens": [],
        "expect": None, "updates": None,
        # Which matrix product read the text: the page's typed-array kernel or Python's dot
        # products (for tests and the bench; the numbers agree either way).
        "kernel": "typed arrays" if m.fast else "python",
    }
    if not n:
        return out
    maps_, summaries = _per_text(trace, layers, heads)
    look = state["lab_look"]
    expect = _expected(m, state["lab_guess"]) if look == "layers" else None
    stream = [math.sqrt(sum(v * v for v in stage[tok])) for stage in trace["stages"]]
    out.update({
        "maps": maps_,
        "summaries": summaries,
        # Only the part in view is computed: the arithmetic and the lens cost nothing until the
        # reader opens them (the lens reads the whole vocabulary at every stage).
        "arithmetic": arithmetic(m, trace, layer - 1, head - 1, tok) if look == "arithmetic" else None,
        "lens": lens(m, trace, tok, expect) if look == "layers" else [],
        "expect": expect,
        # How far each half-block moves the chosen token's vector, and the vector's own length
        # after the embeddings and after each layer (for scale).
        "updates": {"attn": [round(u["attn"][tok], 3) for u in trace["updates"]],
                    "mlp": [round(u["mlp"][tok], 3) for u in trace["updates"]],
                    "stream": [round(v, 3) for v in stream]},
    })
    out["weights"] = out["maps"][layer - 1][head - 1]
    return out
