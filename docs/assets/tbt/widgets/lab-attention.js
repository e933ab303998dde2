// Attention in the lab model: the view. The maps (every layer and head, from the trained model)
// and the measured one-line summaries come from widgets/lab_attention.py; this file draws the
// head picker, the tokens lit by attention and the heat map. Text only, never HTML.
import { h, svg } from "../ui.js";

const pct = (v) => `${Math.round(100 * v)}%`;
const CELL = 12;

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const boxId = ctx.id("text");
  const box = h("textarea.tbt-lab-input", {
    id: boxId, rows: 2, maxLength: specs.lab_attn_text.max_len, spellcheck: false,
    value: specs.lab_attn_text.default,
  });
  box.addEventListener("input", () => ctx.set({ lab_attn_text: box.value, lab_tok: -1 }));
  const clip = h("p.tbt-lab-clip", { role: "note" });
  const heads = h("div.tbt-lab-heads", { role: "group", "aria-label": "Pick a layer and a head; each says what it mostly looks at in your text" });
  const hint = h("p.tbt-note", {},
    "Hover, focus (arrow keys) or tap a token to see what it looks at in the chosen head. Tap or Enter keeps it selected.");
  const sentence = h("div.tbt-lab-tokens", { role: "group", "aria-label": "Tokens of your text" });
  const note = h("p.tbt-note.tbt-lab-attn-note", { "aria-live": "polite" });
  const mapTitle = h("p.tbt-lab-heading");
  const map = svg("svg", { class: "tbt-lab-attn-map", role: "img" });
  const mapTitleEl = svg("title");
  map.append(mapTitleEl);
  const cellsLayer = svg("g");
  const rowMark = svg("rect", { class: "tbt-lab-attn-row", fill: "none" });
  map.append(cellsLayer, rowMark);
  live.append(
    h("div.tbt-control.tbt-lab-field", {}, h("label", { htmlFor: boxId }, specs.lab_attn_text.label), box),
    clip,
    h("p.tbt-lab-heading", {}, "Heads (what each one mostly looks at in this text)"),
    heads, hint, sentence, note, mapTitle, h("div.tbt-lab-attn-box", {}, map),
  );

  let model = null;
  let shown = null; // the token being previewed (hover/focus), or null for the selected one
  let words = [];
  let headButtons = [];
  let tokensKey = "";

  const current = () => (shown == null ? model.selected : shown);

  function buildTokens(tokens) {
    words = tokens.map((t, i) => {
      const weight = h("span.tbt-lab-w");
      const b = h("button.tbt-lab-tok", { type: "button", tabindex: "-1" }, h("span.tbt-lab-tok-text", {}, t.shown), weight);
      b.weightEl = weight;
      b.addEventListener("mouseenter", () => preview(i));
      b.addEventListener("focus", () => preview(i));
      b.addEventListener("click", () => {
        shown = null;
        ctx.set({ lab_tok: i });
      });
      b.addEventListener("keydown", (event) => {
        const last = tokens.length - 1;
        const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last }[event.key];
        if (to == null) return;
        event.preventDefault();
        const j = Math.max(0, Math.min(last, to));
        words.forEach((w, k) => w.setAttribute("tabindex", k === j ? "0" : "-1"));
        words[j].focus();
      });
      return b;
    });
    sentence.replaceChildren(...words);
    if (!tokens.length) sentence.append(h("span.tbt-lab-empty", {}, "(no text, no tokens)"));
  }

  function buildHeads(view) {
    headButtons = [];
    heads.replaceChildren();
    view.summaries.forEach((layer) => {
      const row = h("div.tbt-lab-layer", {}, h("span.tbt-lab-layer-name", {}, `Layer ${layer[0].layer}`));
      layer.forEach((sm) => {
        const b = h("button.tbt-lab-head", { type: "button" },
          h("span.tbt-lab-head-name", {}, `Head ${sm.head}`), h("span.tbt-lab-head-sum"));
        b.addEventListener("click", () => ctx.set({ lab_layer: sm.layer, lab_head: sm.head }));
        b.dataset.layer = sm.layer;
        b.dataset.head = sm.head;
        headButtons.push(b);
        row.append(b);
      });
      heads.append(row);
    });
  }

  function drawMap(view) {
    const n = view.tokens.length;
    const size = Math.max(1, n) * CELL;
    map.setAttribute("viewBox", `0 0 ${size} ${size}`);
    map.style.maxWidth = `${Math.max(12, Math.min(40, n * 1.4))}rem`;
    const max = Math.max(1e-9, ...view.weights.flat());
    const cells = [];
    view.weights.forEach((row, i) => row.forEach((w, j) => {
      cells.push(svg("rect", { x: j * CELL, y: i * CELL, width: CELL, height: CELL, class: "tbt-lab-cell", "fill-opacity": (w / max).toFixed(3) }));
    }));
    cellsLayer.replaceChildren(...cells);
  }

  function paint() {
    const v = model;
    const n = v.tokens.length;
    if (!n) {
      note.textContent = "Type some text to see the model's attention.";
      rowMark.setAttribute("width", 0);
      return;
    }
    const i = current();
    const row = v.weights[i];
    const max = Math.max(...row);
    words.forEach((b, j) => {
      const future = j > i;
      b.classList.toggle("is-future", future);
      b.classList.toggle("is-current", j === i);
      b.setAttribute("aria-pressed", String(j === v.selected));
      b.style.setProperty("--w", future ? 0 : row[j] / max);
      b.weightEl.textContent = future ? "masked" : pct(row[j]);
    });
    rowMark.setAttribute("x", 0);
    rowMark.setAttribute("y", i * CELL);
    rowMark.setAttribute("width", (i + 1) * CELL);
    rowMark.setAttribute("height", CELL);
    const top = row.map((w, j) => [w, j]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 3);
    const which = shown == null || shown === v.selected ? "" : " (preview)";
    note.textContent = `Layer ${v.state.lab_layer}, head ${v.state.lab_head}: token ${i + 1} “${v.tokens[i].shown}”${which} looks most at ` +
      top.map(([w, j]) => `“${v.tokens[j].shown}” (token ${j + 1}) ${pct(w)}`).join(", ") +
      (i < n - 1 ? `; the ${n - 1 - i} later tokens are masked.` : ".");
  }

  function preview(i) {
    shown = i;
    if (model) paint();
  }

  sentence.addEventListener("mouseleave", () => preview(null));
  sentence.addEventListener("focusout", (event) => {
    if (!sentence.contains(event.relatedTarget)) preview(null);
  });

  return {
    render(view) {
      const s = view.state;
      if (document.activeElement !== box && box.value !== s.lab_attn_text) box.value = s.lab_attn_text;
      clip.textContent = view.clip_note;
      clip.hidden = !view.clip_note;
      const key = view.tokens.map((t) => t.id).join(",");
      const rebuilt = key !== tokensKey || !model;
      if (rebuilt) {
        tokensKey = key;
        shown = null;
        buildTokens(view.tokens);
      }
      if (!headButtons.length || headButtons.length !== view.layers * view.heads || rebuilt) buildHeads(view);
      view.summaries.flat().forEach((sm, k) => {
        const b = headButtons[k];
        b.lastChild.textContent = sm.text;
        b.setAttribute("aria-pressed", String(sm.layer === s.lab_layer && sm.head === s.lab_head));
      });
      if (!view.summaries.length) heads.replaceChildren(h("span.tbt-lab-empty", {}, "(type some text first)"));
      model = view;
      if (!sentence.contains(document.activeElement)) {
        words.forEach((b, j) => b.setAttribute("tabindex", j === view.selected ? "0" : "-1"));
      }
      mapTitle.textContent = `Layer ${s.lab_layer}, head ${s.lab_head}: the whole map (row: the token looking; column: the token looked at; stronger colour: more attention; the empty upper right is the masked future)`;
      mapTitleEl.textContent = `Attention map of layer ${s.lab_layer}, head ${s.lab_head} over ${view.tokens.length} tokens.`;
      map.setAttribute("aria-label", mapTitleEl.textContent);
      drawMap(view);
      paint();
    },
  };
}
