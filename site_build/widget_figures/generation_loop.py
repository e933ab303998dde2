"""Static figure for the generation loop: the whole reply as numbered token boxes, and below it
the candidates at the step that decides the answer, so the page teaches even without Python."""
from matplotlib.patches import FancyBboxPatch

from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import generation_loop as w
from widgets._text import visible

CAPTION = ("A reply to “How many r's are in strawberry?” written one token at a time (top: one box "
           "per step, split as the cl100k_base tokenizer splits it; ␣ marks a space). Each step "
           "takes the most likely candidate. Below: the candidates at step "
           f"{w.ANSWER_STEP}, where “2” narrowly beats the correct “3”. Illustrative scores and "
           "probabilities, not taken from a real model.")


def figure() -> str:
    tokens = [visible(t) for t in w.reply_tokens()]
    fig, _ = new_figure(6.6, 4.2)
    fig.clf()
    top = fig.add_axes((0.02, 0.62, 0.96, 0.36))
    ax = fig.add_axes((0.18, 0.08, 0.72, 0.42))

    # Top: token boxes laid out left to right, wrapping onto a second row.
    top.set_axis_off()
    top.set_xlim(0, 100)
    top.set_ylim(0, 30)
    x, y = 1.0, 19.0
    for i, tok in enumerate(tokens, start=1):
        width = 2.2 + 1.65 * len(tok)
        if x + width > 99:
            x, y = 1.0, 4.0
        colour = PALETTE["orange"] if i == w.ANSWER_STEP else (
            PALETTE["grey"] if tok == w.END else PALETTE["blue"])
        top.add_patch(FancyBboxPatch((x, y), width, 8, boxstyle="round,pad=0.3,rounding_size=1",
                                     facecolor="none", edgecolor=colour, linewidth=1.4))
        top.text(x + width / 2, y + 4, tok, ha="center", va="center", fontsize=10)
        top.text(x + width / 2, y + 9.6, str(i), ha="center", va="bottom", fontsize=7,
                 color=PALETTE["grey"])
        x += width + 1.2

    # Bottom: the deciding step's candidates.
    step = w.ANSWER_STEP
    labels = [visible(t) for t, _ in w.STEPS[step - 1]]
    probs = w.probabilities(step)
    chosen = w.pick(step)
    colours = [PALETTE["orange"] if i == chosen else PALETTE["blue"] for i in range(len(labels))]
    ax.barh(range(len(labels)), probs, color=colours, height=0.6)
    for i, p in enumerate(probs):
        ax.text(p + 0.01, i, f"{100 * p:.0f}%", va="center", fontsize=9)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"probability at step {step} (after “There are ␣”)")
    return to_svg(fig, "Token-by-token reply “There are 2 r's in \"strawberry\".” followed by the "
                  "end token, and a bar chart of the candidates for the number: 2 at "
                  f"{100 * probs[chosen]:.0f}%, 3 at {100 * probs[1]:.0f}%", "fig-generation-loop")
