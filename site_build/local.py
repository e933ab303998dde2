"""Build and serve the site for a given local port (used by the browser tests and the benchmark).

mkdocs-material's instant navigation only treats a link as internal when the page's origin
matches `site_url`, so a copy served on another port must be built for that port: we build
through a temporary config that inherits mkdocs.yml and overrides `site_url` only."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from .paths import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_for_port(port: int, out: Path, generate: bool = True) -> str:
    """site_build (optionally) then a strict mkdocs build into `out`; returns the mkdocs log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if generate:
        gen = subprocess.run([sys.executable, "-m", "site_build"], cwd=ROOT, env=env,
                             capture_output=True, text=True)
        if gen.returncode:
            raise RuntimeError(gen.stdout + gen.stderr)
    config = ROOT / f".mkdocs-test-{port}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nsite_url: http://127.0.0.1:{port}/\n")
    try:
        mk = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                             "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    finally:
        config.unlink()
    if mk.returncode:
        raise RuntimeError(mk.stdout + mk.stderr)
    from . import offline
    offline.write(out)                  # the service worker's list of files (after the build)
    return mk.stdout + mk.stderr
