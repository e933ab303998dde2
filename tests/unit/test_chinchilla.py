import math

import pytest

from widgets import chinchilla as w


@pytest.mark.parametrize("log_c", [18, 20, 21.5, 23.7, 25])
def test_closed_form_optimum_matches_brute_force(log_c):
    c = 10 ** log_c
    grid = [10 ** (6 + 8 * k / 200_000) for k in range(200_001)]     # 1e6 .. 1e14, fine steps
    best = min(grid, key=lambda n: w.loss_at_budget(n, c))
    opt = w.optimum(c)
    assert opt["params"] == pytest.approx(best, rel=2e-4)
    assert opt["loss"] <= w.loss_at_budget(best, c) + 1e-12
    assert w.compute(opt["params"], opt["tokens"]) == pytest.approx(c)


def test_optimum_moves_down_and_right_with_budget():
    opts = [w.optimum(10 ** x) for x in (18, 20, 22, 24)]
    assert all(b["params"] > a["params"] and b["loss"] < a["loss"] for a, b in zip(opts, opts[1:]))


def test_loss_formula_and_constants():
    # Besiroglu et al. (2024), the corrected fit of Hoffmann et al.'s approach 3.
    assert w.loss(1e9, 1e10) == pytest.approx(
        1.82 + 482.01 / 1e9 ** 0.3478 + 2085.43 / 1e10 ** 0.3658)


def test_corrected_fit_agrees_with_the_chinchilla_lesson():
    """At Chinchilla's own budget the best split is near Chinchilla: ~70B, ~20 tokens/param."""
    c = w.MODELS["chinchilla"]
    opt = w.optimum(w.compute(c["params"], c["tokens"]))
    assert 60e9 < opt["params"] < 85e9
    assert 15 < opt["tokens_per_param"] < 22


def test_chinchilla_beats_gopher_at_about_the_same_compute():
    g, c = w.MODELS["gopher"], w.MODELS["chinchilla"]
    cg, cc = w.compute(g["params"], g["tokens"]), w.compute(c["params"], c["tokens"])
    assert 0.8 < cg / cc < 1.0                                   # 5.0e23 vs 5.9e23 FLOPs
    assert w.loss(c["params"], c["tokens"]) < w.loss(g["params"], g["tokens"])


def test_view_and_bad_state():
    v = w.view({"chin_log_c": "25", "chin_gopher": "0"})
    assert [m["key"] for m in v["models"]] == ["chinchilla"]
    assert len(v["curve"]) == w.POINTS
    assert math.isclose(v["best_log_n"], math.log10(v["best"]["params"]))
    assert v["gopher_log_c"] == 23.7
    v = w.view({"chin_log_c": "26", "chin_gopher": "x"})
    assert v["state"] == {"chin_log_c": 23.7, "chin_gopher": True, "chin_chinchilla": True}
