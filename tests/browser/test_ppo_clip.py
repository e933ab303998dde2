"""PPO's clip, used as a reader would."""
from tests.conftest import wait_ready


def test_pushing_past_the_clip_goes_flat_and_the_sign_flips_the_side(page, base_url):
    page.goto(base_url + "rl/")
    root = wait_ready(page, "ppo-clip")
    note = root.locator(".tbt-note")
    assert note.get_attribute("data-zone") == "start"
    page.focus("#widget-ppo-clip-ppo_ratio")
    for _ in range(30):                         # r 1.00 -> 1.30, past the 1.2 cap
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#widget-ppo-clip .tbt-note').dataset.zone === 'flat'")
    assert "gone flat" in note.inner_text()
    assert root.locator("circle.tbt-chart-dot.is-flat").count() == 1
    page.select_option("#widget-ppo-clip-ppo_sign", "negative")
    page.wait_for_function("() => document.querySelector('#widget-ppo-clip .tbt-note').dataset.zone === 'away'")
    page.eval_on_selector("#widget-ppo-clip-ppo_ratio", """el => { el.value = 0.5;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.wait_for_function("() => document.querySelector('#widget-ppo-clip .tbt-note').dataset.zone === 'flat'")
    assert "−0.80" in note.inner_text() or "-0.80" in note.inner_text()
