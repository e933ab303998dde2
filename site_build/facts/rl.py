"""Numbers quoted in the Reinforcement learning chapter, computed from the widgets' own math."""
from widgets import advantage as adv
from widgets import kl_leash as kl
from widgets import ppo_clip as ppo


def _signed(x: float) -> str:
    return f"{x:+.1f}".replace("-", "−")


def facts() -> dict[str, str]:
    out = {}
    base = adv.PARAMS["adv_baseline"].default
    out["rl.adv.baseline"] = f"{base:.1f}"
    a = adv.advantages(base)
    out["rl.adv.best"] = _signed(a[0])
    out["rl.adv.verbose"] = _signed(a[1])
    out["rl.adv.confident_wrong"] = _signed(a[-1])
    out["rl.adv.mean"] = f"{adv.group_mean():.1f}"
    out["rl.adv.std"] = f"{adv.group_std():.2f}"
    at_mean = adv.advantages(adv.group_mean())
    out["rl.adv.hedged_at_mean"] = _signed(at_mean[2])
    eps = ppo.PARAMS["ppo_eps"].default
    out["rl.ppo.eps"] = f"{eps:g}"
    out["rl.ppo.cap"] = f"{1 + eps:g}"
    out["rl.ppo.floor"] = f"{1 - eps:g}"
    out["rl.ppo.raw_1.5"] = f"{ppo.unclipped(1.5, 1.0):g}"
    out["rl.ppo.clipped_1.5"] = f"{ppo.objective(1.5, 1.0, eps):g}"
    for beta in (0.1, 1.0, 30.0):
        s = kl.summary(beta)
        key = f"b{beta:g}"
        out[f"rl.kl.{key}.hack"] = f"{100 * s['hack']:.0f}%"
        out[f"rl.kl.{key}.reward"] = f"{s['reward']:.1f}"
        out[f"rl.kl.{key}.drift"] = f"{s['drift']:.3f}"
    out["rl.kl.ref_reward"] = f"{kl.expected(kl.REF):.1f}"
    edges = kl.zone_edges()
    out["rl.kl.edge_loose"] = f"{edges['too loose|sweet spot']:.1f}"
    out["rl.kl.edge_tight"] = f"{edges['sweet spot|too tight']:.1f}"
    out["rl.kl.tight_drift"] = f"{kl.TOO_TIGHT_DRIFT:g}"
    return out
