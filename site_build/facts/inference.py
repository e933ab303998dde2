"""Numbers quoted in the Inference chapter.

The dial numbers come from the temperature widget's own functions, the loop numbers from the
generation-loop widget's, so text and widgets cannot drift apart. The memory and timing numbers are
arithmetic on published specifications, which live (with their sources) in site_build/data/models.py.
"""
from site_build.data.models import (BITS, MODEL_CARDS, weight_bytes)
from site_build.data.models import (A100, BYTES_FP16, KV_7B, KV_70B, KV_70B_IF_FULL,  # noqa: F401
                                    PARAMS_7B, PROMPT_TOKENS, READERS, WEIGHTS_7B, Llama2,
                                    decode_seconds_per_token, kv_bytes_per_token,
                                    llama2_7b_params, prefill_seconds)
from widgets import generation_loop as loop
from widgets import temperature as w


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _gb(nbytes: float) -> str:
    return f"{nbytes / 1e9:.1f} GB"


def facts() -> dict[str, str]:
    out = {}
    # The temperature dial (widgets/temperature.py).
    for t in (0.2, 0.8, 1.5):
        probs = w.distribution(t)
        out[f"inference.top_prob.t{t:g}"] = _pct(probs[0])
    out["inference.top_token"] = w.CANDIDATES[0][0].strip()
    out["inference.candidates"] = str(len(w.CANDIDATES))
    for t in (0.2, 0.8, 1.5):                  # how many candidates top-p 0.9 keeps
        kept = sum(1 for q in w.distribution(t, 0, 0.9) if q > 0)
        out[f"inference.top_p0.9.kept.t{t:g}"] = str(kept)

    # The generation loop (widgets/generation_loop.py).
    out["inference.gen.steps"] = str(loop.N_STEPS)
    out["inference.gen.answer_step"] = str(loop.ANSWER_STEP)
    probs = loop.probabilities(loop.ANSWER_STEP)
    tokens = [t for t, _ in loop.STEPS[loop.ANSWER_STEP - 1]]
    out["inference.gen.p2"] = _pct(probs[tokens.index("2")])
    out["inference.gen.p3"] = _pct(probs[tokens.index("3")])
    out["inference.gen.reply"] = loop.reply_text()

    # The KV cache of Llama 2 models in 16-bit numbers.
    out["inference.kv.7b.bytes_per_token"] = f"{KV_7B:,}"
    out["inference.kv.7b.mb_per_token"] = f"{KV_7B / 1e6:.2f} MB"
    out["inference.kv.7b.window_gb"] = _gb(KV_7B * Llama2.context)
    out["inference.kv.7b.readers_gb"] = _gb(KV_7B * Llama2.context * READERS)
    out["inference.kv.7b.params"] = f"{PARAMS_7B / 1e9:.2f} billion"
    out["inference.kv.7b.weights_gb"] = _gb(WEIGHTS_7B)
    out["inference.kv.7b.crossover"] = f"{round(WEIGHTS_7B / KV_7B, -2):,.0f}"
    out["inference.kv.70b.mb_per_token"] = f"{KV_70B / 1e6:.2f} MB"
    out["inference.kv.70b.full_mb_per_token"] = f"{KV_70B_IF_FULL / 1e6:.2f} MB"
    out["inference.kv.context"] = f"{Llama2.context:,}"
    out["inference.kv.readers"] = str(READERS)

    # Prefill versus decode for Llama 2 7B on one A100 (best cases).
    out["inference.cost.prompt_tokens"] = f"{PROMPT_TOKENS:,}"
    out["inference.cost.prefill_ms"] = f"{1000 * prefill_seconds(PROMPT_TOKENS):.0f} ms"
    out["inference.cost.decode_ms"] = f"{1000 * decode_seconds_per_token():.1f} ms"
    out["inference.cost.decode_total_s"] = f"{PROMPT_TOKENS * decode_seconds_per_token():.1f} s"
    out["inference.cost.tokens_per_s"] = f"{1 / decode_seconds_per_token():.0f}"
    ratio = PROMPT_TOKENS * decode_seconds_per_token() / prefill_seconds(PROMPT_TOKENS)
    out["inference.cost.ratio"] = f"{ratio:.0f}"
    out.update(model_card_facts())
    out.update(energy_facts())
    return out


# MXFP4 (gpt-oss's format for its experts): 4-bit values, one shared 8-bit scale per block of 32.
MXFP4_BITS, MXFP4_SCALE_BITS, MXFP4_BLOCK = 4, 8, 32
# Published energy figures, each with its source (the chapter's footnotes give the links).
GEMINI_TEXT_PROMPT_WH, GEMINI_TEXT_PROMPT_ML = 0.24, 0.26    # Elsworth et al. (Google), Aug 2025
IEA_DC_TWH_2024, IEA_DC_SHARE_2024, IEA_DC_TWH_2030 = 415, 0.015, 945   # IEA, Energy and AI, 2025


def energy_facts() -> dict[str, str]:
    return {
        "inference.card.mxfp4_bits": f"{MXFP4_BITS + MXFP4_SCALE_BITS / MXFP4_BLOCK:g}",
        "inference.energy.gemini_wh": f"{GEMINI_TEXT_PROMPT_WH:g}",
        "inference.energy.gemini_ml": f"{GEMINI_TEXT_PROMPT_ML:g}",
        "inference.energy.dc_2024_twh": str(IEA_DC_TWH_2024),
        "inference.energy.dc_2024_share": f"{100 * IEA_DC_SHARE_2024:g}%",
        "inference.energy.dc_2030_twh": str(IEA_DC_TWH_2030),
    }


def _mem(nbytes: float) -> str:
    gb = nbytes / 1e9
    return f"{gb:,.0f} GB" if gb >= 100 else f"{gb:.1f} GB"


def model_card_facts() -> dict[str, str]:
    """Weight memory at 16, 8 and 4 bits, and the active share of mixture-of-experts models."""
    out = {}
    for key, card in MODEL_CARDS.items():
        for bits in BITS:
            out[f"inference.card.{key}.{bits}bit"] = _mem(weight_bytes(card["total"], bits))
        if card["active"] != card["total"]:
            out[f"inference.card.{key}.total"] = f"{card['total'] / 1e9:g} billion"
            out[f"inference.card.{key}.active"] = f"{card['active'] / 1e9:g} billion"
            out[f"inference.card.{key}.active_share"] = f"{100 * card['active'] / card['total']:.0f}%"
    return out
