import pytest

from widgets import attention_cost as w


def test_pairs_and_causal_pairs():
    assert w.pairs(4) == 16 and w.pairs(16) == 256 and w.pairs(1000) == 1_000_000
    assert w.causal_pairs(4) == 10           # 1 + 2 + 3 + 4
    for n in (2, 7, 100, 99_999):
        assert w.causal_pairs(n) == sum(range(1, n + 1))


@pytest.mark.parametrize("n", [2, 3, 16, 1000, 50_000])
def test_double_the_text_four_times_the_work(n):
    assert w.ratio(2 * n, n) == 4.0
    assert w.view({"cost_n": n})["double_ratio"] == 4.0


def test_grid_never_exceeds_the_cap():
    for n in (2, 32, 33, 1000, 100_000):
        g = w.grid(n)
        assert g["side"] <= w.GRID_CAP
        assert g["side"] * g["block"] == pytest.approx(n)   # the drawn cells cover every token
    assert w.grid(32)["mode"] == "cells" and w.grid(33)["mode"] == "aggregate"


def test_chart_shows_n_and_2n():
    for n in (2, 16, 5000, 100_000):
        v = w.view({"cost_n": n})
        assert v["x_max"] >= 2 * n and v["marks"][1] == [2 * n, 4 * n * n]
        assert v["curve"][-1][0] == v["x_max"]


def test_bad_state_falls_back():
    for bad in ("1", "100001", "abc", "3.5", "1e999"):
        assert w.view({"cost_n": bad})["n"] == 16
