// Embedding map: the view. Coordinates, the analogy's target point and the nearest word all come
// from widgets/embedding_map.py; this file draws them as SVG (text via textContent only).
import { h, select, svg } from "../ui.js";

const W = 21.8;
const H = 13.6;
const S = 40; // pixels per map unit in the viewBox

const X = (x) => x * S;
const Y = (y) => (H - y) * S;
const pretty = (key) => key.replace(/-/g, " − ").replace(/\+/g, " + ");

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const labels = Object.fromEntries(specs.emb_analogy.choices.map((c) => [c, pretty(c)]));
  const choose = select(ctx, "emb_analogy", specs.emb_analogy, {
    labels, onChange: (v) => ctx.set({ emb_analogy: v }),
  });
  const uid = ctx.id("arrow");
  const map = svg("svg", { viewBox: `0 0 ${W * S} ${H * S}`, class: "tbt-emb-map", role: "img" });
  const title = svg("title");
  map.append(title);
  const defs = svg("defs");
  for (const [id, cls] of [[`${uid}-step`, "tbt-emb-head-step"], [`${uid}-carry`, "tbt-emb-head-carry"]]) {
    const marker = svg("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", class: cls }));
    defs.append(marker);
  }
  map.append(defs);
  const layerWords = svg("g");
  const layerArrows = svg("g");
  map.append(layerArrows, layerWords);
  const result = h("p.tbt-emb-result", { "aria-live": "polite" });
  const legend = h("p.tbt-note.tbt-emb-legend", {},
    h("span.tbt-emb-key-step", {}, "solid arrow"), ": the step from the second word to the third. ",
    h("span.tbt-emb-key-carry", {}, "dashed arrow"), ": the same step, started from the first word. The ring marks where it lands.");
  const wordList = h("p.tbt-note.tbt-emb-words");
  live.append(h("div.tbt-controls", {}, choose.el), result, h("div.tbt-emb-box", {}, map), legend, wordList);
  let dots = null;

  function arrow(from, to, cls, marker) {
    return svg("line", { x1: X(from[0]), y1: Y(from[1]), x2: X(to[0]), y2: Y(to[1]), class: cls, "marker-end": `url(#${marker})` });
  }

  return {
    render(view) {
      choose.set(view.state.emb_analogy);
      const at = Object.fromEntries(view.words.map((w) => [w.word, [w.x, w.y]]));
      if (!dots) {
        dots = {};
        for (const w of view.words) {
          const g = svg("g", { class: `tbt-emb-word tbt-emb-${w.group}` });
          g.append(svg("circle", { cx: X(w.x), cy: Y(w.y), r: 9 }),
            svg("text", { x: X(w.x) + 10, y: Y(w.y) - 8 }, w.word));
          layerWords.append(g);
          dots[w.word] = g;
        }
        const groups = {};
        for (const w of view.words) (groups[w.group] ||= []).push(w.word);
        wordList.textContent = "Words on the map: " + view.groups.map((g) => `${g}: ${groups[g].join(", ")}`).join("; ") + ".";
      }
      for (const w of view.words) dots[w.word].setAttribute("data-role", w.role);
      layerArrows.replaceChildren(
        arrow(at[view.minus], at[view.plus], "tbt-emb-step", `${uid}-step`),
        arrow(at[view.start], view.target, "tbt-emb-carry", `${uid}-carry`),
        svg("circle", { cx: X(view.target[0]), cy: Y(view.target[1]), r: 14, class: "tbt-emb-ring" }),
      );
      const sum = `${view.start} − ${view.minus} + ${view.plus}`;
      const text = `${sum} lands nearest “${view.result}” (distance ${view.distance.toFixed(2)}; next nearest: ${view.runner_up}, ${view.runner_up_distance.toFixed(2)}).`;
      result.textContent = text;
      title.textContent = `Map of ${view.words.length} words. ${text}`;
      map.setAttribute("aria-label", title.textContent);
    },
  };
}
