"""Numbers quoted in the Post-training chapter: the chat-template widget's counts, a few published
figures (with their sources), and one reply of the lab's fine-tuned model, computed by running it."""
from site_build.lab import chats, posttrain, world
from widgets import _lm
from widgets import chat_template as w

# Published figures, each with its source (the chapter's footnotes give the links).
O3_RL_COMPUTE_FACTOR = 10         # OpenAI, "Introducing OpenAI o3 and o4-mini", 16 April 2025:
                                  # "an additional order of magnitude" of RL training compute
R1_RL_DOLLARS = 294_000           # DeepSeek-R1, Nature (2025), supplementary information
V3_GPU_HOURS, V3_DOLLARS_PER_HOUR = 2.788e6, 2.0   # DeepSeek-V3 report, table 1
INSTRUCTGPT_SFT_PROMPTS = 11_295 + 1_430           # Ouyang et al. 2022, table 6 (SFT, train)
TULU3_SFT_SAMPLES = 939_344       # Lambert et al. 2024 (Tülu 3), the SFT mix

# The miss the chapter shows: a food question the fine-tuned model answers wrongly.
RABBIT_Q, RABBIT = "What does a rabbit eat?", "rabbit"


def _millions(dollars: float) -> str:
    return f"${dollars / 1e6:.1f} million"


def _thousands(n: int) -> str:
    return f"{round(n, -3):,}"


def facts() -> dict[str, str]:
    view = w.view({"chat_example": "capital"})
    h = posttrain.HP["sft"]
    seen = sum(q == RABBIT_Q for q, _ in chats.conversations(h["seed"], h["conversations"]))
    reply = _lm.load("sft").generate(_lm.chat(RABBIT_Q), temperature=0).strip()
    return {
        "post-train.chat.total": str(view["total"]),
        "post-train.chat.content": str(view["counts"]["content"]),
        "post-train.chat.overhead": str(view["overhead"]),
        "post-train.chat.im_start_id": str(w.IM_START[1]),
        "post-train.chat.im_end_id": str(w.IM_END[1]),
        "post-train.o3_rl_factor": str(O3_RL_COMPUTE_FACTOR),
        "post-train.r1_rl_cost": _millions(R1_RL_DOLLARS),
        "post-train.v3_cost": _millions(V3_GPU_HOURS * V3_DOLLARS_PER_HOUR),
        "post-train.sft.instructgpt": _thousands(INSTRUCTGPT_SFT_PROMPTS),
        "post-train.sft.tulu3": _thousands(TULU3_SFT_SAMPLES),
        "post-train.lab.rabbit_reply": reply,
        "post-train.lab.rabbit_truth": world.ANIMALS[RABBIT],
        "post-train.lab.rabbit_seen": str(seen),
    }
