"""Static figure for the attention-cost widget: pairs of tokens (N²) against length N."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import attention_cost as w

CAPTION = ("Attention compares every token with every token, so the work is N × N. Doubling the "
           "text from 1,000 to 2,000 tokens takes the pairs from 1 million to 4 million. Exact "
           "arithmetic, not a measurement of any particular model.")


def figure() -> str:
    fig, ax = new_figure(6.0, 3.4)
    xs = [k * 50 for k in range(0, 41)]
    ax.plot(xs, [w.pairs(x) / 1e6 for x in xs], color=PALETTE["blue"], linewidth=2,
            label="pairs compared (N²)")
    ax.plot(xs, [x * 2000 / 1e6 for x in xs], color=PALETTE["grey"], linewidth=1.5,
            linestyle="--", label="a straight line, for comparison")
    for n, colour in ((1000, PALETTE["orange"]), (2000, PALETTE["red"])):
        ax.plot([n], [w.pairs(n) / 1e6], "o", color=colour)
        ax.annotate(f"N = {n:,}: {w.pairs(n) / 1e6:g} million pairs", (n, w.pairs(n) / 1e6),
                    textcoords="offset points", xytext=(-170, 4), color="black")
    ax.set_xlabel("length of the text, N (tokens)")
    ax.set_ylabel("pairs compared (millions)")
    ax.legend(frameon=False, loc="upper left")
    return to_svg(fig, "Curve of N squared: 1,000 tokens make 1 million pairs, 2,000 make 4 million",
                  "fig-attention-cost")
