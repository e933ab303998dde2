"""Tokenizer: split text into tokens exactly as OpenAI's tiktoken does (gpt2, cl100k_base, o200k_base).

Pure standard library, so it runs under Pyodide (no `regex`, no tiktoken there). Two steps, as in
tiktoken:

1. Pre-tokenize: cut the text into pieces with the encoding's regex (`pat_str`). Python's `re` has
   no `\\p{L}`, and its `\\s` is not Unicode White_Space, so `translate` rewrites the pattern with
   explicit character classes. Those classes come from the rank file, where the build wrote them
   after measuring them in tiktoken's own regex engine; `unicodedata` (whose Unicode version
   depends on the Python running this) is never consulted.
2. Byte-pair merge each piece's UTF-8 bytes: repeatedly merge the adjacent pair whose
   concatenation has the lowest rank (leftmost on ties) until no pair is a token.

Ranks are read lazily, once per encoding, from `data_file(encoding)` (format: see
site_build/tokenizer_data.py). Special-token strings such as "<|endoftext|>" typed by the reader
are ordinary text, as in tiktoken's `encode_ordinary`.
"""
from __future__ import annotations

import functools
import json
import re
from heapq import heapify, heappop, heappush
from struct import Struct

from widgets import _data
from widgets._params import Choice, Flag, Text, clean
from widgets._text import visible

TITLE = "Tokenizer"
ENCODINGS = ("gpt2", "cl100k_base", "o200k_base")
DEFAULT_ENCODING = "cl100k_base"

PARAMS = {
    "text": Text("How many r's are in strawberry?", max_len=5000, label="Text to tokenize"),
    "encoding": Choice(DEFAULT_ENCODING, ENCODINGS, label="Encoding"),
    "show_ws": Flag(False, label="Show spaces and newlines"),
}

MAGIC = b"TBT-BPE 1\n"          # first line of a rank file; bump the number if the format changes
CACHE_MAX = 20_000              # pieces remembered per encoding before the cache is emptied
CACHE_PIECE_MAX = 64            # longer pieces are not remembered
SMALL_PIECE = 16                # pieces up to this many bytes use the simple quadratic merge


def file_name(encoding: str) -> str:
    return f"{encoding}.bin"


def data_file(encoding: str) -> str:
    """The rank file of `encoding`, as a data path (under generated/data/)."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}")
    return f"tokenizer/{file_name(encoding)}"


def files(state) -> list[str]:
    """The data file a view reads: the chosen encoding's ranks, and only those."""
    return [data_file(state["encoding"])]


# --- Pre-tokenizer ------------------------------------------------------------------------------

def _char(cp: int) -> str:
    """One code point written so that it is literal inside a `re` character class."""
    if cp < 0x80 and not chr(cp).isalnum():
        return f"\\x{cp:02x}"
    return chr(cp)


def class_body(ranges: str) -> str:
    """The inside of a `re` character class for "41-5a,61,..." (hex code points/ranges)."""
    out = []
    for item in ranges.split(","):
        lo, _, hi = item.partition("-")
        out.append(_char(int(lo, 16)) + ("-" + _char(int(hi, 16)) if hi else ""))
    return "".join(out)


def translate(pat_str: str, classes: dict[str, str]) -> str:
    """Rewrite one of tiktoken's patterns (Rust `fancy-regex` syntax) as an equivalent Python
    `re` pattern, given the measured classes ({"\\p{L}": ranges, "\\s": ..., "(?i)s": ...}).

    Handles exactly the constructs the three patterns use: `\\p{X}`, `\\s`, `\\S`, `\\r`, `\\n`,
    character classes, `(?i:...)` over ASCII letters, groups `(`, `(?:`, `(?!`, `(?=`, quantifiers
    (possessive ones included; Python >= 3.11), and `$` (end of text only, so `\\Z`). Anything
    else raises ValueError rather than being guessed at."""
    body = {key: class_body(ranges) for key, ranges in classes.items()}
    space = body.get("\\s", "")
    out: list[str] = []
    groups: list[bool] = []     # one entry per open group: is it case-insensitive?
    in_class = False
    i, n = 0, len(pat_str)
    while i < n:
        c = pat_str[i]
        folding = any(groups)
        if c == "\\":
            e = pat_str[i + 1]
            if e == "p":
                j = pat_str.index("}", i)
                frag = body[pat_str[i:j + 1]]
                out.append(frag if in_class else f"[{frag}]")
                i = j + 1
                continue
            if e == "s":
                out.append(space if in_class else f"[{space}]")
            elif e == "S" and not in_class:
                out.append(f"[^{space}]")
            elif e in "rn":
                out.append("\\" + e)
            else:
                raise ValueError(f"unsupported escape \\{e} in pattern")
            i += 2
            continue
        if c.isascii() and c.isalpha() and folding:
            frag = body[f"(?i){c.lower()}"]
            out.append(frag if in_class else f"[{frag}]")
        elif in_class:
            if c == "[":
                raise ValueError("nested character class in pattern")
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c == "(":
            if pat_str.startswith("(?i:", i):
                groups.append(True)
                out.append("(?:")
                i += 4
                continue
            for head in ("(?:", "(?!", "(?=", "("):
                if pat_str.startswith(head, i) and (head != "(" or pat_str[i + 1] != "?"):
                    groups.append(False)
                    out.append("(?:" if head == "(" else head)   # findall must see no groups
                    i += len(head)
                    break
            else:
                raise ValueError(f"unsupported group at {i} in pattern")
            continue
        elif c == ")":
            groups.pop()
            out.append(c)
        elif c == "$":
            out.append("\\Z")
        elif c in ".^":
            raise ValueError(f"unsupported {c!r} in pattern")
        else:
            out.append(c)
        i += 1
    if in_class or groups:
        raise ValueError("unbalanced pattern")
    return "".join(out)


# --- Byte-pair merge ----------------------------------------------------------------------------

_NONE = 1 << 62     # "no such token": larger than any rank


def _merge_small(b: bytes, ranks: dict) -> list[int]:
    """tiktoken's merge loop, for short pieces (quadratic, but tight)."""
    get = ranks.get
    parts = [b[i:i + 1] for i in range(len(b))]
    pair = [get(parts[i] + parts[i + 1], _NONE) for i in range(len(parts) - 1)]
    while pair:
        best = min(pair)
        if best == _NONE:
            break
        i = pair.index(best)            # leftmost of equal ranks, as in tiktoken
        parts[i] += parts.pop(i + 1)
        del pair[i]
        if i < len(pair):
            pair[i] = get(parts[i] + parts[i + 1], _NONE)
        if i:
            pair[i - 1] = get(parts[i - 1] + parts[i], _NONE)
    return [ranks[p] for p in parts]


def _merge_large(b: bytes, ranks: dict) -> list[int]:
    """The same merges in the same order for long pieces, with a heap (O(n log n)).

    Parts are identified by their start offset; the heap holds (rank, start) for adjacent pairs,
    so the smallest entry is the lowest rank and, among equal ranks, the leftmost pair. Entries
    made stale by earlier merges are skipped: a pair's rank determines its bytes, so an entry
    is current exactly when its start is alive and the pair starting there still has that rank."""
    get = ranks.get
    n = len(b)
    nxt = list(range(1, n + 1))         # nxt[start] = start of the following part (n at the end)
    prv = list(range(-1, n - 1))
    alive = [True] * n
    heap = [(r, i) for i in range(n - 1) if (r := get(b[i:i + 2])) is not None]
    heapify(heap)
    while heap:
        r, i = heappop(heap)
        if not alive[i]:
            continue
        j = nxt[i]
        if j >= n:
            continue
        k = nxt[j]
        if get(b[i:k]) != r:
            continue
        alive[j] = False
        nxt[i] = k
        if k < n:
            prv[k] = i
            r2 = get(b[i:nxt[k]])
            if r2 is not None:
                heappush(heap, (r2, i))
        h = prv[i]
        if h >= 0:
            r2 = get(b[h:k])
            if r2 is not None:
                heappush(heap, (r2, h))
    out = []
    i = 0
    while i < n:
        out.append(ranks[b[i:nxt[i]]])
        i = nxt[i]
    return out


def byte_pair_encode(b: bytes, ranks: dict) -> list[int]:
    """The token ids for one piece's bytes."""
    r = ranks.get(b)
    if r is not None:
        return [r]
    return _merge_small(b, ranks) if len(b) <= SMALL_PIECE else _merge_large(b, ranks)


# --- Loading ------------------------------------------------------------------------------------

_FORMAT = {i: f"{i}s" for i in range(256)}     # token length -> struct field


class Encoding:
    """One encoding's ranks, decoder, compiled pre-tokenizer and piece cache."""

    def __init__(self, data: bytes):
        if not data.startswith(MAGIC):
            raise ValueError("not a tokenizer rank file (or an unsupported version)")
        end = data.index(b"\n", len(MAGIC))
        header = json.loads(data[len(MAGIC):end])
        n = header["n_ranks"]
        lengths = data[end + 1:end + 1 + n]
        blob = data[end + 1 + n:]
        if len(lengths) != n or len(blob) != header["blob_bytes"] or sum(lengths) != len(blob):
            raise ValueError("truncated tokenizer rank file")
        # One C-level call cuts the blob: a struct format "<3s1s5s..." made from the lengths.
        tokens = list(Struct("<" + lengths.decode("latin-1").translate(_FORMAT)).unpack(blob))
        ranks = dict(zip(tokens, range(n)))
        gaps = tokens.count(b"") if b"" in ranks else 0     # a gap is an empty token
        if gaps:
            del ranks[b""]
        if len(ranks) != n - gaps:
            raise ValueError("duplicate token in rank file")
        self.name: str = header["encoding"]
        self.ranks: dict[bytes, int] = ranks
        self.special_tokens: dict[str, int] = header["special_tokens"]
        decoder: list = [t if t else None for t in tokens] if gaps else tokens
        top = max([n - 1, *self.special_tokens.values()])
        decoder += [None] * (top + 1 - len(decoder))
        for s, i in self.special_tokens.items():
            decoder[i] = s.encode("utf-8")
        self.decoder: list = decoder
        self.pat_str: str = header["pat_str"]
        self.regex = re.compile(translate(self.pat_str, header["classes"]))
        self.cache: dict[str, list[int]] = {}

    def pieces(self, text: str) -> list[str]:
        return self.regex.findall(text)

    def encode(self, text: str) -> list[int]:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates: what tiktoken does (pairs are joined, the rest become U+FFFD).
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        ranks, cache = self.ranks, self.cache
        out: list[int] = []
        for piece in self.regex.findall(text):
            ids = cache.get(piece)
            if ids is None:
                ids = byte_pair_encode(piece.encode("utf-8"), ranks)
                if len(piece) <= CACHE_PIECE_MAX:
                    if len(cache) >= CACHE_MAX:
                        cache.clear()
                    cache[piece] = ids
            out += ids
        return out

    def token_bytes(self, token: int) -> bytes:
        if not isinstance(token, int) or token < 0 or token >= len(self.decoder) \
                or self.decoder[token] is None:
            raise KeyError(f"invalid token id {token!r} for {self.name}")
        return self.decoder[token]

    def decode_bytes(self, ids: list[int]) -> bytes:
        return b"".join(map(self.token_bytes, ids))


@functools.cache
def get_encoding(encoding: str = DEFAULT_ENCODING) -> Encoding:
    """The loaded encoding (read from its data file on first use)."""
    return Encoding(_data.read_bytes(data_file(encoding)))


def encode(text: str, encoding: str = DEFAULT_ENCODING) -> list[int]:
    """Token ids for `text`; equal to tiktoken's `encode(text, disallowed_special=())`."""
    return get_encoding(encoding).encode(text)


def decode(ids: list[int], encoding: str = DEFAULT_ENCODING) -> str:
    """Text for token ids, invalid UTF-8 replaced by U+FFFD (as tiktoken's `decode`)."""
    return get_encoding(encoding).decode_bytes(ids).decode("utf-8", errors="replace")


# --- The widget ---------------------------------------------------------------------------------

def view(state) -> dict:
    state = clean(PARAMS, state)
    text = state["text"]
    enc = get_encoding(state["encoding"])
    tokens = []
    for i in enc.encode(text):
        b = enc.decoder[i]
        shown = b.decode("utf-8", errors="replace")
        tokens.append({
            "id": i,
            "text": shown,
            "bytes": b.hex(" "),
            "shown": visible(shown, keep_newlines=True) if state["show_ws"] else shown,
        })
    return {
        "state": state,
        "tokens": tokens,
        "n_chars": len(text),
        "n_tokens": len(tokens),
        "encoding": state["encoding"],
    }
