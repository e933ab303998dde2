"""Static figure for PPO's clip: unclipped r·A against PPO's clipped objective, for a good
answer (A = +1) and a bad one (A = −1), at the default ε = 0.2."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import ppo_clip as w

CAPTION = ("How much credit one update gets as the new model makes an answer more or less likely "
           "(r = new probability ÷ old probability), with clip range ε = 0.2. Dashed: the "
           "unclipped objective r·A. Solid: PPO's clipped objective, which goes flat once the step "
           "has gone far enough in the direction the advantage asks for. Flat means no push to go "
           "further; it does not stop a step from overshooting.")


def figure() -> str:
    eps = w.PARAMS["ppo_eps"].default
    fig, axes = new_figure(6.6, 3.0)
    fig.delaxes(axes)
    for k, (a, title) in enumerate(((1.0, "good answer (A = +1)"), (-1.0, "bad answer (A = −1)"))):
        ax = fig.add_subplot(1, 2, k + 1)
        c = w.curve(a, eps)
        ax.plot(c["r"], c["unclipped"], "--", color=PALETTE["grey"], label="r·A (no clip)")
        ax.plot(c["r"], c["clipped"], color=PALETTE["blue"], linewidth=2.2, label="PPO (clipped)")
        ax.axvspan(1 - eps, 1 + eps, color=PALETTE["green"], alpha=0.12)
        ax.axvline(1, color="black", linewidth=0.6)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("r = new ÷ old probability")
        if k == 0:
            ax.set_ylabel("objective")
            ax.legend(frameon=False, fontsize=8, loc="upper left")
    fig.tight_layout()
    return to_svg(fig, "Two charts: PPO's clipped objective goes flat past 1 + ε for a good answer "
                  "and below 1 − ε for a bad one", "fig-ppo-clip")
