"""Chinchilla: at a fixed compute budget, how big should the model be?

The loss formula has the form of Hoffmann et al. (2022), "Training Compute-Optimal Large
Language Models", approach 3:  L(N, D) = E + A / N^alpha + B / D^beta,  with N parameters and D
training tokens, and training compute C ~ 6 N D floating-point operations (FLOPs). The constants
are the corrected fit of Besiroglu, Erdil, Barnett and You (2024), "Chinchilla Scaling: A
Replication Attempt" (arXiv:2404.10102): refitting the paper's own data gives E 1.82, A 482.01,
B 2085.43, alpha 0.3478, beta 0.3658. The published fit (E 1.69, A 406.4, B 410.7, alpha 0.34,
beta 0.28) put the optimum at Chinchilla's budget near 32B parameters on 3T tokens, about 93
tokens per parameter, at odds with the paper's other two methods and with Chinchilla itself;
the corrected fit gives about 73B on 1.3T, about 18 tokens per parameter.

At a fixed C, D = C / (6 N), so L(N) = E + A N^-alpha + B (6 N / C)^beta. Setting dL/dN = 0:
    alpha A N^-alpha = beta B (6 N / C)^beta
    N^(alpha + beta) = (alpha A / (beta B)) (C / 6)^beta
    N_opt = G (C / 6)^(beta / (alpha + beta)),  G = (alpha A / (beta B))^(1 / (alpha + beta))
and D_opt = C / (6 N_opt). The second derivative is positive, so this is the minimum.
"""
import math

from widgets._params import Flag, Number, clean

TITLE = "Chinchilla: size versus data at a fixed budget"

# Besiroglu et al. (2024), table 1 (their re-fit of Hoffmann et al.'s approach 3).
E, A, B, ALPHA, BETA = 1.82, 482.01, 2085.43, 0.3478, 0.3658
G = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))

# Published sizes (Hoffmann et al. 2022 and Rae et al. 2021): parameters and training tokens.
MODELS = {
    "gopher": {"name": "Gopher", "params": 280e9, "tokens": 300e9},
    "chinchilla": {"name": "Chinchilla", "params": 70e9, "tokens": 1.4e12},
}

LOG_N_MIN, LOG_N_MAX = 7.0, 13.0       # chart x-axis: 10 million to 10 trillion parameters
LOSS_MIN, LOSS_MAX = 1.8, 4.0           # chart y-axis
POINTS = 120

PARAMS = {
    "chin_log_c": Number(23.7, 18.0, 25.0, step=0.05,
                         label="Compute budget (power of ten, in FLOPs)"),
    "chin_gopher": Flag(True, label="Show Gopher (280B parameters, 300B tokens)"),
    "chin_chinchilla": Flag(True, label="Show Chinchilla (70B parameters, 1.4T tokens)"),
}


def loss(n: float, d: float) -> float:
    """Predicted training loss (nats per token) of n parameters trained on d tokens."""
    return E + A / n ** ALPHA + B / d ** BETA


def compute(n: float, d: float) -> float:
    """Training FLOPs: about 6 per parameter per token."""
    return 6 * n * d


def loss_at_budget(n: float, c: float) -> float:
    """Loss of an n-parameter model that spends the whole budget c (so d = c / (6 n))."""
    return loss(n, c / (6 * n))


def optimum(c: float) -> dict:
    """The compute-optimal split of budget c (closed form, see the module docstring)."""
    n = G * (c / 6) ** (BETA / (ALPHA + BETA))
    d = c / (6 * n)
    return {"params": n, "tokens": d, "loss": loss(n, d), "tokens_per_param": d / n}


def curve(c: float) -> list[list[float]]:
    """[log10 N, loss] along the fixed budget, POINTS points across the chart."""
    out = []
    for k in range(POINTS):
        log_n = LOG_N_MIN + (LOG_N_MAX - LOG_N_MIN) * k / (POINTS - 1)
        out.append([log_n, loss_at_budget(10 ** log_n, c)])
    return out


def view(state) -> dict:
    state = clean(PARAMS, state)
    c = 10 ** state["chin_log_c"]
    best = optimum(c)
    models = []
    for key in ("gopher", "chinchilla"):
        if state[f"chin_{key}"]:
            m = MODELS[key]
            mc = compute(m["params"], m["tokens"])
            models.append({"key": key, "name": m["name"], "params": m["params"],
                           "tokens": m["tokens"], "compute": mc,
                           "log_c": round(math.log10(mc), 2),
                           "log_n": math.log10(m["params"]),
                           "loss": loss(m["params"], m["tokens"])})
    return {
        "state": state,
        "compute": c,
        "curve": curve(c),
        "best": best,
        "best_log_n": math.log10(best["params"]),
        "models": models,
        "gopher_log_c": round(math.log10(compute(MODELS["gopher"]["params"],
                                                 MODELS["gopher"]["tokens"])), 2),
        "x_range": [LOG_N_MIN, LOG_N_MAX],
        "y_range": [LOSS_MIN, LOSS_MAX],
    }
