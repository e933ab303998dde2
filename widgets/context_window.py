"""Context window: a model answers only from the tokens inside its window.

A short passage (six facts, then a question) is cut into its real cl100k_base tokens. The
window keeps the newest `ctx_window` tokens; older ones fall out. A fact counts as seen only if
every one of its tokens is inside the window; the question is answerable only if the question
and every fact it depends on are seen.

The passage is made up (illustrative). Its token pieces are stored below as text, not counted
by hand: tests/unit/test_context_window.py checks that they are exactly what tiktoken's
cl100k_base produces for the passage, so every count here is a real token count.
"""
from widgets._params import Number, clean

TITLE = "Context window"
ENCODING = "cl100k_base"

# (short label, the sentence's tokens in cl100k_base, needed to answer the question)
FACTS = [
    ("Nadia's cat is called Biscuit",
     ("N", "adia", " adopted", " a", " grey", " cat", " named", " B", "isc", "uit", "."), True),
    ("Biscuit was born near Porto",
     (" B", "isc", "uit", " was", " born", " on", " a", " farm", " near", " Porto", "."), True),
    ("He sleeps on the green armchair",
     (" He", " sleeps", " on", " the", " green", " arm", "chair", " by", " the", " window", "."),
     False),
    ("His favourite treat is salmon",
     (" His", " favourite", " treat", " is", " cooked", " salmon", "."), False),
    ("Nadia moved to Oslo last spring",
     (" Last", " spring", " Nad", "ia", " moved", " to", " Oslo", " for", " a", " new", " job",
      "."), False),
    ("The armchair and the cat moved too",
     (" The", " arm", "chair", " and", " the", " cat", " moved", " with", " her", "."), False),
]
QUESTION = (" Question", ":", " In", " which", " city", " was", " Nad", "ia", "'s", " cat",
            " born", "?")
ANSWER = "Porto"
WRONG_GUESS = "Oslo"       # the city still in view when the early facts have fallen out

N_TOKENS = sum(len(tokens) for _, tokens, _ in FACTS) + len(QUESTION)


def passage() -> str:
    return "".join("".join(tokens) for _, tokens, _ in FACTS) + "".join(QUESTION)


PARAMS = {
    "ctx_window": Number(N_TOKENS, 1, N_TOKENS, step=1, integer=True,
                         label="Window size (tokens)"),
}


def segments() -> list[tuple[str, str, tuple, bool]]:
    """(kind, label, tokens, needed) for each fact, then the question."""
    out = [("fact", label, tokens, needed) for label, tokens, needed in FACTS]
    out.append(("question", "The question", QUESTION, True))
    return out


def visibility(window: int) -> list[str]:
    """For each segment: "all", "part" or "none" of its tokens inside a window of the newest
    `window` tokens."""
    first_seen = N_TOKENS - max(0, min(window, N_TOKENS))     # index of the oldest token in view
    out, start = [], 0
    for _, _, tokens, _ in segments():
        end = start + len(tokens)
        if start >= first_seen:
            out.append("all")
        elif end <= first_seen:
            out.append("none")
        else:
            out.append("part")
        start = end
    return out


def min_window() -> int:
    """The smallest window in which the question is answerable: it must reach back to the
    first token of the earliest needed segment."""
    start, earliest = 0, None
    for _, _, tokens, needed in segments():
        if needed and earliest is None:
            earliest = start
        start += len(tokens)
    return N_TOKENS - earliest


def view(state) -> dict:
    state = clean(PARAMS, state)
    window = state["ctx_window"]
    seen = visibility(window)
    first_seen = N_TOKENS - window
    tokens, index = [], 0
    for s, (_, _, toks, _) in enumerate(segments()):
        for t in toks:
            tokens.append({"text": t, "segment": s, "in_window": index >= first_seen})
            index += 1
    segs = [{"kind": kind, "label": label, "n_tokens": len(toks), "needed": needed,
             "seen": v}
            for (kind, label, toks, needed), v in zip(segments(), seen)]
    missing = [g["label"] for g in segs if g["needed"] and g["seen"] != "all"]
    answerable = not missing
    n_facts_seen = sum(1 for g in segs if g["kind"] == "fact" and g["seen"] == "all")
    if answerable:
        verdict = (f"Answerable: every fact the question needs is inside the window, so the "
                   f"model can say {ANSWER}.")
    elif segs[-1]["seen"] != "all":
        verdict = "Not answerable: the window is so small that even the question is cut off."
    else:
        verdict = "Not answerable: the model can no longer see " + " or ".join(
            f"“{m}”" for m in missing) + "."
        if any(WRONG_GUESS in "".join(toks) and v == "all"
               for (_, _, toks, _), v in zip(segments(), seen)):
            verdict += (f" The only city left in view is {WRONG_GUESS}: a tempting, wrong "
                        "guess.")
    return {
        "state": state,
        "encoding": ENCODING,
        "window": window,
        "n_tokens": N_TOKENS,
        "n_out": first_seen,
        "tokens": tokens,
        "segments": segs,
        "n_facts": len(FACTS),
        "n_facts_seen": n_facts_seen,
        "answerable": answerable,
        "min_window": min_window(),
        "verdict": verdict,
    }
