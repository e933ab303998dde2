"""pass@k versus majority vote versus pass@1, for a model that is right with probability p.

pass@k: draw k independent attempts; the task counts as solved if ANY of them is right. Closed
form 1 - (1 - p)^k. Papers estimate it from n >= k samples of which c passed with the unbiased
estimator of Chen et al. (2021), 1 - C(n - c, k) / C(n, k); averaged over c ~ Binomial(n, p) it
equals the closed form exactly (the unit tests check both).

Majority vote: the k answers are pooled and the most common one is submitted (ties broken at
random). Whether that helps depends on how the wrong answers spread, which the reader picks:
- "one": every wrong attempt gives the same wrong answer (a popular misconception);
- "two": wrong attempts split evenly between two wrong answers;
- "scattered": every wrong attempt is different (wrong answers never agree).
pass@1 is simply p. All exact arithmetic; p is illustrative, set by the reader.
"""
from math import comb

from widgets._params import Choice, Number, clean

TITLE = "pass@k and majority vote"
RIVALS = ("one", "two", "scattered")
SAMPLES = 100           # n for the worked estimator: "we drew 100 attempts, c passed"

PARAMS = {
    "pk_p": Number(0.4, 0.01, 0.99, step=0.01, label="Chance one attempt is right (pass@1)"),
    "pk_k": Number(10, 1, 100, step=1, integer=True, label="Attempts k"),
    "pk_rivals": Choice("two", RIVALS, label="How the wrong answers spread"),
}

CHART_K = 100


def pass_at_k(p: float, k: int) -> float:
    """Chance that at least one of k independent attempts is right."""
    return 1.0 - (1.0 - p) ** k


def pass_at_k_estimate(n: int, c: int, k: int) -> float:
    """Chen et al.'s unbiased estimator from n samples with c correct (requires k <= n)."""
    if k > n:
        raise ValueError("k must not exceed n")
    if n - c < k:
        return 1.0
    return 1.0 - comb(n - c, k) / comb(n, k)


def _binom(n: int, p: float) -> list[float]:
    return [comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(n + 1)]


_HALVES: dict[int, tuple[list[float], list[float]]] = {}


def _halves(w: int):
    """pmf and cdf of Binomial(w, 1/2): how w wrong attempts split between two rival answers."""
    if w not in _HALVES:
        pmf = [comb(w, i) / 2 ** w for i in range(w + 1)]
        cdf, run = [], 0.0
        for x in pmf:
            run += x
            cdf.append(run)
        _HALVES[w] = (pmf, cdf)
    return _HALVES[w]


def _win(c: int, w: int, rivals: str) -> float:
    """Chance the right answer wins the vote with c right and w wrong attempts."""
    if c == 0:
        return 0.0
    if rivals == "one":
        return 1.0 if c > w else 0.5 if c == w else 0.0
    if rivals == "scattered":
        # each wrong answer has one vote: two or more right votes win; a single right vote ties
        # with all w singletons
        return 1.0 if c >= 2 else 1.0 / (w + 1)
    pmf, cdf = _halves(w)             # two rivals: a and b = w - a wrong votes
    lo, hi = max(0, w - c + 1), min(w, c - 1)  # both rivals below c: a in [lo, hi]
    win = (cdf[hi] - (cdf[lo - 1] if lo > 0 else 0.0)) if lo <= hi else 0.0
    if c <= w:
        if w == 2 * c:
            win += pmf[c] / 3                          # three-way tie
        elif w - c < c:
            win += (pmf[c] + pmf[w - c]) / 2           # one rival ties, the other is below
    return win


def majority(p: float, k: int, rivals: str = "two") -> float:
    """Chance that the most common of k answers is the right one (ties split at random)."""
    return sum(pc * _win(c, k - c, rivals) for c, pc in enumerate(_binom(k, p)))


def view(state) -> dict:
    state = clean(PARAMS, state)
    p, k, rivals = state["pk_p"], state["pk_k"], state["pk_rivals"]
    c = round(p * SAMPLES)
    ks = list(range(1, CHART_K + 1))
    return {
        "state": state,
        "pass1": p,
        "passk": pass_at_k(p, k),
        "vote": majority(p, k, rivals),
        "estimate": {"n": SAMPLES, "c": c, "value": pass_at_k_estimate(SAMPLES, c, k)},
        "wrong_share": (1 - p) if rivals == "one" else (1 - p) / 2 if rivals == "two" else 0.0,
        "curve_passk": [pass_at_k(p, j) for j in ks],
        "curve_vote": [majority(p, j, rivals) for j in ks],
    }
