"""Static figure for the tokenizer: the default text cut into cl100k_base tokens, one chip per
token with its ID underneath. Computed at build time with the real tiktoken (built offline from
the pinned ranks), so the picture and the live widget agree."""
from site_build.svg import PALETTE, figure as new_figure, to_svg

ENCODING = "cl100k_base"
DEFAULT_TEXT = "How many r's are in strawberry?"

CAPTION = ("The question “How many r's are in strawberry?” as the cl100k_base tokenizer (GPT-4's) "
           "cuts it: one chip per token, its ID underneath; ␣ marks a space. Computed with "
           "tiktoken when the book was built, not illustrative.")

CHIP_COLOURS = ["blue", "orange", "green", "purple", "red"]


def default_text() -> str:
    try:
        from widgets import tokenizer as w          # imported lazily: the engine may not exist yet
        return w.PARAMS["text"].default
    except ImportError:
        return DEFAULT_TEXT


def chips(text: str, encoding: str = ENCODING) -> list[tuple[str, int]]:
    """[(token text, id)] for `text`, from the real tiktoken."""
    from site_build.tokenizer_data import tiktoken_encoding

    enc = tiktoken_encoding(encoding)
    ids = enc.encode(text, disallowed_special=())
    return [(enc.decode_single_token_bytes(i).decode("utf-8", errors="replace"), i) for i in ids]


def figure() -> str:
    from matplotlib.patches import FancyBboxPatch

    from widgets._text import visible

    tokens = chips(default_text())
    labels = [visible(t) for t, _ in tokens]
    widths = [0.35 + 0.16 * max(len(s), 2) for s in labels]
    gap = 0.12
    total = sum(widths) + gap * (len(widths) - 1)
    fig, ax = new_figure(6.8, 1.5)
    x = 0.0
    for i, ((_, tid), label, w) in enumerate(zip(tokens, labels, widths)):
        colour = PALETTE[CHIP_COLOURS[i % len(CHIP_COLOURS)]]
        ax.add_patch(FancyBboxPatch((x, 0.55), w, 0.7, boxstyle="round,pad=0,rounding_size=0.12",
                                    facecolor=colour, alpha=0.22, edgecolor=colour, linewidth=1.5))
        ax.text(x + w / 2, 0.9, label, ha="center", va="center", fontsize=12)
        ax.text(x + w / 2, 0.2, str(tid), ha="center", va="center", fontsize=9.5,
                family="DejaVu Sans Mono")
        x += w + gap
    ax.set_xlim(-0.05, total + 0.05)
    ax.set_ylim(-0.05, 1.35)
    ax.axis("off")
    desc = ", ".join(f"{label} ({tid})" for label, (_, tid) in zip(labels, tokens))
    return to_svg(fig, f"Token chips in {ENCODING}: {desc}", "fig-tokenizer")
