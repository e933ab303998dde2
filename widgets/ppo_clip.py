"""PPO's clipped objective for one action: how much credit a step gets as the policy moves.

r is the probability ratio pi_new(action) / pi_old(action); A is the action's advantage (here
+1 or -1). The unclipped objective is r*A; PPO's is min(r*A, clip(r, 1-eps, 1+eps)*A)
(Schulman et al. 2017, eq. 7). Where the clipped objective is flat, pushing r further earns
nothing, so the update has no reason to lurch.
"""
from widgets._params import Choice, Number, clean

TITLE = "PPO's clip"
R_MIN, R_MAX = 0.2, 2.0
N_POINTS = 181                              # r every 0.01 from 0.2 to 2.0

PARAMS = {
    "ppo_sign": Choice("positive", ("positive", "negative"), label="This answer's advantage"),
    "ppo_ratio": Number(1.0, R_MIN, R_MAX, step=0.01,
                        label="Step size: new probability ÷ old probability (r)"),
    "ppo_eps": Number(0.2, 0.05, 0.5, step=0.05, label="Clip range ε"),
}


def clip(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


def unclipped(r: float, a: float) -> float:
    return r * a


def objective(r: float, a: float, eps: float) -> float:
    """PPO's clipped surrogate for one action: min(r*A, clip(r, 1-eps, 1+eps)*A)."""
    return min(r * a, clip(r, 1 - eps, 1 + eps) * a)


def is_flat(r: float, a: float, eps: float) -> bool:
    """True where the clipped objective no longer changes with r (its slope is 0): past 1+eps
    for a good action, below 1-eps for a bad one."""
    return (a > 0 and r > 1 + eps) or (a < 0 and r < 1 - eps)


def curve(a: float, eps: float) -> dict:
    rs = [round(R_MIN + i * (R_MAX - R_MIN) / (N_POINTS - 1), 6) for i in range(N_POINTS)]
    return {"r": rs, "unclipped": [unclipped(r, a) for r in rs],
            "clipped": [objective(r, a, eps) for r in rs]}


def view(state) -> dict:
    state = clean(PARAMS, state)
    a = 1.0 if state["ppo_sign"] == "positive" else -1.0
    r, eps = state["ppo_ratio"], state["ppo_eps"]
    flat = is_flat(r, a, eps)
    if flat:
        zone = "flat"
    elif abs(r - 1) < 1e-9:
        zone = "start"
    elif (a > 0) == (r > 1):
        zone = "toward"          # moving the way the advantage asks, still inside the clip
    else:
        zone = "away"            # moving against the advantage: PPO never hides this
    return {
        "state": state,
        "advantage": a,
        "ratio": r,
        "lo": 1 - eps,
        "hi": 1 + eps,
        "value": objective(r, a, eps),
        "raw": unclipped(r, a),
        "flat": flat,
        "zone": zone,
        "curve": curve(a, eps),
        "y_range": [-R_MAX, R_MAX],
    }
