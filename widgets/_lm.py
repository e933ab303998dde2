"""The lab model's forward pass in plain Python, for the page (Pyodide) and for tests (CPython).

The same computation as site_build/lab/model.py (numpy, build time), read from the weight file
that site_build/lab/checkpoint.py writes; tests/unit/test_lab_lm.py checks that the two agree.
Standard library only. Matrices are kept as lists of columns so that every output number is one
dot product (math.sumprod where Python has it, 3.12+; a plain sum of products otherwise).

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
import os
import struct

from widgets import _bpe, _sampling

try:
    from math import sumprod as _dot
except ImportError:                      # Python < 3.12 (the build machine's CPython)
    from operator import mul as _mul

    def _dot(a, b):
        return sum(map(_mul, a, b))

MAGIC = b"TBTLM\x00\x01\x00"
EPS = 1e-5
GELU_C = math.sqrt(2.0 / math.pi)
_HERE = os.path.dirname(os.path.abspath(__file__))
_ROOT = os.path.dirname(_HERE)
# Where data files are found: the page's worker writes fetched files under /data; under CPython
# the build's output, then the committed weights.
SEARCH = ["/data", os.path.join(_ROOT, "docs", "generated", "data")]
WEIGHTS = os.path.join(_ROOT, "site_build", "lab", "weights")
_loaded: dict[str, "Model"] = {}


def find(relpath: str) -> str | None:
    """The local path of a data file such as "lab/base.bin", or None."""
    for base in SEARCH:
        p = os.path.join(base, relpath)
        if os.path.exists(p):
            return p
    if relpath.startswith("lab/"):
        p = os.path.join(WEIGHTS, relpath[4:])
        if os.path.exists(p):
            return p
    return None


def read_data(relpath: str) -> bytes:
    path = find(relpath)
    if path is None:
        raise FileNotFoundError(relpath)
    with open(path, "rb") as f:
        return f.read()


def load(name: str = "base") -> "Model":
    """A checkpoint by name ("base", or "ckpt-00400"); loaded once, then cached."""
    if name not in _loaded:
        _loaded[name] = Model(read_data(f"lab/{name}.bin"))
    return _loaded[name]


def chat(question: str) -> str:
    """The chat template around one user question, ending where the assistant's answer begins.
    Its markers are special tokens: encode() maps each to its reserved id."""
    user, assistant, end = _bpe.SPECIALS[1], _bpe.SPECIALS[2], _bpe.SPECIALS[3]
    return f"{user}{question}{end}{assistant}"


def _layernorm(x, g, b):
    n = len(x)
    mu = sum(x) / n
    xc = [v - mu for v in x]
    r = 1.0 / math.sqrt(_dot(xc, xc) / n + EPS)
    return [v * r * gi + bi for v, gi, bi in zip(xc, g, b)]


def _gelu(u):
    return 0.5 * u * (1.0 + math.tanh(GELU_C * (u + 0.044715 * u * u * u)))


def _columns(flat, rows, cols):
    """Row-major [rows, cols] floats -> list of `cols` columns (each a list of `rows` floats)."""
    return [list(flat[j::cols]) for j in range(cols)]


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
            t[name] = (struct.unpack_from(f"<{count}e", data, off), shape)
            off += 2 * count
        d, F = cfg["d_model"], cfg["d_mlp"]
        self.d, self.H, self.dh, self.C = d, cfg["heads"], d // cfg["heads"], cfg["context"]
        rows = lambda name: [list(t[name][0][i * d:(i + 1) * d]) for i in range(t[name][1][0])]
        self.wte = rows("wte")
        self.wpe = rows("wpe")
        self.layers = []
        for l in range(cfg["layers"]):
            p = f"h{l}."
            v = lambda k: list(t[p + k][0])
            self.layers.append({
                "ln1": (v("ln1_g"), v("ln1_b")), "ln2": (v("ln2_g"), v("ln2_b")),
                "qkv": _columns(t[p + "wq"][0], d, d) + _columns(t[p + "wk"][0], d, d)
                + _columns(t[p + "wv"][0], d, d),
                "wo": _columns(t[p + "wo"][0], d, d),
                "w1": _columns(t[p + "w1"][0], d, F), "b1": v("b1"),
                "w2": _columns(t[p + "w2"][0], F, d), "b2": v("b2"),
            })
        self.lnf = (list(t["lnf_g"][0]), list(t["lnf_b"][0]))
        self.eot = self.tokenizer.encode(_bpe.SPECIALS[0])[0]

    # -- text <-> ids -----------------------------------------------------------------------
    def encode(self, text: str) -> list[int]:
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
        # per layer: keys per head (lists of dh-vectors), values per head as columns
        return {"n": 0, "k": [[[] for _ in range(self.H)] for _ in self.layers],
                "v": [[[[] for _ in range(self.dh)] for _ in range(self.H)] for _ in self.layers]}

    def step(self, token: int, cache, attn_out=None) -> list[float]:
        """Feed one token at the next position; returns the final normalised hidden state.
        If attn_out is a list, each layer's [head][key] weights for this query are appended."""
        pos = cache["n"]
        if pos >= self.C:
            raise ValueError("context is full")
        x = [a + b for a, b in zip(self.wte[token], self.wpe[pos])]
        d, H, dh = self.d, self.H, self.dh
        scale = 1.0 / math.sqrt(dh)
        for li, L in enumerate(self.layers):
            n1 = _layernorm(x, *L["ln1"])
            qkv = [_dot(n1, c) for c in L["qkv"]]
            keys, vals = cache["k"][li], cache["v"][li]
            out, maps = [], []
            for h in range(H):
                q = qkv[h * dh:(h + 1) * dh]
                keys[h].append(qkv[d + h * dh:d + (h + 1) * dh])
                vcols = vals[h]
                for i in range(dh):
                    vcols[i].append(qkv[2 * d + h * dh + i])
                s = [_dot(q, k) * scale for k in keys[h]]
                top = max(s)
                e = [math.exp(v - top) for v in s]
                z = sum(e)
                a = [v / z for v in e]
                maps.append(a)
                out.extend(_dot(a, col) for col in vcols)
            if attn_out is not None:
                attn_out.append(maps)
            x = [xi + _dot(out, c) for xi, c in zip(x, L["wo"])]
            n2 = _layernorm(x, *L["ln2"])
            hid = [_gelu(_dot(n2, c) + b) for c, b in zip(L["w1"], L["b1"])]
            x = [xi + _dot(hid, c) + b for xi, c, b in zip(x, L["w2"], L["b2"])]
        cache["n"] = pos + 1
        return _layernorm(x, *self.lnf)

    def unembed(self, hidden) -> list[float]:
        return [_dot(hidden, row) for row in self.wte]

    def run(self, ids, attention: bool = False):
        """Feed a whole (already clipped) sequence. Returns (cache, last hidden, maps), where maps
        is [layer][head][query][key] with zeros after the query when attention=True."""
        ids = self.clip(ids) if ids else [self.eot]
        cache = self.new_cache()
        rows = [] if attention else None
        hidden = None
        for tkn in ids:
            per = [] if attention else None
            hidden = self.step(tkn, cache, per)
            if attention:
                rows.append(per)
        maps = None
        if attention:
            T = len(ids)
            maps = [[[row[l][h] + [0.0] * (T - len(row[l][h])) for row in rows]
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

    def generate_tokens(self, text: str, temperature=0.8, top_k=0, top_p=1.0, seed=0,
                        max_new_tokens=40, ids=None):
        """The reply token by token: [{"id", "piece", "p"}], p the chance it had when drawn.
        Stops at the end-of-text marker (not included). Draw i uses seed * 1_000_003 + i."""
        ids = self.clip(self.encode(text) if ids is None else list(ids)) or [self.eot]
        cache, hidden, _ = self.run(ids)
        out = []
        for i in range(max_new_tokens):
            probs = _sampling.softmax(self.unembed(hidden), temperature)
            probs = _sampling.top_p_filter(_sampling.top_k_filter(probs, top_k), top_p)
            nxt = _sampling.sample(probs, seed * 1_000_003 + i)
            if nxt == self.eot:
                break
            out.append({"id": nxt, "piece": self.piece(nxt), "p": probs[nxt]})
            ids.append(nxt)
            if cache["n"] >= self.C:                      # full: slide the window and re-read
                cache, hidden, _ = self.run(ids[-self.C + 1:])
                continue
            hidden = self.step(nxt, cache)
        return out

    def generate(self, text: str, temperature=0.8, top_k=0, top_p=1.0, seed=0,
                 max_new_tokens=40) -> str:
        toks = self.generate_tokens(text, temperature, top_k, top_p, seed, max_new_tokens)
        return self.decode([t["id"] for t in toks])
