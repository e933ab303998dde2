"""Shared helpers for the lab views (lab-ask, lab-attention, lab-embed, lab-training).

The model itself is `widgets._lm` (its forward pass, attention maps and generation loop). This
file only turns its answers into things a page can draw: token pieces made visible, the context
clip with its note, replies remembered per state, and the build-time data files. Standard library
only, like every widget module.
"""
from __future__ import annotations

import math
import sys
import time

from widgets import _bpe, _lm
from widgets._sampling import sample, softmax, top_k_filter, top_p_filter
from widgets._text import visible

CHECKPOINT = "base"
CHECKPOINT_FILE = f"lab/{CHECKPOINT}.bin"   # every lab view reads the model (see _lm.load)
END = _bpe.EOT                     # the end-of-text marker, where a document ends


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


def pieces(m, ids) -> list[dict]:
    out = []
    for i in ids:
        t = piece_text(m, i)
        out.append({"id": i, "text": t, "shown": visible(t, codes=True)})
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


def dials(logits, temperature: float, top_k: int, top_p: float) -> list[float]:
    """The inference chapter's dials, in order: temperature, then top-k, then top-p."""
    return top_p_filter(top_k_filter(softmax(logits, temperature), top_k), top_p)


class Writer:
    """One reply being written: the generation loop, for real, on the model's KV cache.

    The same loop as `_lm.Model.generate_tokens` (tests check they agree): the dials turn the
    logits into probabilities, draw i uses the seed `seed * 1_000_003 + i`, the end-of-text token
    ends the text, and a full context slides. Kept between views, so writing one more token costs
    one step of the model, and the next-token candidates after the reply cost nothing extra.
    The model keeps one cache for whatever it read last; if another view has read something else
    since, `run` re-reads this reply's tokens (from the first one that differs) before going on."""

    def __init__(self, m, prompt_ids, temperature, top_k, top_p, seed):
        self.m, self.dials, self.seed = m, (temperature, top_k, top_p), seed
        self.ids = m.clip(list(prompt_ids)) or [m.eot]
        self.cache, hidden, _ = m.run(self.ids)
        self.fed = list(self.cache["ids"])     # what the cache holds when it is ours
        self.hidden = [hidden]          # hidden[i]: the model's state after i generated tokens
        self.out, self.probs, self.stopped = [], [], False

    def logits(self, n: int) -> list[float]:
        """Next-token logits after the first n generated tokens."""
        return self.m.unembed(self.hidden[min(n, len(self.out))])

    def write(self, n: int):
        m = self.m
        if len(self.out) < n and not self.stopped and self.cache["ids"] != self.fed:
            self.cache = m.run(self.fed)[0]
        while len(self.out) < n and not self.stopped:
            probs = dials(self.logits(len(self.out)), *self.dials)
            nxt = sample(probs, self.seed * 1_000_003 + len(self.out))
            if nxt == m.eot:
                self.stopped = True
                break
            self.out.append(nxt)
            self.probs.append(probs[nxt])
            self.ids.append(nxt)
            if self.cache["n"] >= m.C:                   # full: slide the window and re-read
                self.cache, hidden, _ = m.run(self.ids[-m.C + 1:])
            else:
                hidden = m.step(nxt, self.cache)
            self.hidden.append(hidden)
            self.fed = list(self.cache["ids"])
        return self.out[:n], self.probs[:n], self.stopped and len(self.out) <= n


# Long replies in the page: a view call writes for at most this long, then says "partial" and the
# page asks again (ctx.call with `_ms`), so the worker answers other widgets in between and the
# reader sees the reply grow. Under CPython (tests, build) a reply is written whole.
IN_PAGE = sys.platform == "emscripten"
SLICE_MS = 60


def write_for(loop: Writer, n: int, ms=None):
    """(ids, probs, stopped, partial): the reply written towards n tokens for at most `ms`
    milliseconds (at least one token; the page's default when ms is None, no limit outside the
    page). Partial means more tokens are still to come."""
    if ms is None and not IN_PAGE:
        return (*loop.write(n), False)
    budget = (SLICE_MS if not isinstance(ms, (int, float)) else min(200, max(5, ms))) / 1000
    start = time.perf_counter()
    done = len(loop.out)
    while done < n and not loop.stopped:
        loop.write(done + 1)
        done = len(loop.out)
        if time.perf_counter() - start >= budget:
            break
    ids, probs, stopped = loop.write(min(n, done))
    return ids, probs, stopped, len(ids) < n and not loop.stopped


# Replies being written in this process, keyed by everything that decides them.
_WRITERS: dict = {}
_WRITERS_MAX = 8


def writer(m, prompt_ids, temperature, top_k, top_p, seed) -> Writer:
    key = (id(m), tuple(prompt_ids), temperature, top_k, top_p, seed)
    if key not in _WRITERS:
        if len(_WRITERS) >= _WRITERS_MAX:
            _WRITERS.pop(next(iter(_WRITERS)))
        _WRITERS[key] = Writer(m, prompt_ids, temperature, top_k, top_p, seed)
    return _WRITERS[key]


def reply(m, prompt_ids, temperature, top_k, top_p, seed, n):
    """(generated ids, probability of each drawn token after the dials, stopped): up to n tokens
    after prompt_ids; stopped means the model ended its text before n tokens."""
    return writer(m, prompt_ids, temperature, top_k, top_p, seed).write(n)


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
