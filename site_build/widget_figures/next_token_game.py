"""Static figure for the next-token game: the model's odds for the first prompt, before and after
a few nudges toward the true token."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import next_token_game as w
from widgets._sampling import softmax

CAPTION = ("The next-token game on “She poured the hot coffee into her favourite ___”: the "
           "model's odds before training on this example, and after three nudges toward the real "
           "next word, “mug”. Each nudge is one gradient-descent step on the scores. Illustrative "
           "starting scores, not taken from a real model.")


def figure() -> str:
    prompt = 1
    _, _, cands, true = w.PROMPTS[prompt]
    labels = [c.strip() for c, _ in cands]
    before = softmax(w.logits_after(prompt, 0))
    after = softmax(w.logits_after(prompt, 3))
    fig, ax = new_figure(6.0, 3.2)
    h = 0.38
    ax.barh([i - h / 2 for i in range(len(labels))], before, height=h, color=PALETTE["grey"],
            label=f"before (loss {w.loss(w.logits_after(prompt, 0), true):.2f} nats)")
    ax.barh([i + h / 2 for i in range(len(labels))], after, height=h, color=PALETTE["blue"],
            label=f"after 3 nudges (loss {w.loss(w.logits_after(prompt, 3), true):.2f} nats)")
    ax.set_yticks(range(len(labels)), [f"{t}  ✓" if i == true else t for i, t in enumerate(labels)])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability the model gives each next word")
    ax.legend(frameon=False, loc="lower right")
    return to_svg(fig, "Bars: the true word 'mug' gains probability after three nudges",
                  "fig-next-token-game")
