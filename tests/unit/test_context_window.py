"""Context window: the stored token pieces are tiktoken's, and the visibility logic is right."""
import pytest

from widgets import context_window as w


def test_stored_pieces_are_exactly_tiktokens_cl100k_tokens():
    from site_build.tokenizer_data import tiktoken_encoding
    enc = tiktoken_encoding(w.ENCODING)
    ids = enc.encode(w.passage(), disallowed_special=())
    pieces = [enc.decode_single_token_bytes(i).decode("utf-8") for i in ids]
    stored = [t for _, tokens, _ in w.FACTS for t in tokens] + list(w.QUESTION)
    assert pieces == stored
    assert w.N_TOKENS == len(ids)


def test_full_window_sees_everything_and_can_answer():
    v = w.view({})
    assert v["window"] == w.N_TOKENS and v["n_out"] == 0
    assert all(s["seen"] == "all" for s in v["segments"])
    assert all(t["in_window"] for t in v["tokens"])
    assert v["answerable"] and w.ANSWER in v["verdict"]
    assert v["n_facts_seen"] == v["n_facts"] == len(w.FACTS)


def test_window_keeps_the_newest_tokens():
    v = w.view({"ctx_window": 10})
    flags = [t["in_window"] for t in v["tokens"]]
    assert flags == [False] * (w.N_TOKENS - 10) + [True] * 10


def test_losing_one_token_of_a_needed_fact_makes_it_unanswerable():
    edge = w.min_window()
    assert w.view({"ctx_window": edge})["answerable"]
    below = w.view({"ctx_window": edge - 1})
    assert not below["answerable"]
    assert below["segments"][0]["seen"] == "part"
    assert w.FACTS[0][0] in below["verdict"]


def test_visibility_is_monotonic_in_the_window():
    order = {"none": 0, "part": 1, "all": 2}
    prev = None
    for n in range(1, w.N_TOKENS + 1):
        cur = [order[s] for s in w.visibility(n)]
        if prev:
            assert all(c >= p for c, p in zip(cur, prev))
        prev = cur
    answerable = [w.view({"ctx_window": n})["answerable"] for n in range(1, w.N_TOKENS + 1)]
    assert answerable == [n >= w.min_window() for n in range(1, w.N_TOKENS + 1)]


def test_oslo_is_named_as_a_tempting_wrong_guess_only_while_it_is_in_view():
    n_tail = len(w.QUESTION) + len(w.FACTS[-1][1])
    assert w.WRONG_GUESS in w.view({"ctx_window": n_tail + len(w.FACTS[-2][1])})["verdict"]
    assert w.WRONG_GUESS not in w.view({"ctx_window": n_tail})["verdict"]


def test_tiny_window_cuts_the_question():
    v = w.view({"ctx_window": 3})
    assert v["segments"][-1]["seen"] == "part" and not v["answerable"]
    assert "question" in v["verdict"]


@pytest.mark.parametrize("raw", ["0", "-5", "1e9", "abc", None, True, 2.5, str(w.N_TOKENS + 1)])
def test_bad_state_falls_back_to_the_full_window(raw):
    assert w.view({"ctx_window": raw})["state"] == {"ctx_window": w.N_TOKENS}
    assert w.view("nonsense")["state"] == {"ctx_window": w.N_TOKENS}
