"""Issue-6 behaviour across the whole site: shared links, copy link, presenter view, print,
phones, accessibility audit, and reading with JavaScript off."""
import pytest

from site_build import npm
from site_build.addresses import found
from tests.conftest import wait_failed, wait_ready


def pages(site_dir):
    return [a for a in found(site_dir) if "#" not in a]


def test_shared_link_restores_state(page, base_url):
    page.goto(base_url + "inference/?temperature=1.5&top_k=3#widget-temperature")
    root = wait_ready(page, "temperature")
    assert page.locator("#widget-temperature-temperature").input_value() == "1.5"
    assert root.locator(".tbt-bar.is-dim").count() == 7


def test_shared_link_restores_state_after_instant_navigation(page, base_url):
    page.goto(base_url)
    page.evaluate("window.__marker = 1")
    # An internal link with a state, followed with instant navigation (no reload).
    page.evaluate("""() => { const a = document.createElement('a');
        a.href = 'inference/?temperature=0.3'; a.textContent = 'go'; a.id = 'go';
        document.querySelector('.md-content').append(a); }""")
    page.click("#go")
    wait_ready(page, "temperature")
    assert page.evaluate("window.__marker") == 1
    assert page.locator("#widget-temperature-temperature").input_value() == "0.3"


def test_a_late_section_anchor_does_not_land_on_the_next_page(page, base_url):
    """The theme writes the heading in view into the address 250 ms after scrolling stops; a
    reader who follows a link before then must not get that heading on the next page's address
    (this is what made the instant-navigation test land on /#temperature now and then)."""
    for _ in range(3):
        page.goto(base_url + "inference/")
        wait_ready(page, "temperature")
        page.mouse.wheel(0, 300)                     # scroll, then click at once
        page.wait_for_timeout(60)
        page.locator(".md-nav__link", has_text="Start here").first.click()
        page.wait_for_url(base_url)
        page.wait_for_timeout(700)                   # well past the theme's 250 ms debounce
        assert page.url == base_url


def test_copy_link_produces_the_link_that_restores_the_view(new_page, base_url):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(base_url + "inference/")
    root = wait_ready(page, "temperature")
    page.eval_on_selector("#widget-temperature-temperature",
                          "el => { el.value = 1.25; el.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.wait_for_function("() => document.querySelector('#widget-temperature-temperature + output').textContent === '1.25'")
    root.get_by_role("button", name="Copy link to this view").click()
    page.wait_for_function("() => document.querySelector('#widget-temperature').dataset.link")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == root.get_attribute("data-link")
    assert link.endswith("inference/?temperature=1.25#widget-temperature")
    page.goto(link)
    wait_ready(page, "temperature")
    assert page.locator("#widget-temperature-temperature").input_value() == "1.25"


@pytest.mark.parametrize("query", [
    "?temperature=abc&top_k=99&top_p=-1&seed=1.5",
    "?temperature=%3Cscript%3Ealert(1)%3C/script%3E&unknown=1",
    "?temperature=1e999&top_k=&top_p=NaN",
])
def test_malformed_links_load_defaults_without_errors(page, base_url, query):
    page.goto(base_url + "inference/" + query)
    wait_ready(page, "temperature")
    assert page.locator("#widget-temperature-temperature").input_value() == "0.8"
    assert page.locator("#widget-temperature-top_k").input_value() == "0"
    assert page.locator("script", has_text="alert(1)").count() == 0


def test_presenter_view_fills_the_screen_and_escape_leaves(page, base_url):
    page.goto(base_url + "inference/")
    root = wait_ready(page, "temperature")
    root.get_by_role("button", name="Presenter view").click()
    box = root.bounding_box()
    assert box["width"] >= 1270 and box["height"] >= 890
    page.keyboard.press("Escape")
    assert "tbt-presenting" not in root.get_attribute("class")
    assert page.evaluate("document.activeElement.textContent") == "Presenter view"


def test_print_hides_navigation_and_shows_widgets(page, base_url):
    page.goto(base_url + "inference/")
    wait_ready(page, "temperature")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("#widget-temperature .tbt-bars").is_visible()       # the current state
    assert page.locator("#widget-temperature figcaption").is_visible()
    assert not page.locator("#widget-temperature .tbt-toolbar").is_visible()


def test_print_without_python_shows_the_static_figure(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "inference/")
    page.emulate_media(media="print")
    assert page.locator("#widget-temperature .tbt-figure svg").is_visible()


def test_every_page_reads_without_javascript(new_page, base_url, site_dir):
    page = new_page(java_script_enabled=False)
    for url in pages(site_dir):
        page.goto(base_url + url.removeprefix("./"))
        assert page.locator("article h1").is_visible(), url
        for figure in page.locator(".tbt-widget .tbt-figure").all():
            assert figure.is_visible(), url


def test_no_page_scrolls_sideways_on_a_phone(new_page, base_url, site_dir):
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    for url in pages(site_dir):
        page.goto(base_url + url.removeprefix("./"))
        for root in page.locator("[data-widget]").all():
            root.scroll_into_view_if_needed()
            wait_ready(page, root.get_attribute("data-widget"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{url} is {width}px wide at a 375px viewport"


def test_widget_works_by_touch_on_a_phone(new_page, base_url):
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(base_url + "inference/")
    root = wait_ready(page, "temperature")
    root.get_by_role("button", name="Sample a token").tap()
    page.wait_for_selector("#widget-temperature .tbt-bar.is-marked")


SMALL_CONTROLS = """() => [...document.querySelectorAll(
    '.tbt-widget :is(input, select, textarea, button), .tbt-offline :is(input, select, button)')]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([, r]) => r.width < 24 || r.height < 24)
  .map(([el, r]) => `${el.id || el.className || el.tagName}: ${r.width.toFixed(1)}x${r.height.toFixed(1)}px`)"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility_audit_has_no_serious_violations(new_page, base_url, site_dir, scheme, width):
    """axe (serious and critical) on every page with every widget live, at desktop and phone
    width, in both colour schemes; and every control at least 24 x 24 px (WCAG 2.2 target size)."""
    axe = npm.package_dir("axe-core") / "axe.min.js"
    phone = width < 600
    page = new_page(color_scheme=scheme, viewport={"width": width, "height": 740 if phone else 900},
                    is_mobile=phone, has_touch=phone)
    problems = []
    for url in pages(site_dir):
        page.goto(base_url + url.removeprefix("./"))
        for root in page.locator("[data-widget]").all():
            root.scroll_into_view_if_needed()
            wait_ready(page, root.get_attribute("data-widget"))
        page.add_script_tag(path=str(axe))
        result = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)""")
        problems += [f"{url}: {p}" for p in result]
        problems += [f"{url}: control smaller than 24x24 px: {c}" for c in page.evaluate(SMALL_CONTROLS)]
    assert not problems, "\n".join(problems)


def test_reduced_motion_turns_animation_off(new_page, base_url):
    page = new_page(reduced_motion="reduce")
    page.goto(base_url + "inference/")
    wait_ready(page, "temperature")
    duration = page.eval_on_selector("#widget-temperature .tbt-bar-fill",
                                     "el => getComputedStyle(el).transitionDuration")
    assert duration in ("0s", "")


def test_python_starts_only_when_a_widget_is_near(page, base_url, site_dir):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "sources/")                       # a page with no widget
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "worker.js" in u or "pyodide" in u]
    # A page whose first widget starts well below a short screen: nothing until we scroll.
    page.set_viewport_size({"width": 1280, "height": 300})
    far = None
    for url in pages(site_dir):
        page.goto(base_url + url.removeprefix("./"))
        top = page.evaluate("""() => { const w = document.querySelector('[data-widget]');
            return w ? w.getBoundingClientRect().top : -1; }""")
        if top > 300 + 400 + 200:          # viewport + the runtime's 400px margin + slack
            far = url
            break
    assert far, "expected a chapter whose first widget sits below the first screen"
    requested.clear()
    page.goto(base_url + far.removeprefix("./"))
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "worker.js" in u], f"{far}: started before a widget was near"
    name = page.locator("[data-widget]").first.get_attribute("data-widget")
    wait_ready(page, name)                                  # scrolls to it, like a reader
    assert [u for u in requested if "worker.js" in u]


def test_one_widget_failing_leaves_the_others_working(new_page, base_url, watch, block):
    watch.allow_errors = True                  # the missing file is logged by Chromium
    page = new_page()
    block("widgets/context-window.js")
    page.goto(base_url + "tokenize/")
    wait_ready(page, "tokenizer")
    broken = wait_failed(page, "context-window")
    assert "static picture" in broken.get_by_role("alert").inner_text()
    assert page.locator('[data-widget="tokenizer"]').get_attribute("data-state") == "ready"
    assert not [e for e in watch.errors if e.startswith("uncaught")]


def test_instructors_widget_links_open_the_promised_state(page, base_url):
    """Every widget link on the instructors' page carries valid settings: after the widget starts
    (and rewrites the address from its cleaned state) the settings are still there."""
    page.goto(base_url + "instructors/")
    links = page.eval_on_selector_all(
        "article a[href*='?'][href*='#widget-']", "els => els.map(a => a.href)")
    assert len(links) >= 8
    for link in links:
        query = link.split("?", 1)[1].split("#", 1)[0]
        name = link.split("#widget-", 1)[1]
        page.goto(link)
        wait_ready(page, name)
        page.wait_for_timeout(300)                        # the address bar is synced lazily
        assert page.evaluate("location.search") == "?" + query, link


def test_glossary_terms_are_marked_once_a_section_and_never_in_headings(page, base_url):
    """A term's dotted underline (tooltip, tab stop) comes at its first use in each section, not at
    every use; never in a heading, a footnote or a glossary headword."""
    for path in ("attention/", "glossary/", "sources/"):
        page.goto(base_url + path)
        page.wait_for_function("() => window.__tbt && document.querySelector('.md-typeset')")
        marks = page.evaluate("""() => {
          const out = []; let section = 0;
          for (const n of document.querySelectorAll('.md-typeset h2, .md-typeset abbr[title]')) {
            if (n.tagName === 'H2') section++;
            else out.push([section, n.title, !!n.closest('h1, h2, h3, h4, h5, h6, dt, .footnote'),
                           n.getAttribute('tabindex')]);
          }
          return out;
        }""")
        if path == "attention/":
            assert len(marks) >= 5                    # terms are still explained where they first appear
        keys = [(section, title) for section, title, _, _ in marks]
        assert len(keys) == len(set(keys)), f"{path}: a term is marked twice in one section"
        assert not [m for m in marks if m[2]], f"{path}: marked inside a heading, footnote or headword"
        assert all(m[3] == "0" for m in marks)
