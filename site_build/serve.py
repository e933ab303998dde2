"""A small static server for the built site: `python -m site_build.serve [--port 8000] [site]`.

Serves on 127.0.0.1 only, compresses text with gzip like any real host would, sends the right
types for .mjs and .wasm, and lets the browser cache immutable vendored files. Used by `make serve`,
the browser tests and the benchmark, so all three measure the same thing."""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import mimetypes
import os
import threading
from pathlib import Path

TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".svg": "image/svg+xml", ".zip": "application/zip"}
COMPRESS = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".wasm", ".tiktoken",
            ".bin")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**mimetypes.types_map, **TYPES}
    _gz_cache: dict = {}
    _lock = threading.Lock()

    def log_message(self, fmt, *args):  # quiet: tests and benches print their own lines
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            return super().send_head()           # redirects and index.html handling
        if not os.path.isfile(path) or not path.endswith(COMPRESS) or \
                "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            body = self._gz_cache.get(key)
            if body is None:
                body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
                self._gz_cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def server(directory: str, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(Handler, directory=directory)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    return httpd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    httpd = server(args.directory, args.port)
    print(f"Serving {args.directory}/ at http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl-C stops)")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
