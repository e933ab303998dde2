"""Static figure for the Chinchilla widget: loss against model size at three compute budgets,
each curve's lowest point marked, with Gopher and Chinchilla placed."""
import math

from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import chinchilla as w

CAPTION = ("Predicted loss against model size when the compute budget is fixed (the rest of the "
           "budget buys training tokens). Each curve has a lowest point, and it moves down and to "
           "the right as the budget grows. Gopher (280B parameters, 300B tokens) and Chinchilla "
           "(70B, 1.4T) used about the same compute; the smaller, longer-trained model scores lower. "
           "Computed from the loss formula of Hoffmann et al. (2022) as corrected by Besiroglu et al. "
           "(2024), not measured.")


def figure() -> str:
    fig, ax = new_figure(6.4, 3.8)
    budgets = [(21.0, PALETTE["green"]), (w.PARAMS["chin_log_c"].default, PALETTE["blue"]),
               (25.0, PALETTE["purple"])]
    for log_c, colour in budgets:
        pts = [(x, y) for x, y in w.curve(10 ** log_c) if y <= w.LOSS_MAX]
        ax.plot([10 ** x for x, _ in pts], [y for _, y in pts], color=colour, linewidth=2,
                label=f"budget 10$^{{{log_c:g}}}$ FLOPs")
        best = w.optimum(10 ** log_c)
        ax.plot([best["params"]], [best["loss"]], "o", color=colour)
    for key, marker in (("gopher", "s"), ("chinchilla", "D")):
        m = w.MODELS[key]
        ax.plot([m["params"]], [w.loss(m["params"], m["tokens"])], marker, color=PALETTE["orange"],
                markersize=7)
        ax.annotate(m["name"], (m["params"], w.loss(m["params"], m["tokens"])),
                    textcoords="offset points", xytext=(6, 6 if key == "gopher" else -14),
                    color="black")
    ax.set_xscale("log")
    ax.set_xlim(10 ** w.LOG_N_MIN, 10 ** w.LOG_N_MAX)
    ax.set_ylim(w.LOSS_MIN, w.LOSS_MAX)
    ax.set_xlabel("model size (parameters, log scale)")
    ax.set_ylabel("predicted loss (nats per token)")
    ax.legend(frameon=False, loc="upper right")
    return to_svg(fig, "U-shaped loss curves at three budgets; the minimum moves right and down",
                  "fig-chinchilla")
