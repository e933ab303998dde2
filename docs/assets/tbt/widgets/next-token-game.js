// The next-token game: the view. Prompts, odds, the loss and the gradient steps are computed in
// widgets/next_token_game.py; the answer key is not even sent until the reader asks for it.
import { bars, button, h } from "../ui.js";

const pct = (v) => `${(100 * v).toFixed(1)}%`;

export function mount(live, ctx) {
  const id = ctx.id("ntg_prompt");
  const picker = h("select", { id });
  picker.addEventListener("change", () =>
    ctx.set({ ntg_prompt: Number(picker.value), ntg_guess: -1, ntg_revealed: false, ntg_nudges: 0 }));
  const prompt = h("p.tbt-prompt", { "aria-live": "polite" });
  const guessBox = h("div.tbt-ntg-guesses", { role: "group", "aria-label": "Your guess for the next word" });
  const reveal = button("Reveal the model's odds", () => ctx.set({ ntg_revealed: true }));
  const nudgeBtn = button("Nudge the model (one training step)", () => ctx.set({ ntg_nudges: ctx.state.ntg_nudges + 1 }));
  const again = button("Start this prompt again", () => ctx.set({ ntg_guess: -1, ntg_revealed: false, ntg_nudges: 0 }));
  const next = button("Next prompt", () =>
    ctx.set({ ntg_prompt: (ctx.state.ntg_prompt + 1) % picker.options.length, ntg_guess: -1, ntg_revealed: false, ntg_nudges: 0 }));
  const chartBox = h("div.tbt-chart");
  const lossLine = h("p.tbt-ntg-loss");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  live.append(
    h("div.tbt-controls", {}, h("div.tbt-control", {}, h("label", { htmlFor: id }, "Prompt"), picker)),
    prompt,
    h("p.tbt-ntg-step", {}, "1. Pick your guess:"),
    guessBox,
    h("div.tbt-actions", {}, reveal),
    chartBox,
    lossLine,
    h("div.tbt-actions", {}, nudgeBtn, again, next),
    note,
  );
  let built = -1;
  let guesses = [];
  let chart = null;

  return {
    render(view) {
      const s = view.state;
      if (!picker.options.length) {
        for (let i = 0; i < view.count; i++) picker.append(h("option", { value: i }, `Prompt ${i + 1} of ${view.count}`));
      }
      picker.value = String(s.ntg_prompt);
      if (built !== s.ntg_prompt) {
        built = s.ntg_prompt;
        guesses = view.candidates.map((c, i) => button(c.trim(), () => ctx.set({ ntg_guess: i })));
        guessBox.replaceChildren(...guesses);
        chartBox.replaceChildren();
        chart = null;
      }
      picker.options[s.ntg_prompt].textContent = `Prompt ${s.ntg_prompt + 1} of ${view.count} (${view.level})`;
      const blank = view.state.ntg_revealed ? view.candidates[view.true].trim() : s.ntg_guess >= 0 ? `${view.candidates[s.ntg_guess].trim()}?` : "___";
      prompt.replaceChildren(`${view.prompt} `, h("span.tbt-blank", {}, blank));
      guesses.forEach((b, i) => {
        b.setAttribute("aria-pressed", String(i === s.ntg_guess));
        b.disabled = s.ntg_revealed;
        b.classList.toggle("is-true", s.ntg_revealed && i === view.true);
      });
      reveal.disabled = s.ntg_revealed;
      nudgeBtn.disabled = !s.ntg_revealed || s.ntg_nudges >= view.max_nudges;
      again.disabled = !s.ntg_revealed && s.ntg_guess < 0;
      if (!s.ntg_revealed) {
        chartBox.hidden = true;
        lossLine.textContent = "";
        note.textContent = s.ntg_guess >= 0
          ? `You guessed “${view.candidates[s.ntg_guess].trim()}”. Now reveal what the model predicted and what the text really said.`
          : "Guess which word comes next, then reveal.";
        return;
      }
      chartBox.hidden = false;
      if (!chart) {
        chart = bars(view.candidates.map((c) => c.trim()), { format: pct, caption: "the model's probability for each next word" });
        chartBox.append(chart.el);
      }
      chart.update(view.probs, { mark: view.true });
      const t = view.candidates[view.true].trim();
      const p = view.probs[view.true];
      lossLine.textContent = `Loss = −ln p(“${t}”) = −ln ${p.toFixed(3)} = ${view.loss.toFixed(3)} nats` +
        (s.ntg_nudges ? ` (it was ${view.start_loss.toFixed(3)} before ${s.ntg_nudges} nudge${s.ntg_nudges > 1 ? "s" : ""}).` : ".");
      const you = s.ntg_guess < 0 ? "You did not guess." : s.ntg_guess === view.true ? "You guessed right." : `You guessed “${view.candidates[s.ntg_guess].trim()}”.`;
      const model = `The model's favourite was “${view.candidates[view.model_pick].trim()}”; the text said “${t}”.`;
      const nudged = s.ntg_nudges
        ? ` After ${s.ntg_nudges} nudge${s.ntg_nudges > 1 ? "s" : ""} (learning rate ${view.learning_rate}), “${t}” has ${pct(p)}, up from ${pct(view.start_probs[view.true])}.`
        : " Nudge the model to train it on this one example.";
      note.textContent = `${you} ${model}${nudged}`;
    },
  };
}
