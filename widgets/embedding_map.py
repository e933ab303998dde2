"""Embedding map: words as points, and analogies as arrows carried from one word to another.

The 2-D coordinates are illustrative, designed by hand so that related words cluster and the
classic analogies land near (never exactly on) the expected word. Real embeddings have hundreds
to thousands of coordinates; the clean analogy arithmetic comes from static word embeddings
(word2vec, Mikolov et al. 2013), not from inside a chat model.

What is computed, not drawn by label: for "b − a + c" the target point is b − a + c, and the
answer is the word nearest to it by straight-line distance, with the three input words left out
(as the word2vec evaluation did).
"""
import math

from widgets._params import Choice, clean

TITLE = "Embedding map"

# word: (x, y, group). Illustrative coordinates.
WORDS = {
    # people and royalty: "female" is roughly up, "royal" roughly right
    "man": (1.0, 1.5, "people"),
    "woman": (1.4, 4.3, "people"),
    "uncle": (4.6, 1.3, "people"),
    "aunt": (4.9, 4.1, "people"),
    "king": (8.0, 2.0, "royalty"),
    "queen": (8.5, 4.9, "royalty"),
    "prince": (11.0, 0.9, "royalty"),
    "princess": (11.3, 3.8, "royalty"),
    # countries and their capitals: "capital of" is roughly a step right
    "France": (11.5, 12.0, "countries"),
    "Paris": (14.0, 11.5, "capitals"),
    "Italy": (12.0, 9.8, "countries"),
    "Rome": (14.6, 9.1, "capitals"),
    "Spain": (11.2, 7.6, "countries"),
    "Madrid": (13.8, 7.2, "capitals"),
    "Japan": (16.5, 12.5, "countries"),
    "Tokyo": (19.0, 11.8, "capitals"),
    # animals and their young: "young of" is roughly up and a little right
    "cat": (1.5, 8.5, "animals"),
    "kitten": (2.2, 10.5, "animals"),
    "dog": (4.0, 8.8, "animals"),
    "puppy": (4.8, 10.6, "animals"),
    "horse": (6.5, 8.2, "animals"),
    "foal": (7.5, 9.9, "animals"),
}

GROUPS = ("people", "royalty", "countries", "capitals", "animals")

# (start, minus, plus, expected): start − minus + plus ≈ expected
ANALOGIES = [
    ("king", "man", "woman", "queen"),
    ("uncle", "man", "woman", "aunt"),
    ("Paris", "France", "Italy", "Rome"),
    ("Madrid", "Spain", "Japan", "Tokyo"),
    ("puppy", "dog", "cat", "kitten"),
    ("foal", "horse", "dog", "puppy"),
]


def analogy_key(start: str, minus: str, plus: str) -> str:
    return f"{start}-{minus}+{plus}"


KEYS = tuple(analogy_key(s, m, p) for s, m, p, _ in ANALOGIES)

PARAMS = {
    "emb_analogy": Choice(KEYS[0], KEYS, label="Analogy"),
}


def point(word: str) -> tuple[float, float]:
    x, y, _ = WORDS[word]
    return (x, y)


def target(start: str, minus: str, plus: str) -> tuple[float, float]:
    """start − minus + plus, coordinate by coordinate."""
    (sx, sy), (mx, my), (px, py) = point(start), point(minus), point(plus)
    return (sx - mx + px, sy - my + py)


def nearest(xy: tuple[float, float], exclude=()) -> list[tuple[str, float]]:
    """Every word not in `exclude`, nearest first, with its distance to `xy`."""
    out = [(w, math.dist(xy, point(w))) for w in WORDS if w not in exclude]
    return sorted(out, key=lambda item: (item[1], item[0]))


def solve(start: str, minus: str, plus: str) -> str:
    """The word nearest to start − minus + plus, the three inputs excluded."""
    return nearest(target(start, minus, plus), exclude={start, minus, plus})[0][0]


def cosine(u, v) -> float:
    """Cosine of the angle between two vectors: 1 same direction, 0 unrelated, −1 opposite."""
    dot = sum(a * b for a, b in zip(u, v))
    nu, nv = math.sqrt(sum(a * a for a in u)), math.sqrt(sum(b * b for b in v))
    return dot / (nu * nv) if nu and nv else 0.0


def view(state) -> dict:
    state = clean(PARAMS, state)
    start, minus, plus, expected = ANALOGIES[KEYS.index(state["emb_analogy"])]
    tx, ty = target(start, minus, plus)
    ranked = nearest((tx, ty), exclude={start, minus, plus})
    result = ranked[0][0]
    roles = {start: "start", minus: "minus", plus: "plus"}
    if result not in roles:
        roles[result] = "result"
    offset = (point(plus)[0] - point(minus)[0], point(plus)[1] - point(minus)[1])
    return {
        "state": state,
        "words": [{"word": w, "x": x, "y": y, "group": g, "role": roles.get(w, "")}
                  for w, (x, y, g) in WORDS.items()],
        "groups": list(GROUPS),
        "start": start,
        "minus": minus,
        "plus": plus,
        "offset": [round(offset[0], 6), round(offset[1], 6)],
        "target": [round(tx, 6), round(ty, 6)],
        "result": result,
        "expected": expected,
        "distance": round(ranked[0][1], 3),
        "runner_up": ranked[1][0],
        "runner_up_distance": round(ranked[1][1], 3),
        "analogies": [{"key": k, "text": f"{s} − {m} + {p}"}
                      for k, (s, m, p, _) in zip(KEYS, ANALOGIES)],
    }
