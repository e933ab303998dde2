"""The glossary: one module per chapter defines TERMS = {"term": "plain definition"}.

The build writes two files from the same terms:
- build/snippets/glossary-abbr.md: abbreviation lines, appended to every page by
  pymdownx.snippets, so each exact occurrence of a term gets a hover/focus tooltip;
- build/snippets/glossary-list.md: the definition list shown on the glossary page.
"""
from __future__ import annotations

import importlib
import pkgutil
import re


def all_terms() -> dict[str, str]:
    out: dict[str, str] = {}
    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        for term, definition in importlib.import_module(f"{__name__}.{mod}").TERMS.items():
            if term in out:
                raise ValueError(f"glossary term {term!r} defined twice")
            out[term] = " ".join(definition.split())
    return dict(sorted(out.items(), key=lambda kv: kv[0].lower()))


def slug(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def abbreviations() -> str:
    return "".join(f"*[{t}]: {d}\n" for t, d in all_terms().items())


def definition_list() -> str:
    lines = []
    for term, definition in all_terms().items():
        lines.append(f"{term} {{ #{slug(term)} }}\n:   {definition}\n")
    return "\n".join(lines)
