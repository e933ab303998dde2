"""The KL leash: how strongly the trained model is tied to its sensible starting point.

A toy policy over eight candidate answers, each with a reference probability (the sensible
model before RL) and a task reward from an imperfect reward model. With leash strength beta,
the best policy for "expected reward - beta * KL(pi || pi_ref)" has a closed form:

    pi*(y) = pi_ref(y) * exp(r(y) / beta) / Z

computed here in log space (subtract the largest exponent) so it is stable at any beta. All
probabilities and rewards are illustrative, made up for the book.

A second view (`kl_view` = "real") shows real runs beside the toy: the lab model trained by RL
against a flawed reward at several leash strengths β (site_build/lab/posttrain.py; the build's
lab/rl-flawed.json). For each run: the flawed reward and the true accuracy on held-out questions
at the end, the KL from the fine-tuned starting model, and a few of its final answers. That file
is {"hparams", "reward": "flawed", "runs": [{"beta", "name", "rows", "saved", "final":
{"heldout", "heldout_flawed", "heldout_arithmetic", "sampled_arithmetic", "heldout_length",
"kl"}}]}; widgets/lab_rl.py describes a row and a saved entry.
"""
import functools
import math

from widgets import _data
from widgets._params import Choice, Number, clean

TITLE = "The KL leash"
PROMPT = "Summarise this news article in one sentence."

# (answer, short label, reference probability, task reward 0-10, coherent?): illustrative.
ANSWERS = [
    ("City council approves new bike lanes after a two-hour debate.", "accurate, plain",
     0.30, 5.0, True),
    ("The council voted 7–2 for 12 km of protected bike lanes, to be built by 2026.",
     "accurate, specific", 0.06, 7.0, True),
    ("After debate, the council approved bike lanes; some shop owners objected to lost parking.",
     "accurate, balanced", 0.14, 6.0, True),
    ("Something about bikes was discussed at the council.", "vague", 0.22, 2.0, True),
    ("The council banned cars from the city centre.", "wrong", 0.12, 1.0, True),
    ("Bike lanes are the greatest triumph in the city's glorious history!", "gushing",
     0.08, 4.0, True),
    ("Bikes.", "too short", 0.0795, 0.5, True),
    ("summary summary excellent accurate summary bike council summary 10/10",
     "reward hack (gibberish)", 0.0005, 10.0, False),
]
REF = [a[2] for a in ANSWERS]
REWARD = [a[3] for a in ANSWERS]
COHERENT = [a[4] for a in ANSWERS]
HACK = next(i for i, a in enumerate(ANSWERS) if not a[4])

BETA_MIN, BETA_MAX = 0.01, 100.0
TOO_LOOSE_HACK = 0.5        # more than half the probability on gibberish
TOO_TIGHT_DRIFT = 0.1       # nats: the policy has barely moved from where it started

PARAMS = {
    "kl_beta": Number(1.0, BETA_MIN, BETA_MAX, step=0.0, log=True,
                      label="Leash strength β (loose → tight)"),
    "kl_view": Choice("toy", ("toy", "real"), label="View"),
}
REAL_FILE = "lab/rl-flawed.json"


def files(state) -> list[str]:
    """The real runs' record, read only in the "real" view."""
    return [REAL_FILE] if state.get("kl_view") == "real" else []


def optimum(beta: float, ref=REF, reward=REWARD) -> list[float]:
    """pi*(y) proportional to ref(y) * exp(reward(y) / beta), normalised, computed stably."""
    logits = [math.log(p) + r / beta for p, r in zip(ref, reward)]
    top = max(logits)
    w = [math.exp(x - top) for x in logits]
    z = sum(w)
    return [x / z for x in w]


def kl(p: list[float], q: list[float]) -> float:
    """KL(p || q) in nats (terms with p = 0 contribute 0)."""
    return sum(pi * math.log(pi / qi) for pi, qi in zip(p, q) if pi > 0)


def expected(p: list[float], values=REWARD) -> float:
    return sum(pi * v for pi, v in zip(p, values))


def objective(p: list[float], beta: float) -> float:
    """What the leash trades off: expected task reward minus beta times the drift."""
    return expected(p) - beta * kl(p, REF)


def coherence(p: list[float]) -> float:
    return sum(pi for pi, ok in zip(p, COHERENT) if ok)


def zone(p: list[float]) -> str:
    if p[HACK] > TOO_LOOSE_HACK:
        return "too loose"
    if kl(p, REF) < TOO_TIGHT_DRIFT:
        return "too tight"
    return "sweet spot"


def summary(beta: float) -> dict:
    p = optimum(beta)
    return {"beta": beta, "policy": p, "reward": expected(p), "drift": kl(p, REF),
            "coherence": coherence(p), "hack": p[HACK], "zone": zone(p)}


def zone_edges(steps: int = 4000) -> dict:
    """The beta values (on the slider's log scale) where the zone changes, found by scanning."""
    edges = {}
    prev = None
    for i in range(steps + 1):
        beta = BETA_MIN * (BETA_MAX / BETA_MIN) ** (i / steps)
        z = zone(optimum(beta))
        if prev is not None and z != prev:
            edges[f"{prev}|{z}"] = beta
        prev = z
    return edges


@functools.cache
def _edges() -> dict:
    return zone_edges(800)


def edges() -> dict:
    """zone_edges(), computed once per process (the page asks for it on every view); a copy."""
    return dict(_edges())


@functools.cache
def real_runs() -> list:
    """The flawed-reward runs from the build's record, loosest leash first (read once)."""
    data = _data.read_json(REAL_FILE)
    runs = []
    for r in sorted(data["runs"], key=lambda r: float(r["beta"])):
        rows, fin = r["rows"], r["final"]
        first = next((x for x in rows if x.get("heldout") is not None), {})
        last_saved = r["saved"][-1] if r.get("saved") else {"step": 0, "samples": []}
        runs.append({
            "beta": float(r["beta"]),
            "flawed": float(fin["heldout_flawed"]),
            "true": float(fin["heldout"]),
            "kl": float(fin["kl"]),
            "length": float(fin.get("heldout_length", 0.0)),
            "start_flawed": first.get("heldout_flawed"),
            "start_true": first.get("heldout"),
            "steps": max(int(x["step"]) for x in rows),
            "samples": [{"question": str(x["question"]), "reply": str(x["reply"]),
                         "correct": bool(x["correct"])} for x in last_saved["samples"]],
        })
    return runs


def real_view(state) -> dict:
    runs = real_runs()
    start = runs[0] if runs else {}
    return {
        "state": state,
        "mode": "real",
        "runs": runs,
        "start_flawed": start.get("start_flawed"),
        "start_true": start.get("start_true"),
    }


def view(state) -> dict:
    state = clean(PARAMS, state)
    if state["kl_view"] == "real":
        return real_view(state)
    s = summary(state["kl_beta"])
    e = edges()
    return {
        "state": state,
        "mode": "toy",
        "prompt": PROMPT,
        "answers": [{"text": a[0], "label": a[1], "coherent": a[4]} for a in ANSWERS],
        "reference": REF,
        "rewards": REWARD,
        "policy": s["policy"],
        "reward": s["reward"],
        "reference_reward": expected(REF),
        "best_reward": max(REWARD),
        "drift": s["drift"],
        "coherence": s["coherence"],
        "hack": s["hack"],
        "hack_index": HACK,
        "zone": s["zone"],
        "edges": [e["too loose|sweet spot"], e["sweet spot|too tight"]],
        "range": [BETA_MIN, BETA_MAX],
        "tight_drift": TOO_TIGHT_DRIFT,
    }
