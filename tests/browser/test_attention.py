"""The attention widget, used as a reader would: keyboard, hover, tap, shared links."""
from tests.conftest import wait_ready

WORD = "#widget-attention .tbt-attn-word"


def words(root):
    return root.locator(".tbt-attn-word")


def test_keyboard_moves_previews_and_locks(page, base_url):
    page.goto(base_url + "attention/")
    root = wait_ready(page, "attention")
    it = words(root).nth(7)
    assert it.get_attribute("aria-pressed") == "true"                # "it" is locked by default
    assert words(root).nth(1).locator(".tbt-attn-weight").inner_text() == "65%"
    assert root.locator(".tbt-attn-word.is-future").count() == 3     # was, too, tired are masked
    assert root.locator(".tbt-attn-cell.is-masked").count() == 11 * 10 // 2

    it.focus()
    assert page.evaluate("document.activeElement.textContent").startswith("it")
    page.keyboard.press("ArrowRight")                                  # preview "was"
    assert page.evaluate("document.activeElement.textContent").startswith("was")
    page.wait_for_function("() => document.querySelectorAll('%s.is-future').length === 2" % WORD)
    assert "preview" in root.locator(".tbt-note").inner_text()
    page.keyboard.press("Enter")                                       # lock "was"
    page.wait_for_function("() => new URLSearchParams(location.search).get('attn_word') === '8'")
    page.wait_for_function("() => document.querySelectorAll('%s')[8].getAttribute('aria-pressed') === 'true'" % WORD)
    assert words(root).nth(8).get_attribute("tabindex") == "0"        # roving tabindex follows
    assert "locked" in root.locator(".tbt-note").inner_text()
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.textContent").startswith("The")
    page.wait_for_function("() => document.querySelectorAll('%s.is-future').length === 10" % WORD)


def test_hover_previews_and_tap_locks_a_shareable_state(new_page, base_url):
    page = new_page()
    page.goto(base_url + "attention/")
    root = wait_ready(page, "attention")
    words(root).nth(10).hover()                                        # "tired" sees everything
    page.wait_for_function("() => document.querySelectorAll('%s.is-future').length === 0" % WORD)
    assert "“tired” (preview)" in root.locator(".tbt-note").inner_text()
    page.mouse.move(0, 0)                                              # leaving restores the lock
    page.wait_for_function("() => document.querySelectorAll('%s.is-future').length === 3" % WORD)
    words(root).nth(0).click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('attn_word') === '0'")
    assert words(root).nth(0).locator(".tbt-attn-weight").inner_text() == "100%"
    shared = new_page()                                                # the link, opened afresh
    shared.goto(page.url)
    root = wait_ready(shared, "attention")
    assert words(root).nth(0).get_attribute("aria-pressed") == "true"
    assert root.locator(".tbt-attn-word.is-future").count() == 10
