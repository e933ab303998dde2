// Watch the lab model learn: the view. The checkpoints, losses and samples come from the build's
// training history (widgets/lab_training.py reads history.json); this file draws the slider, the
// two loss curves with the current checkpoint marked (assets/tbt/chart.js), and the samples, as
// text only.
import { chart } from "../chart.js";
import { h } from "../ui.js";

const fmtTokens = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : n >= 1e3 ? `${Math.round(n / 1e3)} thousand` : String(n));

export function mount(live, ctx) {
  const id = ctx.id("lab_ckpt");
  const input = h("input", { id, type: "range", min: 0, max: 0, step: 1, value: 0 });
  const out = h("output", { for: id });
  input.addEventListener("input", () => ctx.set({ lab_ckpt: Number(input.value) }));
  const plot = chart({ height: 260, x: { min: 0, max: 1, label: "training step" },
    y: { min: 0, max: 1, label: "loss (lower is better)" } });
  const status = h("p.tbt-lab-status", { "aria-live": "polite" });
  const samples = h("div.tbt-lab-samples");
  live.append(
    h("div.tbt-controls", {}, h("div.tbt-control", {}, h("label", { htmlFor: id }, "Training checkpoint"), input, out)),
    status, plot.el,
    h("p.tbt-lab-heading", {}, "What it writes at this checkpoint (its single most likely continuation)"), samples,
  );
  let drawn = false;

  // The two loss curves, once: only the marked checkpoint moves after that.
  function build(view) {
    const n = view.count;
    input.max = String(n - 1);
    const all = view.train.concat(view.heldout).map((p) => p[1]);
    const top = Math.ceil(Math.max(...all));
    const last = Math.max(view.steps[n - 1], ...view.train.map((p) => p[0])) || 1;
    plot.draw([
      { points: view.train, color: "blue", label: "training loss (averaged over 25 steps)" },
      { points: view.heldout, color: "orange", dash: true, label: "held-out loss (text it never trained on)" },
    ], {
      x: { min: 0, max: last, label: "training step", minor: view.steps },
      y: { min: Math.max(0, Math.floor(Math.min(...all))), max: top, label: "loss (lower is better)" },
    });
    drawn = true;
  }

  return {
    render(view) {
      if (!drawn) build(view);
      const c = view.checkpoint;
      if (document.activeElement !== input) input.value = String(view.index);
      const label = `${view.index + 1} of ${view.count}: step ${c.step}`;
      out.textContent = label;
      input.setAttribute("aria-valuetext", label);
      plot.mark(c.step, [c.train_loss, c.heldout_loss]);
      status.textContent = `Step ${c.step}` + (c.tokens ? ` (${fmtTokens(c.tokens)} tokens read)` : "") +
        `: training loss ${c.train_loss.toFixed(2)}, held-out loss ${c.heldout_loss.toFixed(2)}` +
        ` (as if choosing among ${Math.round(view.perplexity).toLocaleString("en")} equally likely tokens).`;
      plot.describe(`Loss curves over ${view.count} checkpoints; ${status.textContent}`);
      samples.replaceChildren(...c.samples.map((sm) => h("p.tbt-lab-sample", {},
        h("span.tbt-lab-sample-prompt", {}, sm.prompt), h("span.tbt-lab-sample-text", {}, sm.reply))));
    },
  };
}
