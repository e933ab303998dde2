"""Retrieval, used as a reader would: ask, shrink the budget, type something hostile."""
from tests.conftest import wait_ready
from widgets import retrieval


def set_slider(page, selector, value):
    page.eval_on_selector(selector, """(el, v) => { el.value = v;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""", str(value))


def test_shrinking_the_budget_cuts_the_passage_that_answers(page, base_url):
    page.goto(base_url + "using/")
    root = wait_ready(page, "retrieval")
    assert root.locator("li.tbt-ret-row").first.locator(".tbt-ret-title").inner_text() == "Library opening hours"
    assert root.locator(".tbt-ret-verdict").get_attribute("data-verdict") == "found"
    expected = retrieval.view({})                       # the same Python, run by CPython
    assert f"Prompt: {expected['prompt_tokens']} of 250 tokens" in root.locator(".tbt-ret-meter-text").inner_text()

    root.get_by_role("button", name="Where can I leave my car all day?").click()
    page.wait_for_function("() => document.querySelector('#widget-retrieval .tbt-ret-prompt').textContent.includes('Visitor parking')")
    set_slider(page, "#widget-retrieval-ret_budget", 150)
    page.wait_for_function("() => document.querySelector('#widget-retrieval .tbt-ret-verdict').dataset.verdict === 'cut'")
    assert "ranked #3" in root.locator(".tbt-ret-verdict").inner_text()
    assert "Visitor parking" not in root.locator(".tbt-ret-prompt").inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).get('ret_budget') === '150'")


def test_typed_text_stays_text(page, base_url):
    page.goto(base_url + "using/")
    root = wait_ready(page, "retrieval")
    box = root.get_by_label("Your question")
    box.fill("<b>swim</b> on Saturday?")
    page.wait_for_function("() => document.querySelector('#widget-retrieval .tbt-ret-verdict').dataset.verdict === 'open'")
    assert root.locator(".tbt-ret-prompt b").count() == 0
    assert "Question: <b>swim</b> on Saturday?" in root.locator(".tbt-ret-prompt").inner_text()
    assert root.locator("li.tbt-ret-row").first.locator(".tbt-ret-title").inner_text() == "Swimming pool"
