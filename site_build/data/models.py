"""Published model shapes, model cards and hardware, and the arithmetic on them: parameter
counts, weight and KV-cache memory, prefill and decode times. Read by the Attention and Inference
facts and figures alike.

Sources (cited in docs/inference/index.md and docs/attention/index.md):
- Llama 2 (Touvron et al. 2023): 7B has 32 layers, 32 attention heads of width 128 (model width
  4,096), feed-forward width 11,008, a 32,000-token vocabulary and a 4,096-token context window;
  70B has 80 layers, 64 query heads but only 8 key/value heads (grouped-query attention);
- NVIDIA A100 80GB SXM datasheet: 2,039 GB/s memory bandwidth, 312 TFLOPS dense BF16/FP16;
- a forward pass costs about 2 floating-point operations per parameter per token (Kaplan et al.
  2020).
"""
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


def llama2_7b_layer() -> dict[str, int]:
    """Where one Llama 2 7B layer's parameters live. Attention: four d x d matrices (queries,
    keys, values, output). Feed-forward (SwiGLU): three d x f matrices (gate, up, down). Plus two
    normalisation vectors of d numbers. Also the shared embedding table and output layer."""
    d, f, v = Llama2.width_7b, Llama2.ffn_7b, Llama2.vocab
    return {"attention": 4 * d * d, "feed_forward": 3 * d * f, "norms": 2 * d,
            "embedding": v * d, "output": v * d}


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




# Model cards: published total and active parameter counts.
# - Llama 3.1 405B (dense): Llama Team, AI @ Meta (2024), "The Llama 3 Herd of Models".
# - Mixtral 8x7B: 46.7B total, 12.9B active per token (Jiang et al. 2024, "Mixtral of Experts").
# - DeepSeek-V3: 671B total, 37B active per token (DeepSeek-AI 2024, "DeepSeek-V3 Technical
#   Report").
MODEL_CARDS = {
    "llama2_7b": {"name": "Llama 2 7B", "total": PARAMS_7B, "active": PARAMS_7B},
    "mixtral": {"name": "Mixtral 8x7B", "total": 46.7e9, "active": 12.9e9},
    "deepseek_v3": {"name": "DeepSeek-V3", "total": 671e9, "active": 37e9},
}
BITS = (16, 8, 4)


def weight_bytes(params: float, bits: int) -> float:
    """Memory to hold the weights alone at `bits` per weight (no KV cache, no overheads)."""
    return params * bits / 8
