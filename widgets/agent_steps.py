"""Agent steps: why long tasks fail, and what a checker with retries buys back.

A task is a chain of `n` steps. Each attempt at a step succeeds with probability `p`,
independently. Without help, the task succeeds only if every step does: p ** n.

A checker (a test suite, a validator, a human glance) looks at each attempt. It catches a failed
attempt with probability `catch`; a caught failure is retried, up to `retries` times per step.
A failure the checker misses slips through silently and spoils the task. A caught failure with
no retries left stops the task openly ("flagged": someone knows it needs help).

Per step, with q = (1 - p) * catch (an attempt fails and is caught):
    ok      = p * (1 + q + q^2 + ... + q^retries)          the step ends in a success
    flagged = q ** (retries + 1)                           caught every time, out of retries
    silent  = (1 - p) * (1 - catch) * (1 + q + ... + q^retries)
and ok + flagged + silent = 1. The task succeeds with probability ok ** n; when it does not, the
first bad step decides whether it failed openly or silently, in proportion flagged : silent.
Exact arithmetic throughout; the per-step rate is illustrative, set by the reader.
"""
from widgets._params import Number, clean

TITLE = "Agent steps: errors compound"

PARAMS = {
    "ag_p": Number(0.95, 0.5, 1.0, step=0.01, label="Chance each step goes right"),
    "ag_steps": Number(10, 1, 100, step=1, integer=True, label="Steps in the task"),
    "ag_catch": Number(0.0, 0.0, 1.0, step=0.05, label="Share of errors the checker catches"),
    "ag_retries": Number(1, 0, 5, step=1, integer=True, label="Retries allowed per step"),
}

CHART_STEPS = 100       # the chart's x axis: 1..100 steps


def step_outcomes(p: float, catch: float = 0.0, retries: int = 0) -> dict:
    """Probabilities that one step ends ok, flagged (caught, no retries left) or silently wrong."""
    q = (1.0 - p) * catch
    tries = sum(q ** i for i in range(retries + 1))
    ok = p * tries
    flagged = q ** (retries + 1)
    silent = (1.0 - p) * (1.0 - catch) * tries
    return {"ok": ok, "flagged": flagged, "silent": silent}


def task_outcomes(p: float, steps: int, catch: float = 0.0, retries: int = 0) -> dict:
    """Probabilities that the whole task succeeds, stops flagged, or ends silently wrong."""
    s = step_outcomes(p, catch, retries)
    success = s["ok"] ** steps
    bad = s["flagged"] + s["silent"]
    fail = 1.0 - success
    flagged = fail * s["flagged"] / bad if bad > 0 else 0.0
    return {"success": success, "flagged": flagged, "silent": fail - flagged,
            "step_ok": s["ok"]}


def expected_attempts(p: float, catch: float = 0.0, retries: int = 0) -> float:
    """Average attempts spent on one step (the cost of checking and retrying)."""
    q = (1.0 - p) * catch
    return sum(q ** i for i in range(retries + 1))


def steps_for_half(step_ok: float) -> int | None:
    """The number of steps at which the task's chance first drops below one half."""
    if step_ok >= 1.0:
        return None
    n, prob = 0, 1.0
    while prob >= 0.5:
        n += 1
        prob *= step_ok
        if n > 100_000:
            return None
    return n


def view(state) -> dict:
    state = clean(PARAMS, state)
    p, n = state["ag_p"], state["ag_steps"]
    c, r = state["ag_catch"], state["ag_retries"]
    bare = task_outcomes(p, n)
    checked = task_outcomes(p, n, c, r)
    return {
        "state": state,
        "bare": bare,
        "checked": checked,
        "has_checker": c > 0,
        "attempts": expected_attempts(p, c, r),
        "half_bare": steps_for_half(bare["step_ok"]),
        "half_checked": steps_for_half(checked["step_ok"]),
        "curve_bare": [bare["step_ok"] ** k for k in range(1, CHART_STEPS + 1)],
        "curve_checked": [checked["step_ok"] ** k for k in range(1, CHART_STEPS + 1)],
    }
