// PPO's clip: the view. The curve points and the current objective come from widgets/ppo_clip.py;
// this file only draws them, with the book's chart module (assets/tbt/chart.js).
import { chart } from "../chart.js";
import { h, select, slider, svg } from "../ui.js";

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const sign = select(ctx, "ppo_sign", specs.ppo_sign, {
    labels: { positive: "positive: a better-than-usual answer", negative: "negative: a worse-than-usual answer" },
    onChange: (v) => ctx.set({ ppo_sign: v }),
  });
  const ratio = slider(ctx, "ppo_ratio", specs.ppo_ratio, { format: (v) => `r = ${Number(v).toFixed(2)}`, onInput: (v) => ctx.set({ ppo_ratio: v }) });
  const eps = slider(ctx, "ppo_eps", specs.ppo_eps, { format: (v) => `ε = ${Number(v).toFixed(2)}`, onInput: (v) => ctx.set({ ppo_eps: v }) });
  const plot = chart({ height: 250, x: { min: 0, max: 2, ticks: [0.5, 1, 1.5, 2], label: "r = new probability ÷ old probability" },
    y: { min: -2, max: 2, label: "objective" } });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  live.append(h("div.tbt-controls", {}, sign.el, ratio.el, eps.el), plot.el, note);
  return {
    render(view) {
      const s = view.state;
      sign.set(s.ppo_sign);
      ratio.set(s.ppo_ratio);
      eps.set(s.ppo_eps);
      const c = view.curve;
      const ys = c.unclipped.concat(c.clipped);
      const points = (vals) => vals.map((v, i) => [c.r[i], v]);
      plot.draw([
        { points: points(c.unclipped), color: "grey", dash: true, label: "r·A, no clip" },
        { points: points(c.clipped), color: "blue", label: "PPO, clipped" },
      ], {
        x: { min: c.r[0], max: c.r[c.r.length - 1], ticks: [0.5, 1, 1.5, 2], label: "r = new probability ÷ old probability" },
        y: { min: Math.min(...ys), max: Math.max(...ys), label: "objective" },
      }, (at) => {                 // the clip range, shaded and named; the current r and its value
        const band = svg("rect", { x: at.x(view.lo), y: at.top, width: at.x(view.hi) - at.x(view.lo),
          height: at.bottom - at.top, class: "tbt-ppo-band" });
        const name = svg("text", { x: at.x(view.lo) + 3, y: view.advantage > 0 ? at.bottom - 6 : at.top + 12 },
          `clip ${view.lo.toFixed(2)}–${view.hi.toFixed(2)}`);
        const now = svg("line", { x1: at.x(view.ratio), x2: at.x(view.ratio), y1: at.top, y2: at.bottom, class: "tbt-chart-now" });
        const dot = svg("circle", { cx: at.x(view.ratio), cy: at.y(view.value), r: 5,
          class: `tbt-chart-dot ${view.flat ? "tbt-c-orange is-flat" : "tbt-c-blue"}` });
        dot.append(svg("title", {}, `PPO's objective: ${view.value.toFixed(2)}`));
        return [band, name, now, dot];
      });
      plot.describe(`Objective against r; dashed: r times A, solid: PPO clipped; current r ${view.ratio.toFixed(2)}, objective ${view.value.toFixed(2)}`);
      const a = view.advantage > 0 ? "+1" : "−1";
      const head = `Advantage ${a}, r = ${view.ratio.toFixed(2)}: unclipped r·A = ${view.raw.toFixed(2)}, PPO's objective = ${view.value.toFixed(2)}.`;
      const tail = {
        flat: "Clipped: the gain has gone flat, so pushing further earns nothing. Lean, don't lurch.",
        start: "r = 1: the new model is the old one. Move the slider to take a step.",
        toward: "Inside the clip: the step still earns credit for going the way the advantage asks.",
        away: "Moving against the advantage: PPO never clips away this penalty.",
      }[view.zone];
      note.textContent = `${head} ${tail}`;
      note.dataset.zone = view.zone;
    },
  };
}
