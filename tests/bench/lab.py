"""The lab model in the page, for `make bench` (tests/bench.py calls `report`): what a reader waits
for when they type into the lab's widgets, measured through the same worker calls the views make.

- a fresh 32-token prompt (no cached prefix: each prompt starts with a different word) through
  the attention view: every layer's and head's map plus the measured head summaries;
- the same view after one more word is typed (the cached prefix is reused);
- generation: the ask view writing 40 tokens versus 0, per token;
- a fresh prompt that fills the context, through the ask view;
- generation past the context: the same prompt, so every new token slides the window and
  the model re-reads it (the ask view writing 8 tokens as the page does, in slices, per token);
- the weight file's size over the wire (gzip, as the server sends it).
"""
from __future__ import annotations

import gzip
import statistics

NAMES = ["Mira", "Tom", "Ada", "Ben", "Lina", "Omar", "Nell", "Sam", "Ivy", "Joe", "Rosa", "Finn"]
TEXT = ("{} went to the park in Dunmore with a red kite. The goat ate some plums, and the cat "
        "looked for fish by the")

CALLS = """async ([calls]) => {
  const out = [];
  for (const [widget, state] of calls) {
    const t0 = performance.now();
    const view = await window.__tbt.engine.call(widget, state, ['lab/base.bin']);
    out.push([performance.now() - t0, view && view.reply ? view.reply.length : 0]);
  }
  return out;
}"""

# One reply written whole as the page writes it: in slices (each call says "partial" until done).
WHOLE = """async ([widget, state]) => {
  const t0 = performance.now();
  let view = null, calls = 0;
  do {
    view = await window.__tbt.engine.call(widget, state, ['lab/base.bin']);
    calls++;
  } while (view && view.partial && calls < 100);
  return [performance.now() - t0, view && view.reply ? view.reply.length : 0, calls];
}"""


def spread(values) -> str:
    values = sorted(values)
    return (f"median {statistics.median(values):.0f} ms (min {values[0]:.0f}, "
            f"max {values[-1]:.0f}, n={len(values)})")


def report(page, site_dir, tokens_of) -> None:
    """`page` has Python running; `tokens_of(text)` counts the lab model's tokens (CPython)."""
    texts = [TEXT.format(n) for n in NAMES]
    counts = sorted({tokens_of(t) for t in texts})
    page.evaluate(CALLS, [[["lab-attention", {"lab_attn_text": "warm up"}]]])   # weights loaded
    calls = []
    for t in texts:                     # each fresh prompt, then the same with one word typed
        calls += [["lab-attention", {"lab_attn_text": t}],
                  ["lab-attention", {"lab_attn_text": t + " lake"}]]
    times = [t for t, _ in page.evaluate(CALLS, [calls])]
    cold, typed = times[0::2], times[1::2]
    print(f"lab: a fresh {'/'.join(map(str, counts))}-token prompt through the attention view "
          f"(all {len(texts)} start differently): {spread(cold)}   [target <= 150 ms]")
    print(f"lab: the same prompt with one more word typed (cached prefix): {spread(typed)}")
    per = []
    for name in NAMES[:6]:
        prompt = f"{name} has a pet"
        (zero, _), (forty, written) = page.evaluate(CALLS, [[
            ["lab-ask", {"lab_prompt": prompt, "lab_n": 0}],
            ["lab-ask", {"lab_prompt": prompt, "lab_n": 40, "lab_seed": 7}]]])
        per.append((forty - zero) / max(1, written))
    print(f"lab: each generated token (up to 40 written, minus the same view with none): "
          f"{spread(per)}   [target <= 25 ms]")
    per, read = [], []
    for name in NAMES[:4]:
        prompt = " ".join([TEXT.format(name)] * 6)       # longer than the context: it slides
        state = {"lab_prompt": prompt, "lab_seed": 7}
        ((first, _),) = page.evaluate(CALLS, [[["lab-ask", {**state, "lab_n": 0}]]])   # read it
        read.append(first)
        more, written, _ = page.evaluate(WHOLE, ["lab-ask", {**state, "lab_n": 8}])
        per.append(more / max(1, written))
    print(f"lab: a fresh prompt that fills the context (128 tokens) through the ask view: "
          f"{spread(read)}")
    print(f"lab: each generated token past the context (the window slides and is re-read; 8 "
          f"written in the page's slices after the prompt was read): {spread(per)}")
    raw = (site_dir / "generated" / "data" / "lab" / "base.bin").read_bytes()
    print(f"lab: weights {len(gzip.compress(raw, 6)) / 1e6:.2f} MB gzip-compressed "
          f"({len(raw) / 1e6:.2f} MB raw), fetched when a lab view comes near   [target <= 1.5 MB]")
