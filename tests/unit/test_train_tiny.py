"""Train one yourself: the widget module around widgets/_tiny.py (slices, the kept run, the link's
step count, the reader's own text, bad input)."""
import pytest

from widgets import _tiny
from widgets import train_tiny as w


@pytest.fixture(autouse=True)
def fresh():
    w._RUN.clear()
    w._PASTE.clear()
    yield
    w._RUN.clear()
    w._PASTE.clear()


def train_to(state, upto, ms):
    v = w.view(dict(state, _op="reset"))
    while v["step"] < upto and not v["diverged"]:
        v = w.view(dict(state, _op="train", _ms=ms, _upto=upto))
    return v


def test_the_same_run_whatever_the_slices():
    state = {"tiny_size": "tiny", "tiny_seed": 4}
    a = train_to(state, 60, 5)                # many short slices
    b = train_to(state, 60, 100)              # a few long ones
    assert a["step"] == b["step"] == 60       # never past the link's step count
    assert a["curve"] == b["curve"] and a["heldout"] == b["heldout"]
    assert [s for s, _ in a["heldout"]] == [0, 25, 50]     # measured on fixed steps
    direct = _tiny.Run(_tiny.corpus("names"), "tiny", _tiny.DEFAULT_LR, 4)
    direct.train(60)
    assert a["curve"][-1][0] == 60 and direct.losses[-1][1] == pytest.approx(
        w._RUN["run"].losses[-1][1], abs=0)


def test_a_view_without_an_operation_keeps_the_run_and_reset_starts_again():
    state = {"tiny_size": "tiny"}
    v = train_to(state, 10, 40)
    assert w.view(state)["step"] == 10        # a plain view (the page re-rendering) keeps it
    assert w.view(dict(state, tiny_steps=10))["step"] == 10
    assert w.view(dict(state, _op="reset"))["step"] == 0
    assert v["bigram_loss"] == w.view(state)["bigram_loss"]
    assert w.view(dict(state, tiny_seed=1))["step"] == 0     # a dial changed: a new run


def test_the_view_reports_what_the_page_shows():
    v = w.view({})
    assert v["state"]["tiny_text"] == "names" and v["step"] == 0
    assert v["heldout"] and v["heldout"][0][0] == 0 and v["train_loss"] is None
    assert v["bigram_loss"] < v["heldout_loss"]                # untrained: worse than counting
    assert v["sample"]["step"] == 0 and v["sample"]["text"]
    assert set(v["sizes"]) == set(_tiny.SIZES) and v["params"] == v["sizes"]["small"]
    assert w.files({"tiny_text": "stories"}) == ["tiny/stories.txt"] and w.files(v["state"]) == []


def test_curve_averages_into_at_most_its_points():
    losses = [(i + 1, float(i % 2)) for i in range(1000)]
    c = w.curve(losses, points=100)
    assert len(c) == 100 and c[-1][0] == 1000 and all(p[1] == 0.5 for p in c)
    assert w.curve([]) == []


def test_memorising_is_the_held_out_loss_turning_up():
    class R:
        heldout = [(0, 3.0), (25, 2.0), (50, 1.5), (75, 1.6), (100, 1.7), (150, 1.8)]
    assert w.memorising(R)
    R.heldout = [(0, 3.0), (25, 2.0), (50, 1.9), (75, 1.8), (100, 1.7), (150, 1.6)]
    assert not w.memorising(R)


def test_an_exploding_learning_rate_stops_with_a_reason_and_finite_numbers():
    v = train_to({"tiny_lr": "10"}, 30, 40)
    assert v["diverged"] and "learning rate is too high" in v["diverged"]
    assert v["step"] < 30 and v["state"]["tiny_lr"] == "10"
    assert all(isinstance(x, float) and x == x for _, x in v["curve"] + v["heldout"])


def test_own_text_is_asked_for_kept_in_memory_and_checked():
    v = w.view({"tiny_text": "own"})
    assert v.get("need_text") and "links never carry" in v["error"]
    v = w.view({"tiny_text": "own", "_paste": "short"})
    assert "at least 500" in v["error"]
    text = "Ünïcode 🙂 tea\x07 and <b>bold</b> toast.\r\n" * 30
    v = w.view({"tiny_text": "own", "_paste": text})
    assert v["error"] is None and v["step"] == 0
    assert w.view({"tiny_text": "own", "_op": "train", "_ms": 20})["step"] >= 1   # kept


def test_bad_state_falls_back_to_defaults():
    v = w.view({"tiny_text": "<script>", "tiny_size": "huge", "tiny_lr": "1e9", "tiny_seed": -5,
                "tiny_steps": "x", "_op": "explode", "_ms": "slow", "_upto": "y"})
    assert v["state"] == {k: p.default for k, p in w.PARAMS.items()}
    assert w.view("nonsense")["state"] == v["state"]
