"""Train the lab model from nothing: `python -m site_build.lab.train` (or `make model`).

Steps: generate the world's corpus (site_build/lab/world.py), train the byte-level BPE tokenizer
on it (widgets/_bpe.py), then train the model (site_build/lab/model.py) with AdamW on random
windows of the token stream, saving checkpoints along the way. Writes site_build/lab/weights/:
  base.bin            the final weights (the file the page fetches)
  ckpt-<step>.bin     earlier checkpoints, for the "watch it learn" view
  history.json        per-step training loss, held-out loss at intervals
  manifest.json       hashes of the corpus and the weights, the hyperparameters, the first
                      losses, the time it took; tests/unit/lab/test_train_manifest.py checks the
                      corpus, the hyperparameters and the weights against it and replays the first
                      steps. The code's hashes are recorded too, as information only: a comment
                      can change without a retrain.
Deterministic for a given machine: fixed seeds everywhere.
"""
from __future__ import annotations

import sys
import time

import numpy as np

from widgets import _bpe

from . import checkpoint, model, world
from .common import WEIGHTS, code_hashes, lr_at, sha256, write_json

CODE = ["site_build/lab/model.py", "site_build/lab/train.py", "site_build/lab/checkpoint.py",
        "site_build/lab/common.py",
        "site_build/lab/world.py", "widgets/_bpe.py"]

HP = {
    "config": {"vocab": 1024, "context": 128, "d_model": 64, "d_mlp": 256, "layers": 4, "heads": 4},
    "train_docs": 20000, "train_seed": 1,          # world.documents(seed, n) for training
    "heldout_docs": 1000, "heldout_seed": 2,       # and for the held-out split
    "steps": 4000, "batch": 16, "lr": 3e-3, "lr_min": 3e-4, "warmup": 50,
    "weight_decay": 0.1, "clip": 1.0, "init_seed": 0, "data_seed": 0,
    "save": [0, 25, 60, 150, 400, 1000, 2000, 3000],            # checkpoints kept besides the final one
    "eval_every": 50, "eval_windows": 48,
}


def corpus(seed: int, n: int) -> str:
    """Documents as the model reads them: each one after the end-of-text marker and a space.

    The space is the model's reading convention (SentencePiece calls it a dummy prefix): every word
    then arrives as the same token, " Mira", whether it starts a document or stands mid-sentence,
    and widgets/_lm.py puts the same space before a reader's prompt."""
    return "".join(_bpe.EOT + " " + d for d in world.documents(seed, n)) + _bpe.EOT


def texts(hp=None) -> tuple[str, str]:
    """The training text and the held-out text."""
    hp = hp or HP
    return (corpus(hp["train_seed"], hp["train_docs"]),
            corpus(hp["heldout_seed"], hp["heldout_docs"]))


def tokenizer(hp=None) -> tuple[_bpe.Tokenizer, str, str]:
    """Train the tokenizer on the training text; returns it with both texts."""
    hp = hp or HP
    text, held = texts(hp)
    merges = _bpe.train([text], hp["config"]["vocab"])
    tok = _bpe.Tokenizer(merges)
    assert tok.vocab_size == hp["config"]["vocab"], tok.vocab_size
    return tok, text, held


def windows(stream: np.ndarray, count: int, length: int, rng) -> np.ndarray:
    starts = rng.integers(0, len(stream) - length - 1, count)
    return np.stack([stream[s:s + length + 1] for s in starts])


def eval_loss(P, cfg, batch: np.ndarray) -> float:
    total = 0.0
    for i in range(0, len(batch), 16):
        b = batch[i:i + 16]
        total += model.cross_entropy(model.forward(P, cfg, b[:, :-1]), b[:, 1:])[0] * len(b)
    return total / len(batch)


def train(hp=None, steps: int | None = None, tok=None, text=None, held=None, on_save=None, log=None):
    """Run training; returns (params, per-step losses, held-out curve). `steps` cuts the run short
    (the tests replay the first few steps)."""
    hp = hp or HP
    cfg = hp["config"]
    if tok is None:
        tok, text, held = tokenizer(hp)
    stream = np.array(tok.encode(text), dtype=np.int32)
    held_stream = np.array(tok.encode(held), dtype=np.int32)
    P = model.init(cfg, hp["init_seed"])
    opt = model.AdamW(P, hp["lr"], weight_decay=hp["weight_decay"])
    rng = np.random.default_rng(hp["data_seed"])
    held_batch = windows(held_stream, hp["eval_windows"], cfg["context"],
                         np.random.default_rng(hp["heldout_seed"]))
    n = hp["steps"] if steps is None else steps
    losses, curve = [], []
    for step in range(n + 1):
        if step in hp["save"] or step == hp["steps"] or step % hp["eval_every"] == 0:
            h = eval_loss(P, cfg, held_batch)
            curve.append([step, round(h, 4)])
            if on_save and (step in hp["save"] or step == hp["steps"]):
                on_save(step, P, h)
            if log:
                log(f"step {step}: held-out loss {h:.3f}")
        if step == n:
            break
        b = windows(stream, hp["batch"], cfg["context"], rng)
        logits, cache = model.forward(P, cfg, b[:, :-1], keep=True)
        loss, dl = model.cross_entropy(logits, b[:, 1:])
        opt.step(P, model.backward(P, cfg, cache, dl), lr=lr_at(step, hp), clip=hp["clip"])
        losses.append(round(loss, 5))
    return P, losses, curve, {"tokens": len(stream), "heldout_tokens": len(held_stream)}


def flops(hp=None) -> float:
    """Training compute, the usual estimate: 6 x parameters x tokens, plus attention's scores."""
    hp = hp or HP
    c = hp["config"]
    per_token = 6 * model.n_params(c) + 6 * c["layers"] * c["context"] * c["d_model"]
    return per_token * hp["steps"] * hp["batch"] * c["context"]


def main() -> int:
    t0 = time.perf_counter()
    tok, text, held = tokenizer()
    t_tok = time.perf_counter() - t0
    print(f"tokenizer: {tok.vocab_size} ids in {t_tok:.1f}s", flush=True)
    WEIGHTS.mkdir(parents=True, exist_ok=True)
    for old in WEIGHTS.glob("ckpt-*.bin"):
        old.unlink()
    files = {}

    def save(step, P, h):
        name = "base.bin" if step == HP["steps"] else f"ckpt-{step:05d}.bin"
        data = checkpoint.dumps(P, HP["config"], tok.merges, tok.specials,
                                {"step": step, "heldout_loss": round(h, 4)})
        (WEIGHTS / name).write_bytes(data)
        files[name] = sha256(data)

    t1 = time.perf_counter()
    P, losses, curve, sizes = train(tok=tok, text=text, held=held, on_save=save,
                                    log=lambda s: print(s, flush=True))
    seconds = time.perf_counter() - t1
    history = {"steps": HP["steps"], "batch": HP["batch"], "context": HP["config"]["context"],
               "train_loss": losses, "heldout_loss": curve,
               "checkpoints": [int(f[5:10]) for f in sorted(files) if f.startswith("ckpt-")]
               + [HP["steps"]]}
    write_json(WEIGHTS / "history.json", history, sort_keys=False)
    manifest = {
        "hparams": HP, "corpus_sha256": sha256(text), "heldout_sha256": sha256(held),
        "code_sha256": code_hashes(CODE), "files": dict(sorted(files.items())),
        "first_losses": losses[:3], "params": model.n_params(HP["config"]),
        "train_tokens_seen": HP["steps"] * HP["batch"] * HP["config"]["context"],
        "corpus_tokens": sizes["tokens"], "heldout_tokens": sizes["heldout_tokens"],
        "flops": flops(), "train_seconds": round(seconds, 1), "tokenizer_seconds": round(t_tok, 1),
        "machine": "2-core CPU, numpy (OpenBLAS, one thread), float32",
    }
    write_json(WEIGHTS / "manifest.json", manifest, indent=1)
    print(f"trained in {seconds / 60:.1f} min; final held-out loss {curve[-1][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
