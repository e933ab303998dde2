"""The lab model's measured report, for the facts and the page's data files.

`report()` is everything site_build/lab/evaluate.py measures (build/lab-report.json). Two of the
page's data files are parts of it (site_build/data_files.py writes them under
docs/generated/data/lab/):
  history.json     training history: {"steps", "batch", "context", "train_loss": [per step],
                   "heldout_loss": [[step, loss]], "checkpoints": [{"step", "tokens",
                   "heldout_loss", "samples": [{"prompt", "reply"}]}]}
  embedding.json   {"points": [{"id", "word", "group", "x", "y"}], "groups": [{"name",
                   "members", "together"}],
                   "analogies": {name: {"hits", "tries", "example"}}}
The report is reused while the weights and the code that measures them are unchanged (measuring
takes about half a minute), so a rebuild never retrains and rarely re-measures.
"""
from __future__ import annotations

import functools
import hashlib
import json

from ..paths import ROOT, SNIPPETS
from ..write import write_text
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


@functools.cache
def report() -> dict:
    """The measured report, from build/lab-report.json when it is current, else measured now.
    Read once per process (the facts and two data files all use it); treat it as read-only."""
    key = _key()
    if REPORT.exists():
        cached = json.loads(REPORT.read_text())
        if cached.get("key") == key:
            return cached
    from . import evaluate
    out = {"key": key, **evaluate.report()}
    write_text(REPORT, json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return out
