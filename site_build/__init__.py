"""Build-time Python for Token by Token: data, figures, vendored front-end packages, facts.

Everything here runs under CPython before `mkdocs build`; nothing here runs in the reader's
browser. `python -m site_build` regenerates every generated file (deterministically).
"""
