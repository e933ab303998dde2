"""Numbers the post-training and RL chapters quote from the lab model's real post-training runs,
beside the run summary in post_lab.py: the real group of answers in the advantage widget and the
flawed-reward runs at each leash strength (the kl-leash widget's real view and the RL replay).
Read from the committed run records in site_build/lab/weights/ (written by
`python -m site_build.lab.posttrain`), through the same widget code the page runs."""
from __future__ import annotations

from widgets import advantage, kl_leash


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _signed(x: float) -> str:
    return ("+" if x >= 0 else "−") + f"{abs(x):.2f}"


def facts() -> dict[str, str]:
    g = advantage.view({"adv_mode": "real"})
    rewards = [r["reward"] for r in g["rollouts"]]
    runs = kl_leash.view({"kl_view": "real"})["runs"]
    loose, tight = runs[0], runs[-1]
    return {
        "rl.labview.adv_group": str(len(rewards)),
        "rl.labview.adv_right": str(int(sum(rewards))),
        "rl.labview.adv_plus": _signed(max(g["advantages"])),
        "rl.labview.adv_minus": _signed(min(g["advantages"])),
        "rl.labview.loose_beta": f"{loose['beta']:g}",
        "rl.labview.tight_beta": f"{tight['beta']:g}",
        "rl.labview.loose_kl": f"{loose['kl']:.2f}",
        "rl.labview.tight_kl": f"{tight['kl']:.2f}",
        "rl.labview.tight_flawed": _pct(tight["flawed"]),
        "rl.labview.start_true": _pct(loose["start_true"]),
        "rl.labview.runs": str(len(runs)),
    }
