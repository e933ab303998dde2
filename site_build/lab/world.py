"""A small world: the generated corpus the lab model reads, and the facts it is tested on.

Everything here is made up and written by a seeded generator (`Rng(seed)`, a `random.Random`
drawing only on `random()`, so the text is the same under any Python 3; no downloads): a cast
of twelve people (each with a home town, a job and a pet) who live in eight towns, twelve
invented countries with invented capitals, twelve animals with what they eat, eleven things with
their colours, and numbers (counting, sums and differences, in digits and in
words). `CAST`, `PLACES`, `COUNTRIES`, `ANIMALS`, `THINGS` hold them; `WORDS` is every word
the world can write (lower-case, as `words()` cuts them); `describe()` counts it all. Because
the countries and capitals exist nowhere else, whatever the model knows about them it learned
from this corpus.

`documents(seed, n)` writes n short documents (50 to 150 words each) of three kinds, in the
shares `SHARES` gives: stories about the cast (35 %), plain statements about a topic (45 %) and
number lessons (20 %). Documents hold no special markers; the trainer puts <|endoftext|> between
them.

Held-out phrasings. Each fact (say, "the capital of Norland is Velmar") can be said with five
templates of its kind. For every fact, one template is held out (a fixed choice: fact number i
of a kind holds out template i mod 5): the generator never writes that fact in that template,
and `FACTS` asks the fact in exactly that template, as a prompt that stops right before the
answer word. The model has seen the template with other facts and the fact in other templates,
so answering is generalising, not recalling a sentence it read.

`facts()` lists every fact with the words that fill its templates, and `pronouns(he)` the
pronoun forms of a cast member: what the post-training tasks (site_build/lab/tasks.py) build their
questions from. The post-training tasks and their checkers live there, not here.
"""
from __future__ import annotations

import random
import re

# --- The cast and the world ---------------------------------------------------------------------

# Invented countries and their capitals.
COUNTRIES: dict[str, str] = {
    "Norland": "Velmar", "Estria": "Kobrin", "Valdor": "Sunhelm", "Merrow": "Tallis",
    "Brisca": "Lumen", "Oster": "Pelgrave", "Kelland": "Dravo", "Sorvia": "Halden",
    "Ulmark": "Fenwick", "Pavonia": "Castra", "Gildra": "Nessby", "Zarnia": "Ombry",
}
# Towns where the cast lives, and the country each town lies in.
PLACES: dict[str, str] = {
    "Dunmore": "Norland", "Pellow": "Estria", "Ashby": "Valdor", "Brimly": "Merrow",
    "Corrin": "Brisca", "Elmsby": "Oster", "Farrow": "Kelland", "Gorse": "Sorvia",
}
# Animals, what they eat, and their plurals.
ANIMALS: dict[str, str] = {
    "rabbit": "carrots", "goat": "plums", "cat": "fish", "dog": "rice", "horse": "apples",
    "cow": "clover", "duck": "bread", "hen": "corn", "pig": "pears", "sheep": "grass",
    "crow": "beetles", "bear": "honey",
}
PLURAL: dict[str, str] = {a: ("sheep" if a == "sheep" else a + "s") for a in ANIMALS}
# Things and their colours: in this world every kite is red, every boat is blue, and so on.
THINGS: dict[str, str] = {
    "kite": "red", "boat": "blue", "door": "green", "hat": "yellow", "cup": "white",
    "bike": "black", "bag": "brown", "scarf": "pink", "bench": "grey", "lamp": "orange",
    "tent": "purple",
}
# People: name, pronouns (he/him/his), home town, job, pet.
CAST: list[dict] = [
    dict(name=n, he=he, town=t, job=j, pet=p) for n, he, t, j, p in [
        ("Mira", "she", "Dunmore", "baker", "goat"),
        ("Tom", "he", "Pellow", "farmer", "horse"),
        ("Ada", "she", "Ashby", "doctor", "cat"),
        ("Ben", "he", "Brimly", "teacher", "dog"),
        ("Lina", "she", "Corrin", "painter", "rabbit"),
        ("Omar", "he", "Elmsby", "fisher", "duck"),
        ("Nell", "she", "Farrow", "builder", "pig"),
        ("Sam", "he", "Gorse", "singer", "hen"),
        ("Ivy", "she", "Dunmore", "tailor", "crow"),
        ("Joe", "he", "Pellow", "miller", "sheep"),
        ("Rosa", "she", "Ashby", "potter", "cow"),
        ("Finn", "he", "Brimly", "driver", "bear"),
    ]
]
PEOPLE: dict[str, dict] = {p["name"]: p for p in CAST}
# What each job does (what the people of the world do all day).
JOB_ACTIONS: dict[str, str] = {
    "baker": "bakes bread every morning", "farmer": "grows wheat in the fields",
    "doctor": "helps people who are sick", "teacher": "teaches the children to read",
    "painter": "paints pictures of the hills", "fisher": "catches fish in the lake",
    "builder": "builds houses and walls", "singer": "sings songs in the square",
    "tailor": "makes coats and dresses", "miller": "grinds corn into flour",
    "potter": "makes cups and pots", "driver": "drives the bus to the city",
}
FEELINGS = ["happy", "sad", "tired", "hungry", "brave", "sleepy", "calm", "glad", "cold", "proud"]
SKIES = ["clear", "dark", "cloudy", "bright", "pale"]
SPOTS = ["the market", "the river", "the hill", "the park", "the forest", "the lake",
         "the school", "the bridge", "the square", "the farm"]
CONNECTORS = ["Then", "Later", "After that", "Soon", "That day", "After a while"]
_PRONOUNS = {"she": ("she", "her", "her"), "he": ("he", "him", "his")}

NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]

# --- Fact templates (five per kind; the answer comes last in the part a prompt asks) -------------
# Each template is (prompt part, rest after the answer). The full sentence is
# prompt + " " + answer + rest.
FACT_TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "capital": [
        ("The capital of {country} is", "."),
        ("{country} has its capital in", "."),
        ("The king of {country} lives in", "."),
        ("In {country}, the biggest city is", "."),
        ("If you fly to {country}, you land in", "."),
    ],
    "town": [
        ("{town} is a town in", "."),
        ("The town of {town} lies in", "."),
        ("{town} belongs to", "."),
        ("To reach {town}, you travel to", "."),
        ("{town} is a quiet town in the north of", "."),
    ],
    "food": [
        ("{Animals} eat", "."),
        ("The {animal} likes to eat", "."),
        ("Every morning the {animal} looks for", "."),
        ("What does a {animal} eat? It eats", "."),
        ("If you meet a {animal}, give it some", "."),
    ],
    "colour": [
        ("The {thing} is", "."),
        ("In every town, the {thing} is painted", "."),
        ("Look at the {thing}! It is", "."),
        ("Everyone says the {thing} looks", "."),
        ("Ask any child: the {thing} is always", "."),
    ],
    "home": [
        ("{name} lives in", "."),
        ("{name} was born in", "."),
        ("The house of {name} is in", "."),
        ("{name} has a small house in", "."),
        ("Every night, {name} goes home to", "."),
    ],
    "job": [
        ("{name} is a", "."),
        ("{name} works as a", "."),
        ("In {town}, everyone knows {name} the", "."),
        ("{name} has been a", " for many years."),
        ("Ask {name} about work, and {he} says: I am a", "."),
    ],
    "pet": [
        ("{name} has a pet", "."),
        ("{name} keeps a", " at home."),
        ("{name} feeds {his} pet", " every morning."),
        ("When {name} comes home, {his}", " runs to the door."),
        ("{name} takes good care of {his}", "."),
    ],
}
# Sentences that state a fact with the answer first (never asked, only read).
FACT_EXTRA: dict[str, list[str]] = {
    "capital": ["{capital} is the capital of {country}.", "{capital} is a big city."],
    "town": ["In {country} there is a town called {town}."],
    "food": ["Give {food} to a {animal} and it will be happy.",
             "A {animal} never says no to {food}."],
    "colour": ["A {colour} {thing} stood in the sun."],
    "home": ["{town} is the home of {name}."],
    "job": ["A good {job} like {name} works hard."],
    "pet": ["The {pet} belongs to {name}."],
}


def pronouns(he: str) -> dict:
    """The pronoun forms for a cast member's "he" field ("he" or "she"), as template keys."""
    s, o, p = _PRONOUNS[he]
    return {"he": s, "him": o, "his": p, "He": s.capitalize(), "His": p.capitalize()}


def _fact_list() -> list[tuple[str, str, dict]]:
    """Every fact as (kind, answer, context for the templates), in a fixed order."""
    out = []
    for country, capital in COUNTRIES.items():
        out.append(("capital", capital, {"country": country, "capital": capital}))
    for town, country in PLACES.items():
        out.append(("town", country, {"town": town, "country": country}))
    for animal, food in ANIMALS.items():
        out.append(("food", food, {"animal": animal, "animals": PLURAL[animal],
                                   "Animals": PLURAL[animal].capitalize(), "food": food,
                                   "Food": food.capitalize()}))
    for thing, colour in THINGS.items():
        out.append(("colour", colour, {"thing": thing, "colour": colour}))
    for kind in ("home", "job", "pet"):
        for p in CAST:
            ctx = {"name": p["name"], "town": p["town"], "job": p["job"], "pet": p["pet"],
                   **pronouns(p["he"])}
            out.append((kind, p[{"home": "town", "job": "job", "pet": "pet"}[kind]], ctx))
    return out


_FACTS_ALL = _fact_list()


def _held_out() -> list[int]:
    """For each fact, the index of its held-out template: fact i of its kind holds out i mod 5."""
    seen: dict[str, int] = {}
    out = []
    for kind, _, _ in _FACTS_ALL:
        i = seen.get(kind, 0)
        seen[kind] = i + 1
        out.append(i % len(FACT_TEMPLATES[kind]))
    return out


HELD_OUT: list[int] = _held_out()      # for each entry of FACTS, which of its kind's templates
FACTS: list[tuple[str, str]] = [
    (FACT_TEMPLATES[kind][h][0].format(**ctx), answer)
    for (kind, answer, ctx), h in zip(_FACTS_ALL, HELD_OUT)
]
FACT_KINDS: list[str] = [kind for kind, _, _ in _FACTS_ALL]     # the kind of each entry of FACTS


def facts() -> list[tuple[str, str, dict]]:
    """Every fact as (kind, answer word, the words its templates use), in the fixed order of
    FACTS; a fresh copy, so a caller can add keys to the dicts."""
    return [(kind, answer, dict(ctx)) for kind, answer, ctx in _FACTS_ALL]


def phrasings(i: int) -> list[tuple[str, str]]:
    """Fact i of FACTS in each of its kind's templates, as (prompt, answer); entry HELD_OUT[i] is
    FACTS[i] (never written by the generator), the others are written."""
    kind, answer, ctx = _FACTS_ALL[i]
    return [(prompt.format(**ctx), answer) for prompt, _ in FACT_TEMPLATES[kind]]


_FORBIDDEN = re.compile("|".join(re.escape(f"{q} {a}") for q, a in FACTS))
# Index of each fact by kind and key, so the generator can state one it has in mind.
_KEY = {"capital": "country", "town": "town", "food": "animal", "colour": "thing",
        "home": "name", "job": "name", "pet": "name"}
_FACT_INDEX = {(kind, ctx[_KEY[kind]]): i for i, (kind, _, ctx) in enumerate(_FACTS_ALL)}
_FACT_KEYS = list(_FACT_INDEX)


def _fact_sentence(rng: random.Random, kind: str, key: str) -> str:
    """One sentence stating a fact, in any phrasing except the one held out for that fact."""
    i = _FACT_INDEX[(kind, key)]
    _, answer, ctx = _FACTS_ALL[i]
    choices = [t for j, t in enumerate(FACT_TEMPLATES[kind]) if j != HELD_OUT[i]]
    n = len(choices) + len(FACT_EXTRA[kind])
    k = rng.randrange(n)
    if k < len(choices):
        prompt, rest = choices[k]
        return prompt.format(**ctx) + " " + answer + rest
    return FACT_EXTRA[kind][k - len(choices)].format(**ctx)


# --- Story and statement templates -------------------------------------------------------------

OPENINGS = [
    "Once upon a time, there was a {job} called {name}.",
    "This is a story about {name}.",
    "Here is {name}.",
    "One morning, {name} woke up early.",
    "{name} had a plan for the day.",
    "It was a bright day in {town}.",
]
STORY_BEGIN = [
    "One day, {name} went to {place} with {friend}.",
    "\"Hello, {friend}!\" said {name}.",
    "\"Good morning, {name},\" said {friend}.",
    "{name} met {friend} at {spot}.",
    "\"Where are you going?\" asked {friend}. \"To {spot},\" said {name}.",
    "{name} and {friend} are good friends.",
    "{He} walked to {spot} in {town}.",
]
STORY_LATE = [
    "In the evening, {he} was tired but happy.",
    "They walked back home together.",
    "The next day, {he} told {friend} about the trip.",
    "When they got home, it was late.",
]
STORY = [
    "{He} took the {tcolour} {thing} with {him}.",
    "On the way, they saw a {animal} near the river.",
    "The {animal} was hungry, so {name} gave it some {afood}.",
    "{friend} smiled and waved.",
    "They counted {nw} birds in the sky.",
    "{name} had {nw} apples. {friend} gave {him} {mw} more. Now {he} had {nmw} apples.",
    "{He} saw {n} {animals} in a field.",
    "The sun was warm and the wind was soft.",
    "It began to rain, so they sat under a tree.",
    "{He} sang a song about {country}.",
    "{name} laughed and ran to the hill.",
    "{He} put the {tcolour} {thing} by the window.",
    "{friend} asked, \"Where is the {thing}?\"",
    "{He} found a little {animal} behind the house.",
    "The {animal} did not want to go away.",
    "{name} was a little sad, but {friend} made {him} smile.",
    "They ate bread and drank tea.",
    "{His} {pet} followed {him} all day.",
    "At noon, they had lunch in the park.",
    "{He} wrote a letter to {friend}.",
    "The road to {place} was long and quiet.",
    "{name} gave the {animal} some {afood}, and it was happy.",
    "{friend} lost the {tcolour} {thing}, and {name} helped to find it.",
    "At the market, {he} bought {nw} eggs.",
    "{friend} was in {fhis} garden.",
    "\"Can I come too?\" asked {friend}.",
    "\"Yes, of course,\" said {name}.",
    "They sat on the grey bench in the park.",
    "The {animal} ran into the forest.",
    "{name} felt {feel}.",
    "{friend} was {feel2} and wanted to go home.",
    "The sky was {sky}.",
    "{name} {action}.",
    "{friend} {faction}.",
    "Every day, {name} {action}.",
    "{He} gave {his} {pet} a hug.",
    "{His} {pet} was sleeping in the sun.",
    "They crossed the bridge over the river.",
    "{friend} told a funny story, and they all laughed.",
    "There were {nw} blue boats on the lake.",
    "{name} wanted to visit {country} one day.",
    "{He} read a book about {animals}.",
    "{friend} said that {fhe} was {feel2}.",
    "{He} looked for the {animal}, but it was gone.",
    "The {animal} came back with {nw} little {animals}.",
    "{name} and {friend} played with the {tcolour} {thing} until dark.",
    "{friend} showed {name} the way to {spot}.",
    "They took the train to {capital}, the capital of {country}.",
    "{He} has never been to {capital}.",
    "{friend} the {fjob} came to visit.",
    "{name} the {job} said hello to everyone.",
    "{name} saw a friend from {capital} at {spot}.",
    "{His} {pet} ate some {pfood}.",
    "The {animal} ate all the {afood}.",
    "{name} bought {afood} for the {animal}.",
]
ENDINGS = [
    "The end.",
    "It was a good day.",
    "Then {he} went to sleep.",
    "{name} will remember this day.",
    "And that is the story of {name} and {friend}.",
]
STATEMENT_TOPICS = ["animals", "colours", "capitals", "work"]   # besides names of the world
JOB_LINES = ["A {job} {action}.", "What does a {job} do? A {job} {action}."]
STATEMENT_OPENINGS = [
    "Here are some facts about {topic}.",
    "Let us learn about {topic}.",
    "This page is about {topic}.",
    "Facts about {topic}.",
]
LESSON_OPENINGS = [
    "Let us count.",
    "Today we learn to add and take away.",
    "Numbers are fun.",
    "The children of {town} learn numbers.",
    "{name} likes numbers.",
]
LESSON = [
    "{a} plus {b} is {s}.",
    "{Aw} plus {bw} is {sw}.",
    "We know that {aw} and {bw} make {sw}.",
    "{Aw} and {bw} make {sw}.",
    "{x} minus {y} is {d}.",
    "{xw} minus {yw} is {dw}.",
    "{Xw} take away {yw} leaves {dw}.",
    "What is {a} plus {b}? It is {s}.",
    "What is {x} minus {y}? It is {d}.",
    "Count with me: {count}.",
    "{name} has {nw} {animals}. {He} gets {mw} more. Now {he} has {nmw} {animals}.",
    "{name} had {p} {things}. {He} gave {q} away. Now {he} has {r} {things}.",
    "{a} and {b} make {s}.",
    "{s} is {a} more than {b}.",
    "After {aw} comes {a1w}.",
    "After {a} comes {a1}.",
    "{Aw} plus {bw} equals {sw}.",
    "{Xw} minus {yw} equals {dw}.",
    "If you have {x} apples and eat {y}, you have {d} left.",
    "Count down: {down}.",
    "Which is more, {a} or {b}? {more}.",
    "{name} counted the {things}: {count1}.",
    "What is {aw} plus {bw}? It is {sw}.",
    "{a} plus {b} makes {s}, and {s} minus {b} makes {a}.",
]


def words(text: str) -> list[str]:
    """The words of a text, as the world counts them: runs of letters, lower-cased."""
    return re.findall(r"[a-z]+", text.lower())


def _template_words() -> set[str]:
    texts = [p + " " + r for ts in FACT_TEMPLATES.values() for p, r in ts]
    texts += [t for ts in FACT_EXTRA.values() for t in ts]
    texts += JOB_LINES + OPENINGS + STORY_BEGIN + STORY + STORY_LATE + ENDINGS
    texts += STATEMENT_OPENINGS + LESSON_OPENINGS + LESSON
    texts += ["They are the same", "is more"]           # the comparison answers of a lesson
    texts += list(JOB_ACTIONS.values()) + FEELINGS + SKIES + SPOTS + CONNECTORS
    out: set[str] = set()
    for t in texts:
        out.update(words(re.sub(r"\{[^}]*\}", " ", t)))
    return out


def _entity_words() -> set[str]:
    out: set[str] = set()
    for d in (COUNTRIES, PLACES, ANIMALS, THINGS):
        for k, v in d.items():
            out.update(words(k + " " + v))
    out.update(PLURAL.values())
    out.update(t + "s" for t in THINGS)
    for p in CAST:
        out.update(words(" ".join([p["name"], p["job"], *_PRONOUNS[p["he"]]])))
    out.update(NUMBER_WORDS)
    out.update(STATEMENT_TOPICS)
    return out


WORDS: frozenset[str] = frozenset(_template_words() | _entity_words())


# --- The generator ------------------------------------------------------------------------------

class Rng(random.Random):
    """random.Random whose choices use only random(), the one method (with integer seeding) that
    Python promises to keep the same across versions; so the corpus is the same text under any
    Python 3 (random's randrange, choice, sample and shuffle may change between versions)."""

    def randrange(self, n: int) -> int:            # only the one-argument form is used here
        if n <= 0:
            raise ValueError("empty range")
        return min(int(self.random() * n), n - 1)

    def randint(self, a: int, b: int) -> int:
        return a + self.randrange(b - a + 1)

    def choice(self, seq):
        return seq[self.randrange(len(seq))]

    def shuffle(self, x) -> None:
        for i in range(len(x) - 1, 0, -1):         # Fisher-Yates
            j = self.randrange(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k: int) -> list:
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("sample larger than population")
        for i in range(k):                          # partial Fisher-Yates from the front
            j = i + self.randrange(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


def _numbers(rng: random.Random) -> dict:
    a, b = rng.randint(0, 10), rng.randint(0, 10)
    x = rng.randint(0, 20)
    y = rng.randint(0, x)
    k = rng.randint(1, 16)
    p = rng.randint(3, 12)
    q = rng.randint(1, p - 2)
    as_words = rng.random() < 0.5
    seq = [NUMBER_WORDS[i] if as_words else str(i) for i in range(k, k + 5)]
    return {
        "p": p, "q": q, "r": p - q, "a": a, "b": b, "s": a + b, "x": x, "y": y, "d": x - y,
        "a1": a + 1,
        "aw": NUMBER_WORDS[a], "bw": NUMBER_WORDS[b], "sw": NUMBER_WORDS[a + b],
        "Aw": NUMBER_WORDS[a].capitalize(), "xw": NUMBER_WORDS[x],
        "Xw": NUMBER_WORDS[x].capitalize(),
        "yw": NUMBER_WORDS[y], "dw": NUMBER_WORDS[x - y], "a1w": NUMBER_WORDS[a + 1],
        "count": ", ".join(seq), "down": ", ".join(reversed(seq)),
        "more": f"{max(a, b)} is more" if a != b else "They are the same",
        "count1": ", ".join(NUMBER_WORDS[i] if as_words else str(i) for i in range(1, k % 8 + 3)),
    }


_ANIMAL_LIST, _THING_LIST, _COUNTRY_LIST = list(ANIMALS), list(THINGS), list(COUNTRIES)
_DESTINATIONS = list(PLACES) + list(COUNTRIES.values())
_OTHERS = {p["name"]: [q for q in CAST if q is not p] for p in CAST}


def _context(rng: random.Random, person: dict) -> dict:
    friend = rng.choice(_OTHERS[person["name"]])
    fpron = pronouns(friend["he"])
    animal = rng.choice(_ANIMAL_LIST)
    thing = rng.choice(_THING_LIST)
    country = rng.choice(_COUNTRY_LIST)
    n, m = rng.randint(2, 9), rng.randint(1, 9)
    ctx = {
        "name": person["name"], "town": person["town"], "job": person["job"],
        "pet": person["pet"], **pronouns(person["he"]), "friend": friend["name"],
        "place": rng.choice(_DESTINATIONS),
        "animal": animal, "animals": PLURAL[animal], "afood": ANIMALS[animal],
        "thing": thing, "things": thing + "s", "tcolour": THINGS[thing],
        "country": country, "capital": COUNTRIES[country], "fjob": friend["job"],
        "pfood": ANIMALS[person["pet"]],
        "n": n, "nw": NUMBER_WORDS[n], "mw": NUMBER_WORDS[m], "nmw": NUMBER_WORDS[n + m],
        "fhe": fpron["he"], "fhim": fpron["him"], "fhis": fpron["his"],
        "action": JOB_ACTIONS[person["job"]], "faction": JOB_ACTIONS[friend["job"]],
        "feel": rng.choice(FEELINGS), "feel2": rng.choice(FEELINGS), "sky": rng.choice(SKIES),
        "spot": rng.choice(SPOTS),
    }
    return ctx


_LOWER_FIRST = {"He", "She", "They", "The", "A", "There", "His", "Her"}


def _connect(rng: random.Random, sentence: str) -> str:
    """Sometimes start a story sentence with a connector ("Then, he ...", "Later, Mira ...")."""
    first = sentence.split(" ", 1)[0]
    if rng.random() >= 0.2 or not (first in _LOWER_FIRST or first in PEOPLE):
        return sentence
    if first in _LOWER_FIRST:
        sentence = sentence[0].lower() + sentence[1:]
    return rng.choice(CONNECTORS) + ", " + sentence


def _story(rng: random.Random) -> list[str]:
    person = rng.choice(CAST)
    ctx = _context(rng, person)
    friend = PEOPLE[ctx["friend"]]
    facts = [("home", person["name"]), ("job", person["name"]), ("pet", person["name"]),
             ("food", ctx["animal"]), ("colour", ctx["thing"]),
             ("capital", ctx["country"]), ("town", person["town"]),
             (rng.choice(["home", "job", "pet"]), friend["name"])]
    begin = [t.format(**ctx) for t in rng.sample(STORY_BEGIN, rng.randint(1, 2))]
    pool = [_connect(rng, t.format(**ctx)) for t in rng.sample(STORY, rng.randint(5, 9))]
    pool += [_fact_sentence(rng, k, key) for k, key in rng.sample(facts, rng.randint(2, 4))]
    rng.shuffle(pool)
    late = [t.format(**ctx) for t in rng.sample(STORY_LATE, rng.randint(0, 1))]
    return ([rng.choice(OPENINGS).format(**ctx)] + begin + pool + late
            + [rng.choice(ENDINGS).format(**ctx)])


def _statements(rng: random.Random) -> list[str]:
    kind = rng.randrange(7)
    if kind == 0:                                    # a country
        country = rng.choice(list(COUNTRIES))
        topic = country
        facts = [("capital", country)] * 2
        facts += [("town", t) for t, c in PLACES.items() if c == country]
        facts += [("home", p["name"]) for p in CAST if PLACES[p["town"]] == country]
    elif kind == 1:                                  # a town and its people
        town = rng.choice(list(PLACES))
        topic = town
        facts = [("town", town), ("capital", PLACES[town])]
        for p in CAST:
            if p["town"] == town:
                facts += [("home", p["name"]), ("job", p["name"]), ("pet", p["name"])]
    elif kind == 2:                                  # animals
        topic = STATEMENT_TOPICS[0]
        facts = [("food", a) for a in ANIMALS]
    elif kind == 3:                                  # things
        topic = STATEMENT_TOPICS[1]
        facts = [("colour", t) for t in THINGS]
    elif kind == 4:                                  # capitals
        topic = STATEMENT_TOPICS[2]
        facts = [("capital", c) for c in COUNTRIES]
    elif kind == 5:                                  # work: what people do
        topic = STATEMENT_TOPICS[3]
        facts = [("job", p["name"]) for p in CAST]
        facts += [("line", rng.choice(JOB_LINES).format(job=j, action=a))
                  for j, a in rng.sample(sorted(JOB_ACTIONS.items()), 3)]
    else:                                            # one person
        person = rng.choice(CAST)
        topic = person["name"]
        facts = [("home", person["name"]), ("job", person["name"]), ("pet", person["name"]),
                 ("town", person["town"]), ("food", person["pet"])]
    facts = rng.sample(facts, min(len(facts), rng.randint(5, 8)))
    # A few facts from anywhere, so every document mixes topics a little.
    facts += [rng.choice(_FACT_KEYS) for _ in range(rng.randint(3, 6))]
    out = [key if k == "line" else _fact_sentence(rng, k, key) for k, key in facts]
    rng.shuffle(out)
    return [rng.choice(STATEMENT_OPENINGS).format(topic=topic)] + out


def _lesson(rng: random.Random) -> list[str]:
    person = rng.choice(CAST)
    out = [rng.choice(LESSON_OPENINGS).format(**_context(rng, person))]
    for _ in range(rng.randint(7, 12)):
        ctx = {**_context(rng, rng.choice(CAST)), **_numbers(rng)}
        out.append(rng.choice(LESSON).format(**ctx))
    return out


MIN_WORDS, MAX_WORDS = 50, 150
SHARES = {"story": 0.35, "statements": 0.45, "lesson": 0.2}   # how often each kind is written


def _document(rng: random.Random) -> str:
    r = rng.random()
    make = (_story if r < SHARES["story"] else
            _statements if r < SHARES["story"] + SHARES["statements"] else _lesson)
    while True:
        sentences = make(rng)
        sizes = [len(s.split()) for s in sentences]
        # Too long: drop sentences from the middle (never the first or the last).
        while sum(sizes) > MAX_WORDS and len(sentences) > 2:
            i = 1 + rng.randrange(len(sentences) - 2)
            del sentences[i], sizes[i]
        doc = " ".join(sentences)
        # A held-out phrasing is never written by construction; the check makes sure of it.
        if MIN_WORDS <= sum(sizes) <= MAX_WORDS and not _FORBIDDEN.search(doc):
            return doc


def documents(seed: int, n: int) -> list[str]:
    """n short documents of the world, the same for the same seed (documents(s, k) is a prefix of
    documents(s, m) for k <= m)."""
    rng = Rng(seed)
    return [_document(rng) for _ in range(n)]


def describe() -> dict:
    """Counts that describe the world, for the chapter."""
    return {
        "people": len(CAST), "towns": len(PLACES), "countries": len(COUNTRIES),
        "animals": len(ANIMALS), "things": len(THINGS),
        "colours": len(set(THINGS.values())), "jobs": len({p["job"] for p in CAST}),
        "fact_templates": sum(len(t) for t in FACT_TEMPLATES.values()),
        "story_templates": (len(OPENINGS) + len(STORY_BEGIN) + len(STORY) + len(STORY_LATE)
                            + len(ENDINGS)),
        "lesson_templates": len(LESSON_OPENINGS) + len(LESSON),
        "facts": len(FACTS), "words": len(WORDS), "shares": dict(SHARES),
        "facts_by_kind": {k: FACT_KINDS.count(k) for k in FACT_TEMPLATES},
        "words_per_document": (MIN_WORDS, MAX_WORDS),
    }
