import math

import pytest

from widgets import advantage as w


def test_advantage_is_reward_minus_baseline():
    view = w.view({"adv_baseline": "6"})
    assert view["advantages"] == pytest.approx([r - 6 for r in w.REWARDS])
    assert view["verdicts"] == ["reinforce", "reinforce", "reinforce", "suppress", "suppress",
                                "suppress"]


def test_rollout_set_has_the_promised_kinds():
    kinds = {k for _, k, _ in w.ROLLOUTS}
    assert {"wrong", "confidently wrong", "right but long-winded"} <= kinds
    assert len(w.ROLLOUTS) >= 5 and all(0 <= r <= 10 for r in w.REWARDS)


@pytest.mark.parametrize("normalize", [False, True])
def test_advantages_sum_to_zero_at_the_group_mean(normalize):
    view = w.view({"adv_baseline": w.group_mean(), "adv_normalize": normalize})
    assert view["at_mean"]
    assert math.isclose(sum(view["advantages"]), 0.0, abs_tol=1e-12)


def test_sign_flips_as_the_baseline_passes_a_reward():
    hedged = 2                                   # reward 7
    assert w.verdict(w.advantages(6.9)[hedged]) == "reinforce"
    assert w.verdict(w.advantages(7.0)[hedged]) == "neutral"
    assert w.verdict(w.advantages(7.1)[hedged]) == "suppress"


def test_normalisation_uses_the_population_standard_deviation():
    mu = sum(w.REWARDS) / len(w.REWARDS)
    pop = math.sqrt(sum((r - mu) ** 2 for r in w.REWARDS) / len(w.REWARDS))
    assert w.group_std() == pytest.approx(pop)
    assert w.advantages(mu, True) == pytest.approx([(r - mu) / pop for r in w.REWARDS])
    normalised = w.advantages(mu, True)
    assert sum(a * a for a in normalised) / len(normalised) == pytest.approx(1.0)
    assert w.advantages(3.0, True, rewards=[5, 5]) == [2.0, 2.0]     # zero spread: no division


def test_bad_state_falls_back_to_defaults():
    view = w.view({"adv_baseline": "11", "adv_normalize": "??"})
    assert view["state"] == {"adv_baseline": 6.0, "adv_normalize": False, "adv_mode": "hand"}


# --- The real mode: a group of the fine-tuned lab model's own sampled answers ---------------------

def test_real_mode_recomputes_the_recorded_grpo_advantages():
    v = w.view({"adv_mode": "real"})
    g = w.real_group()
    rewards = [s["reward"] for s in g["samples"]]
    assert v["mode"] == "real" and len(v["rollouts"]) == g["group"] == len(rewards)
    assert set(rewards) == {0.0, 1.0}                   # a mixed group: something to prefer
    mu = sum(rewards) / len(rewards)
    sd = math.sqrt(sum((r - mu) ** 2 for r in rewards) / len(rewards))
    assert v["mean"] == pytest.approx(g["mean"], abs=1e-4) and v["std"] == pytest.approx(g["std"], abs=1e-4)
    assert v["advantages"] == pytest.approx([(r - mu) / sd for r in rewards])
    assert v["advantages"] == pytest.approx(v["recorded"], abs=1e-4)
    assert sum(v["advantages"]) == pytest.approx(0.0, abs=1e-12)
    assert [r["kind"] for r in v["rollouts"]] == ["right" if r else "wrong" for r in rewards]
    assert all(a > 0 for a, r in zip(v["advantages"], rewards) if r) and \
        all(a < 0 for a, r in zip(v["advantages"], rewards) if not r)


def test_real_mode_keeps_the_other_params_and_bad_modes_fall_back():
    v = w.view({"adv_mode": "real", "adv_baseline": "3", "adv_normalize": "1"})
    assert v["state"] == {"adv_baseline": 3.0, "adv_normalize": True, "adv_mode": "real"}
    for bad in ("REAL", "", None, 1, "hand-set"):
        assert w.view({"adv_mode": bad})["mode"] == "hand"


def test_grpo_advantages_of_a_uniform_group_are_zero():
    assert w.grpo_advantages([1.0, 1.0, 1.0]) == [0.0, 0.0, 0.0]
    assert w.grpo_advantages([0.0, 1.0]) == pytest.approx([-1.0, 1.0])
