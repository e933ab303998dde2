// PPO's clip: the view. The curve points and the current objective come from widgets/ppo_clip.py;
// this file only draws them as an SVG chart.
import { h, select, slider, svg } from "../ui.js";

const W = 420, H = 240, L = 44, R = 12, T = 12, B = 34;

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const sign = select(ctx, "ppo_sign", specs.ppo_sign, {
    labels: { positive: "positive: a better-than-usual answer", negative: "negative: a worse-than-usual answer" },
    onChange: (v) => ctx.set({ ppo_sign: v }),
  });
  const ratio = slider(ctx, "ppo_ratio", specs.ppo_ratio, { format: (v) => `r = ${Number(v).toFixed(2)}`, onInput: (v) => ctx.set({ ppo_ratio: v }) });
  const eps = slider(ctx, "ppo_eps", specs.ppo_eps, { format: (v) => `ε = ${Number(v).toFixed(2)}`, onInput: (v) => ctx.set({ ppo_eps: v }) });
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "tbt-ppo-chart", role: "img" });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  live.append(h("div.tbt-controls", {}, sign.el, ratio.el, eps.el), chart, note);
  return {
    render(view) {
      const s = view.state;
      sign.set(s.ppo_sign);
      ratio.set(s.ppo_ratio);
      eps.set(s.ppo_eps);
      const c = view.curve;
      const x0 = c.r[0], x1 = c.r[c.r.length - 1];
      const ys = c.unclipped.concat(c.clipped);
      const y0 = Math.min(...ys), y1 = Math.max(...ys);
      const X = (r) => L + ((r - x0) / (x1 - x0)) * (W - L - R);
      const Y = (v) => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);
      const path = (vals) => vals.map((v, i) => `${i ? "L" : "M"}${X(c.r[i]).toFixed(1)},${Y(v).toFixed(1)}`).join("");
      chart.replaceChildren(
        svg("rect", { x: X(view.lo), y: T, width: X(view.hi) - X(view.lo), height: H - T - B, class: "band" }),
        svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }),
        svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }),
        svg("path", { d: path(c.unclipped), class: "raw" }),
        svg("path", { d: path(c.clipped), class: "clipped" }),
        svg("line", { x1: X(view.ratio), y1: T, x2: X(view.ratio), y2: H - B, class: "now" }),
        svg("circle", { cx: X(view.ratio), cy: Y(view.value), r: 5, class: view.flat ? "dot is-flat" : "dot" }),
      );
      const label = (x, y, text, anchor = "middle") => {
        const t = svg("text", { x, y, "text-anchor": anchor });
        t.textContent = text;
        chart.append(t);
      };
      [0.5, 1, 1.5, 2].forEach((r) => label(X(r), H - B + 14, String(r)));
      label((L + W - R) / 2, H - 4, "r = new probability ÷ old probability");
      label(L - 4, Y(y1) + 4, y1.toFixed(1), "end");
      label(L - 4, Y(y0), y0.toFixed(1), "end");
      const key = (y, cls, text) => {
        chart.append(svg("line", { x1: L + 8, y1: y, x2: L + 30, y2: y, class: cls }));
        label(L + 34, y + 4, text, "start");
      };
      const top = view.advantage > 0;
      key(top ? T + 10 : H - B - 28, "raw", "r·A, no clip");
      key(top ? T + 26 : H - B - 12, "clipped", "PPO, clipped");
      label(X(view.lo) + 2, top ? H - B - 6 : T + 12, `clip ${view.lo.toFixed(2)}–${view.hi.toFixed(2)}`, "start");
      chart.setAttribute("aria-label", `Objective against r; dashed: r times A, solid: PPO clipped; current r ${view.ratio.toFixed(2)}`);
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
