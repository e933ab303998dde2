"""Static figure for pass@k: pass@k and majority vote against k, for the default model."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import pass_at_k as w

P = w.PARAMS["pk_p"].default

CAPTION = (f"A model that is right {100 * P:.0f} % of the time on one attempt. Top: pass@k, the "
           f"chance that at least one of k attempts is right. Middle and bottom: the chance that "
           f"a majority vote over k attempts is right, when the wrong answers split between two "
           f"rivals or all agree on one. Exact arithmetic; the rate is illustrative.")


def figure() -> str:
    ks = list(range(1, w.CHART_K + 1))
    fig, ax = new_figure(6.4, 3.8)
    ax.plot(ks, [100 * w.pass_at_k(P, k) for k in ks], color=PALETTE["blue"], linewidth=2.2,
            label="pass@k (any of k right)")
    ax.plot(ks, [100 * w.majority(P, k, "two") for k in ks], color=PALETTE["green"],
            linewidth=2.2, label="majority vote, wrong answers split in two")
    ax.plot(ks, [100 * w.majority(P, k, "one") for k in ks], color=PALETTE["red"],
            linewidth=2.2, label="majority vote, one common wrong answer")
    ax.axhline(100 * P, color=PALETTE["grey"], linestyle="--", linewidth=1.2)
    ax.text(20, 100 * P - 7, f"pass@1 = {100 * P:.0f} %", ha="left", fontsize=9)
    ax.set_xscale("log")
    ax.set_xticks([1, 10, 100], ["1", "10", "100"])
    ax.set_xlabel("attempts k (log scale)")
    ax.set_ylabel("counted as solved (%)")
    ax.set_ylim(0, 102)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=9)
    return to_svg(fig, "Line chart: pass@k rises toward 100 % while majority vote rises or "
                       "falls depending on how wrong answers spread", "fig-pass-at-k")
