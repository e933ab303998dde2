"""The Python memory snapshot a repeat visit restores (generated/py/python-snapshot.gz).

Starting Python on a page means compiling and instantiating the wasm, initialising CPython, then
importing the widgets: most of the 1.7 s a repeat visit waited. Pyodide can save the whole wasm
memory after that work and later start from the saved copy (`_makeSnapshot` / `_loadSnapshot`, a
private API of the pinned 314.0.7). site_build/snapshot.mjs makes it under Node with exactly the
files the site ships (the loader, the wasm, the cut-down standard library, widgets.zip).

The file is our own small header, then Pyodide's snapshot, gzip-compressed (31 MB of memory is
4.5 MB compressed, whatever the host's settings). The service worker stores it decompressed, since
reading 31 MB from its cache took a median 50 ms here against 169 ms for reading and unpacking
the compressed copy; worker.js unpacks it itself when it gets the compressed bytes.

    bytes 0-7    b"TBTSNAP1"
    bytes 8-71   the key: hex SHA-256 over the SHA-256 of widgets.zip and of python_stdlib.zip
    bytes 72-127 zero padding (Pyodide reads its part through a Uint32Array: 4-byte aligned)
    bytes 128-   Pyodide's snapshot (which itself checks the wasm's build id)

worker.js recomputes the key from the widgets.zip and standard library it actually received and
restores only on a match, so a snapshot can never run with another build's widgets or stdlib.

The bytes are deterministic (the generator fixes Python's random bytes and clocks while it runs);
the result is also cached under .cache/, keyed by its inputs, since making it takes a few seconds.
"""
from __future__ import annotations

import gzip
import hashlib
import subprocess
import tempfile
from pathlib import Path

from .paths import CACHE, GENERATED
from .write import write_bytes

OUT = GENERATED / "py" / "python-snapshot.gz"
MAGIC = b"TBTSNAP1"
HEADER = 128
SCRIPT = Path(__file__).with_name("snapshot.mjs")
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
           "pyodide-lock.json")


def key(widgets_zip: bytes, stdlib_zip: bytes) -> str:
    """What worker.js checks before restoring: the widgets and stdlib this snapshot was made with."""
    inner = hashlib.sha256(widgets_zip).digest() + hashlib.sha256(stdlib_zip).digest()
    return hashlib.sha256(inner).hexdigest()


def header(k: str) -> bytes:
    return (MAGIC + k.encode()).ljust(HEADER, b"\0")


def make(pyodide_dir: Path, widgets_zip: Path) -> bytes:
    """Run snapshot.mjs; Pyodide's snapshot bytes (uncompressed, without our header)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "snapshot.bin"
        subprocess.run(["node", str(SCRIPT), str(pyodide_dir), str(widgets_zip), str(out)],
                       check=True, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return out.read_bytes()


def build(pyodide_dir: Path = GENERATED / "pyodide",
          widgets_zip: Path = GENERATED / "py" / "widgets.zip") -> list[Path]:
    runtime = {name: (pyodide_dir / name).read_bytes() for name in RUNTIME}
    widgets = widgets_zip.read_bytes()
    inputs = hashlib.sha256(SCRIPT.read_bytes())
    for name in RUNTIME:
        inputs.update(name.encode() + b"\0" + hashlib.sha256(runtime[name]).digest())
    inputs.update(hashlib.sha256(widgets).digest())
    cached = CACHE / f"python-snapshot-{inputs.hexdigest()[:16]}.gz"
    if not cached.exists():
        k = key(widgets, runtime["python_stdlib.zip"])
        body = header(k) + make(pyodide_dir, widgets_zip)
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
        tmp.replace(cached)
    return [write_bytes(OUT, cached.read_bytes())]
