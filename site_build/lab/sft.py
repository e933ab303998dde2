"""Stage 1 of post-training, supervised fine-tuning (SFT), and the chat-level helpers every stage
uses: the chat template as token ids (`Chat`), batches of conversations as arrays (`pad`), greedy
or sampled answers as text (`answers`) and the accuracy measurements.

SFT fine-tunes a copy of the base weights on conversations about the world (chats.py) in the chat
template; the loss counts only the assistant's tokens (the answer and its closing <|end|>), with
AdamW and the same warm-up-then-cosine schedule as pre-training (common.lr_at).
"""
from __future__ import annotations

import numpy as np

from widgets import _bpe

from . import chats, model, tasks
from .common import lr_at


class Chat:
    """Token ids of the chat template for one tokenizer (as nanochat's render_conversation)."""

    def __init__(self, tok: _bpe.Tokenizer):
        self.tok = tok
        self.eot, self.end = tok.special_ids[_bpe.EOT], tok.special_ids[_bpe.END]
        self.stops = (self.end, self.eot)

    def prompt(self, question: str) -> list[int]:
        return self.tok.encode(chats.template(question))

    def example(self, question: str, answer: str) -> tuple[list[int], int]:
        """(ids of the templated conversation, index where the answer starts)."""
        p = self.prompt(question)
        return p + self.tok.encode(" " + answer) + [self.end], len(p)

    def answer_text(self, ids) -> str:
        return self.tok.decode([i for i in ids if i not in self.stops]).strip()

    def generate(self, P, cfg, prompts: list[list[int]], max_new: int, temperature=0.0, rng=None):
        """model.generate with this template's stop tokens (<|end|>, <|endoftext|>)."""
        return model.generate(P, cfg, prompts, max_new, self.stops, self.eot, temperature, rng)


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


def sft(P0: dict, cfg: dict, chat: Chat, h: dict, steps: int | None = None, log=None):
    """Fine-tune a copy of P0 on the conversations (h = posttrain.HP["sft"]); returns (params,
    per-step losses). `steps` cuts the run short (the tests replay the first few steps)."""
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


# --- Answers and accuracy -------------------------------------------------------------------------

def answers(P, cfg, chat: Chat, questions: list[str], max_new: int = 12, temperature=0.0,
            rng=None) -> list[str]:
    """Each question's answer as text, in the chat template (greedy unless temperature > 0)."""
    ids = chat.generate(P, cfg, [chat.prompt(q) for q in questions], max_new, temperature, rng)
    return [chat.answer_text(a) for a in ids]


def fact_accuracy(P, cfg, chat: Chat, max_new: int = 16) -> dict:
    """Held-out fact questions (tasks.HELD_FACTS), graded by tasks.check_fact."""
    got = answers(P, cfg, chat, [q for q, _ in tasks.HELD_FACTS], max_new=max_new)
    ok = [tasks.check_fact(q, r) for r, (q, _) in zip(got, tasks.HELD_FACTS)]
    return {"correct": int(sum(ok)), "total": len(ok),
            "rows": [{"question": q, "answer": a, "reply": r, "ok": bool(k)}
                     for (q, a), r, k in zip(tasks.HELD_FACTS, got, ok)]}


def arithmetic_accuracy(P, cfg, chat: Chat, problems=None, max_new: int = 12) -> dict:
    """Held-out arithmetic problems (tasks.HELD_PROBLEMS), graded by tasks.check_arithmetic."""
    problems = tasks.HELD_PROBLEMS if problems is None else problems
    got = answers(P, cfg, chat, [q for q, _ in problems], max_new=max_new)
    ok = [tasks.check_arithmetic(q, r) for r, (q, _) in zip(got, problems)]
    return {"correct": int(sum(ok)), "total": len(ok), "replies": got,
            "length": float(np.mean([len(chat.tok.encode(r)) for r in got]))}
