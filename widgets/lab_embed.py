"""The lab model's meaning-space: its learned token embeddings on a 2-D map, nearest neighbours of a
word the reader picks (computed live, from the full vectors, not from the flat map), and an analogy
test (a − b + c) reported as it comes out.

The map's coordinates and the groups come from the build (embedding.json: a projection of the
embedding table, and the groups measured there). Neighbours and analogies use cosine similarity on
the model's real embedding vectors, among the model's whole-word tokens (a space then letters, as
the build's measurements use). A word the model keeps as one token uses that token's vector; a word
it splits into several tokens uses their average, and the view says so.
"""
from __future__ import annotations

import functools
import re

from widgets import _data
from widgets import _labview as lab
from widgets._params import Text, clean
from widgets._text import visible

TITLE = "The lab model's meaning-space"
NEIGHBOURS = 8
RESULTS = 5
DATA = "lab/embedding.json"
FILES = [lab.CHECKPOINT_FILE, DATA]

PARAMS = {
    "lab_word": Text("cat", max_len=40, label="Word"),
    "lab_a": Text("fish", max_len=40, label="Start from"),
    "lab_b": Text("cat", max_len=40, label="minus"),
    "lab_c": Text("dog", max_len=40, label="plus"),
    "lab_expect": Text("rice", max_len=40, label="Expected answer (optional)"),
}

WORD = re.compile(r" [A-Za-z]+")


@functools.cache
def table(m):
    """(ids of the candidate tokens: every whole-word token, a space then letters; every
    token's vector by id), once per model."""
    vocab = int(m.config["vocab"])
    ids = [i for i in range(vocab) if lab.is_whole_text(m, i) and WORD.fullmatch(lab.piece_text(m, i))]
    return ids, {i: lab.embedding_row(m, i) for i in range(vocab)}


def word_ids(m, word: str) -> list[int]:
    """The tokens of a word as the model meets it inside a sentence (with its leading space)."""
    word = word.strip()
    if not word:
        return []
    return m.tokenizer.encode(" " + word, allow_special=False)


def vector(m, ids):
    _, vecs = table(m)
    rows = [vecs[i] for i in ids]
    return [sum(col) / len(rows) for col in zip(*rows)] if rows else []


def nearest(m, vec, exclude=(), k=NEIGHBOURS) -> list[dict]:
    """The k tokens whose vectors point most nearly the same way as `vec` (cosine similarity)."""
    ids, vecs = table(m)
    if not vec or not any(vec):
        return []
    scored = [(lab.cosine(vec, vecs[i]), i) for i in ids if i not in exclude]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [{"id": i, "text": lab.piece_text(m, i), "shown": visible(lab.piece_text(m, i), codes=True),
             "cos": round(c, 4)} for c, i in scored[:k]]


def describe_word(m, word: str) -> dict:
    ids = word_ids(m, word)
    return {"word": word.strip(), "ids": ids, "pieces": lab.pieces(m, ids), "split": len(ids) > 1}


def analogy(m, a: str, b: str, c: str, expect: str = "") -> dict:
    """a − b + c on the learned vectors; the nearest tokens to the result (a, b, c left out), and,
    when an expected word is given, where it ranks among all candidate tokens."""
    wa, wb, wc = (describe_word(m, w) for w in (a, b, c))
    if not (wa["ids"] and wb["ids"] and wc["ids"]):
        return {"ok": False, "reason": "Type three words to try an analogy.", "results": []}
    va, vb, vc = (vector(m, w["ids"]) for w in (wa, wb, wc))
    target = [x - y + z for x, y, z in zip(va, vb, vc)]
    exclude = set(wa["ids"]) | set(wb["ids"]) | set(wc["ids"])
    ranked = nearest(m, target, exclude, k=len(table(m)[0]))
    out = {"ok": True, "results": ranked[:RESULTS],
           "split": [w["word"] for w in (wa, wb, wc) if w["split"]],
           "expect": expect.strip(), "expect_rank": None, "works": None}
    e = describe_word(m, expect)
    if e["ids"]:
        if len(e["ids"]) == 1:
            rank = next((r for r, item in enumerate(ranked, 1) if item["id"] == e["ids"][0]), None)
            out["expect_rank"] = rank
            out["works"] = rank == 1
        else:
            out["expect_split"] = True
    return out


@functools.cache
def projection():
    """The build's 2-D map: points [{id, word, x, y, group}] ("" for words in no group) and the
    groups [{name, size, together, examples}], "together" being the share of a group's members
    whose nearest neighbour (full vectors) is in the same group, measured at build."""
    data = _data.read_json(DATA)
    points = [{"id": int(p["id"]), "word": str(p["word"]), "x": float(p["x"]),
               "y": float(p["y"]), "group": "" if p["group"] == "other" else str(p["group"])}
              for p in data["points"]]
    groups = [{"name": str(g["name"]), "size": len(g["members"]),
               "together": float(g["together"]), "examples": [str(x) for x in g["members"][:4]]}
              for g in data["groups"]]
    return points, groups


def view(state) -> dict:
    state = clean(PARAMS, state)
    m = lab.model()
    word = describe_word(m, state["lab_word"])
    points, groups = projection()
    neighbours = nearest(m, vector(m, word["ids"]), exclude=set(word["ids"])) if word["ids"] else []
    return {
        "state": state,
        "points": points,
        "candidates": len(table(m)[0]),
        "groups": groups,
        "word": word,
        "neighbours": neighbours,
        "analogy": analogy(m, state["lab_a"], state["lab_b"], state["lab_c"], state["lab_expect"]),
    }
