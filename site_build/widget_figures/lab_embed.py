"""Static figure for the lab model's meaning-space: every token on the build's 2-D map, coloured by
the group it was measured to fall in, with a few members of each group named."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import lab_embed as w

CAPTION = ("Every whole-word token the lab model knows, placed by its learned embedding vector "
           "flattened to two dimensions (its two main directions); colours mark the world's groups "
           "of words (people, towns, animals, colours, …), and a few members of each are named. Distances on a flat map are only rough: the "
           "neighbour lists in the live view use the full vectors. Computed from the trained "
           "model, not illustrative.")

COLOURS = ["blue", "orange", "green", "purple", "red"]
MARKERS = ["o", "s", "^", "D", "v"]


def figure() -> str:
    points, groups = w.projection()
    names = [g["name"] for g in groups]
    fig, ax = new_figure(6.6, 4.8)
    plain = [p for p in points if p["group"] not in names]
    ax.scatter([p["x"] for p in plain], [p["y"] for p in plain], s=4, color=PALETTE["grey"],
               alpha=0.35, linewidths=0)
    for k, name in enumerate(names):
        members = [p for p in points if p["group"] == name]
        colour = PALETTE[COLOURS[k % len(COLOURS)]]
        ax.scatter([p["x"] for p in members], [p["y"] for p in members], s=16, color=colour,
                   marker=MARKERS[k // len(COLOURS) % len(MARKERS)], label=name, linewidths=0)
        for p in members[:2]:
            text = p["word"].replace("$", r"\$")
            ax.annotate(text, (p["x"], p["y"]), fontsize=7, xytext=(3, 2),
                        textcoords="offset points")
    import numpy as np
    xs, ys = [p["x"] for p in points], [p["y"] for p in points]
    (x0, x1), (y0, y1) = np.percentile(xs, [1, 99]), np.percentile(ys, [1, 99])
    ax.set_xlim(x0 - 0.05 * (x1 - x0), x1 + 0.05 * (x1 - x0))
    ax.set_ylim(y0 - 0.05 * (y1 - y0), y1 + 0.05 * (y1 - y0))
    ax.set_xticks([])
    ax.set_yticks([])
    if names:
        ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  markerscale=1.3)
    return to_svg(fig, f"Map of {len(points)} tokens; groups: {', '.join(names) or 'none'}",
                  "fig-lab-embed")
