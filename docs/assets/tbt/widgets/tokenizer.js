// Tokenizer: the view. The splitting (tiktoken-exact BPE over the real rank files) happens in
// widgets/tokenizer.py; this file draws the text box, the controls and one chip per token.
import { h, select, toggle } from "../ui.js";

export const styles = true;
const ENCODINGS = ["gpt2", "cl100k_base", "o200k_base"];
const LABELS = {
  gpt2: "gpt2 (GPT-2, 2019)",
  cl100k_base: "cl100k_base (GPT-3.5, GPT-4)",
  o200k_base: "o200k_base (GPT-4o)",
};

export function files(state) {
  const enc = ENCODINGS.includes(state.encoding) ? state.encoding : "cl100k_base";
  return [`tokenizer/${enc}.bin`];
}

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const boxId = ctx.id("text");
  const box = h("textarea.tbt-tok-input", {
    id: boxId, rows: 3, maxLength: specs.text.max_len, spellcheck: false,
    value: specs.text.default,
  });
  box.addEventListener("input", () => ctx.set({ text: box.value }));
  const encoding = select(ctx, "encoding", specs.encoding, {
    labels: LABELS, onChange: (v) => ctx.set({ encoding: v }),
  });
  const spaces = toggle(ctx, "show_ws", specs.show_ws, { onChange: (v) => ctx.set({ show_ws: v }) });
  const counts = h("p.tbt-tok-counts", { "aria-live": "polite" });
  const chips = h("div.tbt-tok-chips", {
    role: "group", "aria-label": "Tokens: use the arrow keys to move between them",
  });
  const details = h("p.tbt-note.tbt-tok-details", { "aria-live": "polite" },
    "Hover, focus or tap a token to see its ID and its bytes.");
  live.append(
    h("div.tbt-control.tbt-tok-field", {}, h("label", { htmlFor: boxId }, specs.text.label), box),
    h("div.tbt-controls", {}, encoding.el, spaces.el),
    counts,
    chips,
    details,
  );

  let model = null;
  let active = 0;          // index of the chip that holds the tab stop
  const buttons = [];

  function describe(i) {
    const t = model.tokens[i];
    details.textContent = `Token ${i + 1} of ${model.n_tokens}: “${t.text}” is ID ${t.id} in ${model.encoding}; bytes (hex): ${t.bytes}.`;
    buttons.forEach((b, j) => b.classList.toggle("is-shown", j === i));
  }

  function moveTo(i) {
    if (!buttons.length) return;
    active = Math.max(0, Math.min(buttons.length - 1, i));
    buttons.forEach((b, j) => b.setAttribute("tabindex", j === active ? "0" : "-1"));
    buttons[active].focus();
  }

  chips.addEventListener("keydown", (event) => {
    const to = { ArrowRight: active + 1, ArrowDown: active + 1, ArrowLeft: active - 1,
      ArrowUp: active - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to == null) return;
    event.preventDefault();
    moveTo(to);
  });

  return {
    render(view) {
      model = view;
      const s = view.state;
      if (document.activeElement !== box && box.value !== s.text) box.value = s.text;
      encoding.set(s.encoding);
      spaces.set(s.show_ws);
      counts.textContent = `${view.n_chars} characters · ${view.n_tokens} tokens (${view.encoding})`;
      const hadFocus = chips.contains(document.activeElement);
      buttons.length = 0;
      chips.replaceChildren();
      view.tokens.forEach((t, i) => {
        // The accessible name is the visible text plus a hidden ", ID": "How, ID 4438".
        const b = h(`button.tbt-tok-chip.tbt-tok-c${i % 5}`, { type: "button", tabindex: "-1" },
          h("span.tbt-tok-text", {}, t.shown),
          h("span.tbt-tok-id", {}, h("span.tbt-tok-sr", {}, ", ID "), String(t.id)));
        b.addEventListener("mouseenter", () => describe(i));
        b.addEventListener("focus", () => {
          active = i;
          describe(i);
        });
        b.addEventListener("click", () => describe(i));
        buttons.push(b);
        chips.append(b);
      });
      if (!view.tokens.length) {
        chips.append(h("span.tbt-tok-empty", {}, "(no text, no tokens)"));
        details.textContent = "Type something to see its tokens.";
      }
      active = Math.min(active, Math.max(0, buttons.length - 1));
      if (buttons.length) buttons[active].setAttribute("tabindex", "0");
      if (hadFocus && buttons.length) buttons[active].focus();
    },
  };
}
