// Attention cost: the view. The arithmetic (N², causal pairs, the doubling ratio, how coarsely
// to draw the grid, the curve's points) comes from widgets/attention_cost.py. The grid is drawn
// on a <canvas> with at most 32 × 32 cells, so a huge N never makes a huge page.
import { button, h, svg } from "../ui.js";

const STEPS = 1000;
const fmt = (v) => Math.round(v).toLocaleString("en-US");
const s = svg;
function short(v) {
  if (v >= 1e9) return `${+(v / 1e9).toPrecision(3)}B`;
  if (v >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(Math.round(v));
}

export function mount(live, ctx) {
  const spec = JSON.parse(ctx.root.dataset.params).cost_n;
  const lo = spec.min, hi = spec.max;
  const toPos = (n) => Math.round((STEPS * Math.log(n / lo)) / Math.log(hi / lo));
  const toN = (p) => Math.max(lo, Math.min(hi, Math.round(lo * Math.pow(hi / lo, p / STEPS))));
  const id = ctx.id("cost_n");
  const input = h("input", { id, type: "range", min: 0, max: STEPS, step: 1, value: toPos(spec.default) });
  const out = h("output", { for: id });
  const show = (n) => {
    out.textContent = `${fmt(n)} tokens`;
    input.setAttribute("aria-valuetext", `${fmt(n)} tokens`);
  };
  input.addEventListener("input", () => {
    const n = toN(Number(input.value));
    show(n);
    ctx.set({ cost_n: n });
  });
  const presets = [4, 16, 1000, 100000].map((n) => button(`N = ${fmt(n)}`, () => ctx.set({ cost_n: n })));

  const canvas = h("canvas.tbt-cost-grid", { width: 320, height: 320, role: "img" });
  const gridNote = h("p.tbt-cost-gridnote");
  const stats = h("dl.tbt-cost-stats");
  const chart = s("svg", { viewBox: "0 0 360 250", class: "tbt-cost-chart", role: "img" });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  live.append(
    h("div.tbt-controls", {}, h("div.tbt-control", {}, h("label", { htmlFor: id }, spec.label), input, out)),
    h("div.tbt-actions", {}, presets),
    h("div.tbt-cost-panels", {}, h("figure.tbt-cost-panel", {}, canvas, gridNote), h("figure.tbt-cost-panel", {}, chart)),
    stats,
    note,
  );

  function drawGrid(view) {
    const c = canvas.getContext("2d");
    const css = getComputedStyle(ctx.root);
    const allowed = css.getPropertyValue("--tbt-bar").trim() || "#3f6fd0";
    const line = css.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ccc";
    const size = canvas.width;
    c.clearRect(0, 0, size, size);
    const { side, mode } = view.grid;
    const cell = size / side;
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) {
        const ok = j <= i; // on or below the diagonal: a token with itself or an earlier one
        c.fillStyle = ok ? allowed : line;
        c.globalAlpha = ok ? 0.85 : 0.9;
        c.fillRect(j * cell + 0.5, i * cell + 0.5, cell - 1, cell - 1);
      }
    }
    c.globalAlpha = 1;
    canvas.setAttribute("aria-label", mode === "cells"
      ? `A ${view.n} by ${view.n} grid of token pairs; the ${fmt(view.causal)} cells on and below the diagonal are allowed by the causal mask.`
      : `A shaded triangle standing for ${fmt(view.pairs)} token pairs, ${fmt(view.causal)} of them allowed by the causal mask.`);
    gridNote.textContent = mode === "cells"
      ? `${view.n} × ${view.n} = ${fmt(view.pairs)} cells, one per pair of tokens. Coloured: allowed (a token with itself or an earlier one). Faint: the masked future.`
      : `Too many pairs to draw one by one: each square here stands for a block of about ${fmt(view.grid.block)} × ${fmt(view.grid.block)} = ${fmt(view.grid.block ** 2)} pairs.`;
  }

  function drawChart(view) {
    chart.replaceChildren();
    const L = 64, R = 350, T = 12, B = 200;
    const x = (v) => L + ((R - L) * v) / view.x_max;
    const y = (v) => B - ((B - T) * v) / view.y_max;
    chart.append(s("line", { x1: L, y1: B, x2: R, y2: B, class: "axis" }), s("line", { x1: L, y1: B, x2: L, y2: T, class: "axis" }));
    for (const f of [0, 0.5, 1]) {
      chart.append(s("text", { x: x(f * view.x_max), y: B + 17, "text-anchor": "middle" }, short(f * view.x_max)));
      chart.append(s("text", { x: L - 4, y: y(f * view.y_max) + 4, "text-anchor": "end" }, short(f * view.y_max)));
    }
    chart.append(s("text", { x: (L + R) / 2, y: 240, "text-anchor": "middle" }, "length N (tokens)"));
    chart.append(s("text", { x: 12, y: (T + B) / 2, transform: `rotate(-90 12 ${(T + B) / 2})`, "text-anchor": "middle" }, "pairs (N²)"));
    chart.append(s("polyline", { class: "curve", points: view.curve.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(" ") }));
    const [[n, p], [n2, p2]] = view.marks;
    chart.append(s("line", { x1: x(n), y1: B, x2: x(n), y2: y(p), class: "guide" }));
    chart.append(s("line", { x1: x(n2), y1: B, x2: x(n2), y2: y(p2), class: "guide" }));
    chart.append(s("circle", { cx: x(n), cy: y(p), r: 5, class: "mark" }));
    chart.append(s("circle", { cx: x(n2), cy: y(p2), r: 5, class: "mark2" }));
    // Labels sit below-right of N and above-left of 2N: both places are off the (convex) curve.
    chart.append(s("text", { x: x(n) + 8, y: Math.min(y(p) + 15, B - 4), class: "label" }, `N = ${short(n)}`));
    chart.append(s("text", { x: x(n2) - 10, y: Math.max(y(p2) - 6, T + 12), "text-anchor": "end", class: "label" }, `2N: ×${view.double_ratio} the work`));
    chart.setAttribute("aria-label", `Curve of N squared. At N = ${fmt(n)} there are ${fmt(p)} pairs; at 2N = ${fmt(n2)} there are ${fmt(p2)}, ${view.double_ratio} times as many.`);
  }

  return {
    render(view) {
      if (document.activeElement !== input) input.value = toPos(view.n);
      show(view.n);
      drawGrid(view);
      drawChart(view);
      stats.replaceChildren(
        h("dt", {}, "Tokens (N)"), h("dd.tbt-cost-n", {}, fmt(view.n)),
        h("dt", {}, "Pairs compared (N²)"), h("dd.tbt-cost-pairs", {}, fmt(view.pairs)),
        h("dt", {}, "Pairs the causal mask keeps, N(N+1)/2"), h("dd.tbt-cost-causal", {}, fmt(view.causal)),
        h("dt", {}, "Double the text"), h("dd.tbt-cost-ratio", {}, `${view.double_ratio}× the work`),
      );
      note.textContent = `${fmt(view.n)} tokens: ${fmt(view.pairs)} pairs, ${fmt(view.causal)} of them allowed by the causal mask. Doubling to ${fmt(2 * view.n)} tokens means ${view.double_ratio} times the work.`;
    },
  };
}
