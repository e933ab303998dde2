"""Figures for the Pre-training chapter: the web-filtering funnel (schematic), and training-set
sizes against the estimated stock of public human text (from the cited papers)."""
from matplotlib.patches import Polygon

from site_build.data.pretrain import DATASETS, STOCK_HIGH, STOCK_LOW, STOCK_MEDIAN
from site_build.svg import PALETTE, figure as new_figure, to_svg

# FineWeb's pipeline (Penedo et al. 2024), in order. No per-stage numbers: the funnel is schematic.
STAGES = [
    ("Raw crawl (Common Crawl snapshots)", "web pages as fetched: HTML, menus, ads, spam"),
    ("URL filter", "drop known adult and spam domains"),
    ("Text extraction", "keep the main text, strip the page furniture"),
    ("Language identification", "keep pages a classifier scores as English"),
    ("Quality filters", "rules for repetition, boilerplate, odd punctuation, length"),
    ("Deduplication", "near-copies removed (MinHash)"),
    ("Personal information", "e-mail and IP addresses masked"),
    ("Training corpus", "what the model actually reads"),
]

def funnel() -> tuple[str, str]:
    fig, ax = new_figure(6.8, 4.2)
    n = len(STAGES)
    ax.set_xlim(-1, 1)
    ax.set_ylim(n, 0)
    ax.axis("off")
    for i, (name, what) in enumerate(STAGES):
        top = 0.95 - 0.75 * i / (n - 1)
        bottom = 0.95 - 0.75 * (i + 1) / (n - 1) if i < n - 1 else top
        colour = PALETTE["green"] if i == n - 1 else PALETTE["blue"]
        ax.add_patch(Polygon([(-top / 2 - 0.45, i + 0.06), (top / 2 - 0.45, i + 0.06),
                              (bottom / 2 - 0.45, i + 0.94), (-bottom / 2 - 0.45, i + 0.94)],
                             closed=True, facecolor=colour, alpha=0.35, edgecolor=colour))
        ax.text(0.1, i + 0.38, name, fontsize=9.5, fontweight="bold", va="center", color="black")
        ax.text(0.1, i + 0.72, what, fontsize=8, va="center", color="black")
    svg = to_svg(fig, "Funnel of eight stages from raw web crawl to training corpus",
                 "fig-funnel")
    caption = ("The stages of a FineWeb-style cleaning pipeline, after Penedo et al. (2024). "
               "Schematic: the narrowing shows that each stage throws text away, but the widths "
               "are not to scale and no per-stage numbers are claimed.")
    return svg, caption


def supply() -> tuple[str, str]:
    fig, ax = new_figure(6.4, 3.6)
    years = [y for _, y, _ in DATASETS]
    ax.axhspan(STOCK_LOW, STOCK_HIGH, color=PALETTE["green"], alpha=0.15, linewidth=0)
    ax.axhline(STOCK_MEDIAN, color=PALETTE["green"], linewidth=2)
    ax.text(2019.6, STOCK_MEDIAN * 1.25, "estimated stock of public human text (~300T tokens; "
            "band: 100T–1,000T)", fontsize=8.5, color="black")
    ax.plot(years, [t for _, _, t in DATASETS], "o-", color=PALETTE["blue"], linewidth=2)
    for name, year, tokens in DATASETS:
        ax.annotate(f"{name}\n{tokens / 1e12:g}T", (year, tokens), textcoords="offset points",
                    xytext=(0, -26 if name != "Gopher" else 8), ha="center", fontsize=8,
                    color="black")
    ax.set_yscale("log")
    ax.set_ylim(4e10, 3e15)
    ax.set_xlim(2019.5, 2024.7)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylabel("tokens (log scale)")
    ax.set_xlabel("year the model was described")
    svg = to_svg(fig, "Training-set sizes rising from 0.3 trillion to 15 trillion tokens, below a "
                 "band for the estimated stock of public text", "fig-supply")
    caption = ("Appetite against supply. Blue: tokens each model was trained on, as reported in its "
               "paper (GPT-3, Gopher, Chinchilla, Llama 2, Llama 3). Green: Villalobos et al.'s "
               "(2024) estimate of the stock of usable public human-written text, about 300 "
               "trillion tokens with a wide uncertainty band. The log scale hides how fast the gap "
               "closes: each gridline is ten times the one below.")
    return svg, caption


def figures() -> dict[str, tuple[str, str]]:
    return {"pretrain-funnel": funnel(), "pretrain-supply": supply()}
