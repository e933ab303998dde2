"""Static figure for RL replay: the default view (the true-reward GRPO run) drawn from the real
run record at build: reward, held-out accuracy and KL from the SFT model per step, and the answers
to the same held-out questions at the first and the last saved step. Also ships the run records
the view reads."""
import textwrap

from site_build.svg import PALETTE, literal, to_svg
from widgets import lab_rl as w

import matplotlib.pyplot as plt  # noqa: E402  (site_build.svg has set the backend)

CAPTION = ("The lab model's reinforcement learning (GRPO) from the fine-tuned model, step by "
           "step. Top: the share of sampled answers the checker paid for (solid) and the share "
           "of held-out questions it answered right, picking its most likely token each time "
           "(dashed). Bottom: how far it drifted from the fine-tuned model (KL, in nats). Under "
           "the curves, its answers to the same held-out questions at the first and the last "
           "saved step. Computed from the real run when the book was built, not illustrative.")



def figure() -> str:
    v = w.view({})
    run = w.runs()[v["run"]]
    fig, (ax, kx) = plt.subplots(2, 1, figsize=(6.6, 5.6), sharex=True,
                                 gridspec_kw={"height_ratios": [2.2, 1]})
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"]]
    for s, c in zip(v["series"], colours):
        ax.plot([p[0] for p in s["points"]], [p[1] for p in s["points"]], color=c, linewidth=2,
                linestyle="--" if s["dash"] else "-", label=s["label"])
    ax.set_ylim(-0.02, 1.02)
    ax.set_ylabel("share of answers")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    kx.plot([p[0] for p in v["kl"]], [p[1] for p in v["kl"]], color=PALETTE["purple"], linewidth=2)
    kx.set_ylabel("KL (nats)")
    kx.set_xlabel("RL step")
    for a in (ax, kx):
        for st in v["steps"]:
            a.axvline(st, color=PALETTE["grey"], linewidth=0.6, alpha=0.5)
    lines = []
    for pick in (run["saved"][0], run["saved"][-1]):
        for s in pick["samples"][:3]:
            mark = "right" if s["correct"] else "wrong"
            lines.append(f"step {pick['step']}: {s['question']} → {s['reply'] or '(nothing)'} ({mark})")
    text = "\n".join(textwrap.fill(literal(t), 96, subsequent_indent="   ") for t in lines)
    fig.subplots_adjust(bottom=0.3, hspace=0.15)
    fig.text(0.02, 0.01, text, fontsize=7.2, va="bottom", family="DejaVu Sans Mono")
    start, end = v["start"]["heldout"], v["now"]["heldout"]
    return to_svg(fig, f"{v['label']}: held-out accuracy from {start:.0%} at step 0 to "
                  f"{end:.0%} at step {v['step']}; KL from the SFT model "
                  f"{v['now']['kl']:.2f} nats", "fig-lab-rl")
