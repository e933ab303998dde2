"""Numbers quoted in the Attention chapter, computed from the attention widgets' own math."""
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
    }
