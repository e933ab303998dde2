"""widgets/_lm.py (the page's plain-Python model) against the numpy model it was trained as."""
import math
import random

import numpy as np
import pytest

from site_build.lab import checkpoint, model as M
from widgets import _bpe, _lm

CFG = dict(vocab=300, context=16, d_model=16, d_mlp=32, layers=2, heads=4)


@pytest.fixture(scope="module")
def pair():
    """A random model (std 0.3, so attention is far from uniform) in both implementations."""
    text = "the cat sat on the mat. 12 plus 7 is 19. " * 20
    merges = _bpe.train([text], CFG["vocab"])
    CFG["vocab"] = _bpe.Tokenizer(merges).vocab_size     # a small text has fewer merges to learn
    P = M.init(CFG, 3)
    rng = np.random.default_rng(4)
    P = {k: (v + rng.standard_normal(v.shape) * 0.3).astype(np.float32) for k, v in P.items()}
    data = checkpoint.dumps(P, CFG, merges, _bpe.SPECIALS, {"step": 0})
    P16, header = checkpoint.loads(data, np.float64)
    return P16, _lm.Model(data)


def test_file_round_trip_keeps_float16_values(pair):
    P16, m = pair
    assert m.config == CFG
    assert m.wte[5] == pytest.approx(list(P16["wte"][5]), abs=0)


@pytest.mark.parametrize("seed", range(5))
def test_plain_python_forward_equals_numpy(pair, seed):
    P16, m = pair
    rng = random.Random(seed)
    ids = [rng.randrange(m.tokenizer.vocab_size) for _ in range(rng.randint(1, CFG["context"]))]
    want = M.forward(P16, CFG, np.array([ids]))[0, -1]
    got = m.logits(ids)
    assert np.max(np.abs(np.array(got) - want)) < 1e-4
    maps = m.run(ids, attention=True)[2]
    ref = M.attention_maps(P16, CFG, ids)
    for l in range(CFG["layers"]):
        assert np.max(np.abs(np.array(maps[l]) - ref[l])) < 1e-4


def test_attention_is_causal_and_rows_sum_to_one(pair):
    _, m = pair
    maps = m.attention("the cat sat on the mat")
    T = len(m.encode("the cat sat on the mat"))
    assert len(maps) == CFG["layers"] and len(maps[0]) == CFG["heads"]
    for layer in maps:
        for head in layer:
            assert len(head) == T
            for q, row in enumerate(head):
                assert math.fsum(row) == pytest.approx(1.0, abs=1e-9)
                assert all(w == 0.0 for w in row[q + 1:])


def test_next_token_probs_cover_the_vocabulary_and_sum_to_one(pair):
    _, m = pair
    probs = m.next_token_probs("the cat")
    assert len(probs) == m.tokenizer.vocab_size
    assert math.fsum(p for _, p in probs) == pytest.approx(1.0, abs=1e-9)
    assert all(a[1] >= b[1] for a, b in zip(probs, probs[1:]))


def test_kv_cache_generation_equals_rereading_the_whole_text(pair):
    _, m = pair
    toks = m.generate_tokens("the cat", temperature=0, max_new_tokens=6)
    ids = m.encode("the cat")
    for t in toks:
        logits = m.logits(ids)
        assert t["id"] == max(range(len(logits)), key=lambda i: (logits[i], -i))
        ids.append(t["id"])


@pytest.mark.parametrize("seed", range(3))
def test_feeding_many_tokens_at_once_equals_feeding_them_one_by_one(pair, seed):
    """feed() takes a whole text a layer at a time (as run() and a slid window use it): the
    cache it leaves and the state it returns are the one-by-one ones, number for number."""
    _, m = pair
    rng = random.Random(seed)
    ids = [rng.randrange(m.tokenizer.vocab_size) for _ in range(CFG["context"])]
    cut = rng.randint(1, len(ids) - 1)
    whole, single = m.new_cache(), m.new_cache()
    m.feed(ids[:cut], whole, last=False)
    got = m.feed(ids[cut:], whole)
    for t in ids[:-1]:
        m.step(t, single, last=False)
    want = m.step(ids[-1], single)
    assert got == want and whole == single
    with pytest.raises(ValueError):
        m.feed(ids[:1], whole)                         # the context is full


def test_same_seed_same_reply_and_seeds_differ(pair):
    _, m = pair
    a = m.generate("the", temperature=1.0, seed=7, max_new_tokens=12)
    assert a == m.generate("the", temperature=1.0, seed=7, max_new_tokens=12)
    others = {m.generate("the", temperature=1.0, seed=s, max_new_tokens=12) for s in range(5)}
    assert len(others) > 1


def test_long_and_odd_text_is_clipped_not_an_error(pair):
    _, m = pair
    text = "héllo 🙂 мир " * 900                 # 10,000+ characters, other scripts, emoji
    assert len(m.encode(text)) > CFG["context"]
    maps = m.attention(text)
    assert len(maps[0][0]) == CFG["context"]
    reply = m.generate(text, temperature=0.8, seed=1, max_new_tokens=20)   # slides past the end
    assert isinstance(reply, str)
    assert m.next_token_probs("")[0][1] > 0


def test_cached_prefix_gives_the_same_answers_as_a_fresh_model(pair):
    P16, m = pair
    rng = random.Random(9)
    texts = ["the cat sat", "the cat sat on the mat", "the cat", "a dog sat", "the cat sat on"]
    for text in texts + [rng.choice(texts) + " 12" for _ in range(4)]:
        ids = m.encode(text)
        want = M.forward(P16, CFG, np.array([m.clip(ids)]))[0, -1]
        assert np.max(np.abs(np.array(m.logits(ids)) - want)) < 1e-4
        ref = M.attention_maps(P16, CFG, m.clip(ids))
        maps = m.attention(text)
        assert all(np.max(np.abs(np.array(maps[l]) - ref[l])) < 1e-4 for l in range(CFG["layers"]))
    # generating extends the cached sequence; the next call must not see the reply
    m.generate("the cat", temperature=1.0, seed=3, max_new_tokens=5)
    want = M.forward(P16, CFG, np.array([m.encode("the cat")]))[0, -1]
    assert np.max(np.abs(np.array(m.logits(m.encode("the cat"))) - want)) < 1e-4
