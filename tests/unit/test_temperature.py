import math

import pytest

from widgets import temperature as w
from widgets._sampling import sample, softmax, top_k_filter, top_p_filter


def test_softmax_sums_to_one_and_keeps_order():
    probs = softmax([3.0, 1.0, 2.0], 1.0)
    assert math.isclose(sum(probs), 1.0)
    assert probs[0] > probs[2] > probs[1]


def test_softmax_matches_the_formula():
    logits, t = [2.0, 0.5, -1.0], 0.7
    z = sum(math.exp(x / t) for x in logits)
    assert softmax(logits, t) == pytest.approx([math.exp(x / t) / z for x in logits])


@pytest.mark.parametrize("t", [1e-6, 0.01, 2.0, 1e6])
def test_softmax_is_stable_at_extreme_temperatures(t):
    probs = softmax([1000.0, 999.0, -1000.0], t)
    assert all(math.isfinite(p) for p in probs)
    assert math.isclose(sum(probs), 1.0)


def test_temperature_zero_is_greedy_and_splits_exact_ties():
    assert softmax([1.0, 3.0, 2.0], 0) == [0.0, 1.0, 0.0]
    assert softmax([3.0, 3.0, 1.0], 0) == [0.5, 0.5, 0.0]


def test_lower_temperature_sharpens_higher_flattens():
    cold, default, hot = (w.distribution(t)[0] for t in (0.2, 0.8, 1.5))
    assert cold > default > hot
    assert w.distribution(0)[0] == 1.0


def test_top_k_keeps_k_and_renormalises():
    probs = top_k_filter([0.5, 0.3, 0.2], 2)
    assert probs == pytest.approx([0.625, 0.375, 0.0])
    assert top_k_filter([0.5, 0.5], 0) == [0.5, 0.5]


def test_top_p_keeps_the_smallest_nucleus():
    assert top_p_filter([0.5, 0.3, 0.2], 0.8) == pytest.approx([0.625, 0.375, 0.0])
    assert top_p_filter([0.5, 0.3, 0.2], 0.81) == pytest.approx([0.5, 0.3, 0.2])
    assert top_p_filter([0.9, 0.1], 0.05) == pytest.approx([1.0, 0.0])


def test_sampling_is_seeded_and_never_picks_a_filtered_token():
    probs = w.distribution(1.5, top_k=3)
    draws = [sample(probs, seed) for seed in range(1, 500)]
    assert draws == [sample(probs, seed) for seed in range(1, 500)]
    assert set(draws) == {0, 1, 2}


def test_sampling_frequencies_follow_the_probabilities():
    probs = [0.7, 0.2, 0.1]
    n = 20_000
    counts = [0, 0, 0]
    for seed in range(n):
        counts[sample(probs, seed)] += 1
    assert [c / n for c in counts] == pytest.approx(probs, abs=0.015)


def test_view_cleans_bad_state_to_defaults():
    view = w.view({"temperature": "NaN", "top_k": "-3", "top_p": "<b>", "seed": "1e309", "x": 1})
    assert view["state"] == {"temperature": 0.8, "top_k": 0, "top_p": 1.0, "seed": 0}
    assert view["drawn"] is None
    assert math.isclose(sum(view["probs"]), 1.0)


def test_view_from_url_strings():
    view = w.view({"temperature": "0", "seed": "3"})
    assert view["greedy"] and view["probs"][0] == 1.0 and view["drawn"] == 0
