import random

import pytest

from widgets import ppo_clip as w


def test_objective_matches_the_formula_at_many_points():
    rng = random.Random(1)
    for _ in range(2000):
        r, a, eps = rng.uniform(0.01, 3), rng.uniform(-5, 5), rng.uniform(0.01, 0.9)
        expected = min(r * a, max(1 - eps, min(1 + eps, r)) * a)
        assert w.objective(r, a, eps) == pytest.approx(expected)


@pytest.mark.parametrize("eps", [0.1, 0.2, 0.35])
def test_flat_regions_are_exactly_where_expected(eps):
    h = 1e-4
    for i in range(1, 400):
        r = 0.005 * i + 0.01
        for a in (1.0, -1.0):
            slope = (w.objective(r + h, a, eps) - w.objective(r - h, a, eps)) / (2 * h)
            if abs(r - (1 + eps)) < 2 * h or abs(r - (1 - eps)) < 2 * h:
                continue
            flat = (a > 0 and r > 1 + eps) or (a < 0 and r < 1 - eps)
            assert w.is_flat(r, a, eps) == flat
            assert (abs(slope) < 1e-9) == flat, (r, a, slope)


def test_clipped_never_exceeds_unclipped():
    for a in (1.0, -1.0):
        c = w.curve(a, 0.2)
        assert all(cl <= raw + 1e-12 for cl, raw in zip(c["clipped"], c["unclipped"]))
        assert len(c["r"]) == w.N_POINTS and c["r"][0] == 0.2 and c["r"][-1] == 2.0


def test_view_zones_and_bad_state():
    assert w.view({"ppo_ratio": "1.5"})["zone"] == "flat"
    assert w.view({"ppo_ratio": "1.5"})["value"] == pytest.approx(1.2)
    assert w.view({"ppo_ratio": "1.1"})["zone"] == "toward"
    assert w.view({"ppo_ratio": "0.5"})["zone"] == "away"
    assert w.view({"ppo_ratio": "0.5", "ppo_sign": "negative"})["zone"] == "flat"
    assert w.view({"ppo_ratio": "0.5", "ppo_sign": "negative"})["value"] == pytest.approx(-0.8)
    assert w.view({"ppo_ratio": "9", "ppo_sign": "x", "ppo_eps": "nan"})["state"] == {
        "ppo_sign": "positive", "ppo_ratio": 1.0, "ppo_eps": 0.2}
