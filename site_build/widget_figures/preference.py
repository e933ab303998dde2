"""Static figure for the preference widget: the Bradley-Terry scores fitted to a sample
labeller's six choices."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import preference as w

CAPTION = ("Scores a Bradley–Terry model fits to one sample labeller's six choices between four "
           "answers to “" + w.PROMPT + "”. Higher means “usually preferred”; the gap between two "
           "scores sets the chance one beats the other. Real fit; the answers and the choices "
           "are illustrative.")


def figure() -> str:
    view = w.view({"pref_votes": w.SAMPLE})
    order = view["order"]
    fig, ax = new_figure(6.4, 2.8)
    scores = [view["scores"][i] for i in order]
    labels = [f"{w.ANSWERS[i][0]}: {w.ANSWERS[i][1]}" for i in order]
    colours = [PALETTE["green"] if s > 0 else PALETTE["red"] for s in scores]
    ax.barh(range(len(order)), scores, color=colours)
    for k, s in enumerate(scores):
        ax.text(s + (0.06 if s >= 0 else -0.06), k, f"{s:+.2f}", va="center",
                ha="left" if s >= 0 else "right", fontsize=9)
    ax.axvline(0, color="black", linewidth=1)
    ax.set_yticks(range(len(order)), labels)
    ax.invert_yaxis()
    lim = max(abs(s) for s in scores) * 1.35
    ax.set_xlim(-lim, lim)
    ax.set_xlabel("fitted score (Bradley–Terry)")
    return to_svg(fig, "Bar chart: fitted preference scores of four answers", "fig-preference")
