"""Attention in the lab model, used as a reader would, in real Chromium against the built site."""
from tests.conftest import static_figure, wait_ready


ROOT = '[data-widget="lab-attention"]'


def test_typing_changes_the_tokens_and_the_map(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-attention", slow=True)
    tokens = root.locator(".tbt-lab-tok").count()
    cells = root.locator(".tbt-lab-cell").count()
    assert cells == tokens * (tokens + 1) // 2            # causal: a triangle, nothing above it
    root.locator("textarea").fill("Mira had two apples.")
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel + ' .tbt-lab-tok').length !== n",
                           arg=[ROOT, tokens])
    n = root.locator(".tbt-lab-tok").count()
    assert root.locator(".tbt-lab-cell").count() == n * (n + 1) // 2
    heads = root.locator(".tbt-lab-head")
    assert heads.count() >= 2 and all(t.strip() for t in root.locator(".tbt-lab-head-sum").all_inner_texts())


def test_pick_a_head_and_point_at_a_token(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-attention", slow=True)
    last = root.locator(".tbt-lab-head").last
    last.click()
    page.wait_for_function("s => [...document.querySelectorAll(s + ' .tbt-lab-head')].at(-1).getAttribute('aria-pressed') === 'true'",
                           arg=ROOT)
    page.wait_for_function("() => new URLSearchParams(location.search).has('lab_layer')")
    note = root.locator(".tbt-lab-attn-note")
    second = root.locator(".tbt-lab-tok").nth(1)
    second.hover()
    page.wait_for_function("s => document.querySelector(s + ' .tbt-lab-attn-note').textContent.includes('(preview)')", arg=ROOT)
    assert "token 2" in note.inner_text()
    assert root.locator(".tbt-lab-tok.is-future").count() == root.locator(".tbt-lab-tok").count() - 2
    second.click()                                    # tap or click locks it, in the URL too
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_tok') === '1'")
    second.focus()
    page.keyboard.press("ArrowRight")
    assert "token 3" in note.inner_text()


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "lab/", ROOT)
    assert "L1 H1" in figure.locator("svg").inner_html()
