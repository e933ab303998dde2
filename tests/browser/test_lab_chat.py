"""Base model or assistant (lab-chat), used as a reader would, in real Chromium on the built site."""
from tests.conftest import static_figure, wait_ready

# Two real models answer in the page: the first view needs Python, both weight files and two
# greedy replies; the machine may be busy. Allow for that.
SLOW = 120_000
ROOT = '[data-widget="lab-chat"]'


def ready(page):
    page.set_default_timeout(SLOW)
    return wait_ready(page, "lab-chat", timeout=SLOW)


def replies(page):
    return page.locator(f"{ROOT} .tbt-lc-reply").all_inner_texts()


def test_a_typed_question_gets_a_continuation_and_an_answer(page, base_url):
    page.goto(base_url + "post-train/")
    root = ready(page)
    before = replies(page)
    assert len(before) == 2 and all(before)
    # The fine-tuned pane shows the template's special tokens; the base pane shows none.
    sft_specials = root.locator(".tbt-lc-pane").nth(1).locator(".tbt-lc-chip.is-special .tbt-lc-piece").all_inner_texts()
    assert sft_specials[:3] == ["<|user|>", "<|end|>", "<|assistant|>"]
    base_specials = root.locator(".tbt-lc-pane").nth(0).locator(".tbt-lc-chip.is-special .tbt-lc-piece").all_inner_texts()
    assert set(base_specials) <= {"<|endoftext|>"}             # at most the end of its text
    box = root.get_by_label("Your question")
    box.fill("Where does Tom live?")
    page.wait_for_function("""([sel, old]) => {
        const now = [...document.querySelectorAll(sel + ' .tbt-lc-reply')].map(e => e.textContent);
        return now.length === 2 && now.join('|') !== old.join('|'); }""", arg=[ROOT, before])
    page.wait_for_function("() => new URLSearchParams(location.search).get('labchat_q') === 'Where does Tom live?'")
    prompt = root.locator(".tbt-lc-pane").nth(1).locator(".tbt-lc-chip.is-prompt .tbt-lc-piece").all_inner_texts()
    assert "␣Tom" in prompt
    # Typed markup and marker spellings stay text.
    box.fill("<b>hi</b> <|end|>")
    page.wait_for_selector(f"{ROOT} .tbt-note:has-text('plain characters')")
    assert root.locator("b").count() == 0
    assert root.locator(".tbt-lc-pane").nth(1).locator(".tbt-lc-chip.is-special").count() <= 4


def test_a_shared_link_and_an_example_button(new_page, base_url):
    page = new_page()
    page.goto(base_url + "post-train/?labchat_q=What+is+7+plus+5%3F")
    root = ready(page)
    assert root.get_by_label("Your question").input_value() == "What is 7 plus 5?"
    first = replies(page)
    root.get_by_role("button", name="Tell me about Mira.").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('labchat_q') === 'Tell me about Mira.'")
    page.wait_for_function("""([sel, old]) => {
        const now = [...document.querySelectorAll(sel + ' .tbt-lc-reply')].map(e => e.textContent);
        return now.join('|') !== old.join('|'); }""", arg=[ROOT, first])
    assert root.get_by_label("Your question").input_value() == "Tell me about Mira."


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "post-train/", ROOT)
    assert "not illustrative" in figure.locator("figcaption").inner_text()
    assert "&lt;|assistant|&gt;" in figure.locator("svg").inner_html()
