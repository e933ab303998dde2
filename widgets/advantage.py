"""Advantage: reward minus baseline, for a fan of rollouts on one prompt.

Two modes (`adv_mode`). "hand" (the default) is the hand-set example below. "real" shows a real
group from the lab model's reinforcement learning: answers the fine-tuned (SFT) lab model sampled
for one held-out question, each scored 1 or 0 by a checker program, and the GRPO advantages,
(reward - group mean) / group standard deviation, recomputed here from the rewards (the build's
file, lab/advantage-real.json from site_build/lab/posttrain.py, also records them; tests check
that the two agree). That file is {"question", "answer", "group", "temperature", "mean", "std",
"samples": [{"reply", "reward", "advantage"}]}: the first held-out question, in a fixed shuffled
order, whose group of SFT samples was mixed (some right, some wrong).

The rollouts and their rewards (0-10) are illustrative, made up for the book. The arithmetic is
the real thing: advantage = reward - baseline; "snap to the group mean" is GRPO's baseline; the
optional normalisation divides by the group's *population* standard deviation (divide by N, not
N - 1), the same in the widget, the figure, the facts and the tests.
"""
import math

from widgets import _data
from widgets._params import Choice, Flag, Number, clean

TITLE = "Advantage: reward minus baseline"
PROMPT = "What is the capital of France?"

# (answer text, kind, reward 0-10): illustrative.
ROLLOUTS = [
    ("Paris.", "right and crisp", 10),
    ("Paris, the capital since the Middle Ages, home of the Louvre, the Eiffel Tower and a "
     "great deal of history, which I will now summarise in detail…", "right but long-winded", 8),
    ("I think it's Paris, but you may want to double-check.", "right but hedged", 7),
    ("Paris or Lyon, depending on the century.", "muddled", 4),
    ("Lyon.", "wrong", 1),
    ("Definitely Marseille. Everyone knows that.", "confidently wrong", 0),
]
REWARDS = [r for _, _, r in ROLLOUTS]

PARAMS = {
    "adv_baseline": Number(6.0, 0.0, 10.0, step=0.1, label="Baseline (the score you expected)"),
    "adv_normalize": Flag(False, label="Divide by the group's spread (standard deviation)"),
    "adv_mode": Choice("hand", ("hand", "real"),
                       label="Answers: hand-set example, or real samples from the lab model"),
}
REAL_FILE = "lab/advantage-real.json"


def files(state) -> list[str]:
    """The real group's file, read only in the "real" mode."""
    return [REAL_FILE] if state.get("adv_mode") == "real" else []


def group_mean(rewards=REWARDS) -> float:
    return sum(rewards) / len(rewards)


def group_std(rewards=REWARDS) -> float:
    """Population standard deviation (divide by N)."""
    mu = group_mean(rewards)
    return math.sqrt(sum((r - mu) ** 2 for r in rewards) / len(rewards))


def advantages(baseline: float, normalize: bool = False, rewards=REWARDS) -> list[float]:
    """reward - baseline for each rollout; divided by the group's population standard deviation
    when `normalize` (left undivided if every reward is the same, so the spread is 0)."""
    spread = group_std(rewards) if normalize else 1.0
    if spread == 0:
        spread = 1.0
    return [(r - baseline) / spread for r in rewards]


def verdict(a: float) -> str:
    if abs(a) < 1e-9:
        return "neutral"
    return "reinforce" if a > 0 else "suppress"


def real_group() -> dict:
    """The build's real group (read once per process)."""
    return _data.read_json(REAL_FILE)


def grpo_advantages(rewards) -> list[float]:
    """(r - mean) / population std over the group; all zero when every reward is the same."""
    sd = group_std(rewards)
    if sd < 1e-12:
        return [0.0] * len(rewards)
    mu = group_mean(rewards)
    return [(r - mu) / sd for r in rewards]


def real_view(state) -> dict:
    g = real_group()
    rewards = [float(s["reward"]) for s in g["samples"]]
    adv = [0.0 if abs(a) < 1e-9 else a for a in grpo_advantages(rewards)]
    verdicts = [verdict(a) for a in adv]
    return {
        "state": state,
        "mode": "real",
        "prompt": str(g["question"]),
        "answer": str(g["answer"]),
        "temperature": float(g.get("temperature", 1.0)),
        "rollouts": [{"text": str(s["reply"]), "kind": "right" if r > 0 else "wrong",
                      "reward": r} for s, r in zip(g["samples"], rewards)],
        "advantages": adv,
        "recorded": [float(s["advantage"]) for s in g["samples"]],
        "verdicts": verdicts,
        "limit": max([abs(a) for a in adv] + [1.0]),
        "mean": group_mean(rewards),
        "std": group_std(rewards),
        "at_mean": True,
        "sum": sum(adv),
        "counts": {v: verdicts.count(v) for v in ("reinforce", "neutral", "suppress")},
    }


def view(state) -> dict:
    state = clean(PARAMS, state)
    if state["adv_mode"] == "real":
        return real_view(state)
    adv = advantages(state["adv_baseline"], state["adv_normalize"])
    adv = [0.0 if abs(a) < 1e-9 else a for a in adv]        # no "-0.00" for the exact match
    limit = max(abs(r - b) for r in (0, 10) for b in (0, 10))  # 10: the widest raw advantage
    if state["adv_normalize"]:
        limit = limit / group_std()
    verdicts = [verdict(a) for a in adv]
    return {
        "state": state,
        "mode": "hand",
        "prompt": PROMPT,
        "rollouts": [{"text": t, "kind": k, "reward": r} for t, k, r in ROLLOUTS],
        "advantages": adv,
        "verdicts": verdicts,
        "limit": limit,
        "mean": group_mean(),
        "std": group_std(),
        "at_mean": abs(state["adv_baseline"] - group_mean()) < 1e-9,
        "sum": sum(adv),
        "counts": {v: verdicts.count(v) for v in ("reinforce", "neutral", "suppress")},
    }
