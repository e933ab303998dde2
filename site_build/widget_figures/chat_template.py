"""Static figure for the chat template: the default conversation's token stream as coloured
chips, so the page makes the point without Python."""
from matplotlib.patches import FancyBboxPatch

from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import chat_template as w

CAPTION = ("The conversation “What is the capital of France?” as the token stream a chat model "
           "reads, in the ChatML-style template. Orange: special tokens (one token each); purple: "
           "role names; grey ↵: newlines the template adds; blue: the message text. Token pieces "
           "from tiktoken's cl100k_base with the two ChatML special tokens added. The conversation "
           "is made up for the book.")

COLOURS = {"special": PALETTE["orange"], "role": PALETTE["purple"], "format": PALETTE["grey"],
           "content": PALETTE["blue"]}


def figure() -> str:
    view = w.view({})
    fig, ax = new_figure(7.0, 3.0)
    ax.set_axis_off()
    x, y, line_h, max_x = 0.0, 0.0, 1.0, 46.0
    for tok in view["tokens"]:
        label = tok["shown"]
        width = 0.55 * len(label) + 0.5
        if x + width > max_x:
            x, y = 0.0, y - line_h
        ax.add_patch(FancyBboxPatch((x, y - 0.38), width - 0.15, 0.76,
                                    boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor=COLOURS[tok["kind"]], alpha=0.25,
                                    edgecolor=COLOURS[tok["kind"]], linewidth=1))
        ax.text(x + (width - 0.15) / 2, y, label, ha="center", va="center", fontsize=8)
        x += width
        if tok["piece"] == "\n" and tok["kind"] == "format" and tok is not view["tokens"][-1]:
            prev = view["tokens"].index(tok)
            if view["tokens"][prev - 1]["kind"] == "special":
                x, y = 0.0, y - line_h
    ax.set_xlim(-0.3, max_x + 0.3)
    ax.set_ylim(y - 0.8, 0.8)
    ax.text(0, y - 0.75, f"{view['total']} tokens in all; {view['counts']['content']} of them "
            "are the words of the conversation", fontsize=9, va="top")
    return to_svg(fig, "The default conversation as a stream of tokens: special tokens, role "
                  "names, newlines and message text", "fig-chat-template")
