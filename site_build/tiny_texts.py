"""The two built-in texts of the tiny trainable model (widgets/_tiny.py) that come from elsewhere
in the book, written at build as data files (the page cannot import the lab or read the docs):

- `stories()`: documents of the lab's world (site_build/lab/world.py: stories about its people,
  plain statements and number lessons), one per line, about 42 KB;
- `tokens_chapter()`: the Tokens chapter, docs/tokenize/index.md, as plain running text.

Both are deterministic: the same inputs give the same text. `site_build/data_files.py` writes
them to the paths `widgets._tiny.FILES` names.
"""
from __future__ import annotations

import re

from .lab import world
from .paths import DOCS

STORIES_SEED = 21             # the issue that asked for the tiny model; any fixed seed would do
STORIES_COUNT = 100           # documents: about 42,000 characters, under the model's 50,000 cap
CHAPTER = DOCS / "tokenize" / "index.md"


def stories() -> str:
    """The lab world's documents, one per line."""
    return "\n".join(world.documents(STORIES_SEED, STORIES_COUNT)) + "\n"


def tokens_chapter() -> str:
    return plain_text(CHAPTER.read_text(encoding="utf-8"))


# --- Markdown to running text --------------------------------------------------------------------

_ATTRIBUTES = re.compile(r"\{\s*[#.:]?[\w-]+(=\S*)?[^}\n]*\}")    # { #id }, { data-fact="…" }
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")                  # [text](address) -> text
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")                        # [^vaswani2017]
_HTML = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"[*`]+")                                      # emphasis and code marks
_UNDERLINE = re.compile(r"(?<![\w])_([^_\s][^_]*)_(?![\w])")           # _emphasis_, not snake_case
_HEADING = re.compile(r"^#{1,6}\s+")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_BOX = re.compile(r'^(?:!!!|\?\?\?\+?)\s+\w[\w-]*(?:\s+"([^"]*)")?\s*$')   # !!! note "Title"


def _inline(text: str) -> str:
    text = _ATTRIBUTES.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _HTML.sub("", text)
    text = _MARKS.sub("", text)
    text = _UNDERLINE.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def plain_text(markdown: str) -> str:
    """A chapter's words without its markup, one paragraph, heading or list item per line.

    Kept: headings (their words), paragraphs, list items, and the bodies of boxes, open or
    collapsible, with a box's title as a line of its own. Dropped: code blocks, tables, widget
    and figure snippet lines, raw HTML lines, abbreviation lines and footnote definitions (the
    sources), and every inline mark: attribute lists, link addresses, footnote references,
    emphasis and code marks."""
    blocks: list[str] = []
    paragraph: list[str] = []

    def end_paragraph():
        if paragraph:
            blocks.append(_inline(" ".join(paragraph)))
            paragraph.clear()

    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.strip()
        if text.startswith(("```", "~~~")):                   # a code block, to its closing fence
            end_paragraph()
            fence = text[:3]
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                i += 1
            i += 1
            continue
        if re.match(r"^\[\^[^\]]+\]:", line):                   # a footnote definition: the sources
            end_paragraph()
            i += 1
            # its lines: indented continuations, until a blank line followed by unindented text
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                blank = not lines[i].strip()
                if blank and i + 1 < len(lines) and not lines[i + 1].startswith("    "):
                    break
                i += 1
            continue
        box = _BOX.match(text)
        if box:                                                 # a box: its title, then its body
            end_paragraph()
            title = _inline(box.group(1) or "")
            if title and (not blocks or blocks[-1] != title):     # not twice after its heading
                blocks.append(title)
            i += 1
            continue
        if (not text or text.startswith(("|", "--8<--", "<", "*[")) or text == "---"):
            end_paragraph()
            i += 1
            continue
        if _HEADING.match(text):
            end_paragraph()
            blocks.append(_inline(_HEADING.sub("", text)))
            i += 1
            continue
        if _ITEM.match(text):
            end_paragraph()
            paragraph.append(_ITEM.sub("", text, count=1))
            i += 1
            continue
        paragraph.append(text)
        i += 1
    end_paragraph()
    return "\n".join(b for b in blocks if b) + "\n"
