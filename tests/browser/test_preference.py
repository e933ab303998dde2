"""Preference, used as a reader would: judge pairs, see the fit move, make a circle."""
from tests.conftest import wait_ready


def scores(root):
    return root.locator("li.tbt-pref-score strong").all_inner_texts()


def test_judging_pairs_fits_scores_and_shows_a_cycle(page, base_url):
    page.goto(base_url + "post-train/")
    root = wait_ready(page, "preference")
    assert "No choices yet" in root.locator(".tbt-note").inner_text()

    pair = root.locator("fieldset.tbt-pref-pair").nth(1)          # A or C?
    pair.get_by_label("C is better").check()
    page.wait_for_function("() => document.querySelector('#widget-preference li.tbt-pref-score strong').textContent === 'C'")
    assert "judged 1 of 6" in root.locator(".tbt-note").inner_text()

    # A over B and B over C close a circle with C over A
    root.locator("fieldset.tbt-pref-pair").nth(0).get_by_label("A is better").check()
    page.wait_for_function("() => new URLSearchParams(location.search).get('pref_votes') === 'ab----'")
    root.locator("fieldset.tbt-pref-pair").nth(3).get_by_label("B is better").check()
    page.wait_for_function("() => document.querySelector('#widget-preference .tbt-pref-cycles').textContent.includes('circle')")
    assert root.locator("fieldset.tbt-pref-pair[data-agrees=yes]").count() < 3
    page.wait_for_function("() => new URLSearchParams(location.search).get('pref_votes') === 'ab-a--'")


def test_sample_labeller_by_keyboard(page, base_url):
    page.goto(base_url + "post-train/")
    root = wait_ready(page, "preference")
    root.get_by_role("button", name="Fill in a sample labeller's choices").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#widget-preference .tbt-note').textContent.includes('agree with 6 of your 6')")
    assert scores(root) == ["A", "B", "D", "C"]
    # arrow keys move a radio choice, as in any radio group
    root.locator("fieldset.tbt-pref-pair").nth(5).get_by_label("D is better").focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => new URLSearchParams(location.search).get('pref_votes') === 'aaaaaa'")
    page.wait_for_function("() => [...document.querySelectorAll('#widget-preference li.tbt-pref-score strong')].map(e => e.textContent).join('') === 'ABCD'")
