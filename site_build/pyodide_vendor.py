"""Vendor the pinned Pyodide into the site (generated/pyodide/), with a precompiled stdlib.

Only the core runtime is copied: the loader (pyodide.mjs), the Emscripten glue, the wasm binary,
the standard library (compiled to .pyc by the pinned Pyodide itself, see precompile_stdlib.mjs)
and a lock file listing no packages, so the page never asks for anything else.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from . import npm
from .paths import CACHE, GENERATED
from .write import write_bytes

OUT = GENERATED / "pyodide"
COPIED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


def version() -> str:
    return npm.PINS["pyodide"][0]


def precompiled_stdlib(pkg: Path) -> bytes:
    """The stdlib zip as bytecode; cached per Pyodide version (it takes a few seconds)."""
    cached = CACHE / f"python_stdlib-{version()}-pyc.zip"
    if not cached.exists():
        tmp = cached.with_suffix(".tmp")
        script = Path(__file__).with_name("precompile_stdlib.mjs")
        subprocess.run(["node", str(script), str(pkg), str(pkg / "python_stdlib.zip"), str(tmp)],
                       check=True)
        tmp.replace(cached)
    return cached.read_bytes()


def build() -> list[Path]:
    pkg = npm.package_dir("pyodide")
    written = [write_bytes(OUT / name, (pkg / name).read_bytes()) for name in COPIED]
    written.append(write_bytes(OUT / "python_stdlib.zip", precompiled_stdlib(pkg)))
    lock = json.loads((pkg / "pyodide-lock.json").read_text())
    lock["packages"] = {}
    written.append(write_bytes(OUT / "pyodide-lock.json",
                               (json.dumps(lock, indent=1, sort_keys=True) + "\n").encode()))
    for stale in OUT.iterdir():
        if stale not in written:
            stale.unlink() if stale.is_file() else shutil.rmtree(stale)
    return written
