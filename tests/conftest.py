"""Shared fixtures: one real build of the site per test session, a real server on 127.0.0.1,
and Debian's Chromium driven by Playwright.

Browser tests take the `page` fixture (or `new_page`): every page it opens is watched, and the
test fails afterwards if the page logged a console error, had a request fail, threw an uncaught
exception, or sent a request to any host other than the local server.
"""
from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("TBT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def port() -> int:
    """A free local port for the test server, known before the build (see built_site)."""
    from site_build.local import free_port
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, port) -> dict:
    """Run the whole build once: site_build, then a strict mkdocs build into a temp folder,
    for the address the tests serve it at (see site_build/local.py)."""
    from site_build.local import build_for_port
    out = tmp_path_factory.mktemp("site")
    try:
        log = build_for_port(port, out)
    except RuntimeError as err:
        pytest.fail(f"the site does not build:\n{err}")
    return {"dir": out, "log": log}


@pytest.fixture(scope="session")
def site_dir(built_site) -> Path:
    return built_site["dir"]


BLOCKED: set[str] = set()      # path endings the test server answers with 404 (fault injection)


@pytest.fixture(scope="session")
def base_url(site_dir, port) -> str:
    import functools
    import http.server

    from site_build.serve import Handler

    class FaultyHandler(Handler):
        def send_head(self):
            if any(self.path.split("?")[0].endswith(end) for end in BLOCKED):
                self.send_error(404, "blocked by the test")
                return None
            return super().send_head()

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(FaultyHandler, directory=str(site_dir)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def block():
    """block("pyodide.asm.wasm"): the server answers 404 for that file until the test ends."""
    added = []

    def add(ending: str):
        BLOCKED.add(ending)
        added.append(ending)

    yield add
    for ending in added:
        BLOCKED.discard(ending)


# Chromium's own services (sign-in, autofill), which it contacts whatever page is open: not the
# site's requests. Anything else that reaches the proxy fails the test.
BROWSER_OWN_HOSTS = {"accounts.google.com", "content-autofill.googleapis.com",
                     "update.googleapis.com", "optimizationguide-pa.googleapis.com",
                     "redirector.gvt1.com", "edgedl.me.gvt1.com", "clients2.google.com"}


def proxied_host(line: str) -> str:
    """The host of a proxied request line: 'CONNECT h:443 HTTP/1.1' or 'GET http://h/p HTTP/1.1'."""
    parts = line.split()
    target = parts[1] if len(parts) > 1 else ""
    if "://" in target:
        target = target.split("://", 1)[1]
    return target.split("/", 1)[0].rsplit(":", 1)[0]


class RecordingProxy:
    """Chromium sends every request for a non-loopback host here (see --proxy-server below);
    the proxy writes down the request line and refuses it. Loopback requests bypass it. This sees
    requests from workers too, which Playwright's page events do not reliably report."""

    def __init__(self):
        import socket
        self.seen: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    line = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
                except OSError:
                    line = "?"
                self.seen.append(line)
                try:
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass


@pytest.fixture(scope="session")
def proxy():
    return RecordingProxy()


@pytest.fixture(scope="session")
def browser(proxy):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS + [f"--proxy-server=http://127.0.0.1:{proxy.port}"])
        yield browser
        browser.close()


class Watch:
    """What the pages of one test did that a reader would call a fault."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.allow_errors = False

    def attach(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        return page

    def _failed(self, request):
        # A failed load prints a red line in the console too (Playwright reports it apart).
        # A request cancelled because the reader moved on (instant navigation) is no fault.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"failed request: {request.url} ({request.failure})")

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.base_url) or url.startswith(("data:", "blob:", "about:"))):
            self.foreign.append(url)


@pytest.fixture
def watch(base_url, proxy):
    w = Watch(base_url)
    w.proxy, w.proxy_start = proxy, len(proxy.seen)
    return w


@pytest.fixture
def new_page(browser, watch):
    """Factory: new_page(**context_options) -> a watched page in a fresh browser context."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        ctx = browser.new_context(**options)
        contexts.append(ctx)
        return watch.attach(ctx.new_page())

    yield make
    for ctx in contexts:
        ctx.close()
    watch.foreign.extend(line for line in watch.proxy.seen[watch.proxy_start:]
                         if proxied_host(line) not in BROWSER_OWN_HOSTS)
    assert not watch.foreign, f"requests left 127.0.0.1: {watch.foreign}"
    if not watch.allow_errors:
        assert not watch.errors, f"console errors: {watch.errors}"


@pytest.fixture
def page(new_page):
    return new_page()


# The lab model's views need Python, the weights and a forward pass before their first answer,
# several start together on the lab page, and the machine may be busy: they get longer.
SLOW = 90_000


def wait_ready(page, name: str, timeout: float = 60_000, slow: bool = False):
    """Wait until the widget `name` on the page is live; return its root element. `slow`: a lab
    view (the page's default timeout grows too, for the test's own waits)."""
    if slow:
        timeout = SLOW
        page.set_default_timeout(SLOW)
    sel = f'[data-widget="{name}"]'
    # Widgets start only when they come near the viewport, as a reader scrolls to them. Instant
    # navigation may swap the page's content (and so the widget root) while we scroll: retry.
    for attempt in range(3):
        try:
            page.locator(sel).first.scroll_into_view_if_needed()
            break
        except Exception as err:                      # playwright's Error: "not attached"
            if "not attached" not in str(err) or attempt == 2:
                raise
    page.wait_for_selector(f'{sel}[data-state="ready"], {sel}[data-state="error"]',
                           state="attached", timeout=timeout)
    root = page.locator(sel).first
    state = root.get_attribute("data-state")
    assert state == "ready", f"{name} ended in state {state}: {root.inner_text()[:300]}"
    return root


def wait_failed(page, name: str):
    """Scroll to the widget `name` and wait until it has given up (data-state "error"); assert
    that its static figure still shows, and return its root element."""
    root = page.locator(f'[data-widget="{name}"]')
    root.scroll_into_view_if_needed()
    page.wait_for_selector(f'[data-widget="{name}"][data-state="error"]', state="attached",
                           timeout=30_000)
    assert root.locator(".tbt-figure").is_visible()
    return root


def static_figure(new_page, url: str, root: str):
    """A widget's static figure on a page read with JavaScript off: asserts it and its drawing are
    visible, and returns it for the test's own checks of what it says."""
    page = new_page(java_script_enabled=False)
    page.goto(url)
    figure = page.locator(f"{root} .tbt-figure")
    assert figure.is_visible() and figure.locator("svg").is_visible()
    return figure
