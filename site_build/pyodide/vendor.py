"""Vendor the pinned Pyodide into the site (generated/pyodide/), with a precompiled stdlib.

Only the core runtime is copied: the loader (pyodide.mjs), the Emscripten glue, the wasm binary,
the standard library (compiled to .pyc by the pinned Pyodide itself, see precompile_stdlib.mjs)
and a lock file listing no packages, so the page never asks for anything else.

The standard library is cut down to what the page's Python imports (about a third of it): the
build asks the pinned Pyodide itself which modules are loaded after start-up, after importing every
module the widgets package names (anywhere in its source, also inside functions) and after drawing
every widget's default view (stdlib_closure.mjs). Exactly those modules ship, with their packages'
`__init__` and a few common text codecs. A widget that imports a new module therefore gets it at
the next build, with nothing to list by hand; `stdlib-modules.json` beside the zip records what
shipped (tests check it against the widgets' imports).
"""
from __future__ import annotations

import ast
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from .. import npm
from ..paths import CACHE, GENERATED, ROOT
from ..write import write_bytes

OUT = GENERATED / "pyodide"
COPIED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


def version() -> str:
    return npm.PINS["pyodide"][0]


def precompiled_stdlib(pkg: Path) -> bytes:
    """The stdlib zip as bytecode; cached per Pyodide version (it takes a few seconds)."""
    cached = CACHE / f"python_stdlib-{version()}-pyc-O2-noranges.zip"
    if not cached.exists():
        tmp = cached.with_suffix(".tmp")
        script = Path(__file__).with_name("precompile_stdlib.mjs")
        subprocess.run(["node", str(script), str(pkg), str(pkg / "python_stdlib.zip"), str(tmp)],
                       check=True)
        tmp.replace(cached)
    return cached.read_bytes()


# Text codecs are looked up by name at run time; these cover what a reader's text can need.
CODECS = ["encodings.aliases", "encodings.ascii", "encodings.latin_1", "encodings.utf_8",
          "encodings.utf_8_sig", "encodings.utf_16", "encodings.utf_32", "encodings.cp1252",
          "encodings.idna", "encodings.cp437"]


def widget_imports(widgets_dir: Path = ROOT / "widgets") -> list[str]:
    """Every absolute module name imported anywhere in the widgets package (not widgets.*)."""
    names = set()
    for path in sorted(widgets_dir.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return sorted(n for n in names if n.split(".")[0] not in ("widgets", "__future__"))


def loaded_modules(pkg: Path, widgets_dir: Path = ROOT / "widgets") -> list[str]:
    """Modules loaded in Pyodide after start-up, the widgets' imports and their default views;
    cached per Pyodide version and widgets source (running Pyodide in Node takes a few seconds)."""
    sources = b"".join(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(widgets_dir.glob("*.py")))
    key = hashlib.sha256(version().encode() + b"\0" + sources).hexdigest()[:16]
    cached = CACHE / f"stdlib-closure-{version()}-{key}.json"
    if not cached.exists():
        script = Path(__file__).with_name("stdlib_closure.mjs")
        run = subprocess.run(["node", str(script), str(pkg), str(widgets_dir),
                              json.dumps(widget_imports(widgets_dir))],
                             check=True, capture_output=True, text=True)
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(json.loads(run.stdout.strip().splitlines()[-1]), indent=0) + "\n")
    return json.loads(cached.read_text())


def module_of(entry: str) -> str | None:
    """Zip entry -> module name ('json/decoder.pyc' -> 'json.decoder', 'json/__init__.pyc' ->
    'json'); None for data files."""
    for ext in (".pyc", ".py"):
        if entry.endswith(ext):
            return entry[: -len(ext)].replace("/", ".").removesuffix(".__init__")
    return None


def trimmed_stdlib(full: bytes, modules: list[str]) -> tuple[bytes, list[str]]:
    """The stdlib zip with only `modules` (and CODECS), each with its parent packages."""
    wanted = set(CODECS)
    for name in modules:
        parts = name.split(".")
        wanted.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    src = zipfile.ZipFile(io.BytesIO(full))
    kept = []
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():                 # already sorted by precompile_stdlib.mjs
            module = module_of(info.filename)
            if module not in wanted:
                continue
            kept.append(module)
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            out.writestr(zi, src.read(info))
    return buf.getvalue(), sorted(kept)


def build() -> list[Path]:
    pkg = npm.package_dir("pyodide")
    written = [write_bytes(OUT / name, (pkg / name).read_bytes()) for name in COPIED]
    stdlib, kept = trimmed_stdlib(precompiled_stdlib(pkg), loaded_modules(pkg))
    written.append(write_bytes(OUT / "python_stdlib.zip", stdlib))
    written.append(write_bytes(OUT / "stdlib-modules.json", (json.dumps(kept, indent=0) + "\n").encode()))
    lock = json.loads((pkg / "pyodide-lock.json").read_text())
    lock["packages"] = {}
    written.append(write_bytes(OUT / "pyodide-lock.json",
                               (json.dumps(lock, indent=1, sort_keys=True) + "\n").encode()))
    for stale in OUT.iterdir():
        if stale not in written:
            stale.unlink() if stale.is_file() else shutil.rmtree(stale)
    return written
