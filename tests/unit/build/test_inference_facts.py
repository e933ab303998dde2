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


def test_layer_split_adds_up_to_the_released_model():
    """Embedding + output + 32 layers (attention, feed-forward, norms) + final norm = 6,738,415,616."""
    from site_build.data.models import Llama2, llama2_7b_layer
    p = llama2_7b_layer()
    layer = p["attention"] + p["feed_forward"] + p["norms"]
    assert p["embedding"] + p["output"] + Llama2.layers_7b * layer + Llama2.width_7b == f.PARAMS_7B
    assert 0.6 < p["feed_forward"] / layer < 0.7          # "about two thirds"


def test_model_card_memory_is_bits_over_eight_per_weight():
    facts = f.facts()
    assert facts["inference.card.llama2_7b.16bit"] == facts["inference.kv.7b.weights_gb"]
    assert facts["inference.card.mixtral.4bit"] == "23.4 GB"          # 46.7e9 x 4 / 8 bytes
    assert facts["inference.card.deepseek_v3.8bit"] == "671 GB"       # one byte per weight
    assert facts["inference.card.deepseek_v3.active_share"] == "6%"   # 37 / 671


def test_facts_and_figures_share_data_only_through_site_build_data():
    """One home for each number: facts never import chapter figures, nor figures facts."""
    import ast
    from site_build.paths import ROOT
    for folder, banned in (("facts", "site_build.chapter_figures"), ("chapter_figures", "site_build.facts")):
        for path in (ROOT / "site_build" / folder).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                         else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                assert not any(n.startswith(banned) for n in names), f"{path.name} imports {banned}"
