// Context window: the view. Which tokens are inside the window, which facts are still seen and
// whether the question can be answered all come from widgets/context_window.py.
import { h, slider } from "../ui.js";

const SEEN = { all: "in view", part: "partly cut off", none: "fallen out" };

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const size = slider(ctx, "ctx_window", specs.ctx_window, {
    format: (v) => `${v} of ${specs.ctx_window.max} tokens`,
    onInput: (v) => ctx.set({ ctx_window: v }),
  });
  const passage = h("p.tbt-cw-passage", { "aria-hidden": "true" });
  const facts = h("ol.tbt-cw-facts", { "aria-label": "What the model can see" });
  const verdict = h("p.tbt-cw-verdict", { "aria-live": "polite" });
  live.append(
    h("div.tbt-controls", {}, size.el),
    h("p.tbt-note", {}, "Each box is one token (cl100k_base). Faded tokens have fallen out of the window: the model cannot see them."),
    passage,
    facts,
    verdict,
  );
  let spans = null;
  let items = null;
  return {
    render(view) {
      size.set(view.window);
      if (!spans) {
        spans = view.tokens.map((t) => {
          const s = h(`span.tbt-cw-tok.tbt-cw-seg${t.segment % 2}`, {}, t.text);
          if (view.segments[t.segment].kind === "question") s.classList.add("is-question");
          passage.append(s);
          return s;
        });
        items = view.segments.map((seg) => {
          const status = h("span.tbt-cw-status");
          const li = h("li.tbt-cw-fact", {}, h("span.tbt-cw-label", {}, seg.label),
            seg.needed && seg.kind === "fact" ? h("span.tbt-cw-needed", {}, " (needed)") : null, " — ", status);
          facts.append(li);
          return { li, status };
        });
      }
      view.tokens.forEach((t, i) => {
        spans[i].classList.toggle("is-out", !t.in_window);
        spans[i].classList.toggle("is-edge", i === view.n_out);
      });
      view.segments.forEach((seg, i) => {
        items[i].status.textContent = SEEN[seg.seen];
        items[i].li.dataset.seen = seg.seen;
      });
      verdict.textContent = `${view.n_facts_seen} of ${view.n_facts} facts fully in view. ${view.verdict}`;
      verdict.classList.toggle("is-ok", view.answerable);
      verdict.classList.toggle("is-lost", !view.answerable);
    },
  };
}
