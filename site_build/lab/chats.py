"""Conversations about the small world, for fine-tuning the lab model into an assistant (SFT).

A conversation here is one user question and one assistant answer, e.g.
("What is the capital of Norland?", "The capital of Norland is Velmar."). `template(q, a)`
writes it in the chat template, with the special markers the tokenizer reserves ids for:

    <|user|> What is the capital of Norland?<|end|><|assistant|> The capital of Norland is Velmar.<|end|>

The prompt part is `widgets/_lm.chat(q)`, the one template every chat in the lab is built from.
Fine-tuning scores only the answer and its closing <|end|>.

Kinds of conversation (shares in `SHARES`):
  facts       the world's facts (capitals, towns, foods, colours, homes, jobs, pets), each kind
              asked in the phrasings of tasks.QUESTIONS and answered in three forms;
  about       "Tell me about Mira." / "Who is Mira?" -> a two-sentence description;
  arithmetic  "What is 7 plus 5?" -> "12." / "It is 12." / "The answer is 12." (the number comes
              first, as tasks.check reads the first number), plus a few other phrasings
              ("How much is 7 plus 5?", "Add 7 and 5.").

Never written, so measurements are on questions the fine-tuning did not show: the held-out fact
phrasings (tasks.HELD_FACTS) and the held-out arithmetic problems (tasks.HELD_PROBLEMS, which the
RL stage also never trains on).
"""
from __future__ import annotations

from widgets import _bpe, _lm

from . import tasks, world

# Answer forms per fact kind (three each).
ANSWERS: dict[str, list[str]] = {
    "capital": ["The capital of {country} is {capital}.", "{capital}.", "It is {capital}."],
    "town": ["{town} is in {country}.", "{country}.", "It is in {country}."],
    "food": ["{Animals} eat {food}.", "{Food}.", "A {animal} eats {food}."],
    "colour": ["The {thing} is {colour}.", "{Colour}.", "It is {colour}."],
    "home": ["{name} lives in {town}.", "{town}.", "{He} lives in {town}."],
    "job": ["{name} is a {job}.", "A {job}.", "{He} is a {job}."],
    "pet": ["{name} has a pet {pet}.", "A {pet}.", "{He} has a pet {pet}."],
}
ABOUT_Q = ["Tell me about {name}.", "Who is {name}?"]
ABOUT_A = ["{name} is a {job} who lives in {town}. {He} has a pet {pet}.",
           "{name} lives in {town} and works as a {job}. {His} pet is a {pet}."]
SUM_Q = ["What is {a} plus {b}?", "What is {a} plus {b}?", "How much is {a} plus {b}?",
         "Add {a} and {b}."]
DIFF_Q = ["What is {a} minus {b}?", "What is {a} minus {b}?", "How much is {a} minus {b}?",
          "Take {b} away from {a}."]
NUMBER_A = ["{n}.", "{n}.", "It is {n}.", "The answer is {n}."]
SHARES = {"facts": 0.5, "about": 0.1, "arithmetic": 0.4}


def template(question: str, answer: str | None = None) -> str:
    """The chat template: the prompt alone when answer is None (_lm.chat), else the whole
    conversation, closed by <|end|>. As everywhere in the lab model, text after a marker starts
    with a space."""
    prompt = _lm.chat(question)
    return prompt if answer is None else f"{prompt} {answer}{_bpe.END}"


def _arithmetic(rng) -> tuple[str, str]:
    q, ans = rng.choice(tasks.TRAIN_PROBLEMS)
    a, op, b = tasks.operands(q)
    forms = SUM_Q if op == "plus" else DIFF_Q
    return rng.choice(forms).format(a=a, b=b), rng.choice(NUMBER_A).format(n=ans)


def conversations(seed: int, n: int) -> list[tuple[str, str]]:
    """n (question, answer) conversations, the same for the same seed; never a held-out fact
    phrasing (tasks.HELD_FACTS) nor a held-out problem (tasks.HELD_PROBLEMS)."""
    rng = world.Rng(seed)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < SHARES["facts"]:
            i = rng.randrange(len(tasks.FACTS))
            kind, _, ctx = tasks.FACTS[i]
            out.append((rng.choice(tasks.FACT_QS[i]), rng.choice(ANSWERS[kind]).format(**ctx)))
        elif r < SHARES["facts"] + SHARES["about"]:
            p = rng.choice(world.CAST)
            ctx = {"name": p["name"], "town": p["town"], "job": p["job"], "pet": p["pet"],
                   **world.pronouns(p["he"])}
            k = rng.randrange(len(ABOUT_Q))
            out.append((ABOUT_Q[k].format(**ctx), ABOUT_A[rng.randrange(len(ABOUT_A))].format(**ctx)))
        else:
            out.append(_arithmetic(rng))
    return out
