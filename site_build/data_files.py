"""Every data file the page fetches, from one map: its path under generated/data/ -> its bytes.

Widgets declare which files they read (`FILES`, or `files(state)`; see widgets/_data.py), and the
worker fetches just those. This map says where each comes from: a copy of the lab's committed
files, a measurement of the lab model (cached in build/lab-report.json), a tokenizer's ranks
converted from the npm package, or a built-in text of the tiny trainable model
(site_build/tiny_texts.py). `tests/test_site.py` checks that the map holds every file a widget
can declare, and nothing else.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from widgets import _data, _tiny
from widgets import tokenizer as tk

from . import tiny_texts, tokenizer_data
from .lab import build as lab_build
from .paths import DATA
from .write import write_bytes

LAB_COPIES = ("base.bin", "sft.bin", "rl-history.json", "rl-flawed.json", "advantage-real.json")


def _json(value) -> bytes:
    return (json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n").encode()


def sources() -> dict[str, Callable[[], bytes]]:
    """Data path -> a function that makes the file's bytes."""
    out: dict[str, Callable[[], bytes]] = {
        f"lab/{name}": (lambda name=name: Path(_data.WEIGHTS, name).read_bytes()) for name in LAB_COPIES}
    out["lab/history.json"] = lambda: _json(lab_build.report()["history"])
    out["lab/embedding.json"] = lambda: _json(lab_build.report()["embedding"])
    for encoding in tk.ENCODINGS:
        out[tk.data_file(encoding)] = lambda encoding=encoding: tokenizer_data.encode_file(encoding)
    out[_tiny.FILES["stories"]] = lambda: tiny_texts.stories().encode("utf-8")
    out[_tiny.FILES["tokens-chapter"]] = lambda: tiny_texts.tokens_chapter().encode("utf-8")
    return out


def build() -> list[Path]:
    return [write_bytes(DATA / rel, make()) for rel, make in sorted(sources().items())]
