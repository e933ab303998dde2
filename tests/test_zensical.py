"""Non-blocking: does the site also build with Zensical, mkdocs-material's successor, from the same
mkdocs.yml? A failure is reported (xfail, with Zensical's output) rather than failing the suite,
so moving off the inactive mkdocs-material stays one command away and we hear when it breaks."""
import os
import shutil
import subprocess

import pytest

from site_build.paths import ROOT


def test_site_builds_with_zensical(built_site):
    exe = shutil.which("zensical", path=os.pathsep.join([str(ROOT / ".venv/bin"),
                                                          os.environ.get("PATH", "")]))
    if not exe:
        pytest.xfail("zensical is not installed (non-blocking check)")
    out = ROOT / "build" / "zensical-site"
    config = ROOT / ".mkdocs-test-zensical.yml"
    config.write_text("INHERIT: mkdocs.yml\nsite_dir: build/zensical-site\n")
    try:
        run = subprocess.run([exe, "build", "--clean", "-f", str(config)], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    finally:
        config.unlink()
    report = (run.stdout + run.stderr)[-2000:]
    print(report)
    if run.returncode != 0:
        pytest.xfail(f"Zensical build failed (non-blocking):\n{report}")
    page = (out / "inference" / "index.html").read_text()
    if 'data-widget="temperature"' not in page or "<abbr" not in page:
        pytest.xfail("Zensical built, but widget markup or glossary tooltips are missing")
