"""Static figure for the lab model's meaning-space: every token on the build's 2-D map, coloured by
the group it was measured to fall in, with a few members of each group named."""
from site_build.svg import PALETTE, figure as new_figure, literal, to_svg
from widgets import lab_embed as w

CAPTION = ("The whole-word tokens the lab model read often (at least 200 times in training), "
           "placed by their learned embedding vectors flattened to two dimensions (their two main "
           "directions); colours mark the world's groups of words (people, towns, animals, "
           "colours, …), and a few members of each are named. Word pieces it hardly ever read "
           "alone are left off: training barely moved them, so they sit in one clump that would "
           "squash the rest of the map. Distances on a flat map are only rough: the "
           "neighbour lists in the live view use the full vectors. Computed from the trained "
           "model, not illustrative.")

COLOURS = ["blue", "orange", "green", "purple", "red"]
MARKERS = ["o", "s", "^", "D", "v"]


def bounds(values, lo=0, hi=100):
    """The lo-th and hi-th percentiles of the values (all of them by default)."""
    v = sorted(values)
    at = lambda q: v[min(len(v) - 1, max(0, round(q / 100 * (len(v) - 1))))]
    return at(lo), at(hi)


def figure() -> str:
    points, groups = w.projection()
    names = [g["name"] for g in groups]
    (x0, x1), (y0, y1) = bounds([p["x"] for p in points]), bounds([p["y"] for p in points])
    X = lambda p: min(max(p["x"], x0), x1)
    Y = lambda p: min(max(p["y"], y0), y1)
    fig, ax = new_figure(6.6, 4.8)
    plain = [p for p in points if p["group"] not in names]
    ax.scatter([X(p) for p in plain], [Y(p) for p in plain], s=4, color=PALETTE["grey"],
               alpha=0.35, linewidths=0)
    for k, name in enumerate(names):
        members = [p for p in points if p["group"] == name]
        colour = PALETTE[COLOURS[k % len(COLOURS)]]
        ax.scatter([X(p) for p in members], [Y(p) for p in members], s=16, color=colour,
                   marker=MARKERS[k // len(COLOURS) % len(MARKERS)], label=name, linewidths=0)
        for p in members[:2]:
            ax.annotate(literal(p["word"]), (X(p), Y(p)), fontsize=7, xytext=(3, 2),
                        textcoords="offset points")
    ax.set_xlim(x0 - 0.04 * (x1 - x0), x1 + 0.04 * (x1 - x0))
    ax.set_ylim(y0 - 0.04 * (y1 - y0), y1 + 0.04 * (y1 - y0))
    ax.set_xticks([])
    ax.set_yticks([])
    if names:
        ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  markerscale=1.3)
    return to_svg(fig, f"Map of {len(points)} whole-word tokens; groups of the world's words: "
                  f"{', '.join(names) or 'none'}", "fig-lab-embed")
