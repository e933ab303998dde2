// Which standard-library modules does the page's Python need? Run by the build with the pinned
// Pyodide under Node: start Python and unpack the widgets package as worker.js does, import every
// module the widgets package names anywhere (including imports inside functions), import every
// widget and draw its default view, then print the names of all modules that are loaded, as JSON.
// Usage: node stdlib_closure.mjs <pyodide package dir> <widgets dir> <json list of module names>
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pkg, widgetsDir, namesJson] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pkg + "/pyodide.mjs").href);
const py = await loadPyodide({ indexURL: pkg + "/" });
py.FS.mkdirTree("/src/widgets");
for (const name of readdirSync(widgetsDir)) {
  if (name.endsWith(".py")) py.FS.writeFile(`/src/widgets/${name}`, readFileSync(`${widgetsDir}/${name}`));
}
// The same zip and the same unpacking call as the page (zipfile then needs e.g. the cp437 codec).
py.runPython(`
import os, zipfile
with zipfile.ZipFile("/tmp/widgets.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir("/src/widgets")):
        z.write("/src/widgets/" + name, "widgets/" + name)
`);
const before = py.runPython("import sys, json; json.dumps(sorted(sys.modules))");
py.unpackArchive(py.FS.readFile("/tmp/widgets.zip"), "zip", { extractDir: "/tbt" });
py.globals.set("NAMES", namesJson);
py.globals.set("BEFORE", before);
const out = py.runPython(`
import importlib, json, sys
for name in json.loads(NAMES):
    importlib.import_module(name)          # a module Pyodide lacks fails the build here
sys.path.insert(0, "/tbt")
import widgets
from widgets._runtime import call
for name in widgets.names():
    try:
        call(name, "{}")                     # default view: exercises lazy imports too
    except Exception:
        pass                                 # e.g. a data file that only the page provides
json.dumps(sorted(set(sys.modules) | set(json.loads(BEFORE))))
`);
process.stdout.write(out);
