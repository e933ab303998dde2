import math
import random

import pytest

from widgets import kl_leash as w


@pytest.mark.parametrize("beta", [0.01, 0.1, 0.5, 1.0, 3.0, 30.0, 100.0])
def test_optimum_normalises_and_is_finite(beta):
    p = w.optimum(beta)
    assert all(math.isfinite(x) and x >= 0 for x in p)
    assert math.isclose(sum(p), 1.0)


def test_optimum_matches_the_formula():
    beta = 2.0
    weights = [q * math.exp(r / beta) for q, r in zip(w.REF, w.REWARD)]
    z = sum(weights)
    assert w.optimum(beta) == pytest.approx([x / z for x in weights])


def _softmax(logits):
    top = max(logits)
    e = [math.exp(x - top) for x in logits]
    s = sum(e)
    return [x / s for x in e]


@pytest.mark.parametrize("beta", [0.3, 1.0, 5.0])
def test_closed_form_beats_random_perturbations(beta):
    best = w.objective(w.optimum(beta), beta)
    rng = random.Random(7)
    logits = [math.log(x) for x in w.optimum(beta)]
    for scale in (1e-3, 1e-2, 0.1, 1.0):
        for _ in range(300):
            other = _softmax([x + rng.gauss(0, scale) for x in logits])
            assert w.objective(other, beta) <= best + 1e-12


@pytest.mark.parametrize("beta", [0.3, 1.0, 5.0])
def test_gradient_ascent_never_beats_the_closed_form(beta):
    best = w.objective(w.optimum(beta), beta)
    rng = random.Random(3)
    for _ in range(3):
        logits = [rng.gauss(0, 1) for _ in w.REF]
        for _ in range(3000):
            p = _softmax(logits)
            # d/dp_i [E r - beta KL] = r_i - beta (log(p_i/q_i) + 1); chain rule through softmax
            g = [r - beta * (math.log(pi / qi) + 1) for r, pi, qi in zip(w.REWARD, p, w.REF)]
            mean_g = sum(pi * gi for pi, gi in zip(p, g))
            logits = [x + 0.05 / beta * pi * (gi - mean_g) for x, pi, gi in zip(logits, p, g)]
        found = w.objective(_softmax(logits), beta)
        assert found <= best + 1e-9
        assert found == pytest.approx(best, abs=0.05)      # and it gets close


def test_the_three_zones_exist_in_order():
    assert w.zone(w.optimum(0.1)) == "too loose"
    assert w.zone(w.optimum(1.0)) == "sweet spot"
    assert w.zone(w.optimum(30.0)) == "too tight"
    edges = w.zone_edges()
    lo, hi = edges["too loose|sweet spot"], edges["sweet spot|too tight"]
    assert set(edges) == {"too loose|sweet spot", "sweet spot|too tight"}
    assert w.BETA_MIN < lo < w.PARAMS["kl_beta"].default < hi < w.BETA_MAX
    assert 0.3 < math.log10(hi / lo) < 2          # a band the reader can find, but not most of it


def test_loose_leash_hacks_tight_leash_stays_home():
    loose, tight = w.summary(0.01), w.summary(100.0)
    assert loose["hack"] > 0.99 and loose["coherence"] < 0.01
    assert tight["drift"] < 1e-3 and tight["policy"] == pytest.approx(w.REF, abs=0.02)
    rewards = [w.summary(b)["reward"] for b in (0.05, 0.5, 5, 50)]
    assert rewards == sorted(rewards, reverse=True)


def test_view_and_bad_state():
    view = w.view({"kl_beta": "-1"})
    assert view["state"]["kl_beta"] == 1.0 and view["zone"] == "sweet spot"
    assert len(view["policy"]) == len(view["answers"]) == 8


# --- The real runs: the lab model trained against a flawed reward at several leash strengths -----

def test_real_view_lists_the_flawed_runs_loosest_first():
    v = w.view({"kl_view": "real", "kl_beta": "0.1"})
    assert v["mode"] == "real" and v["state"] == {"kl_beta": 0.1, "kl_view": "real"}
    betas = [r["beta"] for r in v["runs"]]
    assert len(betas) >= 3 and betas == sorted(betas)
    for r in v["runs"]:
        assert 0 <= r["true"] <= 1 and 0 <= r["flawed"] <= 1 and r["kl"] >= 0
        assert r["samples"] and all(isinstance(s["reply"], str) for s in r["samples"])
    # The flawed grader pays for everything the true checker pays for, and more.
    assert all(r["flawed"] >= r["true"] for r in v["runs"])


def test_bad_view_falls_back_to_the_toy():
    for bad in ("REAL", "", None, 3, "toy "):
        v = w.view({"kl_view": bad})
        assert v["mode"] == "toy" and v["state"]["kl_view"] == "toy"
