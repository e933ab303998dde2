"""The lab's generated world: deterministic corpus, held-out fact phrasings, its public accessors."""
from __future__ import annotations

import re

import pytest

from site_build.lab import world


@pytest.fixture(scope="module")
def train_docs():
    return world.documents(1, 3000)


@pytest.fixture(scope="module")
def train_text(train_docs):
    return "\n".join(train_docs)


def test_same_seed_same_documents_and_prefix():
    a = world.documents(1, 200)
    assert a == world.documents(1, 200)
    assert world.documents(1, 50) == a[:50]


def test_different_seeds_differ():
    a, b = world.documents(1, 200), world.documents(2, 200)
    assert a != b
    assert len(set(a) & set(b)) < 5


def test_documents_are_short_plain_text(train_docs):
    assert len(train_docs) == 3000
    for d in train_docs:
        assert 50 <= len(d.split()) <= 150
        assert "<|" not in d and "\n" not in d
    assert world.documents(3, 0) == []


def test_three_kinds_of_document(train_docs):
    stories = sum(1 for d in train_docs if any(d.startswith(o.split("{")[0]) for o in
                                                 world.OPENINGS if o.split("{")[0]))
    lessons = sum(1 for d in train_docs if re.search(r"\d+ (plus|minus) \d+ is \d+", d))
    assert stories > 300 and lessons > 300


def test_facts_shape():
    assert 60 <= len(world.FACTS) <= 150
    assert len(set(world.FACTS)) == len(world.FACTS)
    assert len({q for q, _ in world.FACTS}) == len(world.FACTS)
    for q, a in world.FACTS:
        assert q == q.strip() and not q.endswith((" ", "\n"))
        assert re.fullmatch(r"[A-Za-z]+", a), a             # one word, written after a space
        assert a.lower() in world.WORDS


def test_held_out_phrasings_never_in_training_text(train_text):
    text = (train_text + "\n" + "\n".join(world.documents(2, 1000))).lower()
    leaks = [f"{q} {a}" for q, a in world.FACTS if f"{q} {a}".lower() in text]
    assert leaks == []


def test_each_fact_is_read_in_other_phrasings(train_text):
    for i, (q, a) in enumerate(world.FACTS):
        ph = world.phrasings(i)
        assert ph[world.HELD_OUT[i]] == (q, a)
        seen = [f"{p} {ans}" in train_text for j, (p, ans) in enumerate(ph)
                if j != world.HELD_OUT[i]]
        assert sum(seen) >= 3, (q, a, seen)


def test_each_held_out_template_is_read_with_other_facts(train_text):
    for i, kind in enumerate(world.FACT_KINDS):
        h = world.HELD_OUT[i]
        others = [j for j, k in enumerate(world.FACT_KINDS) if k == kind and j != i]
        hits = sum(" ".join(world.phrasings(j)[h]) in train_text for j in others)
        assert hits >= len(others) // 2, (world.FACTS[i], hits)


def test_facts_are_consistent_in_the_corpus(train_text):
    """Whatever phrasing states a fact, it never states a different answer."""
    for i, (q, a) in enumerate(world.FACTS):
        for p, _ in world.phrasings(i):
            for m in re.finditer(re.escape(p) + r" ([A-Za-z]+)", train_text):
                assert m.group(1) == a, (p, m.group(1), a)


def test_words_cover_the_generated_text(train_text):
    used = set(world.words(train_text)) | set(world.words(" ".join(world.documents(2, 1000))))
    assert used <= world.WORDS
    assert 200 <= len(world.WORDS) <= 1000
    assert len(used) >= 0.9 * len(world.WORDS)      # WORDS is not padded with unused words


def _num(tok: str) -> int:
    return int(tok) if tok.isdigit() else world.NUMBER_WORDS.index(tok.lower())


N = r"(\d+|[A-Za-z]+)"
CLAIMS = [        # (pattern, how the last number follows from the others)
    (N + r" (?:plus|and) " + N + r" (?:is|make|makes|equals) " + N + r"\b", lambda a, b: a + b),
    (N + r" (?:minus|take away) " + N + r" (?:is|leaves|equals|makes) " + N + r"\b",
     lambda a, b: a - b),
    (r"What is " + N + r" plus " + N + r"\? It is " + N + r"\b", lambda a, b: a + b),
    (r"What is " + N + r" minus " + N + r"\? It is " + N + r"\b", lambda a, b: a - b),
    (r"have " + N + r" apples and eat " + N + r", you have " + N + r" left", lambda a, b: a - b),
    (r"has " + N + r" \w+\. \w+ gets " + N + r" more\. Now \w+ has " + N + r" ",
     lambda a, b: a + b),
    (r"had " + N + r" \w+\. \w+ gave " + N + r" away\. Now \w+ has " + N + r" ",
     lambda a, b: a - b),
    (r"had " + N + r" apples\. \w+ gave \w+ " + N + r" more\. Now \w+ had " + N + r" apples",
     lambda a, b: a + b),
    (r"(\d+) is (\d+) more than (\d+)", lambda a, b: None),
]


def test_arithmetic_in_the_corpus_is_right(train_text):
    words = set(world.NUMBER_WORDS)
    total = 0
    for pattern, rule in CLAIMS:
        n = 0
        for m in re.finditer(pattern, train_text):
            toks = m.groups()
            if not all(t.isdigit() or t.lower() in words for t in toks):
                continue                    # e.g. "Mira and Tom are ..."
            a, b, c = map(_num, toks)
            if rule(a, b) is None:          # "s is a more than b": s = a + b
                assert a == b + c, m.group(0)
            else:
                assert c == rule(a, b), m.group(0)
            n += 1
        assert n > 20, pattern
        total += n
    assert total > 2000
    for a, b in re.findall(r"After (\w+) comes (\w+)\.", train_text):
        assert _num(b) == _num(a) + 1
    for a, b, c in re.findall(r"Which is more, (\d+) or (\d+)\? (\d+) is more", train_text):
        assert int(c) == max(int(a), int(b)) and a != b
    for seq in re.findall(r"(?:Count with me|Count down|counted the \w+): ([^.]+)\.", train_text):
        nums = [_num(t) for t in seq.split(", ")]
        steps = {y - x for x, y in zip(nums, nums[1:])}
        assert steps in ({1}, {-1}), seq


def test_describe_counts():
    d = world.describe()
    assert d["people"] == len(world.CAST) == 12
    assert d["countries"] == len(world.COUNTRIES) and d["facts"] == len(world.FACTS)
    assert d["words"] == len(world.WORDS)


def test_capitals_and_names_are_invented():
    real = {"Paris", "London", "Oslo", "Berlin", "Rome", "Madrid", "Norway", "France"}
    assert not real & (set(world.COUNTRIES) | set(world.COUNTRIES.values()))


def test_facts_accessor_matches_facts_and_is_a_copy():
    fs = world.facts()
    assert [(k, a) for k, a, _ in fs] == [(k, a) for k, (_, a) in zip(world.FACT_KINDS, world.FACTS)]
    fs[0][2]["extra"] = 1
    assert "extra" not in world.facts()[0][2]
    assert world.pronouns("she")["His"] == "Her"


def test_docstring_shares_match_the_generator():
    """The module docstring states the document mix; it must say what SHARES does."""
    import inspect
    doc = inspect.getdoc(world)
    for kind, share in world.SHARES.items():
        assert f"{round(100 * share)} %" in doc, kind
    assert abs(sum(world.SHARES.values()) - 1) < 1e-9


def test_fact_answers_are_single_tokens_of_the_lab_tokenizer():
    """With the contract's 1,024 ids, each answer (with its space) is one token, and a prompt's
    tokens followed by the answer's token are the tokens of the whole sentence: the model's
    next-token probabilities after a prompt rank the answers directly."""
    from widgets import _bpe
    tok = _bpe.Tokenizer(_bpe.train(world.documents(1, 3000), 1024))
    for q, a in world.FACTS:
        (answer,) = tok.encode(" " + a)
        assert tok.encode(q) + [answer] == tok.encode(f"{q} {a}")


def test_rng_draws_only_on_random_and_stays_in_range():
    """The corpus must not depend on the Python version: Rng's choices come from random() only
    (checked by replaying random() by hand), and they cover their ranges evenly."""
    import random
    r, ref = world.Rng(5), random.Random(5)
    got = [r.randint(3, 7) for _ in range(2000)]
    assert got == [3 + min(int(ref.random() * 5), 4) for _ in range(2000)]
    assert set(got) == {3, 4, 5, 6, 7}
    assert min(got.count(v) for v in range(3, 8)) > 300
    s = r.sample(range(10), 4)
    assert len(set(s)) == 4 and set(s) <= set(range(10))
    x = list(range(20))
    r.shuffle(x)
    assert sorted(x) == list(range(20)) and x != list(range(20))
