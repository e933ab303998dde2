// Chinchilla: the view. Loss curve, optimum and the two published models come from
// widgets/chinchilla.py (Hoffmann et al.'s 2022 formula, as corrected by Besiroglu et al. 2024);
// this file draws them with the book's chart module (assets/tbt/chart.js).
import { chart } from "../chart.js";
import { button, h, slider, svg, toggle } from "../ui.js";

const s = svg;
const SUP = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻" };
function sci(v) {
  const e = Math.floor(Math.log10(v));
  const m = v / 10 ** e;
  return `${m.toFixed(1)} × 10${String(e).split("").map((c) => SUP[c]).join("")}`;
}
function size(v) {
  if (v >= 1e12) return `${+(v / 1e12).toPrecision(2)}T`;
  if (v >= 1e9) return `${+(v / 1e9).toPrecision(2)}B`;
  if (v >= 1e6) return `${+(v / 1e6).toPrecision(2)}M`;
  return String(Math.round(v));
}
const TICKS = { 7: "10M", 8: "100M", 9: "1B", 10: "10B", 11: "100B", 12: "1T", 13: "10T" };

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const budget = slider(ctx, "chin_log_c", specs.chin_log_c, {
    format: (v) => `${sci(10 ** v)} FLOPs`,
    onInput: (v) => ctx.set({ chin_log_c: v }),
  });
  const gopher = toggle(ctx, "chin_gopher", specs.chin_gopher, { onChange: (v) => ctx.set({ chin_gopher: v }) });
  const chin = toggle(ctx, "chin_chinchilla", specs.chin_chinchilla, { onChange: (v) => ctx.set({ chin_chinchilla: v }) });
  const plot = chart({ height: 270, x: { min: 7, max: 13, label: "model size (parameters, log scale)" },
    y: { min: 1.8, max: 3, label: "predicted loss" } });
  const best = h("p.tbt-chin-best");
  const models = h("ul.tbt-chin-models");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const theirs = button("Set the budget to Gopher's", () => ctx.set({ chin_log_c: last.gopher_log_c }));
  const where = h("p.tbt-chin-where");
  let last = null;
  live.append(h("div.tbt-controls", {}, budget.el, h("div.tbt-chin-toggles", {}, gopher.el, chin.el)),
    h("div.tbt-actions", {}, theirs), plot.el, best, models, where, note);

  function draw(view) {
    const [x0, x1] = view.x_range;
    const [y0, y1] = view.y_range;
    const ticks = [];
    for (let v = 2; v <= y1 + 1e-9; v += 0.5) ticks.push(v);
    plot.draw([{ points: view.curve.filter(([, l]) => l <= y1 && l >= y0), color: "blue",
      label: `predicted loss at ${sci(view.compute)} FLOPs` }], {
      x: { min: x0, max: x1, ticks: Object.keys(TICKS).map(Number).filter((k) => k >= x0 && k <= x1),
        format: (k) => TICKS[k], label: "model size (parameters, log scale)" },
      y: { min: y0, max: y1, ticks, format: (v) => v.toFixed(1), label: "predicted loss" },
    }, (at) => {                     // the best size, then the published models, named
      const out = [];
      const best = view.best.loss <= y1 ? [at.x(view.best_log_n), at.y(view.best.loss)] : null;
      if (best) {
        out.push(s("line", { x1: best[0], x2: best[0], y1: best[1], y2: at.bottom, class: "tbt-chin-guide" }),
          s("circle", { cx: best[0], cy: best[1], r: 6, class: "tbt-chin-best-dot" }),
          s("text", { x: best[0] - 9, y: best[1] - 9, "text-anchor": "end", class: "tbt-chin-label" }, "best size"));
      }
      view.models.filter((m) => m.loss <= y1).forEach((m, i) => {
        const [mx, my] = [at.x(m.log_n), at.y(m.loss)];
        out.push(m.key === "gopher"
          ? s("rect", { x: mx - 5, y: my - 5, width: 10, height: 10, class: "model" })
          : s("circle", { cx: mx, cy: my, r: 5.5, class: "model" }));
        // Names stand at the right, under the curve, one row each, with a thin line to their
        // mark: clear of the curve, the best-size dot and each other, at any width.
        const ly = at.bottom - 10 - 16 * i;
        out.push(s("line", { x1: mx + 6, x2: at.right - 8 * m.name.length - 6, y1: my + 3, y2: ly - 4, class: "tbt-chin-leader" }),
          s("text", { x: at.right, y: ly, "text-anchor": "end", class: "tbt-chin-label" }, m.name));
      });
      return out;
    });
    plot.describe(`Loss against model size at a budget of ${sci(view.compute)} FLOPs: a U-shaped curve, lowest at ${size(view.best.params)} parameters.`);
  }

  return {
    render(view) {
      const st = view.state;
      last = view;
      budget.set(st.chin_log_c);
      gopher.set(st.chin_gopher);
      chin.set(st.chin_chinchilla);
      draw(view);
      const b = view.best;
      best.textContent = `At ${sci(view.compute)} FLOPs the formula's best split is ${size(b.params)} parameters trained on ${size(b.tokens)} tokens ` +
        `(about ${Math.round(b.tokens_per_param)} tokens per parameter), for a predicted loss of ${b.loss.toFixed(2)}.`;
      models.replaceChildren(...view.models.map((m) => h("li", {},
        `${m.name}: ${size(m.params)} parameters, ${size(m.tokens)} tokens, ${sci(m.compute)} FLOPs, predicted loss ${m.loss.toFixed(2)}.`)));
      where.textContent = view.models.length
        ? "The two published models are drawn at their own budgets (about 5 × 10²³ FLOPs), whatever the slider says; at that budget they sit on the curve."
        : "";
      note.textContent = `Budget ${sci(view.compute)} FLOPs: best size ${size(b.params)} parameters, loss ${b.loss.toFixed(2)}.`;
    },
  };
}
