"""Widget and figure markup for the pages, pasted in by `--8<-- "widgets/<name>.html"`.

A widget's markup is its root element (data-widget, data-state, data-params) holding the static
figure and caption: the page teaches with JavaScript off, and the front end enhances it in place.
"""
from __future__ import annotations

import html
import importlib
import json
import pkgutil
from pathlib import Path

import widgets
from widgets._params import specs

from . import chapter_figures
from .paths import SNIPPETS
from .write import write_text


def widget_markup(name: str) -> str:
    module = importlib.import_module(f"widgets.{widgets.module_name(name)}")
    fig = importlib.import_module(f"site_build.widget_figures.{widgets.module_name(name)}")
    params = json.dumps(specs(module.PARAMS), sort_keys=True, separators=(",", ":"))
    return (
        f'<div class="tbt-widget" id="widget-{name}" data-widget="{name}" data-state="loading" '
        f'data-title="{html.escape(module.TITLE)}" data-params="{html.escape(params)}">\n'
        f'<figure class="tbt-figure">\n{fig.figure()}'
        f"<figcaption>{html.escape(fig.CAPTION, quote=False)}</figcaption>\n</figure>\n</div>\n"
    )


def figure_markup(slug: str, svg: str, caption: str) -> str:
    return (f'<figure class="tbt-figure tbt-static" id="figure-{slug}">\n{svg}'
            f"<figcaption>{html.escape(caption, quote=False)}</figcaption>\n</figure>\n")


def build() -> list[Path]:
    written = []
    for name in widgets.names():
        written.append(write_text(SNIPPETS / "widgets" / f"{name}.html", widget_markup(name)))
    for mod in sorted(m.name for m in pkgutil.iter_modules(chapter_figures.__path__)):
        module = importlib.import_module(f"site_build.chapter_figures.{mod}")
        for slug, (svg, caption) in module.figures().items():
            written.append(write_text(SNIPPETS / "figures" / f"{slug}.html",
                                      figure_markup(slug, svg, caption)))
    return written
