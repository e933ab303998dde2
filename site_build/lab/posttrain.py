"""Post-train the lab model: `python -m site_build.lab.posttrain` (one command, all three stages).

Stage 1, supervised fine-tuning (SFT): from weights/base.bin, on conversations about the world
(site_build/lab/chats.py) in the chat template; the loss counts only the assistant's tokens (the
answer and its closing <|end|>). Writes weights/sft.bin.

Stage 2, reinforcement learning with a checkable reward (GRPO): from sft.bin, on arithmetic
questions (chats.TRAIN_PROBLEMS). Each step takes `prompts` questions, samples `group` answers to
each from the current model (temperature 1), scores each with world.check (1 if the first number
in the answer is right, else 0), and turns the scores into advantages within each group
((reward - group mean) / group standard deviation). The loss is PPO's clipped objective on the
per-token probability ratio against the model that sampled (ratio clipped to 1 +/- eps, `inner`
optimiser steps on each batch so the clip can act), minus beta times a per-token KL penalty to
the SFT model, the "k3" estimator exp(r) - r - 1 with r = log p_sft - log p_model (never negative;
Schulman 2020, as in DeepSeekMath's GRPO). Per-token terms are averaged over each answer, then
over answers. Writes weights/rl.bin and weights/rl-history.json.

Stage 3, reward hacking: the same RL from sft.bin against a flawed reward, a grader that pays
when the right number appears anywhere in the answer as text (`str(answer) in reply`, a loose
match bugs of this kind really make) instead of reading the first number. Writing a string of
digits contains more numbers, so the model can learn to pay itself. Run at several beta values.
Writes weights/rl-flawed-b<beta>.bin and weights/rl-flawed.json.

Also weights/advantage-real.json (one prompt's group of real SFT samples with rewards and
advantages), weights/sft-history.json, and weights/post-manifest.json (hashes of the code, the
base weights and the hyperparameters, the first losses, the times): tests/unit/test_posttrain_
manifest.py checks it and replays the first SFT and GRPO steps.

Deterministic for a given machine: fixed seeds everywhere. See `build_data()` for the files the
page reads and their formats.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import sys
import time
from pathlib import Path

# One BLAS thread: these matrices are small, and on a shared 2-core machine a second thread spends
# most of its time waiting (measured: about 10 times the CPU per step). Only takes effect when
# numpy is not yet imported, i.e. under `python -m site_build.lab.posttrain`.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from widgets import _bpe

from . import chats, checkpoint, model, world

HERE = Path(__file__).resolve().parent
WEIGHTS = HERE / "weights"
ROOT = HERE.parent.parent
CODE = ["site_build/lab/posttrain.py", "site_build/lab/chats.py", "site_build/lab/model.py",
        "site_build/lab/checkpoint.py", "site_build/lab/world.py", "widgets/_bpe.py"]
EOT, USER, ASSISTANT, END = _bpe.SPECIALS

HP = {
    "sft": {"conversations": 8000, "seed": 1, "steps": 300, "batch": 32, "lr": 1e-3,
            "lr_min": 1e-4, "warmup": 20, "weight_decay": 0.0, "clip": 1.0, "data_seed": 0},
    "rl": {"task": "arithmetic", "steps": 200, "prompts": 16, "group": 8, "temperature": 1.0,
           "max_new": 12, "lr": 5e-5, "eps": 0.2, "inner": 2, "beta": 0.04, "weight_decay": 0.0,
           "clip": 1.0, "seed": 0, "eval_every": 10, "eval_samples": 4, "eval_seed": 1234,
           "save_every": 25},
    # The flawed runs learn twice as fast as the main run, so that what the flawed grader pays
    # for shows within their budget (at 5e-5 it showed only faintly in 36 steps; at 2e-4 the
    # main run itself falls apart).
    "flawed": {"task": "arithmetic", "betas": [0.0, 0.04, 0.4], "steps": 120, "lr": 1e-4,
               "prompts": 16, "eval_every": 10, "save_every": 20},
    "advantage": {"group": 8, "seed": 7},
    "sample_questions": 6,
}


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def code_hashes() -> dict[str, str]:
    return {f: sha256((ROOT / f).read_bytes()) for f in CODE}


def load(name: str):
    """(params, header) of a committed weight file, e.g. "base", "sft"."""
    return checkpoint.loads((WEIGHTS / f"{name}.bin").read_bytes())


# --- Chat data -> arrays --------------------------------------------------------------------------

class Chat:
    """Token ids of the chat template for one tokenizer."""

    def __init__(self, tok: _bpe.Tokenizer):
        self.tok = tok
        self.eot, self.end = tok.encode(EOT)[0], tok.encode(END)[0]
        self.stops = (self.end, self.eot)

    def prompt(self, question: str) -> list[int]:
        return self.tok.encode(chats.template(question))

    def example(self, question: str, answer: str) -> tuple[list[int], int]:
        """(ids of the templated conversation, index where the answer starts)."""
        p = self.prompt(question)
        return p + self.tok.encode(" " + answer) + [self.end], len(p)

    def answer_text(self, ids) -> str:
        return self.tok.decode([i for i in ids if i not in self.stops]).strip()


def pad(seqs: list[list[int]], starts: list[int], fill: int):
    """Inputs [B, T], targets [B, T] and a mask [B, T] that is 1 where the target is an answer
    token (index >= start in the sequence), right-padded with `fill` (masked out)."""
    T = max(len(s) for s in seqs) - 1
    x = np.full((len(seqs), T), fill, np.int32)
    y = np.full((len(seqs), T), fill, np.int32)
    m = np.zeros((len(seqs), T), np.float32)
    for i, (s, a) in enumerate(zip(seqs, starts)):
        x[i, :len(s) - 1] = s[:-1]
        y[i, :len(s) - 1] = s[1:]
        m[i, a - 1:len(s) - 1] = 1.0
    return x, y, m


# --- Stage 1: SFT ---------------------------------------------------------------------------------

def lr_at(step: int, h: dict) -> float:
    if step < h["warmup"]:
        return h["lr"] * (step + 1) / h["warmup"]
    frac = (step - h["warmup"]) / max(1, h["steps"] - h["warmup"])
    return h["lr_min"] + 0.5 * (h["lr"] - h["lr_min"]) * (1 + math.cos(math.pi * frac))


def sft(P0: dict, cfg: dict, chat: Chat, hp=HP, steps: int | None = None, log=None):
    """Fine-tune a copy of P0 on the conversations; returns (params, per-step losses)."""
    h = hp["sft"]
    P = {k: v.copy() for k, v in P0.items()}
    data = [chat.example(q, a) for q, a in chats.conversations(h["seed"], h["conversations"])]
    opt = model.AdamW(P, h["lr"], weight_decay=h["weight_decay"])
    rng = np.random.default_rng(h["data_seed"])
    losses = []
    n = h["steps"] if steps is None else steps
    for step in range(n):
        pick = rng.integers(0, len(data), h["batch"])
        x, y, m = pad([data[i][0] for i in pick], [data[i][1] for i in pick], chat.eot)
        logits, cache = model.forward(P, cfg, x, keep=True)
        loss, dl = model.cross_entropy(logits, y, m)
        opt.step(P, model.backward(P, cfg, cache, dl), lr=lr_at(step, h), clip=h["clip"])
        losses.append(round(loss, 5))
        if log and step % 50 == 0:
            log(f"sft step {step}: loss {loss:.3f}")
    return P, losses


# --- Generation in numpy (batched, right-padded) ---------------------------------------------------

def last_logits(P: dict, cfg: dict, ids: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """model.forward's logits at one position per row ([B, V], float64), without computing the
    unembedding at every other position (the costliest product when generating)."""
    x = P["wte"][ids] + P["wpe"][:ids.shape[1]]
    for l in range(cfg["layers"]):
        p = f"h{l}."
        x = x + model._attn(model._ln(x, P[p + "ln1_g"], P[p + "ln1_b"])[0], P, p, cfg["heads"])[0]
        x = x + model._mlp(model._ln(x, P[p + "ln2_g"], P[p + "ln2_b"])[0], P, p)[0]
    h = x[np.arange(len(pos)), pos]
    nf = model._ln(h, P["lnf_g"], P["lnf_b"])[0]
    return (nf @ P["wte"].T).astype(np.float64)


def generate(P: dict, cfg: dict, prompts: list[list[int]], chat: Chat, max_new: int,
             temperature: float = 0.0, rng=None) -> list[list[int]]:
    """Answer ids for each prompt, ending with the stop token the model chose (<|end|> or
    <|endoftext|>) unless max_new ran out. temperature 0 = the most likely token each time;
    otherwise one uniform draw per row and token from `rng` (inverse CDF)."""
    N = len(prompts)
    lens = np.array([len(p) for p in prompts])
    buf = np.full((N, int(lens.max()) + max_new), chat.eot, np.int32)
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
        last = last_logits(P, cfg, buf[rows, :T], cur[rows] - 1)
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
            if t in chat.stops:
                live[r] = False
    return out


def answers(P, cfg, chat: Chat, questions: list[str], max_new: int = 12, temperature=0.0,
            rng=None) -> list[str]:
    ids = generate(P, cfg, [chat.prompt(q) for q in questions], chat, max_new, temperature, rng)
    return [chat.answer_text(a) for a in ids]


def mentions(reply: str, word: str) -> bool:
    return word.lower() in world.words(reply)


def fact_accuracy(P, cfg, chat: Chat, max_new: int = 16) -> dict:
    """Held-out fact questions (chats.HELD_FACTS), graded by chats.check_fact."""
    got = answers(P, cfg, chat, [q for q, _ in chats.HELD_FACTS], max_new=max_new)
    ok = [chats.check_fact(q, r) for r, (q, _) in zip(got, chats.HELD_FACTS)]
    return {"correct": int(sum(ok)), "total": len(ok),
            "rows": [{"question": q, "answer": a, "reply": r, "ok": bool(k)}
                     for (q, a), r, k in zip(chats.HELD_FACTS, got, ok)]}


def arithmetic_accuracy(P, cfg, chat: Chat, problems=None, max_new: int = 12) -> dict:
    problems = chats.HELD_PROBLEMS if problems is None else problems
    got = answers(P, cfg, chat, [q for q, _ in problems], max_new=max_new)
    ok = [world.check(q, r) for r, (q, _) in zip(got, problems)]
    return {"correct": int(sum(ok)), "total": len(ok), "replies": got,
            "length": float(np.mean([len(chat.tok.encode(r)) for r in got]))}


# --- Stage 2: GRPO --------------------------------------------------------------------------------

def advantages(rewards) -> np.ndarray:
    """Group-normalised advantages: (r - mean) / std over the group (population std); all zero
    when every answer in the group scored the same (there is nothing to prefer)."""
    r = np.asarray(rewards, np.float64)
    sd = r.std()
    if sd < 1e-8:
        return np.zeros_like(r)
    return (r - r.mean()) / sd


def k3(logp, ref_logp):
    """Per-token KL estimate exp(d) - d - 1 with d = log p_ref - log p (>= 0 for any d)."""
    d = np.asarray(ref_logp, np.float64) - np.asarray(logp, np.float64)
    return np.exp(d) - d - 1.0


def grpo_objective(logits, targets, mask, adv, old_logp, ref_logp, eps: float, beta: float):
    """GRPO loss and its gradient with respect to the logits.

    loss = -mean over answers i of mean over answer tokens t of
           [min(rho A_i, clip(rho, 1-eps, 1+eps) A_i) - beta k3(t)],  rho = p(t) / p_old(t).
    Returns (loss, dlogits, stats) with stats: clipped share, mean ratio, mean k3 per token."""
    lp_all = model.log_softmax(logits.astype(np.float64))
    logp = np.take_along_axis(lp_all, targets[..., None], -1)[..., 0]
    A = np.asarray(adv, np.float64)[:, None]
    rho = np.exp(logp - old_logp)
    unclipped = rho * A
    clipped = np.clip(rho, 1 - eps, 1 + eps) * A
    surrogate = np.minimum(unclipped, clipped)
    kl = k3(logp, ref_logp)
    counts = mask.sum(1, keepdims=True)
    w = mask / np.maximum(counts, 1) / max(1, int((counts[:, 0] > 0).sum()))
    loss = float(-((surrogate - beta * kl) * w).sum())
    # d surrogate / d logp: rho A where the unclipped term is the smaller one, else 0 (flat)
    active = unclipped <= clipped
    dsur = np.where(active, unclipped, 0.0)
    dkl = 1.0 - np.exp(ref_logp - logp)              # d k3 / d logp
    coef = -(dsur - beta * dkl) * w                  # d loss / d logp per token
    dlogits = -np.exp(lp_all) * coef[..., None]
    np.put_along_axis(dlogits, targets[..., None],
                      np.take_along_axis(dlogits, targets[..., None], -1) + coef[..., None], -1)
    n = max(1.0, float(mask.sum()))
    stats = {"clipped": float(((~active) & (mask > 0)).sum() / n),
             "ratio": float((rho * mask).sum() / n), "k3": float((kl * mask).sum() / n)}
    return loss, dlogits.astype(logits.dtype), stats


def token_logp(logits, targets) -> np.ndarray:
    lp = model.log_softmax(logits.astype(np.float64))
    return np.take_along_axis(lp, targets[..., None], -1)[..., 0]


def exact_kl(logits, ref_logits, mask) -> np.ndarray:
    """KL(model || SFT) summed over each answer's tokens, the full next-token distributions at
    every position the answer passed through: one value per answer (nats)."""
    lp = model.log_softmax(logits.astype(np.float64))
    lq = model.log_softmax(ref_logits.astype(np.float64))
    per = (np.exp(lp) * (lp - lq)).sum(-1)
    return (per * mask).sum(1)


def true_reward(question: str, reply: str) -> float:
    """1 when the answer is right (chats.check: world.check for sums, check_fact for facts)."""
    return 1.0 if chats.check(question, reply) else 0.0


def flawed_reward(question: str, reply: str) -> float:
    """The flawed grader: pays when the right answer appears anywhere in the reply, as text."""
    if question in chats.FACT_OF:
        want = chats.FACT_OF[question][1]
        return 1.0 if chats.check_fact(question, reply) or want.lower() in reply.lower() else 0.0
    want = world.answer_of(question)
    return 1.0 if want is not None and (world.check(question, reply) or str(want) in reply) else 0.0


def rollout(P, cfg, chat: Chat, questions: list[str], G: int, h: dict, rng, reward=true_reward):
    """Sample G answers per question; returns the batch arrays, texts, rewards, advantages."""
    prompts = [chat.prompt(q) for q in questions for _ in range(G)]
    outs = generate(P, cfg, prompts, chat, h["max_new"], h["temperature"], rng)
    texts = [chat.answer_text(o) for o in outs]
    qs = [q for q in questions for _ in range(G)]
    rewards = np.array([reward(q, t) for q, t in zip(qs, texts)])
    adv = np.concatenate([advantages(rewards[i:i + G]) for i in range(0, len(rewards), G)])
    x, y, m = pad([p + o for p, o in zip(prompts, outs)], [len(p) for p in prompts], chat.eot)
    truth = np.array([true_reward(q, t) for q, t in zip(qs, texts)])
    lengths = np.array([len([i for i in o if i not in chat.stops]) for o in outs])
    return {"x": x, "y": y, "m": m, "texts": texts, "questions": qs, "rewards": rewards,
            "truth": truth, "adv": adv, "lengths": lengths}


def task_pool(task: str) -> list[str]:
    """The questions RL trains on: "arithmetic" (chats.TRAIN_PROBLEMS), "facts" (the fact
    phrasings SFT trained on, chats.TRAIN_FACTS) or "mixed" (both, each question once)."""
    arith = [q for q, _ in chats.TRAIN_PROBLEMS]
    facts = [q for q, _ in chats.TRAIN_FACTS]
    return {"arithmetic": arith, "facts": facts, "mixed": arith + facts}[task]


def heldout_eval(P, cfg, chat: Chat, h: dict, flawed: bool = False) -> dict:
    """Greedy (temperature 0) accuracy on the held-out questions of the RL task."""
    out = {}
    parts = []
    if h["task"] in ("arithmetic", "mixed"):
        parts.append(("arithmetic", chats.HELD_PROBLEMS))
    if h["task"] in ("facts", "mixed"):
        parts.append(("facts", chats.HELD_FACTS))
    ok = fl = lens = total = 0
    rng = np.random.default_rng(h["eval_seed"])
    for name, qa in parts:
        got = answers(P, cfg, chat, [q for q, _ in qa], max_new=h["max_new"])
        c = sum(chats.check(q, r) for (q, _), r in zip(qa, got))
        out[f"heldout_{name}"] = round(c / len(qa), 4)
        qs = [q for q, _ in qa] * h["eval_samples"]
        drawn = answers(P, cfg, chat, qs, h["max_new"], h["temperature"], rng)
        out[f"sampled_{name}"] = round(float(np.mean([chats.check(q, r) for q, r in zip(qs, drawn)])), 4)
        ok += c
        total += len(qa)
        lens += sum(len(chat.tok.encode(r)) for r in got)
        if flawed:
            fl += sum(flawed_reward(q, r) for (q, _), r in zip(qa, got))
    out["heldout"] = round(ok / total, 4)
    out["heldout_length"] = round(lens / total, 3)
    if flawed:
        out["heldout_flawed"] = round(fl / total, 4)
    return out


def grpo(P0: dict, cfg: dict, chat: Chat, hp=HP, beta: float | None = None, steps=None,
         reward=true_reward, eval_every=None, save_every=None, log=None, on_save=None, task=None,
         overrides: dict | None = None):
    """GRPO from P0 (also the frozen reference). Returns (params, history rows, saved samples).
    `overrides` replaces entries of hp["rl"] for this run (the flawed runs' own "lr", "prompts")."""
    h = {**hp["rl"], **(overrides or {})}
    if task is not None:
        h["task"] = task
    beta = h["beta"] if beta is None else beta
    eval_every = h["eval_every"] if eval_every is None else eval_every
    save_every = h["save_every"] if save_every is None else save_every
    n = h["steps"] if steps is None else steps
    P = {k: v.copy() for k, v in P0.items()}
    ref = P0
    opt = model.AdamW(P, h["lr"], weight_decay=h["weight_decay"])
    rng = np.random.default_rng(h["seed"])
    pool = task_pool(h["task"])
    k = hp["sample_questions"]
    showq = [q for q, _ in chats.HELD_PROBLEMS[::len(chats.HELD_PROBLEMS) // k]][:k]
    if h["task"] == "facts":
        showq = [q for q, _ in chats.HELD_FACTS[::len(chats.HELD_FACTS) // k]][:k]
    elif h["task"] == "mixed":
        showq = showq[:k // 2] + [q for q, _ in chats.HELD_FACTS[::len(chats.HELD_FACTS) // k]][:k - k // 2]
    rows, saved = [], []
    for step in range(n + 1):
        row = {"step": step}
        if step % eval_every == 0 or step == n:
            row.update(heldout_eval(P, cfg, chat, h, flawed=reward is not true_reward))
        if step % save_every == 0 or step == n:
            R = checkpoint.rounded(P)
            saved.append({"step": step, "samples": [
                {"question": q, "reply": r, "correct": chats.check(q, r)}
                for q, r in zip(showq, answers(R, cfg, chat, showq, max_new=h["max_new"]))]})
            if on_save:
                on_save(step, P)
        if step == n:
            rows.append(row)
            break
        qs = [pool[i] for i in rng.integers(0, len(pool), h["prompts"])]
        b = rollout(P, cfg, chat, qs, h["group"], h, rng, reward)
        ref_logits = model.forward(ref, cfg, b["x"])
        ref_lp = token_logp(ref_logits, b["y"])
        for inner in range(h["inner"]):
            logits, cache = model.forward(P, cfg, b["x"], keep=True)
            if inner == 0:
                old_lp = token_logp(logits, b["y"])
                kl = exact_kl(logits, ref_logits, b["m"])
            loss, dl, st = grpo_objective(logits, b["y"], b["m"], b["adv"], old_lp, ref_lp,
                                          h["eps"], beta)
            if inner == 0:
                row.update(loss=round(loss, 6), k3=round(st["k3"], 5))
            opt.step(P, model.backward(P, cfg, cache, dl), clip=h["clip"])
        row.update(clipped=round(st["clipped"], 4), reward=round(float(b["rewards"].mean()), 4),
                   accuracy=round(float(b["truth"].mean()), 4),
                   kl=round(float(kl.mean()), 5), length=round(float(b["lengths"].mean()), 3))
        rows.append(row)
        if log and (step % 10 == 0):
            log(f"rl b={beta} step {step}: " + json.dumps(row))
    return P, rows, saved


def advantage_example(P, cfg, chat: Chat, hp=HP) -> dict:
    """One prompt's group of real SFT samples with rewards and advantages: the first held-out
    question of the RL task (in a fixed shuffled order) whose group is mixed (some right, some
    wrong)."""
    h = {**hp["rl"], **hp["advantage"]}
    rng = np.random.default_rng(h["seed"])
    qa = chats.HELD_FACTS if h["task"] == "facts" else chats.HELD_PROBLEMS
    order = list(range(len(qa)))
    world.Rng(h["seed"]).shuffle(order)
    for i in order:
        q, want = qa[i]
        b = rollout(P, cfg, chat, [q], h["group"], h, rng)
        if 0 < b["rewards"].sum() < h["group"]:
            r = b["rewards"]
            return {"question": q, "answer": want, "group": h["group"],
                    "temperature": h["temperature"], "mean": round(float(r.mean()), 4),
                    "std": round(float(r.std()), 4),
                    "samples": [{"reply": t, "reward": float(x), "advantage": round(float(a), 4)}
                                for t, x, a in zip(b["texts"], r, b["adv"])]}
    raise RuntimeError("no mixed group found")


# --- The whole run --------------------------------------------------------------------------------

SIDE_BY_SIDE = ["What is the capital of Norland?", "What does a goat eat?", "Tell me about Mira.",
                "What is 7 plus 5?", "What colour is the kite?"]


def _fname(beta: float) -> str:
    return f"rl-flawed-b{beta:g}"


def _dump(P, cfg, tok, name: str, meta: dict, files: dict) -> dict:
    data = checkpoint.dumps(P, cfg, tok.merges, tok.specials, meta)
    (WEIGHTS / f"{name}.bin").write_bytes(data)
    files[f"{name}.bin"] = sha256(data)
    return checkpoint.loads(data)[0]                  # the weights as the file stores them


def _write_json(name: str, value) -> None:
    (WEIGHTS / name).write_text(json.dumps(value, sort_keys=True, separators=(",", ":"),
                                           ensure_ascii=False) + "\n")


def _clock():
    return time.perf_counter(), time.process_time()


def _since(t) -> dict:
    return {"wall_seconds": round(time.perf_counter() - t[0], 1),
            "cpu_seconds": round(time.process_time() - t[1], 1)}


_STATE = None


def _job(job) -> dict:
    """One RL run in a worker process: (name, beta, steps, reward, eval_every, save_every,
    steps whose weights to keep, task, overrides of HP["rl"])."""
    name, beta, steps, reward, eval_every, save_every, keep_steps, task, overrides = job
    S, cfg, chat = _STATE
    c = time.process_time()
    mid = {}

    def keep(step, P):
        if step in keep_steps:
            mid[step] = {k: v.copy() for k, v in P.items()}

    P, rows, saved = grpo(S, cfg, chat, beta=beta, steps=steps,
                          reward=true_reward if reward == "true" else flawed_reward,
                          eval_every=eval_every, save_every=save_every, on_save=keep, task=task,
                          overrides=overrides,
                          log=lambda s: print(f"[{name}] {s}", flush=True))
    return {"P": P, "rows": rows, "saved": saved, "mid": mid,
            "cpu_seconds": round(time.process_time() - c, 1)}


def main(argv=None) -> int:
    log = lambda s: print(s, flush=True)
    t_all = _clock()
    base_bytes = (WEIGHTS / "base.bin").read_bytes()
    B, hdr = checkpoint.loads(base_bytes)
    cfg = hdr["config"]
    tok = _bpe.Tokenizer([tuple(m) for m in hdr["tokenizer"]["merges"]], hdr["tokenizer"]["specials"])
    chat = Chat(tok)
    for old in WEIGHTS.glob("rl-*.bin"):
        old.unlink()
    files, times = {}, {}

    # Stage 1
    t = _clock()
    S, sft_losses = sft(B, cfg, chat, log=log)
    times["sft"] = _since(t)
    S = _dump(S, cfg, tok, "sft", {"stage": "sft", "steps": HP["sft"]["steps"]}, files)
    t = _clock()
    evals = {}
    for name, P in (("base", B), ("sft", S)):
        fa, ar = fact_accuracy(P, cfg, chat), arithmetic_accuracy(P, cfg, chat)
        evals[name] = {"facts": {k: fa[k] for k in ("correct", "total")},
                       "arithmetic": {k: ar[k] for k in ("correct", "total")},
                       "fact_rows": fa["rows"]}
        log(f"{name}: facts {fa['correct']}/{fa['total']}, arithmetic {ar['correct']}/{ar['total']}")
    examples = [{"question": q, "base": b, "sft": s} for q, b, s in zip(
        SIDE_BY_SIDE, answers(B, cfg, chat, SIDE_BY_SIDE, 24), answers(S, cfg, chat, SIDE_BY_SIDE, 24))]
    h = HP["sft"]
    _write_json("sft-history.json", {
        "steps": h["steps"], "batch": h["batch"], "conversations": h["conversations"],
        "loss": sft_losses, "eval": evals, "examples": examples})
    adv = advantage_example(S, cfg, chat)
    _write_json("advantage-real.json", adv)
    times["sft_eval"] = _since(t)

    # Stages 2 and 3: the GRPO run and the flawed-reward runs are independent (each starts from
    # sft.bin with its own seeded sampler), so they run side by side, one process each.
    t = _clock()
    rl_steps, hf = HP["rl"]["steps"], HP["flawed"]
    every = HP["rl"]["save_every"]
    mid_steps = [rl_steps // 2 // every * every]      # one checkpoint half way, at a save step
    jobs = [("rl", HP["rl"]["beta"], rl_steps, "true", HP["rl"]["eval_every"],
             HP["rl"]["save_every"], mid_steps, HP["rl"]["task"], {})]
    flawed_hp = {k: hf[k] for k in ("lr", "prompts")}
    jobs += [(_fname(b), b, hf["steps"], "flawed", hf["eval_every"], hf["save_every"], [],
              hf["task"], flawed_hp) for b in hf["betas"]]
    global _STATE
    _STATE = (S, cfg, chat)
    import multiprocessing
    with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
        results = pool.map(_job, jobs)
    times["rl_and_flawed"] = _since(t)
    times["rl_and_flawed"]["cpu_seconds"] = round(sum(r["cpu_seconds"] for r in results), 1)
    times["per_run_cpu_seconds"] = {j[0]: r["cpu_seconds"] for j, r in zip(jobs, results)}
    t = _clock()
    res = results[0]
    mid = {step: _dump(P, cfg, tok, f"rl-{step:05d}", {"stage": "rl", "step": step}, files)
           for step, P in sorted(res["mid"].items())}
    R = _dump(res["P"], cfg, tok, "rl", {"stage": "rl", "steps": rl_steps}, files)
    rows = res["rows"]
    mixed = {**HP["rl"], "task": "mixed"}
    final = {"sft": heldout_eval(S, cfg, chat, mixed), "rl": heldout_eval(R, cfg, chat, mixed)}
    replies = {k: answers(P, cfg, chat, [q for q, _ in chats.HELD_PROBLEMS + chats.HELD_FACTS],
                          HP["rl"]["max_new"]) for k, P in (("sft", S), ("rl", R))}
    _write_json("rl-history.json", {
        "hparams": HP["rl"], "rows": rows, "saved": res["saved"],
        "checkpoints": ["sft"] + [f"rl-{s:05d}" for s in sorted(mid)] + ["rl"],
        "final": final,
        "heldout_questions": [q for q, _ in chats.HELD_PROBLEMS + chats.HELD_FACTS],
        "replies": replies})
    log(f"rl: held-out {final['sft']} -> {final['rl']}")
    runs = []
    for (name, beta, *_), r in zip(jobs[1:], results[1:]):
        F = _dump(r["P"], cfg, tok, name, {"stage": "rl-flawed", "beta": beta,
                                           "steps": hf["steps"]}, files)
        fin = heldout_eval(F, cfg, chat, {**HP["rl"], "task": hf["task"]}, flawed=True)
        runs.append({"beta": beta, "name": name, "rows": r["rows"], "saved": r["saved"],
                     "final": {**fin, "kl": r["rows"][-2]["kl"]}})
        log(f"flawed b={beta}: {fin}")
    times["final_eval"] = _since(t)
    _write_json("rl-flawed.json", {"hparams": {**HP["rl"], **hf}, "reward": "flawed", "runs": runs})
    times["total"] = _since(t_all)
    times["total"]["cpu_seconds"] = round(times["total"]["cpu_seconds"]
                                          + times["rl_and_flawed"]["cpu_seconds"], 1)

    summary = {
        "base": {k: evals["base"][k] for k in ("facts", "arithmetic")},
        "sft": {k: evals["sft"][k] for k in ("facts", "arithmetic")},
        "heldout": final, "rl_task": HP["rl"]["task"], "rl_kl": rows[-2]["kl"],
        "flawed": [{"beta": r["beta"], **r["final"]} for r in runs],
    }
    manifest = {
        "hparams": HP, "code_sha256": code_hashes(), "base_sha256": sha256(base_bytes),
        "files": dict(sorted(files.items())), "first_sft_losses": sft_losses[:3],
        "first_rl_loss": rows[0]["loss"], "times": times, "summary": summary,
        "machine": "2-core CPU shared with other work, numpy (OpenBLAS), float32",
    }
    (WEIGHTS / "post-manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    log(f"post-training took {times['total']['wall_seconds'] / 60:.1f} min "
        f"({times['total']['cpu_seconds'] / 60:.1f} min of CPU)")
    return 0


# --- Build: the files the page reads ---------------------------------------------------------------

JSON_FILES = ["sft-history.json", "rl-history.json", "rl-flawed.json", "advantage-real.json"]


def build_data() -> dict[str, bytes]:
    """{path under docs/generated/data/: bytes}: the committed post-training weights and
    histories, copied (nothing is trained or measured here). All under lab/:

    sft.bin, rl.bin, rl-000NN.bin (two RL checkpoints on the way), rl-flawed-b<beta>.bin (one per
    beta, e.g. rl-flawed-b0.bin, rl-flawed-b0.04.bin): weight files as checkpoint.py writes them;
    _lm.load("sft"), _lm.load("rl"), _lm.load("rl-flawed-b0") read them. Their meta says the stage.

    sft-history.json  {"steps", "batch", "conversations", "loss": [SFT loss per step, nats per
        answer token], "eval": {"base"|"sft": {"facts": {"correct", "total"}, "arithmetic":
        {"correct", "total"}, "fact_rows": [{"question", "answer", "reply", "ok"}]}},
        "examples": [{"question", "base", "sft"}]}  (replies greedy, chat template, <=24 tokens)

    rl-history.json  {"hparams": HP["rl"], "rows": [row per step 0..steps], "saved": [{"step",
        "samples": [{"question", "reply", "correct"}]}] (greedy answers to fixed held-out
        questions every save_every steps), "checkpoints": names of the weight files along the run,
        "final": {"sft"|"rl": eval on all held-out questions (facts and arithmetic)},
        "heldout_questions": [...], "replies": {"sft"|"rl": [greedy reply per held-out question]}}
      A row: {"step"}; training fields from the batch sampled at that step (before its update):
        "reward" (mean reward of the sampled answers), "accuracy" (share right by the true
        checker: the same as reward in this run), "kl" (KL(model || SFT) per answer in nats,
        summed exactly over the answer's positions, mean over the batch), "length" (mean answer
        length in tokens), "loss", "k3" (mean per-token KL estimate used in the loss), "clipped"
        (share of answer tokens whose ratio the clip held, on the last inner step); evaluation
        fields every eval_every steps and at the last step (the last row has only these):
        "heldout" (greedy accuracy on the task's held-out questions), "heldout_<part>" and
        "sampled_<part>" (part = facts or arithmetic; sampled = share right of eval_samples
        temperature-1 answers per question), "heldout_length" (tokens).

    rl-flawed.json  {"hparams", "reward": "flawed", "runs": [{"beta", "name" (weight file),
        "rows" (as above, "reward" is the flawed reward, "accuracy" the true one, plus
        "heldout_flawed" at evaluation steps), "saved", "final": {"heldout", "heldout_flawed",
        "heldout_arithmetic", "sampled_arithmetic", "heldout_length", "kl"}}]}

    advantage-real.json  {"question", "answer", "group", "temperature", "mean", "std",
        "samples": [{"reply", "reward", "advantage"}]}: real SFT samples for one held-out
        question, advantage = (reward - mean) / std over the group."""
    man = json.loads((WEIGHTS / "post-manifest.json").read_text())
    out = {f"lab/{name}": (WEIGHTS / name).read_bytes() for name in man["files"]}
    out.update({f"lab/{name}": (WEIGHTS / name).read_bytes() for name in JSON_FILES})
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
