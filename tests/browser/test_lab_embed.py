"""The lab model's meaning-space, used as a reader would, in real Chromium against the built site."""
from tests.conftest import static_figure, wait_ready


ROOT = '[data-widget="lab-embed"]'


def test_typing_a_word_changes_its_neighbours(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-embed", slow=True)
    lists = root.locator("ol.tbt-lab-nn")
    before = lists.first.inner_text()
    assert lists.first.locator("li").count() == 8
    root.get_by_label("Word", exact=True).fill("Velmar")
    page.wait_for_function("([s, old]) => document.querySelector(s + ' ol.tbt-lab-nn').innerText !== old",
                           arg=[ROOT, before])
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_word') === 'Velmar'")
    assert "Velmar" in root.locator(".tbt-note").first.inner_text()
    assert root.locator(".tbt-lab-label.is-word").count() == 1       # the word is marked on the map
    root.get_by_label("Word", exact=True).fill("🙂")                               # outside the world: still fine
    page.wait_for_function("s => document.querySelector(s + ' .tbt-note').textContent.includes('splits')", arg=ROOT)


def test_analogy_reports_what_it_computed(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-embed", slow=True)
    text = root.locator(".tbt-lab-analogy").inner_text()
    assert "lands nearest" in text
    assert ("it works here" in text) or ("does not work here" in text) or ("several tokens" in text)
    root.get_by_label("plus", exact=True).fill("")
    page.wait_for_function("s => document.querySelector(s + ' .tbt-lab-analogy').textContent.includes('Type three words')", arg=ROOT)


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "lab/", ROOT)
    assert "not illustrative" in figure.locator("figcaption").inner_text()
