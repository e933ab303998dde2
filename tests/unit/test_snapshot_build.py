"""The Python memory snapshot the build ships (site_build/snapshot.py): made from exactly the files
the site serves, byte-identical when made again, and keyed to those files."""
import gzip
import hashlib

from site_build import snapshot


def test_the_shipped_snapshot_is_what_its_inputs_make_byte_for_byte(site_dir):
    pyodide, widgets = site_dir / "generated/pyodide", site_dir / "generated/py/widgets.zip"
    shipped = gzip.decompress((site_dir / "generated/py/python-snapshot.gz").read_bytes())
    head, body = shipped[: snapshot.HEADER], shipped[snapshot.HEADER:]
    assert head[:8] == snapshot.MAGIC
    # The key worker.js recomputes from what it received, done independently here.
    inner = (hashlib.sha256(widgets.read_bytes()).digest()
             + hashlib.sha256((pyodide / "python_stdlib.zip").read_bytes()).digest())
    assert head[8:72].decode() == hashlib.sha256(inner).hexdigest()
    assert set(head[72:]) == {0}
    again = snapshot.make(pyodide, widgets)          # a fresh run of Node, no cache
    assert hashlib.sha256(again).digest() == hashlib.sha256(body).digest()


def test_the_key_changes_with_the_widgets_or_the_standard_library():
    k = snapshot.key(b"widgets", b"stdlib")
    assert k != snapshot.key(b"widgets!", b"stdlib") and k != snapshot.key(b"widgets", b"stdlib!")
    assert len(k) == 64 and len(snapshot.header(k)) == snapshot.HEADER
