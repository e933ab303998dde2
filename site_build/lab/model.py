"""The lab model in numpy: a small GPT-style decoder, its forward pass, its hand-written backward
pass and AdamW. Build-time only (numpy); `widgets/_lm.py` is the same forward pass in plain Python
for the page, and the tests check that the two agree.

Architecture (one list of choices, shared with widgets/_lm.py):
  x = wte[ids] + wpe[positions]
  for each block:  x = x + Attn(LN1(x));  x = x + MLP(LN2(x))
  logits = LNf(x) @ wte.T                       (tied: the embedding table is also the unembedding)
LayerNorm has a gain and a bias (eps 1e-5). Attention has H heads, no biases, a causal mask and a
1/sqrt(head size) scale. The MLP is GELU (tanh form) between two biased linear maps.

Training uses forward(..., keep=True) and backward; inference uses forward(..., at=positions),
which computes the logits only where a prediction is read, and generate(), the one sampling loop.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

EPS = 1e-5
GELU_C = math.sqrt(2.0 / math.pi)


def param_shapes(cfg: dict) -> dict[str, tuple[int, ...]]:
    """Every parameter's name and shape, in the fixed order the weight file uses."""
    V, C, d, F = cfg["vocab"], cfg["context"], cfg["d_model"], cfg["d_mlp"]
    shapes = {"wte": (V, d), "wpe": (C, d)}
    for l in range(cfg["layers"]):
        p = f"h{l}."
        shapes.update({p + "ln1_g": (d,), p + "ln1_b": (d,),
                       p + "wq": (d, d), p + "wk": (d, d), p + "wv": (d, d), p + "wo": (d, d),
                       p + "ln2_g": (d,), p + "ln2_b": (d,),
                       p + "w1": (d, F), p + "b1": (F,), p + "w2": (F, d), p + "b2": (d,)})
    shapes.update({"lnf_g": (d,), "lnf_b": (d,)})
    return shapes


def n_params(cfg: dict) -> int:
    return sum(int(np.prod(s)) for s in param_shapes(cfg).values())


def init(cfg: dict, seed: int, dtype=np.float32) -> dict[str, np.ndarray]:
    """GPT-2 style initialisation: N(0, 0.02), residual outputs scaled by 1/sqrt(2 * layers)."""
    rng = np.random.default_rng(seed)
    out = {}
    for name, shape in param_shapes(cfg).items():
        leaf = name.split(".")[-1]
        if leaf.endswith("_g"):
            out[name] = np.ones(shape, dtype)
        elif leaf.endswith("_b") or leaf in ("b1", "b2"):
            out[name] = np.zeros(shape, dtype)
        else:
            std = 0.02 / math.sqrt(2 * cfg["layers"]) if leaf in ("wo", "w2") else 0.02
            out[name] = (rng.standard_normal(shape) * std).astype(dtype)
    return out


# ---------------------------------------------------------------------------------------------
# Pieces with their backward passes. Each forward returns (output, cache); backward(dout, cache)
# returns the input gradient and adds parameter gradients into `grads`. The caches are named
# tuples: what each backward needs from its forward.

class LNCache(NamedTuple):
    xhat: np.ndarray         # the normalised input
    rstd: np.ndarray         # 1 / standard deviation, per position
    g: np.ndarray            # the gain


class AttnCache(NamedTuple):
    x: np.ndarray            # the input [B, T, d]
    q: np.ndarray            # queries, keys, values [B, H, T, dh]
    k: np.ndarray
    v: np.ndarray
    a: np.ndarray            # the attention weights [B, H, T, T]
    o: np.ndarray            # the heads' outputs, merged [B, T, d]
    scale: float


class MLPCache(NamedTuple):
    x: np.ndarray            # the input
    u: np.ndarray            # before GELU
    t: np.ndarray            # GELU's tanh, reused by its backward
    h: np.ndarray            # after GELU


class BlockCache(NamedTuple):
    ln1: LNCache
    attn: AttnCache
    ln2: LNCache
    mlp: MLPCache


class Cache(NamedTuple):
    ids: np.ndarray
    blocks: list             # one BlockCache per layer
    lnf: LNCache
    nf: np.ndarray           # the final LayerNorm's output, the unembedding's input

def _ln(x, g, b):
    mu = x.mean(-1, keepdims=True)
    xc = x - mu
    rstd = 1.0 / np.sqrt((xc * xc).mean(-1, keepdims=True) + EPS)
    xhat = xc * rstd
    return xhat * g + b, LNCache(xhat, rstd, g)


def _ln_back(dy, cache, grads, gname, bname):
    xhat, rstd, g = cache
    grads[gname] += (dy * xhat).reshape(-1, xhat.shape[-1]).sum(0)
    grads[bname] += dy.reshape(-1, xhat.shape[-1]).sum(0)
    dxhat = dy * g
    n = xhat.shape[-1]
    return rstd / n * (n * dxhat - dxhat.sum(-1, keepdims=True)
                       - xhat * (dxhat * xhat).sum(-1, keepdims=True))


def _gelu(u):
    t = np.tanh(GELU_C * (u + 0.044715 * u * u * u))
    return 0.5 * u * (1.0 + t), t


def _gelu_back(dy, u, t):
    return dy * (0.5 * (1.0 + t) + 0.5 * u * (1.0 - t * t) * GELU_C * (1.0 + 3 * 0.044715 * u * u))


def _split(x, H):            # [B, T, d] -> [B, H, T, dh]
    B, T, d = x.shape
    return x.reshape(B, T, H, d // H).transpose(0, 2, 1, 3)


def _merge(x):               # [B, H, T, dh] -> [B, T, d]
    B, H, T, dh = x.shape
    return x.transpose(0, 2, 1, 3).reshape(B, T, H * dh)


def _attn(x, P, p, H):
    B, T, d = x.shape
    q, k, v = (_split(x @ P[p + w], H) for w in ("wq", "wk", "wv"))
    scale = 1.0 / math.sqrt(d // H)
    s = (q @ k.transpose(0, 1, 3, 2)) * scale
    s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(-1, keepdims=True)
    a = np.exp(s)
    a /= a.sum(-1, keepdims=True)
    o = _merge(a @ v)
    return o @ P[p + "wo"], AttnCache(x, q, k, v, a, o, scale)


def _attn_back(dy, cache, P, grads, p, H):
    x, q, k, v, a, o, scale = cache
    B, T, d = x.shape
    grads[p + "wo"] += o.reshape(-1, d).T @ dy.reshape(-1, d)
    do = _split(dy @ P[p + "wo"].T, H)
    da = do @ v.transpose(0, 1, 3, 2)
    dv = a.transpose(0, 1, 3, 2) @ do
    ds = a * (da - (da * a).sum(-1, keepdims=True)) * scale
    dq = ds @ k
    dk = ds.transpose(0, 1, 3, 2) @ q
    dx = np.zeros_like(x)
    for w, dpart in (("wq", dq), ("wk", dk), ("wv", dv)):
        dpart = _merge(dpart)
        grads[p + w] += x.reshape(-1, d).T @ dpart.reshape(-1, d)
        dx += dpart @ P[p + w].T
    return dx


def _mlp(x, P, p):
    u = x @ P[p + "w1"] + P[p + "b1"]
    h, t = _gelu(u)
    return h @ P[p + "w2"] + P[p + "b2"], MLPCache(x, u, t, h)


def _mlp_back(dy, cache, P, grads, p):
    x, u, t, h = cache
    d, F = P[p + "w1"].shape
    grads[p + "w2"] += h.reshape(-1, F).T @ dy.reshape(-1, d)
    grads[p + "b2"] += dy.reshape(-1, d).sum(0)
    du = _gelu_back(dy @ P[p + "w2"].T, u, t)
    grads[p + "w1"] += x.reshape(-1, d).T @ du.reshape(-1, F)
    grads[p + "b1"] += du.reshape(-1, F).sum(0)
    return du @ P[p + "w1"].T


# ---------------------------------------------------------------------------------------------

def forward(P: dict, cfg: dict, ids: np.ndarray, keep: bool = False, at=None):
    """Logits [B, T, V] for token ids [B, T]; with keep=True also the Cache for `backward` (which
    holds the attention maps). With at = one position per row, only those logits, [B, V]: the
    inference shortcut (as nanoGPT's forward without targets), since the unembedding at every
    other position is the costliest product when generating."""
    ids = np.asarray(ids)
    B, T = ids.shape
    H = cfg["heads"]
    x = P["wte"][ids] + P["wpe"][:T]
    caches = []
    for l in range(cfg["layers"]):
        p = f"h{l}."
        n1, c1 = _ln(x, P[p + "ln1_g"], P[p + "ln1_b"])
        y, ca = _attn(n1, P, p, H)
        x = x + y
        n2, c2 = _ln(x, P[p + "ln2_g"], P[p + "ln2_b"])
        y, cm = _mlp(n2, P, p)
        x = x + y
        caches.append(BlockCache(c1, ca, c2, cm))
    if at is not None:
        x = x[np.arange(B), np.asarray(at)]
    nf, cf = _ln(x, P["lnf_g"], P["lnf_b"])
    logits = nf @ P["wte"].T
    if not keep:
        return logits
    return logits, Cache(ids, caches, cf, nf)


def attention_maps(P: dict, cfg: dict, ids) -> list[np.ndarray]:
    """Every layer's attention weights for one sequence: list over layers of [H, T, T]."""
    _, cache = forward(P, cfg, np.asarray(ids)[None, :], keep=True)
    return [block.attn.a[0] for block in cache.blocks]


def trace(P: dict, cfg: dict, ids):
    """One sequence's residual stream after the embeddings and after each block ([layers + 1,
    T, d]) and each block's attention cache (queries, keys, values, weights): the reference the
    page's inside views (widgets/_lm.py, Model.trace) are tested against."""
    ids = np.asarray(ids)[None, :]
    x = P["wte"][ids] + P["wpe"][:ids.shape[1]]
    stages, attn = [x[0]], []
    for l in range(cfg["layers"]):
        p = f"h{l}."
        y, ca = _attn(_ln(x, P[p + "ln1_g"], P[p + "ln1_b"])[0], P, p, cfg["heads"])
        x = x + y
        x = x + _mlp(_ln(x, P[p + "ln2_g"], P[p + "ln2_b"])[0], P, p)[0]
        stages.append(x[0])
        attn.append(ca)
    return np.stack(stages), attn


def backward(P: dict, cfg: dict, cache, dlogits: np.ndarray) -> dict[str, np.ndarray]:
    """Gradients of every parameter, given d(loss)/d(logits)."""
    ids, caches, cf, nf = cache
    H = cfg["heads"]
    d = cfg["d_model"]
    grads = {k: np.zeros_like(v) for k, v in P.items()}
    grads["wte"] += dlogits.reshape(-1, dlogits.shape[-1]).T @ nf.reshape(-1, d)
    dx = _ln_back(dlogits @ P["wte"], cf, grads, "lnf_g", "lnf_b")
    for l in reversed(range(cfg["layers"])):
        p = f"h{l}."
        c1, ca, c2, cm = caches[l]
        dx = dx + _ln_back(_mlp_back(dx, cm, P, grads, p), c2, grads, p + "ln2_g", p + "ln2_b")
        dx = dx + _ln_back(_attn_back(dx, ca, P, grads, p, H), c1, grads, p + "ln1_g", p + "ln1_b")
    T = ids.shape[1]
    np.add.at(grads["wte"], ids.reshape(-1), dx.reshape(-1, d))
    grads["wpe"][:T] += dx.sum(0)
    return grads


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def cross_entropy(logits: np.ndarray, targets: np.ndarray, weights: np.ndarray | None = None):
    """Mean (weighted) next-token cross-entropy in nats and its gradient with respect to logits.

    weights [B, T] picks which positions count (e.g. only the answer in fine-tuning); None = all."""
    lp = log_softmax(logits)
    B, T, V = logits.shape
    w = np.ones((B, T), logits.dtype) if weights is None else weights.astype(logits.dtype)
    total = w.sum()
    picked = np.take_along_axis(lp, targets[..., None], -1)[..., 0]
    loss = float(-(picked * w).sum() / total)
    dlogits = np.exp(lp)
    np.put_along_axis(dlogits, targets[..., None], np.take_along_axis(dlogits, targets[..., None], -1) - 1.0, -1)
    dlogits *= (w / total)[..., None]
    return loss, dlogits


class AdamW:
    """Adam with decoupled weight decay on matrices (not on gains, biases or position table)."""

    def __init__(self, params: dict, lr: float, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.1):
        self.lr, self.b1, self.b2, self.eps, self.wd = lr, betas[0], betas[1], eps, weight_decay
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t = 0

    def step(self, params: dict, grads: dict, lr: float | None = None, clip: float = 1.0) -> float:
        """One update in place; gradients are clipped to a global norm of `clip`. Returns the norm."""
        lr = self.lr if lr is None else lr
        norm = math.sqrt(sum(float((g.astype(np.float64) ** 2).sum()) for g in grads.values()))
        scale = min(1.0, clip / (norm + 1e-12))
        self.t += 1
        c1 = 1 - self.b1 ** self.t
        c2 = 1 - self.b2 ** self.t
        for k, p in params.items():
            g = grads[k] * scale
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * g
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * g * g
            if p.ndim == 2 and k != "wpe":
                p -= lr * self.wd * p
            p -= lr * (self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + self.eps)
        return norm


# ---------------------------------------------------------------------------------------------
# Inference: generation with forward(..., at=positions).

def generate(P: dict, cfg: dict, prompts: list[list[int]], max_new: int, stops, pad: int,
             temperature: float = 0.0, rng=None) -> list[list[int]]:
    """The one sampling loop: new ids for each prompt (batched, right-padded with `pad`, which the
    causal mask hides), each ending with the stop id the model chose unless max_new ran out.
    temperature 0 = the most likely token each time; otherwise one uniform draw per row and token
    from `rng` (inverse CDF)."""
    N = len(prompts)
    lens = np.array([len(p) for p in prompts])
    buf = np.full((N, int(lens.max()) + max_new), pad, np.int32)
    for i, p in enumerate(prompts):
        buf[i, :len(p)] = p
    out = [[] for _ in range(N)]
    live = np.ones(N, bool)
    cur = lens.copy()
    for _ in range(max_new):
        rows = np.flatnonzero(live)
        if rows.size == 0:
            break
        T = int(cur[rows].max())
        last = forward(P, cfg, buf[rows, :T], at=cur[rows] - 1).astype(np.float64)
        if temperature == 0:
            nxt = last.argmax(-1)
        else:
            z = last / temperature
            p = np.exp(z - z.max(-1, keepdims=True))
            c = np.cumsum(p, -1)
            u = rng.random(rows.size) * c[:, -1]
            nxt = np.minimum((c < u[:, None]).sum(-1), c.shape[1] - 1)
        for r, t in zip(rows, nxt):
            t = int(t)
            out[r].append(t)
            buf[r, cur[r]] = t
            cur[r] += 1
            if t in stops:
                live[r] = False
    return out
