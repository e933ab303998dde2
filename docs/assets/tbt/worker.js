// The Python worker: one per visit. It starts the self-hosted Pyodide, unpacks the widgets package,
// then answers {widget, state} with that widget's view model. Running here keeps the page's main
// thread free while Python starts and while it computes.
//
// Two ways to start (the page's first message, "ping", says whether the second is allowed):
//  - normal: instantiate the wasm, initialise CPython, import the widgets (about 1.5 s);
//  - snapshot: on a repeat visit, restore Python's memory as the build saved it just after those
//    imports (generated/py/python-snapshot.gz, see site_build/pyodide/snapshot.py). Used only when the
//    file is already on this device (in the service worker's cache), only when it
//    was made from the very widgets.zip and standard library this visit received, and `random` is
//    reseeded afterwards. Anything wrong with it (missing, corrupt, another build, an error while
//    restoring) means a normal start instead, with a console warning and nothing else.
//
// The message protocol (runtime.js is the other side). Every request carries an `id`; every reply
// echoes it, as {id, ok: true, json} (json: a JSON string) or {id, ok: false, error, kind}.
//   {type: "ping", snapshot}        the first message starts Python (from the stored snapshot if
//                                   `snapshot` is true and one is stored); the reply (json "null")
//                                   means Python is ready.
//   {type: "call", widget, state}   asks Python which data files the call reads
//                                   (widgets._runtime.files: what the widget declares), fetches
//                                   each into Python's /data once per visit, then replies with the
//                                   view model: widgets._runtime.call(widget, state). A file that does
//                                   not arrive: ok false, kind "download" (Python is unharmed; the
//                                   page offers a retry). A Python error: ok false, its message.
//   {type: "info"}                  for the bench and the tests: {start: "normal" | "snapshot", heap
//                                   (the wasm memory's size in bytes: it only grows),
//                                   marks (the start-up timeline), draw (a number from `random`)}.
// Python runs one call at a time; messages that arrive meanwhile wait their turn.
//
// Pyodide's loader is imported dynamically so that the downloads below start without waiting for it.
const pyodide = import("../../generated/pyodide/pyodide.mjs");
pyodide.catch(() => {});                                 // reported when start() awaits it
const loadPyodide = async (config) => (await pyodide).loadPyodide(config);

// A speed path Python may call (widgets/_lm.py, Model._times; looked up there on first use): rows
// times a matrix in typed arrays. x holds `rows` rows of n numbers, w is row-major [n, m]; the
// result holds `rows` rows of m. The same multiply-adds as Python's dot products, in a loop the
// JavaScript engine compiles: the lab model's whole-text pass in about a fifth of the time.
self.tbtKernel = {
  times(x, rows, n, w, m) {
    const y = new Float64Array(rows * m);
    for (let t = 0; t < rows; t++) {
      const xo = t * n;
      const yo = t * m;
      for (let k = 0; k < n; k++) {
        const v = x[xo + k];
        const wo = k * m;
        for (let j = 0; j < m; j++) y[yo + j] += v * w[wo + j];
      }
    }
    return y;
  },
};

const root = new URL("../../", import.meta.url).href;   // the site root, from this file's address
const SNAPSHOT = root + "generated/py/python-snapshot.gz";
const now = () => performance.timeOrigin + performance.now();   // epoch ms: the page can compare
const marks = { script: now() };                         // start-up timeline, for `info` (bench)
let how = null;                                          // "normal" or "snapshot", once started
let call = null;                                         // Python: widgets._runtime.call
let filesOf = null;                                      // Python: widgets._runtime.files
let py = null;
const files = new Map();                                // data file -> Promise of its arrival in /data

// Mark when the wasm is compiled and instantiated (Pyodide calls one of these two).
for (const name of ["instantiateStreaming", "instantiate"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = async (...args) => {
    marks.wasmStart = marks.wasmStart || now();
    const result = await original.apply(WebAssembly, args);
    marks.wasm = now();
    return result;
  };
}

function bytes(path) {
  return fetch(root + path).then((r) => {
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
}

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");

// The stored snapshot's response, if this device already holds it; otherwise null. Only the
// service worker's cache is asked (directly: a round trip through its fetch handler costs a few
// hundred milliseconds for a file this size on a busy machine), and a miss is a plain null: no
// request is made that could fail and print a red line in the console on a first visit. Only the
// service worker ever stores the snapshot (runtime.js, keepSnapshot), so nothing else can hold it.
async function storedSnapshot() {
  try {
    const response = self.caches ? await caches.match(SNAPSHOT, { ignoreVary: true }) : null;
    return response && response.ok ? response : null;
  } catch (err) {
    return null;                                         // e.g. storage blocked: the normal start
  }
}

// The snapshot's bytes for Pyodide, once read and checked against this build (else it throws).
async function checkedSnapshot(response, zip) {
  const stdlib = bytes("generated/pyodide/python_stdlib.zip");   // from the same cache, then
  stdlib.catch(() => {});                                // a failure surfaces below, not as "unhandled"
  let data = new Uint8Array(await response.arrayBuffer());
  marks.snapshotFetched = now();
  if (data[0] === 0x1f && data[1] === 0x8b) {            // gzip, unless the host already undid it
    data = new Uint8Array(await new Response(
      new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  }
  const magic = new TextDecoder().decode(data.subarray(0, 8));
  const key = new TextDecoder().decode(data.subarray(8, 72));
  const [a, b] = await Promise.all([zip, stdlib].map((p) => p.then((buf) => crypto.subtle.digest("SHA-256", buf))));
  const inner = new Uint8Array(64);
  inner.set(new Uint8Array(a), 0);
  inner.set(new Uint8Array(b), 32);
  const expected = hex(await crypto.subtle.digest("SHA-256", inner));
  if (magic !== "TBTSNAP2" || key !== expected) throw new Error("the snapshot belongs to another build");
  const memory = unpage(data);
  marks.snapshotChecked = now();
  return memory;
}

// Pyodide's snapshot from ours: the stored pages put back in a zero-filled buffer of the full
// length (the build leaves out the pages that are all zero; format in site_build/pyodide/snapshot.py).
function unpage(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const [total, size, count] = [72, 76, 80].map((at) => view.getUint32(at, true));
  let at = 128 + 4 * count;
  if (size < 1 || total > 2 ** 30 || at > data.length) throw new Error("the snapshot is damaged");
  const memory = new Uint8Array(total);
  let last = -1;
  for (let j = 0; j < count; j++) {
    const page = view.getUint32(128 + 4 * j, true);
    const start = page * size;
    const n = Math.min(size, total - start);
    if (page <= last || n <= 0 || at + n > data.length) throw new Error("the snapshot is damaged");
    memory.set(data.subarray(at, at + n), start);
    at += n;
    last = page;
  }
  if (at !== data.length) throw new Error("the snapshot is damaged");
  return memory;
}

const options = {
  indexURL: root + "generated/pyodide/",
  lockFileURL: root + "generated/pyodide/pyodide-lock.json",
};

async function start(useSnapshot) {
  const zip = bytes("generated/py/widgets.zip");
  if (useSnapshot !== false && typeof DecompressionStream === "function") {
    try {
      const stored = await storedSnapshot();
      if (stored) {
        // Pyodide takes a promise: it loads its own script while the snapshot is read and checked.
        const snapshot = checkedSnapshot(stored, zip);
        snapshot.catch(() => {});                        // reported by loadPyodide, below
        py = await loadPyodide({ ...options, _loadSnapshot: snapshot });
        marks.python = now();
        // Python's memory is the build's; its files are not (they live outside it): unpack the
        // widgets again (widgets.names() lists their folder). The build seeded `random` with 0:
        // reseed it from the browser's generator, so two visits never draw the same numbers.
        py.unpackArchive(await zip, "zip", { extractDir: "/tbt" });
        call = py.runPython("import random\nrandom.seed()\nfrom widgets._runtime import call\n" +
                            "import widgets\nassert widgets.names()\ncall");
        filesOf = py.runPython("from widgets._runtime import files\nfiles");
        marks.imported = now();
        how = "snapshot";
        return;
      }
    } catch (err) {
      console.warn("[tbt] Python snapshot not used, starting normally:", (err && err.message) || err);
      py = null;
      call = null;
    }
  }
  py = await loadPyodide(options);
  marks.python = now();
  py.unpackArchive(await zip, "zip", { extractDir: "/tbt" });
  call = py.runPython("import sys; sys.path.insert(0, '/tbt')\nfrom widgets._runtime import call\ncall");
  filesOf = py.runPython("from widgets._runtime import files\nfiles");
  marks.imported = now();
  how = "normal";
}

function need(path) {
  if (!files.has(path)) {
    const arrived = fetch(root + "generated/data/" + path)
      .then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((buf) => {
        const target = "/data/" + path;
        py.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
        py.FS.writeFile(target, new Uint8Array(buf));
      });
    arrived.catch(() => files.delete(path));            // a failed download may be retried
    files.set(path, arrived);
  }
  return files.get(path);
}

// If start-up dies somewhere Pyodide cannot report (e.g. the wasm file is missing, and the
// Emscripten runtime aborts inside a promise), tell the page instead of hanging.
let fatal;
const died = new Promise((_, reject) => {
  fatal = reject;
});
self.addEventListener("unhandledrejection", (event) => {
  if (call) return;
  event.preventDefault();
  const err = event.reason;
  fatal(new Error(String((err && err.message) || err || "Python failed to start")));
});
// Pyodide 314 catches a failed wasm instantiation (file missing, wasm blocked by policy), warns
// "wasm instantiation failed!" and then waits forever; turn that warning into a failure.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  warn(...args);
  if (!call && String(args[0]).includes("wasm instantiation failed")) {
    fatal(new Error("WebAssembly could not be loaded"));
  }
};
let started = null;                                      // the page's first message starts Python

self.onmessage = async ({ data: msg }) => {
  try {
    if (!started) started = Promise.race([start(msg.snapshot), died]);
    await started;
    if (msg.type === "ping") {
      self.postMessage({ id: msg.id, ok: true, json: "null" });
      return;
    }
    if (msg.type === "info") {                           // for the benchmark and the tests
      const draw = py.runPython("import random\nrandom.getrandbits(48)");
      const heap = py._module && py._module.HEAP8 ? py._module.HEAP8.byteLength : null;   // wasm memory
      self.postMessage({ id: msg.id, ok: true, json: JSON.stringify({ start: how, marks, draw, heap }) });
      return;
    }
    const state = JSON.stringify(msg.state);
    try {
      await Promise.all(JSON.parse(filesOf(msg.widget, state)).map(need));
    } catch (err) {
      // Python is fine; a data file did not arrive (offline, or the server said no). The page
      // keeps the live view and offers a retry (need() forgets failed downloads).
      self.postMessage({ id: msg.id, ok: false, kind: "download", error: String((err && err.message) || err) });
      return;
    }
    const json = call(msg.widget, state);
    if (!marks.answered) marks.answered = now();
    self.postMessage({ id: msg.id, ok: true, json });
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: String((err && err.message) || err) });
  }
};
