"""Agent steps: the closed forms against brute-force enumeration and a seeded simulation."""
import random

import pytest

from widgets import agent_steps as w


def test_the_bare_chain_is_p_to_the_n():
    assert w.task_outcomes(0.95, 10)["success"] == pytest.approx(0.95 ** 10)
    assert round(100 * w.task_outcomes(0.95, 10)["success"]) == 60
    assert w.task_outcomes(0.95, 100)["success"] == pytest.approx(0.0059205, rel=1e-4)
    assert w.task_outcomes(0.95, 10)["flagged"] == 0.0      # no checker: every failure is silent


def simulate(p, n, catch, retries, runs, seed=7):
    rng = random.Random(seed)
    tally = {"success": 0, "flagged": 0, "silent": 0}
    for _ in range(runs):
        outcome = "success"
        for _ in range(n):
            for attempt in range(retries + 1):
                if rng.random() < p:
                    break                              # step done
                if rng.random() >= catch:
                    outcome = "silent"                 # the checker missed it
                    break
                if attempt == retries:
                    outcome = "flagged"                # caught, no retries left
            if outcome != "success":
                break
        tally[outcome] += 1
    return {k: v / runs for k, v in tally.items()}


@pytest.mark.parametrize("p,n,catch,retries", [(0.9, 5, 0.8, 1), (0.7, 3, 0.5, 2), (0.95, 10, 1.0, 0)])
def test_closed_form_matches_a_simulation(p, n, catch, retries):
    sim = simulate(p, n, catch, retries, runs=40_000)
    exact = w.task_outcomes(p, n, catch, retries)
    for key in ("success", "flagged", "silent"):
        assert sim[key] == pytest.approx(exact[key], abs=0.012)


def walk(p, catch, retries, attempt=0, prob=1.0, out=None):
    """Follow every branch of one step's attempts: right, wrong-and-missed, wrong-and-caught."""
    out = out if out is not None else {"ok": 0.0, "flagged": 0.0, "silent": 0.0}
    out["ok"] += prob * p
    out["silent"] += prob * (1 - p) * (1 - catch)
    caught = prob * (1 - p) * catch
    if attempt == retries:
        out["flagged"] += caught
    else:
        walk(p, catch, retries, attempt + 1, caught, out)
    return out


@pytest.mark.parametrize("p,catch,retries", [(0.8, 0.6, 2), (0.5, 1.0, 5), (0.99, 0.0, 3)])
def test_step_outcomes_by_walking_every_branch(p, catch, retries):
    s = w.step_outcomes(p, catch, retries)
    assert s == pytest.approx(walk(p, catch, retries))
    assert sum(s.values()) == pytest.approx(1.0)


def test_checker_buys_back_and_turns_silent_failures_into_flagged_ones():
    bare = w.view({})
    helped = w.view({"ag_catch": "0.8", "ag_retries": "1"})
    assert helped["checked"]["success"] > bare["checked"]["success"]
    assert helped["checked"]["silent"] < bare["checked"]["silent"]
    assert helped["checked"]["flagged"] > 0
    no_retry = w.task_outcomes(0.95, 10, 1.0, 0)
    assert no_retry["success"] == pytest.approx(0.95 ** 10) and no_retry["silent"] == 0.0


def test_steps_for_half():
    assert w.steps_for_half(0.95) == 14             # 0.95^13 = 0.513, 0.95^14 = 0.488
    assert w.steps_for_half(1.0) is None


def test_bad_state_falls_back_to_defaults():
    view = w.view({"ag_p": "2", "ag_steps": "ten", "ag_catch": "-1", "ag_retries": "1.5"})
    assert view["state"] == {"ag_p": 0.95, "ag_steps": 10, "ag_catch": 0.0, "ag_retries": 1}
    assert len(view["curve_bare"]) == w.CHART_STEPS
