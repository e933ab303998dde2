// Preference: the view. The Bradley–Terry fit, agreement and cycles come from
// widgets/preference.py; this file draws the answers, one radio pair per comparison, and the scores.
import { button, h } from "../ui.js";

const pct = (v) => `${Math.round(100 * v)}%`;
const signed = (v) => (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v).toFixed(2);

export function mount(live, ctx) {
  const prompt = h("p.tbt-prompt");
  const answers = h("dl.tbt-pref-answers");
  const pairs = h("div.tbt-pref-pairs");
  const actions = h("div.tbt-actions");
  const scores = h("ol.tbt-pref-scores", { "aria-label": "Fitted scores, best first" });
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const cyc = h("p.tbt-pref-cycles", { "aria-live": "polite" });
  live.append(prompt, answers, h("p.tbt-pref-howto", {}, "For each pair, pick the better answer:"), pairs, actions, h("p.tbt-pref-head", {}, "What the reward model learned from your choices:"), scores, note, cyc);
  // Build on the runtime's latest state, not on the last view drawn: a view can arrive late,
  // while the reader is already judging the next pair.
  const current = () => {
    const v = ctx.state.pref_votes;
    return typeof v === "string" && /^[ab-]{6}$/.test(v) ? v : "------";
  };
  const setVote = (k, v) => {
    const votes = current();
    ctx.set({ pref_votes: votes.slice(0, k) + v + votes.slice(k + 1) });
  };
  let built = null;
  let sample = "";
  actions.append(
    button("Fill in a sample labeller's choices", () => ctx.set({ pref_votes: sample })),
    button("Clear my choices", () => ctx.set({ pref_votes: "------" })),
  );
  return {
    render(view) {
      sample = view.sample;
      const letter = (i) => view.answers[i].letter;
      if (!built) {
        prompt.textContent = `Prompt: “${view.prompt}”`;
        answers.append(...view.answers.flatMap((a) => [h("dt", {}, `Answer ${a.letter}`), h("dd", {}, a.text)]));
        built = view.pairs.map((p, k) => {
          const name = ctx.id(`pair${k}`);
          const radio = (v, i) => {
            const id = `${name}-${v}`;
            const input = h("input", { type: "radio", name, id, value: v });
            input.addEventListener("change", () => input.checked && setVote(k, v));
            return { input, el: h("span.tbt-pref-choice", {}, input, h("label", { htmlFor: id }, `${letter(i)} is better`)) };
          };
          const a = radio("a", p.first), b = radio("b", p.second);
          const fit = h("span.tbt-pref-fit");
          const row = h("fieldset.tbt-pref-pair", {}, h("legend", {}, `${letter(p.first)} or ${letter(p.second)}?`), a.el, b.el, fit);
          pairs.append(row);
          return { a: a.input, b: b.input, fit, row };
        });
      }
      const latest = current();
      view.pairs.forEach((p, k) => {
        const r = built[k];
        r.a.checked = latest[k] === "a";
        r.b.checked = latest[k] === "b";
        r.row.dataset.agrees = p.agrees == null ? "" : p.agrees;
        const winFirst = p.p_first >= 0.5;
        const w = winFirst ? p.first : p.second;
        const l = winFirst ? p.second : p.first;
        const pw = winFirst ? p.p_first : 1 - p.p_first;
        let text = p.even ? `Model: a coin flip between ${letter(p.first)} and ${letter(p.second)}.`
          : `Model: ${letter(w)} beats ${letter(l)} ${pct(pw)} of the time.`;
        if (p.agrees === "no") text += " It disagrees with your choice.";
        if (p.vote === "-" && !p.even) text += " (A guess: you have not judged this pair.)";
        r.fit.textContent = text;
      });
      scores.replaceChildren(...view.order.map((i) => h("li.tbt-pref-score", {}, h("strong", {}, `${letter(i)}`), ` (${view.answers[i].label}): `, h("span.tbt-pref-value", {}, signed(view.scores[i])))));
      note.textContent = view.n_judged
        ? `You judged ${view.n_judged} of ${view.pairs.length} pairs. The fitted scores agree with ${view.n_agree} of your ${view.n_judged} choices.`
        : "No choices yet: every answer scores 0. Judge a pair and watch the scores move.";
      cyc.textContent = view.cycles.length
        ? `Your choices go in a circle: ${view.cycles.map((c) => `${c[0]} over ${c[1]}, ${c[1]} over ${c[2]}, ${c[2]} over ${c[0]}`).join("; and ")}. No set of scores can agree with all of these, so the model splits the difference.`
        : "";
    },
  };
}
