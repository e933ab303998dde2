"""Static figure for the temperature dial: the default distribution (T = 0.8) beside T = 0.2
and T = 1.5, so the page makes the point even without Python."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import temperature as w

CAPTION = ("Probability of each candidate next token after “The weather today is” at three "
           "temperatures. Low temperature piles the probability onto the favourite; high "
           "temperature spreads it out. Illustrative logits, not taken from a real model.")


def figure() -> str:
    tokens = [t.strip() for t, _ in w.CANDIDATES]
    fig, ax = new_figure(6.4, 3.6)
    temps = [(0.2, PALETTE["blue"]), (w.PARAMS["temperature"].default, PALETTE["orange"]),
             (1.5, PALETTE["green"])]
    height = 0.26
    for j, (t, colour) in enumerate(temps):
        probs = w.distribution(t)
        ys = [i + (j - 1) * height for i in range(len(tokens))]
        ax.barh(ys, probs, height=height, color=colour, label=f"T = {t:g}")
    ax.set_yticks(range(len(tokens)), tokens)
    ax.invert_yaxis()
    ax.set_xlabel("probability of being picked next")
    ax.set_xlim(0, 1)
    ax.legend(frameon=False, loc="lower right")
    return to_svg(fig, "Bar chart: next-token probabilities at temperatures 0.2, 0.8 and 1.5",
                  "fig-temperature")
