// Chinchilla: the view. Loss curve, optimum and the two published models come from
// widgets/chinchilla.py (Hoffmann et al.'s 2022 formula, as corrected by Besiroglu et al. 2024); this file draws them as SVG.
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
  const chart = s("svg", { viewBox: "0 0 420 270", class: "tbt-chin-chart", role: "img" });
  const best = h("p.tbt-chin-best");
  const models = h("ul.tbt-chin-models");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const theirs = button("Set the budget to Gopher's", () => ctx.set({ chin_log_c: last.gopher_log_c }));
  const where = h("p.tbt-chin-where");
  let last = null;
  live.append(h("div.tbt-controls", {}, budget.el, h("div.tbt-chin-toggles", {}, gopher.el, chin.el)),
    h("div.tbt-actions", {}, theirs), chart, best, models, where, note);

  function draw(view) {
    chart.replaceChildren();
    const L = 46, R = 410, T = 10, B = 226;
    const [x0, x1] = view.x_range;
    const [y0, y1] = view.y_range;
    const x = (v) => L + ((R - L) * (v - x0)) / (x1 - x0);
    const y = (v) => B - ((B - T) * (v - y0)) / (y1 - y0);
    chart.append(s("line", { x1: L, y1: B, x2: R, y2: B, class: "axis" }), s("line", { x1: L, y1: B, x2: L, y2: T, class: "axis" }));
    for (const [k, label] of Object.entries(TICKS)) {
      chart.append(s("text", { x: x(+k), y: B + 14, "text-anchor": "middle" }, label));
    }
    for (let v = 2; v <= y1 + 1e-9; v += 0.5) {
      chart.append(s("line", { x1: L, x2: R, y1: y(v), y2: y(v), class: "grid" }));
      chart.append(s("text", { x: L - 5, y: y(v) + 4, "text-anchor": "end" }, v.toFixed(1)));
    }
    chart.append(s("text", { x: (L + R) / 2, y: 258, "text-anchor": "middle" }, "model size (parameters, log scale)"));
    chart.append(s("text", { x: 11, y: (T + B) / 2, transform: `rotate(-90 11 ${(T + B) / 2})`, "text-anchor": "middle" }, "predicted loss"));
    const pts = view.curve.filter(([, l]) => l <= y1 && l >= y0);
    chart.append(s("polyline", { class: "curve", points: pts.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(" ") }));
    for (const m of view.models) {
      if (m.loss > y1) continue;
      chart.append(s(m.key === "gopher" ? "rect" : "circle", m.key === "gopher"
        ? { x: x(m.log_n) - 5, y: y(m.loss) - 5, width: 10, height: 10, class: "model" }
        : { cx: x(m.log_n), cy: y(m.loss), r: 5.5, class: "model" }));
      chart.append(s("text", { x: x(m.log_n) + 8, y: y(m.loss) + (m.key === "gopher" ? -6 : 16), class: "label" }, m.name));
    }
    if (view.best.loss <= y1) {
      const bx = x(view.best_log_n), by = y(view.best.loss);
      chart.append(s("line", { x1: bx, x2: bx, y1: by, y2: B, class: "guide" }));
      chart.append(s("circle", { cx: bx, cy: by, r: 6, class: "best" }));
      chart.append(s("text", { x: bx, y: by - 10, "text-anchor": "middle", class: "label" }, "best size"));
    }
    chart.setAttribute("aria-label", `Loss against model size at a budget of ${sci(view.compute)} FLOPs: a U-shaped curve, lowest at ${size(view.best.params)} parameters.`);
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
