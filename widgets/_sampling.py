"""Softmax, temperature, top-k, top-p and seeded sampling: shared by the widgets that pick tokens.

Pure Python (no numpy) so it runs in the browser as well as in tests.
"""
from __future__ import annotations

import math
import random


def softmax(logits: list[float], temperature: float = 1.0) -> list[float]:
    """Probabilities from logits at a temperature; numerically stable at any temperature > 0.

    Temperature 0 (or below) is greedy: all the mass goes to the highest logit, shared equally
    between exact ties."""
    if not logits:
        return []
    top = max(logits)
    if temperature <= 0:
        winners = [i for i, x in enumerate(logits) if x == top]
        share = 1.0 / len(winners)
        return [share if x == top else 0.0 for x in logits]
    weights = [math.exp((x - top) / temperature) for x in logits]   # largest term is exp(0) = 1
    total = sum(weights)
    return [w / total for w in weights]


def top_k_filter(probs: list[float], k: int) -> list[float]:
    """Keep the k most likely entries (ties broken by position) and renormalise; k <= 0 keeps all."""
    if k <= 0 or k >= len(probs):
        return list(probs)
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    keep = set(order[:k])
    return _renormalise([p if i in keep else 0.0 for i, p in enumerate(probs)])


def top_p_filter(probs: list[float], p: float) -> list[float]:
    """Nucleus filter: keep the smallest set of most-likely entries whose total reaches p.

    p >= 1 keeps everything; the most likely entry is always kept."""
    if p >= 1.0:
        return list(probs)
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    keep, total = set(), 0.0
    for i in order:
        keep.add(i)
        total += probs[i]
        if total >= p - 1e-12:
            break
    return _renormalise([q if i in keep else 0.0 for i, q in enumerate(probs)])


def _renormalise(weights: list[float]) -> list[float]:
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else list(weights)


def sample(probs: list[float], seed: int) -> int:
    """Draw an index from `probs` with a seeded generator (same seed, same draw, everywhere)."""
    u = random.Random(seed).random()
    acc = 0.0
    last = 0
    for i, q in enumerate(probs):
        if q <= 0:
            continue
        last = i
        acc += q
        if u < acc:
            return i
    return last    # guards against rounding leaving u just above the running total
