"""The built site as a whole: strict build, facts tied to the text, widgets complete, determinism."""
import importlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import widgets
from site_build.facts import all_facts
from site_build.paths import GENERATED, ROOT, SNIPPETS


def test_strict_build_has_no_warnings(built_site):
    assert "WARNING" not in built_site["log"], built_site["log"]


class FactFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.found = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-fact" in attrs:
            self.stack.append([attrs["data-fact"], ""])
        elif self.stack:
            self.stack.append(None)

    def handle_endtag(self, tag):
        if self.stack:
            item = self.stack.pop()
            if item is not None:
                self.found.append(tuple(item))

    def handle_data(self, data):
        for item in self.stack:
            if item is not None:
                item[1] += data


def quoted_facts(site_dir: Path):
    for page in sorted(site_dir.rglob("*.html")):
        finder = FactFinder()
        finder.feed(page.read_text())
        for key, text in finder.found:
            yield page.relative_to(site_dir), key, text.strip()


def test_every_quoted_number_matches_its_computed_fact(site_dir):
    facts = all_facts()
    wrong = [(str(page), key, text, facts.get(key, "<no such fact>"))
             for page, key, text in quoted_facts(site_dir) if facts.get(key) != text]
    assert not wrong, "pages disagree with site_build.facts: " + json.dumps(wrong, indent=1)


def test_every_fact_is_quoted_somewhere(site_dir):
    quoted = {key for _, key, _ in quoted_facts(site_dir)}
    assert not set(all_facts()) - quoted


def test_every_widget_has_math_figure_view_and_tests():
    for name in widgets.names():
        mod = widgets.module_name(name)
        module = importlib.import_module(f"widgets.{mod}")
        assert module.TITLE and callable(module.view) and module.PARAMS
        fig = importlib.import_module(f"site_build.widget_figures.{mod}")
        assert fig.CAPTION and callable(fig.figure)
        assert (ROOT / "docs/assets/tbt/widgets" / f"{name}.js").exists()
        assert (ROOT / "tests/unit" / f"test_{mod}.py").exists(), f"unit tests for {name}"
        assert (ROOT / "tests/browser" / f"test_{mod}.py").exists(), f"browser test for {name}"


def test_url_parameter_names_are_unique_across_widgets():
    seen = {}
    for name in widgets.names():
        for key in importlib.import_module(f"widgets.{widgets.module_name(name)}").PARAMS:
            assert key not in seen, f"{key} used by {seen.get(key)} and {name}"
            seen[key] = name


def test_every_widget_is_placed_on_a_page():
    pages = "\n".join(p.read_text() for p in (ROOT / "docs").rglob("*.md"))
    for name in widgets.names():
        assert f'--8<-- "widgets/{name}.html"' in pages, f"{name} is on no page"


def test_generated_files_are_deterministic(built_site):
    def digest():
        import hashlib
        out = {}
        for folder in (GENERATED, SNIPPETS):
            for f in sorted(folder.rglob("*")):
                if f.is_file():
                    out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
        return out
    before = digest()
    subprocess.run([sys.executable, "-m", "site_build"], cwd=ROOT, check=True, capture_output=True)
    assert digest() == before


def test_no_page_references_another_host_for_assets(site_dir):
    """Nothing a page loads (scripts, styles, images, frames, fonts) may come from another host;
    ordinary links to papers are fine, and so is the canonical address."""
    tag = re.compile(r'<(script|link|img|iframe|source|video|audio)\b[^>]*>', re.I)
    remote = re.compile(r'(?:src|href|srcset)="(?:https?:)?//(?!127\.0\.0\.1[:/])', re.I)
    offenders = []
    for page in site_dir.rglob("*.html"):
        for m in tag.finditer(page.read_text()):
            if remote.search(m.group(0)) and 'rel="canonical"' not in m.group(0):
                offenders.append((str(page), m.group(0)))
    assert not offenders


def test_start_page_lists_every_chapter_with_its_reading_time():
    """Every chapter in the nav is linked from Start here with its minutes tied to the computed
    fact (the data-fact test checks the number itself), and the total is stated."""
    from site_build.facts import reading
    home = (ROOT / "docs/index.md").read_text(encoding="utf-8")
    for page in reading.nav_chapters():
        slug = page.split("/")[0]
        assert f"]({page})" in home, f"Start here does not link {page}"
        assert f'data-fact="start.read.{slug}"' in home, f"no reading time for {page}"
    assert 'data-fact="start.read.total"' in home


def test_reading_time_counts_running_prose_at_the_stated_speed():
    from site_build import readability
    from site_build.facts import reading
    text = "# T { #t }\n\n" + "word " * 460 + "\n\n??? note \"x\"\n\n    " + "hidden " * 900 + "\n"
    assert readability.counts(readability.prose(text))[1] == 460
    assert reading.minutes(460) == 2 and reading.minutes(10) == 1


# The chapters of issue 22's part A open with an "In brief" box (part B's chapters get theirs in
# the same markup; widen this list to every nav chapter once both are merged).
BRIEFED = ["tokenize/index.md", "embed/index.md", "attention/index.md", "pretrain/index.md",
           "lab/index.md"]


def test_chapters_open_with_an_in_brief_box():
    from site_build import readability
    from site_build.facts import reading
    for page in BRIEFED:
        lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines[1:] if ln.strip()]
        assert body[0] == '!!! abstract "In brief"', f"{page} does not open with In brief"
        n = len(readability.prose(reading.brief(page)).splitlines())
        assert 3 <= n <= 5, f"{page}: In brief has {n} items"
