"""The chat template, used as a reader would."""
from tests.conftest import wait_ready


def test_stream_shows_special_tokens_and_switches_conversation(page, base_url):
    page.goto(base_url + "post-train/")
    root = wait_ready(page, "chat-template")
    chips = root.locator("ol.tbt-chips li")
    assert chips.count() == 35
    assert root.locator("li.tbt-chip.is-special").first.inner_text().startswith("<|im_start|>")
    assert "35 tokens" in root.locator(".tbt-note").inner_text()
    # Keyboard: pick another conversation with the select.
    page.focus("#widget-chat-template-chat_example")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.querySelectorAll('#widget-chat-template ol.tbt-chips li').length === 59")
    assert "know" in root.locator(".tbt-bubble.is-assistant").inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).get('chat_example') === 'unsure'")


def test_raw_toggle_shows_the_text_with_markers(page, base_url):
    page.goto(base_url + "post-train/")
    root = wait_ready(page, "chat-template")
    page.focus("#widget-chat-template-chat_raw")
    page.keyboard.press("Space")
    page.wait_for_selector("#widget-chat-template pre.tbt-chat-raw")
    raw = root.locator("pre.tbt-chat-raw").inner_text()
    assert "<|im_start|>assistant\nThe capital of France is Paris.<|im_end|>" in raw
