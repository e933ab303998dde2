"""The tokenizer widget against the real tiktoken (built offline from the same npm ranks)."""
from __future__ import annotations

import gzip
import json
import random
import sys

import pytest

from site_build import tokenizer_data as td
from site_build.paths import DATA
from widgets import _data, _runtime
from widgets import tokenizer as tk
from widgets._text import visible

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from tokenizer_corpus import corpus  # noqa: E402

ENCODINGS = tk.ENCODINGS


@pytest.fixture(scope="session")
def built():
    """Build the rank files where the widget reads them (as `python -m site_build` does)."""
    paths = td.build(DATA / "tokenizer")
    tk.get_encoding.cache_clear()
    return dict(zip(ENCODINGS, paths))


@pytest.fixture(scope="session")
def texts():
    return corpus()


def ref(encoding):
    return td.tiktoken_encoding(encoding)


# --- The data files -------------------------------------------------------------------------

def test_files_are_where_the_widget_reads_them(built):
    for e, path in built.items():
        assert _data.find(tk.data_file(e)) == str(path)
        assert path.name == f"{e}.bin"
        assert path.read_bytes().startswith(tk.MAGIC)


def test_default_encoding_file_is_small_enough(built):
    raw = built["cl100k_base"].read_bytes()
    assert len(gzip.compress(raw, 9)) <= 1_500_000


def test_files_are_deterministic(built, tmp_path):
    td._probed.cache_clear()         # measure the Unicode classes again, from scratch
    again = td.build(tmp_path)
    for e, path in zip(ENCODINGS, again):
        assert path.read_bytes() == built[e].read_bytes(), e


def test_a_view_reads_the_chosen_encodings_file_only():
    assert tk.files({"encoding": "o200k_base"}) == ["tokenizer/o200k_base.bin"]
    assert json.loads(_runtime.files("tokenizer", '{"encoding": "../../etc/passwd"}')) == \
        ["tokenizer/cl100k_base.bin"]                   # a bad value falls back to the default
    with pytest.raises(ValueError):
        tk.data_file("../../etc/passwd")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_loaded_ranks_equal_the_source(built, encoding):
    enc = tk.get_encoding(encoding)
    assert enc.ranks == td.mergeable_ranks(encoding)
    assert enc.special_tokens == ref(encoding)._special_tokens
    assert enc.pat_str == ref(encoding)._pat_str
    assert len(enc.decoder) == ref(encoding).n_vocab


def test_npm_ranks_parse_with_gaps():
    text = "! 0 YQ== Yg==\n? 5 Yw=="
    assert td._parse_bpe_ranks(text) == {b"a": 0, b"b": 1, b"c": 5}
    with pytest.raises(ValueError):
        td._parse_bpe_ranks("! 0 YQ== YQ==")


def test_loader_handles_a_gap_in_ranks():
    header = {"encoding": "toy", "n_ranks": 4, "blob_bytes": 4, "pat_str": "\\s+|[^\\s]+",
              "special_tokens": {"<|x|>": 6}, "classes": {"\\s": "20"}}
    data = (tk.MAGIC + json.dumps(header).encode() + b"\n" + bytes([1, 1, 0, 2]) + b"abab")
    enc = tk.Encoding(data)
    assert enc.ranks == {b"a": 0, b"b": 1, b"ab": 3}
    assert enc.encode("abba") == [3, 1, 0]
    assert enc.decode_bytes([3, 6]) == b"ab<|x|>"
    for bad in (2, 4, 5, 7, -1):
        with pytest.raises(KeyError):
            enc.decode_bytes([bad])


def test_loader_rejects_other_files():
    with pytest.raises(ValueError):
        tk.Encoding(b"<!doctype html>\n<html>")


# --- Exactness against tiktoken -------------------------------------------------------------

def test_corpus_is_large_and_varied(texts):
    assert len(texts) > 4000
    joined = "".join(texts)
    for must in ("'S", "’s", "\r\n", "👨‍👩‍👧‍👦", "🇫🇷", "<|endoftext|>", "東京", "\u0301", "\x00",
                 "https://", "\U00031350", "1" * 40):
        assert must in joined, must
    assert any(ord(c) > 0xE0000 for c in joined)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in joined)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_encode_equals_tiktoken_on_corpus(built, texts, encoding):
    r = ref(encoding)
    wrong = [s for s in texts if tk.encode(s, encoding) != r.encode(s, disallowed_special=())]
    assert not wrong, f"{len(wrong)} mismatches, e.g. {wrong[:5]!r}"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_encode_equals_tiktoken_on_long_mixed_texts(built, texts, encoding):
    r = ref(encoding)
    rng = random.Random(7)
    for _ in range(150):
        s = "".join(rng.choice(texts) for _ in range(rng.randint(5, 60)))
        assert tk.encode(s, encoding) == r.encode_ordinary(s), s[:200]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_small_alphabet_fuzz(built, encoding):
    """Short strings over the characters the patterns treat specially, in every order."""
    alphabet = list(" \t\n\r\x0b\x0c\x85\xa0\u3000\x1c'’sStTrReEvVmMlLdDſK12٣Ⅻ½aZéǅʰ\u0301\u0903"
                    "東!./-_<|>?\"") + ["\r\n", "👍🏽", "\u200d", "ß", "İ", "Σ", "ς"]
    rng = random.Random(encoding)
    r = ref(encoding)
    for _ in range(40_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert tk.encode(s, encoding) == r.encode_ordinary(s), repr(s)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_round_trip(built, texts, encoding):
    for s in texts:
        assert tk.decode(tk.encode(s, encoding), encoding) == s, repr(s)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_decode_equals_tiktoken(built, encoding):
    """Random id sequences, so many of them cut UTF-8 characters (decoded with replacement)."""
    r = ref(encoding)
    enc = tk.get_encoding(encoding)
    rng = random.Random(1)
    valid = [i for i, t in enumerate(enc.decoder) if t is not None]
    for _ in range(2000):
        ids = [rng.choice(valid) for _ in range(rng.randint(0, 8))]
        assert tk.decode(ids, encoding) == r.decode(ids)
    specials = list(enc.special_tokens.values())
    assert tk.decode(specials, encoding) == r.decode(specials)


def test_decode_rejects_unknown_ids(built):
    for bad in (-1, 100261, 100277, 10**9, "5", None):
        with pytest.raises(KeyError):
            tk.decode([bad], "cl100k_base")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_lone_surrogates_like_tiktoken(built, encoding):
    r = ref(encoding)
    for s in ["a\ud800b", "\udfff", "x \ud83d\ude00 y", "\ud83d", "ok\udc00\ud800"]:
        assert tk.encode(s, encoding) == r.encode_ordinary(s), repr(s)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_merge_algorithms_agree(built, encoding):
    ranks = tk.get_encoding(encoding).ranks
    rng = random.Random(3)
    words = " ".join(corpus(5)[:400]).encode()
    for _ in range(1500):
        i = rng.randrange(len(words))
        b = words[i:i + rng.randint(2, 90)]
        assert tk._merge_small(b, ranks) == tk._merge_large(b, ranks), b
    for b in (b"a" * 301, b"ab" * 150, b"\xff" * 64, bytes(range(256)), b"aaab" * 50):
        assert tk._merge_small(b, ranks) == tk._merge_large(b, ranks)


# --- Known values ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,token", [("gpt2", 41236), ("cl100k_base", 73700),
                                            ("o200k_base", 101830)])
def test_strawberry_with_a_space_is_one_token(built, encoding, token):
    assert tk.encode(" strawberry", encoding) == [token] == ref(encoding).encode(" strawberry")


def test_strawberry_without_a_space_splits(built):
    ids = tk.encode("strawberry")
    assert [tk.decode([i]) for i in ids] == ["str", "aw", "berry"]
    assert tk.encode("How many r's are in strawberry?") == [4438, 1690, 436, 596, 527, 304,
                                                           73700, 30]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_special_token_strings_are_plain_text(built, encoding):
    r = ref(encoding)
    special = set(r._special_tokens.values())
    for s in ["<|endoftext|>", "a<|endofprompt|>b", "<|fim_prefix|><|fim_suffix|>"]:
        ids = tk.encode(s, encoding)
        assert ids == r.encode(s, disallowed_special=())
        assert not special & set(ids)


def test_contractions(built):
    # cl100k: a contraction is its own piece, in any case; "’s" (curly) is not one.
    pieces = tk.get_encoding("cl100k_base").pieces
    assert pieces("I'M you'Ll") == ["I", "'M", " you", "'Ll"]
    assert pieces("it’s") == ["it", "’s"]
    assert pieces("'ſ") == ["'ſ"]          # long s folds to s in Unicode case-insensitivity
    # gpt2: case-sensitive.
    assert tk.get_encoding("gpt2").pieces("I'M it's") == ["I", "'", "M", " it", "'s"]
    # o200k: the contraction sticks to the word before it.
    assert tk.get_encoding("o200k_base").pieces("JOHN'S car") == ["JOHN'S", " car"]


def test_whitespace_pieces(built):
    pieces = tk.get_encoding("cl100k_base").pieces
    assert pieces("a   b") == ["a", "  ", " b"]
    assert pieces("a \n\n b") == ["a", " \n\n", " b"]
    assert pieces("end\n  ") == ["end", "\n  "]           # tiktoken's `\s++$`
    assert pieces("1234567") == ["123", "456", "7"]
    assert pieces("a\x1cb") == ["a", "\x1cb"]             # \x1c is not Unicode White_Space


def test_translate():
    classes = {"\\s": "9-d,20", "\\p{L}": "41-5a,61-7a", "(?i)s": "53,73,17f"}
    pat = tk.translate("(?i:'s)|\\p{L}+|[^\\s\\p{L}]|(a|b)|\\s+(?!\\S)|\\s++$", classes)
    assert pat == ("(?:'[Ssſ])|[A-Za-z]+|[^\\x09-\\x0d\\x20A-Za-z]|(?:a|b)|[\\x09-\\x0d\\x20]+"
                   "(?![^\\x09-\\x0d\\x20])|[\\x09-\\x0d\\x20]++\\Z")


def test_translate_refuses_what_it_does_not_know():
    for pat in ["\\w+", "a.b", "^a", "(?<=a)b", "[a[b]]", "(a"]:
        with pytest.raises((ValueError, KeyError, IndexError)):
            tk.translate(pat, {"\\s": "20"})


# --- The widget -----------------------------------------------------------------------------

def test_widget_contract():
    import widgets
    from widgets._params import specs

    assert "tokenizer" in widgets.names()
    assert tk.TITLE == "Tokenizer"
    assert specs(tk.PARAMS) == {
        "text": {"type": "text", "default": "How many r's are in strawberry?", "max_len": 5000,
                 "label": "Text to tokenize"},
        "encoding": {"type": "choice", "default": "cl100k_base",
                     "choices": ["gpt2", "cl100k_base", "o200k_base"], "label": "Encoding"},
        "show_ws": {"type": "flag", "default": False, "label": "Show spaces and newlines"},
    }


def test_view_shape(built):
    v = tk.view({"text": "Hi there,\n world’s", "encoding": "o200k_base", "show_ws": "1"})
    assert v["state"] == {"text": "Hi there,\n world’s", "encoding": "o200k_base", "show_ws": True}
    assert v["encoding"] == "o200k_base"
    assert v["n_chars"] == 18
    assert v["n_tokens"] == len(v["tokens"]) == len(tk.encode(v["state"]["text"], "o200k_base"))
    assert [t["id"] for t in v["tokens"]] == tk.encode("Hi there,\n world’s", "o200k_base")
    assert "".join(t["text"] for t in v["tokens"]) == "Hi there,\n world’s"
    for t in v["tokens"]:
        assert set(t) == {"id", "text", "bytes", "shown"}
        assert bytes.fromhex(t["bytes"]).decode("utf-8", "replace") == t["text"]
        assert t["shown"] == visible(t["text"], keep_newlines=True)
    assert any("↵\n" in t["shown"] for t in v["tokens"])
    assert json.loads(json.dumps(v)) == v


def test_view_partial_utf8_tokens(built):
    v = tk.view({"text": "’", "encoding": "gpt2"})
    assert [t["bytes"] for t in v["tokens"]] == ["e2 80", "99"]
    assert "".join(t["text"] for t in v["tokens"]) == "\ufffd\ufffd"
    assert all(t["shown"] == t["text"] for t in v["tokens"])


@pytest.mark.parametrize("raw", [None, {}, {"encoding": "nope", "text": None},
                                 {"text": 5, "show_ws": "maybe"}, {"text": "x" * 5001}, "junk"])
def test_bad_state_falls_back_to_defaults(built, raw):
    v = tk.view(raw)
    assert v["state"] == {"text": "How many r's are in strawberry?", "encoding": "cl100k_base",
                          "show_ws": False}
    assert [t["id"] for t in v["tokens"]] == [4438, 1690, 436, 596, 527, 304, 73700, 30]


def test_markup_is_plain_text(built):
    s = "<script>alert(1)</script>"
    v = tk.view({"text": s})
    assert "".join(t["text"] for t in v["tokens"]) == s
    assert [t["id"] for t in v["tokens"]] == ref("cl100k_base").encode_ordinary(s)


def test_empty_text(built):
    v = tk.view({"text": ""})
    assert v["tokens"] == [] and v["n_tokens"] == 0 and v["n_chars"] == 0


def test_show_spaces_marks_them_with_the_books_glyph(built):
    v = tk.view({"text": "a b\tc\nd", "show_ws": True})
    assert "".join(t["shown"] for t in v["tokens"]) == "a␣b→c↵\nd"   # the line still breaks
