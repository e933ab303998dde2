// Temperature dial: the view. The math (softmax, top-k, top-p, the seeded draw) is in
// widgets/temperature.py; this file only draws controls and bars from its view model.
import { bars, button, h, slider } from "../ui.js";

const pct = (v) => `${(100 * v).toFixed(1)}%`;

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const temperature = slider(ctx, "temperature", specs.temperature, {
    format: (v) => (v === 0 ? "0 (greedy)" : v.toFixed(2)),
    onInput: (v) => ctx.set({ temperature: v }),
  });
  const topK = slider(ctx, "top_k", specs.top_k, {
    format: (v) => (v === 0 ? "off" : String(v)),
    onInput: (v) => ctx.set({ top_k: v }),
  });
  const topP = slider(ctx, "top_p", specs.top_p, {
    format: (v) => (v >= 1 ? "off (1.00)" : v.toFixed(2)),
    onInput: (v) => ctx.set({ top_p: v }),
  });
  const prompt = h("p.tbt-prompt", {}, "The weather today is ", h("span.tbt-blank", {}, "___"));
  let chart = null;
  const chartBox = h("div.tbt-chart.tbt-temp-chart");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const draw = button("Sample a token", () => ctx.set({ seed: ctx.state.seed + 1 }));
  const reset = button("Clear draws", () => ctx.set({ seed: 0 }));
  live.append(
    prompt,
    h("div.tbt-controls", {}, temperature.el, topK.el, topP.el),
    chartBox,
    h("div.tbt-actions", {}, draw, reset),
    note,
  );
  return {
    render(view) {
      const s = view.state;
      if (!chart) {
        chart = bars(view.tokens.map((t) => t.trim()), { format: pct, caption: "next-token probabilities" });
        chartBox.append(chart.el);
      }
      temperature.set(s.temperature);
      topK.set(s.top_k);
      topP.set(s.top_p);
      chart.update(view.probs, { dim: view.probs.map((p) => p === 0), mark: view.drawn ?? -1 });
      const blank = prompt.querySelector(".tbt-blank");
      blank.textContent = view.drawn == null ? "___" : view.tokens[view.drawn].trim();
      const parts = [];
      if (view.greedy) parts.push("Temperature 0 is greedy: the top token always wins.");
      parts.push(`${view.kept} of ${view.tokens.length} candidates can be picked.`);
      if (view.drawn != null) parts.push(`Draw ${s.seed} picked “${view.tokens[view.drawn].trim()}”.`);
      note.textContent = parts.join(" ");
      reset.disabled = s.seed === 0;
    },
  };
}
