// Retrieval: the view. Ranking (BM25), the prompt and its cl100k_base token counts come from
// widgets/retrieval.py. Everything the reader types is shown as text, never as HTML.
import { button, h, slider } from "../ui.js";

const VERDICT = {
  found: (v) => `The passage that answers it, “${v.gold_title}”, ranked #${v.gold_rank} and was pasted in. The model has what it needs.`,
  cut: (v) => `The passage that answers it, “${v.gold_title}”, ranked #${v.gold_rank} but did not fit in ${v.budget} tokens. The model never sees it, and may guess.`,
  missed: (v) => `The passage that answers it, “${v.gold_title}”, shares no search word with the question, so the search never found it. The model never sees it, and may guess.`,
  open: () => "Your own question: nobody has marked which passage answers it. Read the pasted ones and judge.",
  "no-match": () => "No passage shares a search word with this question, so nothing is pasted. A model asked to answer only from the passages should say it does not know.",
  empty: () => "Type a question, or pick an example.",
};

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const qid = ctx.id("ret_q");
  const box = h("input.tbt-ret-input", { id: qid, type: "text", maxLength: specs.ret_q.max_len, value: specs.ret_q.default, spellcheck: false, autocomplete: "off" });
  box.addEventListener("input", () => ctx.set({ ret_q: box.value }));
  const budget = slider(ctx, "ret_budget", specs.ret_budget, { format: (v) => `${v} tokens`, onInput: (v) => ctx.set({ ret_budget: v }) });
  const examples = h("div.tbt-actions.tbt-ret-examples", { role: "group", "aria-label": "Example questions" });
  const verdict = h("p.tbt-note.tbt-ret-verdict", { "aria-live": "polite" });
  const meterFill = h("span.tbt-ret-meter-fill");
  const meterText = h("span.tbt-ret-meter-text");
  const list = h("ol.tbt-ret-list", { "aria-label": "Best-matching passages, best first" });
  const promptHead = h("p.tbt-ret-prompt-head");
  const prompt = h("pre.tbt-ret-prompt", { tabindex: "0", "aria-label": "The prompt that would be sent to the model" });
  live.append(
    h("div.tbt-control.tbt-ret-field", {}, h("label", { htmlFor: qid }, specs.ret_q.label), box),
    examples,
    h("div.tbt-controls", {}, budget.el),
    verdict,
    h("div.tbt-ret-meter", { "aria-hidden": "true" }, meterFill), meterText,
    list, promptHead, prompt,
  );
  let exampleButtons = null;
  return {
    render(view) {
      const s = view.state;
      if (document.activeElement !== box && box.value !== s.ret_q) box.value = s.ret_q;
      budget.set(s.ret_budget);
      if (!exampleButtons) {
        exampleButtons = view.examples.map((q) => button(q, () => { box.value = q; ctx.set({ ret_q: q }); }));
        examples.append(...exampleButtons);
      }
      exampleButtons.forEach((b) => b.setAttribute("aria-pressed", String(b.textContent === s.ret_q.trim())));
      verdict.dataset.verdict = view.verdict;
      verdict.textContent = VERDICT[view.verdict](view);
      meterFill.style.width = `${Math.min(100, (100 * view.prompt_tokens) / view.budget)}%`;
      meterText.textContent = `Prompt: ${view.prompt_tokens} of ${view.budget} tokens (cl100k_base), ${view.pasted} of ${view.n_passages} passages pasted; ${view.overhead} tokens are the instructions and the question.`;
      list.replaceChildren(...view.rows.map((r) => h("li.tbt-ret-row", { "data-pasted": String(r.pasted), "data-answers": String(r.answers), value: r.rank },
        h("span.tbt-ret-title", {}, r.title),
        h("span.tbt-ret-meta", {}, `score ${r.score.toFixed(2)} · ${r.tokens} tokens · `,
          h("strong", {}, r.pasted ? "pasted" : "left out"), r.answers ? " · answers the question" : ""),
        h("span.tbt-ret-text", {}, r.text))));
      if (!view.rows.length) list.append(h("li.tbt-ret-none", {}, "No passage matched."));
      promptHead.textContent = "The prompt the model would receive:";
      prompt.textContent = view.prompt;
    },
  };
}
