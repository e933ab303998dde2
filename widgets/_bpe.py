"""Byte-level BPE for the lab model: a trainer and a tokenizer, in pure standard-library Python.

The same file runs at build time (CPython: training the lab tokenizer on the generated world) and
in the reader's browser (Pyodide: encoding the text the reader types).

Ids: 0-255 are the 256 single bytes, so any text at all (other scripts, emoji, control characters)
can be written with them. Id 256 + i is made by merge number i, which joins the two ids of a pair
into one. After the merges come the special markers (SPECIALS, in that fixed order).

Two steps, as in GPT-2 and tiktoken:

1. Pre-tokenize (`pretokenize`): cut the text into pieces with a regular expression. A word keeps
   its leading space (" cat"), a run of punctuation stays together (".\"" or " ,"), whitespace
   stays apart, and every digit 0-9 is a piece of its own. Merges never cross a piece's edge.
2. Byte-pair merge each piece's UTF-8 bytes: repeatedly merge the adjacent pair whose merge was
   learned earliest (the lowest rank; leftmost on ties) until no learned pair is left.

Why every digit is its own token: with whole-number tokens, "1234" might be cut as "12" + "34"
and "1235" as "123" + "5", so the same digit place sits in different tokens from one number to
the next, and the model has to learn each chunk's sum separately. With one token per digit, the
units, tens and hundreds always line up token by token, the model sees only ten number symbols,
and numbers never fuse into arbitrary chunks that depend on how often they appeared in training.

Training (`train`) counts each distinct piece once with its frequency, then repeats: find the most
frequent adjacent pair over all pieces, record it as the next merge, replace it everywhere. Ties
are broken by a fixed rule (the pair with the smallest first id, then the smallest second id), so
the same texts always give the same merges. `train_steps` records each step (the pair, its count,
the new token's bytes); `train(..., record=list)` hands those records to the caller.

Note on Unicode: `\\w` and `\\s` follow the Unicode tables of the Python that runs this file, so
a character new in a later Unicode version might be cut differently at build and in the page.
The ids of such text are still valid and always decode back to the same text.
"""
from __future__ import annotations

import re
from collections import Counter
from heapq import heapify, heappop, heappush

SPECIALS = ["<|endoftext|>", "<|user|>", "<|assistant|>", "<|end|>"]
# The markers by name, the one place they are spelled. EOT separates documents (the trainer puts
# it between them); a chat is USER, the question, END, ASSISTANT, the answer, END (see
# widgets/_lm.chat, the template every chat in the lab is built from).
EOT, USER, ASSISTANT, END = SPECIALS

# Letters are word characters that are neither ASCII digits nor "_"; punctuation is everything
# that is neither a word character nor whitespace, plus "_". Every character of any text falls in
# exactly one class, so the pieces always join back into the text.
_LETTERS = r"[^\W0-9_]"
_PUNCT = r"(?:[^\w\s]|_)"
PATTERN = (
    r"'(?:[sdmt]|ll|ve|re)(?!" + _LETTERS + r")"    # English contractions: 's 't 're 've 'm 'll 'd
    r"| ?" + _LETTERS + r"+"                         # a word, with its leading space
    r"|[0-9]"                                        # one digit: always its own piece
    r"| ?" + _PUNCT + r"+"                           # a run of punctuation (and emoji)
    r"|\s+(?!\S)"                                    # whitespace, leaving one space for a word
    r"|\s+"
)
_REGEX = re.compile(PATTERN)

CACHE_MAX = 20_000      # pieces remembered before the cache is emptied
CACHE_PIECE_MAX = 64    # longer pieces are not remembered
SMALL_PIECE = 32        # pieces up to this many bytes use the simple quadratic merge


def pretokenize(text: str) -> list[str]:
    """Cut text into the pieces that merges never cross. "".join(result) == text."""
    return _REGEX.findall(text)


def _clean(text: str) -> str:
    """Text that can be encoded as UTF-8 (lone surrogates become U+FFFD)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _special_regex(specials):
    if not specials:
        return None
    alts = sorted(specials, key=lambda s: (-len(s), s))        # longest first
    return re.compile("(" + "|".join(map(re.escape, alts)) + ")")


def _merge_word(word: tuple, a: int, b: int, new: int) -> tuple:
    """Replace each non-overlapping (a, b) in word, left to right, by new."""
    out = []
    i, n = 0, len(word)
    while i < n:
        if i + 1 < n and word[i] == a and word[i + 1] == b:
            out.append(new)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return tuple(out)


def _piece_counts(texts, specials) -> Counter:
    """How often each distinct piece occurs (special markers are cut out and not counted)."""
    if isinstance(texts, str):
        texts = [texts]
    split = _special_regex(specials)
    counts: Counter = Counter()
    for text in texts:
        text = _clean(text)
        parts = split.split(text)[::2] if split else [text]   # even slots: text between markers
        for part in parts:
            counts.update(_REGEX.findall(part))
    return counts


def train_steps(texts, n_merges: int, specials=SPECIALS, min_count: int = 2) -> list[dict]:
    """Learn up to n_merges merges from texts and describe each step.

    Returns one dict per merge, in order: {"pair": (a, b), "id": 256 + i, "count": how many times
    the pair occurred in the texts when it was chosen, "bytes": the new token's bytes}. Stops
    early when no pair occurs at least min_count times.
    """
    counts = _piece_counts(texts, specials)
    # Sorted so that nothing depends on the order the texts happened to be read in.
    items = sorted(counts.items())
    words = [tuple(p.encode("utf-8")) for p, _ in items]
    freqs = [c for _, c in items]

    pair_counts: dict = {}
    where: dict = {}                     # pair -> indices of words that (may) contain it
    for w, (word, f) in enumerate(zip(words, freqs)):
        for pair in zip(word, word[1:]):
            pair_counts[pair] = pair_counts.get(pair, 0) + f
            where.setdefault(pair, set()).add(w)

    pieces = [bytes([i]) for i in range(256)]
    steps: list[dict] = []
    for _ in range(max(0, n_merges)):
        if not pair_counts:
            break
        # Most frequent; ties: smallest first id, then smallest second id.
        pair, count = max(pair_counts.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        if count < min_count:
            break
        a, b = pair
        new = 256 + len(steps)
        pieces.append(pieces[a] + pieces[b])
        steps.append({"pair": pair, "id": new, "count": count, "bytes": pieces[new]})
        for w in sorted(where.pop(pair, ())):
            old = words[w]
            merged = _merge_word(old, a, b, new)
            if merged == old:
                continue
            f = freqs[w]
            for p in zip(old, old[1:]):
                c = pair_counts[p] - f
                if c:
                    pair_counts[p] = c
                else:
                    del pair_counts[p]
            for p in zip(merged, merged[1:]):
                pair_counts[p] = pair_counts.get(p, 0) + f
                if p != pair:
                    where.setdefault(p, set()).add(w)
            words[w] = merged
        pair_counts.pop(pair, None)
    return steps


def train(texts, vocab_size: int, specials=SPECIALS, min_count: int = 2, record=None) -> list:
    """The ordered merges [(a, b), ...] for a vocabulary of vocab_size ids in total
    (256 bytes + merges + specials). Fewer merges if the texts run out of pairs that occur at
    least min_count times. If record is a list, each step's dict (see train_steps) is appended."""
    n = vocab_size - 256 - len(specials)
    steps = train_steps(texts, n, specials, min_count)
    if record is not None:
        record.extend(steps)
    return [s["pair"] for s in steps]


_NONE = 1 << 62     # "not a learned pair": larger than any rank


class Tokenizer:
    """Encode text to ids and decode ids to text with a list of learned merges."""

    def __init__(self, merges, specials=SPECIALS):
        self.merges: list[tuple[int, int]] = [(int(a), int(b)) for a, b in merges]
        self.specials: list[str] = list(specials)
        self.ranks: dict = {}
        pieces = [bytes([i]) for i in range(256)]
        for r, (a, b) in enumerate(self.merges):
            if not (0 <= a < len(pieces) and 0 <= b < len(pieces)):
                raise ValueError(f"merge {r} uses an id that does not exist yet: {(a, b)}")
            if (a, b) in self.ranks:
                raise ValueError(f"merge {r} repeats the pair {(a, b)}")
            self.ranks[(a, b)] = r
            pieces.append(pieces[a] + pieces[b])
        first = 256 + len(self.merges)
        self.special_ids: dict[str, int] = {s: first + i for i, s in enumerate(self.specials)}
        pieces += [s.encode("utf-8") for s in self.specials]
        self._pieces = pieces
        self.vocab_size: int = len(pieces)
        self._split = _special_regex(self.specials)
        self._cache: dict[str, list[int]] = {}

    # --- merging one piece ---------------------------------------------------------------------
    def _merge_small(self, ids: list) -> list:
        get = self.ranks.get
        pair = [get((ids[i], ids[i + 1]), _NONE) for i in range(len(ids) - 1)]
        while pair:
            best = min(pair)
            if best == _NONE:
                break
            i = pair.index(best)            # leftmost of the lowest rank
            ids[i] = 256 + best
            del ids[i + 1]
            del pair[i]
            if i < len(pair):
                pair[i] = get((ids[i], ids[i + 1]), _NONE)
            if i:
                pair[i - 1] = get((ids[i - 1], ids[i]), _NONE)
        return ids

    def _merge_large(self, ids: list) -> list:
        """The same merges in the same order for long pieces, with a heap (O(n log n)).
        Heap entries (rank, position) go stale as merges happen; an entry is current exactly when
        its position is alive and the pair starting there still has that rank."""
        get = self.ranks.get
        n = len(ids)
        tok = list(ids)
        nxt = list(range(1, n + 1))
        prv = list(range(-1, n - 1))
        alive = [True] * n
        heap = [(r, i) for i in range(n - 1) if (r := get((tok[i], tok[i + 1]))) is not None]
        heapify(heap)
        while heap:
            r, i = heappop(heap)
            if not alive[i]:
                continue
            j = nxt[i]
            if j >= n or get((tok[i], tok[j])) != r:
                continue
            tok[i] = 256 + r
            alive[j] = False
            k = nxt[j]
            nxt[i] = k
            if k < n:
                prv[k] = i
                r2 = get((tok[i], tok[k]))
                if r2 is not None:
                    heappush(heap, (r2, i))
            h = prv[i]
            if h >= 0:
                r2 = get((tok[h], tok[i]))
                if r2 is not None:
                    heappush(heap, (r2, h))
        out = []
        i = 0
        while i < n:
            out.append(tok[i])
            i = nxt[i]
        return out

    def encode_piece(self, piece: str) -> list[int]:
        """The ids of one pre-tokenized piece (cached)."""
        ids = self._cache.get(piece)
        if ids is None:
            raw = list(piece.encode("utf-8"))
            ids = self._merge_small(raw) if len(raw) <= SMALL_PIECE else self._merge_large(raw)
            if len(piece) <= CACHE_PIECE_MAX:
                if len(self._cache) >= CACHE_MAX:
                    self._cache.clear()
                self._cache[piece] = ids
        return ids

    # --- public API ----------------------------------------------------------------------------
    def encode(self, text: str, allow_special: bool = True) -> list[int]:
        """Ids for text. With allow_special, each special marker string becomes its reserved id;
        otherwise markers are encoded as the plain text they are."""
        text = _clean(text)
        out: list[int] = []
        if allow_special and self._split is not None:
            parts = self._split.split(text)
        else:
            parts = [text]
        for k, part in enumerate(parts):
            if k % 2:                       # odd slots are the captured markers
                out.append(self.special_ids[part])
                continue
            for piece in _REGEX.findall(part):
                out += self.encode_piece(piece)
        return out

    def piece(self, i: int) -> bytes:
        """The bytes of one token (a special's bytes are its UTF-8 text)."""
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < self.vocab_size:
            raise KeyError(f"no token with id {i!r}")
        return self._pieces[i]

    def decode_bytes(self, ids) -> bytes:
        return b"".join(self.piece(i) for i in ids)

    def decode(self, ids) -> str:
        """Text for ids: bytes joined, then UTF-8 with undecodable bytes shown as U+FFFD."""
        return self.decode_bytes(ids).decode("utf-8", errors="replace")
