"""Figures for the Attention chapter: the recurrent chain versus the all-to-all web, and a
schematic of a GPU kept idle or busy."""
from matplotlib.patches import FancyArrowPatch, Rectangle

from site_build.svg import PALETTE, figure as new_figure, to_svg

WORDS = ["The", "keys", "that", "I", "left", "by", "the", "door", "were", "gone"]


def chain_versus_web() -> tuple[str, str]:
    fig, _ = new_figure(7.2, 3.6)
    fig.clf()
    top = fig.add_subplot(2, 1, 1)
    bottom = fig.add_subplot(2, 1, 2)
    n = len(WORDS)
    for ax, title in ((top, "Recurrent network: one word at a time, memory handed along"),
                      (bottom, "Attention: every word one direct hop from every other")):
        ax.set_xlim(-0.6, n - 0.4)
        ax.set_ylim(-0.9, 1.3)
        ax.axis("off")
        ax.set_title(title, fontsize=10, loc="left", color="black")
        for i, word in enumerate(WORDS):
            strong = word in ("keys", "were")
            ax.text(i, 0, word, ha="center", va="center", fontsize=10,
                    fontweight="bold" if strong else "normal", color="black")
    bottom.set_ylim(-0.9, 2.4)
    for i in range(n - 1):
        top.add_patch(FancyArrowPatch((i + 0.3, -0.45), (i + 0.7, -0.45), arrowstyle="-|>",
                                      mutation_scale=10, color=PALETTE["grey"]))
        top.text(i + 0.5, -0.8, f"{i + 1}", ha="center", fontsize=7, color=PALETTE["grey"])
    hops = WORDS.index("were") - WORDS.index("keys")
    top.text(n - 0.5, 0.8, f"'keys' reaches 'were' only after {hops} hand-offs",
             ha="right", fontsize=8, color=PALETTE["red"])
    w = WORDS.index("were")
    for j in range(w):
        bottom.add_patch(FancyArrowPatch((w, 0.25), (j, 0.25), connectionstyle="arc3,rad=0.35",
                                         arrowstyle="-", color=PALETTE["grey"], alpha=0.5,
                                         linewidth=0.8))
    k = WORDS.index("keys")
    bottom.add_patch(FancyArrowPatch((w, 0.25), (k, 0.25), connectionstyle="arc3,rad=0.35",
                                     arrowstyle="-|>", mutation_scale=12,
                                     color=PALETTE["orange"], linewidth=2.2))
    bottom.text(n - 0.5, -0.75, "'were' reaches 'keys' in one step; all pairs at once",
                ha="right", fontsize=8, color=PALETTE["orange"])
    svg = to_svg(fig, "Two diagrams of one sentence: a chain of hand-offs versus direct links "
                 "from 'were' to every earlier word", "fig-chain-web")
    caption = ("Schematic. Top: a recurrent network reads left to right, squeezing everything so "
               "far into one running memory, so a link between distant words must survive many "
               "hand-offs. Bottom: attention lets “were” look straight back at “keys” (and at every "
               "other earlier word) in one step, and all words do this at the same time.")
    return svg, caption


def idle_versus_busy() -> tuple[str, str]:
    fig, _ = new_figure(6.4, 2.8)
    fig.clf()
    side = 8
    for k, (title, busy) in enumerate((("One step at a time", 1), ("All positions at once", side * side))):
        ax = fig.add_subplot(1, 2, k + 1)
        ax.set_xlim(0, side)
        ax.set_ylim(0, side)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(title, fontsize=10, color="black")
        for i in range(side * side):
            x, y = i % side, side - 1 - i // side
            on = i < busy
            ax.add_patch(Rectangle((x + 0.08, y + 0.08), 0.84, 0.84,
                                   facecolor=PALETTE["orange"] if on else "none",
                                   edgecolor=PALETTE["grey"], linewidth=0.8))
    svg = to_svg(fig, "Schematic: a grid of processor cores, one busy on the left, all busy on "
                 "the right", "fig-idle-busy")
    caption = ("Schematic, not a measurement: a graphics chip has thousands of small cores. Work "
               "that must happen one word after another keeps few of them busy (left); attention's "
               "all-pairs arithmetic hands every core something to do at once (right).")
    return svg, caption


def figures() -> dict[str, tuple[str, str]]:
    return {"attention-chain-web": chain_versus_web(), "attention-idle-busy": idle_versus_busy()}
