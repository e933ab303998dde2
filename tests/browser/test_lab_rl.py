"""RL replay (lab-rl) and the real modes of the advantage and kl-leash widgets, used as a reader
would, in real Chromium on the built site."""
from tests.conftest import static_figure, wait_ready

ROOT = '[data-widget="lab-rl"]'


def test_the_step_slider_and_the_run_picker_change_the_view(page, base_url):
    page.goto(base_url + "rl/")
    root = wait_ready(page, "lab-rl", slow=True)
    status = root.locator(".tbt-lr-status")
    last = status.inner_text()
    assert root.locator(".tbt-lr-sample").count() > 0
    assert root.locator("path.tbt-chart-line").count() == 3          # reward, held-out, KL
    # Keyboard: Home goes to the first saved step.
    root.get_by_label("Saved step").focus()
    page.keyboard.press("Home")
    page.wait_for_function("() => new URLSearchParams(location.search).get('labrl_step') === '0'")
    page.wait_for_function("([sel, old]) => document.querySelector(sel + ' .tbt-lr-status').textContent !== old",
                           arg=[ROOT, last])
    assert ", step 0:" in status.inner_text()
    # A flawed-reward run: three curves on top, and the text says what was paid and what was right.
    root.get_by_label("Run").select_option(index=1)
    page.wait_for_function("() => new URLSearchParams(location.search).get('labrl_run') === '1'")
    page.wait_for_selector(f"{ROOT} .tbt-lr-status:has-text('Flawed reward')")
    assert root.locator("path.tbt-chart-line").count() == 4
    assert "only" in status.inner_text() and "right" in status.inner_text()


def test_a_shared_link_opens_the_same_run_and_step(new_page, base_url):
    page = new_page()
    page.goto(base_url + "rl/?labrl_run=2&labrl_step=0")
    root = wait_ready(page, "lab-rl", slow=True)
    assert root.get_by_label("Run").input_value() == "2"
    assert root.get_by_label("Saved step").input_value() == "0"
    assert ", step 0:" in root.locator(".tbt-lr-status").inner_text()


def test_advantage_real_mode_shows_a_real_group(page, base_url):
    page.goto(base_url + "rl/")
    root = wait_ready(page, "advantage", slow=True)
    assert root.locator("li.tbt-adv-row").count() == 6            # the hand-set default
    root.get_by_label("Answers").select_option("real")
    page.wait_for_function("() => new URLSearchParams(location.search).get('adv_mode') === 'real'")
    page.wait_for_selector("#widget-advantage .tbt-note:has-text('(reward − mean)')")
    verdicts = root.locator("li.tbt-adv-row").evaluate_all("rows => rows.map(r => r.dataset.verdict)")
    assert len(verdicts) >= 4 and set(verdicts) == {"reinforce", "suppress"}
    assert not root.get_by_label("Baseline (the score you expected)").is_visible()
    root.get_by_label("Answers").select_option("hand")
    page.wait_for_function("() => document.querySelectorAll('#widget-advantage li.tbt-adv-row').length === 6")
    assert root.get_by_label("Baseline (the score you expected)").is_visible()


def test_kl_leash_real_runs_view(page, base_url):
    page.goto(base_url + "rl/?kl_view=real")
    root = wait_ready(page, "kl-leash", slow=True)
    table = root.locator("table.tbt-kl-real")
    page.wait_for_selector('[data-widget="kl-leash"] table.tbt-kl-real tbody tr')
    assert table.locator("tbody tr").count() >= 3 and "β = 0" in table.inner_text()
    assert not root.locator(".tbt-kl-toy").is_visible()
    root.get_by_label("View").select_option("toy")
    # The view redraws when Python answers, which may come after the address changes: wait for it.
    root.locator(".tbt-kl-toy").wait_for(state="visible")
    table.wait_for(state="hidden")
    page.wait_for_function("() => new URLSearchParams(location.search).get('kl_view') !== 'real'")


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "rl/", ROOT)
    assert "not illustrative" in figure.locator("figcaption").inner_text()
    assert "held-out accuracy" in figure.locator("svg").get_attribute("aria-label")
