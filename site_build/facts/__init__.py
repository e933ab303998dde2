"""Numbers the chapters quote, computed here rather than typed by hand.

One module per chapter defines `facts() -> dict[str, str]` (keys prefixed with the chapter slug,
e.g. "tokenize.strawberry.cl100k_base"). In Markdown a number is tied to its fact with attr_list:
`` `73700`{ data-fact="tokenize.strawberry.cl100k_base" } `` or `**62%**{ data-fact="..." }`.
tests/test_facts.py fails if a page's number and the computed fact disagree, or if a fact is
quoted nowhere.
"""
from __future__ import annotations

import importlib
import pkgutil


def all_facts() -> dict[str, str]:
    out: dict[str, str] = {}
    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        for key, value in importlib.import_module(f"{__name__}.{mod}").facts().items():
            if key in out:
                raise ValueError(f"fact {key!r} defined twice")
            out[key] = value
    return out
