"""The Chinchilla widget: more budget moves the best size down and right; keyboard and toggles."""
from tests.conftest import wait_ready

ROOT = "#widget-chinchilla"
SLIDER = "#widget-chinchilla-chin_log_c"


def best(page):
    return page.eval_on_selector(f"{ROOT} circle.tbt-chin-best-dot", "c => [+c.getAttribute('cx'), +c.getAttribute('cy')]")


def test_bigger_budget_moves_the_optimum_down_and_right(page, base_url):
    page.goto(base_url + "pretrain/")
    page.locator('[data-widget="chinchilla"]').scroll_into_view_if_needed()
    root = wait_ready(page, "chinchilla")
    assert root.locator("rect.model").count() == 1 and root.locator("circle.model").count() == 1
    assert "67B parameters" in root.locator(".tbt-chin-best").inner_text()
    x0, y0 = best(page)
    page.eval_on_selector(SLIDER, """el => { el.value = 25;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.wait_for_function(f"() => document.querySelector('{ROOT} .tbt-chin-best').textContent.includes('10²⁵')")
    x1, y1 = best(page)
    assert x1 > x0 and y1 > y0           # right (bigger model) and lower on the chart (less loss)
    assert "310B parameters" in root.locator(".tbt-chin-best").inner_text()
    root.get_by_role("button", name="Set the budget to Gopher's").click()
    page.wait_for_function(f"() => document.querySelector('{SLIDER}').value === '23.7'")
    assert best(page) == [x0, y0]


def test_keyboard_budget_and_toggles(page, base_url):
    page.goto(base_url + "pretrain/")
    page.locator('[data-widget="chinchilla"]').scroll_into_view_if_needed()
    root = wait_ready(page, "chinchilla")
    x0, _ = best(page)
    page.focus(SLIDER)
    for _ in range(20):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"() => document.querySelector('{SLIDER}').value === '22.7'")
    page.wait_for_function(f"x => +document.querySelector('{ROOT} circle.tbt-chin-best-dot').getAttribute('cx') < x", arg=x0)
    page.focus(f"{ROOT}-chin_gopher")
    page.keyboard.press("Space")
    page.wait_for_function(f"() => document.querySelectorAll('{ROOT} rect.model').length === 0")
    assert "Gopher" not in root.locator(".tbt-chin-models").inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).get('chin_gopher') === '0'")
