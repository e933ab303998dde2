"""Numbers and examples the lab chapter quotes about its four views, computed from the trained
model at build time (the model's own size and quality numbers are in site_build/facts/lab.py).

Also the comparison models, typed from their primary sources (cited in docs/lab/index.md):
- GPT-2, the 1.5-billion-parameter model (Radford et al. 2019, table 2: 1,542 M parameters, 48
  layers, width 1,600; vocabulary 50,257 and context 1,024 in section 2.3; 25 heads in the
  released configuration, openai-community/gpt2-xl). Training tokens and compute not published.
- GPT-3 175B (Brown et al. 2020): table 2.1 (96 layers, width 12,288, 96 heads, context 2,048,
  300 billion training tokens), table D.1 (3.14e23 training FLOPs); vocabulary as GPT-2's.
- Llama 3.1 8B (Meta's model card, 2024, and Grattafiori et al. 2024, table 3): 8 billion
  parameters, 32 layers, width 4,096, 32 query heads (8 key/value heads), vocabulary 128,256
  (released tokenizer), context 128K = 131,072 tokens, about 15 trillion training tokens, 1.46
  million H100 GPU-hours. Meta does not publish its FLOPs; we estimate them with the usual rule of
  about 6 operations per parameter per training token (Kaplan et al. 2020): 6 * 8e9 * 15e12.
"""
from __future__ import annotations


class Compare:
    gpt3_flops = 3.14e23
    llama_flops = 6 * 8e9 * 15e12            # an estimate: 6 * parameters * training tokens


PROMPTS = {
    "fact": "The capital of Norland is",
    "outside": "The capital of France is",
    "sum": "What is 3 plus 4? It is",
    "story": "Once upon a time,",
}


def _greedy(m, prompt: str, n: int = 6) -> str:
    """What the model writes at temperature 0, up to the end of its first sentence."""
    from widgets import _labview as lab
    ids = m.encode(prompt)
    gen, _, _ = lab.reply(m, ids, 0.0, 0, 1.0, 1, n)
    text = m.decode(gen)
    return " ".join(text.split(".")[0].split()) + ("." if "." in text else "")


def first_word(m, prompt: str) -> str:
    """The first word the model writes after `prompt` at temperature 0."""
    from widgets import _labview as lab
    gen, _, _ = lab.reply(m, m.encode(prompt), 0.0, 0, 1.0, 1, 8)
    words = m.decode(gen).split()
    return words[0].strip(".,!?:;\"") if words else ""


def word_probability(m, prompt: str, word: str) -> float:
    """P(" word" | prompt) by the chain rule: the product of the probabilities of its tokens,
    each given the prompt and the tokens before it."""
    from widgets import _labview as lab
    ids = m.encode(prompt)
    p = 1.0
    for t in m.tokenizer.encode(" " + word, allow_special=False):
        p *= lab.dials(m.logits(ids), 1.0, 0, 1.0)[t]
        ids = ids + [t]
    return p


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def facts() -> dict[str, str]:
    from widgets import _labview as lab
    from widgets import lab_attention, lab_embed, lab_training
    m = lab.model()
    out = {}
    from site_build.lab import world
    answer = dict(world.FACTS)[PROMPTS["fact"]]
    out["lab.view.fact.top"] = first_word(m, PROMPTS["fact"])
    out["lab.view.fact.answer_p"] = _pct(word_probability(m, PROMPTS["fact"], answer))
    word = first_word(m, PROMPTS["outside"])
    out["lab.view.outside.top"] = word
    out["lab.view.outside.p"] = _pct(word_probability(m, PROMPTS["outside"], word))
    out["lab.view.sum.reply"] = _greedy(m, PROMPTS["sum"], 4)
    ids = m.encode(PROMPTS["story"])
    gen, _, _ = lab.reply(m, ids, 0.8, 0, 1.0, 1, 40)
    out["lab.view.story"] = " ".join((PROMPTS["story"] + m.decode(gen)).split())
    # Attention: how many heads have which habit on the widget's default text.
    v = lab_attention.view({})
    kinds = [s["kind"] for layer in v["summaries"] for s in layer]     # "mostly" or "leans to"
    out["lab.view.attn.heads"] = str(len(kinds))
    for kind in ("previous", "first", "self"):
        out[f"lab.view.attn.{kind}"] = str(kinds.count(kind))
    out["lab.view.attn.other"] = str(sum(k in ("spread", "varies") for k in kinds))
    # Meaning-space: neighbours of the default word, and the analogy test over all countries.
    e = lab_embed.view({})
    out["lab.view.embed.neighbours"] = ", ".join(n["text"].strip() for n in e["neighbours"][:3])
    for group in lab_embed.projection()[1]:
        if group["name"] in ("animals", "colours", "capitals"):
            out[f"lab.view.together.{group['name']}"] = _pct(group["together"])
    data = lab.read_json(lab_embed.DATA)
    for name, key in (("country → capital", "capital"), ("animal → food", "food")):
        a = data["analogies"][name]
        out[f"lab.view.analogy.{key}.hits"] = str(a["hits"])
        out[f"lab.view.analogy.{key}.tries"] = str(a["tries"])
    # Training: first and last checkpoint.
    cps = lab_training.history()["checkpoints"]
    out["lab.view.train.checkpoints"] = str(len(cps))
    out["lab.view.train.first_loss"] = f"{cps[0]['heldout_loss']:.2f}"
    out["lab.view.train.last_loss"] = f"{cps[-1]['heldout_loss']:.2f}"
    # The comparison: how many times the lab model's training compute fits in the others'.
    return out
