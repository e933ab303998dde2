import base64
import json
import math

import pytest

from widgets import generation_loop as w
from widgets._sampling import softmax
from widgets._text import visible


@pytest.fixture(scope="module")
def cl100k():
    """GPT-4's real tokenizer, built from the pinned npm tiktoken package's rank file."""
    tiktoken = pytest.importorskip("tiktoken")
    from site_build.npm import package_dir
    data = json.loads((package_dir("tiktoken") / "encoders" / "cl100k_base.json").read_text())
    ranks = {}
    for line in data["bpe_ranks"].split("\n"):
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        offset = int(parts[1])
        for i, piece in enumerate(parts[2:]):
            ranks[base64.b64decode(piece)] = offset + i
    return tiktoken.Encoding("cl100k_base", pat_str=data["pat_str"], mergeable_ranks=ranks,
                             special_tokens=data["special_tokens"])


@pytest.mark.parametrize("step", range(1, w.N_STEPS + 1))
def test_each_step_is_a_real_softmax(step):
    probs = w.probabilities(step)
    assert len(probs) == 5
    assert math.isclose(sum(probs), 1.0)
    logits = [x for _, x in w.STEPS[step - 1]]
    z = sum(math.exp(x) for x in logits)
    assert probs == pytest.approx([math.exp(x) / z for x in logits])
    assert probs == softmax(logits, w.TEMPERATURE)


@pytest.mark.parametrize("step", range(1, w.N_STEPS + 1))
def test_the_chosen_token_is_the_one_greedy_decoding_picks(step):
    view = w.view({"gen_step": step})
    probs = view["probs"]
    assert view["chosen"] == probs.index(max(probs))
    assert all(probs[view["chosen"]] > p for i, p in enumerate(probs) if i != view["chosen"])
    # The reply is exactly the sequence of picks so far.
    assert view["reply"] == [visible(t) for t in w.reply_tokens(step)]
    assert view["reply"][-1] == view["candidates"][view["chosen"]]
    assert f"Step {step} of {w.N_STEPS}: picked" in view["announce"]


def test_the_path_ends_with_the_end_token_and_only_there():
    tokens = w.reply_tokens()
    assert tokens[-1] == w.END
    assert w.END not in tokens[:-1]
    last = w.view({"gen_step": w.N_STEPS})
    assert last["done"] and "end token" in last["announce"]
    assert not any(w.view({"gen_step": s})["done"] for s in range(1, w.N_STEPS))


def test_the_answer_step_writes_the_wrong_digit_with_the_right_one_close():
    labels = [t for t, _ in w.STEPS[w.ANSWER_STEP - 1]]
    probs = w.probabilities(w.ANSWER_STEP)
    assert labels[w.pick(w.ANSWER_STEP)] == "2"
    assert labels[1] == "3" and probs[1] == sorted(probs)[-2]
    assert w.reply_text() == "There are 2 r's in \"strawberry\"."


def test_reply_pieces_are_how_cl100k_base_splits_the_reply(cl100k):
    ids = cl100k.encode(w.reply_text())
    assert [cl100k.decode([i]) for i in ids] == w.reply_tokens()[:-1]
    # The question's " strawberry" is one token; the reply's quoted word is three.
    assert len(cl100k.encode(" strawberry")) == 1


def test_every_candidate_is_a_single_cl100k_base_token(cl100k):
    for step in w.STEPS:
        for token, _ in step:
            if token != w.END:
                assert len(cl100k.encode(token)) == 1, token


@pytest.mark.parametrize("raw", [{}, None, "x", {"gen_step": "0"}, {"gen_step": "14"},
                                 {"gen_step": "2.5"}, {"gen_step": "NaN"}, {"gen_step": "<b>"},
                                 {"gen_step": True}, {"gen_step": -1}])
def test_bad_state_falls_back_to_the_first_step(raw):
    view = w.view(raw)
    assert view["state"] == {"gen_step": 1}
    assert view["step"] == 1 and view["reply"] == ["There"] and view["context"] == ""


def test_state_from_url_strings_and_bounds():
    assert w.view({"gen_step": "13"})["step"] == 13
    assert w.view({"gen_step": str(w.N_STEPS)})["done"]
    view = w.view({"gen_step": "5", "other": "x"})
    assert view["state"] == {"gen_step": 5}
    assert view["context"] == "There are 2" and view["text"] == "There are 2 r"


def test_spaces_and_line_breaks_are_made_visible():
    assert "␣" in w.view({"gen_step": 3})["reply"][-1]
    assert "↵↵" in w.view({"gen_step": w.N_STEPS})["candidates"]
