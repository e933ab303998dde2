// Make the Python memory snapshot that a repeat visit restores instead of starting Python (see
// site_build/pyodide/snapshot.py). Run by the build with Node and the Pyodide the site ships (its loader,
// wasm and cut-down standard library, from docs/generated/pyodide/), doing what worker.js does on
// a normal start: unpack the widgets package, put it on sys.path, import widgets._runtime and
// every widget module. The heap at that moment is the snapshot; restoring it skips interpreter
// start-up and those imports. No widget view is drawn: no data file and no result is baked in.
// Usage: node snapshot.mjs <generated/pyodide dir> <widgets.zip> <output file>
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import nodeCrypto from "node:crypto";

const [dir, widgetsZip, output] = process.argv.slice(2);
// Same inputs, same bytes: while the snapshot is made, the "random" bytes Python asks for (its hash
// secret, the seed of `random`) come from a fixed generator instead of the operating system. A
// page never uses these: worker.js reseeds `random` from the browser's generator after a restore.
let state = 0x2545f491;
const fixedFill = (array) => {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;   // xorshift32
    bytes[i] = state & 255;
  }
  return array;
};
nodeCrypto.randomFillSync = fixedFill;            // what Emscripten calls under Node
globalThis.crypto.getRandomValues = fixedFill;
// The clocks too (file times, time.time()): a steady made-up clock from 2000-01-01.
let tick = 0;
Date.now = () => 946684800000 + tick++;
performance.now = () => tick++;
const { loadPyodide } = await import(pathToFileURL(dir + "/pyodide.mjs").href);
const py = await loadPyodide({
  indexURL: dir + "/",
  lockFileURL: dir + "/pyodide-lock.json",
  // The same environment a page gets (Pyodide's default), plus a fixed hash seed so that the same
  // inputs give the same bytes; the page reseeds `random` after every restore (worker.js).
  env: { HOME: "/home/pyodide", _: "./this.program" },
  _makeSnapshot: true,
});
py.unpackArchive(new Uint8Array(readFileSync(widgetsZip)), "zip", { extractDir: "/tbt" });
py.runPython(`
import sys
sys.path.insert(0, "/tbt")
import importlib, random, widgets
from widgets._runtime import call
for name in widgets.names():
    importlib.import_module("widgets." + widgets.module_name(name))
random.seed(0)          # no build-time entropy in the bytes; the page reseeds (worker.js)
del name, importlib, call
import gc
gc.collect()
`);
writeFileSync(output, py.makeMemorySnapshot());
