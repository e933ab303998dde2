// Base model or assistant: the view. Both replies, their token streams and the notes come from
// widgets/lab_chat.py (the real base and fine-tuned lab models); this file draws the question box
// and the two panes. Everything typed or computed is written as text, never as HTML.
import { button, h } from "../ui.js";

const KIND = { special: "special token", prompt: "what it read", reply: "what it wrote" };

function pane(title, sub) {
  const reply = h("p.tbt-lc-reply");
  const stream = h("ol.tbt-lc-chips");
  const note = h("p.tbt-note.tbt-lc-note");
  const el = h("section.tbt-lc-pane", { "aria-label": title },
    h("h4", {}, title), h("p.tbt-lc-sub", {}, sub), reply,
    h("p.tbt-lc-heading", {}, "The raw token stream"), stream, note);
  return { el, reply, stream, note };
}

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const spec = specs.labchat_q;
  const boxId = ctx.id("labchat_q");
  const box = h("input.tbt-lc-input", {
    id: boxId, type: "text", maxLength: spec.max_len, spellcheck: false, value: spec.default, autocomplete: "off",
  });
  box.addEventListener("input", () => ctx.set({ labchat_q: box.value }));
  const examples = h("div.tbt-actions.tbt-lc-examples", { role: "group", "aria-label": "Example questions" });
  const base = pane("Base model", "Only read plain text: it continues your words.");
  const sft = pane("Fine-tuned model (SFT)", "Read your question inside the chat template: it answers.");
  const legend = h("p.tbt-lc-legend", {},
    ...Object.entries(KIND).map(([k, v]) => h(`span.tbt-lc-chip.is-${k}`, {}, v)));
  const status = h("p.tbt-note", { "aria-live": "polite" });
  live.append(
    h("div.tbt-control.tbt-lc-field", {}, h("label", { htmlFor: boxId }, spec.label), box),
    examples,
    h("div.tbt-lc-panes", {}, base.el, sft.el),
    legend, status,
  );
  let built = false;

  function fill(p, side, name, maxNew) {
    p.reply.textContent = side.reply || "(nothing)";
    p.stream.setAttribute("aria-label", `${name}: ${side.prompt_tokens} tokens read, ${side.reply_tokens} written`);
    p.stream.replaceChildren(...side.stream.map((t) =>
      h(`li.tbt-lc-chip.is-${t.kind}`, { title: `${KIND[t.kind]}, ID ${t.id}` },
        h("span.tbt-lc-piece", {}, t.text), h("span.tbt-lc-id", {}, String(t.id)))));
    const parts = [`Read ${side.prompt_tokens} tokens, wrote ${side.reply_tokens}.`];
    if (side.stopped) parts.push(`It stopped by writing ${side.stop}.`);
    else parts.push(`It had not stopped after ${maxNew} tokens (cut here).`);
    if (side.clipped) parts.push(`Your question was too long: its first ${side.clipped} tokens were dropped.`);
    p.note.textContent = parts.join(" ");
  }

  return {
    render(view) {
      const q = view.state.labchat_q;
      if (!built) {
        built = true;
        examples.append(...view.examples.map((e) => button(e, () => {
          box.value = e;
          ctx.set({ labchat_q: e });
        })));
      }
      if (document.activeElement !== box && box.value !== q) box.value = q;
      fill(base, view.base, "Base model", view.max_new);
      fill(sft, view.sft, "Fine-tuned model", view.max_new);
      const extra = view.markers_typed ? " Your question contains the spelling of a special marker: it is read as plain characters, not as the marker." : "";
      status.textContent = `Both models write their most likely token each time (temperature 0). Base: “${view.base.reply}” · Fine-tuned: “${view.sft.reply}”.${extra}`;
    },
  };
}
