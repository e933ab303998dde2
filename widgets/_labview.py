"""Shared helpers for the lab views (lab-ask, lab-attention, lab-embed, lab-training).

The model itself is `widgets._lm` (the lead's module: the forward pass, sampling-free). This file
only turns its answers into things a page can draw: token pieces made visible, the context clip,
a seeded generation loop on the real logits, and the build-time data files. Standard library only.
"""
from __future__ import annotations

import json
import math

from widgets import _lm
from widgets._sampling import sample, softmax, top_k_filter, top_p_filter

CHECKPOINT = "base"
FILES = ["lab/base.bin"]           # what the page must fetch before any lab view can answer
STOP_PIECES = ("<|endoftext|>", "<|end|>")


def model():
    """The trained model (loaded once per process; `_lm.load` reads the weights)."""
    return _lm.load(CHECKPOINT)


def context(m) -> int:
    return int(m.config.get("context", 128))


def piece_bytes(m, i: int) -> bytes:
    return m.tokenizer.piece(i)


def piece_text(m, i: int) -> str:
    """A token as text. A token that is only part of a character (byte-level BPE can split an
    emoji or a Chinese character across tokens) is written as its bytes in hex, e.g. <e2 80>."""
    raw = piece_bytes(m, i)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "<" + " ".join(f"{b:02x}" for b in raw) + ">"


def is_whole_text(m, i: int) -> bool:
    """True when token i is complete UTF-8 text (not a fragment of a character)."""
    try:
        piece_bytes(m, i).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def shown(text: str) -> str:
    """Spaces and line breaks made visible: ␣ and ↵ (tabs →)."""
    text = text.replace(" ", "␣").replace("\n", "↵").replace("\t", "→")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"<{ord(ch):02x}>" for ch in text)


def pieces(m, ids) -> list[dict]:
    out = []
    for i in ids:
        t = piece_text(m, i)
        out.append({"id": i, "text": t, "shown": shown(t)})
    return out


def encode_clipped(m, text: str):
    """(ids of the last `context` tokens, number of tokens in the whole text)."""
    ids = m.encode(text)
    c = context(m)
    return (ids[-c:] if len(ids) > c else ids), len(ids)


def clip_note(m, total: int) -> str:
    c = context(m)
    if total <= c:
        return ""
    return (f"Your text is {total:,} tokens long, but this model reads at most {c}: only the last "
            f"{c} are used ({total - c:,} clipped from the start).")


def end_id(m):
    """The id of <|endoftext|>, the token a document starts after (None if there is none)."""
    try:
        ids = m.tokenizer.encode(STOP_PIECES[0], allow_special=True)
    except Exception:
        return None
    return ids[0] if len(ids) == 1 else None


def model_input(m, ids) -> list[int]:
    """What the model reads: the (clipped) ids, or the end-of-text token alone when there is no
    text yet (a new document starts after it)."""
    if ids:
        return list(ids)
    e = end_id(m)
    return [e] if e is not None else [0]


def stop_ids(m) -> set[int]:
    out = set()
    for s in STOP_PIECES:
        try:
            ids = m.tokenizer.encode(s, allow_special=True)
        except Exception:                    # a tokenizer without that special: nothing to stop on
            continue
        if len(ids) == 1:
            out.add(ids[0])
    return out


def dials(logits, temperature: float, top_k: int, top_p: float) -> list[float]:
    """The inference chapter's dials, in order: temperature, then top-k, then top-p."""
    return top_p_filter(top_k_filter(softmax(logits, temperature), top_k), top_p)


def step_seed(seed: int, step: int) -> int:
    """The draw number of generation step `step` (0-based) for a reply seeded with `seed`: one
    independent, repeatable draw per step, so one more step never changes the earlier ones."""
    return seed * 1_000_003 + step


# Replies already written in this process, keyed by everything that decides them. A longer reply
# with the same key continues a shorter one, so "one more token" costs one step, not all of them.
_REPLIES: dict = {}
_REPLIES_MAX = 16


def reply(m, prompt_ids, temperature, top_k, top_p, seed, n):
    """Write up to `n` tokens after `prompt_ids`, each drawn with the dials from the real logits.

    Returns (generated ids, probability of each drawn token after the dials, stopped: bool).
    Stops early when the model draws its end-of-text token. Deterministic for a given seed."""
    key = (tuple(prompt_ids), temperature, top_k, top_p, seed)
    ids, probs, stopped = _REPLIES.get(key, ([], [], False))
    ids, probs = list(ids), list(probs)
    ends = stop_ids(m)
    c = context(m)
    while len(ids) < n and not stopped:
        window = model_input(m, (list(prompt_ids) + ids)[-c:])
        p = dials(m.logits(window), temperature, top_k, top_p)
        pick = sample(p, step_seed(seed, len(ids)))
        ids.append(pick)
        probs.append(p[pick])
        stopped = pick in ends
    if len(_REPLIES) >= _REPLIES_MAX and key not in _REPLIES:
        _REPLIES.pop(next(iter(_REPLIES)))
    if len(ids) >= len(_REPLIES.get(key, ([],))[0]):
        _REPLIES[key] = (ids, probs, stopped)
    return ids[:n], probs[:n], stopped and len(ids) <= n


def read_json(relpath: str):
    """A build-time data file (docs/generated/data/<relpath>), parsed."""
    return json.loads(_lm.read_data(relpath).decode("utf-8"))


def embedding_row(m, i: int) -> list[float]:
    return list(m.embedding(i))


def cosine(u, v) -> float:
    dot = sum(a * b for a, b in zip(u, v))
    nu = math.sqrt(sum(a * a for a in u))
    nv = math.sqrt(sum(b * b for b in v))
    return dot / (nu * nv) if nu and nv else 0.0
