"""Static figure for the attention widget: the whole lower-triangular weight matrix as a heat map,
with the default word's row outlined."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import attention as w

CAPTION = ("Who listens to whom in “The dog didn't cross the road because it was too "
           "tired”: row = the word doing the listening, column = the word it listens to; darker "
           "means a bigger share of its attention. Everything above the diagonal is blank because "
           "a word may only look back. The row for “it” is outlined: most of its attention goes "
           "to “dog”. Illustrative weights (hand-set scores through a real softmax), with whole "
           "words standing in for tokens.")


def figure() -> str:
    import matplotlib.colors as mcolors
    from matplotlib.patches import Rectangle
    weights = w.weights()
    n = len(w.TOKENS)
    cmap = mcolors.LinearSegmentedColormap.from_list("attn", ["#ffffff00", PALETTE["blue"]])
    masked = [[weights[i][j] if j <= i else float("nan") for j in range(n)] for i in range(n)]
    fig, ax = new_figure(6.0, 5.2)
    ax.imshow(masked, cmap=cmap, vmin=0, vmax=max(max(r) for r in weights), aspect="equal")
    for i in range(n):
        for j in range(i + 1, n):
            ax.add_patch(Rectangle(
                (j - 0.5, i - 0.5), 1, 1, facecolor=PALETTE["grey"], alpha=0.15, edgecolor="none"))
    sel = w.PARAMS["attn_word"].default
    ax.add_patch(Rectangle(
        (-0.5, sel - 0.5), sel + 1, 1, fill=False, edgecolor=PALETTE["orange"], linewidth=2))
    ax.set_xticks(range(n), w.TOKENS, rotation=60, ha="right")
    ax.set_yticks(range(n), w.TOKENS)
    ax.set_xlabel("listens to (earlier word)")
    ax.set_ylabel("listening word")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0)
    return to_svg(fig, "Heat map of illustrative attention weights; the row for 'it' is brightest "
                  "under 'dog'; the upper triangle is masked", "fig-attention")
