"""Figures for the Attention chapter: one Transformer layer and where its parameters live, the
recurrent chain versus the all-to-all web, and a schematic of a GPU kept idle or busy."""
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from site_build.data.models import Llama2, PARAMS_7B, llama2_7b_layer
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


def _millions(n: int) -> str:
    return f"{n / 1e6:.0f}M"


def one_layer() -> tuple[str, str]:
    """The residual stream rising through one layer: attention, then feed-forward, each adding its
    result back; parameter counts from Llama 2 7B's published shapes."""
    p = llama2_7b_layer()
    fig, ax = new_figure(6.6, 5.0)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10.4)
    ax.axis("off")

    def box(x, y, w, h, text, colour, size=9):
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                    boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor=colour, alpha=0.22, edgecolor=colour, linewidth=1.5))
        ax.text(x, y, text, ha="center", va="center", fontsize=size, color="black")

    def arrow(a, b, rad=0.0, colour="black"):
        ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=12, color=colour,
                                     linewidth=1.3, connectionstyle=f"arc3,rad={rad}"))

    stream_x = 3.2
    # The layer's frame.
    ax.add_patch(Rectangle((2.3, 2.35), 7.6, 5.5, fill=False, linestyle="--", linewidth=1.2,
                           edgecolor=PALETTE["grey"]))
    ax.text(9.8, 7.75, f"one layer, repeated {Llama2.layers_7b} times", ha="right", va="top",
            fontsize=9, color=PALETTE["grey"])
    box(stream_x, 1.2, 3.6, 0.95,
        f"embedding table: one row per token\n({_millions(p['embedding'])} parameters)",
        PALETTE["grey"])
    box(stream_x, 9.25, 3.6, 0.95,
        f"output layer: a score for every token\n({_millions(p['output'])} parameters)",
        PALETTE["grey"])
    # The residual stream: a thick line from the embeddings to the output layer.
    ax.plot([stream_x, stream_x], [1.7, 8.75], color=PALETTE["blue"], linewidth=5, alpha=0.7,
            solid_capstyle="butt")
    ax.text(2.1, 5.1, "residual stream:\neach token's\nrunning list\nof numbers",
            ha="right", va="center", fontsize=8.5, color=PALETTE["blue"])
    # Attention, then feed-forward; each reads the stream and adds its result back.
    for y, colour, title, what, n in (
            (3.85, PALETTE["orange"], "attention", "tokens share information", p["attention"]),
            (6.4, PALETTE["green"], "feed-forward block", "each token on its own", p["feed_forward"])):
        box(7.05, y, 4.9, 1.35, f"{title}\n{what}\n{_millions(n)} parameters", colour)
        arrow((stream_x + 0.1, y - 0.75), (4.55, y - 0.2), rad=-0.25)
        arrow((4.55, y + 0.2), (stream_x + 0.12, y + 0.75), rad=-0.25)
        ax.text(stream_x + 0.35, y + 0.75, "+", fontsize=13, fontweight="bold", va="center",
                color="black")
    share = p["feed_forward"] / (p["feed_forward"] + p["attention"] + p["norms"])
    ax.text(7.05, 2.55, f"feed-forward: {100 * share:.0f}% of the layer's parameters",
            ha="center", va="bottom", fontsize=8.5, color="black")
    svg = to_svg(fig, "One Transformer layer: the residual stream rises from the embedding table "
                 "to the output layer; attention and then a larger feed-forward block each add "
                 "their result to it", "fig-one-layer")
    caption = (f"One layer of a Transformer, with parameter counts computed from Llama 2 7B's "
               f"published shapes. Each token's numbers rise up the residual stream. Attention "
               f"lets tokens share information; the feed-forward block then works on each token "
               f"alone. Each adds its result to the stream rather than replacing it. The same "
               f"kind of layer is stacked {Llama2.layers_7b} times; the layers hold "
               f"{100 * Llama2.layers_7b * sum((p['attention'], p['feed_forward'], p['norms'])) / PARAMS_7B:.0f}% "
               f"of the model's {PARAMS_7B / 1e9:.2f} billion parameters.")
    return svg, caption


def figures() -> dict[str, tuple[str, str]]:
    return {"attention-one-layer": one_layer(), "attention-chain-web": chain_versus_web(),
            "attention-idle-busy": idle_versus_busy()}
