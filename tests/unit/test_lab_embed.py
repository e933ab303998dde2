"""The lab model's meaning-space: neighbours and analogies on the real vectors, checked by numpy."""
import math

import numpy as np
import pytest

from widgets import _labview as lab
from widgets import lab_embed as w


@pytest.fixture(scope="module")
def table():
    m = lab.model()
    ids, vecs = w.table(m)
    mat = np.array([vecs[i] for i in ids])
    return m, ids, mat / np.linalg.norm(mat, axis=1, keepdims=True)


def brute_nearest(table, vec, exclude):
    m, ids, unit = table
    cos = unit @ (np.array(vec) / np.linalg.norm(vec))
    order = [ids[k] for k in np.argsort(-cos, kind="stable") if ids[k] not in exclude]
    return order, {ids[k]: cos[k] for k in range(len(ids))}


def test_view_contract_and_defaults():
    v = w.view({})
    assert v["state"] == {k: p.default for k, p in w.PARAMS.items()}
    assert v["points"] and len({p["id"] for p in v["points"]}) == len(v["points"])
    assert all(0 <= p["id"] < lab.model().config["vocab"] for p in v["points"])
    assert len(v["neighbours"]) == w.NEIGHBOURS


def test_neighbours_are_the_nearest_by_cosine(table):
    m = table[0]
    v = w.view({"lab_word": "dog"})
    ids = v["word"]["ids"]
    order, cos = brute_nearest(table, w.vector(m, ids), set(ids))
    assert [n["id"] for n in v["neighbours"]] == order[:w.NEIGHBOURS]
    for n in v["neighbours"]:
        assert n["cos"] == pytest.approx(cos[n["id"]], abs=1e-4)
        assert -1 <= n["cos"] <= 1


def test_analogy_is_computed_and_judged_honestly(table):
    m = table[0]
    s = {k: w.PARAMS[k].default for k in ("lab_a", "lab_b", "lab_c", "lab_expect")}
    an = w.view({})["analogy"]
    assert an["ok"]
    va, vb, vc = (w.vector(m, w.word_ids(m, s[k])) for k in ("lab_a", "lab_b", "lab_c"))
    target = [x - y + z for x, y, z in zip(va, vb, vc)]
    exclude = {i for k in ("lab_a", "lab_b", "lab_c") for i in w.word_ids(m, s[k])}
    order, _ = brute_nearest(table, target, exclude)
    assert [r["id"] for r in an["results"]] == order[:w.RESULTS]
    expect = w.word_ids(m, s["lab_expect"])
    if len(expect) == 1:
        assert an["expect_rank"] == order.index(expect[0]) + 1
        assert an["works"] == (an["expect_rank"] == 1)


def test_bad_state_falls_back_to_defaults():
    v = w.view({"lab_word": ["x"], "lab_a": 3, "lab_expect": "y" * 41})
    assert v["state"] == {k: p.default for k, p in w.PARAMS.items()}


@pytest.mark.parametrize("word", ["", "   ", "🙂", "日本", "<|endoftext|>", "xylophonequartz",
                                  "a b c", "\x00"])
def test_odd_words_do_not_throw(word):
    v = w.view({"lab_word": word, "lab_a": word, "lab_b": "Norland", "lab_c": word,
                "lab_expect": word})
    if not word.strip():
        assert v["neighbours"] == [] and not v["analogy"]["ok"]
    else:
        assert v["neighbours"]
    for n in v["neighbours"]:
        assert n["shown"].isprintable() and math.isfinite(n["cos"])


def test_a_split_word_uses_the_average_vector():
    m = lab.model()
    d = w.describe_word(m, "xylophonequartz")
    assert d["split"] and len(d["ids"]) > 1
    rows = [w.table(m)[1][i] for i in d["ids"]]
    assert w.vector(m, d["ids"]) == pytest.approx([sum(c) / len(rows) for c in zip(*rows)])


def test_the_default_analogy_is_a_pair_from_the_world():
    from site_build.lab import world
    d = {k: w.PARAMS[k].default for k in ("lab_a", "lab_b", "lab_c", "lab_expect")}
    assert world.ANIMALS[d["lab_b"]] == d["lab_a"] and world.ANIMALS[d["lab_c"]] == d["lab_expect"]
