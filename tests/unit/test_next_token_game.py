import math

import pytest

from widgets import next_token_game as w
from widgets._sampling import softmax


@pytest.mark.parametrize("prompt", range(len(w.PROMPTS)))
def test_gradient_matches_finite_differences(prompt):
    z = w.logits_after(prompt, 0)
    true = w.PROMPTS[prompt][3]
    grad = w.gradient(z, true)
    h = 1e-6
    for i in range(len(z)):
        up = z[:]; up[i] += h
        down = z[:]; down[i] -= h
        numeric = (w.loss(up, true) - w.loss(down, true)) / (2 * h)
        assert grad[i] == pytest.approx(numeric, abs=1e-6)


def test_loss_is_minus_log_probability_in_nats():
    z, true = w.logits_after(0, 0), w.PROMPTS[0][3]
    assert w.loss(z, true) == pytest.approx(-math.log(softmax(z)[true]))


@pytest.mark.parametrize("prompt", range(len(w.PROMPTS)))
def test_every_nudge_lowers_the_loss_and_raises_the_truth(prompt):
    true = w.PROMPTS[prompt][3]
    losses = [w.loss(w.logits_after(prompt, k), true) for k in range(6)]
    assert all(b < a for a, b in zip(losses, losses[1:]))
    probs = [softmax(w.logits_after(prompt, k))[true] for k in range(6)]
    assert all(b > a for a, b in zip(probs, probs[1:]))


def test_prompts_run_from_easy_to_hard():
    start = [w.loss(w.logits_after(k, 0), w.PROMPTS[k][3]) for k in range(len(w.PROMPTS))]
    assert start[0] < start[1] < start[2]
    assert len(w.PROMPTS) >= 3


def test_answer_stays_hidden_until_revealed():
    v = w.view({"ntg_prompt": 1, "ntg_guess": 2, "ntg_nudges": 4})
    assert "probs" not in v and "true" not in v and v["state"]["ntg_nudges"] == 0
    v = w.view({"ntg_prompt": "1", "ntg_guess": "2", "ntg_revealed": "1", "ntg_nudges": "4"})
    assert v["true"] == 1 and v["loss"] < v["start_loss"]
    assert math.isclose(sum(v["probs"]), 1.0)


def test_bad_state_falls_back():
    v = w.view({"ntg_prompt": "9", "ntg_guess": "7", "ntg_revealed": "maybe", "ntg_nudges": "-1"})
    assert v["state"] == {"ntg_prompt": 0, "ntg_guess": -1, "ntg_revealed": False, "ntg_nudges": 0}
