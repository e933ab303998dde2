"""Chapter figure for the RL chapter's lab section: the lab model's real runs against a flawed
reward at each leash strength β (the kl-leash widget's real view, drawn at build for readers
without JavaScript)."""
from __future__ import annotations

from site_build.svg import PALETTE, to_svg
from widgets import kl_leash

import matplotlib.pyplot as plt  # noqa: E402  (site_build.svg has set the backend)


def reward_hacking() -> tuple[str, str]:
    v = kl_leash.view({"kl_view": "real"})
    runs = v["runs"]
    labels = [f"β = {r['beta']:g}" for r in runs]
    fig, (ax, kx) = plt.subplots(1, 2, figsize=(7.0, 3.2), gridspec_kw={"width_ratios": [2, 1]})
    x = range(len(runs))
    wdt = 0.38
    a = ax.bar([i - wdt / 2 for i in x], [r["flawed"] for r in runs], wdt,
               color=PALETTE["orange"], label="paid by the flawed grader")
    b = ax.bar([i + wdt / 2 for i in x], [r["true"] for r in runs], wdt,
               color=PALETTE["blue"], label="right by the true checker")
    for bars in (a, b):
        for rect in bars:
            ax.text(rect.get_x() + rect.get_width() / 2, rect.get_height() + 0.02,
                    f"{rect.get_height():.0%}", ha="center", fontsize=8)
    if v["start_true"] is not None:
        ax.axhline(v["start_true"], color=PALETTE["grey"], linestyle="--", linewidth=1,
                   label="right before RL")
    ax.set_xticks(list(x), labels)
    ax.set_ylim(0, 1.4)                              # room above the bars for the legend
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_ylabel("held-out answers")
    ax.legend(frameon=False, fontsize=7.5, loc="upper center", ncol=2)
    kx.bar(list(x), [r["kl"] for r in runs], 0.6, color=PALETTE["purple"])
    for i, r in enumerate(runs):
        kx.text(i, r["kl"], f"{r['kl']:.2f}", ha="center", va="bottom", fontsize=8)
    kx.set_xticks(list(x), [f"{r['beta']:g}" for r in runs])
    kx.set_xlabel("β")
    kx.set_ylabel("KL from the start (nats)")
    fig.tight_layout()
    loose, tight = runs[0], runs[-1]
    title = (f"Flawed-reward runs of the lab model: at β = {loose['beta']:g} the grader paid "
             f"{loose['flawed']:.0%} of held-out answers and {loose['true']:.0%} were right; at "
             f"β = {tight['beta']:g}, {tight['flawed']:.0%} and {tight['true']:.0%}")
    caption = ("The lab model trained by RL against a flawed grader, once per leash strength β. "
               "Left: the share of held-out questions the flawed grader paid for (orange) and "
               "the share the true checker marks right (blue) at the end; the dashed line is "
               "the share right before RL. Right: how far each run drifted from the fine-tuned "
               "model (KL). Computed from the real runs when the book was built, not "
               "illustrative.")
    return to_svg(fig, title, "fig-lab-reward-hacking"), caption


def figures() -> dict:
    return {"lab-reward-hacking": reward_hacking()}
