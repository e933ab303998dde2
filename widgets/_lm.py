"""The lab model's forward pass in plain Python, for the page (Pyodide) and for tests (CPython).

The same computation as site_build/lab/model.py (numpy, build time), read from the weight file
that site_build/lab/checkpoint.py writes; tests/unit/lab/test_lm.py checks that the two agree.
Standard library only. Matrices are kept as lists of columns so that every output number is one
dot product (math.sumprod where Python has it, 3.12+; a plain sum of products otherwise).

One speed path: every matrix product goes through Model._times (rows times a matrix: the weights,
and attention's scores and blends), and in the page that call goes to the worker's typed-array
kernel (docs/assets/tbt/worker.js, `tbtKernel.times`: the same multiply-adds, ten to twenty times
faster than dot products in Pyodide). In CPython, and wherever the worker has none, the dot
products here run.

    m = load("base")
    m.encode(text) -> ids;  m.decode(ids) -> text
    m.next_token_probs(text) -> [(piece, probability), ...] over the whole vocabulary
    m.attention(text) -> [layer][head][query][key]
    m.generate(text, temperature=0.8, top_k=0, top_p=1.0, seed=0, max_new_tokens=40) -> text
    chat(question) -> the templated prompt text a chat-tuned checkpoint answers
"""
from __future__ import annotations

import json
import math
import struct
import sys
from array import array as _array
from itertools import repeat as _repeat
from math import tanh as _tanh
from operator import add as _add

from widgets import _bpe, _data, _sampling

try:
    from math import sumprod as _dot
except ImportError:                      # Python < 3.12 (the build machine's CPython)
    from operator import mul as _mul

    def _dot(a, b):
        return sum(map(_mul, a, b))

MAGIC = b"TBTLM\x00\x01\x00"
EPS = 1e-5
GELU_C = math.sqrt(2.0 / math.pi)
WEIGHTS = _data.WEIGHTS                   # the committed weights (figures and tests read them)
_loaded: dict[str, "Model"] = {}
CACHES = 4                               # sequences each model keeps cached (see Model.run)


def load(name: str = "base") -> "Model":
    """A checkpoint by name ("base", or "ckpt-00400"); loaded once, then cached."""
    if name not in _loaded:
        _loaded[name] = Model(_data.read_bytes(f"lab/{name}.bin"))
    return _loaded[name]


def chat(question: str) -> str:
    """The chat template around one user question, ending where the assistant's answer begins:
    "<|user|> question<|end|><|assistant|>". The markers are special tokens (encode() maps each to
    its reserved id). As everywhere in the lab model, text after a marker starts with a space, so
    its first word is the token the base model knows (" What", not "What"); a chat-tuned model's
    answer starts with a space too and ends with <|end|>. The build's chats
    (site_build/lab/chats.template) and the post-training prompts are built from this."""
    return f"{_bpe.USER} {question.strip()}{_bpe.END}{_bpe.ASSISTANT}"


def _common(a, b) -> int:
    """How many leading items two sequences share."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _columns(flat, rows, cols):
    """Row-major [rows, cols] floats -> list of `cols` columns (each a list of `rows` floats)."""
    return [list(flat[j::cols]) for j in range(cols)]


def _fold(g, b, cols, bias=None):
    """A LayerNorm's gain and bias folded into the linear map after it.

    LN(x) @ W = r * (xc @ (g * W)) + (b @ W), with xc = x - mean(x) and r = 1 / std(x), so each
    output is one dot product with a pre-scaled column, a multiply and an add."""
    scaled = [[gi * w for gi, w in zip(g, c)] for c in cols]
    shift = [_dot(b, c) for c in cols]
    if bias is not None:
        shift = [s + bb for s, bb in zip(shift, bias)]
    return scaled, shift


def _centre(x):
    """(x - mean(x), 1 / sqrt(var(x) + eps)): the two numbers a folded LayerNorm needs."""
    xc = list(map((sum(x) / len(x)).__rsub__, x))        # [v - mean(x) for v in x]
    return xc, 1.0 / math.sqrt(_dot(xc, xc) / len(x) + EPS)


def _gelu(u):
    """GELU, the tanh form GPT-2 uses, on every number of u."""
    return [0.5 * v * (1.0 + _tanh(GELU_C * (v + 0.044715 * v * v * v))) for v in u]


_KERNEL: list = []


def kernel():
    """The page's typed-array matrix product, (tbtKernel, to_js), or None: in CPython, or where
    the worker has none (the build's snapshot run). Looked up on first use, never at import (the
    Python memory snapshot must hold no reference to a JavaScript object)."""
    if not _KERNEL:
        found = None
        if sys.platform == "emscripten":
            try:
                import js
                from pyodide.ffi import to_js
                k = getattr(js, "tbtKernel", None)
                found = (k, to_js) if k is not None else None
            except Exception:                # no kernel: the dot products below still answer
                found = None
        _KERNEL.append(found)
    return _KERNEL[0]


class Model:
    def __init__(self, data: bytes):
        if data[:8] != MAGIC:
            raise ValueError("not a lab model file")
        (n,) = struct.unpack_from("<I", data, 8)
        header = json.loads(data[12:12 + n].decode("utf-8"))
        self.config = cfg = header["config"]
        self.meta = header.get("meta", {})
        tok = header["tokenizer"]
        self.tokenizer = _bpe.Tokenizer([tuple(m) for m in tok["merges"]], tok["specials"])
        t, off = {}, 12 + n
        for name, shape in header["tensors"]:
            count = 1
            for s in shape:
                count *= s
            t[name] = struct.unpack_from(f"<{count}e", data, off)
            off += 2 * count
        if off != len(data):
            raise ValueError("lab model file has the wrong length")
        d, F = cfg["d_model"], cfg["d_mlp"]
        self.d, self.H, self.dh, self.C = d, cfg["heads"], d // cfg["heads"], cfg["context"]
        rows = lambda flat: [list(flat[i:i + d]) for i in range(0, len(flat), d)]
        self.wte = rows(t["wte"])
        self.wpe = rows(t["wpe"])
        self.layers = []
        for l in range(cfg["layers"]):
            p = f"h{l}."
            qkv = sum((_columns(t[p + w], d, d) for w in ("wq", "wk", "wv")), [])
            self.layers.append({
                "qkv": _fold(t[p + "ln1_g"], t[p + "ln1_b"], qkv),
                "wo": _columns(t[p + "wo"], d, d),
                "w1": _fold(t[p + "ln2_g"], t[p + "ln2_b"], _columns(t[p + "w1"], d, F), t[p + "b1"]),
                "w2": _columns(t[p + "w2"], F, d), "b2": list(t[p + "b2"]),
            })
        self.unemb = _fold(t["lnf_g"], t["lnf_b"], self.wte)    # tied: logits use wte's rows
        self.eot = self.tokenizer.special_ids[_bpe.EOT]
        self.end = self.tokenizer.special_ids[_bpe.END]    # a chat answer's last token
        # A few cached sequences (say, one per widget on a page), each re-used from the first token
        # that differs: see run().
        self._caches = [self.new_cache() for _ in range(CACHES)]
        self._traced = None                             # the last trace() (see there)
        self._js = {}                                   # matrices sent to the page's kernel

    def embedding(self, i: int) -> list[float]:
        """Token i's row of the learned embedding table."""
        return list(self.wte[i])

    # -- text <-> ids -----------------------------------------------------------------------
    def encode(self, text: str) -> list[int]:
        """Token ids, read as the model was trained: a space goes before text that starts with a
        word (so a first word is the same token as anywhere else: " Mira", not "Mira"), and the
        special markers become their reserved ids."""
        if text and not text[0].isspace() and not any(text.startswith(s) for s in self.tokenizer.specials):
            text = " " + text
        return self.tokenizer.encode(text)

    def decode(self, ids) -> str:
        return self.tokenizer.decode(ids)

    def piece(self, i: int) -> str:
        return self.tokenizer.piece(i).decode("utf-8", errors="replace")

    def clip(self, ids: list[int]) -> list[int]:
        """The last `context` ids: what the model can see."""
        return list(ids[-self.C:])

    # -- the forward pass -------------------------------------------------------------------
    def new_cache(self):
        """Keys per layer and head (lists of vectors), values per layer and head as columns, and
        for every position fed so far its token and its attention rows ([layer][head][key])."""
        return {"n": 0, "ids": [], "rows": [],
                "k": [[[] for _ in range(self.H)] for _ in self.layers],
                "v": [[[[] for _ in range(self.dh)] for _ in range(self.H)] for _ in self.layers]}

    @staticmethod
    def truncate(cache, n: int) -> None:
        """Forget every position from n on, so the cache can be extended differently."""
        for layer in cache["k"]:
            for keys in layer:
                del keys[n:]
        for layer in cache["v"]:
            for cols in layer:
                for col in cols:
                    del col[n:]
        del cache["ids"][n:], cache["rows"][n:]
        cache["n"] = min(cache["n"], n)

    def _times(self, rows, cols, key):
        """Every row times the matrix given by its columns: [[dot(row, col) for col in cols] for
        row in rows]. In the page, one call to the worker's kernel (a weight matrix sent once,
        kept under `key`; a matrix that changes, such as the keys read so far, has key None and
        is sent each time); otherwise dot products."""
        k = kernel() if rows else None
        if k is None:
            n = len(cols)
            return [list(map(_dot, _repeat(x, n), cols)) for x in rows]
        times, to_js = k
        n, m = len(cols[0]), len(cols)
        w = self._js.get(key)
        if w is None:                                   # row-major [n, m], as the kernel reads it
            w = to_js(_array("d", [c[i] for i in range(n) for c in cols]))
            if key is not None:
                self._js[key] = w
        flat = times.times(to_js(_array("d", [v for x in rows for v in x])), len(rows), n, w, m)
        flat = flat.to_py().tolist()
        return [flat[t * m:(t + 1) * m] for t in range(len(rows))]

    def _affine(self, centred, cols, shift, key):
        """A LayerNorm folded into the matrix after it (see _fold), for many positions: centred
        holds (x - mean, 1 / std) per position; out: r * (xc @ columns) + shift."""
        raw = self._times([xc for xc, _ in centred], cols, key)
        return [list(map(_add, map(r.__mul__, y), shift)) for (_, r), y in zip(centred, raw)]

    def _qkv(self, li, xs):
        """Layer li's queries, keys and values for each vector of xs: LN1(x) @ [wq | wk | wv]."""
        return self._affine([_centre(x) for x in xs], *self.layers[li]["qkv"], (li, "qkv"))

    def _feed_forward(self, li, xs):
        """Layer li's feed-forward update for each vector of xs: GELU(LN2(x) @ w1 + b1) @ w2 + b2."""
        L = self.layers[li]
        hid = [_gelu(u) for u in self._affine([_centre(x) for x in xs], *L["w1"], (li, "w1"))]
        return [list(map(_add, y, L["b2"])) for y in self._times(hid, L["w2"], (li, "w2"))]

    @property
    def fast(self) -> bool:
        """Whether the matrix products run in the page's typed-array kernel (else dot products)."""
        return kernel() is not None

    def _attend(self, qkv, h, keys, vcols):
        """Head h's attention for new positions, given their rows of queries, keys and values
        (heads side by side, as _qkv makes them): each position's key and value join `keys` (a
        list of vectors) and `vcols` (the values as columns) first, so it sees itself and all
        before it. Returns (weights, outputs), one row per new position: the softmax of query ·
        key / sqrt(head size), and the weights' blend of the values.

        Both are matrix products (_times, so the page's kernel takes them): every query meets
        every key, and a position's scores for keys after it are dropped before the softmax; its
        blend multiplies those keys' values by zero. The numbers a position keeps are the same
        whether its text was fed at once or a token at a time."""
        d, dh = self.d, self.dh
        scale = 1.0 / math.sqrt(dh)
        seen = len(keys)
        for row in qkv:
            keys.append(row[d + h * dh:d + (h + 1) * dh])
            for col, v in zip(vcols, row[2 * d + h * dh:2 * d + (h + 1) * dh]):
                col.append(v)
        qs = [list(map(scale.__mul__, row[h * dh:(h + 1) * dh])) for row in qkv]   # scaled
        weights = []
        for i, s in enumerate(self._times(qs, keys, None)):     # every query · every key
            s = s[:seen + i + 1]                               # each sees itself and those before
            e = list(map(math.exp, map(max(s).__rsub__, s)))   # [exp(v - max(s)) for v in s]
            z = sum(e)
            weights.append(list(map(z.__rtruediv__, e)))       # softmax: [v / z for v in e]
        n = len(keys)
        outs = self._times([a + [0.0] * (n - len(a)) for a in weights], vcols, None)   # blends
        return weights, outs

    def step(self, token: int, cache, last: bool = True):
        """Feed one token at the next position: feed() with one token."""
        return self.feed([token], cache, last)

    def feed(self, tokens, cache, last: bool = True):
        """Feed tokens at the next positions, all of them a layer at a time (one matrix product
        per layer and weight, not one per token), and record their attention rows in the cache.
        Each position sees itself and those before it, so this is the same arithmetic as feeding
        the tokens one by one, number for number.

        Returns the last token's final hidden state as (x - mean, 1/std) for unembed(); with
        last=False (a prediction nobody reads) the last block's feed-forward half is skipped and
        None is returned: keys, values and attention rows are the same either way."""
        pos = cache["n"]
        if pos + len(tokens) > self.C:
            raise ValueError("context is full")
        xs = [list(map(_add, self.wte[t], self.wpe[pos + i]))     # token row + position row
              for i, t in enumerate(tokens)]
        rows = [[] for _ in xs]                         # per new position: [layer][head][key]
        for li, L in enumerate(self.layers):
            qkv = self._qkv(li, xs)                     # LN1(x) @ [wq | wk | wv]
            heads = [self._attend(qkv, h, cache["k"][li][h], cache["v"][li][h])
                     for h in range(self.H)]
            outs = [sum((out[i] for _, out in heads), []) for i in range(len(xs))]  # heads joined
            maps = [[weights[i] for weights, _ in heads] for i in range(len(xs))]
            for r, m in zip(rows, maps):
                r.append(m)
            attn = self._times(outs, L["wo"], (li, "wo"))                 # out @ wo
            xs = [list(map(_add, x, u)) for x, u in zip(xs, attn)]
            if li == len(self.layers) - 1:              # only the last token's state is read
                xs = xs[-1:] if last else []
            if xs:
                xs = [list(map(_add, x, u)) for x, u in zip(xs, self._feed_forward(li, xs))]
        cache["n"] = pos + len(tokens)
        cache["ids"].extend(tokens)
        cache["rows"].extend(rows)
        return _centre(xs[-1]) if last else None

    def unembed(self, hidden) -> list[float]:
        """Logits over the vocabulary from feed()'s final hidden state (final LayerNorm folded in)."""
        return self._affine([hidden], *self.unemb, "unemb")[0]

    def run(self, ids, attention: bool = False):
        """Feed a sequence (clipped to the context; empty means the end-of-text marker). Returns
        (cache, last hidden, maps), maps being [layer][head][query][key] with zeros after the
        query when attention=True.

        The model keeps the caches of the last few sequences it read and continues the one that
        shares the longest start with `ids`, re-reading only from the first token that differs:
        typing one more word costs one or two tokens, not the whole text."""
        ids = self.clip(ids) or [self.eot]
        cache = max(reversed(self._caches), key=lambda c: _common(c["ids"], ids))
        same = _common(cache["ids"], ids)
        self._caches.remove(cache)
        self._caches.append(cache)                      # most recently used last
        self.truncate(cache, min(same, len(ids) - 1))   # the last token is always re-read
        hidden = self.feed(ids[cache["n"]:], cache)     # the rest in one pass
        maps = None
        if attention:
            T = len(ids)
            maps = [[[row[l][h] + [0.0] * (T - len(row[l][h])) for row in cache["rows"]]
                     for h in range(self.H)] for l in range(len(self.layers))]
        return cache, hidden, maps

    def logits(self, ids) -> list[float]:
        """Next-token logits after `ids` (clipped to the context; empty means the start marker)."""
        return self.unembed(self.run(ids)[1])

    def next_token_probs(self, text: str, temperature: float = 1.0):
        """[(piece, probability)] over the whole vocabulary, most likely first."""
        probs = _sampling.softmax(self.logits(self.encode(text)), temperature)
        order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
        return [(self.piece(i), probs[i]) for i in order]

    def attention(self, text: str):
        """[layer][head][query][key] causal attention weights for the (clipped) text."""
        return self.run(self.encode(text), attention=True)[2]

    # -- looking inside: the residual stream, one head's arithmetic, the logit lens -----------
    def trace(self, ids):
        """The forward pass over the (clipped) ids, keeping what the inside views show:
        "stages", the residual stream at every position after the embeddings and after each
        block ([stage][position][d]); "qkv", each layer's queries, keys and values
        ([layer][position], heads side by side, queries unscaled); "weights", the attention
        ([layer][head][query][key], keys up to the query only); "updates", how far each block's
        attention half and feed-forward half move each position's vector ([layer] -> {"attn":
        [...], "mlp": [...]}, Euclidean lengths). The same arithmetic as feed(), with the
        residual stream kept at every stage.

        The last trace is kept: the views ask for the same text many times. A position depends
        only on the tokens up to it, so a new text re-uses the last trace up to the first token
        that differs (typing a word re-reads one or two tokens, not the whole text); the kept
        trace is never changed, a new one is built."""
        ids = self.clip(ids) or [self.eot]
        old = self._traced
        if old and old["ids"] == ids:
            return old
        same = min(_common(old["ids"], ids), len(ids) - 1) if old else 0
        d, H, dh = self.d, self.H, self.dh
        xs = [list(map(_add, self.wte[t], self.wpe[i])) for i, t in enumerate(ids) if i >= same]
        stages = [(old["stages"][0][:same] if same else []) + xs]
        qkvs, weights, updates = [], [], []
        for li, L in enumerate(self.layers):
            qkv = (old["qkv"][li][:same] if same else []) + self._qkv(li, xs)
            maps, heads = [], []
            for h in range(H):                          # the kept positions' keys and values first
                keys = [row[d + h * dh:d + (h + 1) * dh] for row in qkv[:same]]
                vcols = [[row[2 * d + h * dh + c] for row in qkv[:same]] for c in range(dh)]
                rows, out = self._attend(qkv[same:], h, keys, vcols)
                maps.append((old["weights"][li][h][:same] if same else []) + rows)
                heads.append(out)
            outs = [sum((out[i] for out in heads), []) for i in range(len(xs))]
            attn = self._times(outs, L["wo"], (li, "wo"))          # out @ wo
            xs = [list(map(_add, x, u)) for x, u in zip(xs, attn)]
            mlp = self._feed_forward(li, xs)
            xs = [list(map(_add, x, u)) for x, u in zip(xs, mlp)]
            stages.append((old["stages"][li + 1][:same] if same else []) + xs)
            qkvs.append(qkv)
            weights.append(maps)
            kept = old["updates"][li] if same else {"attn": [], "mlp": []}
            updates.append({"attn": kept["attn"][:same] + [math.sqrt(_dot(u, u)) for u in attn],
                            "mlp": kept["mlp"][:same] + [math.sqrt(_dot(u, u)) for u in mlp]})
        self._traced = {"ids": ids, "stages": stages, "qkv": qkvs, "weights": weights,
                        "updates": updates}
        return self._traced

    def _position(self, ids, position: int) -> int:
        n = len(ids)
        if not -n <= position < n:
            raise IndexError(f"position {position} outside the {n} tokens read")
        return position % n

    def stage_probs(self, vector) -> list[float]:
        """Next-token probabilities read from one residual-stream vector through the final
        LayerNorm and the unembedding: the real prediction for the last stage's vector, the
        logit lens's reading for an earlier one."""
        return _sampling.softmax(self.unembed(_centre(vector)))

    def lens(self, text: str, position: int = -1, top: int = 5):
        """The logit lens (nostalgebraist 2020): what the model would predict at `position` if it
        stopped after the embeddings, after block 1, …, after the last block, reading each stage
        through the final LayerNorm and the unembedding. One list per stage of (piece,
        probability), most likely first; the last stage is the model's real prediction."""
        t = self.trace(self.encode(text))
        i = self._position(t["ids"], position)
        out = []
        for stage in t["stages"]:
            probs = self.stage_probs(stage[i])
            order = sorted(range(len(probs)), key=lambda k: (-probs[k], k))[:top]
            out.append([(self.piece(k), probs[k]) for k in order])
        return out

    def head_steps(self, text: str, layer: int, head: int, position: int = -1) -> dict:
        """One head's arithmetic at one position, on the model's real numbers: its query, the
        key and value of every token it may look at (itself and those before), the scores
        (query · key, scaled by 1/sqrt(head size)), the weights (softmax of the scores, as
        attention() shows them) and the output (the weights' blend of the values)."""
        t = self.trace(self.encode(text))
        return self.head_steps_from(t, layer, head, self._position(t["ids"], position))

    def head_steps_from(self, t, layer: int, head: int, i: int) -> dict:
        """head_steps() on a trace already made (layer and head from 0, i a position in it). The
        weights are the trace's own, so they are exactly the ones the attention maps show."""
        d, dh = self.d, self.dh
        qkv = t["qkv"][layer]
        query = qkv[i][head * dh:(head + 1) * dh]
        keys = [row[d + head * dh:d + (head + 1) * dh] for row in qkv[:i + 1]]
        values = [row[2 * d + head * dh:2 * d + (head + 1) * dh] for row in qkv[:i + 1]]
        scores = [_dot(query, k) / math.sqrt(dh) for k in keys]
        weights = list(t["weights"][layer][head][i])        # the softmax of the scores, as trace made it
        return {"query": query, "keys": keys, "scores": scores, "weights": weights,
                "values": values, "output": [_dot(weights, col) for col in zip(*values)]}

    def generate_tokens(self, text: str, temperature=0.8, top_k=0, top_p=1.0, seed=0,
                        max_new_tokens=40, ids=None):
        """The reply token by token: [{"id", "piece", "p"}], p the chance it had when drawn.
        Stops at the end-of-text marker or a chat answer's <|end|> (neither is included).
        Draw i uses seed * 1_000_003 + i."""
        ids = self.clip(self.encode(text) if ids is None else list(ids)) or [self.eot]
        cache, hidden, _ = self.run(ids)
        out = []
        for i in range(max_new_tokens):
            probs = _sampling.softmax(self.unembed(hidden), temperature)
            probs = _sampling.top_p_filter(_sampling.top_k_filter(probs, top_k), top_p)
            nxt = _sampling.sample(probs, seed * 1_000_003 + i)
            if nxt == self.eot or nxt == self.end:
                break
            out.append({"id": nxt, "piece": self.piece(nxt), "p": probs[nxt]})
            ids.append(nxt)
            if cache["n"] >= self.C:                      # full: slide the window and re-read
                cache, hidden, _ = self.run(ids[-self.C + 1:])
            else:
                hidden = self.step(nxt, cache)
        return out

    def generate(self, text: str, temperature=0.8, top_k=0, top_p=1.0, seed=0,
                 max_new_tokens=40) -> str:
        toks = self.generate_tokens(text, temperature, top_k, top_p, seed, max_new_tokens)
        return self.decode([t["id"] for t in toks])
