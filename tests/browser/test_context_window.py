"""The context-window widget, used as a reader would: shrink the window, lose the answer."""
from tests.conftest import wait_ready
from widgets import context_window as w

VERDICT = "#widget-context-window .tbt-cw-verdict"


def set_slider(page, value):
    page.eval_on_selector("#widget-context-window-ctx_window", """(el, v) => { el.value = v;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""", str(value))


def test_shrinking_the_window_loses_the_early_facts_and_the_answer(page, base_url):
    page.goto(base_url + "tokenize/")
    page.locator('[data-widget="context-window"]').scroll_into_view_if_needed()
    root = wait_ready(page, "context-window")
    assert root.locator(".tbt-cw-verdict").inner_text().startswith(f"{len(w.FACTS)} of {len(w.FACTS)} facts")
    assert "Answerable" in root.locator(".tbt-cw-verdict").inner_text()
    assert root.locator(".tbt-cw-tok.is-out").count() == 0

    set_slider(page, w.min_window() - 1)        # one token of the first fact falls out
    page.wait_for_function(f"() => document.querySelector({VERDICT!r}).textContent.includes('Not answerable')")
    assert root.locator(".tbt-cw-tok.is-out").count() == w.N_TOKENS - (w.min_window() - 1)
    assert root.locator(".tbt-cw-tok").first.get_attribute("class").count("is-out") == 1
    first_fact = root.locator(".tbt-cw-fact").first
    assert "partly cut off" in first_fact.inner_text()
    assert w.FACTS[0][0] in root.locator(".tbt-cw-verdict").inner_text()
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('ctx_window') === '{w.min_window() - 1}'")

    set_slider(page, w.min_window())
    page.wait_for_function(f"() => document.querySelector({VERDICT!r}).textContent.includes('Answerable')")


def test_keyboard_moves_the_window(page, base_url):
    page.goto(base_url + "tokenize/")
    page.locator('[data-widget="context-window"]').scroll_into_view_if_needed()
    root = wait_ready(page, "context-window")
    page.focus("#widget-context-window-ctx_window")
    page.keyboard.press("Home")
    page.wait_for_function(f"() => document.querySelector({VERDICT!r}).textContent.includes('even the question')")
    assert root.locator(".tbt-cw-tok:not(.is-out)").count() == 1
    page.keyboard.press("End")
    page.wait_for_function(f"() => document.querySelector({VERDICT!r}).textContent.includes('Answerable')")
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelectorAll('#widget-context-window .tbt-cw-tok.is-out').length === 3")
    assert "Not answerable" in root.locator(".tbt-cw-verdict").inner_text()
