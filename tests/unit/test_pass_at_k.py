"""pass@k, its unbiased estimator, and majority vote, checked against independent computations."""
from collections import Counter
from itertools import product
from math import comb

import pytest

from widgets import pass_at_k as w


def brute_majority(p, k, rivals):
    """Enumerate every right/wrong pattern of k answers and count the votes directly."""
    total = 0.0
    for pattern in product((0, 1), repeat=k):              # 0 = right, 1 = wrong
        n_wrong = sum(pattern)
        prob = p ** (k - n_wrong) * (1 - p) ** n_wrong
        if rivals == "scattered":
            labels = [["wrong", i] for i in range(n_wrong)]  # every wrong answer differs
            choices = [tuple(tuple(x) for x in labels)]
            weights = [1.0]
        else:
            m = 1 if rivals == "one" else 2
            choices = list(product(range(m), repeat=n_wrong))
            weights = [1 / m ** n_wrong] * len(choices)
        for choice, weight in zip(choices, weights):
            votes = Counter({"right": k - n_wrong})
            votes.update(f"wrong{c}" for c in choice)
            votes = {a: n for a, n in votes.items() if n}
            top = max(votes.values())
            leaders = [a for a, n in votes.items() if n == top]
            if "right" in leaders:
                total += prob * weight / len(leaders)
    return total


@pytest.mark.parametrize("rivals", w.RIVALS)
@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 6, 7])
@pytest.mark.parametrize("p", [0.15, 0.4, 0.7])
def test_majority_vote_matches_brute_force(p, k, rivals):
    assert w.majority(p, k, rivals) == pytest.approx(brute_majority(p, k, rivals), abs=1e-12)


@pytest.mark.parametrize("p,k", [(0.1, 1), (0.3, 5), (0.42, 16), (0.9, 64)])
def test_unbiased_estimator_averages_to_the_closed_form(p, k):
    n = 100
    expected = sum(comb(n, c) * p ** c * (1 - p) ** (n - c) * w.pass_at_k_estimate(n, c, k)
                   for c in range(n + 1))
    assert expected == pytest.approx(w.pass_at_k(p, k), abs=1e-12)


def test_estimator_on_hand_checked_cases():
    assert w.pass_at_k_estimate(10, 3, 1) == pytest.approx(0.3)            # pass@1 = c / n
    # 10 samples, 3 right, k = 2: 1 - C(7,2)/C(10,2) = 1 - 21/45
    assert w.pass_at_k_estimate(10, 3, 2) == pytest.approx(1 - 21 / 45)
    assert w.pass_at_k_estimate(10, 0, 5) == 0.0
    assert w.pass_at_k_estimate(10, 6, 5) == 1.0                          # can't miss all
    with pytest.raises(ValueError):
        w.pass_at_k_estimate(5, 1, 6)


def test_pass_at_k_closed_form_and_pass_at_1():
    assert w.pass_at_k(0.4, 1) == pytest.approx(0.4)
    assert w.pass_at_k(0.4, 10) == pytest.approx(1 - 0.6 ** 10)
    view = w.view({"pk_p": "0.4", "pk_k": "10"})
    assert view["pass1"] == 0.4 and view["passk"] == pytest.approx(0.99395338)
    assert view["estimate"] == {"n": 100, "c": 40, "value": pytest.approx(
        1 - comb(60, 10) / comb(100, 10))}


def test_voting_helps_only_when_the_right_answer_is_the_most_common():
    # right 40 %, one rival at 60 %: more votes make things worse
    assert w.majority(0.4, 51, "one") < w.majority(0.4, 5, "one") < 0.4
    # right 40 %, two rivals at 30 % each: more votes make things better
    assert w.majority(0.4, 51, "two") > w.majority(0.4, 5, "two") > 0.4
    # pass@k is always at least as high as the vote
    for k in (1, 5, 20, 100):
        assert w.pass_at_k(0.4, k) >= w.majority(0.4, k, "scattered") - 1e-12


def test_bad_state_falls_back_to_defaults():
    view = w.view({"pk_p": "1.5", "pk_k": "2.5", "pk_rivals": "<b>"})
    assert view["state"] == {"pk_p": 0.4, "pk_k": 10, "pk_rivals": "two"}
    assert len(view["curve_passk"]) == len(view["curve_vote"]) == w.CHART_K
