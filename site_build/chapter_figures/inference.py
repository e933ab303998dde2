"""Figures for the Inference chapter: the KV cache growing one slot per step, its memory against
conversation length for two real Llama 2 shapes, and prefill against decode time."""
from matplotlib.patches import FancyBboxPatch

from site_build.data import models as f
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets._text import visible

WORDS = ["There", " are", " ", "2", " r", "'s"]


def kv_cache_steps() -> tuple[str, str]:
    fig, ax = new_figure(6.6, 3.2)
    ax.set_axis_off()
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 42)
    rows = 4
    for r in range(rows):
        y = 33 - r * 10
        n = 3 + r                      # tokens in the cache after this step
        ax.text(0, y + 3, f"step {r + 1}", va="center", fontsize=9, color=PALETTE["grey"])
        for i in range(n):
            new = i == n - 1
            x = 12 + i * 12.5
            colour = PALETTE["orange"] if new else PALETTE["blue"]
            ax.add_patch(FancyBboxPatch((x, y), 11, 6, boxstyle="round,pad=0.2,rounding_size=1",
                                        facecolor=colour if new else "none", edgecolor=colour,
                                        alpha=0.9 if new else 1, linewidth=1.3))
            label = visible(WORDS[i])
            ax.text(x + 5.5, y + 3, label, ha="center", va="center", fontsize=9,
                    color="white" if new else "black")
        ax.text(12 + n * 12.5 + 1, y + 3, f"{n - 1} read from cache, 1 computed",
                va="center", fontsize=8, color=PALETTE["grey"])
    svg = to_svg(fig, "Four generation steps: each step computes keys and values for one new "
                 "token and reads all earlier ones from the KV cache, which grows by one slot",
                 "fig-kv-cache-steps")
    caption = ("The KV cache, step by step. Each new token (orange) gets its keys and values "
               "computed once and stored; every earlier token's (blue) are read back from the "
               "cache instead of being recomputed. The cache grows by one slot per token. (The "
               "question's own tokens sit in the cache too; they are left out of the drawing.)")
    return svg, caption


def kv_cache_memory() -> tuple[str, str]:
    fig, ax = new_figure(6.4, 3.4)
    xs = list(range(0, 32769, 512))
    gb = lambda per_token: [per_token * x / 1e9 for x in xs]   # noqa: E731
    ax.plot(xs, gb(f.KV_7B), color=PALETTE["orange"], linewidth=2,
            label="Llama 2 7B: KV cache for one conversation")
    ax.plot(xs, gb(f.KV_70B), color=PALETTE["green"], linewidth=2,
            label="Llama 2 70B (shares keys/values across heads)")
    ax.axhline(f.WEIGHTS_7B / 1e9, color=PALETTE["blue"], linestyle="--", linewidth=1.4)
    ax.text(9000, f.WEIGHTS_7B / 1e9 + 0.4, "Llama 2 7B's own weights", fontsize=9,
            color=PALETTE["blue"])
    ax.axvline(f.Llama2.context, color=PALETTE["grey"], linestyle=":", linewidth=1.2)
    ax.text(f.Llama2.context + 400, 17.5, "Llama 2's window\n(4,096 tokens)", fontsize=8,
            color=PALETTE["grey"], va="top")
    ax.set_xlim(0, 32768)
    ax.set_ylim(0, 18)
    ax.set_xticks([0, 8192, 16384, 24576, 32768], ["0", "8k", "16k", "24k", "32k"])
    ax.set_xlabel("tokens in the conversation so far")
    ax.set_ylabel("memory (GB, 16-bit numbers)")
    ax.legend(frameon=False, loc="lower right", fontsize=9)
    svg = to_svg(fig, "Line chart: KV-cache memory grows in a straight line with conversation "
                 "length; for Llama 2 7B it passes the model's own 13.5 GB of weights at about "
                 "25,700 tokens", "fig-kv-cache-memory")
    caption = ("KV-cache memory for a single conversation, computed from Llama 2's published "
               "shapes at 2 bytes per number. It grows in a straight line with every token. Past "
               "Llama 2's real 4,096-token window the lines show what the same design would need "
               "if the window were stretched: for the 7B model the cache would outweigh the model "
               "itself.")
    return svg, caption


def prefill_decode() -> tuple[str, str]:
    fig, ax = new_figure(6.4, 2.4)
    n = f.PROMPT_TOKENS
    times = [f.prefill_seconds(n), n * f.decode_seconds_per_token()]
    labels = [f"read {n:,} tokens\n(prefill)", f"write {n:,} tokens\n(decode)"]
    ax.barh([0, 1], times, color=[PALETTE["blue"], PALETTE["orange"]], height=0.55)
    for i, t in enumerate(times):
        text = f"{1000 * t:.0f} ms" if t < 1 else f"{t:.1f} s"
        ax.text(t * 1.15, i, text, va="center", fontsize=10)
    ax.set_xscale("log")
    ax.set_xlim(0.01, 60)
    ax.set_xticks([0.01, 0.1, 1, 10], ["0.01 s", "0.1 s", "1 s", "10 s"])
    ax.minorticks_off()
    ax.set_yticks([0, 1], labels)
    ax.invert_yaxis()
    ax.set_xlabel("best-case time on one A100 GPU, Llama 2 7B (log scale)")
    svg = to_svg(fig, "Bar chart: reading a 1,000-token prompt takes about 43 milliseconds at "
                 "best; writing 1,000 tokens takes about 6.6 seconds at best",
                 "fig-prefill-decode")
    caption = ("The same number of tokens, read versus written. Reading a prompt (prefill) "
               "handles all its tokens in one pass, so the chip's arithmetic is the limit. Writing "
               "(decode) needs one pass per token, and each pass must stream all 13.5 GB of "
               "weights from memory. Best-case arithmetic from the model's size and the GPU's "
               "published speeds; real systems are slower, and serve many readers at once.")
    return svg, caption


def figures() -> dict[str, tuple[str, str]]:
    return {
        "kv-cache-steps": kv_cache_steps(),
        "kv-cache-memory": kv_cache_memory(),
        "prefill-decode": prefill_decode(),
    }
