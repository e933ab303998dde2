"""Every widget keeps its own styles however the reader arrives (issue 18).

A reader opens a chapter, follows the navigation away and back, reloads, comes back another day
(the service worker serves the page, Python restores from its snapshot), or opens the saved copy
with the network off. After each, every widget on the page must look as designed: the test reads
each widget's signature (one declaration only its own stylesheet sets, written at the top of
docs/assets/tbt/widgets/<name>.css; see site_build/widget_styles.py) from the live view, in light
and in dark mode. It also switches the widget styles off once per page, to show that each
signature really depends on them.
"""
import re

import pytest

import widgets
from site_build.widget_styles import signature
from tests.conftest import wait_ready

SIGNATURES = {name: list(signature(name)) for name in widgets.names()}
INFO = "() => window.__tbt.engine.send({type: 'info'})"
SNAPSHOT_SAVED = "() => caches.match(location.origin + '/generated/py/python-snapshot.gz').then(r => !!r)"

# For each live widget on the page: the signature's computed value, and the value the declaration
# would give there (resolved by a probe element, so "36rem" and "720px" compare equal).
CHECK = """([signatures, off]) => {
  const sheets = [...document.styleSheets].filter(s => s.href && /\\/widgets(\\.css$|\\/)/.test(s.href));
  if (off) for (const s of sheets) s.disabled = true;
  const problems = [];
  for (const root of document.querySelectorAll('[data-widget]')) {
    const name = root.dataset.widget;
    const [selector, prop, value] = signatures[name];
    const live = root.querySelector(':scope > .tbt-live');
    const el = live && live.querySelector(selector);
    if (!el) { problems.push(`${name}: no live element matches ${selector}`); continue; }
    const probe = document.createElement('div');
    probe.style.setProperty(prop, value);
    live.append(probe);
    const want = getComputedStyle(probe).getPropertyValue(prop);
    probe.remove();
    const got = getComputedStyle(el).getPropertyValue(prop);
    if ((got === want) === off) problems.push(`${name}: ${selector} has ${prop}: ${got}` +
      (off ? ' even without the widget styles' : ` (its stylesheet says ${value})`));
  }
  for (const s of sheets) s.disabled = false;
  return problems;
}"""


def widget_pages(site_dir) -> dict[str, list[str]]:
    """Every page that holds widgets (path relative to the site root) and their names."""
    found = {}
    for page in sorted(site_dir.glob("*/index.html")):
        names = re.findall(r'data-widget="([a-z-]+)"', page.read_text())
        if names:
            found[f"{page.parent.name}/"] = names
    return found


def check(page, names, where):
    for name in names:
        wait_ready(page, name, slow=name.startswith("lab-"))   # the lab views need the model first
    problems = page.evaluate(CHECK, [SIGNATURES, False])
    assert not problems, f"{where}: {problems}"


def navigate(page, base_url, path):
    """Follow the navigation sidebar's link to `path`, as a reader clicks it: instant navigation,
    so the page's scripts stay alive (the marker survives)."""
    target = base_url + path
    page.evaluate("""(target) => {
      window.__sameDocument = true;
      const link = [...document.querySelectorAll('.md-nav--primary a.md-nav__link')]
        .find(a => a.href === target);
      link.click();
    }""", target)
    page.wait_for_function("(target) => location.href === target", arg=target)
    assert page.evaluate("() => window.__sameDocument === true"), f"{path} was a full page load"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_widgets_keep_their_styles_however_the_reader_arrives(new_page, base_url, site_dir, watch,
                                                              block, scheme):
    pages = widget_pages(site_dir)
    assert sorted(n for names in pages.values() for n in names) == widgets.names()
    page = new_page(color_scheme=scheme)

    # 1. A first visit to each chapter (full page loads). Once per page: without the widget
    #    styles every signature changes, so the check below can fail.
    for path, names in pages.items():
        page.goto(base_url + path)
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == \
            ("slate" if scheme == "dark" else "default")
        check(page, names, f"first load of {path}")
        problems = page.evaluate(CHECK, [SIGNATURES, True])
        assert not problems, f"signatures that do not depend on the widget styles: {problems}"

    # 2. Instant navigation: through every chapter by the sidebar, then back and forward.
    paths = list(pages)
    for path in paths[-2::-1] + paths[1:]:
        navigate(page, base_url, path)
        check(page, pages[path], f"instant navigation to {path}")
    page.go_back()
    page.wait_for_function("(t) => location.href === t", arg=base_url + paths[-2])
    check(page, pages[paths[-2]], "back button")
    page.go_forward()
    page.wait_for_function("(t) => location.href === t", arg=base_url + paths[-1])
    check(page, pages[paths[-1]], "forward button")

    # 3. Repeat visits: full page loads that the service worker serves, Python restored from its
    #    snapshot; and a reload.
    page.wait_for_function(SNAPSHOT_SAVED, timeout=60_000)
    for path, names in pages.items():
        page.goto(base_url + path)
        check(page, names, f"repeat visit to {path}")
        assert page.evaluate(INFO)["start"] == "snapshot", path
    page.reload()
    check(page, pages[paths[-1]], f"reload of {paths[-1]}")

    # 4. The saved copy, with the network off.
    watch.allow_errors = True                  # with the network off Chromium logs refusals
    page.locator(".tbt-offline").get_by_role("button", name="Make this book available offline").click()
    page.wait_for_selector('.tbt-offline[data-offline="saved"]', state="attached", timeout=120_000)
    page.context.set_offline(True)
    block("")
    for path, names in pages.items():
        page.goto(base_url + path)
        check(page, names, f"offline copy of {path}")
    assert not [e for e in watch.errors if e.startswith("uncaught")]


CHARTS = """() => [...document.querySelectorAll('svg.tbt-chart')].map(svg => {
  const line = svg.querySelector('.tbt-chart-line'), text = svg.querySelector('text');
  const css = (el, p) => getComputedStyle(el).getPropertyValue(p);
  return { widget: svg.closest('[data-widget]').dataset.widget, lineFill: css(line, 'fill'),
           lineStroke: css(line, 'stroke'), textFill: css(text, 'fill'), fontSize: css(svg, 'font-size'),
           page: css(document.querySelector('.md-typeset'), 'color'),
           legend: svg.parentElement.querySelectorAll('.tbt-chart-legend li').length };
})"""


def test_every_line_chart_has_one_look_and_reads_in_dark_mode(new_page, base_url):
    """The line and step charts all come from assets/tbt/chart.js: lines are strokes in a palette
    colour (never filled shapes), text takes the page's text colour (not black on slate), and
    every chart has its legend."""
    page = new_page(color_scheme="dark")
    seen = {}
    for path, names in {"using/": ["agent-steps", "pass-at-k"], "rl/": ["lab-rl"],
                        "lab/": ["lab-training"]}.items():
        page.goto(base_url + path)
        for name in names:
            wait_ready(page, name)
        for chart in page.evaluate(CHARTS):
            seen.setdefault(chart["widget"], []).append(chart)
            assert chart["lineFill"] == "none", chart
            assert chart["textFill"] == chart["page"], chart
            assert chart["lineStroke"] not in ("none", "rgb(0, 0, 0)"), chart
            assert chart["legend"] >= 1, chart
    assert sorted(seen) == ["agent-steps", "lab-rl", "lab-training", "pass-at-k"]
    assert len({c["fontSize"] for charts in seen.values() for c in charts}) == 1
