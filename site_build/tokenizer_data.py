"""Build-time data for the tokenizer widget: one rank file per encoding.

Source of the ranks: the pinned npm package `tiktoken` (see npm.PINS), whose
`encoders/<name>.json` holds `{"pat_str", "special_tokens", "bpe_ranks"}`. `bpe_ranks` is the
compact text format of tiktoken's JS port: space-separated runs `"<label> <first rank> <b64>
<b64> ..."`, one run per line (the label is ignored); the n-th base64 token of a run has rank
`first rank + n`. For cl100k_base and o200k_base the ranks are checked against the sha256 that
tiktoken itself pins for OpenAI's `.tiktoken` files; gpt2 against r50k_base's (same ranks).

The splitting regex (`pat_str`) and special tokens are taken from the real tiktoken (the PyPI
package's `tiktoken_ext.openai_public`), not from the npm JSON: the npm package ships an older
cl100k_base pattern that differs from tiktoken's current one on trailing whitespace after a
final newline ("a\\n " is two pieces there, one piece in tiktoken).

The Unicode classes the patterns use (`\\p{L}`, `\\p{N}`, `\\s`, `\\p{Lu}`, ..., and what the
case-insensitive contractions accept) are measured at build time from tiktoken's own regex engine
(Rust `regex`/`fancy-regex`), by matching every code point, and written into the file. The widget
then never consults `unicodedata`, whose Unicode version varies with the Python running it.

File format (`<encoding>.bin`, binary; all fields little-endian, no alignment):

    b"TBT-BPE 1\\n"                      magic and format version
    header: one line of ASCII JSON + b"\\n"
        {"encoding", "n_ranks": N, "blob_bytes": B, "pat_str", "special_tokens": {str: id},
         "classes": {"\\\\p{L}": "41-5a,61-7a,aa,...", "\\\\s": ..., "(?i)s": "53,73,17f", ...}}
        (class values: comma-separated hex code points or inclusive ranges "lo-hi")
    N bytes: the length of token r, for r = 0..N-1 (every token is 1..255 bytes; 0 marks a
             rank with no token, i.e. a gap: none of the three encodings has one)
    B bytes: the tokens' bytes concatenated in rank order

Deterministic: the same inputs give byte-identical files.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from widgets.tokenizer import ENCODINGS, MAGIC, file_name

from .npm import package_dir
from .write import write_bytes


@lru_cache(maxsize=None)
def _npm_encoder(encoding: str) -> dict:
    if encoding not in ENCODINGS:
        raise KeyError(encoding)
    path = package_dir("tiktoken") / "encoders" / f"{encoding}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _parse_bpe_ranks(text: str) -> dict[bytes, int]:
    ranks: dict[bytes, int] = {}
    for line in text.split("\n"):
        if not line:
            continue
        fields = line.split(" ")
        first = int(fields[1])
        for i, token in enumerate(fields[2:]):
            b = base64.b64decode(token, validate=True)
            if not b or b in ranks:
                raise ValueError(f"empty or duplicate token {b!r}")
            ranks[b] = first + i
    if len(set(ranks.values())) != len(ranks):
        raise ValueError("two tokens share a rank")
    return ranks


@lru_cache(maxsize=None)
def _ranks(encoding: str) -> dict[bytes, int]:
    ranks = _parse_bpe_ranks(_npm_encoder(encoding)["bpe_ranks"])
    _check_against_tiktoken_hash(encoding, ranks)
    return ranks


def mergeable_ranks(encoding: str) -> dict[bytes, int]:
    """{token bytes: rank} from the pinned npm package (a fresh copy each call)."""
    return dict(_ranks(encoding))


def _tiktoken_file(ranks: dict[bytes, int]) -> bytes:
    """The ranks in OpenAI's `.tiktoken` text format ("<base64> <rank>\\n" in rank order)."""
    return b"".join(base64.b64encode(tok) + b" " + str(rank).encode() + b"\n"
                    for tok, rank in sorted(ranks.items(), key=lambda kv: kv[1]))


# sha256 of OpenAI's .tiktoken files, as pinned in tiktoken_ext/openai_public.py; gpt2's ranks
# are r50k_base's.
_TIKTOKEN_SHA256 = {
    "gpt2": "306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}


def _check_against_tiktoken_hash(encoding: str, ranks: dict[bytes, int]) -> None:
    got = hashlib.sha256(_tiktoken_file(ranks)).hexdigest()
    if got != _TIKTOKEN_SHA256[encoding]:
        raise ValueError(f"{encoding}: ranks from npm do not match tiktoken's pinned file "
                         f"(sha256 {got})")


@lru_cache(maxsize=None)
def tiktoken_spec(encoding: str) -> dict:
    """The real tiktoken's constructor arguments for `encoding` (name, pat_str, special_tokens,
    explicit_n_vocab), with the ranks from npm in place of tiktoken's download."""
    from tiktoken_ext import openai_public as op

    ranks = _ranks(encoding)

    def load_tiktoken_bpe(*args, expected_hash=None, **kwargs):
        return dict(ranks)

    def data_gym_to_mergeable_bpe_ranks(*args, **kwargs):
        return dict(ranks)

    saved = op.load_tiktoken_bpe, op.data_gym_to_mergeable_bpe_ranks
    op.load_tiktoken_bpe, op.data_gym_to_mergeable_bpe_ranks = (load_tiktoken_bpe,
                                                                 data_gym_to_mergeable_bpe_ranks)
    try:
        spec = op.ENCODING_CONSTRUCTORS[encoding]()
    finally:
        op.load_tiktoken_bpe, op.data_gym_to_mergeable_bpe_ranks = saved
    npm_special = _npm_encoder(encoding)["special_tokens"]
    if spec["special_tokens"] != npm_special:
        raise ValueError(f"{encoding}: special tokens differ between tiktoken and npm")
    return spec


@lru_cache(maxsize=None)
def tiktoken_encoding(encoding: str):
    """A real `tiktoken.Encoding`, built offline from the npm ranks."""
    import tiktoken

    return tiktoken.Encoding(**tiktoken_spec(encoding))


# --- Unicode classes, measured from tiktoken's regex engine -----------------------------------

_CLASS_RE = re.compile(r"\\p\{(\w+)\}|\\[sS]|\(\?i:([^()]*)\)")


def classes_used(pat_str: str) -> list[str]:
    """Keys of the classes `pat_str` needs: "\\p{X}", "\\s", and "(?i)c" for each letter c
    inside a case-insensitive group."""
    keys = set()
    for m in _CLASS_RE.finditer(pat_str):
        if m.group(1):
            keys.add(f"\\p{{{m.group(1)}}}")
        elif m.group(2) is not None:
            keys.update(f"(?i){c.lower()}" for c in m.group(2) if c.isascii() and c.isalpha())
        else:
            keys.add("\\s")
    return sorted(keys)


def _all_scalars() -> str:
    return "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))


def probe_class(key: str) -> list[tuple[int, int]]:
    """Code points matched by one class in tiktoken's regex engine, as sorted inclusive ranges."""
    import tiktoken

    pattern = f"(?i:{key[4:]})" if key.startswith("(?i)") else key
    enc = tiktoken.Encoding(name=f"probe", pat_str=pattern,
                            mergeable_ranks={bytes([i]): i for i in range(256)},
                            special_tokens={})
    # Every match is one character; unmatched text is dropped by encode_ordinary.
    matched = bytes(enc.encode_ordinary(_all_scalars())).decode("utf-8")
    return to_ranges(sorted(set(map(ord, matched))))


def to_ranges(cps: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for c in cps:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [(lo, hi) for lo, hi in out]


def ranges_text(ranges: list[tuple[int, int]]) -> str:
    return ",".join(f"{lo:x}" if lo == hi else f"{lo:x}-{hi:x}" for lo, hi in ranges)


@lru_cache(maxsize=None)
def _probed(key: str) -> str:
    return ranges_text(probe_class(key))


# --- The file ---------------------------------------------------------------------------------

def encode_file(encoding: str) -> bytes:
    ranks = _ranks(encoding)
    spec = tiktoken_spec(encoding)
    n = max(ranks.values()) + 1
    by_rank: list[bytes] = [b""] * n
    for tok, rank in ranks.items():
        if not 1 <= len(tok) <= 255:
            raise ValueError(f"{encoding}: token of {len(tok)} bytes does not fit the format")
        by_rank[rank] = tok
    blob = b"".join(by_rank)
    header = {
        "encoding": encoding,
        "n_ranks": n,
        "blob_bytes": len(blob),
        "pat_str": spec["pat_str"],
        "special_tokens": spec["special_tokens"],
        "classes": {key: _probed(key) for key in classes_used(spec["pat_str"])},
    }
    head = json.dumps(header, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return MAGIC + head.encode("ascii") + b"\n" + bytes(map(len, by_rank)) + blob


def build(out_dir: Path) -> list[Path]:
    """Write `<encoding>.bin` for every encoding into `out_dir`; return the paths."""
    out_dir = Path(out_dir)
    return [write_bytes(out_dir / file_name(e), encode_file(e)) for e in ENCODINGS]
