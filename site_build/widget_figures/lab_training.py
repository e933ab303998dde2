"""Static figure for Watch the lab model learn: training and held-out loss at every saved
checkpoint, and what the model wrote for the first fixed prompt at the first and last checkpoint."""
import textwrap

from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import lab_training as w

CAPTION = ("The lab model's loss while it trained (lower is better): on the text it trained on "
           "(solid) and on held-out text it never saw (dashed), at every saved checkpoint. Below "
           "the curves, what it wrote for the same prompt at the first and at the last "
           "checkpoint. Computed from the real training run when the book was built.")


def mpl(text: str) -> str:
    return text.replace("$", r"\$")


def figure() -> str:
    cps = w.history()
    steps = [c["step"] for c in cps]
    fig, ax = new_figure(6.4, 4.4)
    ax.plot(steps, [c["train_loss"] for c in cps], color=PALETTE["blue"], linewidth=2,
            marker="o", markersize=3, label="training loss")
    ax.plot(steps, [c["heldout_loss"] for c in cps], color=PALETTE["orange"], linewidth=2,
            linestyle="--", marker="o", markersize=3, label="held-out loss")
    ax.set_xlabel("training step")
    ax.set_ylabel("loss (lower is better)")
    ax.legend(frameon=False)
    lines = []
    for label, c in (("first checkpoint", cps[0]), ("last checkpoint", cps[-1])):
        if c["samples"]:
            s = c["samples"][0]
            said = " ".join((s["text"]).split())[:110]
            lines.append(f"{label} (step {c['step']}): " + said)
    if lines:
        text = "\n".join(textwrap.fill(mpl(t), 95) for t in lines)
        fig.subplots_adjust(bottom=0.34)
        fig.text(0.02, 0.02, text, fontsize=7.5, va="bottom", family="DejaVu Sans Mono")
    return to_svg(fig, f"Loss curves over {len(cps)} checkpoints: held-out loss falls from "
                  f"{cps[0]['heldout_loss']:.2f} to {cps[-1]['heldout_loss']:.2f}",
                  "fig-lab-training")
