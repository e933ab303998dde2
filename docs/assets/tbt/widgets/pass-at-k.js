// pass@k: the view. pass@k, the vote and the estimator come from widgets/pass_at_k.py.
import { h, select, slider } from "../ui.js";
import { chart } from "../chart.js";

const pct = (v) => {
  const x = 100 * v;
  if (x > 99.9 && x < 100) return ">99.9%";
  if (x > 0 && x < 0.1) return "<0.1%";
  return `${x.toFixed(1)}%`;
};
const LABELS = {
  one: "All agree on one wrong answer",
  two: "Split between two wrong answers",
  scattered: "Every wrong answer is different",
};

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const p = slider(ctx, "pk_p", specs.pk_p, { format: (v) => `${Math.round(100 * v)}%`, onInput: (v) => ctx.set({ pk_p: v }) });
  const k = slider(ctx, "pk_k", specs.pk_k, { onInput: (v) => ctx.set({ pk_k: v }) });
  const rivals = select(ctx, "pk_rivals", specs.pk_rivals, { labels: LABELS, onChange: (v) => ctx.set({ pk_rivals: v }) });
  const stats = h("dl.tbt-pk-stats");
  const plot = chart({ height: 250, x: { min: 1, max: 100, log: true, ticks: [1, 10, 100], label: "attempts k (log scale)" },
    y: { min: 0, max: 1, ticks: [0, 0.5, 1], percent: true, label: "counted as solved" } });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  live.append(h("div.tbt-controls", {}, p.el, k.el, rivals.el), stats, plot.el, note);
  return {
    render(view) {
      const st = view.state;
      p.set(st.pk_p); k.set(st.pk_k); rivals.set(st.pk_rivals);
      const row = (label, cls, value) => [h("dt", {}, label), h(`dd.${cls}`, {}, value)];
      const e = view.estimate;
      stats.replaceChildren(
        ...row("pass@1: one attempt, right", "tbt-pk-pass1", pct(view.pass1)),
        ...row(`pass@${st.pk_k}: any of ${st.pk_k} attempts right`, "tbt-pk-passk", pct(view.passk)),
        ...row(`Majority vote of ${st.pk_k} attempts right`, "tbt-pk-vote", pct(view.vote)),
        ...row(`pass@${st.pk_k} estimated from ${e.n} attempts, ${e.c} right`, "tbt-pk-estimate", pct(e.value)),
      );
      const points = (values) => values.map((v, i) => [i + 1, v]);
      plot.draw([
        { points: points(view.curve_passk.map(() => view.pass1)), color: "grey", dash: true, label: "pass@1" },
        { points: points(view.curve_vote), color: "orange", label: "majority vote" },
        { points: points(view.curve_passk), color: "blue", label: "pass@k" },
      ]);
      plot.mark(st.pk_k);
      plot.describe(`At k = ${st.pk_k}: pass@k ${pct(view.passk)}, majority vote ${pct(view.vote)}, pass@1 ${pct(view.pass1)}.`);
      let text = `Right ${pct(view.pass1)} of the time on one try. Allowed ${st.pk_k} tries and a perfect judge of which one is right, it "passes" ${pct(view.passk)} of the time. Made to commit to its most common answer, it is right ${pct(view.vote)} of the time.`;
      if (st.pk_rivals !== "scattered" && view.wrong_share > view.pass1) text += " A wrong answer is more common than the right one, so more votes only make the vote surer of the wrong answer.";
      note.textContent = text;
    },
  };
}
