"""The gallery: `make gallery` (or `python -m tests.gallery [--out gallery] [--only NAME …]`).

Screenshots of what a reader sees, to look at rather than to assert on: every widget in its
default state, live, and every page's first screen, at 1280 and 375 px wide, in light and dark
mode. They go into one folder (`gallery/` by default, not committed) with an `index.html` that
shows them side by side: one row per widget or page, one column per width and scheme.

It builds the site for a free local port, serves it on 127.0.0.1 and drives Debian's Chromium, as
the browser tests do. About three minutes on the development machine (2 cores).
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_build.local import build_for_port, free_port  # noqa: E402
from site_build.serve import server  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WIDTHS = {1280: 900, 375: 740}                 # viewport width: height
# More states worth looking at, beyond a widget's default: (widget, query, label, a condition to
# wait for in the page before the picture, or None).
EXTRAS = [
    ("lab-attention", "?lab_look=arithmetic&lab_tok=6", "inside one head", None),
    ("lab-attention", "?lab_look=layers&lab_attn_text=The+capital+of+Norland+is&lab_guess=Velmar",
     "layer by layer", None),
    ("train-tiny", "?tiny_steps=150", "mid-run, 150 steps",
     "() => { const r = document.querySelector('[data-widget=\"train-tiny\"]'); return r.dataset.step === '150'"
     " && !r.querySelector('.tbt-tt-buttons button[aria-pressed=\"true\"]'); }"),
]
SCHEMES = ("light", "dark")


def pages(site: Path) -> list[tuple[str, str, list[str]]]:
    """(path, title, widget names) for every page of the book, in the navigation's order."""
    home = (site / "index.html").read_text()
    order = ["", *dict.fromkeys(re.findall(r'<a href="([a-z-]+/)" class="md-nav__link', home))]
    found = []
    for path in order:
        text = (site / path / "index.html").read_text()
        title = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S).group(1))
        found.append((path, re.sub(r"<[^>]+>", "", title).strip(),
                      list(dict.fromkeys(re.findall(r'data-widget="([a-z-]+)"', text)))))
    return found


def shoot(browser, base: str, site: Path, out: Path, only: set[str]) -> list[dict]:
    shots = []
    for path, title, names in pages(site):
        page_key = f"page-{path.strip('/') or 'home'}"
        wanted = [n for n in names if not only or n in only]
        if only and not wanted and page_key not in only:
            continue
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                ctx = browser.new_context(viewport={"width": width, "height": height},
                                          color_scheme=scheme, reduced_motion="reduce",
                                          service_workers="block")
                page = ctx.new_page()
                page.goto(base + path)
                page.wait_for_load_state("load")
                tag = f"{width}-{scheme}"
                if not only or page_key in only:
                    file = f"{page_key}-{tag}.png"
                    page.screenshot(path=str(out / file))
                    shots.append({"row": page_key, "label": f"{title} (first screen)", "width": width,
                                  "scheme": scheme, "file": file})
                if wanted:                     # the sticky header would cover a widget's top
                    page.add_style_tag(content=".md-header, .md-tabs { visibility: hidden !important; }")
                for name in wanted:
                    root = page.locator(f'[data-widget="{name}"]')
                    root.scroll_into_view_if_needed()
                    page.wait_for_selector(f'[data-widget="{name}"]:is([data-state="ready"], [data-state="error"])',
                                           state="attached", timeout=90_000)
                    page.wait_for_timeout(300)              # let charts lay out at their width
                    file = f"widget-{name}-{tag}.png"
                    root.screenshot(path=str(out / file))
                    shots.append({"row": f"widget-{name}", "label": f"{name} ({title})", "width": width,
                                  "scheme": scheme, "file": file,
                                  "state": root.get_attribute("data-state")})
                for k, (name, query, label, until) in enumerate(EXTRAS):
                    if name not in wanted:
                        continue
                    page.goto(base + path + query)
                    page.wait_for_load_state("load")
                    page.add_style_tag(content=".md-header, .md-tabs { visibility: hidden !important; }")
                    root = page.locator(f'[data-widget="{name}"]')
                    root.scroll_into_view_if_needed()
                    page.wait_for_selector(f'[data-widget="{name}"]:is([data-state="ready"], [data-state="error"])',
                                           state="attached", timeout=90_000)
                    if until:
                        page.wait_for_function(until, timeout=120_000)
                    page.wait_for_timeout(300)
                    file = f"widget-{name}-{k}-{tag}.png"
                    root.screenshot(path=str(out / file))
                    shots.append({"row": f"widget-{name}-{k}", "label": f"{name}: {label} ({title})",
                                  "width": width, "scheme": scheme, "file": file,
                                  "state": root.get_attribute("data-state")})
                ctx.close()
    return shots


def index(shots: list[dict]) -> str:
    rows: dict[str, dict] = {}
    for s in shots:
        rows.setdefault(s["row"], {"label": s["label"], "cells": {}})["cells"][(s["width"], s["scheme"])] = s
    columns = [(w, sc) for w in WIDTHS for sc in SCHEMES]
    head = "".join(f"<th>{w} px, {sc}</th>" for w, sc in columns)
    body = []
    for key in sorted(rows, key=lambda k: (not k.startswith("widget"), k)):
        row = rows[key]
        cells = []
        for col in columns:
            s = row["cells"].get(col)
            if not s:
                cells.append("<td></td>")
                continue
            warn = "" if s.get("state", "ready") == "ready" else f'<p class="bad">{s["state"]}</p>'
            cells.append(f'<td class="{s["scheme"]}"><a href="{s["file"]}"><img loading="lazy" '
                         f'src="{s["file"]}" alt="{html.escape(row["label"])}, {col[0]} px, {col[1]}"></a>{warn}</td>')
        body.append(f'<tr id="{key}"><th scope="row">{html.escape(row["label"])}</th>{"".join(cells)}</tr>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Token by Token: gallery</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1rem; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ccc; padding: .4rem; vertical-align: top; }}
thead th {{ position: sticky; top: 0; background: #fff; }}
th[scope=row] {{ max-width: 10rem; text-align: left; }}
td.dark {{ background: #1e2129; }}
img {{ display: block; max-width: 28rem; height: auto; }}
.bad {{ color: #b00; font-weight: 700; }}
</style></head><body>
<h1>Token by Token: what the reader sees</h1>
<p>{len(shots)} screenshots, {time.strftime("%Y-%m-%d %H:%M")}. Each widget in its default state, live; each
page's first screen. Click a picture for full size.</p>
<table><thead><tr><th></th>{head}</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "gallery"))
    parser.add_argument("--only", nargs="*", default=[],
                        help="widget names or page-<slug> rows to shoot (default: everything)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_for_port(port, site)
        httpd = server(str(site), port)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            shots = shoot(browser, f"http://127.0.0.1:{port}/", site, out, set(args.only))
            browser.close()
        httpd.shutdown()
    (out / "index.html").write_text(index(shots))
    failed = [s["file"] for s in shots if s.get("state", "ready") != "ready"]
    print(f"gallery: {len(shots)} screenshots in {out}/index.html, {time.perf_counter() - t0:.0f} s"
          + (f"; NOT LIVE: {failed}" if failed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
