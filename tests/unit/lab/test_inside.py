"""Looking inside the lab model (issue 20's contract): the logit lens and one head's arithmetic
in widgets/_lm.py, checked against the numpy model (site_build/lab/model.py, `trace`) and against
the page model's own attention maps and prediction. On a small random model, with random texts,
texts longer than the context and characters the world never uses; and on the real model."""
import math
import random

import numpy as np
import pytest

from site_build.lab import checkpoint, model as M
from widgets import _bpe, _lm

CFG = dict(vocab=300, context=16, d_model=16, d_mlp=32, layers=2, heads=4)
ODD = ["", "x", "東京 ünïcödé 😀\x00\t\n", "the cat " * 40, "<|user|> hi<|end|>"]


@pytest.fixture(scope="module")
def pair():
    text = "the cat sat on the mat. 12 plus 7 is 19. " * 20
    merges = _bpe.train([text], CFG["vocab"])
    cfg = {**CFG, "vocab": _bpe.Tokenizer(merges).vocab_size}
    P = M.init(cfg, 5)
    rng = np.random.default_rng(6)
    P = {k: (v + rng.standard_normal(v.shape) * 0.3).astype(np.float32) for k, v in P.items()}
    data = checkpoint.dumps(P, cfg, merges, _bpe.SPECIALS, {"step": 0})
    P16, _ = checkpoint.loads(data, np.float64)
    return P16, cfg, _lm.Model(data)


def texts():
    rng = random.Random(7)
    words = ["the", "cat", "sat", "mat", "12", "plus", "7", "is", "19", ".", "Zq", "ñ"]
    return ODD + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(6)]


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


@pytest.mark.parametrize("text", texts())
def test_lens_agrees_with_numpy_and_ends_at_the_real_prediction(pair, text):
    P, cfg, m = pair
    ids = m.clip(m.encode(text)) or [m.eot]
    stages, _ = M.trace(P, cfg, ids)
    for position in (-1, 0, len(ids) // 2):
        lens = m.lens(text, position=position, top=5)
        assert len(lens) == cfg["layers"] + 1
        for stage, got in zip(stages, lens):
            x = stage[position]
            n = (x - x.mean()) / np.sqrt(x.var() + M.EPS) * P["lnf_g"] + P["lnf_b"]
            want = softmax(n @ P["wte"].T)
            top = np.argsort(-want, kind="stable")[:5]
            assert [p for _, p in got] == pytest.approx(list(want[top]), abs=1e-4)
    real = m.next_token_probs(text)[:5]
    last = m.lens(text)[-1]
    assert [piece for piece, _ in last] == [piece for piece, _ in real]
    assert [p for _, p in last] == pytest.approx([p for _, p in real], abs=1e-9)


@pytest.mark.parametrize("text", texts())
def test_head_steps_agree_with_numpy_and_with_the_attention_map(pair, text):
    P, cfg, m = pair
    ids = m.clip(m.encode(text)) or [m.eot]
    _, attn = M.trace(P, cfg, ids)
    maps = m.attention(text)
    rng = random.Random(len(ids))
    for _ in range(4):
        layer, head = rng.randrange(cfg["layers"]), rng.randrange(cfg["heads"])
        pos = rng.randrange(len(ids))
        s = m.head_steps(text, layer, head, pos)
        ca = attn[layer]
        assert s["query"] == pytest.approx(list(ca.q[0, head, pos]), abs=1e-4)
        assert np.array(s["keys"]) == pytest.approx(ca.k[0, head, :pos + 1], abs=1e-4)
        assert np.array(s["values"]) == pytest.approx(ca.v[0, head, :pos + 1], abs=1e-4)
        scores = ca.q[0, head, pos] @ ca.k[0, head, :pos + 1].T * ca.scale
        assert s["scores"] == pytest.approx(list(scores), abs=1e-4)
        assert s["weights"] == pytest.approx(list(ca.a[0, head, pos, :pos + 1]), abs=1e-4)
        assert s["weights"] == pytest.approx(maps[layer][head][pos][:pos + 1], abs=1e-12)
        assert sum(s["weights"]) == pytest.approx(1.0)
        blend = ca.a[0, head, pos, :pos + 1] @ ca.v[0, head, :pos + 1]
        assert s["output"] == pytest.approx(list(blend), abs=1e-4)


def test_updates_are_the_lengths_of_each_halfs_step(pair):
    P, cfg, m = pair
    t = m.trace(m.encode("the cat sat on the mat"))
    stages = t["stages"]
    for l, u in enumerate(t["updates"]):
        for i in range(len(t["ids"])):
            moved = math.dist(stages[l][i], stages[l + 1][i])
            assert moved <= u["attn"][i] + u["mlp"][i] + 1e-9        # the triangle inequality


def test_positions_outside_the_text_are_refused(pair):
    _, _, m = pair
    n = len(m.clip(m.encode("the cat")))
    with pytest.raises(IndexError):
        m.lens("the cat", position=n)
    with pytest.raises(IndexError):
        m.head_steps("the cat", 0, 0, -n - 1)


def test_the_real_model_forms_the_answer_layer_by_layer():
    m = _lm.load("base")
    lens = m.lens("The capital of Norland is")
    assert lens[-1][0][0] == " Velmar"                   # the real prediction, at the last stage
    assert len(lens) == m.config["layers"] + 1


def test_the_weights_are_the_softmax_of_the_scores(pair):
    _, cfg, m = pair
    for layer in range(cfg["layers"]):
        s = m.head_steps("the cat sat on the mat. 12 plus", layer, 1, -1)
        want = softmax(np.array(s["scores"]))
        assert s["weights"] == pytest.approx(list(want), abs=1e-12)


def test_a_trace_is_kept_for_one_text_and_redone_for_another(pair):
    P, cfg, m = pair
    a, b = m.encode("the cat sat"), m.encode("12 plus 7 is 19")
    first = m.trace(a)
    assert m.trace(a) is first                           # kept: the views ask many times
    other = m.trace(b)
    assert other["ids"] == b
    stages, _ = M.trace(P, cfg, b)
    assert np.array(other["stages"]) == pytest.approx(stages, abs=1e-4)
    again = m.trace(a)
    assert again["stages"] == first["stages"]


def test_a_new_text_reuses_the_shared_start_and_equals_a_trace_from_scratch(pair):
    """Typing re-reads only from the first token that differs; the result must be exactly what a
    trace from scratch gives (extended, edited in the middle, shortened, past the context), and
    the kept trace it started from must not change."""
    P, cfg, m = pair
    base = m.encode("The capital of Norland is Velmar, and the river runs")
    edits = [base + m.encode(" to the sea"), base[:4] + m.encode(" Kelby") + base[5:],
             base[:3], base[:3] + base[3:], list(range(5, 5 + cfg["context"] + 9))]
    m._traced = None
    for ids in [base] + edits:
        before = m._traced
        kept = None if before is None else {k: repr(v) for k, v in before.items()}
        got = m.trace(ids)
        m._traced = None
        scratch = m.trace(ids)
        m._traced = got
        assert got == scratch
        if kept is not None:
            assert {k: repr(v) for k, v in before.items()} == kept
