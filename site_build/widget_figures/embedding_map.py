"""Static figure for the embedding map: the words in their clusters, with the default analogy
(king − man + woman) drawn as the man→woman arrow carried over to king."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import embedding_map as w

CAPTION = ("Illustrative coordinates: real embeddings have hundreds to thousands of dimensions, "
           "flattened here to two, and these points were placed by hand. The step from “man” to "
           "“woman”, carried over to “king”, lands nearest “queen” (found by computing distances, "
           "with the three input words left out). That clean arithmetic is a result from static "
           "word embeddings (word2vec), not something a chat model does inside.")

GROUP_COLOURS = {"people": "blue", "royalty": "purple", "countries": "green",
                 "capitals": "orange", "animals": "red"}


def figure() -> str:
    v = w.view({})
    fig, ax = new_figure(6.8, 4.6)
    for item in v["words"]:
        colour = PALETTE[GROUP_COLOURS[item["group"]]]
        bold = item["role"] != ""
        ax.scatter([item["x"]], [item["y"]], s=46 if bold else 26, color=colour, zorder=3)
        ax.text(item["x"] + 0.2, item["y"] + 0.15, item["word"], fontsize=10 if bold else 9,
                fontweight="bold" if bold else "normal", zorder=4)
    arrow = {"arrowstyle": "-|>", "linewidth": 1.6, "mutation_scale": 14}
    m, p, s = (w.point(v[k]) for k in ("minus", "plus", "start"))
    ax.annotate("", xy=p, xytext=m, arrowprops={**arrow, "color": PALETTE["grey"]})
    ax.annotate("", xy=tuple(v["target"]), xytext=s,
                arrowprops={**arrow, "color": "black", "linestyle": "--"})
    ax.scatter([v["target"][0]], [v["target"][1]], s=90, facecolors="none", edgecolors="black",
               linewidths=1.2, zorder=5)
    ax.set_xlim(0, 20.8)
    ax.set_ylim(0, 13.6)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")
    return to_svg(fig, f"Map of {len(v['words'])} words in clusters; the arrow from man to woman, "
                  f"copied to start at king, ends nearest {v['result']}", "fig-embedding-map")
