// The KL leash: the view. The leashed optimum, reward, drift, coherence and zones all come from
// widgets/kl_leash.py; the slider moves log10(β) so loose and tight get equal room.
import { h } from "../ui.js";

export const styles = true;
const pct = (v) => `${(100 * v).toFixed(1)}%`;
const round3 = (x) => Number(x.toPrecision(3));

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params).kl_beta;
  const id = ctx.id("kl_beta");
  const input = h("input", { id, type: "range", min: Math.log10(specs.min), max: Math.log10(specs.max), step: 0.05, value: Math.log10(specs.default) });
  const out = h("output", { for: id });
  const showBeta = (b) => {
    out.textContent = `β = ${round3(b)}`;
    input.setAttribute("aria-valuetext", `beta ${round3(b)}`);
  };
  input.addEventListener("input", () => {
    const b = round3(10 ** Number(input.value));
    showBeta(b);
    ctx.set({ kl_beta: b });
  });
  const scale = h("div.tbt-kl-scale", { "aria-hidden": "true" });
  const control = h("div.tbt-control.tbt-kl-control", {}, h("label", { htmlFor: id }, specs.label), input, scale,
    h("div.tbt-kl-ends", { "aria-hidden": "true" }, h("span", {}, "loose"), h("span", {}, "tight")), out);
  const prompt = h("p.tbt-prompt");
  const zone = h("p.tbt-kl-zone", { "aria-live": "polite" });
  const meters = h("dl.tbt-kl-meters");
  const list = h("ul.tbt-kl-bars", { "aria-label": "probability of each answer: starting model and leashed model" });
  let rows = null;
  live.append(prompt, h("div.tbt-controls", {}, control), zone, meters, list);
  return {
    render(view) {
      const b = view.state.kl_beta;
      if (document.activeElement !== input) input.value = Math.log10(b);
      showBeta(b);
      prompt.textContent = `Prompt: “${view.prompt}”`;
      if (!rows) {
        const lo = Math.log10(view.range[0]), span = Math.log10(view.range[1]) - lo;
        const [e1, e2] = view.edges.map((e) => (100 * (Math.log10(e) - lo)) / span);
        scale.append(h("span.is-loose", { style: `width:${e1}%` }, "too loose"),
          h("span.is-sweet", { style: `width:${e2 - e1}%` }, "sweet spot"),
          h("span.is-tight", { style: `width:${100 - e2}%` }, "too tight"));
        rows = view.answers.map((a) => {
          const ref = h("span.tbt-kl-fill.is-ref");
          const pol = h("span.tbt-kl-fill.is-pol");
          const refV = h("span.tbt-kl-v"), polV = h("span.tbt-kl-v");
          const row = h("li.tbt-kl-row", { "data-coherent": a.coherent ? "1" : "0" },
            h("span.tbt-kl-label", {}, h("strong", {}, a.label), ` “${a.text}”`),
            h("span.tbt-kl-pair", {},
              h("span.tbt-kl-line", {}, h("span.tbt-kl-tag", {}, "start"), h("span.tbt-kl-track", {}, ref), refV),
              h("span.tbt-kl-line", {}, h("span.tbt-kl-tag", {}, "leashed"), h("span.tbt-kl-track", {}, pol), polV)));
          list.append(row);
          return { ref, pol, refV, polV };
        });
      }
      view.policy.forEach((p, i) => {
        const r = rows[i];
        r.ref.style.width = pct(view.reference[i]);
        r.pol.style.width = pct(p);
        r.refV.textContent = pct(view.reference[i]);
        r.polV.textContent = pct(p);
      });
      meters.replaceChildren(
        h("dt", {}, "Task reward"), h("dd", {}, `${view.reward.toFixed(2)} / 10 (start: ${view.reference_reward.toFixed(2)})`),
        h("dt", {}, "Drift (KL)"), h("dd", {}, `${view.drift.toFixed(3)} nats`),
        h("dt", {}, "Coherence"), h("dd", {}, pct(view.coherence)),
      );
      const why = {
        "too loose": `Too loose: ${pct(view.hack)} of the answers are the gibberish that games the reward model.`,
        "too tight": `Too tight: drift is under ${view.tight_drift} nats, so the model has barely learned anything.`,
        "sweet spot": "Sweet spot: the accurate answers gain, and the gibberish stays rare.",
      }[view.zone];
      zone.textContent = `β = ${round3(b)}. ${why}`;
      zone.dataset.zone = view.zone;
    },
  };
}
