"""Where things live. Every generated file goes under GENERATED (served with the site) or
SNIPPETS (pasted into pages by pymdownx.snippets); both are rebuilt by `python -m site_build`."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED = DOCS / "generated"          # copied into the built site as /generated/
DATA = GENERATED / "data"               # widget data files fetched by the page at run time
SNIPPETS = ROOT / "build" / "snippets"  # widget markup (figure + caption) for `--8<--` lines
CACHE = ROOT / ".cache"                 # downloaded npm tarballs, unpacked
