"""Retrieval (RAG): rank a small document store against a question, paste the best passages into
a prompt until a token budget is full, and show what was left out.

The ranking is BM25 (Robertson and Zaragoza, 2009) over the Wrenfield Town Handbook
(widgets/_handbook.py, written for the book), in pure Python:

    score(q, d) = sum over query terms t of  idf(t) * f(t, d) * (k1 + 1)
                                             / (f(t, d) + k1 * (1 - b + b * |d| / avgdl))
    idf(t) = ln(1 + (N - n(t) + 0.5) / (n(t) + 0.5))

with k1 = 1.2, b = 0.75; f(t, d) is how often term t occurs in passage d, |d| its length in
terms, avgdl the average length, N the number of passages and n(t) how many contain t. Terms are
lower-cased words with common words dropped and a plural "s" removed.

Token counts are real cl100k_base counts, from the same tokenizer as the Tokens chapter
(widgets/tokenizer.py, reading the rank file the page downloads).
"""
import math
import re

from widgets import tokenizer
from widgets._handbook import PASSAGES
from widgets._params import Number, Text, clean

TITLE = "Retrieval: search, paste, answer"
ENCODING = "cl100k_base"
FILES = [tokenizer.data_file(ENCODING)]
K1, B = 1.2, 0.75
SHOWN = 8                       # rows of the ranking shown

EXAMPLES = {                    # question -> the passage that answers it
    "When is the library open on Sunday?": "library-hours",
    "When is the rubbish collected?": "bins",
    "Where can I leave my car all day?": "parking-visitors",
    "Can I fish from the bridge?": "fishing",
}
DEFAULT_Q = "When is the library open on Sunday?"

PARAMS = {
    "ret_q": Text(DEFAULT_Q, max_len=300, label="Your question"),
    "ret_budget": Number(250, 60, 1000, step=10, integer=True,
                         label="Context budget (tokens)"),
}

HEADER = ("Answer the question using only the passages below. Say which passage you used. "
          "If they do not contain the answer, say you don't know.\n\n")

STOP = set("""a about after all also am an and any are as at be been before but by can could
did do does for from get got had has have how i if in into is it its may me might my no not of
on or our should so than that the their them then there these they this to up us was we were
what when where which who why will with would you your""".split())


def terms(text: str) -> list[str]:
    """Lower-cased words, common words dropped, a plural 's' removed ("Sundays" -> "sunday")."""
    out = []
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if word in STOP:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


class Index:
    """BM25 over a list of (id, title, text) passages (title and text are both searched)."""

    def __init__(self, passages=PASSAGES, k1=K1, b=B):
        self.passages = passages
        self.k1, self.b = k1, b
        self.docs = [terms(f"{title} {text}") for _, title, text in passages]
        self.n = len(self.docs)
        self.avgdl = sum(len(d) for d in self.docs) / self.n
        self.df: dict[str, int] = {}
        for d in self.docs:
            for t in set(d):
                self.df[t] = self.df.get(t, 0) + 1

    def idf(self, term: str) -> float:
        n = self.df.get(term, 0)
        return math.log(1 + (self.n - n + 0.5) / (n + 0.5))

    def score(self, query_terms: list[str], i: int) -> float:
        d = self.docs[i]
        total = 0.0
        for t in query_terms:
            f = d.count(t)
            if f:
                norm = self.k1 * (1 - self.b + self.b * len(d) / self.avgdl)
                total += self.idf(t) * f * (self.k1 + 1) / (f + norm)
        return total

    def rank(self, query: str) -> list[tuple[int, float]]:
        """(passage index, score) for every passage sharing a term with the query, best first
        (ties keep the handbook's order)."""
        q = list(dict.fromkeys(terms(query)))          # each query term counted once
        scored = [(i, self.score(q, i)) for i in range(self.n)]
        return sorted([s for s in scored if s[1] > 0], key=lambda s: (-s[1], s[0]))


_INDEX = None


def index() -> Index:
    global _INDEX
    if _INDEX is None:
        _INDEX = Index()
    return _INDEX


def block(number: int, i: int) -> str:
    """How passage i is pasted into the prompt, numbered by its place."""
    _, title, text = PASSAGES[i]
    return f"[{number}] {title}\n{text}\n\n"


def footer(question: str) -> str:
    return f"Question: {question}\nAnswer:"


def count(text: str) -> int:
    return len(tokenizer.encode(text, ENCODING))


def build_prompt(question: str, ranked: list[int], budget: int) -> tuple[list[int], str, int]:
    """Paste passages in rank order while the whole prompt stays within `budget` tokens; stop at
    the first that does not fit. Returns (indices pasted, prompt, its token count)."""
    chosen: list[int] = []
    prompt = HEADER + footer(question)
    used = count(prompt)
    for i in ranked:
        trial = HEADER + "".join(block(n + 1, j) for n, j in enumerate(chosen + [i])) + footer(question)
        n_tokens = count(trial)
        if n_tokens > budget:
            break
        chosen.append(i)
        prompt, used = trial, n_tokens
    return chosen, prompt, used


def view(state) -> dict:
    state = clean(PARAMS, state)
    question, budget = state["ret_q"].strip(), state["ret_budget"]
    ranking = index().rank(question)
    order = [i for i, _ in ranking]
    chosen, prompt, used = build_prompt(question, order, budget)
    gold_id = EXAMPLES.get(question)
    gold = next(i for i, p in enumerate(PASSAGES) if p[0] == gold_id) if gold_id else None
    gold_rank = order.index(gold) + 1 if gold is not None and gold in order else None
    rows = [{"rank": r + 1, "id": PASSAGES[i][0], "title": PASSAGES[i][1], "text": PASSAGES[i][2],
             "score": round(s, 2), "tokens": count(block(r + 1, i)), "pasted": i in chosen,
             "answers": i == gold}
            for r, (i, s) in enumerate(ranking[:SHOWN])]
    if gold is not None and gold_rank is not None and gold_rank > SHOWN:
        r = gold_rank - 1
        rows.append({"rank": gold_rank, "id": PASSAGES[gold][0], "title": PASSAGES[gold][1],
                     "text": PASSAGES[gold][2], "score": round(ranking[r][1], 2),
                     "tokens": count(block(gold_rank, gold)), "pasted": False, "answers": True})
    overhead = count(HEADER + footer(question))
    if not question:
        verdict = "empty"
    elif not ranking:
        verdict = "no-match"
    elif gold is None:
        verdict = "open"                       # the reader's own question: no answer key
    elif gold in chosen:
        verdict = "found"
    elif gold_rank is None:
        verdict = "missed"                     # search never found it
    else:
        verdict = "cut"                        # found, but ranked too low to fit
    return {
        "state": state,
        "examples": list(EXAMPLES),
        "n_passages": len(PASSAGES),
        "n_matches": len(ranking),
        "rows": rows,
        "pasted": len(chosen),
        "prompt": prompt,
        "prompt_tokens": used,
        "overhead": overhead,
        "budget": budget,
        "gold_rank": gold_rank,
        "gold_title": PASSAGES[gold][1] if gold is not None else None,
        "verdict": verdict,
    }
