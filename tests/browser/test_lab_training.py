"""Watch the lab model learn, used as a reader would, in real Chromium against the built site."""
from tests.conftest import static_figure, wait_ready


ROOT = '[data-widget="lab-training"]'


def test_slider_moves_through_the_checkpoints(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-training", slow=True)
    slider = root.locator('input[type="range"]')
    last = int(slider.get_attribute("max"))
    assert last >= 1 and slider.input_value() == str(last)
    status = root.locator(".tbt-lab-status").inner_text()
    samples = root.locator(".tbt-lab-samples").inner_text()
    slider.focus()
    page.keyboard.press("Home")
    page.wait_for_function("([s, old]) => document.querySelector(s + ' .tbt-lab-status').textContent !== old",
                           arg=[ROOT, status])
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_ckpt') === '0'")
    assert root.locator(".tbt-lab-samples").inner_text() != samples
    assert root.locator(".tbt-chart-line").count() == 2
    x0 = float(root.locator(".tbt-chart-now").get_attribute("x1"))
    page.keyboard.press("End")
    page.wait_for_function("([s, x]) => parseFloat(document.querySelector(s + ' .tbt-chart-now').getAttribute('x1')) > x",
                           arg=[ROOT, x0])


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "lab/", ROOT)
    assert "held-out" in figure.locator("figcaption").inner_text()
