"""Attention cost: every token is compared with every token, so the work grows with N × N.

Pure arithmetic, nothing illustrative: N² ordered pairs, N(N+1)/2 of them allowed by the causal
mask (each token with itself and everything before it). The picture never draws more than
GRID_CAP × GRID_CAP cells; beyond that each drawn cell stands for a block of pairs.
"""
from widgets._params import Number, clean

TITLE = "Attention cost"
N_MIN, N_MAX = 2, 100_000
GRID_CAP = 32              # the grid draws at most 32 × 32 cells, whatever N is
CURVE_POINTS = 60

PARAMS = {
    "cost_n": Number(16, N_MIN, N_MAX, step=1, integer=True, log=True,
                     label="Sequence length N (tokens)"),
}

# Round axis limits for the chart: the smallest one that shows both N and 2N.
AXIS_LIMITS = [8, 16, 32, 64, 128, 256, 512, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000,
               64_000, 128_000, 256_000]


def pairs(n: int) -> int:
    """Every token compared with every token (including itself): N²."""
    return n * n


def causal_pairs(n: int) -> int:
    """Pairs the causal mask keeps: each token with itself and every earlier token."""
    return n * (n + 1) // 2


def ratio(n_big: int, n_small: int) -> float:
    """How many times more attention work n_big tokens take than n_small."""
    return pairs(n_big) / pairs(n_small)


def grid(n: int) -> dict:
    """How to draw the N × N square without ever drawing more than GRID_CAP² cells."""
    if n <= GRID_CAP:
        return {"mode": "cells", "side": n, "block": 1}
    # Each drawn cell stands for a block of about (N / GRID_CAP) × (N / GRID_CAP) pairs.
    return {"mode": "aggregate", "side": GRID_CAP, "block": n / GRID_CAP}


def axis_limit(n: int) -> int:
    for limit in AXIS_LIMITS:
        if limit >= 2 * n:
            return limit
    return AXIS_LIMITS[-1]


def curve(n: int) -> list[list[float]]:
    """(length, pairs) points of N² from 0 to the chart's edge."""
    top = axis_limit(n)
    return [[top * k / CURVE_POINTS, (top * k / CURVE_POINTS) ** 2] for k in range(CURVE_POINTS + 1)]


def view(state) -> dict:
    state = clean(PARAMS, state)
    n = state["cost_n"]
    top = axis_limit(n)
    return {
        "state": state,
        "n": n,
        "pairs": pairs(n),
        "causal": causal_pairs(n),
        "double_ratio": ratio(2 * n, n),
        "grid": grid(n),
        "curve": curve(n),
        "x_max": top,
        "y_max": top * top,
        "marks": [[n, pairs(n)], [2 * n, pairs(2 * n)]],
        "min": N_MIN,
        "max": N_MAX,
    }
