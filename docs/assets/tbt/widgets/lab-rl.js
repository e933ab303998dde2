// RL replay: the view. The runs, curves and saved answers come from the build's run records
// (widgets/lab_rl.py reads rl-history.json and rl-flawed.json); this file draws the run picker,
// the step slider, two charts with the current step marked, and the answers, as text only.
import { h, svg } from "../ui.js";

const W = 600;
const L = 44;
const R = 12;
const T = 10;
const B = 30;
const pct = (v) => (v == null ? "–" : `${Math.round(100 * v)}%`);
const nats = (v) => (v == null ? "–" : v.toFixed(v < 0.1 ? 3 : 2));

export function files() {
  return ["lab/rl-history.json", "lab/rl-flawed.json"];
}

function chart(height, label) {
  const el = svg("svg", { viewBox: `0 0 ${W} ${height}`, class: "tbt-lr-chart", role: "img" });
  const title = svg("title");
  const axes = svg("g");
  const lines = svg("g");
  const marker = svg("g");
  el.append(title, axes, lines, marker);
  return { el, title, axes, lines, marker, height, label };
}

function scaleOf(c, s1, y0, y1) {
  const x = (s) => L + (s / (s1 || 1)) * (W - L - R);
  const y = (v) => T + (1 - (v - y0) / (y1 - y0 || 1)) * (c.height - T - B);
  return { x, y, y0, y1 };
}

function drawAxes(c, sc, s1, ticks, fmt, caption) {
  const out = [];
  for (const v of ticks) {
    out.push(svg("line", { x1: L, x2: W - R, y1: sc.y(v), y2: sc.y(v), class: "tbt-lr-grid" }),
      svg("text", { x: L - 6, y: sc.y(v) + 4, "text-anchor": "end", class: "tbt-lr-axis" }, fmt(v)));
  }
  out.push(svg("text", { x: L, y: c.height - 8, class: "tbt-lr-axis" }, "step 0"),
    svg("text", { x: W - R, y: c.height - 8, "text-anchor": "end", class: "tbt-lr-axis" }, `step ${s1}`),
    svg("text", { x: (L + W - R) / 2, y: c.height - 8, "text-anchor": "middle", class: "tbt-lr-axis" }, caption));
  c.axes.replaceChildren(...out);
}

const path = (sc, pts) => pts.map(([s, v], i) => `${i ? "L" : "M"}${sc.x(s).toFixed(1)},${sc.y(v).toFixed(1)}`).join(" ");

export function mount(live, ctx) {
  const runId = ctx.id("labrl_run");
  const stepId = ctx.id("labrl_step");
  const run = h("select", { id: runId });
  run.addEventListener("change", () => ctx.set({ labrl_run: Number(run.value), labrl_step: -1 }));
  const step = h("input", { id: stepId, type: "range", min: 0, max: 0, step: 1, value: 0 });
  const out = h("output", { for: stepId });
  step.addEventListener("input", () => ctx.set({ labrl_step: Number(step.value) }));
  const top = chart(220, "reward and accuracy");
  const bottom = chart(130, "KL");
  const legend = h("ul.tbt-lr-legend");
  const status = h("p.tbt-lr-status", { "aria-live": "polite" });
  const samples = h("ul.tbt-lr-samples", { "aria-label": "answers to held-out questions at this step" });
  live.append(
    h("div.tbt-controls", {},
      h("div.tbt-control", {}, h("label", { htmlFor: runId }, "Run"), run),
      h("div.tbt-control", {}, h("label", { htmlFor: stepId }, "Saved step"), step, out)),
    status,
    h("div.tbt-lr-charts", {}, top.el, legend, bottom.el),
    h("p.tbt-lr-heading", {}, "Its answers to held-out questions at this step (greedy; ✓ right, ✗ wrong, by the true checker)"),
    samples,
  );
  let built = -1;
  let scales = null;

  function build(view) {
    built = view.run;
    if (!run.options.length) run.append(...view.runs.map((r) => h("option", { value: String(r.index) }, r.label)));
    step.max = String(Math.max(0, view.count - 1));
    const s1 = view.last_step;
    const a = scaleOf(top, s1, 0, 1);
    drawAxes(top, a, s1, [0, 0.25, 0.5, 0.75, 1], (v) => `${Math.round(100 * v)}%`, "RL step → (share of answers)");
    top.lines.replaceChildren(...view.series.map((s, i) =>
      svg("path", { d: path(a, s.points), class: `tbt-lr-line tbt-lr-s${i}${s.dash ? " is-dash" : ""}` })));
    const kmax = Math.max(0.01, ...view.kl.map((p) => p[1]));
    const k1 = Number((kmax * 1.1).toPrecision(2));
    const b = scaleOf(bottom, s1, 0, k1);
    drawAxes(bottom, b, s1, [0, k1 / 2, k1], (v) => nats(v), "KL from the SFT model (nats) →");
    bottom.lines.replaceChildren(svg("path", { d: path(b, view.kl), class: "tbt-lr-line tbt-lr-kl" }));
    for (const c of [top, bottom]) c.axes.append(...view.steps.map((st) =>
      svg("line", { x1: a.x(st), x2: a.x(st), y1: c.height - B, y2: c.height - B + 5, class: "tbt-lr-tick" })));
    legend.replaceChildren(...view.series.map((s, i) =>
      h(`li.tbt-lr-key.tbt-lr-s${i}${s.dash ? ".is-dash" : ""}`, {}, s.label)),
    h("li.tbt-lr-key.tbt-lr-kl", {}, "KL from the SFT model (lower chart)"));
    scales = { a, b };
  }

  return {
    render(view) {
      if (built !== view.run) build(view);
      run.value = String(view.run);
      if (document.activeElement !== step) step.value = String(view.index);
      const label = `${view.index + 1} of ${view.count}: step ${view.step}`;
      out.textContent = label;
      step.setAttribute("aria-valuetext", label);
      const n = view.now;
      const { a, b } = scales;
      const x = a.x(view.step);
      top.marker.replaceChildren(svg("line", { x1: x, x2: x, y1: T, y2: top.height - B, class: "tbt-lr-now" }),
        ...view.series.map((s, i) => {
          const v = s.key === "heldout" ? n.heldout : s.key === "accuracy" ? n.accuracy : n.reward;
          return v == null ? null : svg("circle", { cx: x, cy: a.y(v), r: 4, class: `tbt-lr-dot tbt-lr-s${i}` });
        }).filter(Boolean));
      bottom.marker.replaceChildren(svg("line", { x1: x, x2: x, y1: T, y2: bottom.height - B, class: "tbt-lr-now" }),
        ...(n.kl == null ? [] : [svg("circle", { cx: x, cy: b.y(n.kl), r: 4, class: "tbt-lr-dot tbt-lr-kl" })]));
      const parts = [`${view.label}, step ${view.step}:`];
      if (view.kind === "flawed") {
        parts.push(`flawed reward ${pct(n.reward)} of answers paid, but only ${pct(n.accuracy)} right;`,
          `held-out accuracy ${pct(n.heldout)} (it was ${pct(view.start.heldout)} at step 0);`);
        if (n.heldout_flawed != null) parts.push(`the flawed grader would pay ${pct(n.heldout_flawed)} of those held-out answers;`);
      } else {
        parts.push(`reward ${pct(n.reward)} of sampled answers right;`,
          `held-out accuracy ${pct(n.heldout)} (it was ${pct(view.start.heldout)} at step 0);`);
      }
      parts.push(`KL from the SFT model ${nats(n.kl)} nats per answer; answers ${n.length == null ? "–" : n.length.toFixed(1)} tokens long.`);
      status.textContent = parts.join(" ");
      top.title.textContent = `${view.label}: ${view.series.map((s) => s.label).join(", ")}, over ${view.last_step} steps. ${status.textContent}`;
      top.el.setAttribute("aria-label", top.title.textContent);
      bottom.title.textContent = `KL from the SFT model over ${view.last_step} steps; ${nats(n.kl)} nats at step ${view.step}.`;
      bottom.el.setAttribute("aria-label", bottom.title.textContent);
      samples.replaceChildren(...view.samples.map((s) => h(`li.tbt-lr-sample${s.correct ? ".is-right" : ".is-wrong"}`, {},
        h("span.tbt-lr-mark", { role: "img", "aria-label": s.correct ? "right" : "wrong" }, s.correct ? "✓" : "✗"),
        h("span.tbt-lr-q", {}, s.question), h("span.tbt-lr-a", {}, s.reply || "(nothing)"))));
    },
  };
}
