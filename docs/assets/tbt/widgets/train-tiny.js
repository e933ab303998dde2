// Train one yourself: the view. widgets/train_tiny.py keeps the run and trains it; this file asks
// for one slice of training at a time (ctx.call with _op "train": about 40 ms of the worker's
// time each), draws the losses as they fall and shows what the model writes every few seconds.
// A slice is one message to the worker, so other widgets are answered in between. Training stops
// at once when a dial changes, and pauses while the tab is hidden. Text only, never HTML.
import { button, h } from "../ui.js";
import { chart } from "../chart.js";

const SLICE_MS = 40;
const SAMPLE_EVERY_MS = 3000;
const LABELS = { names: "Invented names", sums: "Number lessons", stories: "The lab world's stories", "tokens-chapter": "This book's Tokens chapter", own: "Your own text" };
const loss = (v) => (v == null ? "—" : v.toFixed(2));

export function mount(live, ctx) {
  const specs = JSON.parse(ctx.root.dataset.params);
  const root = ctx.root;

  // -- controls ---------------------------------------------------------------------------------
  const field = (key, input) => h("div.tbt-control", {}, h("label", { htmlFor: input.id }, specs[key].label), input);
  const textPick = h("select", { id: ctx.id("text") }, specs.tiny_text.choices.map((c) => h("option", { value: c }, LABELS[c] || c)));
  const sizePick = h("select", { id: ctx.id("size") });
  const rate = h("input", { id: ctx.id("lr"), type: "range", min: 0, max: specs.tiny_lr.choices.length - 1, step: 1 });
  const rateOut = h("output", { for: rate.id });
  const seed = h("input", { id: ctx.id("seed"), type: "number", min: 0, max: 999, step: 1, inputMode: "numeric" });
  const pasteId = ctx.id("paste");
  const paste = h("textarea.tbt-tt-paste", { id: pasteId, rows: 4, spellcheck: false, placeholder: "Paste a text here (it stays on your device)" });
  const usePaste = button("Use this text", () => {
    stop();
    ctx.call({ _paste: paste.value }).then(() => ctx.set({ tiny_text: "own", tiny_steps: 0 })).catch(failed);
  });
  const pasteBox = h("div.tbt-tt-own", {}, h("label", { htmlFor: pasteId }, "Your own text"), paste, usePaste);
  const trainBtn = button("Train", () => (running ? pause() : start(null)), { "aria-pressed": "false" });
  const stepBtn = button("Step ×10", () => start(model ? model.step + 10 : 10));
  const resetBtn = button("Reset", () => {
    stop();
    ctx.call({ _op: "reset" }).then(show).then(() => ctx.set({ tiny_steps: 0 })).catch(failed);
  });
  const change = (partial) => {
    stop();
    ctx.set({ ...partial, tiny_steps: 0 });
  };
  textPick.addEventListener("change", () => change({ tiny_text: textPick.value }));
  sizePick.addEventListener("change", () => change({ tiny_size: sizePick.value }));
  rate.addEventListener("input", () => {
    showRate(Number(rate.value));
    change({ tiny_lr: specs.tiny_lr.choices[Number(rate.value)] });
  });
  seed.addEventListener("change", () => change({ tiny_seed: Math.max(0, Math.min(999, Math.round(Number(seed.value) || 0))) }));
  const showRate = (k) => {
    const v = specs.tiny_lr.choices[k];
    rateOut.textContent = v;
    rate.setAttribute("aria-valuetext", v);
  };

  // -- what it shows ----------------------------------------------------------------------------
  const status = h("p.tbt-tt-status", { role: "status" });
  const said = h("p.tbt-tt-said", { "aria-live": "polite" });
  const plot = chart({ height: 240, x: { min: 0, max: 100, label: "training step" }, y: { min: 0, max: 4, label: "loss (lower is better)", format: (v) => v.toFixed(1) } });
  const sampleHead = h("p.tbt-lab-heading");
  const sample = h("pre.tbt-tt-sample");
  live.append(
    h("div.tbt-controls.tbt-tt-dials", {}, field("tiny_text", textPick), field("tiny_size", sizePick),
      h("div.tbt-control", {}, h("label", { htmlFor: rate.id }, specs.tiny_lr.label), rate, rateOut), field("tiny_seed", seed)),
    pasteBox,
    h("div.tbt-tt-buttons", {}, trainBtn, stepBtn, resetBtn),
    status, said, plot.el, sampleHead, sample);

  let model = null;
  let pausing = false;           // Pause pressed: show the slice in flight, then stop
  let running = false;
  let generation = 0;            // bumped to stop a loop: a dial moved, Pause, Reset
  let resumeWhenVisible = false;
  let lastSample = 0;
  let lastSaid = 0;

  function failed(err) {
    running = false;
    status.textContent = `Something went wrong: ${err && err.message ? err.message : err}. Press Train to try again.`;
    buttons();
  }

  function buttons() {
    trainBtn.textContent = running ? "Pause" : model && model.step ? "Train on" : "Train";
    trainBtn.setAttribute("aria-pressed", String(running));
    const blocked = !model || !!model.error || !!model.diverged;
    trainBtn.disabled = blocked && !running;
    stepBtn.disabled = blocked || running;
    resetBtn.disabled = !model || !!model.error;
  }

  function stop() {
    generation += 1;
    running = false;
    pausing = false;
    resumeWhenVisible = false;
    buttons();
  }

  // Pause: the slice already in the worker finishes (its steps are done either way), is shown,
  // and then the link takes the step count, so that it reproduces exactly this run.
  function pause() {
    pausing = true;
    trainBtn.textContent = "Pausing…";
  }

  // Train in slices until `upto` (null: until paused), showing each slice.
  async function start(upto) {
    if (running || !model || model.error || model.diverged) return;
    const mine = ++generation;
    running = true;
    buttons();
    try {
      while (running && mine === generation && root.isConnected) {
        if (document.hidden) {
          resumeWhenVisible = true;
          running = false;
          status.textContent = `Paused while this tab is hidden (step ${model.step}); it carries on when you come back.`;
          buttons();
          return;
        }
        const now = performance.now();
        const wantSample = now - lastSample > SAMPLE_EVERY_MS;
        const v = await ctx.call({ _op: "train", _ms: SLICE_MS, _upto: upto, _sample: wantSample });
        if (mine !== generation) return;                    // a dial moved meanwhile: drop it
        if (wantSample) lastSample = now;
        show(v);
        if (pausing || v.error || v.diverged || (upto != null && v.step >= upto)) break;
      }
    } catch (err) {
      if (mine === generation) failed(err);
      return;
    }
    if (mine === generation && running) {
      // Stopped where it was asked to (paused, caught up, exploded): a fresh sample at this very
      // step, so a shared link shows the same writing, then the step count goes into the link.
      try {
        if (!model.sample || model.sample.step !== model.step) show(await ctx.call({ _sample: true }));
      } catch (err) {
        /* the sample is a nicety: the losses already stand */
      }
      if (mine !== generation) return;
      running = false;
      pausing = false;
      buttons();
      if (model && !model.error) ctx.set({ tiny_steps: model.step });
    }
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && resumeWhenVisible && root.isConnected) {
      resumeWhenVisible = false;
      start(ctx.state.tiny_steps > (model ? model.step : 0) ? ctx.state.tiny_steps : null);
    }
  });

  function show(v) {
    model = v;
    const s = v.state;
    if (textPick.value !== s.tiny_text) textPick.value = s.tiny_text;
    if (sizePick.options.length !== Object.keys(v.sizes).length) {
      sizePick.replaceChildren(...Object.entries(v.sizes).map(([k, n]) => h("option", { value: k }, `${k} (about ${n.toLocaleString("en")} numbers)`)));
    }
    sizePick.value = s.tiny_size;
    const k = specs.tiny_lr.choices.indexOf(s.tiny_lr);
    if (document.activeElement !== rate) rate.value = k;
    showRate(k);
    if (document.activeElement !== seed) seed.value = s.tiny_seed;
    pasteBox.hidden = s.tiny_text !== "own";
    if (v.error) {
      status.textContent = v.error;
      root.dataset.step = "0";
      for (const key of ["trainLoss", "heldoutLoss", "bigramLoss"]) delete root.dataset[key];
      plot.draw([]);
      sample.textContent = "";
      sampleHead.textContent = "";
      said.textContent = "";
      buttons();
      return;
    }
    root.dataset.step = String(v.step);
    root.dataset.trainLoss = v.train_loss == null ? "" : String(v.train_loss);
    root.dataset.heldoutLoss = v.heldout_loss == null ? "" : String(v.heldout_loss);
    root.dataset.bigramLoss = String(v.bigram_loss);
    const target = s.tiny_steps > v.step && running ? ` (catching up with the link: step ${v.step} of ${s.tiny_steps})` : "";
    status.textContent = `Step ${v.step.toLocaleString("en")}${target}. Training loss ${loss(v.train_loss)}, held-out ${loss(v.heldout_loss)}, counting pairs ${loss(v.bigram_loss)}. ` +
      `${v.params.toLocaleString("en")} learned numbers, ${v.vocab} different characters, ${v.chars_per_step} characters a step.` +
      (v.note ? ` ${v.note}` : "");
    // What it means, said plainly (and to screen readers, at most every few seconds).
    let meaning = "";
    if (v.diverged) meaning = `${v.diverged} Lower it and press Reset.`;
    else if (v.memorising) meaning = "The held-out loss has turned up while the training loss still falls: the model is memorising this text rather than learning what comes next in general.";
    else if (v.heldout_loss != null && v.step > 0 && v.heldout_loss < v.bigram_loss) meaning = "The network now beats counting pairs of characters on text it never trained on.";
    else if (v.step > 0) meaning = "Not yet better than counting pairs of characters.";
    const now = performance.now();
    if (meaning !== said.textContent && (!running || now - lastSaid > 4000 || v.diverged)) {
      said.textContent = meaning;
      lastSaid = now;
    }
    // The chart: training (solid), held-out (dashed), counting pairs (dotted, flat).
    const all = [...v.curve.map((p) => p[1]), ...v.heldout.map((p) => p[1]), v.bigram_loss];
    const top = Math.max(1, Math.ceil(Math.max(...all)));
    const right = Math.max(100, Math.ceil(v.step / 100) * 100);
    plot.draw([
      { points: v.curve, color: "blue", label: "training loss (average of a few steps)" },
      { points: v.heldout, color: "orange", dash: true, label: "held-out loss" },
      { points: [[0, v.bigram_loss], [right, v.bigram_loss]], color: "grey", dash: "dot", label: "counting pairs of characters" },
    ], { x: { min: 0, max: right, label: "training step" }, y: { min: 0, max: top, label: "loss (lower is better)", format: (x) => x.toFixed(1) } });
    plot.describe(`Loss over ${v.step} training steps: training ${loss(v.train_loss)}, held-out ${loss(v.heldout_loss)}, counting pairs ${loss(v.bigram_loss)}.`);
    if (v.sample) {
      sampleHead.textContent = `What it writes at step ${v.sample.step} (temperature 0.8):`;
      sample.textContent = v.sample.text;
    }
    buttons();
  }

  return {
    render(v) {
      // A plain render: the first view, or a dial changed (the run is new, at step 0), or a shared
      // link whose step count the run has not reached yet: catch up, showing progress.
      show(v);
      if (!running && !v.error && !v.diverged && v.state.tiny_steps > v.step) start(v.state.tiny_steps);
    },
  };
}
