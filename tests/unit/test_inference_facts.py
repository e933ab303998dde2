"""The Inference chapter's computed numbers: the formulas behind them, checked against values
published elsewhere, and agreement with the widgets they describe."""
from site_build.facts import inference as f
from widgets import temperature as t


def test_kv_cache_formula_matches_published_examples():
    # vLLM paper (Kwon et al. 2023): OPT-13B, width 5,120 (40 heads x 128), 40 layers, fp16 ->
    # 2 x 5120 x 40 x 2 bytes = 800 KB per token.
    assert f.kv_bytes_per_token(40, 40, 128) == 2 * 5120 * 40 * 2 == 800 * 1024
    assert f.KV_7B == 2 * 32 * 32 * 128 * 2 == 512 * 1024
    assert f.KV_70B * 8 == f.KV_70B_IF_FULL                     # 8 key/value heads of 64


def test_llama2_7b_parameter_count_matches_the_released_model():
    assert f.PARAMS_7B == 6_738_415_616                            # Hugging Face's count


def test_decode_is_far_slower_than_prefill_per_token():
    assert f.decode_seconds_per_token() > 100 * f.prefill_seconds(1)


def test_dial_facts_agree_with_the_widget():
    facts = f.facts()
    view = t.view({"temperature": "0.8", "top_p": "0.9"})
    assert facts["inference.top_p0.9.kept.t0.8"] == str(view["kept"])
    assert facts["inference.top_prob.t0.8"] == f"{100 * t.view({})['probs'][0]:.0f}%"
