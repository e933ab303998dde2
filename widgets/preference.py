"""Preference: the reader plays the human labeller, and a Bradley-Terry model fitted to their
own choices ranks the answers. The reward model of RLHF in miniature.

Four answers to one prompt (illustrative, written for the book) give six pairs. For each pair
the reader says which answer is better. The Bradley-Terry model (Bradley and Terry, 1952) gives
each answer a score s and says answer i beats answer j with probability

    P(i beats j) = 1 / (1 + exp(-(s_i - s_j)))

which is how RLHF reward models are trained on comparisons (Christiano et al., 2017; Ouyang et
al., 2022). The scores are fitted for real: maximum a posteriori, with a Gaussian prior
N(0, PRIOR_SD^2) on each score (it keeps scores finite when the choices are perfectly
consistent, and pins the overall level), by Newton's method.

State: `pref_votes`, one character per pair in PAIRS order: "a" (the first answer of the pair
is better), "b" (the second), "-" (not judged yet).
"""
import math
from itertools import combinations

from widgets._params import Text, clean

TITLE = "Preference: fit a reward model to your own choices"
PROMPT = "My flight was cancelled and the airline offers a voucher. What should I do?"

# (letter, short label, answer text): illustrative.
ANSWERS = [
    ("A", "clear steps",
     "Before you accept the voucher, check whether you are owed a refund: in many places a "
     "cancelled flight entitles you to your money back. Ask the airline for a refund in writing, "
     "keep your booking and receipts, and only take the voucher if you would rather fly with "
     "them again."),
    ("B", "long-winded",
     "Flight cancellations are stressful, and there are many things to consider. Airlines "
     "cancel flights for weather, staffing and technical reasons, and the rules differ between "
     "countries and airlines. You might consider a refund, a voucher, rebooking, travel "
     "insurance or a complaint, and each has advantages and disadvantages that depend on your "
     "situation, so it is worth thinking about all of them carefully."),
    ("C", "curt",
     "Take the voucher."),
    ("D", "confidently wrong",
     "By law every airline must pay you 600 euros in cash for any cancellation, so refuse the "
     "voucher and demand the payment at the desk."),
]
N = len(ANSWERS)
PAIRS = list(combinations(range(N), 2))           # (0,1), (0,2), (0,3), (1,2), (1,3), (2,3)
EMPTY = "-" * len(PAIRS)
SAMPLE = "aaaaab"       # an illustrative labeller: A best; B over C and D; D (wrong) over C (curt)
PRIOR_SD = 2.0

PARAMS = {
    "pref_votes": Text(EMPTY, max_len=len(PAIRS), label="Your choices, one per pair"),
}


def parse_votes(raw: str) -> str:
    """The votes string if it is well formed, else all pairs unjudged."""
    if isinstance(raw, str) and len(raw) == len(PAIRS) and set(raw) <= set("ab-"):
        return raw
    return EMPTY


def comparisons(votes: str) -> list[tuple[int, int]]:
    """(winner, loser) for every judged pair."""
    out = []
    for (i, j), v in zip(PAIRS, votes):
        if v == "a":
            out.append((i, j))
        elif v == "b":
            out.append((j, i))
    return out


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def log_posterior(scores, comps, prior_sd=PRIOR_SD) -> float:
    lp = sum(math.log(sigmoid(scores[w] - scores[l])) for w, l in comps)
    return lp - sum(s * s for s in scores) / (2 * prior_sd ** 2)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting (a is small and invertible)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit(n: int, comps: list[tuple[int, int]], prior_sd: float = PRIOR_SD,
        iters: int = 50) -> list[float]:
    """MAP Bradley-Terry scores for n items from (winner, loser) comparisons, by Newton's method
    (the log posterior is strictly concave, so this converges to the one maximum)."""
    s = [0.0] * n
    lam = 1.0 / prior_sd ** 2
    for _ in range(iters):
        grad = [-lam * x for x in s]
        hess = [[(lam if i == j else 0.0) for j in range(n)] for i in range(n)]  # minus Hessian
        for w, l in comps:
            p = sigmoid(s[w] - s[l])
            g = 1.0 - p
            grad[w] += g
            grad[l] -= g
            h = p * (1.0 - p)
            hess[w][w] += h
            hess[l][l] += h
            hess[w][l] -= h
            hess[l][w] -= h
        step = _solve(hess, grad)
        s = [x + d for x, d in zip(s, step)]
        if max(abs(d) for d in step) < 1e-12:
            break
    return s


def cycles(comps: list[tuple[int, int]]) -> list[list[int]]:
    """Three answers judged in a circle (x over y, y over z, z over x), each listed once."""
    beats = set(comps)
    found = []
    for x, y, z in combinations(range(N), 3):
        for a, b, c in ((x, y, z), (x, z, y)):
            if (a, b) in beats and (b, c) in beats and (c, a) in beats:
                found.append([a, b, c])
    return found


def view(state) -> dict:
    state = clean(PARAMS, state)
    votes = parse_votes(state["pref_votes"])
    state["pref_votes"] = votes
    comps = comparisons(votes)
    scores = [round(x, 9) + 0.0 for x in fit(N, comps)]   # ties stay exact ties
    order = sorted(range(N), key=lambda i: (-scores[i], i))
    pairs = []
    for (i, j), v in zip(PAIRS, votes):
        p_first = sigmoid(scores[i] - scores[j])
        chosen = i if v == "a" else j if v == "b" else None
        if chosen is None:
            agrees = None
        elif abs(p_first - 0.5) < 1e-9:
            agrees = "tie"                     # the fitted scores are equal: a coin flip
        else:
            agrees = "yes" if (p_first > 0.5) == (chosen == i) else "no"
        pairs.append({"first": i, "second": j, "vote": v, "p_first": p_first, "agrees": agrees,
                      "even": abs(p_first - 0.5) < 1e-9})
    judged = [p for p in pairs if p["vote"] != "-"]
    return {
        "state": state,
        "prompt": PROMPT,
        "answers": [{"letter": a, "label": lab, "text": t} for a, lab, t in ANSWERS],
        "pairs": pairs,
        "scores": scores,
        "order": order,
        "n_judged": len(judged),
        "n_agree": sum(1 for p in judged if p["agrees"] == "yes"),
        "cycles": [[ANSWERS[k][0] for k in c] for c in cycles(comps)],
        "sample": SAMPLE,
    }
