// The Python worker: one per visit. It starts the self-hosted Pyodide, unpacks the widgets package,
// then answers {widget, state} with that widget's view model. Running here keeps the page's main
// thread free while Python starts and while it computes.
import { loadPyodide } from "../../generated/pyodide/pyodide.mjs";

const root = new URL("../../", import.meta.url).href;   // the site root, from this file's address
let call = null;                                        // Python: widgets._runtime.call
let py = null;
const files = new Map();                                // data file -> Promise of its arrival in /data

async function start() {
  const zip = fetch(root + "generated/py/widgets.zip").then((r) => {
    if (!r.ok) throw new Error(`widgets.zip: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  py = await loadPyodide({
    indexURL: root + "generated/pyodide/",
    lockFileURL: root + "generated/pyodide/pyodide-lock.json",
  });
  py.unpackArchive(await zip, "zip", { extractDir: "/tbt" });
  call = py.runPython("import sys; sys.path.insert(0, '/tbt')\nfrom widgets._runtime import call\ncall");
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
const started = Promise.race([start(), died]);

self.onmessage = async ({ data: msg }) => {
  try {
    await started;
    if (msg.type === "ping") {
      self.postMessage({ id: msg.id, ok: true, json: "null" });
      return;
    }
    try {
      await Promise.all((msg.files || []).map(need));
    } catch (err) {
      // Python is fine; a data file did not arrive (offline, or the server said no). The page
      // keeps the live view and offers a retry (need() forgets failed downloads).
      self.postMessage({ id: msg.id, ok: false, kind: "download", error: String((err && err.message) || err) });
      return;
    }
    const json = call(msg.widget, JSON.stringify(msg.state));
    self.postMessage({ id: msg.id, ok: true, json });
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: String((err && err.message) || err) });
  }
};
