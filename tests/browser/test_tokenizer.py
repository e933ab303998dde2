"""The tokenizer, used as a reader would: type text, read the chips, switch encodings, use the
keyboard. The expected IDs come from the real tiktoken."""
import json

import pytest

from site_build.tokenizer_data import tiktoken_encoding
from tests.conftest import wait_ready

BOX = "#widget-tokenizer-text"
COUNTS = "#widget-tokenizer .tbt-tok-counts"


def expected(text, encoding="cl100k_base"):
    return tiktoken_encoding(encoding).encode(text, disallowed_special=())


def chip_ids(page):
    return [int(t.split()[-1]) for t in page.locator("#widget-tokenizer .tbt-tok-id").all_text_contents()]


def type_text(page, text, encoding="cl100k_base"):
    page.fill(BOX, text)
    want = f"{len(expected(text, encoding))} tokens ({encoding})"
    page.wait_for_function("([sel, want]) => document.querySelector(sel).textContent.includes(want)",
                           arg=[COUNTS, want])


def open_widget(page, base_url, query=""):
    page.goto(base_url + "tokenize/" + query)
    page.locator('[data-widget="tokenizer"]').scroll_into_view_if_needed()
    return wait_ready(page, "tokenizer", timeout=60_000)


def test_default_question_and_typed_text_give_tiktokens_ids(page, base_url):
    root = open_widget(page, base_url)
    assert chip_ids(page) == expected("How many r's are in strawberry?")
    for text in ["Tokenization, naïvely: 12345 + 2024 = ?",
                 "Straw 🍓 and 東京 and 서울 and मेरी दादी",
                 "<|endoftext|> is typed here as plain text",
                 "  two spaces\n\nand\ttabs "]:
        type_text(page, text)
        assert chip_ids(page) == expected(text), text
    assert "characters" in root.locator(".tbt-tok-counts").inner_text()


def test_switching_encoding_changes_the_ids(page, base_url):
    open_widget(page, base_url)
    text = "How many r's are in strawberry?"
    cl100k = chip_ids(page)
    page.select_option("#widget-tokenizer-encoding", "gpt2")
    page.wait_for_function("() => document.querySelector(%s).textContent.includes('(gpt2)')"
                           % json.dumps(COUNTS))
    assert chip_ids(page) == expected(text, "gpt2") != cl100k
    page.wait_for_function("() => new URLSearchParams(location.search).get('encoding') === 'gpt2'")
    page.select_option("#widget-tokenizer-encoding", "o200k_base")
    page.wait_for_function("() => document.querySelector(%s).textContent.includes('(o200k_base)')"
                           % json.dumps(COUNTS))
    assert chip_ids(page) == expected(text, "o200k_base")


def test_typed_markup_is_shown_as_text(page, base_url):
    root = open_widget(page, base_url)
    text = "<script>window.__pwned = 1</script><b>hi</b><img src=x onerror=alert(1)>"
    type_text(page, text)
    chips = root.locator(".tbt-tok-chips")
    assert chips.locator("script, b, img").count() == 0
    assert "".join(chips.locator(".tbt-tok-text").all_text_contents()) == text
    assert page.evaluate("window.__pwned") is None


def test_keyboard_reaches_the_chips_and_reveals_ids(page, base_url):
    root = open_widget(page, base_url)
    ids = expected("How many r's are in strawberry?")
    page.focus("#widget-tokenizer-show_ws")
    page.keyboard.press("Space")                          # show spaces, from the keyboard
    page.wait_for_function("() => document.querySelector('#widget-tokenizer .tbt-tok-text:nth-child(1)') && "
                           "[...document.querySelectorAll('#widget-tokenizer .tbt-tok-text')].some(e => e.textContent.includes('·'))")
    page.keyboard.press("Tab")                            # into the chips
    focused = page.evaluate("document.activeElement.className")
    assert "tbt-tok-chip" in focused
    details = root.locator(".tbt-tok-details")
    assert f"ID {ids[0]}" in details.inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert f"ID {ids[2]}" in details.inner_text()
    assert details.get_attribute("aria-live") == "polite"
    page.keyboard.press("End")
    assert f"ID {ids[-1]}" in details.inner_text()
