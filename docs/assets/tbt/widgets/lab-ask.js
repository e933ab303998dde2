// Ask the lab model: the view. The model's real next-token probabilities, the dials and the seeded
// generation loop are computed in widgets/lab_ask.py; this file draws the prompt box, the token
// pieces, the reply and the bars. Everything typed or computed is written as text, never as HTML.
import { bars, button, h, slider } from "../ui.js";

const pct = (v) => (v > 0 && v < 0.001 ? "<0.1%" : `${(100 * v).toFixed(1)}%`);

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const boxId = ctx.id("prompt");
  const box = h("textarea.tbt-lab-input", {
    id: boxId, rows: 2, maxLength: specs.lab_prompt.max_len, spellcheck: false,
    value: specs.lab_prompt.default,
  });
  // A new prompt starts a new reply: the old one answered a different question.
  box.addEventListener("input", () => ctx.set({ lab_prompt: box.value, lab_n: 0 }));
  const temperature = slider(ctx, "lab_temp", specs.lab_temp, {
    format: (v) => (v === 0 ? "0 (greedy)" : v.toFixed(2)),
    onInput: (v) => ctx.set({ lab_temp: v }),
  });
  const topK = slider(ctx, "lab_top_k", { ...specs.lab_top_k, max: 100 }, {
    format: (v) => (v === 0 ? "off" : String(v)),
    onInput: (v) => ctx.set({ lab_top_k: v }),
  });
  const topP = slider(ctx, "lab_top_p", specs.lab_top_p, {
    format: (v) => (v >= 1 ? "off (1.00)" : v.toFixed(2)),
    onInput: (v) => ctx.set({ lab_top_p: v }),
  });
  const count = h("p.tbt-lab-count", { "aria-live": "polite" });
  const clip = h("p.tbt-lab-clip", { role: "note" });
  const chips = h("div.tbt-lab-chips", { role: "group", "aria-label": "The prompt as the model's tokens" });
  const reply = h("p.tbt-lab-reply");
  const chartBox = h("div.tbt-chart");
  const rest = h("p.tbt-note.tbt-lab-rest");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const max = specs.lab_n.max;
  const one = button("Sample one token", () => ctx.set({ lab_n: Math.min(max, ctx.state.lab_n + 1) }));
  const ten = button("Write 10 tokens", () => ctx.set({ lab_n: Math.min(max, ctx.state.lab_n + 10) }));
  const clear = button("Clear reply", () => ctx.set({ lab_n: 0 }));
  const reseed = button("New seed", () => ctx.set({ lab_seed: (ctx.state.lab_seed % 999999) + 1 }));
  live.append(
    h("div.tbt-control.tbt-lab-field", {}, h("label", { htmlFor: boxId }, specs.lab_prompt.label), box),
    count, clip, chips,
    h("div.tbt-controls", {}, temperature.el, topK.el, topP.el),
    h("p.tbt-lab-heading", {}, "Prompt and reply"), reply,
    h("div.tbt-actions", {}, one, ten, clear, reseed),
    note,
    h("p.tbt-lab-heading", {}, "What could come next (the ten most likely tokens)"),
    chartBox, rest,
  );
  let chart = null;
  let labels = "";
  let writing = 0;                  // bumped when a new view arrives: an older loop stops

  // A long reply arrives in slices (view.partial): ask for the rest, a slice at a time, while
  // the state stays the same; each slice is its own message, so other widgets answer between.
  async function carryOn(mine, key) {
    try {
      while (mine === writing) {
        const v = await ctx.call({ _ms: 60 });
        if (mine !== writing || JSON.stringify(ctx.state) !== key) return;
        show(v);
        if (!v.partial) return;
      }
    } catch (err) {
      note.textContent = "The model stopped writing (something went wrong). Press a button to try again.";
    }
  }

  const self = {
    render(view) {
      const mine = ++writing;
      show(view);
      if (view.partial) carryOn(mine, JSON.stringify(ctx.state));
    },
  };

  function show(view) {
    const s = view.state;
    if (document.activeElement !== box && box.value !== s.lab_prompt) box.value = s.lab_prompt;
    temperature.set(s.lab_temp);
    topK.set(s.lab_top_k);
    topP.set(s.lab_top_p);
    count.textContent = `${view.n_prompt_tokens} prompt token${view.n_prompt_tokens === 1 ? "" : "s"} · the model reads up to ${view.context}`;
    clip.textContent = view.clip_note;
    clip.hidden = !view.clip_note;
    chips.replaceChildren(...view.prompt_tokens.map((t, i) =>
      h(`span.tbt-lab-chip.tbt-lab-c${i % 5}`, { title: `token ${t.id}` }, t.shown)));
    if (!view.prompt_tokens.length) chips.append(h("span.tbt-lab-empty", {}, "(empty: the model starts a new text)"));
    reply.replaceChildren(h("span.tbt-lab-prompt-text", {}, s.lab_prompt),
      ...view.reply.map((t, i) => h("span.tbt-lab-gen", {
        title: `drawn with probability ${pct(t.p)}`,
        class: i === view.reply.length - 1 ? "tbt-lab-gen is-last" : "tbt-lab-gen",
      }, t.text)));
    const key = view.rows.map((r) => r.shown).join("\u0000");
    if (key !== labels) {
      labels = key;
      chart = bars(view.rows.map((r) => r.shown), { format: pct, caption: "next-token probabilities after the dials" });
      chartBox.replaceChildren(chart.el);
    }
    chart.update(view.rows.map((r) => r.q), { dim: view.rows.map((r) => r.q === 0) });
    rest.textContent = `The other ${view.rest_count.toLocaleString("en")} tokens in its vocabulary of ${view.vocab.toLocaleString("en")}: ${pct(view.rest_q)} together (${pct(view.rest_p)} before the dials). ${view.kept.toLocaleString("en")} tokens can be drawn.`;
    const parts = [];
    if (view.greedy) parts.push("Temperature 0 is greedy: the top token always wins.");
    if (view.reply.length) {
      const last = view.reply[view.reply.length - 1];
      parts.push(`Wrote ${view.reply.length} token${view.reply.length === 1 ? "" : "s"} with seed ${s.lab_seed}; the last, “${last.shown}”, had probability ${pct(last.p)}.`);
    } else parts.push(`Seed ${s.lab_seed}. Press “Sample one token” to let the model write.`);
    if (view.stopped) parts.push("The model chose to end its text here.");
    if (view.partial) parts.unshift(`Writing… ${view.reply.length} of ${s.lab_n} tokens so far.`);
    note.textContent = parts.join(" ");
    ctx.root.dataset.writing = view.partial ? "yes" : "no";
    one.disabled = ten.disabled = view.stopped || s.lab_n >= max;
    clear.disabled = s.lab_n === 0;
  }
  return self;
}
