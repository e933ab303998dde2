"""The temperature dial, used as a reader would, in real Chromium against the built site."""
from tests.conftest import wait_failed, wait_ready


def bar_values(root):
    return [float(t.rstrip("%")) for t in root.locator(".tbt-bar-value").all_inner_texts()]


def set_slider(page, selector, value):
    page.eval_on_selector(selector, """(el, v) => { el.value = v;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""", str(value))


def test_slider_sharpens_and_flattens_the_bars(page, base_url):
    page.goto(base_url + "inference/")
    root = wait_ready(page, "temperature")
    default = bar_values(root)
    assert default[0] == max(default) and abs(sum(default) - 100) < 0.5

    set_slider(page, "#widget-temperature-temperature", 1.8)
    page.wait_for_function("() => document.querySelector('#widget-temperature .tbt-bar-value').textContent !== %r"
                           % f"{default[0]:.1f}%")
    hot = bar_values(root)
    assert hot[0] < default[0] and hot[-1] > default[-1]          # flatter

    set_slider(page, "#widget-temperature-temperature", 0)
    page.wait_for_function("() => document.querySelector('#widget-temperature .tbt-bar-value').textContent === '100.0%'")
    assert bar_values(root)[1:] == [0.0] * (len(default) - 1)      # greedy
    assert "greedy" in root.locator(".tbt-note").inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).get('temperature') === '0'")


def test_keyboard_moves_the_temperature(page, base_url):
    page.goto(base_url + "inference/")
    root = wait_ready(page, "temperature")
    before = bar_values(root)[0]
    page.focus("#widget-temperature-temperature")
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("v => parseFloat(document.querySelector('#widget-temperature .tbt-bar-value').textContent) < v",
                           arg=before)
    assert page.locator("#widget-temperature-temperature").input_value() == "1.1"


def test_top_k_cuts_candidates(page, base_url):
    page.goto(base_url + "inference/?top_k=2")
    root = wait_ready(page, "temperature")
    assert root.locator(".tbt-bar.is-dim").count() == 8
    values = bar_values(root)
    assert abs(values[0] + values[1] - 100) < 0.2


def test_sample_draws_a_repeatable_token(new_page, base_url):
    page = new_page()
    page.goto(base_url + "inference/")
    root = wait_ready(page, "temperature")
    root.get_by_role("button", name="Sample a token").click()
    page.wait_for_selector("#widget-temperature .tbt-bar.is-marked")
    picked = root.locator(".tbt-blank").inner_text()
    assert picked != "___"
    page.wait_for_function("() => new URLSearchParams(location.search).get('seed') === '1'")
    # The same link, opened afresh, shows the same draw.
    again = new_page()
    again.goto(page.url)
    root = wait_ready(again, "temperature")
    assert root.locator(".tbt-blank").inner_text() == picked


def test_figure_teaches_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "inference/")
    figure = page.locator('[data-widget="temperature"] .tbt-figure')
    assert figure.is_visible()
    assert figure.locator("svg").is_visible()
    assert "Illustrative" in figure.locator("figcaption").inner_text()
    assert "sunny" in figure.locator("svg").inner_html()


def test_blocked_wasm_keeps_the_figure_and_offers_a_retry(new_page, base_url, watch, block):
    watch.allow_errors = True                # the failed download itself is logged by Chromium
    page = new_page()
    block("pyodide.asm.wasm")
    page.goto(base_url + "inference/")
    root = wait_failed(page, "temperature")
    alert = root.get_by_role("alert")
    assert "static picture" in alert.inner_text()
    assert not [e for e in watch.errors if e.startswith("uncaught")]
    from tests.conftest import BLOCKED
    BLOCKED.discard("pyodide.asm.wasm")
    alert.get_by_role("button", name="Try again").click()
    wait_ready(page, "temperature")
    assert not root.locator(".tbt-figure").is_visible()


def test_instant_navigation_remounts_without_restarting_python(page, base_url):
    page.goto(base_url + "inference/")
    wait_ready(page, "temperature")
    page.evaluate("window.__marker = 'same document'; window.__tbt.engine.worker.tag = 'first'")
    page.locator(".md-nav__link", has_text="Start here").first.click()
    page.wait_for_url(base_url)
    page.locator(".md-nav__link", has_text="Inference").first.click()
    page.wait_for_url(base_url + "inference/")
    wait_ready(page, "temperature")         # no restart is checked below, not by a deadline
    assert page.evaluate("window.__marker") == "same document"     # instant navigation, no reload
    assert page.evaluate("window.__tbt.engine.worker.tag") == "first"  # the same Python worker
