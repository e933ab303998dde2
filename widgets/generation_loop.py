"""Generation loop: a reply to "How many r's are in strawberry?" produced one token at a time.

At every step the (frozen) model scores a handful of candidate next tokens, the scores become
probabilities through softmax, the most likely candidate is picked (greedy decoding), it is appended
to the reply, and the loop runs again, until the model picks its end token.

What is real and what is not:
- the reply's pieces are exactly how the cl100k_base tokenizer (GPT-4's) splits the reply text, and
  every candidate is one cl100k_base token (tests/unit/test_generation_loop.py checks both);
- the scores (logits) are illustrative: made up to look like a model's, not read from one; and the
  five candidates stand in for the whole vocabulary (a real model scores about 100,000 tokens);
- softmax and the greedy pick are the real arithmetic.

The reply is wrong on purpose ("2" instead of 3): a widely reported failure of chat models, and a
consequence of the model reading " strawberry" as a single token rather than as letters.
"""
from widgets._params import Number, clean
from widgets._sampling import softmax
from widgets._text import visible

TITLE = "The generation loop"
PROMPT = "How many r's are in strawberry?"
END = "<|end|>"
TEMPERATURE = 1.0          # the probabilities shown are the model's own (temperature 1)

# One entry per step: the candidates the model scores for the next token, with illustrative
# logits. The reply is whatever the greedy rule picks at each step (the highest logit).
STEPS: list[list[tuple[str, float]]] = [
    [("There", 3.0), ("The", 2.3), ("In", 1.1), ("Str", 0.6), ("Let", 0.2)],
    [(" are", 4.2), (" is", 1.4), ("'s", 0.9), (" were", -0.1), (" may", -0.6)],
    [(" ", 2.7), (" two", 2.1), (" three", 1.5), (" only", 0.6), (" just", -0.2)],
    [("2", 2.4), ("3", 2.0), ("1", 0.2), ("4", -0.6), ("10", -1.8)],
    [(" r", 3.8), (" R", 1.6), (' "', 1.3), (" letters", 0.4), (" instances", 0.0)],
    [("'s", 4.4), ("’s", 2.0), ("s", 1.2), (" in", 0.3), (" (", -0.4)],
    [(" in", 4.0), (".", 1.5), (",", 0.7), (" (", 0.2), ("!", -0.6)],
    [(' "', 2.5), (" the", 2.0), (" strawberry", 1.6), (" “", 0.7), (" '", 0.1)],
    [("str", 5.0), ("Str", 1.6), ("st", 0.6), ("s", -0.3), ("S", -1.0)],
    [("aw", 6.0), ("ay", 1.4), ("awn", 0.5), ("aws", 0.3), ("ap", -0.5)],
    [("berry", 6.2), ("berries", 2.0), ("ber", 1.4), ("b", 0.6), ("bery", -0.4)],
    [('".', 3.4), ('"', 2.2), ('",', 0.8), ('"?', 0.0), (" (", -0.7)],
    [(END, 3.6), (" It", 1.4), (" This", 0.9), ("\n\n", 0.8), (" The", 0.5)],
]
N_STEPS = len(STEPS)
ANSWER_STEP = 4            # the step that writes the number: "2" narrowly beats "3"

PARAMS = {
    "gen_step": Number(1, 1, N_STEPS, step=1, integer=True, label="Step"),
}


def probabilities(step: int, temperature: float = TEMPERATURE) -> list[float]:
    """Softmax of step `step`'s (1-based) candidate logits at `temperature`."""
    return softmax([logit for _, logit in STEPS[step - 1]], temperature)


def pick(step: int) -> int:
    """The greedy rule: the index of the most likely candidate (first one on a tie)."""
    probs = probabilities(step)
    return max(range(len(probs)), key=lambda i: (probs[i], -i))


def reply_tokens(upto: int = N_STEPS) -> list[str]:
    """The tokens picked by the first `upto` steps."""
    return [STEPS[s - 1][pick(s)][0] for s in range(1, upto + 1)]


def reply_text(upto: int = N_STEPS) -> str:
    """The reply as a reader sees it (the end token is a signal, not text)."""
    return "".join(t for t in reply_tokens(upto) if t != END)


def view(state) -> dict:
    state = clean(PARAMS, state)
    step = state["gen_step"]
    probs = probabilities(step)
    chosen = pick(step)
    token = STEPS[step - 1][chosen][0]
    tokens = reply_tokens(step)
    done = token == END
    what = "the end token, so the reply is finished" if done else f"“{visible(token)}”"
    return {
        "state": state,
        "prompt": PROMPT,
        "step": step,
        "steps": N_STEPS,
        "temperature": TEMPERATURE,
        "end_token": END,
        "candidates": [visible(t) for t, _ in STEPS[step - 1]],
        "logits": [logit for _, logit in STEPS[step - 1]],
        "probs": probs,
        "chosen": chosen,
        "reply": [visible(t) for t in tokens],
        "text": reply_text(step),
        "context": reply_text(step - 1),
        "done": done,
        "announce": (f"Step {step} of {N_STEPS}: picked {what} "
                     f"({100 * probs[chosen]:.0f}% likely)."),
    }
