"""Chapter figure for Post-training: RLHF's pipeline beside DPO's."""
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from site_build.svg import PALETTE, figure as new_figure, to_svg


def _box(ax, x, y, text, colour, w=2.0, h=0.8):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                boxstyle="round,pad=0.02,rounding_size=0.12", facecolor=colour,
                                alpha=0.18, edgecolor=colour, linewidth=1.5))
    ax.text(x, y, text, ha="center", va="center", fontsize=9)


def _arrow(ax, a, b):
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=12, color="black",
                                 lw=1.2, shrinkA=0, shrinkB=0))


def rlhf_vs_dpo() -> str:
    fig, ax = new_figure(6.8, 2.6)
    ax.set_axis_off()
    ax.set_xlim(-0.4, 11.6)
    ax.set_ylim(-0.2, 3.0)
    ax.text(-0.3, 2.75, "RLHF", fontsize=10, fontweight="bold")
    ax.text(-0.3, 0.95, "DPO", fontsize=10, fontweight="bold")
    top = [("people compare\npairs of answers", PALETTE["orange"]),
           ("train a\nreward model", PALETTE["purple"]),
           ("RL loop\n(PPO + KL leash)", PALETTE["red"]),
           ("tuned\nchat model", PALETTE["green"])]
    for i, (text, colour) in enumerate(top):
        x = 1.1 + i * 3.0
        _box(ax, x, 2.1, text, colour, w=2.3)
        if i:
            _arrow(ax, (x - 3.0 + 1.15, 2.1), (x - 1.15, 2.1))
    bottom = [("people compare\npairs of answers", PALETTE["orange"]),
              ("many training steps on the pairs:\npreferred answer up, other down", PALETTE["blue"]),
              ("tuned\nchat model", PALETTE["green"])]
    xs = [1.1, 5.6, 10.1]
    widths = [2.3, 5.2, 2.3]
    for (text, colour), x, w in zip(bottom, xs, widths):
        _box(ax, x, 0.4, text, colour, w=w)
    _arrow(ax, (2.25, 0.4), (3.0, 0.4))
    _arrow(ax, (8.2, 0.4), (8.95, 0.4))
    return to_svg(fig, "RLHF's four-stage pipeline beside DPO's single training stage",
                  "fig-rlhf-vs-dpo")


def figures() -> dict:
    return {
        "rlhf-vs-dpo": (rlhf_vs_dpo(), "Two ways to learn from the same preference comparisons. "
                        "RLHF trains a separate reward model and then runs reinforcement learning "
                        "against it; DPO skips both and trains directly on the pairs, with an "
                        "ordinary loss over many training steps."),
    }
