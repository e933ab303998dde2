"""The lab model's weight file: one small binary the page fetches and `widgets/_lm.py` reads.

Layout (little-endian):
  8 bytes   magic b"TBTLM\\x00\\x01\\x00"
  4 bytes   header length n (unsigned)
  n bytes   header, UTF-8 JSON: {"config": {...}, "tokenizer": {"merges": [[a, b], ...],
            "specials": [...]}, "tensors": [[name, shape], ...], "meta": {...}}
  then      every tensor in header order, float16, row-major
"""
from __future__ import annotations

import json
import struct

import numpy as np

from widgets import _bpe
from widgets._lm import MAGIC   # the page's reader (widgets/_lm.py) owns the format's magic bytes

from . import model
from .common import WEIGHTS


def dumps(params: dict, cfg: dict, merges, specials, meta: dict | None = None) -> bytes:
    names = list(model.param_shapes(cfg))
    header = {"config": cfg,
              "tokenizer": {"merges": [list(m) for m in merges], "specials": list(specials)},
              "tensors": [[n, list(params[n].shape)] for n in names],
              "meta": meta or {}}
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    body = b"".join(np.ascontiguousarray(params[n], dtype="<f2").tobytes() for n in names)
    return MAGIC + struct.pack("<I", len(head)) + head + body


def loads(data: bytes, dtype=np.float32):
    """(params, header) from a weight file's bytes; params are float16 values widened to dtype."""
    if data[:8] != MAGIC:
        raise ValueError("not a lab model file")
    (n,) = struct.unpack_from("<I", data, 8)
    header = json.loads(data[12:12 + n])
    params, off = {}, 12 + n
    for name, shape in header["tensors"]:
        count = int(np.prod(shape))
        params[name] = np.frombuffer(data, "<f2", count, off).astype(dtype).reshape(shape)
        off += 2 * count
    if off != len(data):
        raise ValueError("lab model file has trailing bytes")
    return params, header


def load(name: str):
    """(params, header) of a committed weight file by name, e.g. "base", "sft", "ckpt-00400"."""
    return loads((WEIGHTS / f"{name}.bin").read_bytes())


def tokenizer(header: dict) -> _bpe.Tokenizer:
    """The tokenizer a weight file's header holds."""
    tok = header["tokenizer"]
    return _bpe.Tokenizer([tuple(m) for m in tok["merges"]], tok["specials"])


def rounded(params: dict) -> dict:
    """The parameters exactly as the file stores them (float16), widened back to float32."""
    return {k: v.astype(np.float16).astype(np.float32) for k, v in params.items()}
