"""Numbers quoted in the Models at work chapter, computed from the widgets' own math and, for
token counts, with the real tiktoken (cl100k_base, built offline from the pinned ranks)."""
from widgets import agent_steps as ag
from widgets import pass_at_k as pk
from widgets import retrieval as ret

CAR_QUESTION = "Where can I leave my car all day?"
CAR_BUDGET = 150
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
    budget = ret.PARAMS["ret_budget"].default
    view = ret.view({"ret_budget": budget})
    out["using.ret.passages"] = str(view["n_passages"])
    out["using.ret.budget"] = str(budget)
    out["using.ret.pasted"] = str(view["pasted"])
    store = "".join(ret.block(i + 1, i) for i in range(len(ret.PASSAGES)))
    out["using.ret.store_tokens"] = f"{len(cl100k.encode(store, disallowed_special=())):,}"
    car = ret.view({"ret_q": CAR_QUESTION, "ret_budget": CAR_BUDGET})
    assert car["verdict"] == "cut", car["verdict"]
    out["using.ret.car_rank"] = _ordinal(car["gold_rank"])
    out["using.ret.car_budget"] = str(CAR_BUDGET)
    out["using.ret.car_pasted"] = str(car["pasted"])
    # METR (Kwa et al. 2025): the 50% task-length horizon doubled about every 7 months, 2019-2025.
    out["using.metr.doubling_months"] = str(METR_DOUBLING_MONTHS)
    return out


METR_DOUBLING_MONTHS = 7


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
