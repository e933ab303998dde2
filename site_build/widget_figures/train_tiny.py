"""Static figure for Train one yourself: a run recorded at build with the same code under CPython
(the default text and dials, the widget's own slicing rules), its training and held-out losses
against the counting-pairs line, and what it wrote at the start and at the end."""
import functools
import textwrap

from site_build.svg import PALETTE, figure as new_figure, literal, to_svg
from widgets import train_tiny as w

STEPS = 600

CAPTION = (f"A tiny character model trained for {STEPS} steps on the invented names, with the "
           "default dials, recorded when the book was built with the same code the page runs: "
           "the training loss (solid, averaged over a few steps), the loss on held-out names it "
           "never trained on (dashed), and what counting pairs of letters achieves on the same "
           "held-out names (dotted). Below, what it wrote before training and at the end.")


@functools.cache
def recorded() -> tuple[dict, dict]:
    """(the view before training, the view after STEPS steps), from one run at the defaults."""
    first = w.view({"_op": "reset", "_sample": True})
    w.train(w._RUN["run"], 3600.0, STEPS)
    last = w.view({"tiny_steps": STEPS, "_sample": True})
    return first, last


def figure() -> str:
    first, last = recorded()
    fig, ax = new_figure(6.4, 4.6)
    ax.plot([s for s, _ in last["curve"]], [v for _, v in last["curve"]], color=PALETTE["blue"],
            linewidth=2, label="training loss")
    ax.plot([s for s, _ in last["heldout"]], [v for _, v in last["heldout"]], color=PALETTE["orange"],
            linewidth=2, linestyle="--", label="held-out loss")
    ax.axhline(last["bigram_loss"], color=PALETTE["grey"], linestyle=":", linewidth=2,
               label="counting pairs of letters")
    ax.set_xlabel("training step")
    ax.set_ylabel("loss (lower is better)")
    ax.set_ylim(0, None)
    ax.legend(frameon=False)
    lines = [f"step {v['sample']['step']}: " + v["sample"]["text"].replace("\n", "")[:90]
             for v in (first, last)]
    fig.subplots_adjust(bottom=0.3)
    fig.text(0.02, 0.02, "\n".join(textwrap.fill(literal(t), 92) for t in lines), fontsize=7.5,
             va="bottom", family="DejaVu Sans Mono")
    return to_svg(fig, f"Loss while a tiny model trains on invented names: held-out loss "
                       f"{first['heldout_loss']:.2f} at the start, {last['heldout_loss']:.2f} after "
                       f"{STEPS} steps; counting pairs of letters gives {last['bigram_loss']:.2f}.",
                  "fig-train-tiny")
