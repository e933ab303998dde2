"""Measure the lab model at build time: everything the lab chapter and widgets quote about its
quality, its embeddings and its training, computed from the committed weights.

Numbers come from the same code the page runs (widgets/_lm.py) wherever the page shows the same
thing (replies, facts); held-out perplexity uses the numpy forward pass for speed (the tests check
the two forward passes agree).
"""
from __future__ import annotations

import functools
import json
import math
import re

import numpy as np

from widgets import _lm

from . import checkpoint, model, train, world
from .common import WEIGHTS

WORD_PROMPTS = ["Once upon a time,", "Mira", "The cat", "In Norland,", "Count with me:",
                "One morning,", "Tom has", "The capital of Estria is"]
MIN_COUNT = 200        # how often a word token must occur in training to be drawn on the map
HISTORY_PROMPTS = ["Once upon a time,", "The capital of Norland is", "Ben has a pet"]


def manifest() -> dict:
    return json.loads((WEIGHTS / "manifest.json").read_text())


@functools.lru_cache(maxsize=None)
def _streams():
    tok = _lm.load("base").tokenizer
    text, held = train.texts()
    return tok, np.array(tok.encode(text), np.int32), np.array(tok.encode(held), np.int32)


def perplexity() -> dict:
    """Held-out perplexity of the model (non-overlapping windows of the full context) beside a
    unigram model (token frequencies of the training text, add-one smoothed), on the same tokens."""
    P, header = checkpoint.load("base")
    cfg = header["config"]
    tok, stream, held = _streams()
    C = cfg["context"]
    n = (len(held) - 1) // C
    x = np.stack([held[i * C:i * C + C + 1] for i in range(n)])
    nll = 0.0
    for i in range(0, n, 32):
        b = x[i:i + 32]
        nll += model.cross_entropy(model.forward(P, cfg, b[:, :-1]), b[:, 1:])[0] * b[:, 1:].size
    scored = x[:, 1:].reshape(-1)
    counts = np.bincount(stream, minlength=cfg["vocab"]).astype(np.float64) + 1.0
    uni = -np.log(counts[scored] / counts.sum()).mean()
    model_nll = nll / scored.size
    return {"tokens": int(scored.size), "model": math.exp(model_nll), "unigram": math.exp(uni),
            "model_loss": model_nll, "unigram_loss": float(uni)}


def first_word(text: str) -> str:
    m = re.match(r"\s*([A-Za-z]+)", text)
    return m.group(1) if m else ""


def facts() -> dict:
    """Top-1 accuracy on the world's facts asked in held-out phrasings (greedy next word)."""
    m = _lm.load("base")
    rows = []
    for (prompt, answer), kind in zip(world.FACTS, world.FACT_KINDS):
        got = first_word(m.generate(prompt, temperature=0, max_new_tokens=4))
        rows.append({"prompt": prompt, "answer": answer, "got": got, "kind": kind,
                     "ok": got == answer})
    return {"rows": rows, "correct": sum(r["ok"] for r in rows), "total": len(rows)}


def world_words(n_seeds: int = 4, temperature: float = 0.8, tokens: int = 40) -> dict:
    """Share of generated words (letters only) that are words of the world, at temperature 0.8."""
    m = _lm.load("base")
    ok = total = 0
    samples = []
    for prompt in WORD_PROMPTS:
        for seed in range(n_seeds):
            reply = m.generate(prompt, temperature=temperature, seed=seed, max_new_tokens=tokens)
            ws = world.words(reply)
            ok += sum(w in world.WORDS for w in ws)
            total += len(ws)
            if seed == 0:
                samples.append({"prompt": prompt, "reply": reply})
    return {"share": ok / max(1, total), "words": total, "samples": samples}


GROUPS = {
    "people": [p["name"] for p in world.CAST],
    "towns": list(world.PLACES),
    "countries": list(world.COUNTRIES),
    "capitals": list(world.COUNTRIES.values()),
    "animals": list(world.ANIMALS),
    "foods": list(world.ANIMALS.values()),
    "things": list(world.THINGS),
    "colours": sorted(set(world.THINGS.values())),
    "jobs": sorted({p["job"] for p in world.CAST}),
    "number words": world.NUMBER_WORDS[:11],
}


def embedding() -> dict:
    """The learned token table on a 2-D map (the two main directions of the word tokens'
    vectors), the groups of the world's words and how well each holds together (the share of
    its members whose nearest neighbour is in the same group), and analogy tests."""
    P, _ = checkpoint.load("base")
    m = _lm.load("base")
    wte = P["wte"].astype(np.float64)
    ids, group_of = [], {}
    for name, members in GROUPS.items():
        for w in members:
            t = m.encode(" " + w)
            if len(t) == 1 and t[0] not in group_of:
                ids.append(t[0])
                group_of[t[0]] = name
    # Every other whole-word token the model read often. Rare ones (pieces of longer words such as
    # " Elm" of " Elmsby") hardly moved from where training leaves unused rows, and would pile up
    # in one corner of the map.
    counts = np.bincount(_streams()[1], minlength=m.tokenizer.vocab_size)
    for i in range(m.tokenizer.vocab_size):
        if (i not in group_of and counts[i] >= MIN_COUNT
                and re.fullmatch(r" [A-Za-z]+", m.piece(i) or "")):
            ids.append(i)
            group_of[i] = "other"
    X = wte[ids]
    Xc = X - X.mean(0)
    _, _, vt = np.linalg.svd(Xc, full_matrices=False)
    axes = vt[:2].copy()
    for k in range(2):                           # a fixed sign: the largest component positive
        if axes[k, np.argmax(np.abs(axes[k]))] < 0:
            axes[k] *= -1
    xy = Xc @ axes.T
    unit = X / np.linalg.norm(X, axis=1, keepdims=True)
    sims = unit @ unit.T
    np.fill_diagonal(sims, -np.inf)
    nearest = sims.argmax(1)
    groups = []
    for name in GROUPS:
        rows = [k for k, i in enumerate(ids) if group_of[i] == name]
        if not rows:
            continue
        same = sum(group_of[ids[nearest[k]]] == name for k in rows)
        groups.append({"name": name, "members": [m.piece(ids[k]).strip() for k in rows],
                       "together": same / len(rows)})
    return {"points": [{"id": int(i), "word": m.piece(i).strip(), "group": group_of[i],
                        "x": round(float(a), 4), "y": round(float(b), 4)}
                       for i, (a, b) in zip(ids, xy)],
            "groups": groups, "analogies": analogies(m, wte)}


def analogies(m, wte) -> dict:
    """b - a + c, nearest by cosine among whole-word tokens other than a, b, c: does it land on
    d? Tried on every ordered pair of (country, capital) and (animal, food) facts."""
    out = {}
    vocab = [i for i in range(m.tokenizer.vocab_size) if re.fullmatch(r" [A-Za-z]+", m.piece(i) or "")]
    unit = wte[vocab] / np.linalg.norm(wte[vocab], axis=1, keepdims=True)
    for name, pairs in (("country → capital", world.COUNTRIES), ("animal → food", world.ANIMALS)):
        pairs = [(m.encode(" " + a), m.encode(" " + b)) for a, b in pairs.items()]
        pairs = [(a[0], b[0]) for a, b in pairs if len(a) == 1 and len(b) == 1]
        hits = tries = 0
        example = None
        for a, b in pairs:
            for c, d in pairs:
                if a == c:
                    continue
                v = wte[b] - wte[a] + wte[c]
                s = unit @ (v / np.linalg.norm(v))
                for skip in (a, b, c):
                    s[vocab.index(skip)] = -np.inf
                got = vocab[int(s.argmax())]
                hits += got == d
                tries += 1
                if example is None:
                    example = {"a": m.piece(a).strip(), "b": m.piece(b).strip(),
                               "c": m.piece(c).strip(), "want": m.piece(d).strip(),
                               "got": m.piece(got).strip()}
        out[name] = {"hits": hits, "tries": tries, "example": example}
    return out


def history() -> dict:
    """Training history for the "watch it learn" view: losses, and what each saved checkpoint
    writes for a few fixed prompts (greedy, so the text is the model's single best guess)."""
    h = json.loads((WEIGHTS / "history.json").read_text())
    ckpts = []
    for step in h["checkpoints"]:
        name = "base" if step == h["steps"] else f"ckpt-{step:05d}"
        m = _lm.Model((WEIGHTS / f"{name}.bin").read_bytes())
        ckpts.append({"step": step, "tokens": step * h["batch"] * h["context"],
                      "heldout_loss": m.meta.get("heldout_loss"),
                      "samples": [{"prompt": p, "reply": m.generate(p, temperature=0,
                                                                    max_new_tokens=24)}
                                  for p in HISTORY_PROMPTS]})
    return {**h, "checkpoints": ckpts}


@functools.lru_cache(maxsize=None)
def report() -> dict:
    """Everything above, once per build."""
    return {"perplexity": perplexity(), "facts": facts(), "world_words": world_words(),
            "embedding": embedding(), "history": history(), "manifest": manifest()}
