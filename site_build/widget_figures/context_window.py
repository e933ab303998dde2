"""Static figure for the context window: the passage as a strip of sentences (width = tokens),
once with the whole passage in the window and once with a window that has lost the first two
facts."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import context_window as w

CAPTION = ("Illustrative. A made-up passage of six facts and a question, measured in real "
           "cl100k_base tokens; each block's width is its token count. With the whole passage in "
           "the window (top) the question can be answered; a window that has let the two oldest "
           "facts fall out (bottom) cannot answer it. Real context windows hold 100k to over "
           "1M tokens, but they fail the same way once text falls outside them.")


def small_window() -> int:
    """A window that has just lost the first two facts."""
    return w.N_TOKENS - sum(len(tokens) for _, tokens, _ in w.FACTS[:2])


def figure() -> str:
    from matplotlib.patches import Rectangle

    rows = [(w.N_TOKENS, 1.6), (small_window(), 0.0)]
    fig, ax = new_figure(6.8, 2.9)
    for window, y in rows:
        v = w.view({"ctx_window": window})
        x = 0
        for i, seg in enumerate(v["segments"]):
            n = seg["n_tokens"]
            inside = seg["seen"] == "all"
            colour = PALETTE["orange"] if seg["kind"] == "question" else (
                PALETTE["blue"] if seg["needed"] else PALETTE["grey"])
            ax.add_patch(Rectangle((x, y), n - 0.6, 0.8, facecolor=colour,
                                   alpha=0.8 if inside else 0.12, edgecolor=colour,
                                   linewidth=1.2, linestyle="-" if inside else "--"))
            name = "Q" if seg["kind"] == "question" else f"F{i + 1}"
            ax.text(x + (n - 0.6) / 2, y + 0.4, name, ha="center", va="center", fontsize=10,
                    fontweight="bold")
            x += n
        left = w.N_TOKENS - window
        ax.annotate("", xy=(left - 0.3, y + 1.0), xytext=(w.N_TOKENS, y + 1.0),
                    arrowprops={"arrowstyle": "|-|", "color": "black", "linewidth": 1})
        verdict = "answerable" if v["answerable"] else "not answerable"
        ax.text(left, y + 1.2, f"window: {window} tokens, {verdict}", fontsize=10, va="bottom")
    ax.set_xlim(-1, w.N_TOKENS + 1)
    ax.set_ylim(-0.2, 3.2)
    ax.axis("off")
    ax.text(0, -0.15, "F1, F2: facts the question needs  ·  F3–F6: other facts  ·  Q: the question",
            fontsize=9, va="top")
    return to_svg(fig, "Two context windows over the same passage: the full window can answer "
                  "the question, the smaller one has lost the first two facts and cannot",
                  "fig-context-window")
