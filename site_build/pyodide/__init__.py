"""The Python the page runs, from the pinned Pyodide npm package to what a reader's browser starts.

- `vendor.py`: fetch Pyodide at its pinned version (integrity checked, site_build/npm.py), compile
  its standard library to bytecode with Pyodide itself (`precompile_stdlib.mjs`), and keep only the
  modules the widgets import, found by running them under Node (`stdlib_closure.mjs`);
- `snapshot.py`: Python's memory just after importing the widgets (`snapshot.mjs`), which a
  repeat visit restores instead of starting Python again.
"""
