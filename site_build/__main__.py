"""`python -m site_build`: regenerate everything the site needs before `mkdocs build`.

Steps: vendor Pyodide (pinned, integrity-checked, stdlib precompiled), pack the widgets package
for the browser, make the Python memory snapshot a repeat visit restores, write widget data,
figures and markup, and the computed facts. Deterministic: running it twice gives byte-identical
files.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from . import data_files, glossary, instructors, snippets, widget_styles
from .pyodide import snapshot, vendor as pyodide_vendor
from .facts import all_facts
from .paths import GENERATED, ROOT, SNIPPETS
from .write import deterministic_zip, write_bytes, write_text


def widgets_zip() -> Path:
    """The widgets package as the browser imports it (sources only; tests stay out)."""
    files = {f"widgets/{p.name}": p.read_bytes() for p in sorted((ROOT / "widgets").glob("*.py"))}
    return write_bytes(GENERATED / "py" / "widgets.zip", deterministic_zip(files))


def main() -> int:
    t0 = time.perf_counter()
    steps = [
        ("pyodide", pyodide_vendor.build),
        ("widgets.zip", lambda: [widgets_zip()]),
        ("python snapshot", snapshot.build),
        ("data files", data_files.build),
        ("figures and markup", snippets.build),
        ("widget styles", widget_styles.build),
        ("glossary", lambda: [write_text(SNIPPETS / "glossary-abbr.md", glossary.abbreviations()),
                              write_text(SNIPPETS / "glossary-list.md", glossary.definition_list())]),
        ("instructors' tables",
         lambda: [write_text(SNIPPETS / "instructors-widgets.md", instructors.widget_table()),
                  write_text(SNIPPETS / "instructors-addresses.md", instructors.address_table())]),
        ("facts", lambda: [write_text(SNIPPETS.parent / "facts.json",
                                      json.dumps(all_facts(), indent=1, sort_keys=True) + "\n")]),
    ]
    for label, step in steps:
        t = time.perf_counter()
        out = step()
        print(f"site_build: {label}: {len(out)} files in {time.perf_counter() - t:.1f}s")
    print(f"site_build: done in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
