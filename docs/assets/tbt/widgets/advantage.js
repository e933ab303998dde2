// Advantage: the view. Rewards, advantages and the group statistics come from widgets/advantage.py.
import { button, h, slider, toggle } from "../ui.js";

export const styles = true;
const signed = (v) => (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v).toFixed(2);

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  let mean = 5;
  const base = slider(ctx, "adv_baseline", specs.adv_baseline, {
    format: (v) => Number(v).toFixed(1), onInput: (v) => ctx.set({ adv_baseline: v }),
  });
  const norm = toggle(ctx, "adv_normalize", specs.adv_normalize, { onChange: (v) => ctx.set({ adv_normalize: v }) });
  const snap = button("Snap baseline to the group mean (GRPO)", () => {
    base.input.value = mean;
    ctx.set({ adv_baseline: mean });
  });
  const prompt = h("p.tbt-prompt");
  const list = h("ul.tbt-adv", { "aria-label": "advantage of each attempt" });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  let rows = null;
  live.append(prompt, h("div.tbt-controls", {}, base.el, norm.el), h("div.tbt-actions", {}, snap), list, note);
  return {
    render(view) {
      const s = view.state;
      mean = view.mean;
      base.set(s.adv_baseline);
      norm.set(s.adv_normalize);
      prompt.textContent = `Prompt: “${view.prompt}”`;
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
      const parts = [`Baseline ${s.adv_baseline.toFixed(1)}: ${c.reinforce} reinforced, ${c.suppress} suppressed` +
        (c.neutral ? `, ${c.neutral} neutral.` : ".")];
      if (view.at_mean) parts.push(`This is the group mean (${view.mean.toFixed(1)}): the advantages add up to zero.`);
      if (s.adv_normalize) parts.push(`Divided by the group's standard deviation, ${view.std.toFixed(2)} (population: divide by N).`);
      note.textContent = parts.join(" ");
      snap.disabled = view.at_mean;
    },
  };
}
