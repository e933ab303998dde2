"""Attention in the lab model: real causal maps, and head summaries measured from them."""
import math

import pytest

from widgets import _labview as lab
from widgets import lab_attention as w


def matrix(n, weight):
    """A causal attention matrix whose row i is weight(i, j) for j <= i, normalised."""
    rows = []
    for i in range(n):
        raw = [weight(i, j) for j in range(i + 1)]
        z = sum(raw)
        rows.append([x / z for x in raw] + [0.0] * (n - i - 1))
    return rows


def test_summary_names_a_previous_token_head():
    rows = matrix(8, lambda i, j: 8.0 if j == i - 1 else 1.0)
    s = w.summarise(rows)
    # From position 2 on, row i gives 8 / (8 + i) to the previous token: average it by hand.
    expected = sum(8 / (8 + i) for i in range(2, 8)) / 6
    assert s["kind"] == "previous" and s["share"] == pytest.approx(expected)
    assert s["text"] == f"mostly the previous token ({round(100 * expected)}%)"


def test_summary_names_first_token_and_self_heads():
    assert w.summarise(matrix(6, lambda i, j: 20.0 if j == 0 else 1.0))["kind"] == "first"
    assert w.summarise(matrix(6, lambda i, j: 20.0 if j == i else 1.0))["kind"] == "self"


def test_summary_of_a_head_that_leans():
    # The previous token gets weight 3 against 1 for the others: a third at position 2, less later.
    rows = matrix(6, lambda i, j: 3.0 if j == i - 1 else 1.0)
    s = w.summarise(rows)
    share = sum(3 / (3 + i) for i in range(2, 6)) / 4          # row i: 3 / (3 + i), by hand
    even = sum(1 / (i + 1) for i in range(2, 6)) / 4
    assert share < w.MOSTLY and share >= w.LEANS and share >= 2 * even
    assert s["kind"] == "previous" and s["strength"] == "leans"
    assert s["text"] == (f"leans to the previous token ({round(100 * share)}%; an even spread "
                         f"gives {round(100 * even)}%)")


def test_summary_calls_an_even_head_spread_out():
    s = w.summarise(matrix(10, lambda i, j: 1.0))
    assert s["kind"] == "spread"
    assert s["share"] == pytest.approx(sum(1 / (i + 1) for i in range(2, 10)) / 8)
    assert s["text"].startswith("spread out")


def test_summary_of_a_sharp_head_with_no_fixed_place():
    # Each token looks hard at the token two back: neither previous, first nor itself.
    s = w.summarise(matrix(9, lambda i, j: 50.0 if j == i - 2 else 1.0))
    assert s["kind"] == "varies" and s["share"] > 0.5


def test_summary_of_too_short_a_text():
    assert w.summarise(matrix(2, lambda i, j: 1.0))["kind"] == "short"
    assert w.summarise([])["kind"] == "short"


def test_model_attention_is_causal_and_rows_sum_to_one():
    m = lab.model()
    att = m.attention(w.PARAMS["lab_attn_text"].default)
    assert len(att) == m.config["layers"] and len(att[0]) == m.config["heads"]
    for layer in att:
        for head in layer:
            for i, row in enumerate(head):
                assert math.isclose(sum(row), 1.0, abs_tol=1e-6)
                assert all(x == 0 for x in row[i + 1:])           # the future is masked exactly
                assert all(x >= 0 for x in row)


def test_view_contract_and_measured_summaries():
    v = w.view({})
    m = lab.model()
    n = len(v["tokens"])
    assert n > 3 and v["selected"] == n - 1
    assert [len(r) for r in v["weights"]] == list(range(1, n + 1))      # row i: keys 0..i
    for row in v["weights"]:
        assert math.isclose(sum(row), 1.0, abs_tol=1e-3)
    att = m.attention(v["state"]["lab_attn_text"])
    assert len(v["summaries"]) == v["layers"] and len(v["summaries"][0]) == v["heads"]
    for a, layer in enumerate(v["summaries"]):
        for b, s in enumerate(layer):
            assert s == dict(w.summarise(att[a][b]), layer=a + 1, head=b + 1)


def test_picking_a_layer_head_and_token():
    cfg = lab.model().config
    layer, head = min(2, cfg["layers"]), min(3, cfg["heads"])
    v = w.view({"lab_layer": layer, "lab_head": head, "lab_tok": 4})
    assert (v["state"]["lab_layer"], v["state"]["lab_head"], v["selected"]) == (layer, head, 4)
    att = lab.model().attention(v["state"]["lab_attn_text"])
    assert v["weights"][4] == [round(x, 5) for x in att[layer - 1][head - 1][4][:5]]
    big = w.view({"lab_layer": 16, "lab_head": 16, "lab_tok": 999})
    assert big["state"]["lab_layer"] == big["layers"] and big["state"]["lab_head"] == big["heads"]
    assert big["selected"] == len(big["tokens"]) - 1


def test_bad_state_falls_back_to_defaults():
    v = w.view({"lab_attn_text": None, "lab_layer": "0", "lab_head": "x", "lab_tok": "-7"})
    assert v["state"] == {k: p.default for k, p in w.PARAMS.items()}


@pytest.mark.parametrize("text", ["", "a", "🙂", "日本語のテキストです。", "<|endoftext|>", "\x00 \n",
                                  "Tom " * 200])
def test_odd_text_does_not_throw(text):
    m = lab.model()
    ids, total, att = w.maps(m, text)
    assert len(ids) <= m.config["context"]
    v = w.view({"lab_attn_text": text[:400]})
    assert len(v["weights"]) == len(v["tokens"])
    if total > m.config["context"]:
        assert v["clip_note"] or len(text) > 400


def test_every_map_and_the_chosen_heads_arithmetic_show_the_same_weights():
    m = lab.model()
    v = w.view({"lab_layer": 3, "lab_head": 2, "lab_tok": 6, "lab_look": "arithmetic"})
    att = m.attention(v["state"]["lab_attn_text"])
    n = len(v["tokens"])
    for a in range(v["layers"]):
        for b in range(v["heads"]):
            assert v["maps"][a][b] == [[round(x, 5) for x in att[a][b][i][:i + 1]] for i in range(n)]
    ar = v["arithmetic"]
    assert ar["weights"] == v["maps"][2][1][6] == v["weights"][6]
    assert len(ar["keys"]) == len(ar["values"]) == len(ar["scores"]) == 7
    assert len(ar["query"]) == len(ar["output"]) == ar["size"] == m.dh
    # The output is the weights' blend of the values (to the page's rounding).
    blend = [sum(wt * val[k] for wt, val in zip(ar["weights"], ar["values"])) for k in range(m.dh)]
    assert ar["output"] == pytest.approx(blend, abs=1e-3)


def test_the_lens_ends_at_the_models_real_prediction_and_tracks_the_readers_word():
    m = lab.model()
    text = "The capital of Norland is"
    v = w.view({"lab_attn_text": text, "lab_look": "layers", "lab_guess": "Velmar"})
    assert v["state"]["lab_look"] == "layers"
    assert len(v["lens"]) == v["layers"] + 1
    real = m.next_token_probs(text)
    last = v["lens"][-1]
    assert [c["text"] for c in last["top"]] == [piece for piece, _ in real[:5]]
    assert v["expect"]["shown"] == "␣Velmar" and v["expect"]["pieces"] == 1
    assert last["expect"]["rank"] == 1 and last["top"][0]["text"] == " Velmar"
    assert v["lens"][0]["expect"]["rank"] > 1                 # the embeddings alone do not know it
    # A word the model does not expect has a rank, and the rank agrees with the probabilities.
    odd = w.view({"lab_attn_text": text, "lab_guess": "banana", "lab_look": "layers"})["lens"][-1]["expect"]
    probs = sorted((p for _, p in real), reverse=True)
    assert probs[odd["rank"] - 1] == pytest.approx(odd["p"], abs=1e-5)


def test_the_updates_are_the_chosen_tokens_steps():
    m = lab.model()
    v = w.view({"lab_tok": 3})
    t = m.trace(lab.encode_clipped(m, v["state"]["lab_attn_text"])[0])
    assert v["updates"]["attn"] == [round(u["attn"][3], 3) for u in t["updates"]]
    assert v["updates"]["mlp"] == [round(u["mlp"][3], 3) for u in t["updates"]]
    assert v["updates"]["stream"][0] == round(math.sqrt(sum(x * x for x in t["stages"][0][3])), 3)


def test_an_empty_text_has_nothing_to_show():
    v = w.view({"lab_attn_text": "", "lab_look": "arithmetic"})
    assert v["tokens"] == [] and v["arithmetic"] is None and v["lens"] == [] and v["maps"] == []
    assert w.view({"lab_look": "nonsense", "lab_guess": 5})["state"]["lab_look"] == "heads"


def test_only_the_part_in_view_is_computed():
    heads = w.view({})
    assert heads["maps"] and heads["arithmetic"] is None and heads["lens"] == []
    assert w.view({"lab_look": "arithmetic"})["maps"] == heads["maps"]      # kept per text
    assert w.view({"lab_look": "layers"})["lens"] and w.view({"lab_look": "layers"})["arithmetic"] is None
