"""Embeddings chapter: similarity as an angle, and position codes as waves."""
import math

from site_build.svg import PALETTE, figure as new_figure, to_svg

from site_build.data.embed import VECTORS, angle_degrees, cosine  # noqa: F401


def similarity() -> str:
    fig, ax = new_figure(5.6, 3.4)
    colours = {"cat": PALETTE["blue"], "kitten": PALETTE["green"], "invoice": PALETTE["orange"]}
    for word, (x, y) in VECTORS.items():
        ax.annotate("", xy=(x, y), xytext=(0, 0),
                    arrowprops={"arrowstyle": "-|>", "color": colours[word], "lw": 2.2,
                                "mutation_scale": 16})
        ax.text(x * 1.06, y * 1.06 + 0.05, word, fontsize=12, fontweight="bold",
                ha="left", va="center")
    for other, radius in (("kitten", 1.3), ("invoice", 1.7)):
        a0 = math.atan2(VECTORS["cat"][1], VECTORS["cat"][0])
        a1 = math.atan2(VECTORS[other][1], VECTORS[other][0])
        steps = [a0 + (a1 - a0) * k / 30 for k in range(31)]
        ax.plot([radius * math.cos(t) for t in steps], [radius * math.sin(t) for t in steps],
                color=PALETTE["grey"], lw=1.2)
        c = cosine(VECTORS["cat"], VECTORS[other])
        ax.text(4.4, 1.0 if other == "kitten" else -1.0,
                f"cat and {other}:\nangle {angle_degrees(VECTORS['cat'], VECTORS[other]):.0f}°, "
                f"cosine {c:.2f}", fontsize=10, ha="left", va="center")
    ax.set_xlim(-0.3, 7.5)
    ax.set_ylim(-3.4, 3.4)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    return to_svg(fig, "Three word vectors as arrows: cat and kitten point almost the same way "
                  "(cosine near 1); cat and invoice point far apart (cosine near 0)",
                  "fig-cosine")


def sinusoid(pos: int, i: int, d: int = 16) -> float:
    """The Transformer paper's position code: dimension 2i is sin(pos / 10000^(2i/d))."""
    return math.sin(pos / 10000 ** (2 * i / d))


def positions() -> str:
    fig, ax = new_figure(6.4, 3.0)
    xs = [k / 10 for k in range(0, 201)]
    for row, (i, colour) in enumerate(((0, "blue"), (1, "orange"), (2, "green"), (3, "purple"))):
        base = -2.6 * row
        ax.plot(xs, [base + sinusoid(x, i) for x in xs], color=PALETTE[colour], lw=1.6)
        ax.scatter(range(0, 21), [base + sinusoid(p, i) for p in range(0, 21)],
                   color=PALETTE[colour], s=14, zorder=3)
        ax.text(-0.6, base, f"dimension {2 * i}", ha="right", va="center", fontsize=9)
    ax.set_xlim(-0.3, 20.3)
    ax.set_xticks(range(0, 21, 2))
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("position in the text (token 0, 1, 2, …)")
    return to_svg(fig, "Four sine waves of different speeds; each token position reads one value "
                  "from each wave, giving every position its own combination", "fig-positions")


def figures() -> dict[str, tuple[str, str]]:
    return {
        "cosine": (similarity(), (
            "Similarity as an angle. Illustrative two-dimensional vectors: the cosine of the "
            "angle between two arrows is 1 when they point the same way, 0 at right angles, and "
            "−1 when they point in opposite directions. Length does not matter, only direction.")),
        "positions": (positions(), (
            "Position codes from the original Transformer paper: each dimension of the code is a "
            "wave of a different speed (sin(pos / 10000^(2i/d)), here with d = 16). A dot is the "
            "value a token at that position adds; no two positions get the same mix. Computed "
            "from the formula.")),
    }
