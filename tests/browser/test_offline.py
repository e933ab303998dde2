"""Offline after one visit (issue 13): the service worker at the site root, the "Make this book
available offline" control, a rebuilt site replacing the cache, and failing gracefully."""
import re

from site_build.addresses import found
from tests.conftest import wait_failed, wait_ready

CONTROL = ".tbt-offline"


def pages(site_dir):
    return [a.removeprefix("./") for a in found(site_dir) if "#" not in a]


def controlled(page, base_url, path=""):
    page.goto(base_url + path)
    page.wait_for_function("() => navigator.serviceWorker.controller", timeout=20_000)
    return page.locator(CONTROL)


def test_saved_book_opens_every_page_and_widget_with_the_network_off(new_page, base_url, site_dir,
                                                                      watch, block):
    watch.allow_errors = True                  # with the network off Chromium logs refusals
    page = new_page()
    box = controlled(page, base_url)
    text = box.inner_text()
    total = float(re.search(r"([\d.]+) MB", text).group(1))
    assert 5 < total < 60, text                # the size is stated before anything is fetched
    box.get_by_role("button", name="Make this book available offline").click()
    page.wait_for_selector(f'{CONTROL}[data-offline="saved"]', state="attached", timeout=120_000)
    assert "saved on this device" in box.inner_text()
    # The network is gone: the browser is offline and the server refuses every file.
    page.context.set_offline(True)
    block("")
    for url in pages(site_dir):
        page.goto(base_url + url)
        assert page.locator("article h1").is_visible(), url
        for root in page.locator("[data-widget]").all():
            wait_ready(page, root.get_attribute("data-widget"))
    # Data that only a choice needs was saved too: another tokenizer encoding works offline.
    page.goto(base_url + "tokenize/?encoding=o200k_base")
    wait_ready(page, "tokenizer")
    page.wait_for_function("() => document.querySelector('#widget-tokenizer .tbt-tok-counts')"
                           ".textContent.includes('(o200k_base)')")
    assert not [e for e in watch.errors if e.startswith("uncaught")]


def test_the_offline_copy_can_be_removed(new_page, base_url):
    page = new_page()
    box = controlled(page, base_url, "sources/")
    box.get_by_role("button", name="Make this book available offline").click()
    page.wait_for_selector(f'{CONTROL}[data-offline="saved"]', state="attached", timeout=120_000)
    wasm = "caches.match(location.origin + '/generated/pyodide/pyodide.asm.wasm').then(r => !!r)"
    assert page.evaluate(wasm)                 # saved, though this page never started Python
    box.get_by_role("button", name="Remove offline copy").click()
    page.wait_for_selector(f'{CONTROL}[data-offline="none"]', state="attached", timeout=10_000)
    assert not page.evaluate(wasm)
    assert box.get_by_role("button", name="Make this book available offline").is_visible()


def test_offline_without_a_saved_copy_fails_plainly_with_a_retry(new_page, base_url, watch, block):
    """Never saved, network off: a page not seen yet says so instead of a browser error, and a
    widget whose Python was never fetched shows the static figure, a plain message and a retry."""
    watch.allow_errors = True
    page = new_page()
    controlled(page, base_url, "sources/")     # only a page without widgets has been seen
    page.context.set_offline(True)
    block("")
    page.goto(base_url + "inference/")
    assert "offline" in page.locator("h1").inner_text().lower()
    # Seen online but with its widget never started: the page and its assets are cached (as
    # used), Python is not. Offline, the widget must give up plainly instead of hanging.
    from tests.conftest import BLOCKED
    page.context.set_offline(False)
    BLOCKED.discard("")
    page.goto(base_url + "sources/")           # now controlled: its assets pass the worker
    page.evaluate("fetch(location.origin + '/inference/').then(r => r.text())")
    page.wait_for_function("() => caches.match(location.origin + '/inference/').then(r => !!r)")
    page.context.set_offline(True)
    block("")
    page.goto(base_url + "inference/")
    root = wait_failed(page, "temperature")
    assert "offline" in root.get_by_role("alert").inner_text()
    assert root.get_by_role("button", name="Try again").is_visible()


def test_a_rebuilt_site_replaces_the_cache_whole(new_page, base_url, site_dir):
    """A new build (a new hash in generated/offline.js) installs a new worker; when the reader
    follows a link it takes over with a full page load, and the old build's cache is gone."""
    manifest = site_dir / "generated" / "offline.js"
    original = manifest.read_text()
    page = new_page()
    try:
        controlled(page, base_url)
        page.goto(base_url + "inference/")                   # now cached, as used
        wait_ready(page, "temperature")
        old = page.evaluate("caches.keys()")
        assert len(old) == 1 and page.evaluate(f"caches.open('{old[0]}').then(c => c.keys()).then(k => k.length)") > 5
        version = re.search(r'"version":"(\w+)"', original).group(1)
        manifest.write_text(original.replace(version, "0123456789abcdef"))
        page.evaluate("window.__same = 1")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_function("() => window.__tbt.offline.swapOnLeave", timeout=20_000)
        page.locator(".md-nav__link", has_text="Start here").first.click()
        page.wait_for_function("() => window.__same === undefined && navigator.serviceWorker.controller",
                               timeout=20_000)                # a full load, not instant navigation
        page.wait_for_function("() => caches.keys().then(k => k.join() === 'tbt-0123456789abcdef')",
                               timeout=20_000)
    finally:
        manifest.write_text(original)
