"""CPython micro-benchmark of the tokenizer widget: `python -m site_build.bench_tokenizer`.

Prints, per encoding: the rank file's raw and gzip sizes, the time to load it (read, parse,
build the rank dict, compile the pre-tokenizer), and the median time to encode 1,000 characters
with the piece cache warm (the page's case: the same text edited) and cold (emptied before
every call). Pyodide runs Python about 2-3x slower than CPython.
"""
from __future__ import annotations

import gzip
import random
import re
import statistics
import sys
import time

from widgets import tokenizer as tk

from . import tokenizer_data
from .paths import DATA

SAMPLE = ("Tokenizers split text into pieces: ünïcödé, 東京, 12345, emoji 👩‍💻! " * 20)[:1000]


def _prose(rng: random.Random, n: int) -> str:
    words = ("the of and to in is that it for on with as was at by an be this which or from but "
             "not are have strawberry tokenizer Straße naïve 東京 привет 2024 3.14 don't I'M "
             "(x) [y] {z} \n \t").split(" ")
    out = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(words) + rng.choice([" ", " ", " ", ", ", ". ", "\n"]))
    return "".join(out)[:n]


def _median_ms(f, reps: int) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def main() -> int:
    paths = tokenizer_data.build(DATA / "tokenizer")
    rng = random.Random(0)
    texts = [_prose(rng, 1000) for _ in range(50)]
    for encoding, path in zip(tk.ENCODINGS, paths):
        raw = path.read_bytes()
        print(f"{encoding}: {path.name} {len(raw) / 1e6:.3f} MB raw, "
              f"{len(gzip.compress(raw, 9)) / 1e6:.3f} MB gzip")

        def load():
            tk.get_encoding.cache_clear()
            re.purge()                  # or re.compile answers from its cache
            tk.get_encoding(encoding)

        print(f"  load (read + parse + rank dict + regex): {_median_ms(load, 7):.1f} ms median")
        enc = tk.get_encoding(encoding)
        print(f"  encode 1,000 chars, warm cache: "
              f"{_median_ms(lambda: enc.encode(SAMPLE), 51):.2f} ms median")
        it = iter(texts * 2)

        def cold():
            enc.cache.clear()
            enc.encode(next(it))

        print(f"  encode 1,000 chars of varied prose, cold cache: {_median_ms(cold, 50):.2f} ms median")
        print(f"  view() on 1,000 chars: "
              f"{_median_ms(lambda: tk.view({'text': SAMPLE, 'encoding': encoding}), 21):.2f} ms median")
    return 0


if __name__ == "__main__":
    sys.exit(main())
