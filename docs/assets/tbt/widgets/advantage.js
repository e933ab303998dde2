// Advantage: the view. Rewards, advantages and the group statistics come from widgets/advantage.py,
// in two modes: the hand-set example (default) and a real group of the lab model's answers.
import { button, h, select, slider, toggle } from "../ui.js";

const signed = (v) => (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v).toFixed(2);
const MODES = { hand: "Hand-set example (illustrative)", real: "Real answers from the lab model" };

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  let mean = 5;
  const base = slider(ctx, "adv_baseline", specs.adv_baseline, {
    format: (v) => Number(v).toFixed(1), onInput: (v) => ctx.set({ adv_baseline: v }),
  });
  const norm = toggle(ctx, "adv_normalize", specs.adv_normalize, { onChange: (v) => ctx.set({ adv_normalize: v }) });
  const mode = specs.adv_mode ? select(ctx, "adv_mode", specs.adv_mode, { labels: MODES, onChange: (v) => ctx.set({ adv_mode: v }) }) : null;
  const snap = button("Snap baseline to the group mean (GRPO)", () => {
    base.input.value = mean;
    ctx.set({ adv_baseline: mean });
  });
  const prompt = h("p.tbt-prompt");
  const list = h("ul.tbt-adv", { "aria-label": "advantage of each attempt" });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  let rows = null;
  let shown = "";
  const handControls = h("div.tbt-controls", {}, base.el, norm.el);
  const actions = h("div.tbt-actions", {}, snap);
  live.append(...(mode ? [h("div.tbt-controls", {}, mode.el)] : []), prompt, handControls, actions, list, note);
  return {
    render(view) {
      const s = view.state;
      const real = view.mode === "real";
      if (mode) mode.set(real ? "real" : "hand");
      handControls.style.display = actions.style.display = real ? "none" : "";
      if (shown !== (view.mode || "hand")) {
        shown = view.mode || "hand";
        rows = null;
        list.replaceChildren();
      }
      mean = view.mean;
      base.set(s.adv_baseline);
      norm.set(s.adv_normalize);
      prompt.textContent = real
        ? `Question: “${view.prompt}” (right answer: ${view.answer}). ${view.rollouts.length} answers the fine-tuned lab model sampled at temperature ${view.temperature}, each scored 1 (right) or 0 (wrong) by a checker program.`
        : `Prompt: “${view.prompt}”`;
      if (!rows) {
        rows = view.rollouts.map((r) => {
          const fill = h("span.tbt-adv-fill");
          const value = h("span.tbt-adv-value");
          const row = h("li.tbt-adv-row", {},
            h("span.tbt-adv-text", {}, h("strong", {}, `R ${r.reward}`), ` ${r.text} `, h("em", {}, `(${r.kind})`)),
            h("span.tbt-adv-track", {}, fill), value);
          list.append(row);
          return { row, fill, value };
        });
      }
      view.advantages.forEach((a, i) => {
        const r = rows[i];
        const w = Math.min(1, Math.abs(a) / view.limit) * 50;
        r.fill.style.width = `${w}%`;
        r.fill.style.left = a >= 0 ? "50%" : `${50 - w}%`;
        r.row.dataset.verdict = view.verdicts[i];
        r.value.textContent = `${signed(a)} ${view.verdicts[i]}`;
      });
      const c = view.counts;
      if (real) {
        note.textContent = `Group mean ${view.mean.toFixed(3)}, standard deviation ${view.std.toFixed(3)} (population: divide by N). ` +
          `Advantage = (reward − mean) ÷ standard deviation: ${c.reinforce} reinforced, ${c.suppress} suppressed` +
          (c.neutral ? `, ${c.neutral} neutral` : "") + "; the advantages add up to zero.";
        return;
      }
      const parts = [`Baseline ${s.adv_baseline.toFixed(1)}: ${c.reinforce} reinforced, ${c.suppress} suppressed` +
        (c.neutral ? `, ${c.neutral} neutral.` : ".")];
      if (view.at_mean) parts.push(`This is the group mean (${view.mean.toFixed(1)}): the advantages add up to zero.`);
      if (s.adv_normalize) parts.push(`Divided by the group's standard deviation, ${view.std.toFixed(2)} (population: divide by N).`);
      note.textContent = parts.join(" ");
      snap.disabled = view.at_mean;
    },
  };
}
