"""Embedding map: analogy arithmetic and nearest-neighbour search."""
import math

import pytest

from widgets import embedding_map as w


@pytest.mark.parametrize("start,minus,plus,expected", w.ANALOGIES)
def test_every_analogy_lands_nearest_its_expected_word(start, minus, plus, expected):
    assert w.solve(start, minus, plus) == expected


@pytest.mark.parametrize("start,minus,plus,expected", w.ANALOGIES)
def test_analogies_are_approximate_not_exact(start, minus, plus, expected):
    d = math.dist(w.target(start, minus, plus), w.point(expected))
    assert 0 < d < 1


def test_target_is_start_minus_plus_coordinatewise():
    (kx, ky), (mx, my), (wx, wy) = (w.point(x) for x in ("king", "man", "woman"))
    assert w.target("king", "man", "woman") == pytest.approx((kx - mx + wx, ky - my + wy))


def test_nearest_excludes_inputs_and_sorts_by_distance():
    ranked = w.nearest(w.point("king"), exclude={"king"})
    assert "king" not in [word for word, _ in ranked]
    dists = [d for _, d in ranked]
    assert dists == sorted(dists)
    # Without the exclusion the start word itself is the nearest to its own point.
    assert w.nearest(w.point("king"))[0] == ("king", 0.0)


def test_result_is_computed_not_looked_up():
    # Move the expected word far away: the computed answer changes.
    saved = w.WORDS["queen"]
    try:
        w.WORDS["queen"] = (19.0, 1.0, "royalty")
        assert w.solve("king", "man", "woman") != "queen"
    finally:
        w.WORDS["queen"] = saved


def test_cosine_similarity():
    assert w.cosine((1, 0), (2, 0)) == pytest.approx(1)
    assert w.cosine((1, 0), (0, 3)) == pytest.approx(0)
    assert w.cosine((1, 1), (-1, -1)) == pytest.approx(-1)
    assert w.cosine((0, 0), (1, 1)) == 0.0


def test_view_marks_roles_and_offset():
    v = w.view({"emb_analogy": "Paris-France+Italy"})
    roles = {d["word"]: d["role"] for d in v["words"]}
    assert roles["Paris"] == "start" and roles["France"] == "minus" and roles["Italy"] == "plus"
    assert roles["Rome"] == "result" and v["result"] == v["expected"] == "Rome"
    assert v["offset"] == pytest.approx([12.0 - 11.5, 9.8 - 12.0])
    assert v["distance"] < v["runner_up_distance"]
    assert len(v["analogies"]) == len(w.ANALOGIES)


@pytest.mark.parametrize("raw", ["queen", "", "<script>", None, 3, "king-man+woman "])
def test_bad_state_gives_the_default_analogy(raw):
    v = w.view({"emb_analogy": raw})
    assert v["state"] == {"emb_analogy": "king-man+woman"} and v["result"] == "queen"
