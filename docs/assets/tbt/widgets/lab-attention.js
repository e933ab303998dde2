// Look inside the lab model: the view. widgets/lab_attention.py sends, for the reader's text, every
// head's attention map with its measured habit, one head's arithmetic at the chosen token (query,
// keys, scores, weights, values, output), the logit lens at that token and how far each half-block
// moves its vector. This file draws them in three parts (tabs): every head at once, one head's
// arithmetic, and the answer forming layer by layer. Only the part in view is drawn. Text only,
// never HTML.
import { h } from "../ui.js";

const pct = (v) => (v >= 0.995 ? "100%" : v < 0.005 && v > 0 ? "<1%" : `${Math.round(100 * v)}%`);
const num = (v) => (v < 0 ? "−" : "") + Math.abs(v).toFixed(2);
const CELL = 12;           // a large map's cell, in canvas pixels
const VEC_W = 12;          // a vector's cell, in canvas pixels (CSS sizes the canvas)
const VEC_H = 20;
const PARTS = [
  ["heads", "Every head"],
  ["arithmetic", "Inside one head"],
  ["layers", "Layer by layer"],
];

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const boxId = ctx.id("text");
  const box = h("textarea.tbt-lab-input", {
    id: boxId, rows: 2, maxLength: specs.lab_attn_text.max_len, spellcheck: false,
    value: specs.lab_attn_text.default,
  });
  box.addEventListener("input", () => ctx.set({ lab_attn_text: box.value, lab_tok: -1 }));
  const clip = h("p.tbt-lab-clip", { role: "note" });
  const sentence = h("div.tbt-lab-tokens", { role: "group", "aria-label": "Tokens of your text: choose one" });
  const hint = h("p.tbt-note.tbt-la-hint", {}, "Choose a token (tap, or arrow keys and Enter). Hover or focus one to preview what it looks at in the chosen head.");
  const note = h("p.tbt-note.tbt-lab-attn-note", { "aria-live": "polite" });

  // The three parts, as tabs.
  const tabs = h("div.tbt-la-tabs", { role: "tablist", "aria-label": "What to look at" });
  const panels = {};
  const tabButtons = PARTS.map(([key, label], k) => {
    const panel = h("div.tbt-la-panel", { role: "tabpanel", id: ctx.id(`panel-${key}`), tabindex: "0" });
    panels[key] = panel;
    const b = h("button.tbt-la-tab", { type: "button", role: "tab", id: ctx.id(`tab-${key}`), "aria-controls": panel.id }, label);
    panel.setAttribute("aria-labelledby", b.id);
    b.addEventListener("click", () => ctx.set({ lab_look: key }));
    b.addEventListener("keydown", (event) => {
      const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: PARTS.length - 1 }[event.key];
      if (to == null) return;
      event.preventDefault();
      const j = (to + PARTS.length) % PARTS.length;
      tabButtons[j].focus();
      ctx.set({ lab_look: PARTS[j][0] });
    });
    tabs.append(b);
    return b;
  });

  live.append(
    h("div.tbt-control.tbt-lab-field", {}, h("label", { htmlFor: boxId }, specs.lab_attn_text.label), box),
    clip, hint, sentence, note, tabs, ...Object.values(panels),
  );

  // Colours are read from the stylesheet once, and again when the scheme changes: reading a
  // computed style settles the whole page's styles (a long task on a long chapter). Pictures are
  // canvases, not hundreds of elements: one style, layout and paint for the page, not one per cell.
  let palette = null;
  function colours() {
    if (!palette) {
      const cs = getComputedStyle(ctx.root);
      const get = (name, fallback) => cs.getPropertyValue(name).trim() || fallback;
      palette = {
        blue: get("--tbt-blue", "#1f77b4"), orange: get("--tbt-orange", "#d95f02"), bar: get("--tbt-bar", "#1f77b4"),
        mark: get("--tbt-mark", "#c2185b"), line: get("--tbt-border", "#999"), fg: get("--md-default-fg-color", "#000"),
        bg: get("--md-default-bg-color", "#fff"),
      };
    }
    return palette;
  }

  let model = null;
  let shown = null;          // the token previewed (hover/focus), or null for the chosen one
  let words = [];
  let tokensKey = "";
  let part = null;           // the part drawn last
  const current = () => (shown == null ? model.selected : shown);

  // -- the tokens: choose one (shared by the three parts) --------------------------------------
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

  function preview(i) {
    shown = i;
    if (model) paintTokens();
  }
  sentence.addEventListener("mouseleave", () => preview(null));
  sentence.addEventListener("focusout", (event) => {
    if (!sentence.contains(event.relatedTarget)) preview(null);
  });

  // Light the tokens by the chosen head's attention from the current token (heads, arithmetic),
  // or only mark the chosen token (layers).
  function paintTokens() {
    const v = model;
    const n = v.tokens.length;
    if (!n) {
      note.textContent = "Type some text to look inside the model.";
      return;
    }
    const i = part === "layers" ? v.selected : current();
    const lit = part !== "layers";
    const row = v.weights[i];
    const max = Math.max(...row);
    words.forEach((b, j) => {
      const future = lit && j > i;
      b.classList.toggle("is-future", future);
      b.classList.toggle("is-current", j === i);
      b.setAttribute("aria-pressed", String(j === v.selected));
      b.style.setProperty("--w", lit && !future ? row[j] / max : 0);
      b.weightEl.textContent = !lit ? "" : future ? "masked" : pct(row[j]);
    });
    if (part === "layers") {
      note.textContent = `Chosen: token ${i + 1} “${v.tokens[i].shown}”.`;
    } else {
      if (part === "heads") paintMap(v.weights, i);
      const top = row.map((w, j) => [w, j]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 3);
      const which = shown == null || shown === v.selected ? "" : " (preview)";
      note.textContent = `Layer ${v.state.lab_layer}, head ${v.state.lab_head}: token ${i + 1} “${v.tokens[i].shown}”${which} looks most at ` +
        top.map(([w, j]) => `“${v.tokens[j].shown}” (token ${j + 1}) ${pct(w)}`).join(", ") +
        (i < n - 1 ? `; the ${n - 1 - i} later tokens are masked.` : ".");
    }
  }

  // -- part 1: every head at once, and the chosen one large ------------------------------------
  const grid = h("div.tbt-la-grid", { role: "group", "aria-label": "Every head: rows are layers, columns are heads. Arrow keys move; Enter opens one large" });
  const mapTitle = h("p.tbt-lab-heading");
  const map = h("canvas.tbt-lab-attn-map", { role: "img" });
  panels.heads.append(
    h("p.tbt-note", {}, "Each small map is one head reading your text: a row is a token looking back, a column a token it looks at, darker is more attention. Choose a map to open it large."),
    grid, mapTitle, h("div.tbt-lab-attn-box", {}, map));
  let headButtons = [];
  const canvases = [];

  function buildGrid(v) {
    headButtons = [];
    canvases.length = 0;
    grid.replaceChildren();
    grid.style.setProperty("--heads", v.heads);
    v.summaries.forEach((layer, a) => {
      layer.forEach((sm, b) => {
        const canvas = h("canvas.tbt-la-mini", { "aria-hidden": "true" });
        canvases.push(canvas);
        const btn = h("button.tbt-lab-head", { type: "button", tabindex: "-1" },
          canvas, h("span.tbt-lab-head-name", {}, `L${sm.layer} H${sm.head} `), h("span.tbt-lab-head-sum"));
        btn.addEventListener("click", () => ctx.set({ lab_layer: sm.layer, lab_head: sm.head }));
        btn.addEventListener("keydown", (event) => {
          const k = a * v.heads + b;
          const to = { ArrowRight: k + 1, ArrowLeft: k - 1, ArrowDown: k + v.heads, ArrowUp: k - v.heads, Home: 0, End: headButtons.length - 1 }[event.key];
          if (to == null || to < 0 || to >= headButtons.length) return;
          event.preventDefault();
          headButtons.forEach((x, j) => x.setAttribute("tabindex", j === to ? "0" : "-1"));
          headButtons[to].focus();
        });
        headButtons.push(btn);
        grid.append(btn);
      });
    });
  }

  // A small map: one pixel block per (query, key), drawn on a canvas (16 drawings, no layout).
  function drawMinis(v) {
    const colour = colours().blue;
    const n = v.tokens.length;
    const k = Math.max(1, Math.floor(96 / Math.max(1, n)));
    v.maps.flat().forEach((rows, idx) => {
      const c = canvases[idx];
      if (!c) return;
      c.width = c.height = n * k;
      const g = c.getContext("2d");
      if (!g) return;
      g.clearRect(0, 0, c.width, c.height);
      g.fillStyle = colour;
      rows.forEach((row, i) => row.forEach((w, j) => {
        if (w < 0.02) return;
        g.globalAlpha = w;
        g.fillRect(j * k, i * k, k, k);
      }));
    });
  }
  // The chosen head large: a cell per (query, key), darker is more attention; the row of the
  // token in view is outlined. The masked future (upper right) stays empty.
  function paintMap(weights, row) {
    const p = colours();
    const n = weights.length;
    const size = Math.max(1, n) * CELL;
    if (map.width !== size) map.width = map.height = size;
    const g = map.getContext("2d");
    if (!g) return;
    g.clearRect(0, 0, size, size);
    g.fillStyle = p.bar;
    const max = Math.max(1e-9, ...weights.flat());
    weights.forEach((r, i) => r.forEach((w, j) => {
      if (j > i || w <= 0) return;
      g.globalAlpha = w / max;
      g.fillRect(j * CELL, i * CELL, CELL, CELL);
    }));
    g.globalAlpha = 1;
    if (row != null && row < n) {
      g.strokeStyle = p.mark;
      g.lineWidth = 2;
      g.strokeRect(1, row * CELL + 1, (row + 1) * CELL - 2, CELL - 2);
    }
  }

  // The scheme toggle changes the palette: redraw the pictures in the new colours.
  new MutationObserver(() => {
    palette = null;
    if (model && model.tokens.length) draw();
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  function drawHeads(v) {
    const s = v.state;
    if (!headButtons.length || headButtons.length !== v.layers * v.heads) buildGrid(v);
    v.summaries.flat().forEach((sm, k) => {
      const b = headButtons[k];
      const on = sm.layer === s.lab_layer && sm.head === s.lab_head;
      b.lastChild.textContent = sm.text;         // the name: "L1 H2 leans to the previous token (…)"
      b.setAttribute("aria-pressed", String(on));
      if (!grid.contains(document.activeElement)) b.setAttribute("tabindex", on ? "0" : "-1");
    });
    drawMinis(v);
    const sm = v.summaries[s.lab_layer - 1][s.lab_head - 1];
    mapTitle.textContent = `Layer ${s.lab_layer}, head ${s.lab_head}, large: ${sm.text}. Row: the token looking; column: the token looked at; the empty upper right is the masked future.`;
    map.setAttribute("aria-label", `Attention map of layer ${s.lab_layer}, head ${s.lab_head} over ${v.tokens.length} tokens: ${sm.text}.`);
    map.style.maxWidth = `${Math.max(12, Math.min(26, v.tokens.length * 1.2))}rem`;
    // paintTokens() paints the map, with the row of the token in view outlined.
  }

  // -- part 2: one head's arithmetic -----------------------------------------------------------
  const pick = (key, label, count) => {
    const id = ctx.id(key);
    const input = h("select", { id });
    input.addEventListener("change", () => ctx.set({ [key]: Number(input.value) }));
    return { el: h("div.tbt-control", {}, h("label", { htmlFor: id }, label), input), input, count };
  };
  const layerPick = pick("lab_layer", "Layer");
  const headPick = pick("lab_head", "Head");
  const readout = h("p.tbt-note.tbt-la-readout", { "aria-live": "polite" }, "Hover or focus a coloured cell to read its number.");
  const arithText = h("p.tbt-la-says");
  const scoreTable = h("div.tbt-la-table", { role: "grid", "aria-label": "Query meets keys: scores and weights" });
  const valueTable = h("div.tbt-la-table", { role: "grid", "aria-label": "Values blended by the weights" });
  const legend = h("p.tbt-note.tbt-la-legend");
  panels.arithmetic.append(
    h("div.tbt-controls.tbt-la-picks", {}, layerPick.el, headPick.el),
    arithText, legend,
    h("p.tbt-lab-heading", {}, "1. The query meets each key: a score, then a weight"),
    h("div.tbt-la-scroll", {}, scoreTable),
    h("p.tbt-lab-heading", {}, "2. The values, blended by those weights, give the head's output"),
    h("div.tbt-la-scroll", {}, valueTable),
    readout);

  // A vector as a row of coloured cells on one canvas: blue above zero, orange below, stronger
  // further out. Its accessible name holds every number; a cursor walks the cells (arrow keys,
  // pointer) and the readout says the number under it.
  function vector(values, scale, name) {
    const c = h("canvas.tbt-la-vec", {
      tabindex: "-1", role: "gridcell",
      "aria-label": `${name}, ${values.length} numbers: ${values.map(num).join(", ")}`,
    });
    c.vec = { values, scale, name, k: 0, on: false };
    c.style.setProperty("--n", values.length);
    paintVector(c);
    return c;
  }
  function paintVector(c) {
    const p = colours();
    const { values, scale, k, on } = c.vec;
    const n = values.length;
    if (c.width !== n * VEC_W) {
      c.width = n * VEC_W;
      c.height = VEC_H;
    }
    const g = c.getContext("2d");
    if (!g) return;
    g.globalAlpha = 1;
    g.fillStyle = p.bg;
    g.fillRect(0, 0, c.width, c.height);
    values.forEach((x, j) => {
      g.globalAlpha = Math.min(1, Math.abs(x) / scale);
      g.fillStyle = x < 0 ? p.orange : p.blue;
      g.fillRect(j * VEC_W, 0, VEC_W, VEC_H);
    });
    g.globalAlpha = 0.5;
    g.fillStyle = p.line;
    for (let j = 1; j < n; j++) g.fillRect(j * VEC_W - 1, 0, 1, VEC_H);
    g.globalAlpha = 1;
    if (on) {
      g.strokeStyle = p.fg;
      g.lineWidth = 2;
      g.strokeRect(k * VEC_W + 1, 1, VEC_W - 2, VEC_H - 2);
    }
  }
  function point(c, k) {
    c.vec.k = Math.max(0, Math.min(c.vec.values.length - 1, k));
    c.vec.on = true;
    paintVector(c);
    readout.textContent = `${c.vec.name}, number ${c.vec.k + 1} of ${c.vec.values.length}: ${num(c.vec.values[c.vec.k])}`;
  }
  function leave(c) {
    c.vec.on = document.activeElement === c;
    paintVector(c);
  }
  const cell = (...children) => h("span", { role: "gridcell" }, ...children);
  // A bar with its number beside it (never on top of the colour: legible in both schemes).
  const bar = (v, max, text, cls = "") => h(`span.tbt-la-bar${cls}`, {},
    h("span.tbt-la-bar-track", {}, h("span.tbt-la-bar-fill", { style: `width:${(100 * Math.min(1, Math.abs(v) / max)).toFixed(1)}%` })),
    h("span.tbt-la-bar-num", {}, text));

  // Arrow keys walk the cells of a table (left and right in a vector, up and down between
  // vectors); the pointer picks the cell under it; the number is read out.
  const vecOf = (event) => event.target.closest && event.target.closest(".tbt-la-vec");
  for (const table of [scoreTable, valueTable]) {
    table.addEventListener("keydown", (event) => {
      const c = vecOf(event);
      if (!c) return;
      const [dr, dc] = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0], Home: [0, -1e9], End: [0, 1e9] }[event.key] || [0, 0];
      if (!dr && !dc) return;
      event.preventDefault();
      const rows = [...table.querySelectorAll(".tbt-la-vec")];
      const next = rows[Math.max(0, Math.min(rows.length - 1, rows.indexOf(c) + dr))];
      const k = c.vec.k + dc;
      if (next === c) return point(c, k);
      next.vec.k = Math.max(0, Math.min(next.vec.values.length - 1, k));
      c.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    });
    table.addEventListener("focusin", (event) => { const c = vecOf(event); if (c) point(c, c.vec.k); });
    table.addEventListener("focusout", (event) => { const c = vecOf(event); if (c) { c.vec.on = false; paintVector(c); } });
    const aim = (event) => {
      const c = vecOf(event);
      if (!c) return;
      const r = c.getBoundingClientRect();
      const k = Math.floor(((event.clientX - r.left) / Math.max(1, r.width)) * c.vec.values.length);
      if (!c.vec.on || k !== c.vec.k) point(c, k);
    };
    table.addEventListener("pointermove", aim);
    table.addEventListener("pointerdown", aim);
    table.addEventListener("pointerout", (event) => { const c = vecOf(event); if (c) leave(c); });
  }

  function drawArithmetic(v) {
    const s = v.state;
    const ar = v.arithmetic;
    for (const [p, count, value] of [[layerPick, v.layers, s.lab_layer], [headPick, v.heads, s.lab_head]]) {
      if (p.input.options.length !== count) {
        p.input.replaceChildren(...Array.from({ length: count }, (_, k) => h("option", { value: k + 1 }, String(k + 1))));
      }
      p.input.value = String(value);
    }
    const i = v.selected;
    const tok = v.tokens[i].shown;
    const best = ar.weights.map((w, j) => [w, j]).sort((a, b) => b[0] - a[0] || a[1] - b[1])[0];
    arithText.textContent = `Layer ${s.lab_layer}, head ${s.lab_head}, at token ${i + 1} “${tok}”. Its query is ${ar.size} numbers. ` +
      `Each token it may look at (itself and the ${i} before it) offers a key of ${ar.size} numbers. ` +
      `Query times key, scaled down by the square root of its length, gives a score; the softmax turns the scores into weights that add up to 100%. ` +
      `Here the largest weight, ${pct(best[0])}, goes to “${v.tokens[best[1]].shown}” (token ${best[1] + 1}).`;
    const qk = Math.max(1e-9, ...ar.query.map(Math.abs), ...ar.keys.flat().map(Math.abs));
    const vs = Math.max(1e-9, ...ar.values.flat().map(Math.abs), ...ar.output.map(Math.abs));
    legend.textContent = `Colours: blue is above zero, orange below, white (or dark) near zero; the strongest colour is ±${qk.toFixed(2)} for queries and keys, ±${vs.toFixed(2)} for values.`;
    const smax = Math.max(1e-9, ...ar.scores.map(Math.abs));
    const label = (j) => h("span.tbt-la-who", { role: "rowheader" }, `${j + 1} “${v.tokens[j].shown}”`);
    const head = (...cells) => h("div.tbt-la-row.is-head", { role: "row" }, ...cells.map((c) => h("span", { role: "columnheader" }, c)));
    scoreTable.replaceChildren(
      head("token", "key", "score", "weight"),
      h("div.tbt-la-row.is-query", { role: "row" }, h("span.tbt-la-who", { role: "rowheader" }, `query of “${tok}”`),
        vector(ar.query, qk, `query of token ${i + 1} “${tok}”`), cell(), cell()),
      ...ar.keys.map((key, j) => h("div.tbt-la-row", { role: "row" }, label(j),
        vector(key, qk, `key of token ${j + 1} “${v.tokens[j].shown}”`),
        cell(bar(ar.scores[j], smax, num(ar.scores[j]), ar.scores[j] < 0 ? ".is-neg" : "")),
        cell(bar(ar.weights[j], 1, pct(ar.weights[j]), ".is-weight")))));
    valueTable.replaceChildren(
      head("token", "weight", "value"),
      ...ar.values.map((val, j) => h("div.tbt-la-row", { role: "row" }, label(j),
        cell(bar(ar.weights[j], 1, pct(ar.weights[j]), ".is-weight")),
        vector(val, vs, `value of token ${j + 1} “${v.tokens[j].shown}”`))),
      h("div.tbt-la-row.is-query", { role: "row" }, h("span.tbt-la-who", { role: "rowheader" }, "output"), cell("sum"),
        vector(ar.output, vs, `the head's output at “${tok}”`)));
    const first = scoreTable.querySelector(".tbt-la-vec");
    if (first) first.setAttribute("tabindex", "0");
    const firstV = valueTable.querySelector(".tbt-la-vec");
    if (firstV) firstV.setAttribute("tabindex", "0");
  }

  // -- part 3: the answer forming, layer by layer ----------------------------------------------
  const expectId = ctx.id("expect");
  const expectBox = h("input.tbt-la-expect", { id: expectId, type: "text", maxLength: specs.lab_guess.max_len, spellcheck: false, autocomplete: "off" });
  expectBox.addEventListener("input", () => ctx.set({ lab_guess: expectBox.value }));
  const lensText = h("p.tbt-la-says");
  const lensTable = h("div.tbt-la-lens", { role: "table", "aria-label": "What the model would predict after each layer" });
  const updates = h("div.tbt-la-updates", { role: "table", "aria-label": "How far each half-layer moves the token's vector" });
  panels.layers.append(
    h("div.tbt-control.tbt-lab-field", {}, h("label", { htmlFor: expectId }, "The next word you expect (optional)"), expectBox),
    lensText, lensTable,
    h("p.tbt-lab-heading", {}, "How much each layer adds to this token's vector"),
    updates);

  function drawLayers(v) {
    const s = v.state;
    if (document.activeElement !== expectBox && expectBox.value !== s.lab_guess) expectBox.value = s.lab_guess;
    const i = v.selected;
    const tok = v.tokens[i].shown;
    const last = v.lens[v.lens.length - 1].top[0];
    const ex = v.expect;
    lensText.textContent = `After token ${i + 1} “${tok}”, what would the model say next if it stopped early? ` +
      `Each row reads the vector as it stands after that stage. The last row is its real prediction: “${last.shown}” (${pct(last.p)}).` +
      (ex ? ` Your word “${ex.text}” is tracked by its first token, “${ex.shown}”${ex.pieces > 1 ? ` (it is ${ex.pieces} tokens)` : ""}.` : "");
    lensTable.replaceChildren(
      h("div.tbt-la-lrow.is-head", { role: "row" }, h("span", { role: "columnheader" }, "after"),
        h("span", { role: "columnheader" }, "most likely next tokens"), h("span", { role: "columnheader" }, ex ? `“${ex.shown}”` : "")),
      ...v.lens.map((st, k) => h("div.tbt-la-lrow", { role: "row" },
        h("span.tbt-la-who", { role: "rowheader" }, k === v.lens.length - 1 ? `${st.name} (the real prediction)` : st.name),
        h("span.tbt-la-cands", { role: "cell" }, st.top.map((c) => h("span.tbt-la-cand", { "aria-label": `“${c.shown}” ${pct(c.p)}` },
          h("span.tbt-la-cand-fill", { style: `width:${(100 * c.p).toFixed(1)}%` }),
          h("span.tbt-la-cand-text", {}, c.shown), h("span.tbt-la-cand-p", {}, pct(c.p))))),
        h("span.tbt-la-mine", { role: "cell" }, st.expect ? `${pct(st.expect.p)}, rank ${st.expect.rank.toLocaleString("en")}` : ""))));
    const u = v.updates;
    const max = Math.max(1e-9, ...u.attn, ...u.mlp, u.stream[0]);
    updates.replaceChildren(
      h("div.tbt-la-urow", { role: "row" }, h("span.tbt-la-who", { role: "rowheader" }, "embeddings"),
        bar(u.stream[0], max, `length ${u.stream[0].toFixed(2)}`, ".is-stream")),
      ...u.attn.map((a, k) => [
        h("div.tbt-la-urow", { role: "row" }, h("span.tbt-la-who", { role: "rowheader" }, `layer ${k + 1} attention`),
          bar(a, max, `adds ${a.toFixed(2)}`, ".is-attn")),
        h("div.tbt-la-urow", { role: "row" }, h("span.tbt-la-who", { role: "rowheader" }, `layer ${k + 1} feed-forward`),
          bar(u.mlp[k], max, `adds ${u.mlp[k].toFixed(2)}`, ".is-mlp")),
      ]).flat());
  }

  function draw() {
    const v = model;
    part = v.state.lab_look;
    tabButtons.forEach((b, k) => {
      const on = PARTS[k][0] === part;
      b.setAttribute("aria-selected", String(on));
      b.setAttribute("tabindex", on ? "0" : "-1");
      panels[PARTS[k][0]].hidden = !on;
    });
    if (!v.tokens.length) {
      paintTokens();
      return;
    }
    if (part === "heads") drawHeads(v);
    else if (part === "arithmetic") drawArithmetic(v);
    else drawLayers(v);
    paintTokens();
  }

  return {
    render(view) {
      const s = view.state;
      if (document.activeElement !== box && box.value !== s.lab_attn_text) box.value = s.lab_attn_text;
      clip.textContent = view.clip_note;
      clip.hidden = !view.clip_note;
      const key = view.tokens.map((t) => t.id).join(",");
      if (key !== tokensKey || !model) {
        tokensKey = key;
        shown = null;
        buildTokens(view.tokens);
      }
      model = view;
      if (!sentence.contains(document.activeElement)) {
        words.forEach((b, j) => b.setAttribute("tabindex", j === view.selected ? "0" : "-1"));
      }
      draw();
    },
  };
}
