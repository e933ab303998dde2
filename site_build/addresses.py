"""Public addresses: every page and heading id instructors may link to.

`python -m site_build.addresses SITE_DIR` prints the addresses found in a built site, one per line
(`inference/#temperature`). The committed list, tests/addresses.txt, only ever grows: the tests
fail if a listed address disappears, and the instructors' page shows the list."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .paths import ROOT

LIST = ROOT / "tests" / "addresses.txt"
HEADING = re.compile(r'<h([1-6])[^>]*\bid="([^"]+)"')


def page_url(site_dir: Path, html: Path) -> str:
    rel = html.relative_to(site_dir).as_posix()
    return "./" if rel == "index.html" else rel.removesuffix("index.html")


def found(site_dir: Path) -> list[str]:
    out = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith(("generated/", "assets/", "search/")):
            continue
        url = page_url(site_dir, html)
        out.append(url)
        out.extend(f"{url}#{m.group(2)}" for m in HEADING.finditer(html.read_text()))
    return out


def committed() -> list[str]:
    if not LIST.exists():
        return []
    return [line.strip() for line in LIST.read_text().splitlines()
            if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    for address in found(Path(sys.argv[1] if len(sys.argv) > 1 else "site")):
        print(address)
