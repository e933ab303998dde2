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
                           "[...document.querySelectorAll('#widget-tokenizer .tbt-tok-text')].some(e => e.textContent.includes('␣'))")
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


def test_a_failed_download_keeps_the_live_view_and_the_choice(new_page, base_url, watch, block):
    """As a new reader would: the tokenizer is open, the network goes away, they pick o200k_base.
    Python is still running, so the live view stays; a plain note says the download failed; the
    choice is kept; "Try again" (once the file can be had) shows o200k_base's tokens."""
    watch.allow_errors = True                        # Chromium logs the failed request
    page = new_page()
    root = open_widget(page, base_url)
    block("o200k_base.bin")                          # the server refuses it, like a dead network
    page.select_option("#widget-tokenizer-encoding", "o200k_base")
    alert = root.locator(".tbt-notice")
    page.wait_for_selector('#widget-tokenizer[data-download="failed"]', state="attached", timeout=10_000)
    assert root.get_attribute("data-state") == "ready"          # not "could not start"
    assert "could not download" in alert.inner_text().lower()
    assert root.locator(".tbt-tok-chip").count() > 0             # the previous result stays
    assert page.locator("#widget-tokenizer-encoding").input_value() == "o200k_base"
    page.wait_for_function("() => new URLSearchParams(location.search).get('encoding') === 'o200k_base'")
    from tests.conftest import BLOCKED
    BLOCKED.discard("o200k_base.bin")
    alert.get_by_role("button", name="Try again").click()
    page.wait_for_function("() => document.querySelector(%s).textContent.includes('(o200k_base)')"
                           % json.dumps(COUNTS))
    assert chip_ids(page) == expected("How many r's are in strawberry?", "o200k_base")
    assert root.get_attribute("data-download") is None
    assert not [e for e in watch.errors if e.startswith("uncaught")]


# 4,500 characters: under the box's limit of 5,000 UTF-16 units even with the emoji's surrogates.
LONG = ("Tokenizers split text into pieces: ünïcödé, 東京, 12345, emoji 👩‍💻! " * 80)[:4500]


def test_a_long_text_draws_what_can_be_seen_and_the_rest_on_demand(page, base_url):
    """A long paste (about 2,000 tokens) no longer draws thousands of chips in one go (that
    blocked the page for up to ~450 ms; `make bench` reports the longest task now): the first
    chips fill the box, scrolling draws more, End reaches the last token, and every ID is right."""
    open_widget(page, base_url)
    ids = expected(LONG)
    page.fill(BOX, LONG)
    page.wait_for_function("([sel, want]) => document.querySelector(sel).textContent.includes(want)",
                           arg=[COUNTS, f"{len(ids)} tokens (cl100k_base)"])
    chips = "#widget-tokenizer .tbt-tok-chips"
    drawn = page.locator(f"{chips} .tbt-tok-chip").count()
    assert 0 < drawn < len(ids)
    assert "more tokens" in page.locator(f"{chips} .tbt-tok-more").inner_text()
    page.eval_on_selector(chips, "el => { el.scrollTop = el.scrollHeight; }")
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel + ' .tbt-tok-chip').length > n",
                           arg=[chips, drawn])
    page.focus(f"{chips} .tbt-tok-chip[tabindex='0']")
    page.keyboard.press("End")
    page.wait_for_function("([sel, id]) => document.querySelector(sel).textContent.includes('ID ' + id + ' ')",
                           arg=["#widget-tokenizer .tbt-tok-details", ids[-1]])
    assert chip_ids(page) == ids
    assert page.locator(f"{chips} .tbt-tok-more").count() == 0
