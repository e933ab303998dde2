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


def test_every_widget_has_a_stylesheet_with_a_signature_it_sets():
    """Each widget's stylesheet names one declaration that only it sets (tests/browser/test_styles.py
    checks it in the page after every way a reader arrives), and really sets it: a rule with that
    selector declares the property or a shorthand of it."""
    from site_build.widget_styles import signature, source
    for name in widgets.names():
        sig = signature(name)
        shorthands = {"-".join(sig.prop.split("-")[:i]) for i in range(1, sig.prop.count("-") + 2)}
        rules = re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", source(name).read_text(), flags=re.S))
        assert any(sig.selector in [s.strip() for s in sel.split(",")] and
                   any(re.search(rf"(^|;)\s*{re.escape(p)}\s*:", body.strip()) for p in shorthands)
                   for sel, body in rules), f"{name}.css does not set {sig}"


def test_widget_styles_are_linked_by_the_theme_on_every_page(site_dir):
    """No widget adds its stylesheet at run time (instant navigation would drop it): the bundle of
    every widget's stylesheet is linked in the head of every page, and holds each one."""
    from site_build.widget_styles import source
    bundle = (site_dir / "generated" / "widgets.css").read_text()
    for name in widgets.names():
        assert source(name).read_text() in bundle
    for page in site_dir.rglob("*.html"):
        head = page.read_text().split("</head>", 1)[0]
        assert re.search(r'<link[^>]+href="[./]*generated/widgets\.css"', head), page


def test_the_page_palette_is_the_figures_palette():
    """Widgets (CSS variables in tbt.css) and build-time figures (site_build/svg.py) draw data in
    the same colours, and widget stylesheets name them only through those variables."""
    from site_build.svg import PALETTE
    css = (ROOT / "docs/assets/tbt/tbt.css").read_text()
    found = dict(re.findall(r"--tbt-([a-z]+):\s*(#[0-9a-f]{6});", css))
    assert {name: found.get(name) for name in PALETTE} == PALETTE
    for sheet in sorted((ROOT / "docs/assets/tbt/widgets").glob("*.css")):
        literal = re.findall(r"#[0-9a-fA-F]{3,8}\b", sheet.read_text())
        assert not literal, f"{sheet.name}: colours as literals {literal}; use tbt.css's variables"


def test_the_build_ships_exactly_the_data_files_widgets_declare():
    """Each widget declares the data files it reads, once, in Python (FILES or files(state)); the
    build writes every one of them from one map (site_build/data_files.py), and nothing else."""
    import itertools

    from site_build.data_files import sources
    from widgets import _data
    from widgets._params import Choice, clean
    declared = set()
    for name in widgets.names():
        module = importlib.import_module(f"widgets.{widgets.module_name(name)}")
        choices = {k: p.choices for k, p in module.PARAMS.items() if isinstance(p, Choice)}
        for values in itertools.product(*choices.values()):
            state = clean(module.PARAMS, dict(zip(choices, values)))
            declared.update(_data.needed(module, state))
    assert declared == set(sources())
    shipped = {p.relative_to(GENERATED / "data").as_posix() for p in (GENERATED / "data").rglob("*")
               if p.is_file()}
    assert shipped == declared
    for view in (ROOT / "docs/assets/tbt/widgets").glob("*.js"):
        assert "export function files" not in view.read_text(), f"{view.name} lists its own files"


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


def test_rl_lab_headline_is_the_late_average_not_the_best_check():
    """Issue 22: the GRPO headline is the last quarter's average (with its range), not one check."""
    f = all_facts()
    pct = lambda k: int(f[k].rstrip("%"))  # noqa: E731
    assert pct("rl.lab.late_low") <= pct("rl.lab.late_mean") <= pct("rl.lab.late_high")
    assert int(f["rl.lab.gain"].replace("−", "-")) == pct("rl.lab.late_mean") - pct("rl.lab.before")
    assert int(f["rl.lab.inner"]) >= 2          # several steps per batch, so PPO's clip acts


def test_post_train_shows_a_real_miss_of_the_fine_tuned_model():
    """The reply the chapter prints is the fine-tuned model's own greedy answer (computed by running
    it), and it is still wrong: the world's answer is not in it."""
    f = all_facts()
    assert f["post-train.lab.rabbit_truth"] not in f["post-train.lab.rabbit_reply"].lower()
    assert int(f["post-train.lab.rabbit_seen"]) > 0

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


def test_chapters_open_with_an_in_brief_box():
    """Issue 22: every chapter opens, right after its title and before its first section, with an
    "In brief" box of three to five plain points."""
    from site_build import readability
    from site_build.facts import reading
    for page in reading.nav_chapters():
        lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines[1:] if ln.strip()]
        assert body[0] == '!!! abstract "In brief"', f"{page} does not open with In brief"
        assert lines.index(body[0]) < next(i for i, ln in enumerate(lines) if ln.startswith("## ")), page
        n = len(readability.prose(reading.brief(page)).splitlines())
        assert 3 <= n <= 5, f"{page}: In brief has {n} items"
