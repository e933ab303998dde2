// RL replay: the view. The runs, curves and saved answers come from the build's run records
// (widgets/lab_rl.py reads rl-history.json and rl-flawed.json); this file draws the run picker,
// the step slider, two charts with the current step marked (assets/tbt/chart.js), and the
// answers, as text only.
import { chart } from "../chart.js";
import { h } from "../ui.js";

const pct = (v) => (v == null ? "–" : `${Math.round(100 * v)}%`);
const nats = (v) => (v == null ? "–" : v.toFixed(v < 0.1 ? 3 : 2));
const COLORS = ["blue", "orange", "green"];             // the run's series, in the order Python gives

export function mount(live, ctx) {
  const runId = ctx.id("labrl_run");
  const stepId = ctx.id("labrl_step");
  const run = h("select", { id: runId });
  run.addEventListener("change", () => ctx.set({ labrl_run: Number(run.value), labrl_step: -1 }));
  const step = h("input", { id: stepId, type: "range", min: 0, max: 0, step: 1, value: 0 });
  const out = h("output", { for: stepId });
  step.addEventListener("input", () => ctx.set({ labrl_step: Number(step.value) }));
  const top = chart({ height: 230, x: { min: 0, max: 1, label: "RL step" },
    y: { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], percent: true, label: "share of answers" } });
  const bottom = chart({ height: 150, x: { min: 0, max: 1, label: "RL step" },
    y: { min: 0, max: 1, label: "KL (nats)" } });
  const status = h("p.tbt-lr-status", { "aria-live": "polite" });
  const samples = h("ul.tbt-lr-samples", { "aria-label": "answers to held-out questions at this step" });
  live.append(
    h("div.tbt-controls", {},
      h("div.tbt-control", {}, h("label", { htmlFor: runId }, "Run"), run),
      h("div.tbt-control", {}, h("label", { htmlFor: stepId }, "Saved step"), step, out)),
    status,
    h("div.tbt-lr-charts", {}, top.el, bottom.el),
    h("p.tbt-lr-heading", {}, "Its answers to held-out questions at this step (greedy; ✓ right, ✗ wrong, by the true checker)"),
    samples,
  );
  let built = -1;

  // A run's curves, once per run: only the marked step moves after that.
  function build(view) {
    built = view.run;
    if (!run.options.length) run.append(...view.runs.map((r) => h("option", { value: String(r.index) }, r.label)));
    step.max = String(Math.max(0, view.count - 1));
    const x = { min: 0, max: view.last_step || 1, label: "RL step", minor: view.steps };
    top.draw(view.series.map((s, i) => ({ points: s.points, color: COLORS[i], dash: s.dash || (i && "dot"), label: s.label })), { x });
    const kl = Number((Math.max(0.01, ...view.kl.map((p) => p[1])) * 1.1).toPrecision(2));
    bottom.draw([{ points: view.kl, color: "purple", label: "KL from the SFT model" }],
      { x, y: { min: 0, max: kl, ticks: [0, kl / 2, kl], format: (v) => (v ? nats(v) : "0"), label: "KL (nats)" } });
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
      top.mark(view.step, view.series.map((s) => (s.key === "heldout" ? n.heldout : s.key === "accuracy" ? n.accuracy : n.reward)));
      bottom.mark(view.step, [n.kl]);
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
      top.describe(`${view.label}: ${view.series.map((s) => s.label).join(", ")}, over ${view.last_step} steps. ${status.textContent}`);
      bottom.describe(`KL from the SFT model over ${view.last_step} steps; ${nats(n.kl)} nats at step ${view.step}.`);
      samples.replaceChildren(...view.samples.map((s) => h(`li.tbt-lr-sample${s.correct ? ".is-right" : ".is-wrong"}`, {},
        h("span.tbt-lr-mark", { role: "img", "aria-label": s.correct ? "right" : "wrong" }, s.correct ? "✓" : "✗"),
        h("span.tbt-lr-q", {}, s.question), h("span.tbt-lr-a", {}, s.reply || "(nothing)"))));
    },
  };
}
