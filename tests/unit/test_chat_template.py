import pytest

from widgets import chat_template as w


def _encoding():
    tiktoken = pytest.importorskip("tiktoken")
    data = pytest.importorskip("site_build.tokenizer_data")
    spec = dict(data.tiktoken_spec("cl100k_base"))
    spec["name"] = "cl100k_im"
    spec["special_tokens"] = {**spec["special_tokens"], w.IM_START[0]: w.IM_START[1],
                              w.IM_END[0]: w.IM_END[1]}
    return tiktoken.Encoding(**spec)


@pytest.mark.parametrize("example", list(w.CONVERSATIONS))
def test_stored_tokens_match_tiktoken(example):
    enc = _encoding()
    ids = enc.encode(w.template_text(example), allowed_special="all")
    stream = w.stream(example)
    assert [t["id"] for t in stream] == ids
    assert [t["piece"] for t in stream] == [enc.decode([i]) for i in ids]


@pytest.mark.parametrize("example", list(w.CONVERSATIONS))
def test_special_tokens_count_as_one_and_counts_add_up(example):
    view = w.view({"chat_example": example})
    n_messages = len(view["messages"])
    assert view["counts"]["special"] == 2 * n_messages
    assert view["counts"]["format"] == 2 * n_messages
    assert sum(view["counts"].values()) == view["total"] == len(view["tokens"])
    assert sum(m["tokens"] for m in view["messages"]) == view["total"]
    assert "".join(t["piece"] for t in view["tokens"]) == view["raw"]


def test_default_conversation_and_bad_state():
    view = w.view({"chat_example": "<script>", "chat_raw": "maybe"})
    assert view["state"] == {"chat_example": "capital", "chat_raw": False}
    assert view["total"] == 35 and view["counts"]["content"] == 20
    assert w.view({"chat_raw": "1"})["state"]["chat_raw"] is True


def test_chips_come_with_their_spaces_made_visible():
    tokens = w.view({})["tokens"]
    assert all(set(t) == {"piece", "shown", "id", "kind", "message", "role"} for t in tokens)
    shown = {t["piece"]: t["shown"] for t in tokens}
    assert shown[" capital"] == "␣capital" and shown["\n"] == "↵" and shown["What"] == "What"
