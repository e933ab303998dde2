"""The attention-cost widget: drag N, watch the square law; never a huge page."""
from tests.conftest import wait_ready

SLIDER = "#widget-attention-cost-cost_n"


def text(root, cls):
    return root.locator(cls).inner_text()


def test_dragging_to_the_far_end_shows_ten_billion_pairs_without_a_huge_page(page, base_url):
    page.goto(base_url + "attention/")
    page.locator('[data-widget="attention-cost"]').scroll_into_view_if_needed()
    root = wait_ready(page, "attention-cost")
    assert text(root, ".tbt-cost-pairs") == "256"                     # default N = 16
    page.eval_on_selector(SLIDER, """el => { el.value = el.max;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.wait_for_function("() => document.querySelector('#widget-attention-cost .tbt-cost-pairs').textContent === '10,000,000,000'")
    assert text(root, ".tbt-cost-causal") == "5,000,050,000"
    assert text(root, ".tbt-cost-ratio") == "4× the work"
    assert "stands for a block" in text(root, ".tbt-cost-gridnote")
    assert root.locator("*").count() < 300                            # no N² DOM nodes
    page.wait_for_function("() => new URLSearchParams(location.search).get('cost_n') === '100000'")


def test_keyboard_and_presets(page, base_url):
    page.goto(base_url + "attention/?cost_n=1000")
    page.locator('[data-widget="attention-cost"]').scroll_into_view_if_needed()
    root = wait_ready(page, "attention-cost")
    assert text(root, ".tbt-cost-pairs") == "1,000,000"
    assert text(root, ".tbt-cost-causal") == "500,500"
    page.focus(SLIDER)
    page.keyboard.press("Home")
    page.wait_for_function("() => document.querySelector('#widget-attention-cost .tbt-cost-n').textContent === '2'")
    assert text(root, ".tbt-cost-pairs") == "4" and text(root, ".tbt-cost-causal") == "3"
    assert "2 × 2 = 4 cells" in text(root, ".tbt-cost-gridnote")
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => +document.querySelector('#widget-attention-cost .tbt-cost-n').textContent > 2")
    root.get_by_role("button", name="N = 16").click()
    page.wait_for_function("() => document.querySelector('#widget-attention-cost .tbt-cost-pairs').textContent === '256'")
    assert page.locator(SLIDER + " + output").inner_text() == "16 tokens"
