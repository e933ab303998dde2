"""The offline list: `python -m site_build.offline site` after `mkdocs build`.

Writes `generated/offline.js` into the built site: every file a reader could need (every page,
the theme's assets, Pyodide, the widgets package and everything under generated/data, so model
weights too when they exist) with its size, and a build hash over all of their bytes. The service
worker (`docs/sw.js`, a plain file at the site root) imports it: a new hash means a new cache, and
the old one is deleted whole, so a page never mixes with assets from another build.

This runs after the build rather than inside it (no plugin, no hook): a site built without this
step (e.g. by Zensical alone) still works, it just cannot be saved for offline reading.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

NAME = "generated/offline.js"
# Never needed by a reader; the service worker script is stored by the browser itself.
SKIP = {NAME, "sitemap.xml.gz", "sw.js", "generated/pyodide/stdlib-modules.json"}
# Needed (instant navigation reads the sitemap) but left out of the build hash: it carries the
# build date, which would make every day's build look new.
UNHASHED = {"sitemap.xml"}


def url_of(rel: str) -> str:
    """A file's address relative to the site root, as pages link to it ('tokenize/' for
    'tokenize/index.html', '' for the start page)."""
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def manifest(site: Path) -> dict:
    files, digest = [], hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in SKIP or rel.startswith(".") or rel.endswith(".map"):   # source maps: developers only
            continue
        data = path.read_bytes()
        files.append([url_of(rel), len(data)])
        if rel not in UNHASHED:
            digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return {"version": digest.hexdigest()[:16], "bytes": sum(size for _, size in files),
            "files": files}


def write(site: Path) -> dict:
    found = manifest(site)
    text = ("// Written by `python -m site_build.offline` after the build: what the service worker\n"
            "// saves for offline reading. Do not edit.\n"
            f"self.TBT_OFFLINE = {json.dumps(found, separators=(',', ':'))};\n")
    (site / NAME).parent.mkdir(parents=True, exist_ok=True)
    (site / NAME).write_text(text)
    return found


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    found = write(site)
    print(f"site_build.offline: {len(found['files'])} files, {found['bytes'] / 1e6:.1f} MB, "
          f"build {found['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
