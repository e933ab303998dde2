"""The two built-in texts of the tiny trainable model (widgets/_tiny.py) that come from elsewhere
in the book, written at build as data files (the page cannot import the lab or read the docs):

- `stories()`: documents of the lab's world (site_build/lab/world.py: stories about its people,
  plain statements and number lessons), one per line, about 42 KB;
- `tokens_chapter()`: the Tokens chapter, docs/tokenize/index.md, as plain running prose.

Both are deterministic: the same inputs give the same text. `site_build/data_files.py` writes
them to the paths `widgets._tiny.FILES` names.
"""
from __future__ import annotations

from . import readability
from .lab import world
from .paths import DOCS

STORIES_SEED = 21             # the issue that asked for the tiny model; any fixed seed would do
STORIES_COUNT = 100           # documents: about 42,000 characters, under the model's 50,000 cap
CHAPTER = DOCS / "tokenize" / "index.md"


def stories() -> str:
    """The lab world's documents, one per line."""
    return "\n".join(world.documents(STORIES_SEED, STORIES_COUNT)) + "\n"


def tokens_chapter() -> str:
    """The chapter's running prose, as the readability check reads it (site_build/readability.py:
    markup, snippets, tables, code and collapsible boxes dropped), one paragraph per line."""
    return readability.prose(CHAPTER.read_text(encoding="utf-8")) + "\n"
