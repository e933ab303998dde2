"""Deterministic, theme-aware SVG from matplotlib.

Figures are inlined into pages, so they inherit the page's text colour: pure black in a figure
becomes `currentColor` (readable in light and dark mode). Use PALETTE colours for data; they were
picked to keep contrast on both the light and the dark background.
"""
from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

# Mid-tone colours that read on white and on the dark slate background.
PALETTE = {
    "blue": "#3f7fd9",
    "orange": "#e07b24",
    "green": "#2f9e6a",
    "red": "#d6455d",
    "purple": "#8a63d2",
    "grey": "#8c8c8c",
    # Five more, for maps with up to ten groups (the lab model's meaning-space).
    "gold": "#b8860b",
    "teal": "#1f9bb4",
    "pink": "#c2549f",
    "olive": "#6b8e23",
    "brown": "#a0522d",
}

plt.rcParams.update({
    "svg.fonttype": "none",          # keep text as text: small, selectable, searchable
    "svg.hashsalt": "token-by-token",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "black",
    "axes.labelcolor": "black",
    "xtick.color": "black",
    "ytick.color": "black",
    "text.color": "black",
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "path.simplify": True,
})


def literal(text: str) -> str:
    """Text matplotlib draws as written: a "$" in it would otherwise start mathematics."""
    return text.replace("$", r"\$")


def figure(width: float = 6.4, height: float = 3.4):
    """A new figure sized in inches (SVG scales to the column width)."""
    return plt.subplots(figsize=(width, height))


def to_svg(fig, title: str, slug: str) -> str:
    """Serialise and close `fig`; return an accessible, inline-ready <svg> element.

    `title` becomes the SVG's <title> and aria-label (what a screen reader says); `slug` prefixes
    the SVG's internal ids so several figures can share a page without clashing."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]                                   # drop XML prolog/doctype
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'<g id="[^"]*"', "<g", svg)                       # unreferenced group ids
    svg = re.sub(r'id="([^"]+)"', rf'id="{slug}-\1"', svg)             # clip paths etc.
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{slug}-\1)", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{slug}-\1"', svg)
    svg = re.sub(r"#000000\b", "currentColor", svg)
    svg = re.sub(r"(fill|stroke): ?black\b", r"\1: currentColor", svg)
    # Size by CSS (width 100%), keep the aspect ratio via viewBox.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    esc = (title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
           .replace('"', "&quot;"))
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{esc}" class="tbt-svg"', 1)
    svg = re.sub(r"(<svg[^>]*>)", rf"\1<title>{esc}</title>", svg, count=1)
    # No blank lines: the snippet is a raw HTML block inside Markdown.
    return "\n".join(line for line in svg.splitlines() if line.strip()) + "\n"
