"""Agent steps, used as a reader would: stretch the task, then add a checker."""
from tests.conftest import wait_ready


def set_slider(page, selector, value):
    page.eval_on_selector(selector, """(el, v) => { el.value = v;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""", str(value))


def stat(root, cls):
    return root.locator(f"dd.{cls}").inner_text()


def test_more_steps_lower_success_and_a_checker_buys_it_back(page, base_url):
    page.goto(base_url + "using/")
    root = wait_ready(page, "agent-steps")
    assert stat(root, "tbt-agent-bare") == "60%"                    # 0.95 ** 10
    assert root.locator(".tbt-chart-line.tbt-c-green").count() == 0   # no checker yet

    set_slider(page, "#widget-agent-steps-ag_steps", 100)
    page.wait_for_function("() => document.querySelector('#widget-agent-steps dd.tbt-agent-bare').textContent === '0.6%'")

    set_slider(page, "#widget-agent-steps-ag_catch", 0.8)
    page.wait_for_function("() => document.querySelector('#widget-agent-steps dd.tbt-agent-checked').textContent === '30%'")
    assert root.locator(".tbt-chart-line.tbt-c-green").count() == 1
    assert "stop openly" in root.locator(".tbt-note").inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).get('ag_catch') === '0.8'")


def test_keyboard_and_link_state(page, base_url):
    page.goto(base_url + "using/?ag_p=0.9&ag_steps=5")
    root = wait_ready(page, "agent-steps")
    assert stat(root, "tbt-agent-bare") == "59%"                    # 0.9 ** 5 = 0.59049
    page.focus("#widget-agent-steps-ag_steps")
    page.keyboard.press("ArrowRight")                               # 6 steps: 0.9 ** 6 = 0.531
    page.wait_for_function("() => document.querySelector('#widget-agent-steps dd.tbt-agent-bare').textContent === '53%'")
