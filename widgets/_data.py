"""Data files the widgets read: declared once, beside the code that reads them, and read one way.

A widget module declares the files it reads, as paths under the site's `generated/data/`:
`FILES = ["lab/base.bin"]`, or `files(state) -> [...]` when they depend on the state (the
tokenizer's rank file follows the chosen encoding). `needed(module, state)` answers for either.

- In the page, the worker asks Python which files a call needs (`widgets._runtime.files`),
  fetches each once per visit into /data, and then calls the widget.
- Under CPython (tests, the build's figures and facts) the same paths are found in the build's
  output, `docs/generated/data/`, and the lab's files also in `site_build/lab/weights/`, so unit
  tests run before any build.
- The build writes every declared file from one map, `site_build/data_files.py`;
  `tests/test_site.py` checks that the map and the declarations agree.
"""
from __future__ import annotations

import functools
import json
import os

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEARCH = ["/data", os.path.join(_ROOT, "docs", "generated", "data")]
WEIGHTS = os.path.join(_ROOT, "site_build", "lab", "weights")   # the lab's committed files


def find(relpath: str) -> str | None:
    """The local path of a data file such as "lab/base.bin", or None."""
    if ".." in relpath.split("/") or relpath.startswith("/"):
        return None                          # only files below the data folders
    for base in SEARCH:
        path = os.path.join(base, relpath)
        if os.path.exists(path):
            return path
    if relpath.startswith("lab/"):
        path = os.path.join(WEIGHTS, relpath[4:])
        if os.path.exists(path):
            return path
    return None


def read_bytes(relpath: str) -> bytes:
    """A data file's bytes (not cached: callers keep what they parse from it)."""
    path = find(relpath)
    if path is None:
        raise FileNotFoundError(relpath)
    with open(path, "rb") as f:
        return f.read()


@functools.cache
def read_json(relpath: str):
    """A JSON data file, parsed once per visit. Treat the result as read-only: it is shared."""
    return json.loads(read_bytes(relpath).decode("utf-8"))


def needed(module, state) -> list[str]:
    """The data files a widget module reads for `state` (FILES, or files(state); none if neither)."""
    if hasattr(module, "files"):
        return list(module.files(state))
    return list(getattr(module, "FILES", ()))
