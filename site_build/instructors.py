"""Tables for the instructors' page, generated from the same registries the code uses:
every widget's URL parameters (from widgets/*.py PARAMS) and the stable addresses list."""
from __future__ import annotations

import importlib
import re

import widgets

from . import addresses
from .paths import DOCS


def widget_pages() -> dict[str, str]:
    """widget name -> the page (URL path) that first places it."""
    pages = {}
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS).as_posix()
        url = "" if rel == "index.md" else rel.removesuffix("index.md")
        for name in re.findall(r'--8<-- "widgets/([a-z0-9-]+)\.html"', md.read_text()):
            pages.setdefault(name, url)
    return pages


def _range(spec) -> str:
    kind = type(spec).__name__
    if kind == "Number":
        if spec.integer:
            return f"{int(spec.lo):,} to {int(spec.hi):,} (whole numbers)"
        return f"{spec.lo:g} to {spec.hi:g}"
    if kind == "Choice":
        return ", ".join(f"`{c}`" for c in spec.choices)
    if kind == "Flag":
        return "`1` (on) or `0` (off)"
    return f"text, up to {spec.max_len} characters"


def _default(spec) -> str:
    value = spec.default
    if isinstance(value, bool):
        return "`1`" if value else "`0`"
    if isinstance(value, str):
        return f"`{value}`" if value else "(empty)"
    return f"`{value:g}`"


def widget_table() -> str:
    pages = widget_pages()
    rows = ["| Widget | Page | Parameter | What it sets | Default | Allowed |",
            "| --- | --- | --- | --- | --- | --- |"]
    for name in widgets.names():
        module = importlib.import_module(f"widgets.{widgets.module_name(name)}")
        page = pages.get(name)
        where = (f"[{page or 'Start here'}](../{page}index.md#widget-{name})"
                 if page is not None else "—")
        for key, spec in module.PARAMS.items():
            rows.append(f"| {module.TITLE} | {where} | `{key}` | {spec.label or key} | "
                        f"{_default(spec)} | {_range(spec)} |")
    return "\n".join(rows) + "\n"


def address_table() -> str:
    rows = ["| Address | Links to |", "| --- | --- |"]
    for address in addresses.committed():
        page, _, heading = address.partition("#")
        page = page.removeprefix("./")
        target = f"../{page}index.md" + (f"#{heading}" if heading else "")
        rows.append(f"| `{address}` | [{heading or 'the page'}]({target}) |")
    return "\n".join(rows) + "\n"
