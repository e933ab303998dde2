"""Temperature dial: how temperature, top-k and top-p reshape the next-token distribution.

The prompt and its candidate logits are illustrative (made up to look like a real model's
output), not read from a model. Everything after the logits is the real arithmetic a sampler does.
"""
from widgets._params import Number, clean
from widgets._sampling import sample, softmax, top_k_filter, top_p_filter

TITLE = "Temperature dial"
PROMPT = "The weather today is"

# (candidate token, illustrative logit), most likely first.
CANDIDATES = [
    (" sunny", 3.2),
    (" nice", 2.6),
    (" beautiful", 2.3),
    (" cold", 2.0),
    (" warm", 1.8),
    (" perfect", 1.3),
    (" rainy", 1.1),
    (" terrible", 0.2),
    (" unpredictable", -0.3),
    (" purple", -2.5),
]

PARAMS = {
    "temperature": Number(0.8, 0.0, 2.0, step=0.05, label="Temperature"),
    "top_k": Number(0, 0, len(CANDIDATES), step=1, integer=True, label="Top-k (0 = off)"),
    "top_p": Number(1.0, 0.05, 1.0, step=0.05, label="Top-p"),
    "seed": Number(0, 0, 1_000_000, step=1, integer=True, label="Draw number"),
}


def distribution(temperature: float, top_k: int = 0, top_p: float = 1.0) -> list[float]:
    """Probabilities over CANDIDATES after temperature, then top-k, then top-p."""
    probs = softmax([logit for _, logit in CANDIDATES], temperature)
    probs = top_k_filter(probs, top_k)
    return top_p_filter(probs, top_p)


def view(state) -> dict:
    state = clean(PARAMS, state)
    probs = distribution(state["temperature"], state["top_k"], state["top_p"])
    drawn = sample(probs, state["seed"]) if state["seed"] > 0 else None
    return {
        "state": state,
        "prompt": PROMPT,
        "tokens": [token for token, _ in CANDIDATES],
        "probs": probs,
        "kept": sum(1 for q in probs if q > 0),
        "drawn": drawn,
        "greedy": state["temperature"] == 0,
    }
