"""The advantage widget, used as a reader would."""
from tests.conftest import wait_ready


def verdicts(root):
    return root.locator("li.tbt-adv-row").evaluate_all("rows => rows.map(r => r.dataset.verdict)")


def test_dragging_the_baseline_flips_signs_and_snap_goes_to_the_mean(page, base_url):
    page.goto(base_url + "rl/")
    root = wait_ready(page, "advantage")
    assert verdicts(root) == ["reinforce"] * 3 + ["suppress"] * 3
    page.eval_on_selector("#widget-advantage-adv_baseline", """el => { el.value = 9;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.wait_for_function("() => document.querySelectorAll('#widget-advantage [data-verdict=reinforce]').length === 1")
    assert verdicts(root)[1:3] == ["suppress", "suppress"]
    root.get_by_role("button", name="Snap baseline to the group mean (GRPO)").click()
    page.wait_for_function("() => document.querySelector('#widget-advantage .tbt-note').textContent.includes('add up to zero')")
    assert verdicts(root) == ["reinforce"] * 3 + ["suppress"] * 3
    assert page.locator("#widget-advantage-adv_baseline").input_value() == "5"


def test_keyboard_moves_the_baseline(page, base_url):
    page.goto(base_url + "rl/")
    root = wait_ready(page, "advantage")
    page.focus("#widget-advantage-adv_baseline")
    for _ in range(11):                      # 6.0 -> 7.1: the hedged answer (R 7) flips
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelectorAll('#widget-advantage [data-verdict=reinforce]').length === 2")
    assert verdicts(root)[2] == "suppress"
