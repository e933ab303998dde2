"""Build step for the lab model: the files the page fetches, from the committed weights.

Writes under docs/generated/data/lab/:
  base.bin         the weights (a copy of site_build/lab/weights/base.bin)
  history.json     training history: {"steps", "batch", "context", "train_loss": [per step],
                   "heldout_loss": [[step, loss]], "checkpoints": [{"step", "tokens",
                   "heldout_loss", "samples": [{"prompt", "reply"}]}]}
  embedding.json   {"points": [{"id", "word", "group", "x", "y"}], "groups": [{"name",
                   "members", "together"}],
                   "analogies": {name: {"hits", "tries", "example"}}}
and build/lab-report.json: everything site_build/lab/evaluate.py measures, which the facts read.
The report is reused while the weights and the code that measures them are unchanged (measuring
takes about half a minute), so a rebuild never retrains and rarely re-measures.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..paths import DATA, ROOT, SNIPPETS
from ..write import write_bytes, write_text
from .common import WEIGHTS

REPORT = SNIPPETS.parent / "lab-report.json"
MEASURED_BY = ["site_build/lab/evaluate.py", "site_build/lab/world.py", "site_build/lab/train.py",
               "site_build/lab/checkpoint.py", "site_build/lab/common.py", "site_build/lab/model.py",
               "widgets/_lm.py", "widgets/_bpe.py", "widgets/_sampling.py"]


def _key() -> str:
    h = hashlib.sha256()
    base = [p for p in sorted(WEIGHTS.iterdir())
            if p.name in ("base.bin", "history.json", "manifest.json") or p.name.startswith("ckpt-")]
    for p in base + [ROOT / f for f in MEASURED_BY]:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def report() -> dict:
    """The measured report, from build/lab-report.json when it is current, else measured now."""
    key = _key()
    if REPORT.exists():
        cached = json.loads(REPORT.read_text())
        if cached.get("key") == key:
            return cached
    from . import evaluate
    out = {"key": key, **evaluate.report()}
    write_text(REPORT, json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return out


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def build() -> list[Path]:
    r = report()
    return [write_bytes(DATA / "lab" / "base.bin", (WEIGHTS / "base.bin").read_bytes()),
            write_text(DATA / "lab" / "history.json", _json(r["history"])),
            write_text(DATA / "lab" / "embedding.json", _json(r["embedding"])),
            REPORT]
