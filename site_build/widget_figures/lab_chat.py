"""Static figure for Base model or assistant: the default question to the base and to the
fine-tuned lab model, each as the token stream it read and wrote (special tokens marked), drawn
from the real models at build."""

from matplotlib.patches import FancyBboxPatch

from site_build.svg import PALETTE, figure as new_figure, literal, to_svg
from widgets import lab_chat as w

CAPTION = ("The same question to the lab model before fine-tuning (the base model) and after "
           "(the fine-tuned model). The base model reads the words alone and goes on writing "
           "text. The fine-tuned model reads them inside the chat template and answers, then "
           "ends its turn with <|end|>. Orange: special tokens; grey: what the model read; blue: "
           "what it wrote, its most likely token each time. Computed from the real models when "
           "the book was built, not illustrative.")

COLOURS = {"special": PALETTE["orange"], "prompt": PALETTE["grey"], "reply": PALETTE["blue"]}
MAX_X = 44.0


def _chips(ax, stream, y: float) -> float:
    x = 0.0
    for t in stream:
        label = t["text"] if len(t["text"]) <= 14 else t["text"][:13] + "…"
        width = 0.52 * len(label) + 0.5
        if x + width > MAX_X:
            x, y = 0.0, y - 1.0
        ax.add_patch(FancyBboxPatch((x, y - 0.38), width - 0.15, 0.76,
                                    boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor=COLOURS[t["kind"]], alpha=0.25,
                                    edgecolor=COLOURS[t["kind"]], linewidth=1))
        ax.text(x + (width - 0.15) / 2, y, literal(label), ha="center", va="center",
                fontsize=7.5, family="DejaVu Sans Mono")
        x += width
    return y


def figure() -> str:
    v = w.view({})
    fig, ax = new_figure(7.0, 4.2)
    ax.set_axis_off()
    y = 0.0
    for key, title in (("base", "Base model: reads the words, continues the text"),
                       ("sft", "Fine-tuned model: reads the chat template, answers")):
        ax.text(0, y, title, fontsize=9.5, fontweight="bold", va="center")
        y = _chips(ax, v[key]["stream"], y - 1.0) - 1.5
    ax.set_xlim(-0.3, MAX_X + 0.3)
    ax.set_ylim(y + 0.6, 0.6)
    q = v["state"]["labchat_q"]
    return to_svg(fig, f"“{q}” to the base model: “{v['base']['reply']}”; to the fine-tuned "
                  f"model: “{v['sft']['reply']}”", "fig-lab-chat")
