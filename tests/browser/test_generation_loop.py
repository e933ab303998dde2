"""The generation loop, used as a reader would, in real Chromium against the built site."""
from tests.conftest import wait_ready

SEL = '[data-widget="generation-loop"]'


def open_loop(page, url):
    """Go to `url` and bring the widget into view (widgets start only near the viewport)."""
    page.goto(url)
    page.locator(SEL).scroll_into_view_if_needed()
    return wait_ready(page, "generation-loop")


def chips(root):
    return root.locator(".tbt-gen-token").all_inner_texts()


def wait_step(page, n):
    page.wait_for_function(
        "n => { const c = document.querySelector('%s .tbt-gen-counter');"
        " return c && c.textContent.startsWith(`Step ${n} of`); }" % SEL, arg=n)


def current_step(page):
    text = page.locator(f"{SEL} .tbt-gen-counter").inner_text()
    return int(text.split()[1])


def test_next_and_previous_change_the_reply_and_the_candidates(page, base_url):
    root = open_loop(page, base_url + "inference/")
    assert chips(root) == ["There"]
    first_labels = root.locator(".tbt-bar-label").all_inner_texts()
    assert first_labels[0] == "There" and len(first_labels) == 5
    assert root.locator(".tbt-bar.is-marked .tbt-bar-label").inner_text() == "There"

    next_button = root.get_by_role("button", name="Next step")
    for n in (2, 3, 4):
        next_button.click()
        wait_step(page, n)
    assert chips(root) == ["There", "␣are", "␣", "2"]
    # Step 4 writes the number: "2" is marked as picked, "3" is the close runner-up.
    labels = root.locator(".tbt-bar-label").all_inner_texts()
    assert labels[:2] == ["2", "3"]
    assert root.locator(".tbt-bar.is-marked .tbt-bar-label").inner_text() == "2"
    values = [float(v.rstrip("%")) for v in root.locator(".tbt-bar-value").all_inner_texts()]
    assert abs(sum(values) - 100) < 0.5 and values[0] > values[1] > values[2]
    assert "Step 4 of 13: picked “2”" in root.locator(".tbt-note").inner_text()
    assert root.locator(".tbt-note").get_attribute("aria-live") == "polite"
    page.wait_for_function("() => new URLSearchParams(location.search).get('gen_step') === '4'")

    root.get_by_role("button", name="Previous step").click()
    wait_step(page, 3)
    assert chips(root) == ["There", "␣are", "␣"]
    assert root.locator(".tbt-bar.is-marked .tbt-bar-label").inner_text() == "␣"


def test_keyboard_steps_to_the_end_token_and_back(page, base_url):
    root = open_loop(page, base_url + "inference/?gen_step=11")
    assert chips(root)[-1] == "berry"
    root.locator(".tbt-gen-reply").focus()
    page.keyboard.press("ArrowRight")
    wait_step(page, 12)
    page.keyboard.press("ArrowRight")
    wait_step(page, 13)
    assert chips(root)[-1] == "<|end|>"
    assert "end token" in root.locator(".tbt-note").inner_text()
    assert root.get_by_role("button", name="Next step").get_attribute("aria-disabled") == "true"
    page.keyboard.press("ArrowRight")                  # past the end: stays at the last step
    page.keyboard.press("Home")
    wait_step(page, 1)
    assert chips(root) == ["There"]
    # Tab to the buttons: they work from the keyboard too, and arrows still step.
    root.get_by_role("button", name="Next step").focus()
    page.keyboard.press("Enter")
    wait_step(page, 2)
    page.keyboard.press("ArrowLeft")
    wait_step(page, 1)


def test_play_advances_and_pause_stops(page, base_url):
    root = open_loop(page, base_url + "inference/")
    play = root.locator(".tbt-gen-play")
    assert play.inner_text() == "Play"
    play.click()
    assert play.inner_text() == "Pause"
    wait_step(page, 3)
    play.click()
    page.wait_for_timeout(300)                          # let a step already in flight land
    stopped = current_step(page)
    assert play.inner_text() == "Play"
    page.wait_for_timeout(2000)                         # two play intervals: nothing may move
    assert current_step(page) == stopped


def test_new_tokens_animate_only_without_reduced_motion(new_page, base_url):
    def new_token_animation(**options):
        page = new_page(**options)
        root = open_loop(page, base_url + "inference/")
        root.get_by_role("button", name="Next step").click()
        wait_step(page, 2)
        return page.evaluate("""sel => {
            const el = document.querySelector(sel + ' .tbt-gen-token.is-new');
            const running = document.querySelector(sel).getAnimations({subtree: true}).length;
            return [getComputedStyle(el).animationName, running];
        }""", SEL)

    name, _ = new_token_animation()
    assert name == "tbt-gen-in"                          # the effect exists by default…
    name, running = new_token_animation(reduced_motion="reduce")
    assert name == "none" and running == 0              # …and never runs with reduced motion


def test_reduced_motion_play_still_steps(new_page, base_url):
    page = new_page(reduced_motion="reduce")
    root = open_loop(page, base_url + "inference/?gen_step=11")
    root.locator(".tbt-gen-play").click()
    wait_step(page, 13)                                  # plays to the end token, then stops
    assert chips(root)[-1] == "<|end|>"
    page.wait_for_function("sel => document.querySelector(sel + ' .tbt-gen-play')"
                           ".textContent === 'Play'", arg=SEL)


def test_figure_teaches_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "inference/")
    figure = page.locator(f"{SEL} .tbt-figure")
    assert figure.is_visible()
    assert "Illustrative" in figure.locator("figcaption").inner_text()
    assert "berry" in figure.locator("svg").inner_html()
