"""Ask the lab model: the real next-token distribution, the dials on real logits, the seeded loop."""
import math

import pytest

from widgets import _labview as lab
from widgets import lab_ask as w

ODD = ["", " ", "🙂🙂🙂 naïve café — 日本語のテキスト", "<|endoftext|><|user|>", "\x00\x01\n\t",
       "zzzz qqqq xylophone"]


@pytest.fixture(scope="module")
def m():
    return lab.model()


def test_view_contract_and_defaults():
    v = w.view({})
    assert v["state"] == {k: p.default for k, p in w.PARAMS.items()}
    assert len(v["rows"]) == w.SHOWN and v["reply"] == [] and not v["clip_note"]
    assert [t["text"] for t in v["prompt_tokens"]]
    assert v["rest_count"] + w.SHOWN == v["vocab"]


def test_bad_state_falls_back_to_defaults():
    v = w.view({"lab_prompt": 5, "lab_temp": "hot", "lab_top_k": "-1", "lab_top_p": "0",
                "lab_seed": "1e400", "lab_n": "NaN", "other": "<b>x</b>"})
    assert v["state"] == {k: p.default for k, p in w.PARAMS.items()}
    assert w.view("not a dict")["state"] == v["state"]
    too_long = "a" * (w.PARAMS["lab_prompt"].max_len + 1)
    assert w.view({"lab_prompt": too_long})["state"]["lab_prompt"] == w.PARAMS["lab_prompt"].default


def test_probabilities_sum_to_one_over_the_whole_vocabulary():
    v = w.view({"lab_temp": "1.3", "lab_top_p": "0.9"})
    assert v["vocab"] == lab.model().config["vocab"]
    assert math.isclose(v["total_p"], 1.0, abs_tol=1e-9)
    assert math.isclose(v["total_q"], 1.0, abs_tol=1e-9)
    shown_p = sum(r["p"] for r in v["rows"])
    assert math.isclose(shown_p + v["rest_p"], 1.0, abs_tol=1e-9)
    ps = [r["p"] for r in v["rows"]]
    assert ps == sorted(ps, reverse=True)


def test_candidates_match_softmax_of_the_models_logits(m):
    """Independent arithmetic: softmax(logits / T) by hand, for the top row."""
    prompt = w.PARAMS["lab_prompt"].default
    ids = m.encode(prompt)
    logits = m.logits(ids)
    t = 0.5
    top = max(logits)
    z = sum(math.exp((x - top) / t) for x in logits)
    v = w.view({"lab_temp": t})
    best = v["rows"][0]
    assert logits[best["id"]] == top
    assert best["q"] == pytest.approx(1.0 / z, rel=1e-9)


def test_dials_cut_the_candidates():
    greedy = w.view({"lab_temp": 0})
    assert greedy["greedy"] and greedy["rows"][0]["q"] == 1.0 and greedy["kept"] == 1
    top3 = w.view({"lab_top_k": 3})
    assert top3["kept"] == 3 and [r["q"] > 0 for r in top3["rows"]][:4] == [True, True, True, False]
    nucleus = w.view({"lab_top_p": 0.05})
    assert nucleus["kept"] == 1


def test_same_seed_same_reply_and_one_more_token_extends_it():
    a = w.view({"lab_n": 6, "lab_seed": 7})
    b = w.view({"lab_n": "6", "lab_seed": "7"})
    assert a["reply_text"] == b["reply_text"] and len(a["reply"]) <= 6
    lab._WRITERS.clear()                       # and the same again from a cold start
    assert w.view({"lab_n": 6, "lab_seed": 7})["reply_text"] == a["reply_text"]
    longer = w.view({"lab_n": 9, "lab_seed": 7})
    assert [t["id"] for t in longer["reply"][:len(a["reply"])]] == [t["id"] for t in a["reply"]]
    replies = {w.view({"lab_n": 5, "lab_seed": s, "lab_temp": 1.5})["reply_text"] for s in (1, 2, 3)}
    assert len(replies) > 1                    # the seed matters at a high temperature


def test_greedy_reply_is_the_argmax_loop(m):
    """Temperature 0 must write exactly what repeatedly taking the top logit writes (computed
    here by full forward passes, without the model's KV cache)."""
    prompt = w.PARAMS["lab_prompt"].default
    ids = m.encode(prompt)
    end = m.encode(lab.END)[0]
    expected = []
    for _ in range(5):
        logits = m.logits(ids + expected)
        pick = max(range(len(logits)), key=lambda i: (logits[i], -i))
        if pick == end:
            break
        expected.append(pick)
    v = w.view({"lab_temp": 0, "lab_n": 5})
    assert [t["id"] for t in v["reply"]] == expected
    assert all(t["p"] == 1.0 for t in v["reply"])
    assert v["stopped"] == (len(expected) < 5)


def test_the_loop_is_the_models_own_generation_loop(m):
    """The view's loop (kept between views) writes exactly what _lm's generate_tokens writes."""
    ids = m.encode("Once upon a time,")
    for t, k, p, seed in ((0.8, 0, 1.0, 1), (1.5, 5, 0.9, 42)):
        got, probs, _ = lab.reply(m, ids, t, k, p, seed, 3)
        m.attention("Something else entirely.")                  # the model reads other text
        lab.reply(m, ids, t, k, p, seed, 7)                      # then the reply goes on
        got7, probs7, _ = lab.reply(m, ids, t, k, p, seed, 7)
        ref = m.generate_tokens("", temperature=t, top_k=k, top_p=p, seed=seed,
                                max_new_tokens=7, ids=ids)
        assert got7 == [r["id"] for r in ref] and got == got7[:3]
        assert probs7 == pytest.approx([r["p"] for r in ref])


def test_drawn_tokens_respect_top_k():
    v = w.view({"lab_top_k": 2, "lab_temp": 2.0, "lab_n": 12, "lab_seed": 3})
    assert all(t["p"] > 0 for t in v["reply"])


@pytest.mark.parametrize("text", ODD)
def test_odd_prompts_do_not_throw(text):
    v = w.view({"lab_prompt": text, "lab_n": 2})
    assert math.isclose(v["total_q"], 1.0, abs_tol=1e-9)
    for t in v["prompt_tokens"] + v["rows"]:
        assert isinstance(t["shown"], str) and t["shown"].isprintable()


def test_long_text_is_clipped_with_a_note(m):
    c = m.config["context"]
    ids, total = lab.encode_clipped(m, "The capital of Norland is Velmar. " * 400)   # ~13,600 chars
    assert len(ids) == c and total > c
    v = w.view({"lab_prompt": "🙂" * 900, "lab_n": 1})          # 900 characters, 3,600 bytes
    assert v["n_prompt_tokens"] > c and len(v["prompt_tokens"]) == c
    assert str(c) in v["clip_note"] and "clipped" in v["clip_note"]
    assert len(v["reply"]) <= 1 and abs(v["total_q"] - 1) < 1e-9


def test_the_default_prompt_is_a_held_out_phrasing_of_a_world_fact():
    """The chapter says the model never read the default prompt followed by its answer."""
    from site_build.lab import world
    assert w.PARAMS["lab_prompt"].default in dict(world.FACTS)


def test_a_long_reply_comes_in_slices_that_add_up_to_the_whole():
    state = {"lab_prompt": "Once upon a time,", "lab_n": 60, "lab_seed": 5}
    whole = w.view(state)
    assert not whole["partial"]
    lab._WRITERS.clear()                       # start the same reply again, slice by slice
    first = w.view(dict(state, _ms=5))
    assert first["partial"] and 1 <= len(first["reply"]) < 60
    seen = [len(first["reply"])]
    v = first
    while v["partial"]:
        v = w.view(dict(state, _ms=5))
        seen.append(len(v["reply"]))
    assert seen == sorted(seen) and v["reply"] == whole["reply"] and v["rows"] == whole["rows"]
