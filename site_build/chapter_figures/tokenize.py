"""Tokens chapter: the same sentence in eleven languages, counted in tokens by three real
tokenizers (tiktoken, at build time)."""
from site_build.data.tokenize import ENCODINGS, LANGUAGES, count
from site_build.svg import PALETTE, figure as new_figure, to_svg

COLOURS = {"gpt2": PALETTE["grey"], "cl100k_base": PALETTE["blue"], "o200k_base": PALETTE["green"]}


def language_cost() -> str:
    codes = list(LANGUAGES)
    names = [LANGUAGES[c][0] for c in codes]
    fig, ax = new_figure(6.8, 4.6)
    height = 0.27
    for j, enc in enumerate(ENCODINGS):
        values = [count(LANGUAGES[c][1], enc) for c in codes]
        ys = [i + (j - 1) * height for i in range(len(codes))]
        ax.barh(ys, values, height=height, color=COLOURS[enc], label=enc)
    ax.set_yticks(range(len(codes)), names)
    ax.invert_yaxis()
    ax.set_xlabel("tokens for the same sentence")
    ax.legend(frameon=False, loc="lower right")
    return to_svg(fig, "Bar chart: tokens needed for the same sentence in eleven languages, in "
                  "gpt2, cl100k_base and o200k_base; English is cheapest in all three",
                  "fig-language-cost")


def figures() -> dict[str, tuple[str, str]]:
    return {"language-cost": (language_cost(), (
        "One sentence (“My grandmother grows tomatoes in her garden.”) and its translations, "
        "counted in tokens by three real OpenAI tokenizers: gpt2 (2019), cl100k_base "
        "(GPT-3.5 and GPT-4) and o200k_base (GPT-4o). Computed with tiktoken when the book was "
        "built; the translations are the book's own."))}
