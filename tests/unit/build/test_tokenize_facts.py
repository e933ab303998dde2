"""The Tokens and Start here facts are tiktoken's, and none of the seeds' wrong IDs survive."""
import pytest

from site_build.facts import start, tokenize as t
from site_build.tokenizer_data import tiktoken_encoding


@pytest.mark.parametrize("enc", t.ENCODINGS)
def test_space_strawberry_is_one_token_everywhere(enc):
    ids = tiktoken_encoding(enc).encode(" strawberry")
    assert len(ids) == 1 and t.facts()[f"tokenize.strawberry.{enc}"] == str(ids[0])


def test_known_ids_from_the_checked_inventory():
    f = t.facts()
    assert f["tokenize.strawberry.cl100k_base"] == "73700"
    assert f["tokenize.strawberry.o200k_base"] == "101830"
    assert f["tokenize.strawberry.gpt2"] == "41236"
    assert f["tokenize.split.strawberry.cl100k_base"] == "str (496) · aw (675) · berry (15717)"
    assert f["tokenize.n_vocab.cl100k_base"] == "100,277"
    # 100,256 ordinary tokens and 5 special ones; IDs 100,256 and 100,261-100,275 are unused.
    assert f["tokenize.vocab.cl100k_base"] == "100,261"
    assert f["tokenize.vocab.o200k_base"] == "200,000"


def test_stems_and_pieces_are_what_the_prose_says():
    """cl100k gives walked/walking/walker one unrelated token each; unhelpfulness is un·help·fulness."""
    f = t.facts()
    for word in ("walked", "walking", "walker"):
        ids = tiktoken_encoding("cl100k_base").encode(" " + word)
        assert len(ids) == 1 and f[f"tokenize.stem.{word}.cl100k_base"].startswith("␣" + word)
    for enc in ("cl100k_base", "o200k_base"):
        pieces = [tiktoken_encoding(enc).decode([i]) for i in tiktoken_encoding(enc).encode("unhelpfulness")]
        assert pieces == ["un", "help", "fulness"]


def test_split_round_trips_and_counts_match():
    for enc in t.ENCODINGS:
        e = tiktoken_encoding(enc)
        for text in t.WORDS.values():
            ids = e.encode(text, disallowed_special=())
            assert e.decode(ids) == text
            assert t.split(text, enc).count(" · ") == len(ids) - 1
        for code, (_, sentence) in t.LANGUAGES.items():
            assert t.facts()[f"tokenize.lang.{code}.{enc}"] == str(len(e.encode(sentence)))


def test_english_is_cheapest_in_every_encoding():
    for enc in t.ENCODINGS:
        en = t.count(t.LANGUAGES["en"][1], enc)
        assert all(t.count(s, enc) >= en for _, s in t.LANGUAGES.values())


def test_seeds_wrong_ids_are_not_what_we_show():
    shown = " ".join(t.facts().values()) + " ".join(start.facts().values())
    for wrong in ("(15140)", "(5176)", "(3963)", "(3466)"):
        assert wrong not in shown


def test_start_question_is_eight_cl100k_tokens_ending_in_strawberry():
    f = start.facts()
    assert f["start.question.count.cl100k_base"] == "8"
    assert "␣strawberry (73700)" in f["start.question.split.cl100k_base"]
