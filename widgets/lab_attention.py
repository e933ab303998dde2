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

from widgets import _labview as lab
from widgets._params import Number, Text, clean

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


_LAST: dict = {}


def maps(m, text: str):
    """(ids, attention[layer][head][query][key]) for the clipped text; remembers the last text,
    so moving between layers, heads and tokens does not run the model again."""
    if _LAST.get("text") != text:
        ids, total = lab.encode_clipped(m, text)
        att = m.attention(text) if ids else []
        n = len(att[0][0]) if att and att[0] else 0
        ids = ids[len(ids) - n:] if n else []    # the model reads the same last tokens
        _LAST.clear()
        _LAST.update(text=text, ids=ids, total=total, att=att)
    return _LAST["ids"], _LAST["total"], _LAST["att"]


def view(state) -> dict:
    state = clean(PARAMS, state)
    m = lab.model()
    ids, total, att = maps(m, state["lab_attn_text"])
    layers, heads = int(m.config["layers"]), int(m.config["heads"])
    layer = min(state["lab_layer"], layers)
    head = min(state["lab_head"], heads)
    state = dict(state, lab_layer=layer, lab_head=head)
    n = len(ids)
    tok = n - 1 if state["lab_tok"] < 0 or state["lab_tok"] >= n else state["lab_tok"]
    rows = att[layer - 1][head - 1] if n else []
    return {
        "state": state,
        "tokens": lab.pieces(m, ids),
        "n_tokens": total,
        "clip_note": lab.clip_note(m, total),
        "layers": layers,
        "heads": heads,
        "selected": tok,
        # Row i holds positions 0..i only: the later ones are masked (exactly zero).
        "weights": [[round(w, 5) for w in rows[i][: i + 1]] for i in range(n)],
        "summaries": [[dict(summarise(att[a][b]), layer=a + 1, head=b + 1) for b in range(heads)]
                      for a in range(layers)] if n else [],
    }
