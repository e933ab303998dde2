"""Retrieval: BM25 on a hand-checked case, the budget rule, and real cl100k_base token counts."""
import math

import pytest

from widgets import retrieval as w
from widgets._handbook import PASSAGES


def test_terms_drop_common_words_and_plural_s():
    assert w.terms("When is the Library open on Sundays?") == ["library", "open", "sunday"]
    assert w.terms("glass bus") == ["glass", "bus"]           # "ss" and short words kept


def test_bm25_on_a_hand_checked_case():
    docs = [("a", "", "apple apple pear"), ("b", "", "pear plum"), ("c", "", "plum plum plum fig")]
    idx = w.Index(docs, k1=1.2, b=0.75)
    # lengths 3, 2, 4: avgdl = 3. "apple": in 1 of 3 docs -> idf = ln(1 + 2.5/1.5)
    idf_apple = math.log(1 + 2.5 / 1.5)
    idf_pear = math.log(1 + 1.5 / 2.5)                       # in 2 of 3
    # doc a: f(apple) = 2, |d| = 3 = avgdl -> norm = 1.2
    a_apple = idf_apple * 2 * 2.2 / (2 + 1.2)
    a_pear = idf_pear * 1 * 2.2 / (1 + 1.2)
    # doc b: |d| = 2 -> norm = 1.2 * (0.25 + 0.75 * 2 / 3) = 0.9
    b_pear = idf_pear * 1 * 2.2 / (1 + 0.9)
    ranking = idx.rank("apple pear")
    assert [i for i, _ in ranking] == [0, 1]                  # c shares no term: not ranked
    assert ranking[0][1] == pytest.approx(a_apple + a_pear)
    assert ranking[1][1] == pytest.approx(b_pear)
    assert idx.rank("apple apple pear") == ranking            # repeated query words count once


def test_the_default_question_finds_its_passage_first():
    view = w.view({})
    assert view["rows"][0]["id"] == "library-hours" and view["verdict"] == "found"
    assert view["prompt_tokens"] <= view["budget"]
    assert "[1] Library opening hours" in view["prompt"]


def test_a_tight_budget_cuts_a_passage_that_search_found():
    q = "Where can I leave my car all day?"
    roomy = w.view({"ret_q": q, "ret_budget": 250})
    tight = w.view({"ret_q": q, "ret_budget": 150})
    assert roomy["verdict"] == "found" and tight["verdict"] == "cut"
    assert tight["gold_rank"] == 3 and tight["pasted"] == 2
    assert "Visitor parking" not in tight["prompt"] and "Visitor parking" in roomy["prompt"]


def test_a_vocabulary_mismatch_is_a_search_miss():
    view = w.view({"ret_q": "When is the rubbish collected?", "ret_budget": 1000})
    assert view["verdict"] == "missed" and view["gold_rank"] is None
    assert "Household waste collection" not in view["prompt"]


@pytest.fixture(scope="module")
def cl100k():
    from site_build.tokenizer_data import tiktoken_encoding
    return tiktoken_encoding("cl100k_base")


def test_token_counts_are_real_cl100k_base_counts(cl100k):
    for budget in (100, 250, 1000):
        view = w.view({"ret_budget": budget})
        assert view["prompt_tokens"] == len(cl100k.encode(view["prompt"]))
        assert view["prompt_tokens"] <= budget
        # one more passage would not have fitted
        ranked = [i for i, _ in w.index().rank(view["state"]["ret_q"])]
        if view["pasted"] < len(ranked):
            more = w.build_prompt(view["state"]["ret_q"], ranked, 10_000)[0][:view["pasted"] + 1]
            text = w.HEADER + "".join(w.block(n + 1, j) for n, j in enumerate(more)) + w.footer(view["state"]["ret_q"])
            assert len(cl100k.encode(text)) > budget
    for row in w.view({})["rows"]:
        assert row["tokens"] == len(cl100k.encode(w.block(row["rank"], [p[0] for p in PASSAGES].index(row["id"]))))


def test_handbook_is_a_few_dozen_short_unique_passages():
    assert 24 <= len(PASSAGES) <= 48
    assert len({p[0] for p in PASSAGES}) == len(PASSAGES)
    assert all(20 <= len(text.split()) <= 60 for _, _, text in PASSAGES)


def test_typed_text_is_data_and_bad_state_falls_back():
    view = w.view({"ret_q": "<img src=x onerror=alert(1)> library", "ret_budget": "5"})
    assert view["state"]["ret_budget"] == 250 and view["verdict"] == "open"
    assert "<img src=x onerror=alert(1)> library" in view["prompt"]  # kept as text for the page
    assert w.view({"ret_q": "x" * 301})["state"]["ret_q"] == w.DEFAULT_Q
    assert w.view({"ret_q": "   "})["verdict"] == "empty"
    assert w.view({"ret_q": "zzz qqq"})["verdict"] == "no-match"
