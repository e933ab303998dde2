"""Every widget's own stylesheet, bundled into one file the theme links on every page.

Why one file, linked by `mkdocs.yml` (`extra_css`), and not one `<link>` per widget added when the
widget mounts: mkdocs-material's instant navigation swaps the page's `<head>`, so a link a script
added is gone after the reader navigates away and back, while the script still believes it is
there; the widgets came back unstyled. A stylesheet the theme itself lists is part of every page's
head, through every kind of arrival (instant navigation, reload, the service worker, the offline
copy), and it is there before the widget draws, so nothing flashes unstyled. All widget styles
together are about 30 KB (7 KB with gzip).

Each widget's stylesheet (`docs/assets/tbt/widgets/<name>.css`) starts with its signature: one
declaration that only that stylesheet sets, on an element of the live view,

    /* signature: .tbt-cw-tok { border-top-style: solid } */

`tests/browser/test_styles.py` checks, for every widget, that the page shows it after each way a
reader arrives; `tests/test_site.py` checks that every widget has one and that the stylesheet
really sets it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import widgets

from .paths import DOCS, GENERATED
from .write import write_text

SOURCES = DOCS / "assets" / "tbt" / "widgets"
BUNDLE = GENERATED / "widgets.css"          # linked as `generated/widgets.css` in mkdocs.yml
_SIGNATURE = re.compile(r"/\*\s*signature:\s*(?P<selector>[^{]+?)\s*\{\s*(?P<prop>[-a-z]+)\s*:"
                        r"\s*(?P<value>[^;}]+?)\s*;?\s*\}\s*\*/")


class Signature(NamedTuple):
    selector: str     # found inside the widget's live view
    prop: str         # a CSS property, as getComputedStyle names it
    value: str        # the declared value, as written in the stylesheet


def source(name: str) -> Path:
    return SOURCES / f"{name}.css"


def signature(name: str) -> Signature:
    """The widget's signature declaration; ValueError if its stylesheet has none."""
    found = _SIGNATURE.search(source(name).read_text())
    if not found:
        raise ValueError(f"{source(name)} does not start with a /* signature: … */ comment")
    return Signature(found["selector"], found["prop"], found["value"])


def bundle() -> str:
    parts = ["/* Token by Token: every widget's own styles, bundled by site_build/widget_styles.py. */\n"]
    for name in widgets.names():
        parts.append(f"\n/* ---- {name}.css ---- */\n{source(name).read_text()}")
    return "".join(parts)


def build() -> list[Path]:
    return [write_text(BUNDLE, bundle())]
