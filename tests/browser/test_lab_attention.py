"""Look inside the lab model (lab-attention), used as a reader would, in real Chromium against the
built site: every head as a small map, one head's arithmetic, the answer forming layer by layer;
by mouse, keyboard and touch, at phone width in dark mode, and from a shared link."""
import re

import pytest

from site_build import npm
from tests.conftest import static_figure, wait_ready
from widgets import lab_attention

ROOT = '[data-widget="lab-attention"]'
PARAM = "() => Object.fromEntries(new URLSearchParams(location.search))"


def params(page):
    return page.evaluate(PARAM)


def pct(v):
    return "100%" if v >= 0.995 else "<1%" if 0 < v < 0.005 else f"{round(100 * v)}%"


# The large map, read from its pixels: [cells a side, whether every row has ink on or before the
# diagonal (the token itself and those before it), whether any ink lies after it (the future)].
TRIANGLE = """c => { const n = Math.round(c.width / 12), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const ink = (i, j) => d[((i * 12 + 6) * c.width + j * 12 + 6) * 4 + 3] > 0;
  let rows = true, future = false;
  for (let i = 0; i < n; i++) { let any = false; for (let j = 0; j < n; j++) { if (j <= i) any = any || ink(i, j); else future = future || ink(i, j); } rows = rows && any; }
  return [n, rows, future]; }"""


def test_every_head_is_a_small_map_and_typing_redraws_them(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-attention", slow=True)
    heads = root.locator(".tbt-lab-head")
    assert heads.count() == 16 and root.locator("canvas.tbt-la-mini").count() == 16
    names = [" ".join(heads.nth(k).text_content().split()) for k in range(16)]   # the name: text
    assert names[0].startswith("L1 H1 ") and names[15].startswith("L4 H4 ")
    assert all(re.search(r"\d+%", n) for n in names)          # the measured habit, with its share
    tokens = root.locator(".tbt-lab-tok").count()
    large = root.locator("canvas.tbt-lab-attn-map")
    assert large.evaluate(TRIANGLE) == [tokens, True, False]     # a causal triangle
    ink = "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let s = 0; for (let i = 3; i < d.length; i += 4) s += d[i]; return [c.width, s]; }"
    before = root.locator("canvas.tbt-la-mini").first.evaluate(ink)
    assert before[1] > 0                                       # the map is drawn, not blank
    root.locator("textarea").fill("Mira had two apples.")
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel + ' .tbt-lab-tok').length !== n",
                           arg=[ROOT, tokens])
    n = root.locator(".tbt-lab-tok").count()
    assert large.evaluate(TRIANGLE) == [n, True, False]
    after = root.locator("canvas.tbt-la-mini").first.evaluate(ink)
    assert after != before


def test_keyboard_moves_between_maps_opens_one_and_previews_tokens(page, base_url):
    page.goto(base_url + "lab/")
    root = wait_ready(page, "lab-attention", slow=True)
    first = root.locator(".tbt-lab-head").first
    first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused.startswith("L2 H2 ")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_head') === '2'")
    assert params(page)["lab_layer"] == "2"
    pressed = root.locator('.tbt-lab-head[aria-pressed="true"]')
    page.wait_for_function("s => document.querySelector(s + ' .tbt-lab-head[aria-pressed=\"true\"]').textContent.startsWith('L2 H2 ')", arg=ROOT)
    assert pressed.count() == 1
    assert "Layer 2, head 2, large" in root.locator(".tbt-lab-heading").first.inner_text()
    note = root.locator(".tbt-lab-attn-note")
    second = root.locator(".tbt-lab-tok").nth(1)
    second.hover()
    page.wait_for_function("s => document.querySelector(s + ' .tbt-lab-attn-note').textContent.includes('(preview)')", arg=ROOT)
    assert "token 2" in note.inner_text()
    assert root.locator(".tbt-lab-tok.is-future").count() == root.locator(".tbt-lab-tok").count() - 2
    second.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_tok') === '1'")
    second.focus()
    page.keyboard.press("ArrowRight")
    assert "token 3" in note.inner_text()


def test_a_shared_link_opens_one_heads_arithmetic_with_the_maps_weights(page, base_url):
    page.goto(base_url + "lab/?lab_look=arithmetic&lab_layer=2&lab_head=3&lab_tok=5#look-inside")
    root = wait_ready(page, "lab-attention", slow=True)
    tab = root.get_by_role("tab", name="Inside one head")
    assert tab.get_attribute("aria-selected") == "true"
    assert root.locator('[role="tabpanel"]:not([hidden])').count() == 1
    says = root.locator(".tbt-la-says").first.inner_text()
    assert says.startswith("Layer 2, head 3, at token 6 ")
    keys = root.locator(".tbt-la-table").first.locator(".tbt-la-row:not(.is-head):not(.is-query)")
    assert keys.count() == 6                                   # itself and the five before it
    weights = [keys.nth(j).locator(".tbt-la-bar.is-weight").inner_text() for j in range(6)]
    # The same weights light the tokens (read from the map of the same head).
    chips = [root.locator(".tbt-lab-tok .tbt-lab-w").nth(j).inner_text() for j in range(6)]
    assert weights == chips
    assert root.locator(".tbt-lab-tok.is-future").count() == root.locator(".tbt-lab-tok").count() - 6
    # Each key is a row of 16 cells, every number in its name; focus walks the cells and reads out
    # each number.
    cell = root.locator(".tbt-la-table").first.locator(".tbt-la-vec").first
    assert re.fullmatch(r"query of token 6 .*, 16 numbers: (−?\d+\.\d\d, ){15}−?\d+\.\d\d", cell.get_attribute("aria-label"))
    cell.focus()
    readout = root.locator(".tbt-la-readout")
    assert re.fullmatch(r"query of token 6 .*, number 1 of 16: −?\d+\.\d\d", readout.inner_text())
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    assert re.fullmatch(r"key of token 1 .*, number 2 of 16: −?\d+\.\d\d", readout.inner_text())
    # Another head answers in the same view, and the link follows.
    root.get_by_label("Head", exact=True).select_option("4")
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_head') === '4'")
    page.wait_for_function("s => document.querySelector(s + ' .tbt-la-says').textContent.startsWith('Layer 2, head 4,')", arg=ROOT)


def test_the_answer_forms_layer_by_layer_and_the_readers_word_is_tracked(page, base_url):
    page.goto(base_url + "lab/?lab_look=layers&lab_attn_text=The+capital+of+Norland+is&lab_guess=Velmar")
    root = wait_ready(page, "lab-attention", slow=True)
    rows = root.locator(".tbt-la-lrow:not(.is-head)")
    assert rows.count() == 5                                  # the embeddings, then 4 layers
    assert "the real prediction" in rows.last.inner_text()
    assert rows.last.locator(".tbt-la-cand-text").first.inner_text() == "␣Velmar"
    assert rows.last.locator(".tbt-la-mine").inner_text().endswith("rank 1")
    assert not rows.first.locator(".tbt-la-mine").inner_text().endswith("rank 1")
    assert root.locator(".tbt-la-urow").count() == 1 + 2 * 4   # embeddings + two halves a layer
    box = root.get_by_label("The next word you expect (optional)")
    box.fill("banana")
    page.wait_for_function("s => document.querySelector(s + ' [role=tabpanel]:not([hidden]) .tbt-la-says').textContent.includes('“banana”')", arg=ROOT)
    page.wait_for_function("() => new URLSearchParams(location.search).get('lab_guess') === 'banana'")
    assert not rows.last.locator(".tbt-la-mine").inner_text().endswith("rank 1")


def numbers(view):
    """Every number of a view, in a fixed order (the unrounded habit shares left out)."""
    if isinstance(view, dict):
        return [v for k in sorted(view) if k not in ("state", "summaries") for v in numbers(view[k])]
    if isinstance(view, list):
        return [v for item in view for v in numbers(item)]
    return [view] if isinstance(view, (int, float)) and not isinstance(view, bool) else []


@pytest.mark.parametrize("look", ["arithmetic", "layers"])
def test_the_page_reads_the_text_with_its_fast_kernel_and_gets_cpythons_numbers(page, base_url, look):
    """In the page the whole-text pass multiplies in typed arrays (the worker's kernel); every
    number the view shows must still be CPython's (rounded for the page: at most one unit in the
    last place apart, where a sum in another order lands on the other side of a rounding)."""
    page.goto(base_url + "lab/#look-inside")
    wait_ready(page, "lab-attention", slow=True)
    state = {"lab_attn_text": "The capital of Norland is Velmar, and the goat ate some plums by the river.",
             "lab_look": look, "lab_layer": 3, "lab_head": 2, "lab_tok": 7, "lab_guess": "Velmar"}
    got = page.evaluate("async (s) => await window.__tbt.engine.call('lab-attention', s)", state)
    want = lab_attention.view(state)
    assert got["kernel"] == "typed arrays" and want["kernel"] == "python"
    a, b = numbers(got), numbers(want)
    assert len(a) == len(b) > 1000
    assert max(abs(x - y) for x, y in zip(a, b)) <= 1.01e-4
    assert [[t["text"] for t in s["top"]] for s in got["lens"]] == [[t["text"] for t in s["top"]] for s in want["lens"]]
    assert [s["text"] for s in sum(got["summaries"], [])] == [s["text"] for s in sum(want["summaries"], [])]


@pytest.mark.parametrize("look", ["heads", "arithmetic", "layers"])
def test_phone_dark_touch_without_sideways_page_and_axe_clean(new_page, base_url, look):
    page = new_page(color_scheme="dark", viewport={"width": 375, "height": 740}, is_mobile=True,
                    has_touch=True)
    page.goto(base_url + f"lab/?lab_look={look}#look-inside")
    root = wait_ready(page, "lab-attention", slow=True)
    if look == "heads":
        root.locator(".tbt-lab-head").nth(5).tap()
        page.wait_for_function("() => new URLSearchParams(location.search).get('lab_head') === '2'")
        box = root.locator(".tbt-lab-head").nth(5).bounding_box()
        assert box["width"] >= 44 and box["x"] + box["width"] <= 375    # a grid, on screen
    else:
        root.locator(".tbt-lab-tok").nth(2).tap()
        page.wait_for_function("() => new URLSearchParams(location.search).get('lab_tok') === '2'")
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 375
    page.add_script_tag(path=str(npm.package_dir("axe-core") / "axe.min.js"))
    found = page.evaluate("""async (sel) => (await axe.run(document.querySelector(sel), {resultTypes: ['violations']}))
        .violations.filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)""", ROOT)
    assert not found, found


def test_figure_teaches_without_javascript(new_page, base_url):
    figure = static_figure(new_page, base_url + "lab/", ROOT)
    inner = figure.locator("svg").inner_html()
    assert "L1 H1" in inner and "step sizes" in inner and "query and keys" in inner
