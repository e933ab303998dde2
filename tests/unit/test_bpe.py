"""The lab's byte-level BPE: trainer checked by hand and by brute force, tokenizer round trips."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from widgets import _bpe


# --- pre-tokenizer -------------------------------------------------------------------------------

def test_pretokenize_pieces():
    assert _bpe.pretokenize("Hello world") == ["Hello", " world"]
    assert _bpe.pretokenize("3 plus 45 is 48.") == ["3", " plus", " ", "4", "5", " is", " ", "4",
                                                     "8", "."]
    assert _bpe.pretokenize("Mira's cat!!") == ["Mira", "'s", " cat", "!!"]
    # As in GPT-2: a whitespace run leaves its last character to the next piece.
    assert _bpe.pretokenize("a  b\n\nc") == ["a", " ", " b", "\n", "\n", "c"]
    assert _bpe.pretokenize("a\n\n") == ["a", "\n\n"]
    assert _bpe.pretokenize("") == []


def _random_text(rng: random.Random, n: int) -> str:
    alphabet = ("abcdefghij ABC 0123456789 .,!?'\"_-\n\t  éüß ñ 中文字 кот Ω ٣٤ 🙂🎉👍🏽 \u0301"
                "<|endoftext|><|user|>")
    return "".join(rng.choice(alphabet) for _ in range(n))


def test_pretokenize_covers_every_character_and_isolates_digits():
    rng = random.Random(0)
    for _ in range(200):
        text = _random_text(rng, rng.randint(0, 80))
        pieces = _bpe.pretokenize(text)
        assert "".join(pieces) == text
        for p in pieces:
            if any(c in "0123456789" for c in p):
                assert len(p) == 1, p


# --- trainer, by hand ----------------------------------------------------------------------------

def test_train_tiny_corpus_by_hand():
    # Pieces: "ab" once, " ab" twice, " abc" once.
    # Pair counts: (a,b) 4, (" ",a) 3, (b,c) 1 -> merge "ab" (4).
    # Then (" ","ab") 3, ("ab",c) 1 -> merge " ab" (3). Then (" ab",c) 1 < min_count 2: stop.
    rec: list = []
    merges = _bpe.train(["ab ab ab abc"], vocab_size=1000, specials=[], record=rec)
    assert merges == [(97, 98), (32, 256)]
    assert [s["count"] for s in rec] == [4, 3]
    assert [s["bytes"] for s in rec] == [b"ab", b" ab"]
    assert [s["id"] for s in rec] == [256, 257]
    # min_count=1 takes the last pair too.
    assert _bpe.train(["ab ab ab abc"], 1000, specials=[], min_count=1)[-1] == (257, 99)


def test_train_ties_broken_by_smallest_ids():
    # Pieces: "xy" 1, " xy" 1, " yz" 2. Counts: (x,y) 2, (" ",x) 1, (" ",y) 2, (y,z) 2.
    # Tie at 2: smallest first id wins, " " (32) -> merge (32, 121) " y".
    # Then (x,y) 2 and (" y",z) 2 tie: 120 < 256 -> "xy"; then " yz"; then (" ","xy") 1: stop.
    merges = _bpe.train(["xy xy", " yz yz"], vocab_size=1000, specials=[])
    assert merges == [(32, 121), (120, 121), (256, 122)]
    tok = _bpe.Tokenizer(merges, specials=[])
    assert tok.encode("xyz") == [257, 122]
    assert tok.encode(" yz") == [258]
    assert tok.encode(" xy") == [32, 257]
    assert tok.encode(" y y") == [256, 256]


def test_vocab_size_counts_bytes_merges_and_specials():
    texts = ["the cat sat on the mat with the hat " * 20]
    merges = _bpe.train(texts, vocab_size=256 + 4 + 10)
    assert len(merges) == 10
    assert _bpe.Tokenizer(merges).vocab_size == 256 + 10 + 4


def _corpus(n=300, seed=5):
    from site_build.lab import world
    return world.documents(seed, n)


def test_train_matches_brute_force_pair_counts():
    """Each recorded step is the most frequent pair (ties: smallest ids) of the pieces encoded
    with the merges learned so far, and its count is that frequency."""
    docs = _corpus(200)
    rec: list = []
    merges = _bpe.train(docs, vocab_size=256 + 60, specials=[], record=rec)
    assert len(merges) == 60
    pieces = Counter(p for d in docs for p in _bpe.pretokenize(d))
    for k, step in enumerate(rec):
        tok = _bpe.Tokenizer(merges[:k], specials=[])
        counts: Counter = Counter()
        for p, f in pieces.items():
            ids = tok.encode(p)
            for pair in zip(ids, ids[1:]):
                counts[pair] += f
        best = max(counts.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        assert step["pair"] == best[0] == merges[k]
        assert step["count"] == best[1]
        assert step["bytes"] == tok.piece(step["pair"][0]) + tok.piece(step["pair"][1])


def test_training_is_deterministic_and_order_free():
    docs = _corpus(300)
    a = _bpe.train(docs, 600)
    assert a == _bpe.train(list(docs), 600)
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    assert a == _bpe.train(shuffled, 600)


def test_no_token_holds_a_digit_with_anything_else():
    docs = _corpus(300)
    tok = _bpe.Tokenizer(_bpe.train(docs, 1024))
    for i in range(tok.vocab_size):
        piece = tok.piece(i)
        if any(48 <= c <= 57 for c in piece):
            assert len(piece) == 1, piece
    ids = tok.encode("What is 12 plus 305? It is 317.")
    digits = [tok.piece(i) for i in ids if tok.piece(i).isdigit()]
    assert digits == [b"1", b"2", b"3", b"0", b"5", b"3", b"1", b"7"]


def test_specials_are_never_merged_or_counted():
    merges = _bpe.train(["<|endoftext|>" * 50 + " hi hi hi"], 1000)
    learned = b"".join(_bpe.Tokenizer(merges).piece(256 + i) for i in range(len(merges)))
    assert b"<|" not in learned and b"end" not in learned


# --- tokenizer -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tok():
    return _bpe.Tokenizer(_bpe.train(_corpus(400), 1024))


def _reference_encode(merges, text, memo):
    """BPE by definition: apply each merge in order, everywhere, within each piece.
    memo: a dict kept by the caller for one list of merges."""
    out = []
    for p in _bpe.pretokenize(text):
        if p not in memo:
            ids = tuple(p.encode("utf-8"))
            for r, (a, b) in enumerate(merges):
                if a in ids:
                    ids = _bpe._merge_word(ids, a, b, 256 + r)
            memo[p] = list(ids)
        out += memo[p]
    return out


def test_encode_equals_merges_applied_in_order(tok):
    rng = random.Random(2)
    texts = _corpus(30, seed=9) + [_random_text(rng, 200) for _ in range(20)]
    texts += ["aaaa" * 20, "e" * 50 + "ee", " the the" * 10]      # long pieces use the heap
    memo: dict = {}
    for text in texts:
        assert tok.encode(text, allow_special=False) == _reference_encode(tok.merges, text, memo)


def test_heap_merge_equals_simple_merge(tok):
    rng = random.Random(3)
    words = [p for d in _corpus(20, seed=4) for p in _bpe.pretokenize(d)]
    for _ in range(200):
        raw = list("".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
                   .replace(" ", "").encode())
        assert tok._merge_large(list(raw)) == tok._merge_small(list(raw))


@pytest.mark.parametrize("text", [
    "", " ", "Mira lives in Dunmore.", "The capital of Norland is Velmar.",
    "3 plus 4 is 7. Two and three make five.", "naïve café, Straße, 中文, кошка, مرحبا ٣٤",
    "emoji 🙂🎉 and a family 👨‍👩‍👧 and 👍🏽", "tabs\tand\r\nnew lines\n\n\n",
    "<|user|>What is 2 plus 2?<|end|><|assistant|>4<|end|><|endoftext|>",
    "<|endoftext", "x" * 10_000, "🙂" * 3000,
])
def test_round_trip(tok, text):
    for allow in (True, False):
        ids = tok.encode(text, allow_special=allow)
        assert all(isinstance(i, int) and 0 <= i < tok.vocab_size for i in ids)
        assert tok.decode(ids) == text


def test_round_trip_random_unicode(tok):
    rng = random.Random(4)
    chars = [c for c in map(chr, range(0x20, 0x30000)) if not 0xD800 <= ord(c) < 0xE000]
    text = "".join(rng.choice(chars) for _ in range(10_000))
    assert tok.decode(tok.encode(text)) == text


def test_lone_surrogate_and_partial_bytes_do_not_throw(tok):
    assert tok.decode(tok.encode("a\ud800b")) == "a\ufffdb"
    assert tok.decode([240, 159]) == "\ufffd"         # the first bytes of an emoji, cut short


def test_specials(tok):
    first = 256 + len(tok.merges)
    assert tok.special_ids == {s: first + i for i, s in enumerate(_bpe.SPECIALS)}
    ids = tok.encode("<|user|>hi<|end|>")
    assert ids[0] == first + 1 and ids[-1] == first + 3
    assert tok.piece(first) == b"<|endoftext|>"
    plain = tok.encode("<|user|>hi<|end|>", allow_special=False)
    assert all(i < first for i in plain)
    assert tok.decode(plain) == "<|user|>hi<|end|>"
    assert [tok.special_ids[s] for s in (_bpe.EOT, _bpe.USER, _bpe.ASSISTANT, _bpe.END)] == \
        [first, first + 1, first + 2, first + 3]           # the names, in SPECIALS' fixed order


def test_world_text_compresses(tok):
    text = " ".join(_corpus(50, seed=11))
    assert len(text.encode()) / len(tok.encode(text)) > 3


def test_bad_ids_and_merges_are_refused(tok):
    for bad in (-1, tok.vocab_size, 1.5, None, True):
        with pytest.raises(KeyError):
            tok.piece(bad)
    with pytest.raises(ValueError):
        _bpe.Tokenizer([(300, 1)])
    with pytest.raises(ValueError):
        _bpe.Tokenizer([(1, 2), (1, 2)])
