"""Fetch a package from the npm registry at an exact version and check its integrity.

`npm pack NAME@VERSION` downloads the tarball through the machine's ordinary npm client; we then
compare its sha512 with the integrity string pinned in PINS (the same string `npm view NAME@VERSION
dist.integrity` prints) before unpacking it into .cache/npm/NAME-VERSION/package/.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .paths import CACHE

# name -> (exact version, sha512 integrity from the registry)
PINS: dict[str, tuple[str, str]] = {
    "pyodide": (
        "314.0.8",
        "sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ==",
    ),
    "tiktoken": (
        "1.0.22",
        "sha512-PKvy1rVF1RibfF3JlXBSP0Jrcw2uq3yXdgcEXtKTYn3QJ/cBRBHDnrJ5jHky+MENZ6DIPwNUGWpkVx+7joCpNA==",
    ),
    "axe-core": (
        "4.14.1",
        "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    ),
}


class IntegrityError(RuntimeError):
    pass


def integrity_of(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def package_dir(name: str) -> Path:
    """Return the unpacked `package/` folder of the pinned version, downloading it if needed."""
    version, integrity = PINS[name]
    dest = CACHE / "npm" / f"{name}-{version}"
    done = dest / ".integrity"
    if done.exists() and done.read_text() == integrity:
        return dest / "package"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", tmp],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        got = integrity_of(tarball)
        if got != integrity:
            raise IntegrityError(f"{name}@{version}: expected {integrity}, got {got}")
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        with tarfile.open(tarball) as tar:
            tar.extractall(dest, filter="data")
    done.write_text(integrity)
    return dest / "package"
