"""Conversations about the small world, for fine-tuning the lab model into an assistant (SFT).

A conversation here is one user question and one assistant answer, e.g.
("What is the capital of Norland?", "The capital of Norland is Velmar."). `template(q, a)`
writes it in the chat template, with the special markers the tokenizer reserves ids for:

    <|user|> What is the capital of Norland?<|end|><|assistant|> The capital of Norland is Velmar.<|end|>

`widgets/_lm.chat(q)` is the same text up to and including <|assistant|>: the prompt a chat model
answers. Fine-tuning scores only the answer and its closing <|end|> (`prompt_len` says where the
answer starts).

Kinds of conversation (shares in `SHARES`):
  facts       the world's facts (capitals, towns, foods, colours, homes, jobs, pets), each kind
              asked in four question phrasings and answered in three forms;
  about       "Tell me about Mira." / "Who is Mira?" -> a two-sentence description;
  arithmetic  "What is 7 plus 5?" -> "12." / "It is 12." / "The answer is 12." (the number comes
              first, as world.check reads the first number), plus a few other phrasings
              ("How much is 7 plus 5?", "Add 7 and 5.").

Held out (never written by `conversations`), so measurements are on questions the fine-tuning
did not show: for fact i of its kind, question phrasing i mod 4 (`HELD_FACTS`, as world.FACTS
holds out one statement template per fact); and a fixed quarter of the arithmetic problems
(`HELD_PROBLEMS`, 88 of the 352 sums and differences that world.problems can ask), which the
RL stage also never trains on.
"""
from __future__ import annotations

from widgets import _bpe

from . import world

USER, ASSISTANT, END = _bpe.SPECIALS[1], _bpe.SPECIALS[2], _bpe.SPECIALS[3]

# Question phrasings per fact kind (four each) and answer forms (three each).
QUESTIONS: dict[str, list[str]] = {
    "capital": ["What is the capital of {country}?", "Which city is the capital of {country}?",
                "Name the capital of {country}.", "Where does the king of {country} live?"],
    "town": ["Which country is {town} in?", "Where is {town}?",
             "In which country does {town} lie?", "{town} is in which country?"],
    "food": ["What do {animals} eat?", "What does a {animal} eat?",
             "What food does a {animal} like?", "What should I feed a {animal}?"],
    "colour": ["What colour is the {thing}?", "What colour is a {thing}?",
               "Which colour is the {thing}?", "Tell me the colour of the {thing}."],
    "home": ["Where does {name} live?", "Which town is {name} from?",
             "Where is the house of {name}?", "In which town does {name} live?"],
    "job": ["What does {name} do?", "What is the job of {name}?",
            "What work does {name} do?", "What is {name} by trade?"],
    "pet": ["What pet does {name} have?", "Which animal does {name} keep?",
            "What is the pet of {name}?", "Does {name} have a pet?"],
}
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
    """The chat template: the prompt alone when answer is None (the same text as _lm.chat). As
    everywhere in the lab model, text after a marker starts with a space."""
    prompt = f"{USER} {question.strip()}{END}{ASSISTANT}"
    return prompt if answer is None else f"{prompt} {answer}{END}"


def _fact_context(i: int) -> tuple[str, str, dict]:
    kind, answer, ctx = world._FACTS_ALL[i]
    ctx = dict(ctx)
    ctx.setdefault("Food", ctx.get("food", "").capitalize())
    if kind == "colour":
        ctx["Colour"] = ctx["colour"].capitalize()
    return kind, answer, ctx


def _kind_index(i: int) -> int:
    kind = world._FACTS_ALL[i][0]
    return sum(1 for k, _, _ in world._FACTS_ALL[:i] if k == kind)


HELD_FACTS: list[tuple[str, str]] = []        # (question, the answer word the reply must hold)
_FACT_QS: list[list[str]] = []                # per fact: the phrasings conversations() may use
for _i in range(len(world._FACTS_ALL)):
    _kind, _ans, _ctx = _fact_context(_i)
    _held = _kind_index(_i) % len(QUESTIONS[_kind])
    HELD_FACTS.append((QUESTIONS[_kind][_held].format(**_ctx), _ans))
    _FACT_QS.append([q.format(**_ctx) for j, q in enumerate(QUESTIONS[_kind]) if j != _held])


TRAIN_FACTS: list[tuple[str, str]] = [(q, world._FACTS_ALL[i][1])
                                      for i, qs in enumerate(_FACT_QS) for q in qs]
# The words that can answer each kind of fact question (the answer is one of them).
CANDIDATES: dict[str, frozenset[str]] = {
    "capital": frozenset(w.lower() for w in world.COUNTRIES.values()),
    "town": frozenset(w.lower() for w in world.COUNTRIES),
    "food": frozenset(world.ANIMALS.values()),
    "colour": frozenset(world.THINGS.values()),
    "home": frozenset(w.lower() for w in world.PLACES),
    "job": frozenset(p["job"] for p in world.CAST),
    "pet": frozenset(world.ANIMALS),
}
FACT_OF: dict[str, tuple[str, str]] = {}       # question -> (kind, answer), every fact phrasing
for _i, _qs in enumerate(_FACT_QS):
    for _q in _qs + [HELD_FACTS[_i][0]]:
        FACT_OF[_q] = (world._FACTS_ALL[_i][0], world._FACTS_ALL[_i][1])


def check_fact(question: str, reply: str) -> bool:
    """True when the first word of the reply that could answer this kind of question (a capital
    for a capital question, an animal for a pet question...) is the right one."""
    kind, answer = FACT_OF[question]
    for w in world.words(reply):
        if w in CANDIDATES[kind]:
            return w == answer.lower()
    return False


def check(question: str, reply: str) -> bool:
    """The checker for any question here: world.check for arithmetic, check_fact for facts."""
    return check_fact(question, reply) if question in FACT_OF else world.check(question, reply)


def all_problems() -> list[tuple[str, str]]:
    """Every arithmetic question world.problems can ask, in a fixed order: the 121 sums of two
    numbers from 0 to 10, then the 231 differences x - y with 0 <= y <= x <= 20."""
    out = [(f"What is {a} plus {b}?", str(a + b)) for a in range(11) for b in range(11)]
    out += [(f"What is {x} minus {y}?", str(x - y)) for x in range(21) for y in range(x + 1)]
    return out


def _split() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    probs = all_problems()
    order = list(range(len(probs)))
    world.Rng(2026).shuffle(order)
    held = sorted(order[:len(probs) // 4])
    held_set = set(held)
    return ([probs[i] for i in range(len(probs)) if i not in held_set], [probs[i] for i in held])


TRAIN_PROBLEMS, HELD_PROBLEMS = _split()
_HELD_Q = {q for q, _ in HELD_PROBLEMS}


def _operands(question: str) -> tuple[int, str, int]:
    m = world._QUESTION.search(question)
    return int(m.group(1)), m.group(2), int(m.group(3))


def _arithmetic(rng) -> tuple[str, str]:
    q, ans = rng.choice(TRAIN_PROBLEMS)
    a, op, b = _operands(q)
    forms = SUM_Q if op == "plus" else DIFF_Q
    return rng.choice(forms).format(a=a, b=b), rng.choice(NUMBER_A).format(n=ans)


def conversations(seed: int, n: int) -> list[tuple[str, str]]:
    """n (question, answer) conversations, the same for the same seed; never a held-out fact
    phrasing (HELD_FACTS) nor a held-out problem (HELD_PROBLEMS)."""
    rng = world.Rng(seed)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < SHARES["facts"]:
            i = rng.randrange(len(world._FACTS_ALL))
            kind, _, ctx = _fact_context(i)
            out.append((rng.choice(_FACT_QS[i]), rng.choice(ANSWERS[kind]).format(**ctx)))
        elif r < SHARES["facts"] + SHARES["about"]:
            p = rng.choice(world.CAST)
            ctx = {"name": p["name"], "town": p["town"], "job": p["job"], "pet": p["pet"],
                   **world._pron(p["he"])}
            k = rng.randrange(len(ABOUT_Q))
            out.append((ABOUT_Q[k].format(**ctx), ABOUT_A[rng.randrange(len(ABOUT_A))].format(**ctx)))
        else:
            out.append(_arithmetic(rng))
    return out
