"""Chapter figures for Reinforcement learning: the loop, PPO's capped step, PPO versus GRPO."""
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from site_build.svg import PALETTE, figure as new_figure, to_svg


def _box(ax, x, y, w, h, text, colour, size=10):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                facecolor=colour, alpha=0.18, edgecolor=colour, linewidth=1.5))
    ax.text(x, y, text, ha="center", va="center", fontsize=size)


def _arrow(ax, a, b, colour="black", style="-|>", rad=0.0, lw=1.3, ls="-"):
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle=style, mutation_scale=14, color=colour, lw=lw,
                                 connectionstyle=f"arc3,rad={rad}", linestyle=ls,
                                 shrinkA=2, shrinkB=2))


def loop() -> str:
    fig, ax = new_figure(6.6, 4.2)
    ax.set_axis_off()
    ax.set_xlim(-5.1, 5.1)
    ax.set_ylim(-3.6, 3.6)
    steps = [
        ("1  TRY\nthe policy (the model)\nwrites many rollouts", PALETTE["blue"]),
        ("2  SCORE\na reward for each:\ntests pass? answer right?", PALETTE["orange"]),
        ("3  COMPARE\nadvantage =\nreward − baseline", PALETTE["green"]),
        ("4  LEAN\nnudge the weights toward\nbetter-than-usual tries", PALETTE["purple"]),
    ]
    pos = [(0, 2.5), (3.3, 0), (0, -2.5), (-3.3, 0)]
    for (text, colour), (x, y) in zip(steps, pos):
        _box(ax, x, y, 3.4, 1.45, text, colour, size=9)
    for i in range(4):
        (x0, y0), (x1, y1) = pos[i], pos[(i + 1) % 4]
        _arrow(ax, (x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.35),
               (x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.65), rad=-0.25)
    ax.text(0, 0, "5  REPEAT\nmany rounds", ha="center", va="center", fontsize=9,
            fontweight="bold")
    return to_svg(fig, "The reinforcement learning loop: try, score, compare, lean, repeat",
                  "fig-rl-loop")


def capped_step() -> str:
    fig, ax = new_figure(6.6, 3.4)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(-2.0, 8.4)
    ax.set_ylim(-2.3, 2.5)
    ax.add_patch(FancyBboxPatch((4.6, -2.2), 3.7, 4.6, boxstyle="square,pad=0",
                                facecolor=PALETTE["red"], alpha=0.10, edgecolor="none"))
    ax.text(6.45, -1.95, "the model breaks:\nfluent nonsense", ha="center", va="bottom",
            fontsize=9, color=PALETTE["red"])
    ax.add_patch(Circle((0, 0), 1.6, facecolor=PALETTE["green"], alpha=0.16,
                        edgecolor=PALETTE["green"], linewidth=1.5, linestyle="--"))
    ax.plot([0], [0], "o", color="black", markersize=6)
    ax.text(0, -0.3, "today's\nmodel", ha="center", va="top", fontsize=9)
    ax.text(0, 1.7, "the clip:\nno extra reward\npast this ring", ha="center", va="bottom", fontsize=9,
            color=PALETTE["green"])
    _arrow(ax, (0, 0), (1.55, 0), colour=PALETTE["green"], lw=3)
    ax.text(2.9, -0.35, "PPO's step\n(a pinch)", ha="center", va="top", fontsize=9,
            color=PALETTE["green"])
    _arrow(ax, (0.1, 0.25), (6.2, 1.3), colour=PALETTE["red"], lw=2, ls="--")
    ax.text(3.0, 1.35, "unclipped lurch: same\ndirection, far too far", ha="center",
            va="bottom", fontsize=9, color=PALETTE["red"])
    ax.text(8.3, 0.0, "reward\nthis way →", ha="right", va="center", fontsize=9)
    return to_svg(fig, "PPO's clipped step: the same direction as a reckless step, with no reward "
                  "for going past the clip", "fig-ppo-step")


def ppo_vs_grpo() -> str:
    rewards = [9, 7, 2]                                  # a three-attempt group
    mean = sum(rewards) / len(rewards)
    fig, axes = new_figure(6.6, 3.3)
    fig.delaxes(axes)
    for k, title in enumerate(("PPO: a critic predicts the baseline",
                               "GRPO: the group's own average")):
        ax = fig.add_subplot(1, 2, k + 1)
        ax.bar(range(3), rewards, color=PALETTE["blue"], width=0.6)
        for i, r in enumerate(rewards):
            ax.text(i, r + 0.2, f"R {r}", ha="center", fontsize=9)
        if k == 0:
            guess = 5.0
            ax.axhline(guess, color=PALETTE["purple"], linestyle="--", linewidth=2)
            ax.text(1, 10.4, f"critic's guess: {guess:g}\n(a second network)", ha="center",
                    va="top", fontsize=8, color=PALETTE["purple"])
        else:
            ax.axhline(mean, color=PALETTE["green"], linewidth=2)
            ax.text(1, 10.4, f"baseline = mean of the\ngroup = {mean:g}", ha="center",
                    va="top", fontsize=8, color=PALETTE["green"])
        ax.set_ylim(0, 10.6)
        ax.set_xticks(range(3), ["try 1", "try 2", "try 3"])
        ax.set_title(title, fontsize=9)
        if k == 0:
            ax.set_ylabel("reward")
    fig.tight_layout()
    return to_svg(fig, "PPO versus GRPO: where the baseline comes from", "fig-ppo-vs-grpo")


def figures() -> dict:
    return {
        "rl-loop": (loop(), "The reinforcement learning loop. The model tries a problem many "
                    "times; each attempt is scored; each score is compared with a baseline; the "
                    "model leans toward the attempts that beat it; then it all runs again."),
        "ppo-step": (capped_step(), "Schematic of PPO's clipped step. The reckless update and "
                     "PPO's update point the same way. Past the ring around today's model, the "
                     "clip stops paying for further movement, however loudly one batch of scores "
                     "shouts. The ring removes the reason to go further; it is not a wall, so a "
                     "step can still overshoot, and implementations also stop a round early "
                     "when the model has drifted too far."),
        "ppo-vs-grpo": (ppo_vs_grpo(), "Where the baseline comes from. PPO trains a second network "
                        "(a critic, or value model) to predict the expected reward, like a food "
                        "critic guessing how good a dish will be; GRPO simply uses the average of "
                        "the group of attempts at the same prompt, like a table of friends "
                        "comparing each dish with the others they ordered. Both then "
                        "clip the step and keep the KL leash. Illustrative rewards 9, 7 and 2."),
    }
