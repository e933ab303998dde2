// Chat template: the view. The token pieces (already with visible spaces), IDs and counts come
// from widgets/chat_template.py.
import { h, select, toggle } from "../ui.js";

const KIND = { special: "special token", role: "role name", format: "template newline", content: "message text" };


export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const labels = { capital: "A plain question", unsure: "Saying “I don't know”", two_turns: "Two turns" };
  const example = select(ctx, "chat_example", specs.chat_example, { labels, onChange: (v) => ctx.set({ chat_example: v }) });
  const raw = toggle(ctx, "chat_raw", specs.chat_raw, { onChange: (v) => ctx.set({ chat_raw: v }) });
  const chat = h("div.tbt-chat-messages", { role: "list", "aria-label": "the conversation as you see it" });
  const stream = h("div.tbt-chat-stream");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const legend = h("p.tbt-chat-legend", {},
    ...Object.entries(KIND).map(([k, v]) => h(`span.tbt-chip.is-${k}`, {}, v)));
  live.append(
    h("div.tbt-controls", {}, example.el, raw.el),
    h("div.tbt-chat-panes", {},
      h("section.tbt-chat-pane", { "aria-label": "What you see" }, h("h4", {}, "What you see"), chat),
      h("section.tbt-chat-pane", { "aria-label": "What the model reads" }, h("h4", {}, "What the model reads"), stream, legend)),
    note,
  );
  return {
    render(view) {
      const s = view.state;
      example.set(s.chat_example);
      raw.set(s.chat_raw);
      chat.replaceChildren(...view.messages.map((m) =>
        h(`div.tbt-bubble.is-${m.role}`, { role: "listitem" },
          h("span.tbt-bubble-role", {}, m.role),
          h("span.tbt-bubble-text", {}, m.text),
          h("span.tbt-bubble-count", {}, `${m.tokens} tokens (${m.content_tokens} of text)`))));
      if (s.chat_raw) {
        stream.replaceChildren(h("pre.tbt-chat-raw", { "aria-label": "raw text before tokenizing" }, view.raw));
      } else {
        stream.replaceChildren(h("ol.tbt-chips", { "aria-label": `${view.total} tokens` },
          ...view.tokens.map((t) => h(`li.tbt-chip.is-${t.kind}`, { title: `${KIND[t.kind]}, ID ${t.id}` },
            h("span.tbt-chip-piece", {}, t.shown), h("span.tbt-chip-id", {}, String(t.id))))));
      }
      const c = view.counts;
      note.textContent = `${view.total} tokens in all: ${c.content} of message text and ${view.overhead} added by ` +
        `the template (${c.special} special tokens, ${c.role} role names, ${c.format} newlines). ` +
        `Encoding: ${view.encoding}; each special token counts as one token.`;
    },
  };
}
