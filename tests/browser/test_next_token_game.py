"""The next-token game, played as a reader would: guess, reveal, nudge; and by keyboard."""
from tests.conftest import wait_ready

ROOT = "#widget-next-token-game"


def loss(root):
    line = root.locator(".tbt-ntg-loss").inner_text()
    return float(line.split("=")[-1].split("nats")[0])


def test_guess_reveal_and_nudge(page, base_url):
    page.goto(base_url + "pretrain/")
    page.locator('[data-widget="next-token-game"]').scroll_into_view_if_needed()
    root = wait_ready(page, "next-token-game")
    assert not root.locator(".tbt-bars").is_visible()                  # the answer stays hidden
    root.get_by_role("button", name="Lyon", exact=True).click()
    page.wait_for_function(f"() => document.querySelector('{ROOT} .tbt-blank').textContent === 'Lyon?'")
    root.get_by_role("button", name="Reveal the model's odds").click()
    page.wait_for_selector(f"{ROOT} .tbt-bar.is-marked")
    assert root.locator(".tbt-bar.is-marked .tbt-bar-label").inner_text() == "Paris"
    assert root.locator(".tbt-blank").inner_text() == "Paris"
    first = loss(root)
    assert abs(first - 0.224) < 0.001
    paris = float(root.locator(".tbt-bar.is-marked .tbt-bar-value").inner_text().rstrip("%"))
    nudge = root.get_by_role("button", name="Nudge the model (one training step)")
    nudge.click()
    page.wait_for_function(f"() => document.querySelector('{ROOT} .tbt-ntg-loss').textContent.includes('before 1 nudge')")
    nudge.click()
    page.wait_for_function(f"() => document.querySelector('{ROOT} .tbt-ntg-loss').textContent.includes('before 2 nudges')")
    assert loss(root) < first
    assert float(root.locator(".tbt-bar.is-marked .tbt-bar-value").inner_text().rstrip("%")) > paris
    page.wait_for_function("() => new URLSearchParams(location.search).get('ntg_nudges') === '2'")


def test_keyboard_play_on_a_harder_prompt(page, base_url):
    page.goto(base_url + "pretrain/?ntg_prompt=2")
    page.locator('[data-widget="next-token-game"]').scroll_into_view_if_needed()
    root = wait_ready(page, "next-token-game")
    assert "fisherman" in root.locator(".tbt-prompt").inner_text()
    root.get_by_role("button", name="returned").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelector('{ROOT} .tbt-blank').textContent === 'returned?'")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")                                           # past the other guesses…
    root.get_by_role("button", name="Reveal the model's odds").focus()  # …to the reveal button
    page.keyboard.press("Space")
    page.wait_for_selector(f"{ROOT} .tbt-bar.is-marked")
    assert root.locator(".tbt-bar.is-marked .tbt-bar-label").inner_text() == "sold"
    assert "You guessed “returned”" in root.locator(".tbt-note").inner_text()
    assert abs(loss(root) - 2.782) < 0.001
    page.focus(f"{ROOT}-ntg_prompt")
    page.keyboard.press("ArrowUp")                                        # back to prompt 2
    page.wait_for_function(f"() => document.querySelector('{ROOT} .tbt-prompt').textContent.includes('coffee')")
    assert not root.locator(".tbt-bars").is_visible()
