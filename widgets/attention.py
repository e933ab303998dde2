"""Attention hover: which earlier words each word listens to, under the causal mask.

Tokens are whole words here so the sentence stays readable (a real tokenizer would split some of
them). The scores are hand-set and illustrative, not read from a model; what happens to them is
real: for each word, a softmax over itself and the words before it (the causal prefix), and
exactly zero for every later word.
"""
import math

from widgets._params import Number, clean

TITLE = "Attention: who listens to whom"

TOKENS = ["The", "dog", "didn't", "cross", "the", "road", "because", "it", "was", "too",
          "tired"]

# Hand-set, illustrative relevance scores: SCORES[i][j] is how strongly word i wants to hear
# earlier word j (j <= i). Pairs not listed get BASE; the word itself gets SELF; the word just
# before gets PREVIOUS (nearby words usually matter a bit).
BASE, SELF, PREVIOUS = 0.0, 1.0, 0.8
LINKS = {
    (1, 0): 1.2,                 # dog <- The (which noun is this?)
    (2, 1): 1.8,                 # didn't <- dog (who didn't?)
    (3, 1): 1.6, (3, 2): 1.8,    # cross <- dog, didn't
    (5, 3): 1.5, (5, 4): 1.2,    # road <- cross, the
    (6, 2): 1.4, (6, 3): 1.3,    # because <- didn't, cross (what is being explained)
    (7, 1): 3.2, (7, 5): 1.4,    # it <- dog (strongly), road (a little)
    (8, 7): 2.0, (8, 1): 1.2,    # was <- it, dog
    (9, 8): 1.3,                 # too <- was
    (10, 1): 2.4, (10, 7): 2.0, (10, 9): 1.6,   # tired <- dog, it, too
}

PARAMS = {
    "attn_word": Number(7, 0, len(TOKENS) - 1, step=1, integer=True,
                        label="Selected word (position, from 0)"),
}


def score(i: int, j: int) -> float:
    """Illustrative score of word i listening to word j (only defined for j <= i)."""
    if (i, j) in LINKS:
        return LINKS[(i, j)]
    if j == i:
        return SELF
    if j == i - 1:
        return PREVIOUS
    return BASE


def causal_softmax_row(scores: list[float], i: int) -> list[float]:
    """Softmax over positions 0..i; every later position gets exactly 0.0."""
    prefix = scores[: i + 1]
    top = max(prefix)
    exps = [math.exp(s - top) for s in prefix]
    total = sum(exps)
    return [e / total for e in exps] + [0.0] * (len(scores) - i - 1)


def weights() -> list[list[float]]:
    """The whole lower-triangular attention matrix: row i is what word i listens to."""
    n = len(TOKENS)
    return [causal_softmax_row([score(i, j) if j <= i else 0.0 for j in range(n)], i)
            for i in range(n)]


def strongest(i: int, k: int = 3) -> list[int]:
    """Positions of the k earlier-or-same words word i listens to most (ties by position)."""
    row = weights()[i]
    return sorted(range(i + 1), key=lambda j: (-row[j], j))[:k]


def view(state) -> dict:
    state = clean(PARAMS, state)
    w = weights()
    i = state["attn_word"]
    return {
        "state": state,
        "tokens": TOKENS,
        "weights": w,
        "selected": i,
        "top": strongest(i),
    }
