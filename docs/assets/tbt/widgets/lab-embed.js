// The lab model's meaning-space: the view. The 2-D map and groups come from the build
// (embedding.json); neighbours and the analogy are computed in widgets/lab_embed.py on the real
// embedding vectors. This file draws the inputs, the map and the lists, as text only.
import { h, svg } from "../ui.js";

const W = 600;
const H = 420;
const PAD = 24;
const COLOURS = 10;

// The range of the values (a quantile range would clamp far-out points to the edge).
function bounds(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))];
  return [at(0), at(1)];
}

function field(ctx, key, spec, onInput) {
  const id = ctx.id(key);
  const input = h("input.tbt-lab-text", { id, type: "text", maxLength: spec.max_len, value: spec.default, spellcheck: false, autocomplete: "off" });
  input.addEventListener("input", () => onInput(input.value));
  return {
    el: h("div.tbt-control.tbt-lab-word", {}, h("label", { htmlFor: id }, spec.label), input),
    set(v) {
      if (document.activeElement !== input && input.value !== v) input.value = v;
    },
  };
}

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const word = field(ctx, "lab_word", specs.lab_word, (v) => ctx.set({ lab_word: v }));
  const a = field(ctx, "lab_a", specs.lab_a, (v) => ctx.set({ lab_a: v }));
  const b = field(ctx, "lab_b", specs.lab_b, (v) => ctx.set({ lab_b: v }));
  const c = field(ctx, "lab_c", specs.lab_c, (v) => ctx.set({ lab_c: v }));
  const expect = field(ctx, "lab_expect", specs.lab_expect, (v) => ctx.set({ lab_expect: v }));
  const wordNote = h("p.tbt-note", { "aria-live": "polite" });
  const neighbours = h("ol.tbt-lab-nn");
  const analogyNote = h("p.tbt-lab-analogy", { "aria-live": "polite" });
  const results = h("ol.tbt-lab-nn");
  const map = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "tbt-lab-emb-map", role: "img" });
  const mapTitle = svg("title");
  const dots = svg("g");
  const marks = svg("g");
  map.append(mapTitle, dots, marks);
  const groupList = h("ul.tbt-lab-groups");
  live.append(
    h("p.tbt-lab-heading", {}, "Nearest neighbours"),
    h("div.tbt-controls", {}, word.el), wordNote, neighbours,
    h("p.tbt-lab-heading", {}, "Analogy: start − minus + plus"),
    h("div.tbt-controls", {}, a.el, b.el, c.el, expect.el), analogyNote, results,
    h("p.tbt-lab-heading", {}, "The map (the word tokens it read most often, flattened to two dimensions at build time)"),
    h("div.tbt-lab-emb-box", {}, map),
    h("p.tbt-lab-heading", {}, "The world's groups of words, and how well each holds together (measured at build time)"), groupList,
  );
  let at = null;

  function place(points) {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x0, x1] = bounds(xs);
    const [y0, y1] = bounds(ys);
    const clamp = (t) => Math.max(0, Math.min(1, t));
    const sx = (x) => PAD + clamp((x - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
    const sy = (y) => H - PAD - clamp((y - y0) / (y1 - y0 || 1)) * (H - 2 * PAD);
    const groups = [...new Set(points.map((p) => p.group).filter(Boolean))];
    at = new Map();
    dots.replaceChildren(...points.map((p) => {
      const x = sx(p.x);
      const y = sy(p.y);
      at.set(p.id, [x, y, p.word]);
      const k = groups.indexOf(p.group);
      return svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: p.group ? 3.2 : 2, class: k < 0 ? "tbt-lab-dot" : `tbt-lab-dot tbt-lab-g${k % COLOURS}` });
    }));
  }

  // Ring and name the marked words. A name goes beside its dot where it overlaps no name already
  // placed (right, left, above, below; the first fit wins, most important word first), so close
  // neighbours such as "cow" and "crow" stay readable.
  function labels(marked) {
    const placed = [];
    const out = [];
    const seen = new Set();
    for (const [id, cls] of marked) {
      const p = at.get(id);
      if (!p || seen.has(id)) continue;
      seen.add(id);
      const [x, y, word] = p;
      const w = 7.4 * word.length + 4;           // about 13 px type in this drawing's units
      const spots = [[x + 8, y - 14], [x - 8 - w, y - 14], [x + 8, y + 2], [x - 8 - w, y + 2],
        [x - w / 2, y - 24], [x - w / 2, y + 8]];
      const free = ([bx, by]) => bx >= 0 && bx + w <= W && by >= 0 && by + 16 <= H &&
        placed.every(([qx, qy, qw]) => bx + w <= qx || qx + qw <= bx || by + 16 <= qy || qy + 16 <= by);
      const [bx, by] = spots.find(free) || spots[0];
      placed.push([bx, by, w]);
      out.push(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 5.5, class: `tbt-lab-mark ${cls}` }),
        svg("text", { x: (bx + 2).toFixed(1), y: (by + 12).toFixed(1), class: `tbt-lab-label ${cls}` }, word));
    }
    return out;
  }

  function list(ol, items) {
    ol.replaceChildren(...items.map((it) => h("li", {}, h("span.tbt-lab-piece", {}, it.shown), ` cosine ${it.cos.toFixed(2)}`)));
  }

  return {
    render(view) {
      const s = view.state;
      word.set(s.lab_word);
      a.set(s.lab_a);
      b.set(s.lab_b);
      c.set(s.lab_c);
      expect.set(s.lab_expect);
      if (!at) {
        place(view.points);
        const names = [...new Set(view.points.map((p) => p.group).filter(Boolean))];
        groupList.replaceChildren(...view.groups.map((g) =>
          h("li", {}, h(`span.tbt-lab-swatch.tbt-lab-g${names.indexOf(g.name) % COLOURS}`, { "aria-hidden": "true" }),
            `${g.name}: ${g.examples.join(", ")}${g.size > g.examples.length ? ", …" : ""} (${g.size} words; ${Math.round(100 * g.together)}% have their nearest neighbour in the same group)`)));
      }
      const w = view.word;
      if (!w.ids.length) wordNote.textContent = "Type a word to see the tokens whose vectors point the same way.";
      else if (w.split) wordNote.textContent = `The model splits “${w.word}” into ${w.ids.length} tokens (${w.pieces.map((p) => p.shown).join(" + ")}), so this uses their average vector. Nearest:`;
      else wordNote.textContent = `“${w.word}” is one token (${w.pieces[0].shown}, id ${w.ids[0]}). Nearest of the ${view.candidates} whole-word tokens, by cosine similarity:`;
      list(neighbours, view.neighbours);
      const an = view.analogy;
      if (!an.ok) analogyNote.textContent = an.reason;
      else {
        const top = an.results[0];
        let text = `${s.lab_a.trim()} − ${s.lab_b.trim()} + ${s.lab_c.trim()} lands nearest “${top ? top.shown : "?"}”.`;
        if (an.split.length) text += ` (Split into several tokens, so averaged: ${an.split.join(", ")}.)`;
        if (an.works === true) text += ` That is the expected “${an.expect}”: it works here.`;
        else if (an.works === false) text += ` The expected “${an.expect}” comes ${an.expect_rank ? `${an.expect_rank}th` : "nowhere"}: it does not work here.`;
        else if (an.expect_split) text += ` “${an.expect}” is several tokens, so it cannot be a single answer.`;
        analogyNote.textContent = text;
      }
      list(results, an.results || []);
      marks.replaceChildren(...labels([
        ...w.ids.slice(0, 1).map((id) => [id, "is-word"]),
        ...(an.results || []).slice(0, 1).map((r) => [r.id, "is-answer"]),
        ...view.neighbours.slice(0, 3).map((n) => [n.id, "is-near"]),
      ]));
      mapTitle.textContent = `Map of the ${view.points.length} whole-word tokens the model read most often, coloured by ${view.groups.length} groups of the world's words; your word and its nearest neighbours are ringed and labelled when they are on the map.`;
      map.setAttribute("aria-label", mapTitle.textContent);
    },
  };
}
