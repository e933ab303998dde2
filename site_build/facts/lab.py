"""Numbers the lab chapter (and the chapters that point to it) quote about the lab model: its size,
its training and its measured quality, all read from the committed weights' manifest and the
build's measurements (site_build/lab/build.py)."""
from __future__ import annotations

import numpy as np

from site_build.lab import build, world


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _sci(x: float) -> str:
    exp = len(str(int(x))) - 1
    return f"{x / 10 ** exp:.1f} × 10^{exp}"


def _ffn_share(cfg: dict) -> float:
    """The feed-forward network's share of one block's parameters, from the model's own shapes."""
    from site_build.lab import model
    size = {k: int(np.prod(v)) for k, v in model.param_shapes(cfg).items() if k.startswith("h0.")}
    ffn = sum(n for k, n in size.items() if k.split(".")[1] in ("w1", "b1", "w2", "b2"))
    return ffn / sum(size.values())


def facts() -> dict[str, str]:
    r = build.report()
    man, ppl, fx, ww = r["manifest"], r["perplexity"], r["facts"], r["world_words"]
    cfg = man["hparams"]["config"]
    d = world.describe()
    out = {
        "lab.params": f"{man['params']:,}",
        "lab.layers": str(cfg["layers"]),
        "lab.d_model": str(cfg["d_model"]),
        "lab.heads": str(cfg["heads"]),
        "lab.vocab": f"{cfg['vocab']:,}",
        "lab.context": str(cfg["context"]),
        "lab.train_tokens": f"{man['train_tokens_seen']:,}",
        "lab.train_flops": _sci(man["flops"]),
        "lab.train_minutes": f"{man['train_seconds'] / 60:.0f}",
        "lab.world.train_docs": f"{man['hparams']['train_docs']:,}",
        "lab.world.train_tokens": f"{man['corpus_tokens']:,}",
        "lab.world.people": str(d["people"]),
        "lab.world.towns": str(d["towns"]),
        "lab.world.countries": str(d["countries"]),
        "lab.quality.ppl": f"{ppl['model']:.1f}",
        "lab.quality.unigram_ppl": f"{ppl['unigram']:.0f}",
        "lab.quality.fact_acc": _pct(fx["correct"] / fx["total"]),
        "lab.quality.world_words": f"{100 * ww['share']:.1f}%",   # 99.9%, never rounded up to 100
        "lab.block.ffn_share": _pct(_ffn_share(cfg)),
    }
    return out
