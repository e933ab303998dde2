"""Static figure for agent steps: the chance a whole task succeeds as steps pile up, with no
checker and with a checker that catches 80 % of errors and allows one retry."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import agent_steps as w

P = w.PARAMS["ag_p"].default
CATCH, RETRIES = 0.8, 1

CAPTION = (f"Chance that a whole task succeeds when each step goes right {100 * P:.0f} % of the "
           f"time, against the number of steps: alone, and with a checker that catches "
           f"{100 * CATCH:.0f} % of errors and allows {RETRIES} retry. Exact arithmetic; the "
           f"per-step rate is illustrative.")


def figure() -> str:
    xs = list(range(1, w.CHART_STEPS + 1))
    bare = w.task_outcomes(P, 1)["step_ok"]
    checked = w.task_outcomes(P, 1, CATCH, RETRIES)["step_ok"]
    fig, ax = new_figure(6.4, 3.4)
    ax.plot(xs, [100 * checked ** n for n in xs], color=PALETTE["green"], linewidth=2.2,
            label=f"with a checker ({100 * CATCH:.0f} % caught, {RETRIES} retry)")
    ax.plot(xs, [100 * bare ** n for n in xs], color=PALETTE["red"], linewidth=2.2,
            label="no checker")
    n = w.PARAMS["ag_steps"].default
    for rate, colour in ((bare, PALETTE["red"]), (checked, PALETTE["green"])):
        ax.plot([n], [100 * rate ** n], "o", color=colour)
        ax.annotate(f"{100 * rate ** n:.0f} %", (n, 100 * rate ** n), textcoords="offset points",
                    xytext=(8, 4), fontsize=9)
    ax.set_xlabel("steps in the task")
    ax.set_ylabel("whole task succeeds (%)")
    ax.set_ylim(0, 100)
    ax.set_xlim(0, w.CHART_STEPS)
    ax.legend(frameon=False, loc="upper right")
    return to_svg(fig, "Line chart: task success falls with the number of steps, more slowly "
                       "with a checker", "fig-agent-steps")
