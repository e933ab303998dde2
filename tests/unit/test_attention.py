import math

import pytest

from widgets import attention as w


def test_every_row_is_a_probability_distribution():
    for row in w.weights():
        assert math.isclose(sum(row), 1.0, rel_tol=1e-12)
        assert all(x >= 0 for x in row)


def test_the_causal_mask_is_exact():
    weights = w.weights()
    n = len(w.TOKENS)
    for i in range(n):
        for j in range(i + 1, n):
            assert weights[i][j] == 0.0          # exactly zero, not merely small
        for j in range(i + 1):
            assert weights[i][j] > 0.0           # every earlier word gets some attention


def test_rows_are_a_real_softmax_of_the_scores():
    i = 7
    exps = [math.exp(w.score(i, j)) for j in range(i + 1)]
    assert w.weights()[i][: i + 1] == pytest.approx([e / sum(exps) for e in exps])


def test_it_listens_most_to_dog():
    it = w.TOKENS.index("it")
    assert w.strongest(it)[0] == w.TOKENS.index("dog")


def test_first_word_can_only_hear_itself():
    assert w.weights()[0][0] == 1.0


def test_view_and_bad_state():
    view = w.view({"attn_word": "3"})
    assert view["selected"] == 3 and view["state"] == {"attn_word": 3}
    for bad in ("11", "-1", "2.5", "x", None):
        assert w.view({"attn_word": bad})["state"]["attn_word"] == 7
    assert len(w.view(None)["weights"]) == len(w.TOKENS)
