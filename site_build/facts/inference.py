"""Numbers quoted in the Inference chapter, computed from the temperature widget's own math."""
from widgets import temperature as w


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def facts() -> dict[str, str]:
    out = {}
    for t in (0.2, 0.8, 1.5):
        probs = w.distribution(t)
        out[f"inference.top_prob.t{t:g}"] = _pct(probs[0])
    out["inference.top_token"] = w.CANDIDATES[0][0].strip()
    return out
