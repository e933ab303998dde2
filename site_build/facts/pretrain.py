"""Numbers quoted in the Pre-training chapter, computed from the next-token game and the
Chinchilla formula."""
import math

from site_build.data.pretrain import DATASETS
from widgets import chinchilla as chin
from widgets import next_token_game as game
from widgets._sampling import softmax

SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _sci(x: float) -> str:
    e = math.floor(math.log10(x))
    return f"{x / 10 ** e:.1f} × 10{str(e).translate(SUP)}"


def _size(x: float) -> str:
    return f"{x / 1e12:.1f}T" if x >= 1e12 else f"{x / 1e9:.0f}B"


def _tiny() -> dict[str, str]:
    """Train one yourself: the default model's size, the smallest learning rate on the dial that
    blows the loss up within 20 steps, and the step where the recorded run (the widget's static
    figure) first beats counting pairs on the held-out names."""
    from site_build.widget_figures import train_tiny as figure
    from widgets import _tiny, train_tiny

    names = _tiny.corpus(_tiny.corpora()[0])
    out = {"pretrain.tiny.params": f"{_tiny.Run(names).params_count:,}"}
    for rate in train_tiny.RATES:
        run = _tiny.Run(names, lr=float(rate))
        run.train(20)
        if run.diverged:
            out["pretrain.tiny.explodes"] = rate
            break
    _, last = figure.recorded()
    beat = next(s for s, v in last["heldout"] if v < last["bigram_loss"])
    out["pretrain.tiny.beats_at"] = f"{beat:,}"
    return out


def facts() -> dict[str, str]:
    out = _tiny()
    # The next-token game: the easy prompt and a hard one.
    for key, k in (("easy", 0), ("hard", 2)):
        z = game.logits_after(k, 0)
        true = game.PROMPTS[k][3]
        out[f"pretrain.game.{key}.prob"] = f"{100 * softmax(z)[true]:.0f}%"
        out[f"pretrain.game.{key}.loss"] = f"{game.loss(z, true):.2f}"
    out["pretrain.game.hard.token"] = game.PROMPTS[2][2][game.PROMPTS[2][3]][0].strip()
    z1 = game.logits_after(2, 1)
    out["pretrain.game.hard.prob1"] = f"{100 * softmax(z1)[game.PROMPTS[2][3]]:.0f}%"
    out["pretrain.game.lr"] = f"{game.LEARNING_RATE:g}"
    for p in (0.5, 0.01):
        out[f"pretrain.surprise.{p:g}"] = f"{-math.log(p):.2f}"
    # Chinchilla versus Gopher, by the formula (Besiroglu et al.'s 2024 corrected fit).
    g, c = chin.MODELS["gopher"], chin.MODELS["chinchilla"]
    out["pretrain.gopher.compute"] = _sci(chin.compute(g["params"], g["tokens"]))
    out["pretrain.chinchilla.compute"] = _sci(chin.compute(c["params"], c["tokens"]))
    out["pretrain.token_ratio"] = f"{c['tokens'] / g['tokens']:.1f}"
    best = chin.optimum(chin.compute(c["params"], c["tokens"]))
    out["pretrain.formula_opt.params"] = _size(best["params"])
    out["pretrain.formula_opt.tokens"] = _size(best["tokens"])
    out["pretrain.formula_opt.tokens_per_param"] = f"{best['tokens_per_param']:.0f}"
    a = chin.BETA / (chin.ALPHA + chin.BETA)
    out["pretrain.scale.params_x10"] = f"{10 ** a:.1f}"
    out["pretrain.scale.tokens_x10"] = f"{10 ** (1 - a):.1f}"
    # Diminishing returns: the best loss at each tenfold budget, and the drop each tenfold buys.
    best_loss = {e: chin.optimum(10.0 ** e)["loss"] for e in (21, 22, 23, 24, 25)}
    out["pretrain.returns.drop_21_22"] = f"{best_loss[21] - best_loss[22]:.2f}"
    out["pretrain.returns.drop_24_25"] = f"{best_loss[24] - best_loss[25]:.2f}"
    out["pretrain.returns.floor"] = f"{chin.E:.2f}"
    # Growth of reported training-set sizes (the supply chart's data).
    first, last = DATASETS[0], DATASETS[-1]
    out["pretrain.supply.growth"] = f"{last[2] / first[2]:.0f}"
    return out
