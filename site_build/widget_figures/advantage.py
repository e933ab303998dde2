"""Static figure for the advantage widget: each rollout's advantage at the default baseline
(6.0) as a signed bar."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import advantage as w

CAPTION = ("Six attempts at “What is the capital of France?”, each scored 0–10, measured against "
           "a baseline of 6.0. Bars to the right (reinforce) beat the baseline; bars to the left "
           "(suppress) fell short. Illustrative answers and rewards.")


def figure() -> str:
    base = w.PARAMS["adv_baseline"].default
    adv = w.advantages(base)
    labels = [f"{t if len(t) < 34 else t[:31] + '…'}  (R {r})" for t, _, r in w.ROLLOUTS]
    fig, ax = new_figure(6.6, 3.4)
    colours = [PALETTE["green"] if a > 0 else PALETTE["red"] if a < 0 else PALETTE["grey"]
               for a in adv]
    ax.barh(range(len(adv)), adv, color=colours)
    for i, a in enumerate(adv):
        word = w.verdict(a)
        ax.text(a + (0.2 if a >= 0 else -0.2), i, f"{a:+.1f} {word}", va="center",
                ha="left" if a >= 0 else "right", fontsize=9)
    ax.axvline(0, color="black", linewidth=1)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(-10, 10)
    ax.set_xlabel(f"advantage = reward − baseline (baseline {base:.1f})")
    return to_svg(fig, "Signed bars: advantage of six rollouts at baseline 6", "fig-advantage")
