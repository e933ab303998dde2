"""Static figure for the KL leash: the trained policy at a loose, a balanced and a tight leash,
beside the reference model."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import kl_leash as w

CAPTION = ("Eight possible one-sentence summaries: how likely the starting model makes each (grey) "
           "and how likely the best leashed model makes it at three leash strengths β. Loose "
           "(β = 0.1): almost everything goes to the gibberish that fools the reward model. "
           "Balanced (β = 1): the accurate answers gain. Tight (β = 30): barely any change. "
           "Illustrative probabilities and rewards.")

BETAS = [(0.1, PALETTE["red"]), (1.0, PALETTE["green"]), (30.0, PALETTE["blue"])]


def figure() -> str:
    labels = [f"{a[1]} (R {a[3]:g})" for a in w.ANSWERS]
    fig, ax = new_figure(6.6, 4.0)
    h = 0.2
    series = [("starting model", w.REF, PALETTE["grey"])] + [
        (f"β = {b:g} ({w.zone(w.optimum(b))})", w.optimum(b), c) for b, c in BETAS]
    for j, (name, probs, colour) in enumerate(series):
        ax.barh([i + (j - 1.5) * h for i in range(len(labels))], probs, height=h, color=colour,
                label=name)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability of giving this answer")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return to_svg(fig, "Bar chart: answer probabilities of the starting model and of the leashed "
                  "model at three leash strengths", "fig-kl-leash")
