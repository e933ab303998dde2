"""Numbers quoted in the Models at work chapter, computed from the widgets' own math and, for
token counts, with the real tiktoken (cl100k_base, built offline from the pinned ranks)."""
from widgets import agent_steps as ag
from widgets import pass_at_k as pk

MEMORY_NOTE = "Saved memory: the user is vegetarian and lives in Lisbon."


def _pct(x: float, digits: int = 0) -> str:
    return f"{100 * x:.{digits}f}%"


def facts() -> dict[str, str]:
    from site_build.tokenizer_data import tiktoken_encoding
    cl100k = tiktoken_encoding("cl100k_base")
    out = {"using.memory.tokens": str(len(cl100k.encode(MEMORY_NOTE, disallowed_special=())))}
    out["using.agent.p95_10"] = _pct(ag.task_outcomes(0.95, 10)["success"])
    out["using.agent.p95_100"] = _pct(ag.task_outcomes(0.95, 100)["success"], 1)
    out["using.agent.checked_10"] = _pct(ag.task_outcomes(0.95, 10, 0.8, 1)["success"])
    p, k = pk.PARAMS["pk_p"].default, pk.PARAMS["pk_k"].default
    out["using.pk.pass1"] = _pct(p)
    out["using.pk.pass10"] = _pct(pk.pass_at_k(p, k), 1)
    out["using.pk.vote10_two"] = _pct(pk.majority(p, k, "two"), 1)
    out["using.pk.vote10_one"] = _pct(pk.majority(p, k, "one"), 1)
    return out
