"""The page ships only the standard-library modules its Python imports (site_build/pyodide/vendor.py).
These tests make sure that cut can never silently drop a module a widget needs."""
import io
import json
import zipfile

from site_build import npm
from site_build.pyodide import vendor as pyodide_vendor
from site_build.paths import ROOT


def test_finds_imports_anywhere_in_a_widget(tmp_path):
    (tmp_path / "a.py").write_text(
        "import json, os.path\nfrom heapq import heappush\nfrom widgets._params import clean\n"
        "from . import sibling\nfrom __future__ import annotations\n"
        "def f():\n    import bisect\n    from itertools import count\n")
    assert pyodide_vendor.widget_imports(tmp_path) == ["bisect", "heapq", "itertools", "json", "os.path"]


def test_trimmed_zip_keeps_modules_with_their_packages_and_drops_the_rest():
    full = {"json/__init__.pyc": b"a", "json/decoder.pyc": b"b", "json/tool.pyc": b"c",
            "heapq.pyc": b"d", "email/__init__.pyc": b"e", "encodings/__init__.pyc": b"f",
            "encodings/utf_8.pyc": b"g", "encodings/cp850.pyc": b"h", "LICENSE.txt": b"i"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in sorted(full.items()):
            z.writestr(name, data)
    data, kept = pyodide_vendor.trimmed_stdlib(buf.getvalue(), ["json.decoder", "heapq", "encodings"])
    names = sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert names == ["encodings/__init__.pyc", "encodings/utf_8.pyc", "heapq.pyc",
                     "json/__init__.pyc", "json/decoder.pyc"]
    assert kept == ["encodings", "encodings.utf_8", "heapq", "json", "json.decoder"]


def test_the_built_stdlib_holds_every_module_the_widgets_import(site_dir):
    """Whatever a widget imports (also inside a function) is in the shipped zip, unless it is
    built into the interpreter; checked against the zip the build actually wrote."""
    shipped = set(json.loads((site_dir / "generated/pyodide/stdlib-modules.json").read_text()))
    names = set(zipfile.ZipFile(site_dir / "generated/pyodide/python_stdlib.zip").namelist())
    assert {pyodide_vendor.module_of(n) for n in names} == shipped
    full = pyodide_vendor.precompiled_stdlib(npm.package_dir("pyodide"))
    in_zip = {pyodide_vendor.module_of(n) for n in zipfile.ZipFile(io.BytesIO(full)).namelist()}
    imported = pyodide_vendor.widget_imports(ROOT / "widgets")
    assert {"json", "math", "random", "re"} <= set(imported)     # the scan does see them
    for name in imported:
        parts = name.split(".")
        for i in range(1, len(parts) + 1):
            module = ".".join(parts[:i])
            # not in the full zip = compiled into Pyodide's interpreter (math, itertools, ...)
            assert module in shipped or module not in in_zip, f"widgets import {module}, not shipped"
    assert len(names) < 400, "the whole standard library is shipping again"
