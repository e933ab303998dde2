"""Widget logic for Token by Token: one plain-Python module per widget.

Each public module here (a name not starting with "_") is one widget. It runs unchanged under
CPython (tests, build-time figures) and under Pyodide in the reader's browser, so it uses only the
standard library. A widget module defines:

    TITLE  -- a short human title ("Temperature dial")
    PARAMS -- {name: Number(...) | Choice(...) | Text(...) | Flag(...)}: the widget's shareable
              state; these names are the URL query keys (unique across all widgets)
    view(state: dict) -> dict
           -- a pure function from (possibly raw, untrusted) state to a JSON-able view model;
              it starts with `state = clean(PARAMS, state)` and returns the cleaned state under
              the key "state" so the page can set its controls from it.

Public widget names use hyphens (`context-window`: the data-widget attribute, the view file
docs/assets/tbt/widgets/context-window.js, the snippet widgets/context-window.html); the Python
module uses underscores (widgets/context_window.py), as do the figure module and test files.
"""
import pkgutil as _pkgutil


def names() -> list[str]:
    """Every widget's public name, sorted: the single registry the site, tests and docs read."""
    return sorted(m.name.replace("_", "-") for m in _pkgutil.iter_modules(__path__)
                  if not m.name.startswith("_"))


def module_name(name: str) -> str:
    """`context-window` -> `context_window` (the Python module for a public widget name)."""
    return name.replace("-", "_")
