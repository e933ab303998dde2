"""The embedding map, used as a reader would: pick an analogy, see where the arrow lands."""
from tests.conftest import wait_ready
from widgets import embedding_map as w

RESULT = "#widget-embedding-map .tbt-emb-result"


def result_word(root):
    return root.locator('.tbt-emb-word[data-role="result"] text').text_content()


def test_choosing_an_analogy_moves_the_arrow_to_the_computed_word(page, base_url):
    page.goto(base_url + "embed/")
    page.locator('[data-widget="embedding-map"]').scroll_into_view_if_needed()
    root = wait_ready(page, "embedding-map")
    assert result_word(root) == "queen"
    assert "king − man + woman lands nearest “queen”" in root.locator(".tbt-emb-result").text_content()
    line = root.locator("line.tbt-emb-carry")
    before = line.get_attribute("x2")

    page.select_option("#widget-embedding-map-emb_analogy", "Paris-France+Italy")
    page.wait_for_function(f"() => document.querySelector({RESULT!r}).textContent.includes('Rome')")
    assert result_word(root) == "Rome"
    assert line.get_attribute("x2") != before
    roles = {r: root.locator(f'.tbt-emb-word[data-role="{r}"] text').text_content()
             for r in ("start", "minus", "plus")}
    assert roles == {"start": "Paris", "minus": "France", "plus": "Italy"}
    assert len(root.locator(".tbt-emb-word").all()) == len(w.WORDS)
    page.wait_for_function("() => new URLSearchParams(location.search).get('emb_analogy') === 'Paris-France+Italy'")


def test_keyboard_changes_the_analogy_and_the_result_is_announced(page, base_url):
    page.goto(base_url + "embed/?emb_analogy=puppy-dog%2Bcat")
    page.locator('[data-widget="embedding-map"]').scroll_into_view_if_needed()
    root = wait_ready(page, "embedding-map")
    assert result_word(root) == "kitten"
    assert root.locator(".tbt-emb-result").get_attribute("aria-live") == "polite"
    page.focus("#widget-embedding-map-emb_analogy")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"() => document.querySelector({RESULT!r}).textContent.includes('foal')")
    assert result_word(root) == "puppy"
