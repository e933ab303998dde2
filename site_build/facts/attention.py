"""Numbers quoted in the Attention chapter, computed from the attention widgets' own math."""
from site_build.data.models import Llama2, PARAMS_7B, llama2_7b_layer
from widgets import attention, attention_cost as cost


def _int(n) -> str:
    return f"{n:,.0f}"


def facts() -> dict[str, str]:
    it, dog = attention.TOKENS.index("it"), attention.TOKENS.index("dog")
    weights = attention.weights()
    return {
        "attention.it_dog": f"{100 * weights[it][dog]:.0f}%",
        "attention.it_top": attention.TOKENS[attention.strongest(it)[0]],
        "attention.pairs.1000": _int(cost.pairs(1000)),
        "attention.causal.1000": _int(cost.causal_pairs(1000)),
        "attention.double_ratio": f"{cost.ratio(2000, 1000):g}",
        "attention.ratio.10x": _int(cost.ratio(10_000, 1000)),
        "attention.length.2k_1m": _int(1_000_000 / 2_000),
        "attention.ratio.2k_1m": _int(cost.ratio(1_000_000, 2_000)),
        **layer_facts(),
    }


def layer_facts() -> dict[str, str]:
    """Where a Llama 2 7B layer's parameters live (site_build.data.models)."""
    p = llama2_7b_layer()
    layer = p["attention"] + p["feed_forward"] + p["norms"]
    return {
        "attention.layer.attention": f"{p['attention'] / 1e6:.0f} million",
        "attention.layer.ffn": f"{p['feed_forward'] / 1e6:.0f} million",
        "attention.layer.ffn_share": f"{100 * p['feed_forward'] / layer:.0f}%",
        "attention.layer.layers": str(Llama2.layers_7b),
        "attention.layer.heads": str(Llama2.heads_7b),
        "attention.layer.total": f"{PARAMS_7B / 1e9:.2f} billion",
    }
