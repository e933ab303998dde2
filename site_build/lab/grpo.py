"""Stages 2 and 3 of post-training: reinforcement learning with GRPO (as DeepSeekMath's and
nanochat's chat_rl), against a checkable reward or a flawed one (tasks.py).

Each step takes `prompts` questions from the task's pool, samples `group` answers to each from the
current model (temperature 1), scores each with the reward, and turns the scores into advantages
within each group ((reward - group mean) / group standard deviation). The loss is PPO's clipped
objective on the per-token probability ratio against the model that sampled (ratio clipped to
1 +/- eps, `inner` optimiser steps on each batch so the clip can act), minus beta times a
per-token KL penalty to the SFT model, the "k3" estimator exp(r) - r - 1 with r = log p_sft -
log p_model (never negative; Schulman 2020). Per-token terms are averaged over each answer, then
over answers. Every `eval_every` steps the run measures greedy and sampled accuracy on the held-out
questions (`heldout_eval`); every `save_every` steps it keeps greedy answers to a few of them.
"""
from __future__ import annotations

import json

import numpy as np

from . import checkpoint, model, tasks, world
from .sft import Chat, answers, pad
from .tasks import true_reward

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


def rollout(P, cfg, chat: Chat, questions: list[str], G: int, h: dict, rng, reward=true_reward):
    """Sample G answers per question; returns the batch arrays, texts, rewards, advantages."""
    prompts = [chat.prompt(q) for q in questions for _ in range(G)]
    outs = chat.generate(P, cfg, prompts, h["max_new"], h["temperature"], rng)
    texts = [chat.answer_text(o) for o in outs]
    qs = [q for q in questions for _ in range(G)]
    rewards = np.array([reward(q, t) for q, t in zip(qs, texts)])
    adv = np.concatenate([advantages(rewards[i:i + G]) for i in range(0, len(rewards), G)])
    x, y, m = pad([p + o for p, o in zip(prompts, outs)], [len(p) for p in prompts], chat.eot)
    truth = np.array([true_reward(q, t) for q, t in zip(qs, texts)])
    lengths = np.array([len([i for i in o if i not in chat.stops]) for o in outs])
    return {"x": x, "y": y, "m": m, "texts": texts, "questions": qs, "rewards": rewards,
            "truth": truth, "adv": adv, "lengths": lengths}


def heldout_eval(P, cfg, chat: Chat, h: dict, flawed: bool = False) -> dict:
    """Greedy (temperature 0) accuracy on the held-out questions of the task h["task"], per part
    and overall, and the share right of h["eval_samples"] sampled answers per question."""
    out = {}
    ok = fl = lens = total = 0
    rng = np.random.default_rng(h["eval_seed"])
    for name, qa in tasks.held_out(h["task"]):
        got = answers(P, cfg, chat, [q for q, _ in qa], max_new=h["max_new"])
        c = sum(tasks.check(q, r) for (q, _), r in zip(qa, got))
        out[f"heldout_{name}"] = round(c / len(qa), 4)
        qs = [q for q, _ in qa] * h["eval_samples"]
        drawn = answers(P, cfg, chat, qs, h["max_new"], h["temperature"], rng)
        out[f"sampled_{name}"] = round(float(np.mean([tasks.check(q, r) for q, r in zip(qs, drawn)])), 4)
        ok += c
        total += len(qa)
        lens += sum(len(chat.tok.encode(r)) for r in got)
        if flawed:
            fl += sum(tasks.flawed_reward(q, r) for (q, _), r in zip(qa, got))
    out["heldout"] = round(ok / total, 4)
    out["heldout_length"] = round(lens / total, 3)
    if flawed:
        out["heldout_flawed"] = round(fl / total, 4)
    return out


def shown_questions(task: str, k: int) -> list[str]:
    """The k held-out questions whose greedy answers a run keeps at each save, spread evenly."""
    arith = [q for q, _ in tasks.HELD_PROBLEMS[::len(tasks.HELD_PROBLEMS) // k]][:k]
    facts = [q for q, _ in tasks.HELD_FACTS[::len(tasks.HELD_FACTS) // k]]
    if task == "facts":
        return facts[:k]
    if task == "mixed":
        return arith[:k // 2] + facts[:k - k // 2]
    return arith


def grpo(P0: dict, cfg: dict, chat: Chat, h: dict, reward=true_reward, show: int = 6,
         log=None, on_save=None):
    """GRPO from P0 (also the frozen reference) with the hyperparameters h (posttrain.HP["rl"]
    and a run's changes: "steps", "beta", "task", "eval_every", "save_every"...). Returns (params,
    history rows, saved samples); on_save(step, params) is called at every save step."""
    beta, n = h["beta"], h["steps"]
    P = {k: v.copy() for k, v in P0.items()}
    ref = P0
    opt = model.AdamW(P, h["lr"], weight_decay=h["weight_decay"])
    rng = np.random.default_rng(h["seed"])
    pool = tasks.task_pool(h["task"])
    showq = shown_questions(h["task"], show)
    rows, saved = [], []
    for step in range(n + 1):
        row = {"step": step}
        if step % h["eval_every"] == 0 or step == n:
            row.update(heldout_eval(P, cfg, chat, h, flawed=reward is not true_reward))
        if step % h["save_every"] == 0 or step == n:
            R = checkpoint.rounded(P)
            saved.append({"step": step, "samples": [
                {"question": q, "reply": r, "correct": tasks.check(q, r)}
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


def advantage_example(P, cfg, chat: Chat, h: dict) -> dict:
    """One prompt's group of real SFT samples with rewards and advantages: the first held-out
    question of the RL task (in a fixed shuffled order) whose group is mixed (some right, some
    wrong). h = posttrain.HP["rl"] with HP["advantage"]'s group and seed."""
    rng = np.random.default_rng(h["seed"])
    qa = tasks.HELD_FACTS if h["task"] == "facts" else tasks.HELD_PROBLEMS
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
