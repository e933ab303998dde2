// Generation loop: the view. The candidates, their probabilities (softmax) and the greedy pick come
// from widgets/generation_loop.py; this file draws the reply, the bars and the step controls.
// Auto-play only changes the step on a timer; the small "new token" effect is CSS that runs only
// when the reader has not asked for reduced motion.
import { bars, button, h } from "../ui.js";

const pct = (v) => `${(100 * v).toFixed(1)}%`;
const PLAY_MS = 900;

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  let steps = specs.gen_step.max;
  let timer = 0;

  const reply = h("div.tbt-gen-reply", {
    tabindex: "0",
    role: "group",
    "aria-label": "The reply so far, one box per token. Left and right arrow keys step through it.",
  });
  const counter = h("p.tbt-gen-counter");
  const chartBox = h("div.tbt-chart");
  const chartTitle = h("p.tbt-gen-chart-title");
  const note = h("p.tbt-note", { "aria-live": "polite" });

  const go = (step) => ctx.set({ gen_step: Math.max(1, Math.min(steps, step)) });
  const stop = () => {
    if (!timer) return;
    clearInterval(timer);
    timer = 0;
    play.textContent = "Play";
    play.classList.remove("is-playing");
  };
  const tick = () => {
    if (!ctx.root.isConnected || ctx.state.gen_step >= steps) {
      stop();
      return;
    }
    go(ctx.state.gen_step + 1);
  };
  const start = () => {
    if (ctx.state.gen_step >= steps) go(1); // at the end, Play starts the reply again
    play.textContent = "Pause";
    play.classList.add("is-playing");
    timer = setInterval(tick, PLAY_MS);
  };

  const prev = button("Previous step", () => { stop(); go(ctx.state.gen_step - 1); });
  const next = button("Next step", () => { stop(); go(ctx.state.gen_step + 1); });
  // The label says what a press will do (Play / Pause); a class styles the playing state.
  const play = button("Play", () => (timer ? stop() : start()),
    { class: "md-button tbt-button tbt-gen-play" });
  const restart = button("Start over", () => { stop(); go(1); });

  // Arrow keys (and Home/End) step the loop whenever focus is inside the widget.
  live.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = {
      ArrowRight: () => go(ctx.state.gen_step + 1),
      ArrowLeft: () => go(ctx.state.gen_step - 1),
      Home: () => go(1),
      End: () => go(steps),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    stop();
    move();
  });

  live.append(
    h("p.tbt-prompt", {}, h("span.tbt-gen-who", {}, "You asked: "), "How many r's are in strawberry?"),
    h("p.tbt-gen-who", {}, "The model's reply so far:"),
    reply,
    counter,
    h("div.tbt-actions", {}, prev, next, play, restart),
    chartTitle,
    chartBox,
    note,
    h("p.tbt-gen-fine", {},
      "Illustrative: the scores are made up, and five candidates stand in for a vocabulary of " +
      "about 100,000 tokens. The pieces are real: GPT-4's tokenizer (cl100k_base) splits the " +
      "reply this way; ␣ marks a space. Bars are the model's own probabilities (temperature 1); " +
      "each step takes the most likely one (greedy decoding)."),
  );

  let shown = []; // token chips currently in the reply
  return {
    render(view) {
      steps = view.steps;
      // Rebuild the reply chips only where they changed, so the newest one alone is "new".
      const want = view.reply;
      let same = 0;
      while (same < shown.length && same < want.length && shown[same] === want[same]) same++;
      while (reply.childNodes.length > same) reply.lastChild.remove();
      want.slice(same).forEach((tok, i) => {
        const isEnd = view.done && same + i === want.length - 1;
        reply.append(h(`span.tbt-gen-token${isEnd ? ".is-end" : ""}`, {}, tok));
      });
      shown = want.slice();
      reply.querySelectorAll(".is-new").forEach((el) => el.classList.remove("is-new"));
      if (reply.lastChild) reply.lastChild.classList.add("is-new");

      counter.textContent = `Step ${view.step} of ${view.steps}` +
        (view.done ? " · finished: the model picked its end token" : "");
      chartTitle.textContent = view.step === 1
        ? "Candidates for the first token of the reply:"
        : `Candidates for the next token after “${view.context}”:`;

      const chart = bars(view.candidates, {
        format: pct,
        caption: `candidates at step ${view.step}, with probabilities`,
      });
      chart.update(view.probs, { mark: view.chosen });
      chartBox.replaceChildren(chart.el);

      // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
      prev.setAttribute("aria-disabled", String(view.step <= 1));
      next.setAttribute("aria-disabled", String(view.step >= view.steps));
      note.textContent = view.announce;
      if (view.step >= view.steps) stop();
    },
  };
}
