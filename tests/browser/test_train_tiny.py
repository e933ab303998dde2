"""Train one yourself (train-tiny), used as a reader would, in real Chromium against the built site:
train, pause, reset, the exploding learning rate, a shared link recomputing the same run, another
widget answering while it trains, a hidden tab pausing it, and one's own text."""
import time

from tests.conftest import static_figure, wait_ready

ROOT = '[data-widget="train-tiny"]'


def data(page, key):
    return page.eval_on_selector(ROOT, f"el => el.dataset.{key}")


def step(page) -> int:
    return int(data(page, "step") or 0)


def wait_step(page, n):
    page.wait_for_function(f"s => +document.querySelector(s).dataset.step >= {n}", arg=ROOT, timeout=90_000)


def test_train_pause_and_reset(page, base_url):
    page.goto(base_url + "pretrain/#train-one-yourself")
    root = wait_ready(page, "train-tiny")
    assert step(page) == 0 and float(data(page, "bigramLoss")) > 0
    start_heldout = float(data(page, "heldoutLoss"))
    root.get_by_role("button", name="Train").click()
    wait_step(page, 30)
    assert float(data(page, "heldoutLoss")) < start_heldout          # it learns
    assert float(data(page, "trainLoss")) > 0
    assert root.locator(".tbt-chart path, .tbt-chart polyline").count() >= 2
    root.get_by_role("button", name="Pause").click()
    page.wait_for_function("() => +new URLSearchParams(location.search).get('tiny_steps') > 0")
    paused = step(page)
    assert int(page.evaluate("() => new URLSearchParams(location.search).get('tiny_steps')")) == paused
    time.sleep(1.0)
    assert step(page) == paused                                      # paused means paused
    root.get_by_role("button", name="Reset").click()
    page.wait_for_function("s => document.querySelector(s).dataset.step === '0'", arg=ROOT)
    assert float(data(page, "heldoutLoss")) == start_heldout          # the same run, from the start


def test_a_shared_link_recomputes_the_same_run(new_page, base_url):
    link = base_url + "pretrain/?tiny_size=tiny&tiny_seed=3&tiny_steps=40#train-one-yourself"
    seen = []
    for _ in range(2):
        page = new_page()
        page.goto(link)
        wait_ready(page, "train-tiny")
        wait_step(page, 40)
        page.wait_for_function("s => !document.querySelector(s + ' .tbt-tt-buttons button[aria-pressed=\"true\"]')", arg=ROOT)
        assert step(page) == 40                                       # it stops where the link says
        seen.append((data(page, "trainLoss"), data(page, "heldoutLoss"),
                     page.locator(f"{ROOT} .tbt-tt-sample").inner_text()))
    assert seen[0] == seen[1]


def test_a_learning_rate_that_explodes_stops_and_says_why(page, base_url):
    page.goto(base_url + "pretrain/?tiny_lr=10#train-one-yourself")
    root = wait_ready(page, "train-tiny")
    root.get_by_role("button", name="Train").click()
    page.wait_for_function("s => document.querySelector(s + ' .tbt-tt-said').textContent.includes('exploded')", arg=ROOT)
    assert "learning rate is too high" in root.locator(".tbt-tt-said").inner_text()
    assert root.get_by_role("button", name="Train").is_disabled()
    assert "NaN" not in root.locator(".tbt-chart").inner_html()       # the chart draws no garbage
    assert root.locator("output").inner_text() == "10"                # the reader's setting stays
    root.get_by_label("Learning rate").fill("4")                      # back to 0.01
    page.wait_for_function("() => new URLSearchParams(location.search).get('tiny_lr') === null")
    page.wait_for_function("s => !document.querySelector(s + ' .tbt-tt-buttons button').disabled", arg=ROOT)


def test_another_widget_answers_while_it_trains(page, base_url):
    page.goto(base_url + "pretrain/#train-one-yourself")
    root = wait_ready(page, "train-tiny")
    wait_ready(page, "chinchilla")
    root.scroll_into_view_if_needed()
    root.get_by_role("button", name="Train").click()
    wait_step(page, 3)
    waits = page.evaluate("""async () => {
        const out = [];
        for (let i = 0; i < 8; i++) {
          const t = performance.now();
          await window.__tbt.engine.call("chinchilla", {chin_log_c: 20 + i / 4});
          out.push(performance.now() - t);
        }
        return out; }""")
    before = step(page)
    wait_step(page, before + 2)                                       # and training went on
    waits.sort()
    assert waits[len(waits) // 2] < 1000, waits                       # one slice, not the run


def test_a_hidden_tab_pauses_training(page, base_url):
    page.goto(base_url + "pretrain/#train-one-yourself")
    root = wait_ready(page, "train-tiny")
    root.get_by_role("button", name="Train").click()
    wait_step(page, 3)
    page.evaluate("""() => { Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    page.wait_for_function("s => document.querySelector(s + ' .tbt-tt-status').textContent.includes('hidden')", arg=ROOT)
    held = step(page)
    time.sleep(1.0)
    assert step(page) == held
    page.evaluate("""() => { Object.defineProperty(document, 'hidden', {configurable: true, get: () => false});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    wait_step(page, held + 2)                                         # carries on when visible


def test_your_own_text_never_goes_into_the_link(page, base_url):
    page.goto(base_url + "pretrain/?tiny_text=own#train-one-yourself")
    root = wait_ready(page, "train-tiny")
    assert "links never carry" in root.locator(".tbt-tt-status").inner_text()
    box = root.get_by_label("Your own text")
    box.fill("too short <b>x</b>")
    root.get_by_role("button", name="Use this text").click()
    page.wait_for_function("s => document.querySelector(s + ' .tbt-tt-status').textContent.includes('at least 500')", arg=ROOT)
    secret = "Ünïcode 🙂 tea\x07 and <script>alert(1)</script> toast. " * 20
    box.fill(secret)
    root.get_by_role("button", name="Use this text").click()
    page.wait_for_function("s => document.querySelector(s + ' .tbt-tt-status').textContent.startsWith('Step 0')", arg=ROOT)
    root.get_by_role("button", name="Step ×10").click()
    wait_step(page, 10)
    assert "toast" not in page.url and "tiny_text=own" in page.url
    assert root.locator("script").count() == 0


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "pretrain/", ROOT)
    assert "counting pairs" in figure.locator("svg").inner_html()
