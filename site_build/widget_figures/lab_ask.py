"""Static figure for Ask the lab model: the real next-token probabilities after the default prompt,
at the model's own temperature (1) and at the widget's default (0.8), computed at build."""
from site_build.svg import PALETTE, figure as new_figure, literal, to_svg
from widgets import _labview as lab
from widgets import lab_ask as w

CAPTION = ("The lab model's ten most likely next tokens after the prompt shown, at its own "
           "temperature (1) and at 0.8; ␣ marks a space. Computed from the trained model "
           "when the book was built, not illustrative.")



def figure() -> str:
    m = lab.model()
    prompt = w.PARAMS["lab_prompt"].default
    ids, _ = lab.encode_clipped(m, prompt)
    logits = m.logits(ids)
    own = w.candidates(m, logits, 1.0, 0, 1.0)
    warm = w.candidates(m, logits, w.PARAMS["lab_temp"].default, 0, 1.0)
    labels = [literal(r["shown"]) for r in own["rows"]]
    fig, ax = new_figure(6.4, 3.8)
    height = 0.38
    ax.barh([i - height / 2 for i in range(len(labels))], [r["p"] for r in own["rows"]],
            height=height, color=PALETTE["blue"], label="temperature 1 (the model's own)")
    ax.barh([i + height / 2 for i in range(len(labels))], [r["q"] for r in warm["rows"]],
            height=height, color=PALETTE["orange"], label="temperature 0.8")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability of being the next token")
    ax.set_title(literal(f"After “{prompt}”"), fontsize=11, loc="left")
    ax.legend(frameon=False, loc="lower right")
    best = own["rows"][0]
    return to_svg(fig, f"Bar chart: the lab model's next-token probabilities after '{prompt}'; the "
                  f"most likely is '{best['text']}' at {100 * best['p']:.0f}%", "fig-lab-ask")
