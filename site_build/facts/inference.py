"""Numbers quoted in the Inference chapter.

The dial numbers come from the temperature widget's own functions, the loop numbers from the
generation-loop widget's, so text and widgets cannot drift apart. The memory and timing numbers are
arithmetic on published specifications (sources in docs/inference/index.md):
- Llama 2 (Touvron et al. 2023): 7B has 32 layers, 32 attention heads of width 128 (model width
  4,096), feed-forward width 11,008, a 32,000-token vocabulary and a 4,096-token context window;
  70B has 80 layers, 64 query heads but only 8 key/value heads (grouped-query attention);
- NVIDIA A100 80GB SXM datasheet: 2,039 GB/s memory bandwidth, 312 TFLOPS dense BF16/FP16;
- a forward pass costs about 2 floating-point operations per parameter per token (Kaplan et al.
  2020).
"""
from widgets import generation_loop as loop
from widgets import temperature as w

BYTES_FP16 = 2


class Llama2:
    """The published shapes of two Llama 2 models (Touvron et al. 2023, and the released configs)."""
    context = 4096
    vocab = 32000
    # 7B
    layers_7b, heads_7b, kv_heads_7b, head_dim = 32, 32, 32, 128
    width_7b, ffn_7b = 4096, 11008
    # 70B
    layers_70b, heads_70b, kv_heads_70b = 80, 64, 8


class A100:
    """NVIDIA A100 80GB SXM, from NVIDIA's datasheet."""
    bandwidth = 2.039e12       # bytes per second
    flops = 312e12             # dense BF16/FP16 tensor operations per second


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, nbytes: int = BYTES_FP16) -> int:
    """Memory the KV cache needs for one more token: a key and a value vector (the 2), in every
    layer, for every key/value head, each `head_dim` numbers of `nbytes` bytes."""
    return 2 * layers * kv_heads * head_dim * nbytes


def llama2_7b_params() -> int:
    """Parameter count of Llama 2 7B from its shapes: embeddings, output layer, and per layer four
    attention matrices, three feed-forward matrices and two norm vectors; plus the final norm."""
    d, f, v, n = Llama2.width_7b, Llama2.ffn_7b, Llama2.vocab, Llama2.layers_7b
    per_layer = 4 * d * d + 3 * d * f + 2 * d
    return 2 * v * d + n * per_layer + d


KV_7B = kv_bytes_per_token(Llama2.layers_7b, Llama2.kv_heads_7b, Llama2.head_dim)
KV_70B = kv_bytes_per_token(Llama2.layers_70b, Llama2.kv_heads_70b, Llama2.head_dim)
KV_70B_IF_FULL = kv_bytes_per_token(Llama2.layers_70b, Llama2.heads_70b, Llama2.head_dim)
PARAMS_7B = llama2_7b_params()
WEIGHTS_7B = PARAMS_7B * BYTES_FP16
PROMPT_TOKENS = 1000
READERS = 32


def prefill_seconds(tokens: int) -> float:
    """Best case for reading a prompt: all its tokens in one pass, limited by arithmetic."""
    return 2 * PARAMS_7B * tokens / A100.flops


def decode_seconds_per_token() -> float:
    """Best case for writing one token: one pass that must stream every weight from memory."""
    return WEIGHTS_7B / A100.bandwidth


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
    return out
