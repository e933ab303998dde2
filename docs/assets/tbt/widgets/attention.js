// Attention: the view. The weights (hand-set scores through a real causal softmax) come from
// widgets/attention.py; this file lights the words and draws the heat map from the view model.
import { h } from "../ui.js";

const pct = (v) => `${Math.round(100 * v)}%`;

export function mount(live, ctx) {
  let model = null;
  let shown = null; // the row being previewed (hover/focus), or null for the locked word
  const words = [];
  const sentence = h("div.tbt-attn-sentence", { role: "group", "aria-label": "Sentence: pick a word to see what it listens to" });
  const hint = h("p.tbt-attn-hint", {},
    "Hover, focus (arrow keys) or tap a word. Tap or Enter locks it. Earlier words light up by how much attention they get; later words are masked.");
  const note = h("p.tbt-note", { "aria-live": "polite" });
  const mapBox = h("div.tbt-attn-map", { "aria-hidden": "true" });
  const mapTitle = h("p.tbt-attn-map-title", {}, "The whole attention matrix (row: listening word; column: word listened to; blank: masked future)");
  live.append(hint, sentence, note, mapTitle, mapBox);
  let cells = [];
  let rowLabels = [];

  const row = () => (shown == null ? model.selected : shown);

  function focusWord(i) {
    words.forEach((b, j) => b.setAttribute("tabindex", j === i ? "0" : "-1"));
    words[i].focus();
  }

  function build(tokens) {
    tokens.forEach((t, i) => {
      const weight = h("span.tbt-attn-weight", {}, "");
      const b = h("button.tbt-attn-word", { type: "button", tabindex: "-1" }, h("span.tbt-attn-text", {}, t), weight);
      b.addEventListener("mouseenter", () => preview(i));
      b.addEventListener("focus", () => preview(i));
      b.addEventListener("click", () => {
        shown = null;
        ctx.set({ attn_word: i });
      });
      b.addEventListener("keydown", (event) => {
        const last = tokens.length - 1;
        const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last }[event.key];
        if (to == null) return;
        event.preventDefault();
        focusWord(Math.max(0, Math.min(last, to)));
      });
      b.weightEl = weight;
      words.push(b);
      sentence.append(b, " ");
    });
    sentence.addEventListener("mouseleave", () => preview(null));
    sentence.addEventListener("focusout", (event) => {
      if (!sentence.contains(event.relatedTarget)) preview(null);
    });
    const n = tokens.length;
    mapBox.style.setProperty("--n", n);
    mapBox.append(h("span.tbt-attn-corner"));
    tokens.forEach((t) => mapBox.append(h("span.tbt-attn-col", {}, t)));
    for (let i = 0; i < n; i++) {
      const label = h("span.tbt-attn-row", {}, tokens[i]);
      rowLabels.push(label);
      mapBox.append(label);
      const r = [];
      for (let j = 0; j < n; j++) {
        const c = h(j > i ? "span.tbt-attn-cell.is-masked" : "span.tbt-attn-cell");
        r.push(c);
        mapBox.append(c);
      }
      cells.push(r);
    }
  }

  function paint() {
    const i = row();
    const weights = model.weights[i];
    const max = Math.max(...model.weights.flat());
    words.forEach((b, j) => {
      const future = j > i;
      b.classList.toggle("is-future", future);
      b.classList.toggle("is-current", j === i);
      b.setAttribute("aria-pressed", String(j === model.selected));
      b.style.setProperty("--w", future ? 0 : weights[j] / max);
      b.weightEl.textContent = future ? "masked" : pct(weights[j]);
    });
    cells.forEach((r, a) => r.forEach((c, b) => {
      if (b <= a) c.style.setProperty("--w", model.weights[a][b] / max);
      c.classList.toggle("is-row", a === i);
    }));
    rowLabels.forEach((l, a) => l.classList.toggle("is-row", a === i));
    const top = [...weights.keys()].filter((j) => j <= i).sort((x, y) => weights[y] - weights[x] || x - y).slice(0, 3);
    const locked = shown == null || shown === model.selected ? " (locked)" : " (preview)";
    note.textContent = `“${model.tokens[i]}”${locked} listens most to ` +
      top.map((j) => `“${model.tokens[j]}” ${pct(weights[j])}`).join(", ") +
      (i < model.tokens.length - 1 ? `; the ${model.tokens.length - 1 - i} later words are masked.` : ".");
  }

  function preview(i) {
    shown = i;
    if (model) paint();
  }

  return {
    render(view) {
      if (!model) build(view.tokens);
      model = view;
      words.forEach((b, j) => {
        if (!sentence.contains(document.activeElement)) b.setAttribute("tabindex", j === view.selected ? "0" : "-1");
      });
      paint();
    },
  };
}
