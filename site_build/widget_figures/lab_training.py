"""Static figure for Watch the lab model learn: the training and held-out loss curves with the
saved checkpoints marked, and what the model wrote for the same prompt at the first, a middle and
the last checkpoint."""
import textwrap

from site_build.svg import PALETTE, figure as new_figure, literal, to_svg
from widgets import lab_training as w

CAPTION = ("The lab model's loss while it trained (lower is better): on the text it trains on "
           "(solid, averaged over 25 steps) and on held-out text it never trains on (dashed); "
           "dots mark the saved checkpoints. Below the curves, what it wrote for the same prompt "
           "at three checkpoints (its single most likely continuation). Computed from the real "
           "training run when the book was built, not illustrative.")



def figure() -> str:
    h = w.history()
    cps = h["checkpoints"]
    fig, ax = new_figure(6.4, 4.8)
    ax.plot([s for s, _ in h["train"]], [v for _, v in h["train"]], color=PALETTE["blue"],
            linewidth=2, label="training loss")
    ax.plot([s for s, _ in h["heldout"]], [v for _, v in h["heldout"]], color=PALETTE["orange"],
            linewidth=2, linestyle="--", label="held-out loss")
    ax.scatter([c["step"] for c in cps], [c["heldout_loss"] for c in cps], s=18,
               color=PALETTE["orange"], zorder=3, label="saved checkpoints")
    ax.set_xlabel("training step")
    ax.set_ylabel("loss (lower is better)")
    ax.legend(frameon=False)
    lines = []
    picks = [cps[0], cps[len(cps) // 2], cps[-1]] if len(cps) >= 3 else cps
    for c in picks:
        if c["samples"]:
            s = c["samples"][0]
            said = " ".join((s["prompt"] + s["reply"]).split())[:100]
            lines.append(f"step {c['step']}: " + said)
    if lines:
        text = "\n".join(textwrap.fill(literal(t), 92, subsequent_indent="   ") for t in lines)
        fig.subplots_adjust(bottom=0.36)
        fig.text(0.02, 0.02, text, fontsize=7.5, va="bottom", family="DejaVu Sans Mono")
    return to_svg(fig, f"Loss curves over {cps[-1]['step']} training steps: held-out loss falls "
                  f"from {cps[0]['heldout_loss']:.2f} to {cps[-1]['heldout_loss']:.2f}",
                  "fig-lab-training")
