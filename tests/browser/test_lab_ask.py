"""Ask the lab model, used as a reader would, in real Chromium against the built site."""
from tests.conftest import static_figure, wait_ready
from widgets import lab_ask


ROOT = '[data-widget="lab-ask"]'
WRITTEN = "() => document.querySelector('[data-widget=\"lab-ask\"]').dataset.writing === 'no'"


def labels(page):
    return page.locator(f"{ROOT} .tbt-bar-label").all_inner_texts()


def type_prompt(page, text):
    box = page.locator(f"{ROOT} textarea")
    box.fill(text)


def test_typing_a_prompt_changes_the_candidates(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-ask", slow=True)
    before = labels(page)
    chips_before = root.locator(".tbt-lab-chip").count()
    assert len(before) == 10 and chips_before > 0
    type_prompt(page, "Once upon a time, there was a")
    page.wait_for_function("""([sel, old]) => {
        const now = [...document.querySelectorAll(sel + ' .tbt-bar-label')].map(e => e.textContent);
        return now.length === 10 && now.join('|') !== old.join('|'); }""", arg=[ROOT, before])
    assert root.locator(".tbt-lab-chip").count() != chips_before
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_prompt') === 'Once upon a time, there was a'")
    assert not root.locator(".tbt-lab-clip").is_visible()
    # A text longer than the context is clipped, and the view says so.
    type_prompt(page, "Tom saw a dog. " * 60)
    page.wait_for_selector(f"{ROOT} .tbt-lab-clip:not([hidden])")
    assert "clipped" in root.locator(".tbt-lab-clip").inner_text()


def test_a_shared_link_writes_the_same_reply(new_page, base_url):
    page = new_page()
    page.goto(base_url + "lab/?lab_temp=1.2")
    root = wait_ready(page, "lab-ask", slow=True)
    root.get_by_role("button", name="Write 10 tokens").click()
    page.wait_for_selector(f"{ROOT} .tbt-lab-gen")
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_n') === '10'")
    page.wait_for_function(WRITTEN)                 # a reply may arrive in slices: the whole one
    reply = root.locator(".tbt-lab-reply").inner_text()
    assert reply.startswith(root.locator("textarea").input_value())
    assert len(reply) > len(root.locator("textarea").input_value())
    again = new_page()
    again.goto(page.url)
    other = wait_ready(again, "lab-ask", slow=True)
    again.wait_for_function(WRITTEN)
    assert other.locator(".tbt-lab-reply").inner_text() == reply
    # A new seed writes a (usually) different reply, and the URL keeps it.
    other.get_by_role("button", name="New seed").click()
    again.wait_for_function("() => new URLSearchParams(location.search).get('lab_seed') === '2'")


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "lab/", ROOT)
    assert "not illustrative" in figure.locator("figcaption").inner_text()
    assert "Norland" in figure.locator("svg").inner_html()


def test_a_long_reply_shows_progress_and_other_views_answer_meanwhile(page, base_url):
    # 100 tokens after a short prompt: within the context (a reply past it re-reads the whole
    # window for every token, which takes far longer on a slow machine).
    page.goto(base_url + "lab/?lab_n=100&lab_seed=2&lab_prompt=Once+upon+a+time,")
    root = wait_ready(page, "lab-ask", slow=True)
    page.wait_for_function("() => document.querySelector('[data-widget=\"lab-ask\"]').dataset.writing === 'yes'")
    assert "Writing…" in root.locator('.tbt-note[aria-live="polite"]').inner_text()
    still = page.evaluate("""async () => {
        await window.__tbt.engine.call("lab-attention", {lab_attn_text: "Mira had two apples."});
        return document.querySelector('[data-widget="lab-ask"]').dataset.writing; }""")
    assert still == "yes"                             # answered between slices, not after the reply
    page.wait_for_function(WRITTEN, timeout=120_000)
    assert root.locator(".tbt-lab-gen").count() > 20


def test_the_page_writes_cpythons_reply_with_its_fast_kernel(page, base_url):
    """In the page every product with a weight matrix runs in the worker's typed-array kernel; the
    reply must still be the one CPython writes, word for word, with the same probabilities."""
    page.goto(base_url + "lab/")
    wait_ready(page, "lab-ask", slow=True)
    state = {"lab_prompt": "Once upon a time, Mira", "lab_n": 40, "lab_seed": 5, "lab_temp": 1.0}
    got = page.evaluate("""async (s) => {
        let v = await window.__tbt.engine.call("lab-ask", s);
        while (v.partial) v = await window.__tbt.engine.call("lab-ask", {...s, _ms: 60});
        return v; }""", state)
    want = lab_ask.view(state)
    assert want["reply_text"] and got["reply_text"] == want["reply_text"]
    assert [r["id"] for r in got["rows"]] == [r["id"] for r in want["rows"]]
    assert max(abs(a["p"] - b["p"]) for a, b in zip(got["rows"], want["rows"])) < 1e-9
    kernel = page.evaluate("async () => (await window.__tbt.engine.call('lab-attention', {})).kernel")
    assert kernel == "typed arrays"
