"""The offline list the service worker reads (site_build.offline)."""
from site_build import offline


def site(tmp_path, page=b"<h1>Tokens</h1>", sitemap=b"<lastmod>2026-01-01</lastmod>"):
    files = {"index.html": b"<h1>Start</h1>", "tokenize/index.html": page, "sitemap.xml": sitemap,
             "sitemap.xml.gz": b"gz", "sw.js": b"//", "assets/x.js": b"x", "assets/x.js.map": b"m",
             "generated/data/lab/w.bin": b"\0" * 10}
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    return tmp_path


def test_lists_pages_by_their_address_and_every_data_file(tmp_path):
    found = offline.manifest(site(tmp_path))
    assert sorted(found["files"]) == [["", 14], ["assets/x.js", 1], ["generated/data/lab/w.bin", 10],
                                      ["sitemap.xml", 29], ["tokenize/", 15]]
    assert found["bytes"] == 14 + 1 + 10 + 29 + 15


def test_the_build_hash_follows_content_but_not_the_sitemap_date(tmp_path):
    a = offline.manifest(site(tmp_path / "a"))["version"]
    assert offline.manifest(site(tmp_path / "b"))["version"] == a
    assert offline.manifest(site(tmp_path / "c", sitemap=b"<lastmod>2026-01-02</lastmod>"))["version"] == a
    assert offline.manifest(site(tmp_path / "d", page=b"<h1>Tokens!</h1>"))["version"] != a


def test_the_built_site_lists_everything_the_reader_needs(site_dir):
    text = (site_dir / offline.NAME).read_text()
    assert text.startswith("//") and "self.TBT_OFFLINE = " in text
    import json
    found = json.loads(text.split("self.TBT_OFFLINE = ", 1)[1].rstrip().rstrip(";"))
    paths = {p for p, _ in found["files"]}
    data = {p.relative_to(site_dir).as_posix() for p in (site_dir / "generated/data").rglob("*") if p.is_file()}
    assert data and data <= paths                   # every data file (model weights too, later)
    assert {"", "tokenize/", "inference/", "generated/pyodide/pyodide.asm.wasm",
            "generated/py/widgets.zip", "assets/tbt/worker.js", "sitemap.xml",
            "generated/py/python-snapshot.gz"} <= paths      # saved with the book: fast offline starts
    assert (site_dir / "sw.js").exists()
