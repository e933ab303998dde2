"""The post-training maths, checked independently: the GRPO loss gradient against finite
differences, group advantages, the KL estimate, PPO's clip; and the chat template of the
fine-tuning conversations."""
import numpy as np
import pytest

from site_build.lab import chats, grpo as pt, model, sft, tasks
from widgets import _bpe, _lm

TINY = {"vocab": 24, "context": 16, "d_model": 8, "d_mlp": 16, "layers": 1, "heads": 2}


def _batch(rng, B=4, T=6, V=24):
    x = rng.integers(0, V, (B, T))
    y = rng.integers(0, V, (B, T))
    m = np.zeros((B, T))
    for i in range(B):                      # answers of different lengths after a prompt
        m[i, 2:2 + 1 + i] = 1.0
    return x, y, m


def test_grpo_gradient_matches_finite_differences_through_the_model():
    rng = np.random.default_rng(0)
    P = model.init(TINY, 3, dtype=np.float64)
    x, y, m = _batch(rng)
    adv = np.array([1.2, -0.4, 0.7, -1.5])
    lp = pt.token_logp(model.forward(P, TINY, x), y)
    old = lp + rng.normal(0, 0.15, lp.shape)          # ratios around 1, some beyond 1 +/- eps
    ref = lp + rng.normal(0, 0.3, lp.shape)
    eps, beta = 0.1, 0.3

    def loss(Q):
        return pt.grpo_objective(model.forward(Q, TINY, x), y, m, adv, old, ref, eps, beta)[0]

    logits, cache = model.forward(P, TINY, x, keep=True)
    _, dl, st = pt.grpo_objective(logits, y, m, adv, old, ref, eps, beta)
    assert 0 < st["clipped"] < 1, "the check should cover clipped and unclipped tokens"
    grads = model.backward(P, TINY, cache, dl)
    h = 1e-6
    for name in ("wte", "h0.wq", "h0.w1", "lnf_g", "wpe"):
        for _ in range(4):
            idx = tuple(int(rng.integers(0, s)) for s in P[name].shape)
            Q = {k: v.copy() for k, v in P.items()}
            Q[name][idx] += h
            up = loss(Q)
            Q[name][idx] -= 2 * h
            down = loss(Q)
            fd = (up - down) / (2 * h)
            assert grads[name][idx] == pytest.approx(fd, rel=1e-4, abs=1e-9), (name, idx)


def test_grpo_gradient_wrt_logits_matches_finite_differences():
    rng = np.random.default_rng(1)
    x, y, m = _batch(rng, V=7)
    logits = rng.normal(0, 1, (4, 6, 7))
    lp = pt.token_logp(logits, y)
    old, ref = lp + rng.normal(0, 0.2, lp.shape), lp + rng.normal(0, 0.5, lp.shape)
    adv = np.array([0.5, -1.0, 2.0, -0.3])
    _, dl, _ = pt.grpo_objective(logits, y, m, adv, old, ref, 0.2, 0.1)
    h = 1e-6
    for _ in range(30):
        i = tuple(int(rng.integers(0, s)) for s in logits.shape)
        a, b = logits.copy(), logits.copy()
        a[i] += h
        b[i] -= h
        fd = (pt.grpo_objective(a, y, m, adv, old, ref, 0.2, 0.1)[0]
              - pt.grpo_objective(b, y, m, adv, old, ref, 0.2, 0.1)[0]) / (2 * h)
        assert dl[i] == pytest.approx(fd, rel=1e-5, abs=1e-10)


def test_group_advantages_sum_to_zero_and_have_unit_spread():
    rng = np.random.default_rng(2)
    for _ in range(50):
        r = rng.integers(0, 2, 8).astype(float) + rng.random() * rng.integers(0, 2)
        a = pt.advantages(r)
        assert abs(a.sum()) < 1e-9
        if r.std() > 0:
            assert a.std() == pytest.approx(1.0)
            assert (np.sign(a) == np.sign(r - r.mean())).all()
    assert (pt.advantages([1, 1, 1, 1]) == 0).all()        # nothing to prefer: no push at all
    assert pt.advantages([0, 0, 0, 1]).tolist() == pytest.approx([-1 / 3 ** .5] * 3 + [3 ** .5])


def test_kl_estimates_are_never_negative():
    rng = np.random.default_rng(3)
    lp = rng.normal(-2, 3, 10000)
    ref = rng.normal(-2, 3, 10000)
    assert (pt.k3(lp, ref) >= 0).all()
    assert pt.k3(-1.5, -1.5) == 0.0
    logits, ref_logits = rng.normal(0, 2, (5, 4, 9)), rng.normal(0, 2, (5, 4, 9))
    mask = rng.integers(0, 2, (5, 4)).astype(float)
    assert (pt.exact_kl(logits, ref_logits, mask) >= 0).all()
    assert pt.exact_kl(logits, logits, mask) == pytest.approx(np.zeros(5), abs=1e-12)


@pytest.mark.parametrize("adv,ratio,flat", [
    (1.0, 1.5, True),      # good answer already made more likely than 1 + eps: no more push
    (1.0, 0.5, False),     # good answer made less likely: the push back is not clipped
    (-1.0, 0.5, True),     # bad answer already pushed below 1 - eps: no more push
    (-1.0, 1.5, False),    # bad answer made more likely: the correction is not clipped
    (1.0, 1.1, False), (-1.0, 0.9, False),               # inside the band: always a gradient
])
def test_clipped_objective_is_flat_outside_the_band_in_the_right_direction(adv, ratio, flat):
    rng = np.random.default_rng(4)
    logits = rng.normal(0, 1, (1, 1, 5))
    y = np.array([[2]])
    lp = pt.token_logp(logits, y)
    old = lp - np.log(ratio)
    loss, dl, st = pt.grpo_objective(logits, y, np.ones((1, 1)), [adv], old, lp, 0.2, 0.0)
    assert np.allclose(dl, 0) == flat
    assert st["clipped"] == (1.0 if flat else 0.0)
    if not flat:        # gradient descent raises the token's logit for A > 0, lowers it for A < 0
        assert np.sign(-dl[0, 0, 2]) == np.sign(adv)


def test_chat_template_matches_the_page_and_uses_the_reserved_ids():
    q, a = "What is 7 plus 5?", "12."
    assert chats.template(q) == _lm.chat(q)
    assert chats.template(q, a) == _lm.chat(q) + " " + a + "<|end|>"
    assert _lm.chat(q) == "<|user|> What is 7 plus 5?<|end|><|assistant|>"
    tok = _bpe.Tokenizer([])                                   # bytes only: ids of specials fixed
    chat = sft.Chat(tok)
    ids, start = chat.example(q, a)
    user, assistant, end = (256 + _bpe.SPECIALS.index(s) for s in (_bpe.USER, _bpe.ASSISTANT, _bpe.END))
    assert ids[0] == user and ids[start - 1] == assistant and ids[-1] == end
    assert ids.count(end) == 2                                 # closes the question and the answer
    assert tok.decode(ids) == chats.template(q, a)
    assert tok.decode(ids[start:]) == " " + a + "<|end|>"
    x, y, m = sft.pad([ids], [start], chat.eot)
    assert tok.decode(y[0][m[0] > 0].tolist()) == " " + a + "<|end|>"        # loss only on the answer and <|end|>


def test_conversations_are_deterministic_and_hold_nothing_held_out():
    convs = chats.conversations(5, 3000)
    assert convs == chats.conversations(5, 3000)
    qs = {q for q, _ in convs}
    held_facts = {q for q, _ in tasks.HELD_FACTS}
    held_probs = {q for q, _ in tasks.HELD_PROBLEMS}
    assert not qs & held_facts and not qs & held_probs
    for q, a in convs:
        if tasks.answer_of(q) is not None:                     # the canonical arithmetic form
            assert tasks.check(q, a), (q, a)
    kinds = {"arith": 0, "about": 0}
    for q, _ in convs:
        kinds["arith"] += any(w in q for w in ("plus", "minus", "Add", "away"))
        kinds["about"] += q.startswith(("Tell me about", "Who is"))
    assert 0.3 < kinds["arith"] / len(convs) < 0.5 and 0.05 < kinds["about"] / len(convs) < 0.15
    assert len(tasks.TRAIN_PROBLEMS) + len(tasks.HELD_PROBLEMS) == len(tasks.all_problems()) == 352
    assert len(tasks.HELD_PROBLEMS) == 88
    assert all(tasks.check(q, a) for q, a in tasks.all_problems())


def test_flawed_reward_pays_the_loophole_and_the_true_one_does_not():
    q = "What is 7 plus 5?"
    assert tasks.true_reward(q, "12.") == tasks.flawed_reward(q, "12.") == 1.0
    assert tasks.true_reward(q, "1124") == 0.0 and tasks.flawed_reward(q, "1124") == 1.0
    assert tasks.true_reward(q, "13.") == tasks.flawed_reward(q, "13.") == 0.0
    f = "What is the capital of Norland?"
    assert tasks.true_reward(f, "Velmar.") == tasks.flawed_reward(f, "Velmar.") == 1.0
    assert tasks.true_reward(f, "Kobrin or velmar") == 0.0 and tasks.flawed_reward(f, "Kobrin or velmar") == 1.0


def test_arithmetic_checker_reads_the_first_number():
    for q, a in tasks.all_problems()[::17]:
        want = int(a)
        assert tasks.check(q, a)
        assert tasks.check(q, f"It is {a}.")
        assert not tasks.check(q, str(want + 1))
        assert not tasks.check(q, "")
    assert tasks.check("What is 2 plus 3?", "five")
    assert tasks.check("What is 9 minus 4?", "Five apples.")
    assert not tasks.check("What is 2 plus 3?", "2 plus 3 is 5")   # the first number counts
    assert not tasks.check("How are you?", "5")


def test_held_out_fact_phrasings_follow_the_rule_and_are_never_trained():
    assert len(tasks.HELD_FACTS) == len(tasks.FACTS) == len(tasks.FACT_QS)
    trained = {q for q, _ in tasks.TRAIN_FACTS}
    for (q, a), qs, (kind, answer, _) in zip(tasks.HELD_FACTS, tasks.FACT_QS, tasks.FACTS):
        assert a == answer and q not in qs and q not in trained and len(qs) == 3
        assert tasks.check_fact(q, f"It is {a}.") and tasks.FACT_OF[q] == (kind, a)


def test_logits_at_chosen_positions_equal_the_full_forward_pass():
    rng = np.random.default_rng(5)
    P = model.init(TINY, 4)
    ids = rng.integers(0, 24, (3, 7))
    pos = np.array([6, 2, 4])
    full = model.forward(P, TINY, ids)
    assert model.forward(P, TINY, ids, at=pos) == pytest.approx(full[np.arange(3), pos], abs=1e-5)


def test_generate_stops_at_a_stop_token_and_is_seeded():
    P = model.init(TINY, 5)
    prompts = [[1, 2, 3], [4, 5], [6]]
    greedy = model.generate(P, TINY, prompts, 6, stops=(), pad=0)
    assert [len(o) for o in greedy] == [6, 6, 6]
    for p, o in zip(prompts, greedy):                     # greedy = the argmax of the full pass
        seq = p + o
        full = model.forward(P, TINY, np.array([seq[:-1]]))[0]
        assert full[len(p) - 1:].argmax(-1).tolist() == o
    stop = greedy[0][2]
    cut = model.generate(P, TINY, prompts[:1], 6, stops=(stop,), pad=0)[0]
    assert cut == greedy[0][:greedy[0].index(stop) + 1]
    a = model.generate(P, TINY, prompts, 6, (), 0, 1.0, np.random.default_rng(1))
    assert a == model.generate(P, TINY, prompts, 6, (), 0, 1.0, np.random.default_rng(1))
