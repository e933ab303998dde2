// One chart module for the widget views' line and step charts: axes, ticks, grid, a legend,
// solid and dashed series, a marked step with a dot on each series, a plain or percent scale,
// light and dark mode (colours are the palette's CSS variables in tbt.css; text takes the page's
// text colour). Text only, never HTML.
//
//   const c = chart({ height: 240,
//     x: { min: 0, max: 3000, label: "training step", minor: [0, 25, 60] },   // log: true for a log scale
//     y: { min: 0, max: 1, percent: true, label: "share right" },             // or format: (v) => …
//   });
//   live.append(c.el);                        // the <svg> and its legend
//   c.draw([{ points: [[0, 0.2], [10, 0.5]], color: "blue", dash: false, label: "reward" }]);
//                                            // dash: true (dashed) or "dot" (dotted) as well as
//                                            // colour, so no series is told apart by colour alone
//   c.mark(10);                               // a line at x = 10 and a dot on each series there
//   c.mark(10, [0.5, null]);                  // …or with the values to mark (null: no dot)
//   c.describe("what the chart shows, for screen readers");
//   c.draw(series, axes, (at) => [svg(…)]);  // marks of the widget's own (a band, labelled
//                                            // points), drawn over the lines from the chart's
//                                            // scales: at.x(v), at.y(v), at.left/right/top/bottom
//
// The drawing is laid out at the chart's real width (it follows the column through a
// ResizeObserver), so its text stays legible on a phone instead of shrinking with the picture.
import { h, svg } from "./ui.js";

const TOP = 12;
const RIGHT = 14;
const BOTTOM = 44;               // tick labels, then the x label
const CHAR = 6.6;                // rough width of a 12 px tick label character, to avoid overlaps

export const percent = (v) => `${Math.round(100 * v)}%`;

// About `count` round numbers from lo to hi (1, 2 or 5 times a power of ten apart).
export function niceTicks(lo, hi, count = 5) {
  const span = hi - lo || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export function chart({ height = 240, x, y }) {
  const el = svg("svg", { class: "tbt-chart", role: "img", height, viewBox: `0 0 600 ${height}` });
  const title = svg("title");
  const frame = svg("g");
  const lines = svg("g");
  const overlay = svg("g");
  const marker = svg("g");
  el.append(title, frame, lines, overlay, marker);
  const legend = h("ul.tbt-chart-legend");
  const box = h("div.tbt-chart-box", {}, el, legend);
  let width = 600;
  let series = [];
  let marked = null;
  let extras = null;
  let axes = { x, y };

  const left = () => 48 + (axes.y.label ? 16 : 0);
  const sx = (v) => {
    const { min, max, log } = axes.x;
    const f = log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min || 1);
    return left() + f * (width - left() - RIGHT);
  };
  const sy = (v) => TOP + (1 - (v - axes.y.min) / (axes.y.max - axes.y.min || 1)) * (height - TOP - BOTTOM);
  const yFormat = () => axes.y.format || (axes.y.percent ? percent : String);

  function drawFrame() {
    const L = left();
    const B = height - BOTTOM;
    const out = [];
    for (const v of axes.y.ticks || niceTicks(axes.y.min, axes.y.max, 4)) {
      out.push(svg("line", { x1: L, x2: width - RIGHT, y1: sy(v), y2: sy(v), class: "tbt-chart-grid" }),
        svg("text", { x: L - 6, y: sy(v) + 4, "text-anchor": "end" }, yFormat()(v)));
    }
    out.push(svg("line", { x1: L, x2: width - RIGHT, y1: B, y2: B, class: "tbt-chart-axis" }),
      svg("line", { x1: L, x2: L, y1: TOP, y2: B, class: "tbt-chart-axis" }));
    for (const v of axes.x.minor || []) {
      out.push(svg("line", { x1: sx(v), x2: sx(v), y1: B, y2: B + 4, class: "tbt-chart-tick" }));
    }
    const xFormat = axes.x.format || String;
    let free = -Infinity;                         // right edge of the last tick label drawn
    for (const v of axes.x.ticks || niceTicks(axes.x.min, axes.x.max, Math.max(2, Math.floor(width / 110)))) {
      const text = xFormat(v);
      const half = (text.length * CHAR) / 2;
      if (sx(v) - half < free + 6) continue;      // would overlap its neighbour on a narrow chart
      free = sx(v) + half;
      out.push(svg("line", { x1: sx(v), x2: sx(v), y1: B, y2: B + 5, class: "tbt-chart-axis" }),
        svg("text", { x: sx(v), y: B + 18, "text-anchor": "middle" }, text));
    }
    if (axes.x.label) {
      out.push(svg("text", { x: (L + width - RIGHT) / 2, y: height - 6, "text-anchor": "middle", class: "tbt-chart-label" }, axes.x.label));
    }
    if (axes.y.label) {
      const mid = (TOP + B) / 2;
      out.push(svg("text", { x: 12, y: mid, transform: `rotate(-90 12 ${mid})`, "text-anchor": "middle", class: "tbt-chart-label" }, axes.y.label));
    }
    frame.replaceChildren(...out);
  }

  const path = (points) => points.map(([a, b], i) => `${i ? "L" : "M"}${sx(a).toFixed(1)},${sy(b).toFixed(1)}`).join(" ");
  const cls = (s, base) => `${base} tbt-c-${s.color || "blue"}${s.dash === "dot" ? " is-dot" : s.dash ? " is-dash" : ""}`;

  function drawLines() {
    lines.replaceChildren(...series.map((s) => svg("path", { d: path(s.points), class: cls(s, "tbt-chart-line") })));
  }

  // The series' value at x: the point there, or between its neighbours.
  function valueAt(points, at) {
    for (let i = 0; i < points.length; i++) {
      const [a, b] = points[i];
      if (a === at) return b;
      if (a > at) {
        if (!i) return null;
        const [a0, b0] = points[i - 1];
        return b0 + ((b - b0) * (at - a0)) / (a - a0);
      }
    }
    return null;
  }

  function drawMark() {
    if (!marked) return marker.replaceChildren();
    const [at, values] = marked;
    const X = sx(at);
    const dots = series.map((s, i) => {
      const v = values ? values[i] : valueAt(s.points, at);
      if (v == null) return null;
      const dot = svg("circle", { cx: X, cy: sy(v), r: 4.5, class: cls(s, "tbt-chart-dot") });
      dot.append(svg("title", {}, `${s.label ? `${s.label}: ` : ""}${yFormat()(v)}`));
      return dot;
    }).filter(Boolean);
    marker.replaceChildren(svg("line", { x1: X, x2: X, y1: TOP, y2: height - BOTTOM, class: "tbt-chart-now" }), ...dots);
  }

  function layout() {
    el.setAttribute("viewBox", `0 0 ${width} ${height}`);
    drawFrame();
    drawLines();
    const at = { x: sx, y: sy, left: left(), right: width - RIGHT, top: TOP, bottom: height - BOTTOM };
    overlay.replaceChildren(...(extras ? extras(at) : []));
    drawMark();
  }

  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0 && Math.abs(w - width) >= 1) {
        width = w;
        layout();
      }
    }).observe(el);
  }
  layout();

  return {
    el: box,
    // New series (and, if given, new axes: { x, y } replace the ones the chart was made with,
    // and the widget's own marks over the lines).
    draw(list, newAxes, marks) {
      series = list;
      extras = marks || null;
      if (newAxes) axes = { ...axes, ...newAxes };
      legend.replaceChildren(...series.filter((s) => s.label).map((s) => h("li", { className: cls(s, "tbt-chart-key") }, s.label)));
      legend.hidden = !legend.children.length;
      layout();
    },
    mark(at, values) {
      marked = at == null ? null : [at, values];
      drawMark();
    },
    describe(text) {
      title.textContent = text;
      el.setAttribute("aria-label", text);
    },
  };
}
