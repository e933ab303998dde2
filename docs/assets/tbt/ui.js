// Shared controls for widget views. Everything here writes text with textContent, never HTML,
// and every control has a visible label tied to it (for screen readers and for clicking).

// h("div.bar.is-on", {title: "x", onclick: fn}, "text", childNode, …) -> element
export function h(tag, attrs = {}, ...children) {
  const [name, ...classes] = tag.split(".");
  const node = document.createElement(name || "div");
  if (classes.length) node.className = classes.join(" ");
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key in node && !key.startsWith("aria") && !key.startsWith("data")) node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A labelled range input with its value shown beside it. `spec` is the parameter's description
// from the page (min, max, step, label); onInput(value) fires on every movement.
export function slider(ctx, key, spec, { format = String, onInput, label } = {}) {
  const id = ctx.id(key);
  const input = h("input", {
    id, type: "range", min: spec.min, max: spec.max, step: spec.step || "any",
    value: spec.default,
  });
  const out = h("output", { for: id });
  const show = (v) => {
    out.textContent = format(v);
    input.setAttribute("aria-valuetext", format(v));
  };
  input.addEventListener("input", () => {
    const v = Number(input.value);
    show(v);
    onInput(v);
  });
  return {
    el: h("div.tbt-control", {}, h("label", { htmlFor: id }, label || spec.label), input, out),
    input,
    set(v) {
      if (document.activeElement === input) return; // the reader is moving it: don't fight them
      input.value = v;
      show(v);
    },
  };
}

// A labelled <select>.
export function select(ctx, key, spec, { onChange, labels = {} } = {}) {
  const id = ctx.id(key);
  const input = h("select", { id }, spec.choices.map((c) => h("option", { value: c }, labels[c] || c)));
  input.addEventListener("change", () => onChange(input.value));
  return {
    el: h("div.tbt-control", {}, h("label", { htmlFor: id }, spec.label), input),
    input,
    set(v) {
      input.value = v;
    },
  };
}

// A labelled checkbox.
export function toggle(ctx, key, spec, { onChange } = {}) {
  const id = ctx.id(key);
  const input = h("input", { id, type: "checkbox" });
  input.addEventListener("change", () => onChange(input.checked));
  return {
    el: h("div.tbt-control.tbt-check", {}, input, h("label", { htmlFor: id }, spec.label)),
    input,
    set(v) {
      input.checked = !!v;
    },
  };
}

export function button(text, onClick, extra = {}) {
  return h("button.md-button.tbt-button", { type: "button", onclick: onClick, ...extra }, text);
}

// Horizontal bars, one row per label, value in [0, 1]. update(values, {dim, mark}) sets widths
// and texts in place (no rebuild), so it is cheap on every slider movement.
export function bars(labels, { format = (v) => `${(100 * v).toFixed(1)}%`, caption } = {}) {
  const rows = labels.map((label) => {
    const fill = h("span.tbt-bar-fill");
    const value = h("span.tbt-bar-value");
    const row = h("li.tbt-bar", {}, h("span.tbt-bar-label", {}, label), h("span.tbt-bar-track", {}, fill), value);
    return { row, fill, value };
  });
  const list = h("ul.tbt-bars", { "aria-label": caption || "probabilities" }, rows.map((r) => r.row));
  return {
    el: list,
    update(values, { dim = [], mark = -1 } = {}) {
      values.forEach((v, i) => {
        const r = rows[i];
        r.fill.style.width = `${Math.max(0, Math.min(1, v)) * 100}%`;
        r.value.textContent = format(v);
        r.row.classList.toggle("is-dim", !!dim[i]);
        r.row.classList.toggle("is-marked", i === mark);
      });
    },
  };
}

// svg("line", {x1: 0, …}, "optional text") -> an SVG element (attributes set as strings, text via
// textContent). For charts and maps that widgets draw from their view models.
const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text != null) node.textContent = text;
  return node;
}
