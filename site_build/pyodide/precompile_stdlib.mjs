// Compile Pyodide's standard library to bytecode, using the pinned Pyodide itself (run by Node),
// so the .pyc files match the exact CPython inside it. The browser then imports the stdlib
// without compiling it, which is most of Python's start-up time. Compiled like `python -OO -X
// no_debug_ranges`: no docstrings, no asserts, no column tables (tracebacks still name the line),
// which makes the shipped bytecode about 40% smaller.
// Usage: node precompile_stdlib.mjs <pyodide package dir> <input zip> <output zip>
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pkg, input, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pkg + "/pyodide.mjs").href);
const py = await loadPyodide({ indexURL: pkg + "/", env: { HOME: "/home/pyodide", PYTHONNODEBUGRANGES: "1" } });
py.FS.writeFile("/tmp/in.zip", readFileSync(input));
py.runPython(`
import importlib._bootstrap_external as ext, zipfile
src = zipfile.ZipFile("/tmp/in.zip")
with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in sorted(src.infolist(), key=lambda i: i.filename):
        data = src.read(info)
        name = info.filename
        if name.endswith(".py"):
            try:
                code = compile(data, "/lib/python_stdlib/" + name, "exec", dont_inherit=True, optimize=2)
            except SyntaxError:
                code = None   # keep the source (e.g. test data files with deliberate errors)
            if code is not None:
                name = name[:-3] + ".pyc"
                data = bytes(ext._code_to_timestamp_pyc(code, 0, 0))
        zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = info.external_attr
        out.writestr(zi, data)
`);
writeFileSync(output, py.FS.readFile("/tmp/out.zip"));
