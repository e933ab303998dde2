// The KL leash: the view. The leashed optimum, reward, drift, coherence and zones all come from
// widgets/kl_leash.py; the slider moves log10(β) so loose and tight get equal room.
import { h, select } from "../ui.js";

const pct = (v) => `${(100 * v).toFixed(1)}%`;
const pct0 = (v) => (v == null ? "–" : `${Math.round(100 * v)}%`);
const round3 = (x) => Number(x.toPrecision(3));
const VIEWS = { toy: "The toy (closed form, illustrative)", real: "Real runs of the lab model" };

// The real runs: one row per leash strength, with the final numbers and a few final answers.
function realPanel() {
  const intro = h("p.tbt-prompt");
  const body = h("tbody");
  const table = h("table.tbt-kl-real", {},
    h("caption", {}, "Lab model trained against a flawed reward, one run per leash strength β (held-out questions, at the end of training)"),
    h("thead", {}, h("tr", {}, ...["β", "Flawed reward", "True accuracy", "KL from start (nats)", "Answer length (tokens)"].map((t) => h("th", { scope: "col" }, t)))),
    body);
  const answers = h("div.tbt-kl-real-answers");
  const el = h("div.tbt-kl-real-box", {}, intro, h("div.tbt-kl-real-scroll", {}, table), answers);
  return {
    el,
    render(view) {
      intro.textContent = `The flawed grader pays when the right number appears anywhere in the answer. Before RL, the fine-tuned model was paid on ${pct0(view.start_flawed)} of held-out questions and was right on ${pct0(view.start_true)}.`;
      body.replaceChildren(...view.runs.map((r) => h("tr", {},
        h("th", { scope: "row" }, `β = ${r.beta}`), h("td", {}, pct0(r.flawed)), h("td", {}, pct0(r.true)),
        h("td", {}, r.kl.toFixed(3)), h("td", {}, r.length.toFixed(1)))));
      answers.replaceChildren(...view.runs.map((r) => h("section.tbt-kl-real-run", { "aria-label": `answers at beta ${r.beta}` },
        h("p.tbt-kl-real-head", {}, `β = ${r.beta}: its answers after ${r.steps} steps (✓ right, ✗ wrong, by the true checker)`),
        h("ul.tbt-kl-real-list", {}, ...r.samples.slice(0, 3).map((x) => h("li", {},
          h("span.tbt-kl-real-mark", { role: "img", "aria-label": x.correct ? "right" : "wrong" }, x.correct ? "✓ " : "✗ "),
          h("span.tbt-kl-real-q", {}, `${x.question} `), h("span.tbt-kl-real-a", {}, x.reply || "(nothing)")))))));
    },
  };
}

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
  const specsAll = JSON.parse(ctx.root.dataset.params);
  const viewPick = specsAll.kl_view ? select(ctx, "kl_view", specsAll.kl_view, { labels: VIEWS, onChange: (v) => ctx.set({ kl_view: v }) }) : null;
  const toy = h("div.tbt-kl-toy", {}, prompt, h("div.tbt-controls", {}, control), zone, meters, list);
  const real = realPanel();
  real.el.hidden = true;
  live.append(...(viewPick ? [h("div.tbt-controls", {}, viewPick.el)] : []), toy, real.el);
  return {
    render(view) {
      const isReal = view.mode === "real";
      if (viewPick) viewPick.set(isReal ? "real" : "toy");
      toy.hidden = isReal;
      real.el.hidden = !isReal;
      if (isReal) {
        real.render(view);
        return;
      }
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
