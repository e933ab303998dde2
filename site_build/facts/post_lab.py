"""Numbers the post-training and RL chapters quote about the lab model's own post-training (SFT,
GRPO, the flawed-reward runs), read from the committed run record
site_build/lab/weights/post-manifest.json (written by `python -m site_build.lab.posttrain`; the
build never retrains)."""
from __future__ import annotations

import json

from site_build.lab import posttrain
from site_build.lab.common import WEIGHTS


def _pct(c: int, n: int) -> str:
    return f"{100 * c / n:.0f}%"


def facts() -> dict[str, str]:
    man = json.loads((WEIGHTS / "post-manifest.json").read_text())
    s = man["summary"]
    part = s["rl_task"]                              # the RL task's held-out questions
    before, after = s["heldout"]["sft"][f"heldout_{part}"], s["heldout"]["rl"][f"heldout_{part}"]
    s_before = s["heldout"]["sft"][f"sampled_{part}"]
    s_after = s["heldout"]["rl"][f"sampled_{part}"]
    loose = min(s["flawed"], key=lambda r: r["beta"])
    tight = max(s["flawed"], key=lambda r: r["beta"])
    # The held-out score wobbles from one check to the next: its range over the last quarter.
    hist = json.loads((WEIGHTS / "rl-history.json").read_text())["rows"]
    evals = [r for r in hist if "heldout" in r]
    late = [r["heldout"] for r in evals if r["step"] >= 0.75 * evals[-1]["step"]]
    # The headline: the last quarter's average against the start, not the best single check.
    late_mean = sum(late) / len(late)
    gain = round(100 * late_mean) - round(100 * before)
    # What the loosest flawed run was paid for, and how often it was right, on the practice
    # questions it sampled: the mean over its first ten steps and over its last ten.
    runs = json.loads((WEIGHTS / "rl-flawed.json").read_text())["runs"]
    rows = [r for r in min(runs, key=lambda r: r["beta"])["rows"] if "reward" in r]
    mean = lambda rs, k: sum(r[k] for r in rs) / len(rs)  # noqa: E731
    return {
        "rl.lab.steps": str(evals[-1]["step"]),
        "rl.lab.inner": str(posttrain.HP["rl"]["inner"]),
        "rl.lab.late_mean": f"{100 * late_mean:.0f}%",
        "rl.lab.late_low": f"{100 * min(late):.0f}%",
        "rl.lab.late_high": f"{100 * max(late):.0f}%",
        "rl.lab.hack_paid_start": f"{100 * mean(rows[:10], 'reward'):.0f}%",
        "rl.lab.hack_paid_end": f"{100 * mean(rows[-10:], 'reward'):.0f}%",
        "rl.lab.hack_right_start": f"{100 * mean(rows[:10], 'accuracy'):.0f}%",
        "rl.lab.hack_right_end": f"{100 * mean(rows[-10:], 'accuracy'):.0f}%",
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
