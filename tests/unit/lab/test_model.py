"""The lab model's numpy maths: every gradient against finite differences, the causal mask, the
loss and the optimiser."""
import numpy as np
import pytest

from site_build.lab import model as M

CFG = dict(vocab=13, context=8, d_model=8, d_mlp=12, layers=2, heads=2)


def _setup(seed=1):
    P = M.init(CFG, 0, np.float64)
    rng = np.random.default_rng(seed)
    for k in P:                         # move away from the symmetric start (ones, zeros)
        P[k] = P[k] + rng.standard_normal(P[k].shape) * 0.3
    ids = rng.integers(0, CFG["vocab"], (2, 7))
    targets = rng.integers(0, CFG["vocab"], (2, 7))
    weights = rng.random((2, 7))
    return P, ids, targets, weights, rng


@pytest.mark.parametrize("name", list(M.param_shapes(CFG)))
def test_every_parameter_gradient_matches_finite_differences(name):
    P, ids, targets, weights, rng = _setup()
    logits, cache = M.forward(P, CFG, ids, keep=True)
    _, dlogits = M.cross_entropy(logits, targets, weights)
    grads = M.backward(P, CFG, cache, dlogits)
    loss = lambda: M.cross_entropy(M.forward(P, CFG, ids), targets, weights)[0]
    flat = P[name].reshape(-1)
    for i in rng.choice(flat.size, size=min(6, flat.size), replace=False):
        old = flat[i]
        flat[i] = old + 1e-6
        up = loss()
        flat[i] = old - 1e-6
        down = loss()
        flat[i] = old
        numeric = (up - down) / 2e-6
        assert grads[name].reshape(-1)[i] == pytest.approx(numeric, rel=1e-4, abs=1e-8)


def test_causal_mask_future_tokens_change_nothing_earlier():
    P, ids, *_ = _setup()
    changed = ids.copy()
    changed[:, 4:] = (changed[:, 4:] + 1) % CFG["vocab"]
    a, b = M.forward(P, CFG, ids), M.forward(P, CFG, changed)
    np.testing.assert_allclose(a[:, :4], b[:, :4], atol=1e-12)
    assert not np.allclose(a[:, 4:], b[:, 4:])
    for layer in M.attention_maps(P, CFG, ids[0]):
        np.testing.assert_allclose(layer.sum(-1), 1.0, atol=1e-12)
        assert np.all(np.triu(layer, 1) == 0)


def test_cross_entropy_of_uniform_logits_is_log_vocab():
    logits = np.zeros((1, 3, CFG["vocab"]))
    loss, _ = M.cross_entropy(logits, np.array([[1, 2, 3]]))
    assert loss == pytest.approx(np.log(CFG["vocab"]))


def test_adamw_learns_a_fixed_sequence():
    P = M.init(CFG, 0)
    opt = M.AdamW(P, 1e-2)
    ids = np.array([[1, 2, 3, 4, 5, 6, 7, 8]])
    first = None
    for _ in range(60):
        logits, cache = M.forward(P, CFG, ids[:, :-1], keep=True)
        loss, dl = M.cross_entropy(logits, ids[:, 1:])
        first = first if first is not None else loss
        opt.step(P, M.backward(P, CFG, cache, dl))
    assert first > 2.0 and loss < 0.1
