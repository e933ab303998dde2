"""pass@k, used as a reader would: more attempts, and how the wrong answers spread."""
from tests.conftest import wait_ready


def set_slider(page, selector, value):
    page.eval_on_selector(selector, """(el, v) => { el.value = v;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""", str(value))


def stat(root, cls):
    return root.locator(f"dd.{cls}").inner_text()


def test_pass_at_k_climbs_while_the_vote_depends_on_the_rivals(page, base_url):
    page.goto(base_url + "using/")
    root = wait_ready(page, "pass-at-k")
    assert stat(root, "tbt-pk-pass1") == "40.0%"
    assert stat(root, "tbt-pk-passk") == "99.4%"
    assert stat(root, "tbt-pk-vote") == "49.8%"

    root.get_by_label("How the wrong answers spread").select_option("one")
    page.wait_for_function("() => document.querySelector('#widget-pass-at-k dd.tbt-pk-vote').textContent === '26.7%'")
    assert "surer of the wrong answer" in root.locator(".tbt-note").inner_text()

    set_slider(page, "#widget-pass-at-k-pk_k", 1)
    page.wait_for_function("() => document.querySelector('#widget-pass-at-k dd.tbt-pk-passk').textContent === '40.0%'")
    assert stat(root, "tbt-pk-vote") == "40.0%"                      # one attempt: all three agree
    page.wait_for_function("() => new URLSearchParams(location.search).get('pk_rivals') === 'one'")


def test_keyboard_moves_the_rate(page, base_url):
    page.goto(base_url + "using/?pk_k=2")
    root = wait_ready(page, "pass-at-k")
    assert stat(root, "tbt-pk-passk") == "64.0%"                     # 1 - 0.6 ** 2
    page.focus("#widget-pass-at-k-pk_p")
    for _ in range(10):
        page.keyboard.press("ArrowRight")                            # 0.5: 1 - 0.5 ** 2
    page.wait_for_function("() => document.querySelector('#widget-pass-at-k dd.tbt-pk-passk').textContent === '75.0%'")
