"""Numbers the post-training and RL chapters quote about the lab model's own post-training (SFT,
GRPO, the flawed-reward runs), read from the committed run record
site_build/lab/weights/post-manifest.json (written by `python -m site_build.lab.posttrain`; the
build never retrains)."""
from __future__ import annotations

import json

from site_build.lab import posttrain


def _pct(c: int, n: int) -> str:
    return f"{100 * c / n:.0f}%"


def facts() -> dict[str, str]:
    man = json.loads((posttrain.WEIGHTS / "post-manifest.json").read_text())
    s = man["summary"]
    part = s["rl_task"]                              # the RL task's held-out questions
    before, after = s["heldout"]["sft"][f"heldout_{part}"], s["heldout"]["rl"][f"heldout_{part}"]
    s_before = s["heldout"]["sft"][f"sampled_{part}"]
    s_after = s["heldout"]["rl"][f"sampled_{part}"]
    gain = round(100 * after) - round(100 * before)
    loose = min(s["flawed"], key=lambda r: r["beta"])
    tight = max(s["flawed"], key=lambda r: r["beta"])
    return {
        "post-train.lab.sft_facts": _pct(s["sft"]["facts"]["correct"], s["sft"]["facts"]["total"]),
        "post-train.lab.base_facts": _pct(s["base"]["facts"]["correct"], s["base"]["facts"]["total"]),
        "rl.lab.before": f"{100 * before:.0f}%",
        "rl.lab.after": f"{100 * after:.0f}%",
        "rl.lab.gain": f"{gain:+d}".replace("-", "−"),
        "rl.lab.sampled_before": f"{100 * s_before:.0f}%",
        "rl.lab.sampled_after": f"{100 * s_after:.0f}%",
        "rl.lab.minutes": f"{man['times']['total']['cpu_seconds'] / 60:.0f}",
        "rl.lab.hack_flawed": f"{100 * loose['heldout_flawed']:.0f}%",
        "rl.lab.hack_true": f"{100 * loose['heldout']:.0f}%",
        "rl.lab.tight_true": f"{100 * tight['heldout']:.0f}%",
    }
