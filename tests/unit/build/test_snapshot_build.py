"""The Python memory snapshot the build ships (site_build/pyodide/snapshot.py): made from exactly the files
the site serves, byte-identical when made again, keyed to those files, and stored without the
memory's all-zero pages (put back here by a decoder written independently of the build's)."""
import gzip
import hashlib
import struct

from site_build.pyodide import snapshot


def unpage(data: bytes) -> bytes:
    """The reader's side of the format in site_build/pyodide/snapshot.py, as worker.js does it."""
    total, size, count = struct.unpack_from("<III", data, 72)
    pages = struct.unpack_from(f"<{count}I", data, 128)
    memory = bytearray(total)
    at = 128 + 4 * count
    for page in pages:
        n = min(size, total - page * size)
        memory[page * size:page * size + n] = data[at:at + n]
        at += n
    assert at == len(data), "every stored byte is used, and nothing follows"
    return bytes(memory)


def test_the_shipped_snapshot_is_what_its_inputs_make_byte_for_byte(site_dir):
    pyodide, widgets = site_dir / "generated/pyodide", site_dir / "generated/py/widgets.zip"
    shipped = gzip.decompress((site_dir / "generated/py/python-snapshot.gz").read_bytes())
    head = shipped[: snapshot.HEADER]
    assert head[:8] == b"TBTSNAP2"
    # The key worker.js recomputes from what it received, done independently here.
    inner = (hashlib.sha256(widgets.read_bytes()).digest()
             + hashlib.sha256((pyodide / "python_stdlib.zip").read_bytes()).digest())
    assert head[8:72].decode() == hashlib.sha256(inner).hexdigest()
    assert set(head[84:]) == {0}
    again = snapshot.make(pyodide, widgets)          # a fresh run of Node, no cache
    assert unpage(shipped) == again
    # What leaving out the zero pages saves: the stored copy is well under half the memory.
    assert len(shipped) < 0.5 * len(again)


def test_only_all_zero_pages_are_left_out_and_a_short_last_page_survives():
    P = snapshot.PAGE
    snap = (b"\0" * P + b"a" + b"\0" * (P - 1) + b"\0" * (3 * P) + b"\0" * (P - 1) + b"z"
            + b"\0" * P + b"end")                   # pages: zero, data, 3 zero, data, zero, short
    packed = snapshot.pack("k" * 64, snap)
    total, size, count = struct.unpack_from("<III", packed, 72)
    assert (total, size, count) == (len(snap), P, 3)
    assert struct.unpack_from("<3I", packed, 128) == (1, 5, 7)
    assert len(packed) == 128 + 4 * 3 + 2 * P + 3
    assert unpage(packed) == snap


def test_the_key_changes_with_the_widgets_or_the_standard_library():
    k = snapshot.key(b"widgets", b"stdlib")
    assert k != snapshot.key(b"widgets!", b"stdlib") and k != snapshot.key(b"widgets", b"stdlib!")
    assert len(k) == 64 and len(snapshot.pack(k, b"")) == snapshot.HEADER
