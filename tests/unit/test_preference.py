"""Bradley-Terry, fitted to choices: recovers known scores, sits at the true maximum, sees cycles."""
import math
import random

import pytest

from widgets import preference as w


def test_fit_recovers_known_scores_from_simulated_choices():
    true = [1.2, 0.4, -0.3, -1.3]                       # sums to zero, like the prior's centre
    rng = random.Random(12)
    comps = []
    for _ in range(3000):
        i, j = rng.sample(range(4), 2)
        p = 1 / (1 + math.exp(-(true[i] - true[j])))
        comps.append((i, j) if rng.random() < p else (j, i))
    got = w.fit(4, comps, prior_sd=100.0)             # a weak prior: close to maximum likelihood
    shift = sum(got) / 4                               # only differences are identified
    assert [g - shift for g in got] == pytest.approx(true, abs=0.12)


def test_fit_is_the_maximum_of_the_log_posterior():
    comps = w.comparisons("abaaab") + w.comparisons(w.SAMPLE)
    s = w.fit(4, comps)
    h = 1e-6
    for k in range(4):                                 # gradient zero, by finite differences
        up = s[:]
        up[k] += h
        down = s[:]
        down[k] -= h
        grad = (w.log_posterior(up, comps) - w.log_posterior(down, comps)) / (2 * h)
        assert abs(grad) < 1e-6
    rng = random.Random(3)
    best = w.log_posterior(s, comps)
    for _ in range(200):                               # and no nearby point does better
        other = [x + rng.uniform(-0.3, 0.3) for x in s]
        assert w.log_posterior(other, comps) <= best


def test_consistent_choices_give_that_ranking_and_agree_everywhere():
    view = w.view({"pref_votes": w.SAMPLE})
    assert [w.ANSWERS[i][0] for i in view["order"]] == ["A", "B", "D", "C"]
    assert view["n_agree"] == view["n_judged"] == 6 and view["cycles"] == []
    # a score gap turns into a probability through the logistic curve
    a, c = view["scores"][0], view["scores"][2]
    assert view["pairs"][1]["p_first"] == pytest.approx(1 / (1 + math.exp(-(a - c))))


def test_a_cycle_is_found_and_no_scores_can_honour_it():
    votes = "ab-a--"                # A over B, C over A, B over C
    view = w.view({"pref_votes": votes})
    assert view["cycles"] == [["A", "B", "C"]]
    assert view["n_agree"] < view["n_judged"] == 3
    assert len(set(round(x, 6) for x in view["scores"][:3])) == 1     # all three tied


def test_no_votes_no_preference():
    view = w.view({})
    assert view["scores"] == [0.0] * 4 and view["n_judged"] == 0
    assert all(p["even"] and p["agrees"] is None for p in view["pairs"])


@pytest.mark.parametrize("raw", ["aaaaa", "aaaaaaa", "abcabc", "<b>ab", 7, None])
def test_bad_votes_fall_back_to_unjudged(raw):
    assert w.view({"pref_votes": raw})["state"]["pref_votes"] == w.EMPTY
