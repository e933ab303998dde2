"""A tiny character-level Transformer that the reader trains in the page, in plain Python.

The same architecture and the same maths as the lab model (site_build/lab/model.py, numpy),
written with lists of floats so that it runs in the browser (Pyodide) as well as under CPython:

  x = wte[chars] + wpe[positions]
  for each block:  x = x + Attention(LN1(x));  x = x + MLP(LN2(x))
  logits = LNf(x) @ wte.T          (tied: the character table is also the unembedding)

LayerNorm has a gain and a bias; attention has H heads, no biases, a causal mask and a
1/sqrt(head size) scale; the MLP is GELU (tanh form) between two biased linear maps. Training is
AdamW with the lab's betas, eps, weight decay (on matrices except `wpe`) and global-norm clipping.
Parameters have the lab's names and shapes (`param_shapes`), each stored as one flat row-major
list, so tests hand the same numbers to numpy and compare (tests/unit/test_tiny.py).

The vocabulary is the text's own characters, not the BPE. The contract the widget uses:

    corpora() -> built-in text names, the default first;  corpus(name) -> the text
    files_for(name) -> the data files a built-in text needs (none for generated ones)
    SIZES -> {name: config};  n_params(size) -> parameter count
    run = Run(text, size="small", lr=DEFAULT_LR, seed=0)
    run.train(steps); run.step; run.losses -> [(step, loss)]
    run.heldout_loss(); run.bigram_loss(); run.sample(n, temperature=1.0, seed=0)
    run.diverged, run.note -> None or a sentence for the reader

Speed: a step must fit in a slice of the page's time (about 50 ms in Pyodide), so the sizes are
small and the work is written for plain Python: almost all of it is matrix products, done as one
math.dist call per output number (see "Matrix pieces" below for why that gives dot products);
each weight matrix is kept as rows and as columns, rebuilt once per step; the optimizer and the
other per-number work are list comprehensions, which CPython runs fastest. tests/bench/tiny.py
measures a step at every size (python -m tests.bench.tiny).
"""
from __future__ import annotations

import functools
import gc
import math
import random
from itertools import chain, repeat
from math import dist as _dist, hypot as _hypot
from operator import add, mul

from widgets import _data

try:
    from math import sumprod as _dot
except ImportError:                      # Python < 3.12 (the build machine's CPython)
    def _dot(a, b):
        return sum(map(mul, a, b))

EPS = 1e-5                               # LayerNorm's epsilon, as the lab model's
GELU_C = math.sqrt(2.0 / math.pi)
GELU_A = 0.044715


# =============================================================================================
# The built-in texts

def _names() -> str:
    """3,000 invented names, one per line, from a seeded generator: the classic first text for a
    character model. A name is a first syllable, up to one middle piece and an ending, each from
    a short list, so the next letter often depends on the two or three before it (after "a"
    anything may come, but after "ga" it is "l" and after "za" it is "n"): what a model with
    context can learn and counting pairs of letters cannot."""
    rng = random.Random(21)
    pick = lambda options: options[int(rng.random() * len(options))]
    firsts = ["al", "bel", "cor", "dar", "el", "fen", "gal", "har", "isa", "jor", "kel", "lor",
              "mar", "nor", "or", "per", "quen", "ros", "sel", "tor", "ul", "val", "wil", "yor",
              "zan", "thal", "bran", "cael", "dro", "bri"]
    middles = ["a", "e", "i", "o", "an", "en", "in", "ar", "er", "ia", "el", "is", "ad", "eth",
               "und"]
    endings = ["a", "ia", "ella", "ina", "on", "in", "wyn", "ric", "ius", "ard", "mund", "ette",
               "ora", "ith", "anor", "iel", "o", "us"]
    names: dict[str, None] = {}               # a dict keeps first-seen order and drops repeats
    while len(names) < 3000:
        name = pick(firsts)
        if rng.random() < 0.4:
            name += pick(middles)
        name += pick(endings)
        if 4 <= len(name) <= 12:
            names[name] = None
    return "\n".join(names) + "\n"


def _sums() -> str:
    """Short arithmetic lines ("12 + 7 = 19", "30 - 4 = 26"), one per line, from a seeded
    generator: the format is easy to learn, the answers are not."""
    rng = random.Random(7)
    lines = []
    for _ in range(3000):
        a, b = int(rng.random() * 50), int(rng.random() * 50)
        if rng.random() < 0.5:
            lines.append(f"{a} + {b} = {a + b}")
        else:
            a, b = max(a, b), min(a, b)
            lines.append(f"{a} - {b} = {a - b}")
    return "\n".join(lines) + "\n"


GENERATED = {"names": _names, "sums": _sums}
# Texts the build writes as data files (site_build/tiny_texts.py makes them).
FILES = {"stories": "tiny/stories.txt", "tokens-chapter": "tiny/tokens-chapter.txt"}


def corpora() -> list[str]:
    """The built-in texts' names, the default first."""
    return ["names", "sums", "stories", "tokens-chapter"]


def files_for(name: str) -> list[str]:
    """The data files the built-in text `name` is read from (none for a generated text)."""
    return [FILES[name]] if name in FILES else []


@functools.cache
def corpus(name: str) -> str:
    """A built-in text by name: generated here, or read from its data file."""
    if name in GENERATED:
        return GENERATED[name]()
    if name in FILES:
        return _data.read_bytes(FILES[name]).decode("utf-8")
    raise ValueError(f"no built-in text called {name!r}")


# =============================================================================================
# Sizes and parameters

# The model sizes the reader picks from. batch windows of `context` characters make one step.
SIZES = {
    "tiny": dict(d_model=8, d_mlp=16, layers=1, heads=2, context=16, batch=2),
    "small": dict(d_model=12, d_mlp=24, layers=1, heads=2, context=16, batch=2),
    "medium": dict(d_model=16, d_mlp=32, layers=1, heads=2, context=16, batch=2),
}
DEFAULT_SIZE = "small"
DEFAULT_LR = 0.01


def config(size: str, vocab: int) -> dict:
    """The model's configuration (the lab model's keys) for a size and a vocabulary."""
    s = SIZES[size]
    return dict(vocab=vocab, context=s["context"], d_model=s["d_model"], d_mlp=s["d_mlp"],
                layers=s["layers"], heads=s["heads"])


def param_shapes(cfg: dict) -> dict[str, tuple[int, ...]]:
    """Every parameter's name and shape: the lab model's names, in its order."""
    V, C, d, F = cfg["vocab"], cfg["context"], cfg["d_model"], cfg["d_mlp"]
    shapes = {"wte": (V, d), "wpe": (C, d)}
    for l in range(cfg["layers"]):
        p = f"h{l}."
        for name, shape in [("ln1_g", (d,)), ("ln1_b", (d,)), ("wq", (d, d)), ("wk", (d, d)),
                            ("wv", (d, d)), ("wo", (d, d)), ("ln2_g", (d,)), ("ln2_b", (d,)),
                            ("w1", (d, F)), ("b1", (F,)), ("w2", (F, d)), ("b2", (d,))]:
            shapes[p + name] = shape
    shapes["lnf_g"] = (d,)
    shapes["lnf_b"] = (d,)
    return shapes


def _count(shape) -> int:
    return shape[0] * shape[1] if len(shape) == 2 else shape[0]


def n_params(size: str, vocab: int | None = None) -> int:
    """How many numbers the model of this size learns; the vocabulary (the character table's
    rows) defaults to the default text's."""
    if vocab is None:
        vocab = len(set(corpus(corpora()[0])))
    return sum(map(_count, param_shapes(config(size, vocab)).values()))


def init(cfg: dict, rng: random.Random) -> dict[str, list[float]]:
    """GPT-2 style starting weights: gains 1, biases 0, matrices drawn from N(0, 0.02), the two
    that write into the residual stream (wo, w2) scaled down by 1/sqrt(2 * layers). Normal draws
    by Box-Muller from rng.random() alone, so they are the same under any Python version."""
    def normal(std):
        u, v = rng.random(), rng.random()
        return std * math.sqrt(-2.0 * math.log(1.0 - u)) * math.cos(2.0 * math.pi * v)

    out = {}
    for name, shape in param_shapes(cfg).items():
        leaf = name.split(".")[-1]
        n = _count(shape)
        if leaf.endswith("_g"):
            out[name] = [1.0] * n
        elif leaf.endswith("_b") or leaf in ("b1", "b2"):
            out[name] = [0.0] * n
        else:
            std = 0.02 / math.sqrt(2 * cfg["layers"]) if leaf in ("wo", "w2") else 0.02
            out[name] = [normal(std) for _ in range(n)]
    return out


# =============================================================================================
# Matrix pieces. A batch of positions is a list of rows (one list of floats per position).
#
# Almost all the work is dot products of short lists. Summing products in Python makes a Python
# number for every term, which is slow; math.dist runs its loop in C. So every dot product here
# comes from a distance, by the rule for the sides of a triangle:
#     |a - b|^2 = |a|^2 + |b|^2 - 2 a.b,  so  a.b = |a|^2 / 2 + |b|^2 / 2 - |a - b|^2 / 2.
# Each list's half squared length is worked out once (_vecs) and reused for all its products: a
# matrix product is then one math.dist call per output number: about three times faster than
# summing products under CPython 3.11, twice as fast in the page's Pyodide (Python 3.14), and as
# fast there as math.sumprod. The rounding error is tiny next to the numbers' sizes (about 1e-16
# of |a|^2 + |b|^2), and the tests check the results against numpy.

def _vecs(vectors):
    """Vectors and their half squared lengths, (vectors, halves): one side of a product."""
    vectors = list(vectors)
    halves = []
    for v in vectors:
        h = _hypot(*v)
        halves.append(0.5 * h * h)
    return vectors, halves


def _products(R, C, causal: bool = False):
    """Every dot product of a vector of R with a vector of C (R @ C.T), as rows. causal: row i
    only with the first i + 1 vectors of C (attention's scores: no peeking ahead)."""
    cols, halves = C
    n = len(cols)
    return [[hr + hc - 0.5 * dd * dd
             for hc, dd in zip(halves, map(_dist, repeat(r, i + 1 if causal else n), cols))]
            for i, (r, hr) in enumerate(zip(*R))]


def _rows(flat, width):
    """A flat row-major matrix as a list of rows."""
    return [flat[i:i + width] for i in range(0, len(flat), width)]


def _wgrad(X, G):
    """X.T @ G, flat and row-major: the gradient of a weight matrix whose inputs were the rows X
    and whose outputs' gradients are the rows G (each entry sums over all positions)."""
    return list(chain.from_iterable(_products(_vecs(zip(*X)), _vecs(zip(*G)))))


def _colsum(G):
    """The sum of the rows: a bias's gradient."""
    return [sum(c) for c in zip(*G)]


def _addrows(X, Y):
    return [list(map(add, x, y)) for x, y in zip(X, Y)]


def _ln(X, g, b):
    """LayerNorm of every row: (x - mean) / std * g + b. Returns the output and, for the
    backward pass, each row's normalised x and 1/std."""
    n = len(g)
    out, xhats, rstds = [], [], []
    for x in X:
        mean = sum(x) / n
        xc = [v - mean for v in x]
        r = 1.0 / math.sqrt(_dot(xc, xc) / n + EPS)
        xhat = [v * r for v in xc]
        out.append(list(map(add, map(mul, xhat, g), b)))
        xhats.append(xhat)
        rstds.append(r)
    return out, (xhats, rstds)


def _ln_back(dY, cache, g, grads, gname, bname):
    """LayerNorm's backward: the gain's and bias's gradients into `grads`, the input's returned."""
    xhats, rstds = cache
    n = len(g)
    grads[gname] = list(map(add, grads[gname], map(_dot, zip(*dY), zip(*xhats))))
    grads[bname] = list(map(add, grads[bname], _colsum(dY)))
    out = []
    for dy, xhat, r in zip(dY, xhats, rstds):
        dxhat = list(map(mul, dy, g))
        mean_d = sum(dxhat) / n
        mean_dx = _dot(dxhat, xhat) / n
        out.append([r * (a - mean_d - h * mean_dx) for a, h in zip(dxhat, xhat)])
    return out


def _gelu(U):
    """GELU, tanh form, of every entry; also the tanh values, which its backward reuses."""
    H, T = [], []
    for u in U:
        t = [math.tanh(GELU_C * (v + GELU_A * v * v * v)) for v in u]
        H.append([0.5 * v * (1.0 + w) for v, w in zip(u, t)])
        T.append(t)
    return H, T


def _gelu_back(dH, U, T):
    return [[dh * (0.5 * (1.0 + t) + 0.5 * u * (1.0 - t * t) * GELU_C * (1.0 + 3 * GELU_A * u * u))
             for dh, u, t in zip(dhr, ur, tr)] for dhr, ur, tr in zip(dH, U, T)]


# =============================================================================================
# The forward and backward passes

def _views(P, cfg):
    """Each weight matrix as rows and as columns (see _vecs), made once per step from the flat
    lists: a forward product uses the columns, the backward product for the input the rows."""
    d, F, H = cfg["d_model"], cfg["d_mlp"], cfg["heads"]
    dh = d // H
    wte = _rows(P["wte"], d)
    W = {"wte": wte, "wpe": _rows(P["wpe"], d),
         "wte_rows": _vecs(wte), "wte_cols": _vecs(zip(*wte))}
    for l in range(cfg["layers"]):
        p = f"h{l}."
        rows = {}
        for name, width in (("wq", d), ("wk", d), ("wv", d), ("wo", d), ("w1", F), ("w2", d)):
            rows[name] = _rows(P[p + name], width)
            W[p + name + "_cols"] = _vecs(zip(*rows[name]))
        for name in ("wo", "w1", "w2"):
            W[p + name + "_rows"] = _vecs(rows[name])
        for name in ("wq", "wk", "wv"):      # one head's columns: its share of q, k or v
            cols = W.pop(p + name + "_cols")
            W[p + name + "_heads"] = [(cols[0][h * dh:(h + 1) * dh], cols[1][h * dh:(h + 1) * dh])
                                      for h in range(H)]
        # q, k and v side by side: the input's gradient is one product with these rows
        W[p + "qkv_rows"] = _vecs(a + b + c for a, b, c in zip(rows["wq"], rows["wk"], rows["wv"]))
    return W


def _weights(scores, scale):
    """Attention weights from one query's scores: softmax(scale * scores)."""
    top = max(scores)
    e = [math.exp((s - top) * scale) for s in scores]
    z = sum(e)
    return [w / z for w in e]


def _attend(Q, K, Vv, scale):
    """One head on one sequence: attention weights (each row padded with zeros for the future
    positions it may not see) and outputs, one row per position."""
    T = len(Q)
    A = [_weights(s, scale) + [0.0] * (T - t - 1)       # position t sees keys 0..t
         for t, s in enumerate(_products(_vecs(Q), _vecs(K), causal=True))]
    return A, _products(_vecs(A), _vecs(zip(*Vv)))       # A @ V


def _attend_back(dO, Q, K, Vv, A, scale):
    """One head's backward on one sequence: gradients of its queries, keys and values."""
    T = len(Q)
    dS = []
    for a, da in zip(A, _products(_vecs(dO), _vecs(Vv), causal=True)):   # dO @ V.T
        a = a[:len(da)]
        m = _dot(a, da)                                  # back through the softmax:
        dS.append([w * (g - m) * scale for w, g in zip(a, da)] + [0.0] * (T - len(a)))
    dQ = _products(_vecs(dS), _vecs(zip(*K)))                    # dS @ K
    dK = _products(_vecs(zip(*dS)), _vecs(zip(*Q)))              # dS.T @ Q
    dV = _products(_vecs(zip(*A)), _vecs(zip(*dO)))              # A.T @ dO
    return dQ, dK, dV


def _mlp(x, P, W, p):
    """A block's feed-forward update for the rows x, GELU(LN2(x) @ w1 + b1) @ w2 + b2, and what
    its backward needs."""
    n2, c2 = _ln(x, P[p + "ln2_g"], P[p + "ln2_b"])
    U = [list(map(add, u, P[p + "b1"])) for u in _products(_vecs(n2), W[p + "w1_cols"])]
    Hd, Tt = _gelu(U)
    y = [list(map(add, r, P[p + "b2"])) for r in _products(_vecs(Hd), W[p + "w2_cols"])]
    return y, (n2, c2, U, Hd, Tt)


def _unembed(x, P, W):
    """Logits: the final LayerNorm, then the character table again (tied), LNf(x) @ wte.T."""
    nf, cf = _ln(x, P["lnf_g"], P["lnf_b"])
    return _products(_vecs(nf), W["wte_rows"]), nf, cf


def forward(P: dict, cfg: dict, seqs: list[list[int]], keep: bool = False):
    """Logits (one row of vocabulary scores per position, sequences one after another) for a
    batch of character-id sequences (each at most `context` long). With keep=True, also what
    `backward` needs."""
    W = _views(P, cfg)
    d, H = cfg["d_model"], cfg["heads"]
    dh = d // H
    scale = 1.0 / math.sqrt(dh)
    wte, wpe = W["wte"], W["wpe"]
    x = [list(map(add, wte[c], wpe[t])) for seq in seqs for t, c in enumerate(seq)]
    spans, at = [], 0                         # where each sequence's rows are
    for seq in seqs:
        spans.append((at, at + len(seq)))
        at += len(seq)
    blocks = []
    for l in range(cfg["layers"]):
        p = f"h{l}."
        # attention: every head on every sequence, then the heads' outputs side by side @ wo
        n1, c1 = _ln(x, P[p + "ln1_g"], P[p + "ln1_b"])
        n1v = _vecs(n1)
        heads = []                            # per head: Q, K, V and each sequence's weights
        outs = [[] for _ in x]
        for h in range(H):
            Qh = _products(n1v, W[p + "wq_heads"][h])
            Kh = _products(n1v, W[p + "wk_heads"][h])
            Vh = _products(n1v, W[p + "wv_heads"][h])
            weights = []
            for a, b in spans:
                A, O = _attend(Qh[a:b], Kh[a:b], Vh[a:b], scale)
                weights.append(A)
                for i, o in enumerate(O, a):
                    outs[i] += o
            heads.append((Qh, Kh, Vh, weights))
        x = _addrows(x, _products(_vecs(outs), W[p + "wo_cols"]))
        y, mlp = _mlp(x, P, W, p)
        x = _addrows(x, y)
        blocks.append((n1, c1, heads, outs, *mlp))
    logits, nf, cf = _unembed(x, P, W)
    if not keep:
        return logits
    return logits, (W, seqs, spans, blocks, nf, cf)


def cross_entropy(logits, targets):
    """Mean next-character loss in nats over all positions, and its gradient for the logits."""
    n = len(logits)
    total = 0.0
    dlogits = []
    for row, t in zip(logits, targets):
        top = max(row)
        e = [math.exp(v - top) for v in row]
        z = sum(e)
        total += top + math.log(z) - row[t]     # -log softmax(row)[t]
        scale = 1.0 / (z * n)
        g = [v * scale for v in e]              # softmax / n ...
        g[t] -= 1.0 / n                         # ... minus the one-hot target / n
        dlogits.append(g)
    return total / n, dlogits


def backward(P: dict, cfg: dict, cache, dlogits) -> dict[str, list[float]]:
    """Every parameter's gradient (flat, like P), given d(loss)/d(logits)."""
    W, seqs, spans, blocks, nf, cf = cache
    d, H = cfg["d_model"], cfg["heads"]
    dh = d // H
    scale = 1.0 / math.sqrt(dh)
    grads = {k: [0.0] * len(v) for k, v in P.items()}
    grads["wte"] = _wgrad(dlogits, nf)                            # the unembedding's share
    dnf = _products(_vecs(dlogits), W["wte_cols"])                # dlogits @ wte
    dx = _ln_back(dnf, cf, P["lnf_g"], grads, "lnf_g", "lnf_b")
    for l in reversed(range(cfg["layers"])):
        p = f"h{l}."
        n1, c1, heads, outs, n2, c2, U, Hd, Tt = blocks[l]
        # MLP
        grads[p + "w2"] = _wgrad(Hd, dx)
        grads[p + "b2"] = _colsum(dx)
        dU = _gelu_back(_products(_vecs(dx), W[p + "w2_rows"]), U, Tt)
        grads[p + "w1"] = _wgrad(n2, dU)
        grads[p + "b1"] = _colsum(dU)
        dn2 = _products(_vecs(dU), W[p + "w1_rows"])
        dx = _addrows(dx, _ln_back(dn2, c2, P[p + "ln2_g"], grads, p + "ln2_g", p + "ln2_b"))
        # attention
        grads[p + "wo"] = _wgrad(outs, dx)
        dO = _products(_vecs(dx), W[p + "wo_rows"])
        per_head = ([], [], [])                   # dQ, dK, dV of each head
        for h, (Qh, Kh, Vh, weights) in enumerate(heads):
            lo = h * dh
            dQh, dKh, dVh = [], [], []
            for (a, b), A in zip(spans, weights):
                dq, dk, dv = _attend_back([r[lo:lo + dh] for r in dO[a:b]],
                                          Qh[a:b], Kh[a:b], Vh[a:b], A, scale)
                dQh += dq
                dKh += dk
                dVh += dv
            for part, rows in zip(per_head, (dQh, dKh, dVh)):
                part.append(rows)
        # the heads side by side again: one row per position for dq, dk and dv
        dQ, dK, dV = ([list(chain.from_iterable(r)) for r in zip(*part)] for part in per_head)
        for name, G in (("wq", dQ), ("wk", dK), ("wv", dV)):
            grads[p + name] = _wgrad(n1, G)
        dn1 = _products(_vecs(q + k + v for q, k, v in zip(dQ, dK, dV)), W[p + "qkv_rows"])
        dx = _addrows(dx, _ln_back(dn1, c1, P[p + "ln1_g"], grads, p + "ln1_g", p + "ln1_b"))
    # embeddings: each position's gradient goes to its character's row and its position's row
    dwte, dwpe = grads["wte"], grads["wpe"]
    for (a, b), seq in zip(spans, seqs):
        for t, (c, g) in enumerate(zip(seq, dx[a:b])):
            i, j = c * d, t * d
            dwte[i:i + d] = map(add, dwte[i:i + d], g)
            dwpe[j:j + d] = map(add, dwpe[j:j + d], g)
    return grads


class Writer:
    """The forward pass one character at a time, for writing: each layer's keys and values of
    the characters fed so far are kept, so a new character costs one position, not a window.
    feed(c) returns the logits for the character after c; they equal forward()'s last row for
    the same characters (tests/unit/test_tiny.py checks)."""

    def __init__(self, P: dict, cfg: dict):
        self.P, self.cfg, self.W = P, cfg, _views(P, cfg)
        self.H, self.dh = cfg["heads"], cfg["d_model"] // cfg["heads"]
        self.reset()

    def reset(self) -> None:
        """Forget every character fed."""
        self.n = 0
        # per layer and head: the keys (rows, with their half squared lengths) and the values
        # as columns, so that the output is one dot product per column
        self.keys = [[([], []) for _ in range(self.H)] for _ in range(self.cfg["layers"])]
        self.values = [[[[] for _ in range(self.dh)] for _ in range(self.H)]
                       for _ in range(self.cfg["layers"])]

    def feed(self, c: int) -> list[float]:
        if self.n >= self.cfg["context"]:
            raise ValueError("the context is full: reset() and feed the last characters again")
        P, W = self.P, self.W
        scale = 1.0 / math.sqrt(self.dh)
        x = [list(map(add, W["wte"][c], W["wpe"][self.n]))]
        for l in range(self.cfg["layers"]):
            p = f"h{l}."
            n1 = _vecs(_ln(x, P[p + "ln1_g"], P[p + "ln1_b"])[0])
            out = []
            for h in range(self.H):
                q = _products(n1, W[p + "wq_heads"][h])[0]
                k = _products(n1, W[p + "wk_heads"][h])[0]
                v = _products(n1, W[p + "wv_heads"][h])[0]
                keys, halves = self.keys[l][h]
                keys.append(k)
                halves.append(_vecs([k])[1][0])
                for column, value in zip(self.values[l][h], v):
                    column.append(value)
                a = _weights(_products(_vecs([q]), self.keys[l][h])[0], scale)   # every key so far
                out += [_dot(a, column) for column in self.values[l][h]]
            x = _addrows(x, _products(_vecs([out]), W[p + "wo_cols"]))
            x = _addrows(x, _mlp(x, P, W, p)[0])
        self.n += 1
        return _unembed(x, P, W)[0][0]


class AdamW:
    """Adam with decoupled weight decay on the matrices except the position table, and
    gradients clipped to a global norm: site_build/lab/model.py's AdamW, on flat lists."""

    def __init__(self, params: dict, lr: float, betas=(0.9, 0.95), eps=1e-8,
                 weight_decay=0.1, shapes: dict | None = None):
        self.lr, self.b1, self.b2, self.eps, self.wd = lr, betas[0], betas[1], eps, weight_decay
        self.m = {k: [0.0] * len(v) for k, v in params.items()}
        self.v = {k: [0.0] * len(v) for k, v in params.items()}
        shapes = shapes or {}
        self.decay = {k: len(shapes.get(k, ())) == 2 and k != "wpe" for k in params}
        self.t = 0

    def step(self, params: dict, grads: dict, lr: float | None = None, clip: float = 1.0) -> float:
        """One update (params' lists are replaced by new ones); returns the gradient norm."""
        lr = self.lr if lr is None else lr
        norm = math.sqrt(sum(_dot(g, g) for g in grads.values()))
        scale = min(1.0, clip / (norm + 1e-12))
        self.t += 1
        b1, b2 = self.b1, self.b2
        d1, d2 = 1 - b1, 1 - b2
        c1, c2 = 1 - b1 ** self.t, 1 - b2 ** self.t
        # lr * (m / c1) / (sqrt(v / c2) + eps) = alpha * m / (sqrt(v) + eps2): constants folded
        root = math.sqrt(c2)
        alpha, eps2, keep = lr * root / c1, self.eps * root, 1.0 - lr * self.wd
        sqrt = math.sqrt
        for k, p in params.items():
            g = grads[k] if scale == 1.0 else [scale * x for x in grads[k]]
            m = self.m[k] = [b1 * a + d1 * x for a, x in zip(self.m[k], g)]
            v = self.v[k] = [b2 * a + d2 * x * x for a, x in zip(self.v[k], g)]
            shrink = keep if self.decay[k] else 1.0          # weight decay: matrices only
            params[k] = [shrink * x - alpha * a / (sqrt(b) + eps2) for x, a, b in zip(p, m, v)]
        return norm


# =============================================================================================
# A training run on one text

MIN_CHARS = 500               # the held-out tenth is then at least 50 characters
MAX_CHARS = 50_000            # longer texts are cut (a step costs the same; reading them does not)
MAX_VOCAB = 80                # characters the model tells apart; rarer ones share STAND_IN
STAND_IN = "\N{REPLACEMENT CHARACTER}"
HELDOUT_SHARE = 0.1           # the last tenth is never trained on
HELDOUT_WINDOWS = 12          # at most this many context-long windows measure it (a fixed set)
EXPLODED = 2.0                # diverged: a loss above twice ln(vocab), a know-nothing guess's


def _normalise(text: str) -> str:
    """Line ends as in any editor: Windows' "\r\n" and old Macs' "\r" become "\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Run:
    """One model trained on one text, a step at a time (see the module's docstring)."""

    def __init__(self, text: str, size: str = DEFAULT_SIZE, lr: float = DEFAULT_LR, seed: int = 0):
        if size not in SIZES:
            raise ValueError(f"no model size called {size!r}")
        text = _normalise(str(text))
        if len(text) < MIN_CHARS:
            raise ValueError(f"Paste at least {MIN_CHARS:,} characters: "
                             f"this text has {len(text):,}.")
        notes = []
        if len(text) > MAX_CHARS:
            text = text[:MAX_CHARS]
            notes.append(f"Using the first {MAX_CHARS:,} characters of your text.")
        counts: dict[str, int] = {}
        for ch in text:
            counts[ch] = counts.get(ch, 0) + 1
        if len(counts) > MAX_VOCAB:
            keep = sorted(counts, key=lambda ch: (-counts[ch], ch))[:MAX_VOCAB - 1]
            rare = len(counts) - len(keep)
            kept = set(keep)
            text = "".join(ch if ch in kept else STAND_IN for ch in text)
            notes.append(f"Your text has {len(counts):,} different characters: the model tells "
                         f"the {MAX_VOCAB - 1} commonest apart and shows the other {rare:,} "
                         f"as {STAND_IN}.")
        self.note = " ".join(notes) or None
        self.text = text
        self.vocab = sorted(set(text))
        index = {ch: i for i, ch in enumerate(self.vocab)}
        self.ids = [index[ch] for ch in text]
        self.size, self.lr, self.seed = size, lr, seed
        self.cfg = config(size, len(self.vocab))
        self.context, self.batch = self.cfg["context"], SIZES[size]["batch"]
        self.chars_per_step = self.context * self.batch
        self.split = len(text) - max(1, int(len(text) * HELDOUT_SHARE))
        self.start = "\n" if "\n" in index else text[0]     # where samples begin
        self.params = init(self.cfg, random.Random(f"tiny weights {seed}"))
        self.params_count = sum(map(len, self.params.values()))
        self.opt = AdamW(self.params, lr, shapes=param_shapes(self.cfg))
        self._batches = random.Random(seed)                  # the run's own: windows to train on
        self.step = 0
        self.losses: list[tuple[int, float]] = []
        self.heldout: list[tuple[int, float]] = []          # every held-out measurement made
        self.diverged: str | None = None
        self._limit = EXPLODED * max(math.log(len(self.vocab)), 1.0)
        self._bigram: float | None = None

    # -- training ----------------------------------------------------------------------------
    def _window(self) -> int:
        """A random start for a training window: context + 1 characters inside the training part
        (uses only random(), which every Python version draws the same)."""
        return int(self._batches.random() * (self.split - self.context))

    def train(self, steps: int) -> None:
        """Train `steps` more steps (one AdamW update on `batch` random windows each)."""
        collecting = gc.isenabled()
        gc.disable()              # a step makes many short-lived lists and no cycles
        try:
            self._train(int(steps))
        finally:
            if collecting:
                gc.enable()

    def _train(self, steps: int) -> None:
        C = self.context
        for _ in range(steps):
            if self.diverged:
                return
            starts = [self._window() for _ in range(self.batch)]
            inputs = [self.ids[s:s + C] for s in starts]
            targets = [t for s in starts for t in self.ids[s + 1:s + C + 1]]
            try:
                logits, cache = forward(self.params, self.cfg, inputs, keep=True)
                loss, dlogits = cross_entropy(logits, targets)
                if not math.isfinite(loss) or loss > self._limit:
                    raise OverflowError
                grads = backward(self.params, self.cfg, cache, dlogits)
                self.opt.step(self.params, grads)
            except (OverflowError, ValueError, ZeroDivisionError):
                self.diverged = "The loss exploded: the learning rate is too high."
                return
            self.step += 1
            self.losses.append((self.step, loss))

    # -- measuring ---------------------------------------------------------------------------
    @functools.cached_property
    def _heldout_windows(self) -> list[tuple[list[int], list[int]]]:
        """The fixed (inputs, targets) windows that measure the held-out part: consecutive
        windows of up to `context` characters through it (each target is a held-out character,
        predicted from the held-out characters before it in its window), at most
        HELDOUT_WINDOWS of them, evenly spread."""
        C, ids = self.context, self.ids
        starts = list(range(self.split, len(ids) - 1, C))
        if len(starts) > HELDOUT_WINDOWS:
            k = HELDOUT_WINDOWS
            starts = [starts[i * (len(starts) - 1) // (k - 1)] for i in range(k)]
        return [(ids[s:min(s + C, len(ids) - 1)], ids[s + 1:min(s + C + 1, len(ids))])
                for s in starts]

    def heldout_loss(self) -> float | None:
        """Mean next-character loss, in nats, on the held-out windows at the current step
        (measured once per step). None if it is not a finite number (a diverged run)."""
        if self.heldout and self.heldout[-1][0] == self.step:
            return self.heldout[-1][1]
        windows = self._heldout_windows
        try:
            logits = forward(self.params, self.cfg, [w for w, _ in windows])
            loss = cross_entropy(logits, [t for _, ts in windows for t in ts])[0]
        except (OverflowError, ValueError, ZeroDivisionError):
            return None
        if not math.isfinite(loss):
            return None
        self.heldout.append((self.step, loss))
        return loss

    def bigram_loss(self) -> float:
        """What counting pairs achieves: each character predicted from the one before it alone,
        with add-one smoothed pair counts from the training part, measured on the same held-out
        windows. The flat line the model has to beat."""
        if self._bigram is None:
            self._bigram = self._count_pairs()
        return self._bigram

    def _count_pairs(self) -> float:
        V = len(self.vocab)
        pairs = [[1] * V for _ in range(V)]
        ids = self.ids[:self.split + 1]       # pairs whose second character is in the training part
        for a, b in zip(ids, ids[1:]):
            pairs[a][b] += 1
        totals = [sum(row) for row in pairs]
        total, n = 0.0, 0
        for inputs, targets in self._heldout_windows:
            for a, b in zip(inputs, targets):
                total -= math.log(pairs[a][b] / totals[a])
                n += 1
        return total / n

    # -- writing -----------------------------------------------------------------------------
    def sample(self, n: int, temperature: float = 1.0, seed: int = 0) -> str:
        """n characters the model writes after `start` (a line break, or the text's first
        character if it has none); temperature 0 always takes the likeliest character. The model
        sees at most `context` characters: when its window is full it keeps the last half and
        carries on, so it always sees at least half a window."""
        rng = random.Random(seed)
        writer = Writer(self.params, self.cfg)
        ids = [self.vocab.index(self.start)]
        try:
            logits = writer.feed(ids[0])
            for _ in range(int(n)):
                ids.append(_pick(logits, temperature, rng))
                if writer.n == self.context:
                    writer.reset()
                    for c in ids[-(self.context // 2):-1]:
                        writer.feed(c)
                logits = writer.feed(ids[-1])
        except (OverflowError, ValueError, ZeroDivisionError):
            pass                      # weights blown up past floating point: stop writing
        return "".join(self.vocab[i] for i in ids[1:])


def _pick(logits, temperature, rng) -> int:
    """A character id from logits at a temperature (inverse CDF with one rng.random() draw)."""
    if temperature <= 0:
        return max(range(len(logits)), key=lambda i: (logits[i], -i))
    top = max(logits)
    weights = [math.exp((v - top) / temperature) for v in logits]
    u = rng.random() * sum(weights)
    for i, w in enumerate(weights):
        u -= w
        if u < 0:
            return i
    return len(weights) - 1
