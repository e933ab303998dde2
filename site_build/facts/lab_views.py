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
  million H100 GPU-hours. Meta does not publish its FLOPs; the chapter estimates them with the
  usual rule of about 6 operations per parameter per training token (Kaplan et al. 2020):
  6 * 8e9 * 15e12 = 7.2e23.
"""
from __future__ import annotations


class GPT3:
    """GPT-3 175B (Brown et al. 2020, tables 2.1 and D.1)."""
    params = 175e9
    flops = 3.14e23


def _about(x: float) -> str:
    """A big number to two significant figures, in words past a million: 641,570 -> "640,000";
    2.1e10 -> "21 billion"."""
    digits = len(str(int(x))) - 2
    r = round(x, -digits) if digits > 0 else round(x)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if r >= size:
            return f"{r / size:g} {word}"
    return f"{int(r):,}"


def compare() -> dict[str, str]:
    """GPT-3 beside the lab model: parameters, training operations, and how long GPT-3's training
    would take at the speed this machine trained the lab model (its operations per second)."""
    from site_build.lab import build
    man = build.report()["manifest"]
    speed = man["flops"] / man["train_seconds"]                   # operations per second
    years = GPT3.flops / speed / (365.25 * 24 * 3600)
    return {"lab.view.compare.gpt3_params": _about(GPT3.params / man["params"]),
            "lab.view.compare.gpt3_flops": _about(GPT3.flops / man["flops"]),
            "lab.view.compare.gpt3_years": _about(years)}


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


def analogy_rate(m, pairs: dict) -> tuple[int, int]:
    """partner(a) − a + b for every ordered pair (a, b) of a one-to-one relation of the world,
    with the widget's own function: (hits, tries). A hit is when the nearest whole-word token
    (the three inputs left out) is b's partner. Pairs with a word the tokenizer splits into
    several tokens are not tried: the answer could not be one token."""
    import itertools

    from widgets import lab_embed
    hits = tries = 0
    for a, b in itertools.permutations(pairs, 2):
        words = [pairs[a], a, b, pairs[b]]
        if any(len(lab_embed.word_ids(m, x)) != 1 for x in words):
            continue
        tries += 1
        hits += bool(lab_embed.analogy(m, *words)["works"])
    return hits, tries


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
    story = " ".join((PROMPTS["story"] + m.decode(gen)).split())
    ends = [i for i, ch in enumerate(story) if ch in ".!?"]
    out["lab.view.story"] = story[:ends[-1] + 1] if ends else story     # whole sentences only
    # Attention: how many heads have which habit on the widget's default text.
    v = lab_attention.view({})
    kinds = [s["kind"] for layer in v["summaries"] for s in layer]     # "mostly" or "leans to"
    out["lab.view.attn.heads"] = str(len(kinds))
    for kind in ("previous", "first", "self"):
        out[f"lab.view.attn.{kind}"] = str(kinds.count(kind))
    out["lab.view.attn.other"] = str(sum(k in ("spread", "varies") for k in kinds))
    # The answer forming, layer by layer (the logit lens at the fact prompt's last token): the
    # first stage where the right answer is the top candidate, its chance there and at the end,
    # and what the embeddings alone predict.
    lens = lab_attention.view({"lab_attn_text": PROMPTS["fact"], "lab_guess": answer,
                                "lab_look": "layers"})["lens"]
    first = next(k for k, st in enumerate(lens) if st["expect"]["rank"] == 1)
    out["lab.view.lens.first_layer"] = str(first)
    out["lab.view.lens.first_p"] = _pct(lens[first]["expect"]["p"])
    out["lab.view.lens.embed_top"] = lens[0]["top"][0]["text"].strip()
    out["lab.view.head.size"] = str(m.dh)                       # numbers in a head's query
    out["lab.view.head.sqrt"] = f"{m.dh ** 0.5:g}"             # what its scores are divided by
    # Meaning-space: neighbours of the default word, and the analogy test over all countries.
    e = lab_embed.view({})
    out["lab.view.embed.neighbours"] = ", ".join(n["text"].strip() for n in e["neighbours"][:3])
    for group in lab_embed.projection()[1]:
        if group["name"] in ("animals", "colours", "capitals"):
            out[f"lab.view.together.{group['name']}"] = _pct(group["together"])
    from site_build.lab import world
    for key, pairs in (("capital", world.COUNTRIES), ("food", world.ANIMALS)):
        hits, tries = analogy_rate(m, pairs)
        out[f"lab.view.analogy.{key}.hits"] = str(hits)
        out[f"lab.view.analogy.{key}.tries"] = str(tries)
    # Training: first and last checkpoint.
    cps = lab_training.history()["checkpoints"]
    out["lab.view.train.checkpoints"] = str(len(cps))
    out["lab.view.train.first_loss"] = f"{cps[0]['heldout_loss']:.2f}"
    out["lab.view.train.last_loss"] = f"{cps[-1]['heldout_loss']:.2f}"
    out.update(compare())
    return out
