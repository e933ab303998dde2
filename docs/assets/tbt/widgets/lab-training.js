// Watch the lab model learn: the view. The checkpoints, losses and samples come from the build's
// training history (widgets/lab_training.py reads history.json); this file draws the slider, the
// two loss curves with the current checkpoint marked, and the samples, as text only.
import { h, svg } from "../ui.js";

const W = 600;
const H = 260;
const L = 48;
const R = 12;
const T = 12;
const B = 36;

export function files() {
  return ["lab/history.json"];
}

const fmtTokens = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : n >= 1e3 ? `${Math.round(n / 1e3)} thousand` : String(n));

export function mount(live, ctx) {
  const id = ctx.id("lab_ckpt");
  const spec = JSON.parse(ctx.root.dataset.params).lab_ckpt;
  const input = h("input", { id, type: "range", min: 0, max: 0, step: 1, value: 0 });
  const out = h("output", { for: id });
  input.addEventListener("input", () => ctx.set({ lab_ckpt: Number(input.value) }));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "tbt-lab-loss", role: "img" });
  const chartTitle = svg("title");
  const axes = svg("g");
  const lines = svg("g");
  const marker = svg("g");
  chart.append(chartTitle, axes, lines, marker);
  const legend = h("p.tbt-note", {}, h("span.tbt-lab-key-train", {}, "solid: training loss (averaged over 25 steps)"), " · ",
    h("span.tbt-lab-key-held", {}, "dashed: held-out loss (text it never trained on)"));
  const status = h("p.tbt-lab-status", { "aria-live": "polite" });
  const samples = h("div.tbt-lab-samples");
  live.append(
    h("div.tbt-controls", {}, h("div.tbt-control", {}, h("label", { htmlFor: id }, "Training checkpoint"), input, out)),
    status, h("div.tbt-lab-loss-box", {}, chart), legend,
    h("p.tbt-lab-heading", {}, "What it writes at this checkpoint (its single most likely continuation)"), samples,
  );
  let scale = null;

  function build(view) {
    const n = view.count;
    input.max = String(n - 1);
    const all = view.train.concat(view.heldout).map((p) => p[1]);
    const y1 = Math.ceil(Math.max(...all));
    const y0 = Math.max(0, Math.floor(Math.min(...all)));
    const s0 = 0;
    const s1 = Math.max(view.steps[n - 1], ...view.train.map((p) => p[0])) || 1;
    const x = (s) => L + ((s - s0) / (s1 - s0 || 1)) * (W - L - R);
    const y = (v) => T + (1 - (v - y0) / (y1 - y0 || 1)) * (H - T - B);
    scale = { x, y };
    const ticks = [];
    for (let v = y0; v <= y1; v += Math.max(1, Math.round((y1 - y0) / 5))) {
      ticks.push(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "tbt-lab-grid" }),
        svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", class: "tbt-lab-axis" }, String(v)));
    }
    ticks.push(svg("text", { x: L, y: H - 8, class: "tbt-lab-axis" }, `step ${s0}`),
      svg("text", { x: W - R, y: H - 8, "text-anchor": "end", class: "tbt-lab-axis" }, `step ${s1}`),
      svg("text", { x: (L + W - R) / 2, y: H - 8, "text-anchor": "middle", class: "tbt-lab-axis" }, "training step → (loss: lower is better)"));
    for (const s of view.steps) ticks.push(svg("line", { x1: x(s), x2: x(s), y1: H - B, y2: H - B + 5, class: "tbt-lab-tick" }));
    axes.replaceChildren(...ticks);
    const path = (pts) => pts.map(([s, v], i) => `${i ? "L" : "M"}${x(s).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    lines.replaceChildren(
      svg("path", { d: path(view.train), class: "tbt-lab-train" }),
      svg("path", { d: path(view.heldout), class: "tbt-lab-held" }),
    );
  }

  return {
    render(view) {
      if (!scale) build(view);
      const c = view.checkpoint;
      if (document.activeElement !== input) input.value = String(view.index);
      const label = `${view.index + 1} of ${view.count}: step ${c.step}`;
      out.textContent = label;
      input.setAttribute("aria-valuetext", label);
      const x = scale.x(c.step);
      marker.replaceChildren(
        svg("line", { x1: x, x2: x, y1: T, y2: H - B, class: "tbt-lab-now" }),
        svg("circle", { cx: x, cy: scale.y(c.train_loss), r: 4.5, class: "tbt-lab-dot-train" }),
        svg("circle", { cx: x, cy: scale.y(c.heldout_loss), r: 4.5, class: "tbt-lab-dot-held" }),
      );
      status.textContent = `Step ${c.step}` + (c.tokens ? ` (${fmtTokens(c.tokens)} tokens read)` : "") +
        `: training loss ${c.train_loss.toFixed(2)}, held-out loss ${c.heldout_loss.toFixed(2)}` +
        ` (as if choosing among ${Math.round(view.perplexity).toLocaleString("en")} equally likely tokens).`;
      chartTitle.textContent = `Loss curves over ${view.count} checkpoints; ${status.textContent}`;
      chart.setAttribute("aria-label", chartTitle.textContent);
      samples.replaceChildren(...c.samples.map((sm) => h("p.tbt-lab-sample", {},
        h("span.tbt-lab-sample-prompt", {}, sm.prompt), h("span.tbt-lab-sample-text", {}, sm.reply))));
    },
  };
}
