"""Start here: the lifecycle map. Born once (tokenizer, pre-training, post-training, RL, in a
data centre), then lives (inference, on every message)."""
from site_build.svg import PALETTE, figure as new_figure, to_svg

BORN = [("Tokenizer", "fix the vocabulary"), ("Pre-training", "predict the next token,\ntrillions of times"),
        ("Post-training", "learn to be an\nassistant"), ("Reinforcement\nlearning", "learn from scored\nattempts")]
LIFE = ("Inference", "answer your message,\none token at a time")


def lifecycle() -> str:
    from matplotlib.patches import FancyBboxPatch

    fig, ax = new_figure(7.6, 3.0)
    w, hgt, gap = 2.35, 1.25, 0.4
    y = 0.5
    for i, (name, sub) in enumerate(BORN):
        x = i * (w + gap)
        ax.add_patch(FancyBboxPatch((x, y), w, hgt, boxstyle="round,pad=0,rounding_size=0.12",
                                    facecolor=PALETTE["blue"], alpha=0.18,
                                    edgecolor=PALETTE["blue"], linewidth=1.5))
        ax.text(x + w / 2, y + hgt - 0.3, name, ha="center", va="center", fontsize=10.5,
                fontweight="bold", linespacing=1.0)
        ax.text(x + w / 2, y + 0.3, sub, ha="center", va="center", fontsize=7.5,
                linespacing=1.1)
        if i:
            ax.annotate("", xy=(x - 0.03, y + hgt / 2), xytext=(x - gap + 0.03, y + hgt / 2),
                        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.2})
    x_life = 4 * (w + gap) + 0.35
    ax.add_patch(FancyBboxPatch((x_life, y), w, hgt, boxstyle="round,pad=0,rounding_size=0.12",
                                facecolor=PALETTE["orange"], alpha=0.25,
                                edgecolor=PALETTE["orange"], linewidth=2))
    ax.text(x_life + w / 2, y + hgt - 0.3, LIFE[0], ha="center", va="center", fontsize=10.5,
            fontweight="bold")
    ax.text(x_life + w / 2, y + 0.3, LIFE[1], ha="center", va="center", fontsize=7.5,
            linespacing=1.1)
    ax.annotate("", xy=(x_life - 0.03, y + hgt / 2), xytext=(x_life - 0.35 - gap + 0.03, y + hgt / 2),
                arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.2})
    # loop arrow over inference
    ax.annotate("", xy=(x_life + w * 0.3, y + hgt + 0.05), xytext=(x_life + w * 0.7, y + hgt + 0.05),
                arrowprops={"arrowstyle": "-|>", "color": PALETTE["orange"], "lw": 1.5,
                            "connectionstyle": "arc3,rad=1.4"})
    born_right = 4 * (w + gap) - gap
    ax.annotate("", xy=(0, 2.25), xytext=(born_right, 2.25),
                arrowprops={"arrowstyle": "|-|", "color": PALETTE["blue"], "lw": 1.2})
    ax.text(born_right / 2, 2.4, "BORN: once, over months, in a data centre", ha="center",
            va="bottom", fontsize=10, fontweight="bold")
    ax.text(x_life + w / 2, 2.4, "LIFE: every message", ha="center", va="bottom",
            fontsize=10, fontweight="bold")
    ax.text(born_right / 2, 0.15, "the model is made: its numbers change", ha="center", va="center", fontsize=9,
            style="italic")
    ax.text(x_life + w / 2, 0.15, "its numbers stay frozen", ha="center", va="center",
            fontsize=9, style="italic")
    ax.set_xlim(-0.1, x_life + w + 0.1)
    ax.set_ylim(0, 2.9)
    ax.axis("off")
    return to_svg(fig, "Lifecycle of a language model: tokenizer, pre-training, post-training and "
                  "reinforcement learning happen once (its birth); inference happens on every "
                  "message (its life)", "fig-lifecycle")


def figures() -> dict[str, tuple[str, str]]:
    return {"lifecycle": (lifecycle(), "A model's life story. Everything in blue happens once, "
                          "before release, and changes the model's numbers; inference, in orange, "
                          "runs on every message and changes nothing in the model. Schematic.")}
