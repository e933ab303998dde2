// Tokenizer: the view. The splitting (tiktoken-exact BPE over the real rank files) happens in
// widgets/tokenizer.py; this file draws the text box, the controls and one chip per token.
import { h, select, toggle } from "../ui.js";

const LABELS = {
  gpt2: "gpt2 (GPT-2, 2019)",
  cl100k_base: "cl100k_base (GPT-3.5, GPT-4)",
  o200k_base: "o200k_base (GPT-4o)",
};

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
  let shown = null;        // the chip whose details are shown
  const buttons = [];      // the chips drawn so far, in order
  // A long text has thousands of tokens. Drawing every chip at once blocked the page for
  // hundreds of milliseconds (and every later slice re-laid out all chips before it), so only
  // what can be seen is drawn: the first SLICE chips fill the scrolling box several times over,
  // and a marker at the end of the box draws the next SLICE when the reader scrolls near it.
  // Moving by keyboard past the drawn chips (End) draws the rest in slices, one per task.
  const SLICE = 300;
  let drawing = 0;         // generation: a newer render stops older slices
  const more = h("span.tbt-tok-more", { "aria-hidden": "true" });
  const nearEnd = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) grow();
      }, { root: chips, rootMargin: "0px 0px 300px 0px" })
    : null;
  function grow() {
    if (!model || buttons.length >= model.tokens.length) return;
    drawUpTo(buttons.length + SLICE);
    placeMore();
  }
  function placeMore() {
    const left = model.tokens.length - buttons.length;
    if (left <= 0 || !nearEnd) {
      more.remove();
      if (nearEnd) nearEnd.unobserve(more);
      if (!nearEnd) drawUpTo(model.tokens.length);   // no observer: draw everything
      delete chips.dataset.drawing;
      return;
    }
    chips.dataset.drawing = String(left);
    more.textContent = `… ${left} more tokens: scroll down`;
    chips.append(more);                 // keep the marker last
    nearEnd.unobserve(more);
    nearEnd.observe(more);
  }

  function chip(t, i) {
    // The accessible name is the visible text plus a hidden ", ID": "How, ID 4438".
    const b = document.createElement("button");
    b.type = "button";
    b.className = `tbt-tok-chip tbt-tok-c${i % 5}`;
    b.tabIndex = -1;
    b.dataset.i = i;
    const text = document.createElement("span");
    text.className = "tbt-tok-text";
    text.textContent = t.shown;
    const id = document.createElement("span");
    id.className = "tbt-tok-id";
    const sr = document.createElement("span");
    sr.className = "tbt-tok-sr";
    sr.textContent = ", ID ";
    id.append(sr, String(t.id));
    b.append(text, id);
    return b;
  }

  function drawUpTo(end) {
    const tokens = model.tokens;
    end = Math.min(end, tokens.length);
    if (end <= buttons.length) return;
    const frag = document.createDocumentFragment();
    for (let i = buttons.length; i < end; i++) {
      const b = chip(tokens[i], i);
      buttons.push(b);
      frag.append(b);
    }
    if (more.isConnected) chips.insertBefore(frag, more);
    else chips.append(frag);
  }

  function describe(i) {
    const t = model.tokens[i];
    details.textContent = `Token ${i + 1} of ${model.n_tokens}: “${t.text}” is ID ${t.id} in ${model.encoding}; bytes (hex): ${t.bytes}.`;
    if (shown) shown.classList.remove("is-shown");
    shown = buttons[i] || null;
    if (shown) shown.classList.add("is-shown");
  }

  async function moveTo(i) {
    if (!model || !model.tokens.length) return;
    i = Math.max(0, Math.min(model.tokens.length - 1, i));
    const generation = drawing;
    while (buttons.length <= i) {        // e.g. End: draw the chips up to it, a slice per task
      drawUpTo(buttons.length + SLICE);
      placeMore();
      if (buttons.length <= i) await new Promise((resolve) => setTimeout(resolve, 0));
      if (generation !== drawing) return;
    }
    if (buttons[active]) buttons[active].tabIndex = -1;
    active = i;
    buttons[active].tabIndex = 0;
    buttons[active].focus();
  }

  const indexOf = (event) => {
    const b = event.target.closest && event.target.closest(".tbt-tok-chip");
    return b && chips.contains(b) ? Number(b.dataset.i) : -1;
  };
  chips.addEventListener("mouseover", (event) => {
    const i = indexOf(event);
    if (i >= 0 && buttons[i] !== shown) describe(i);
  });
  chips.addEventListener("click", (event) => {
    const i = indexOf(event);
    if (i >= 0) describe(i);
  });
  chips.addEventListener("focusin", (event) => {
    const i = indexOf(event);
    if (i < 0) return;
    if (buttons[active] && active !== i) buttons[active].tabIndex = -1;
    active = i;
    buttons[i].tabIndex = 0;
    describe(i);
  });
  chips.addEventListener("keydown", (event) => {
    const last = model ? model.tokens.length - 1 : 0;
    const to = { ArrowRight: active + 1, ArrowDown: active + 1, ArrowLeft: active - 1,
      ArrowUp: active - 1, Home: 0, End: last }[event.key];
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
      drawing++;
      buttons.length = 0;
      shown = null;
      chips.replaceChildren();
      chips.scrollTop = 0;
      active = Math.min(active, Math.max(0, view.tokens.length - 1));
      drawUpTo(Math.max(SLICE, active + 1));
      placeMore();
      if (!view.tokens.length) {
        chips.append(h("span.tbt-tok-empty", {}, "(no text, no tokens)"));
        details.textContent = "Type something to see its tokens.";
      }
      if (buttons.length) buttons[active].tabIndex = 0;
      if (hadFocus && buttons.length) buttons[active].focus();
    },
  };
}
