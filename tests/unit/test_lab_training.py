"""Watch the lab model learn: one checkpoint of the real training history at a time."""
import math

from widgets import lab_training as w


def test_history_is_in_training_order_and_finite():
    cps = w.history()["checkpoints"]
    assert len(cps) >= 2
    steps = [c["step"] for c in cps]
    assert steps == sorted(steps) and len(set(steps)) == len(steps)
    for c in cps:
        assert math.isfinite(c["train_loss"]) and math.isfinite(c["heldout_loss"])


def test_it_learned():
    cps = w.history()["checkpoints"]
    assert cps[-1]["heldout_loss"] < cps[0]["heldout_loss"]
    assert cps[-1]["train_loss"] < cps[0]["train_loss"]


def test_default_is_the_last_checkpoint():
    v = w.view({})
    assert v["state"] == {"lab_ckpt": -1}
    assert v["index"] == v["count"] - 1 and v["last"]
    assert v["checkpoint"] == w.history()["checkpoints"][-1]
    assert v["perplexity"] == math.exp(v["checkpoint"]["heldout_loss"])


def test_picking_a_checkpoint():
    v = w.view({"lab_ckpt": "0"})
    assert v["index"] == 0 and v["first"] and v["checkpoint"]["step"] == v["steps"][0]
    assert len(v["steps"]) == v["count"] and v["train"] and v["heldout"]
    assert all(a[0] < b[0] for a, b in zip(v["train"], v["train"][1:]))       # in step order
    assert v["checkpoint"]["samples"] and all(s["prompt"] for s in v["checkpoint"]["samples"])


def test_trailing_mean_by_hand():
    assert w.trailing_mean([4.0, 2.0, 6.0, 8.0], 2, n=2) == 4.0
    assert w.trailing_mean([4.0, 2.0, 6.0, 8.0], 0, n=25) == 4.0
    assert w.trailing_mean([4.0, 2.0, 6.0, 8.0], 99, n=3) == (2 + 6 + 8) / 3


def test_bad_state_falls_back():
    for raw in ("x", "1.5", "-3", "1e9", None, True):
        v = w.view({"lab_ckpt": raw})
        assert v["index"] == v["count"] - 1
    assert w.view({"lab_ckpt": 10_000})["index"] == w.view({})["index"]    # past the end: last
