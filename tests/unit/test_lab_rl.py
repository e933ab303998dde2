"""RL replay (lab-rl): picking a run and a saved step from the RL run records.

Most tests run on a small stand-in record in the documented format (the docstring of
widgets/lab_rl.py), so they check this module's arithmetic and fallbacks exactly; the last ones
read the real records the build ships."""
import json

import pytest

from widgets import lab_rl as w


def rows(n, reward, heldout, kl, flawed=False):
    out = []
    for s in range(n + 1):
        r = {"step": s}
        if s % 2 == 0 or s == n:
            r["heldout"] = heldout(s)
            if flawed:
                r["heldout_flawed"] = 1 - heldout(s)
        if s < n:
            r.update(reward=reward(s), accuracy=heldout(s), kl=kl(s), length=3.0 + s, loss=0.1)
        out.append(r)
    return out


def saved(steps):
    return [{"step": s, "samples": [{"question": "What is 1 plus 1?", "reply": f"{s}.",
                                     "correct": s == 2}]} for s in steps]


TRUE = {"hparams": {"beta": 0.04}, "rows": rows(4, lambda s: s / 4, lambda s: s / 8, lambda s: s / 100),
        "saved": saved([0, 2, 4])}
FLAWED = {"reward": "flawed", "runs": [
    {"beta": 0.4, "name": "rl-flawed-b0.4", "rows": rows(4, lambda s: 0.5, lambda s: 0.5, lambda s: 0.01, True),
     "saved": saved([0, 4])},
    {"beta": 0.0, "name": "rl-flawed-b0", "rows": rows(4, lambda s: 0.2 * s, lambda s: 0.5 - 0.1 * s, lambda s: s, True),
     "saved": saved([0, 2, 4])},
]}


@pytest.fixture
def standin(monkeypatch):
    files = {w.TRUE_FILE: TRUE, w.FLAWED_FILE: FLAWED}
    monkeypatch.setattr(w._data, "read_json", lambda rel: json.loads(json.dumps(files[rel])))
    w.runs.cache_clear()
    yield
    w.runs.cache_clear()


def test_runs_true_first_then_flawed_loosest_first(standin):
    v = w.view({})
    assert [r["label"] for r in v["runs"]] == ["True reward (β = 0.04)", "Flawed reward, β = 0",
                                               "Flawed reward, β = 0.4"]
    assert [r["kind"] for r in v["runs"]] == ["true", "flawed", "flawed"]


def test_default_is_the_true_run_at_its_last_saved_step(standin):
    v = w.view({})
    assert v["state"] == {"labrl_run": 0, "labrl_step": -1}
    assert (v["run"], v["index"], v["step"], v["count"], v["last_step"]) == (0, 2, 4, 3, 4)
    assert [s["key"] for s in v["series"]] == ["reward", "heldout"]
    # The last row carries only the evaluation: the batch numbers stop at step 3.
    assert v["series"][0]["points"][-1] == [3, 0.75]
    assert v["now"]["heldout"] == 0.5 and v["start"]["heldout"] == 0.0
    assert v["now"]["reward"] == pytest.approx(sum(s / 4 for s in range(4)) / 4)


def test_a_middle_step_reads_the_values_up_to_it(standin):
    v = w.view({"labrl_step": 1})
    assert v["step"] == 2 and v["samples"] == [{"question": "What is 1 plus 1?", "reply": "2.", "correct": True}]
    assert v["now"]["heldout"] == 0.25                      # evaluated at step 2
    assert v["now"]["kl"] == pytest.approx((0 + 0.01 + 0.02) / 3)


def test_a_flawed_run_shows_paid_reward_against_true_accuracy(standin):
    v = w.view({"labrl_run": 1, "labrl_step": 2})
    assert v["kind"] == "flawed" and v["beta"] == 0.0
    assert [s["key"] for s in v["series"]] == ["reward", "accuracy", "heldout"]
    assert v["now"]["heldout"] == pytest.approx(0.1) and v["now"]["heldout_flawed"] == pytest.approx(0.9)
    assert v["now"]["kl"] == pytest.approx((0 + 1 + 2 + 3) / 4)


@pytest.mark.parametrize("raw", [None, "x", {"labrl_run": 99}, {"labrl_run": "two"}, {"labrl_run": 7},
                                 {"labrl_step": 50}, {"labrl_step": -5}, {"labrl_step": 1.5},
                                 {"labrl_run": True}, {"labrl_step": "1e309"}])
def test_bad_state_falls_back_to_defaults(standin, raw):
    v = w.view(raw)
    assert v["run"] in (0, 1, 2) and 0 <= v["index"] < v["count"]
    if raw in (None, "x", {"labrl_run": 99}, {"labrl_run": "two"}, {"labrl_run": 7}):
        assert (v["run"], v["index"]) == (0, 2)


def test_odd_text_in_the_record_is_passed_as_text(standin, monkeypatch):
    odd = json.loads(json.dumps(TRUE))
    odd["saved"][0]["samples"][0]["reply"] = "<script>x</script> 😀 \x00"
    monkeypatch.setattr(w._data, "read_json", lambda rel: odd if rel == w.TRUE_FILE else {"runs": []})
    w.runs.cache_clear()
    v = w.view({"labrl_step": 0})
    assert v["samples"][0]["reply"] == "<script>x</script> 😀 \x00"
    assert len(v["runs"]) == 1


def test_at_and_mean_near():
    pts = [[0, 1.0], [2, 3.0], [4, 5.0]]
    assert w.at(pts, -1) is None and w.at(pts, 0) == 1.0 and w.at(pts, 3) == 3.0
    assert w.mean_near(pts, 4, width=3) == 4.0 and w.mean_near(pts, 0) == 1.0
