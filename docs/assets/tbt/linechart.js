// A small line chart for widget views: percentage (0–100 %) against a count 1..N, several
// series, one marked x. Drawn with svg() from ui.js; text only, never HTML.
import { svg as s } from "./ui.js";

// chart = lineChart({ xLabel, yLabel, xMax, log }); chart.el is the <svg>;
// chart.draw([{ values, cls, label }], markX, ariaLabel) redraws it.
export function lineChart({ xLabel, yLabel, xMax, log = false }) {
  const el = s("svg", { viewBox: "0 0 380 250", class: "tbt-line-chart", role: "img" });
  const L = 52, R = 366, T = 12, B = 196;
  const x = (v) => (log ? L + ((R - L) * Math.log(v)) / Math.log(xMax) : L + ((R - L) * (v - 1)) / (xMax - 1));
  const y = (v) => B - (B - T) * v;
  const ticks = log ? [1, 10, 100].filter((t) => t <= xMax) : [1, 25, 50, 75, 100].filter((t) => t <= xMax);
  return {
    el,
    draw(series, markX, ariaLabel) {
      el.replaceChildren();
      el.append(s("line", { x1: L, y1: B, x2: R, y2: B, class: "axis" }), s("line", { x1: L, y1: B, x2: L, y2: T, class: "axis" }));
      for (const t of ticks) el.append(s("text", { x: x(t), y: B + 16, "text-anchor": "middle" }, String(t)));
      for (const f of [0, 0.5, 1]) {
        el.append(s("text", { x: L - 5, y: y(f) + 4, "text-anchor": "end" }, `${100 * f}%`));
        el.append(s("line", { x1: L, y1: y(f), x2: R, y2: y(f), class: "grid" }));
      }
      el.append(s("text", { x: (L + R) / 2, y: 232, "text-anchor": "middle" }, xLabel));
      el.append(s("text", { x: 12, y: (T + B) / 2, transform: `rotate(-90 12 ${(T + B) / 2})`, "text-anchor": "middle" }, yLabel));
      el.append(s("line", { x1: x(markX), y1: T, x2: x(markX), y2: B, class: "guide" }));
      for (const { values, cls } of series) {
        const pts = values.map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
        el.append(s("polyline", { points: pts, class: `curve ${cls}` }));
        const v = values[markX - 1];
        el.append(s("circle", { cx: x(markX), cy: y(v), r: 4.5, class: `dot ${cls}` }));
      }
      el.setAttribute("aria-label", ariaLabel);
    },
  };
}
