// Agent steps: the view. The probabilities come from widgets/agent_steps.py (exact arithmetic).
import { h, slider } from "../ui.js";
import { chart } from "../chart.js";

const pct = (v) => {
  const x = 100 * v;
  if (x > 0 && x < 0.1) return "<0.1%";
  if (x < 100 && x > 99.9) return ">99.9%";
  return `${x < 10 && x > 0 ? x.toFixed(1) : Math.round(x)}%`;
};

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const p = slider(ctx, "ag_p", specs.ag_p, { format: (v) => `${Math.round(100 * v)}%`, onInput: (v) => ctx.set({ ag_p: v }) });
  const n = slider(ctx, "ag_steps", specs.ag_steps, { onInput: (v) => ctx.set({ ag_steps: v }) });
  const c = slider(ctx, "ag_catch", specs.ag_catch, { format: (v) => `${Math.round(100 * v)}%`, onInput: (v) => ctx.set({ ag_catch: v }) });
  const r = slider(ctx, "ag_retries", specs.ag_retries, { onInput: (v) => ctx.set({ ag_retries: v }) });
  const plot = chart({ height: 250, x: { min: 1, max: 100, ticks: [1, 25, 50, 75, 100], label: "steps in the task" },
    y: { min: 0, max: 1, ticks: [0, 0.5, 1], percent: true, label: "task succeeds" } });
  const stats = h("dl.tbt-agent-stats");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  live.append(
    h("div.tbt-controls", {}, p.el, n.el),
    h("div.tbt-controls", {}, c.el, r.el),
    stats, plot.el, note,
  );
  return {
    render(view) {
      const st = view.state;
      p.set(st.ag_p); n.set(st.ag_steps); c.set(st.ag_catch); r.set(st.ag_retries);
      const b = view.bare, k = view.checked;
      const row = (label, cls, value) => [h("dt", {}, label), h(`dd.${cls}`, {}, value)];
      stats.replaceChildren(
        ...row("Whole task succeeds, no checker", "tbt-agent-bare", pct(b.success)),
        ...row("Whole task succeeds, with the checker", "tbt-agent-checked", view.has_checker ? pct(k.success) : "— (checker off)"),
        ...row("Fails silently (nobody notices)", "tbt-agent-silent", pct(k.silent)),
        ...row("Stops and asks for help", "tbt-agent-flagged", pct(k.flagged)),
        ...row("Attempts per step, on average", "tbt-agent-attempts", view.attempts.toFixed(2)),
      );
      const points = (values) => values.map((v, i) => [i + 1, v]);
      const series = [{ points: points(view.curve_bare), color: "red", label: "no checker" }];
      if (view.has_checker) series.push({ points: points(view.curve_checked), color: "green", dash: true, label: "with the checker" });
      plot.draw(series);
      plot.mark(st.ag_steps);
      plot.describe(`Task success against steps. At ${st.ag_steps} steps: ${pct(b.success)} with no checker` +
        (view.has_checker ? `, ${pct(k.success)} with the checker.` : "."));
      const half = view.has_checker ? view.half_checked : view.half_bare;
      let text = `${Math.round(100 * st.ag_p)}% per step over ${st.ag_steps} steps: the whole task succeeds ${pct(b.success)} of the time.`;
      if (view.has_checker) text += ` With the checker: ${pct(k.success)}, and ${pct(k.flagged)} of tasks stop openly instead of going wrong in silence.`;
      text += half ? ` Success falls below half at ${half} steps.` : " Every step is certain, so nothing compounds.";
      note.textContent = text;
    },
  };
}
