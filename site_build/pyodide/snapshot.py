"""The Python memory snapshot a repeat visit restores (generated/py/python-snapshot.gz).

Starting Python on a page means compiling and instantiating the wasm, initialising CPython, then
importing the widgets: most of the 1.7 s a repeat visit waited. Pyodide can save the whole wasm
memory after that work and later start from the saved copy (`_makeSnapshot` / `_loadSnapshot`, a
private API of the pinned 314.0.8). site_build/pyodide/snapshot.mjs makes it under Node with exactly the
files the site ships (the loader, the wasm, the cut-down standard library, widgets.zip).

The file is our own small header, then Pyodide's snapshot with its all-zero 4 KiB pages left out,
gzip-compressed. Of the 31.5 MB of memory, 19 MB are such pages (memory Python has not used yet):
the service worker stores the file decompressed, 12 MB of disk instead of 31.5 MB, and worker.js
puts the pages back in place in a zero-filled buffer of the full size. (Reading the decompressed
copy from the cache is faster than unpacking the gzip one: a median 50 ms against 169 ms here.)

    bytes 0-7    b"TBTSNAP2"
    bytes 8-71   the key: hex SHA-256 over the SHA-256 of widgets.zip and of python_stdlib.zip
    bytes 72-83  three little-endian uint32: Pyodide's snapshot length, the page size (4096), and
                 how many pages are stored
    bytes 84-127 zero padding
    then         one uint32 per stored page, its page number, in increasing order
    then         the stored pages, in that order (the last page of the snapshot may be shorter)

Pyodide's snapshot itself checks the wasm's build id.

worker.js recomputes the key from the widgets.zip and standard library it actually received and
restores only on a match, so a snapshot can never run with another build's widgets or stdlib.

The bytes are deterministic (the generator fixes Python's random bytes and clocks while it runs);
the result is also cached under .cache/, keyed by its inputs, since making it takes a few seconds.
"""
from __future__ import annotations

import gzip
import hashlib
import struct
import subprocess
import tempfile
from pathlib import Path

from ..paths import CACHE, GENERATED
from ..write import write_bytes

OUT = GENERATED / "py" / "python-snapshot.gz"
MAGIC = b"TBTSNAP2"
HEADER = 128
PAGE = 4096
SCRIPT = Path(__file__).with_name("snapshot.mjs")
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
           "pyodide-lock.json")


def key(widgets_zip: bytes, stdlib_zip: bytes) -> str:
    """What worker.js checks before restoring: the widgets and stdlib this snapshot was made with."""
    inner = hashlib.sha256(widgets_zip).digest() + hashlib.sha256(stdlib_zip).digest()
    return hashlib.sha256(inner).hexdigest()


def pack(k: str, snap: bytes) -> bytes:
    """Our header, then `snap` without its all-zero pages (the format in the docstring)."""
    chunks = [snap[at:at + PAGE] for at in range(0, len(snap), PAGE)]
    pages = [i for i, chunk in enumerate(chunks) if chunk.count(0) != len(chunk)]
    head = (MAGIC + k.encode() + struct.pack("<III", len(snap), PAGE, len(pages))).ljust(HEADER, b"\0")
    return b"".join([head, struct.pack(f"<{len(pages)}I", *pages)]
                    + [chunks[i] for i in pages])


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
    inputs = hashlib.sha256(SCRIPT.read_bytes() + Path(__file__).read_bytes())   # and the format
    for name in RUNTIME:
        inputs.update(name.encode() + b"\0" + hashlib.sha256(runtime[name]).digest())
    inputs.update(hashlib.sha256(widgets).digest())
    cached = CACHE / f"python-snapshot-{inputs.hexdigest()[:16]}.gz"
    if not cached.exists():
        k = key(widgets, runtime["python_stdlib.zip"])
        body = pack(k, make(pyodide_dir, widgets_zip))
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
        tmp.replace(cached)
    return [write_bytes(OUT, cached.read_bytes())]
