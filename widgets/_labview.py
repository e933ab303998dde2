"""Shared helpers for the lab views (lab-ask, lab-attention, lab-embed, lab-training).

The model itself is `widgets._lm` (its forward pass, attention maps and generation loop). This
file only turns its answers into things a page can draw: token pieces made visible, the context
clip with its note, replies remembered per state, and the build-time data files. Standard library
only, like every widget module.
"""
from __future__ import annotations

import json
import math

from widgets import _lm
from widgets._sampling import softmax, top_k_filter, top_p_filter

CHECKPOINT = "base"
FILES = ["lab/base.bin"]           # what the page must fetch before any lab view can answer
END = "<|endoftext|>"


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


def model_input(m, ids) -> list[int]:
    """What the model reads: the (clipped) ids, or the end-of-text token alone when there is no
    text yet (a new document starts after it)."""
    return list(ids) if ids else m.tokenizer.encode(END, allow_special=True)


def dials(logits, temperature: float, top_k: int, top_p: float) -> list[float]:
    """The inference chapter's dials, in order: temperature, then top-k, then top-p."""
    return top_p_filter(top_k_filter(softmax(logits, temperature), top_k), top_p)


# Replies already written in this process, keyed by everything that decides them (moving a
# slider that does not change the reply, or pointing at a token, does not write it again).
_REPLIES: dict = {}
_REPLIES_MAX = 16


def reply(m, prompt_ids, temperature, top_k, top_p, seed, n):
    """Write up to `n` tokens after `prompt_ids`, each drawn with the dials from the real logits
    (the model's own loop, with its KV cache: `_lm.Model.generate_tokens`; draw i uses its own
    seed, so one more token never changes the ones before it).

    Returns (generated ids, probability of each drawn token after the dials, stopped), where
    stopped means the model ended its text (drew the end-of-text token) before n tokens."""
    key = (tuple(prompt_ids), temperature, top_k, top_p, seed, n)
    if key not in _REPLIES:
        if len(_REPLIES) >= _REPLIES_MAX:
            _REPLIES.pop(next(iter(_REPLIES)))
        toks = m.generate_tokens("", temperature=temperature, top_k=top_k, top_p=top_p,
                                 seed=seed, max_new_tokens=n, ids=list(prompt_ids)) if n else []
        _REPLIES[key] = ([t["id"] for t in toks], [t["p"] for t in toks], len(toks) < n)
    ids, probs, stopped = _REPLIES[key]
    return list(ids), list(probs), stopped


def read_json(relpath: str):
    """A build-time data file (docs/generated/data/<relpath>), parsed."""
    return json.loads(_lm.read_data(relpath).decode("utf-8"))


def embedding_row(m, i: int) -> list[float]:
    """Token i's learned embedding vector (its row of the token table)."""
    if hasattr(m, "embedding"):
        return list(m.embedding(i))
    return list(m.wte[i])


def cosine(u, v) -> float:
    dot = sum(a * b for a, b in zip(u, v))
    nu = math.sqrt(sum(a * a for a in u))
    nv = math.sqrt(sum(b * b for b in v))
    return dot / (nu * nv) if nu and nv else 0.0
