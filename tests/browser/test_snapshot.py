"""A repeat visit restores Python from its memory snapshot (issue 13): the same answers as a normal
start, `random` reseeded, the switch back to the normal start, and a normal start whenever the
saved snapshot is broken or belongs to another build."""
from tests.conftest import wait_ready

SNAPSHOT = "/generated/py/python-snapshot.gz"
SAVED = f"() => caches.match(location.origin + '{SNAPSHOT}').then(r => !!r)"
INFO = "() => window.__tbt.engine.send({type: 'info'})"
# Every widget's default view, and a few chosen states, computed by this page's Python.
ANSWERS = """async ([calls]) => {
  const out = [];
  for (const [name, state] of calls) {
    out.push(await window.__tbt.engine.call(name, state));
  }
  return out;
}"""


def visit(ctx, base_url):
    page = ctx.new_page()
    page.goto(base_url + "inference/#temperature")
    wait_ready(page, "temperature")
    return page


def calls():
    import widgets
    chosen = [("temperature", {"temperature": 1.7}),
              ("tokenizer", {"text": "Snapshots, ünïcödé and 東京", "encoding": "cl100k_base"}),
              ("lab-attention", {}), ("lab-ask", {})]
    return [(name, {}) for name in widgets.names()] + [c for c in chosen if c[0] in widgets.names()]


def test_a_repeat_visit_restores_the_snapshot_and_answers_as_a_normal_start(new_page, base_url):
    first = new_page()
    ctx = first.context
    first.goto(base_url + "inference/#temperature")
    wait_ready(first, "temperature")
    assert first.evaluate(INFO)["start"] == "normal"           # a first visit starts normally
    first.wait_for_function(SAVED, timeout=60_000)              # ... then saves the snapshot at idle
    todo = calls()
    normal = first.evaluate(ANSWERS, [todo])
    first.close()

    draws = []
    for _ in range(2):
        page = visit(ctx, base_url)
        info = page.evaluate(INFO)
        assert info["start"] == "snapshot"
        draws.append(info["draw"])
        restored = page.evaluate(ANSWERS, [todo])
        for (name, state), a, b in zip(todo, normal, restored):
            assert a == b, f"{name} {state}: the restored Python answers differently"
        page.close()
    # The build seeded `random` with 0; each restore reseeds it from the browser's generator.
    assert draws[0] != draws[1]

    # The switch: a reader or teacher can force the normal start on this device.
    page = ctx.new_page()
    page.goto(base_url + "sources/")
    page.evaluate("localStorage.setItem('tbt-python-start', 'normal')")
    page.close()
    page = visit(ctx, base_url)
    assert page.evaluate(INFO)["start"] == "normal"


# Replace the saved snapshot by a damaged copy of itself, in the service worker's cache.
DAMAGE = """async ([url, how]) => {
  let cache, hit;
  for (let tries = 0; !hit && tries < 50; tries++) {       // the worker's write may still be landing
    for (const name of await caches.keys()) {
      cache = await caches.open(name);
      hit = await cache.match(location.origin + url, {ignoreVary: true});
      if (hit) break;
    }
    if (!hit) await new Promise(r => setTimeout(r, 100));
  }
  const saved = new Uint8Array(await hit.arrayBuffer());
  let bytes;
  if (how === 'garbage') bytes = new TextEncoder().encode('not a snapshot at all');
  if (how === 'another build') { bytes = saved.slice(); bytes.fill(48, 8, 72); }   // '0' x 64: key
  if (how === 'truncated') bytes = saved.slice(0, saved.length >> 1);
  await cache.put(location.origin + url, new Response(bytes));
  return saved.length;
}"""


def test_a_broken_or_foreign_snapshot_falls_back_to_the_normal_start(new_page, base_url, watch):
    watch.allow_errors = True                   # Pyodide may log what went wrong with the bytes
    first = new_page()
    ctx = first.context
    first.goto(base_url + "inference/#temperature")
    wait_ready(first, "temperature")
    first.wait_for_function(SAVED, timeout=60_000)
    for how in ("another build", "truncated", "garbage"):
        assert first.evaluate(DAMAGE, [SNAPSHOT, how]) > 1000
        page = visit(ctx, base_url)             # wait_ready: the widget goes live all the same
        assert page.evaluate(INFO)["start"] == "normal", how
        page.close()
    assert not [e for e in watch.errors if e.startswith("uncaught")], watch.errors
