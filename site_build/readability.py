"""Flesch–Kincaid grade of a chapter's running prose.

The book promises running prose at grade 9.5 or below. "Running prose" is what a reader reads
straight through: paragraphs, list items and question boxes. Left out, because they are not
read as sentences: code blocks, tables, headings, footnote definitions, widget and figure
snippet lines, raw HTML lines, and the bodies of collapsible "for the curious" boxes
(`??? note "..."`), which hold the optional maths.

    >>> round(grade("The cat sat on the mat. It was happy."), 2)
    -0.72

Run `python -m site_build.readability` for every chapter's grade.

Syllables are counted with the usual vowel-group rule and a few English corrections (silent
final e, -le, -ed, -es). Like every automatic syllable counter it is a heuristic; it is the same
heuristic for every chapter, so grades compare fairly and a rise means harder prose.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Reference pages, not chapters: lists and tables rather than running prose.
NOT_CHAPTERS = {"glossary", "sources", "instructors", "state-of-play"}
LIMIT = 9.5

_FENCE = re.compile(r"^\s*(```|~~~)")
_BOX = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s*(\w[\w-]*)?")
_FOOTDEF = re.compile(r"^\[\^[^\]]+\]:")
_ATTR = re.compile(r"\{[:\s][^}]*\}|\{\s*[#.][^}]*\}|\{\s*data-[^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_FOOTREF = re.compile(r"\[\^[^\]]+\]")
_TAG = re.compile(r"<[^>]+>")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Abbreviations whose full stop does not end a sentence.
_ABBREV = re.compile(r"\b(e\.g|i\.e|etc|et al|vs|cf|Dr|Mr|Mrs|Ms|St|approx|no|fig)\.", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def prose(markdown: str) -> str:
    """The running prose of a Markdown page, one block (paragraph or list item) per line."""
    blocks: list[str] = []
    current: list[str] = []
    lines = markdown.splitlines()
    i = 0

    def flush():
        if current:
            blocks.append(" ".join(s.strip() for s in current))
            current.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if _FENCE.match(line):                      # fenced code: skip to the closing fence
            fence = stripped[:3]
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                i += 1
            i += 1
            continue
        box = _BOX.match(line)
        if box:
            flush()
            base = _indent(line)
            i += 1
            body = []
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > base):
                body.append(lines[i])
                i += 1
            if box.group(2) == "!!!":               # an open box is read: keep its prose
                blocks.extend(prose("\n".join(s[base + 4:] for s in body)).splitlines())
            continue                                # a collapsible box is optional reading
        if _FOOTDEF.match(line):
            flush()
            i += 1
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) >= 4):
                if not lines[i].strip() and i + 1 < len(lines) and _indent(lines[i + 1]) < 4:
                    break
                i += 1
            continue
        if (not stripped or stripped.startswith(("#", "|", "--8<--", "<", "*[", "---"))
                or re.fullmatch(r"[-|: ]+", stripped)):
            flush()
            i += 1
            continue
        if _LIST.match(line):                       # each list item is its own block
            flush()
            current.append(_LIST.sub("", line, count=1))
            i += 1
            continue
        current.append(line)
        i += 1
    flush()
    return "\n".join(b for b in (_clean(b) for b in blocks) if b)


def _clean(block: str) -> str:
    text = _ATTR.sub("", block)
    text = _LINK.sub(r"\1", text)
    text = _FOOTREF.sub("", text)
    text = _TAG.sub("", text)
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text and text[-1] not in ".!?:;…)\"”’'":
        text += "."                                 # a list item or caption ends a sentence
    return text


def syllables(word: str) -> int:
    """Syllables in one English word (heuristic), or in a number as it is read aloud (roughly)."""
    if word[0].isdigit():
        digits = sum(c.isdigit() for c in word)
        return max(1, (digits + 1) // 2)
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    count = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1                                  # silent final e: "make", "code"
    if re.search(r"[^aeiouy](es|ed)$", w) and not re.search(r"(t|d)ed$|(s|x|z|ch|sh|c|g)es$", w):
        count -= 1                                  # "walked", "makes": no extra syllable
    return max(1, count)


def counts(text: str) -> tuple[int, int, int]:
    """(sentences, words, syllables) of plain text, one block per line."""
    sentences = words = syl = 0
    for block in text.splitlines():
        block = _ABBREV.sub(lambda m: m.group(0).replace(".", ""), block)
        for sentence in re.split(r"(?<=[.!?…])[\"”’')]*\s+", block):
            found = _WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            syl += sum(syllables(w) for w in found)
    return sentences, words, syl


def grade(text: str) -> float:
    """Flesch–Kincaid grade level of plain text (one block per line)."""
    s, w, y = counts(text)
    if not w:
        return 0.0
    return 0.39 * w / s + 11.8 * y / w - 15.59


def chapters(docs: Path = DOCS) -> list[Path]:
    """Every chapter page: those in mkdocs.yml's nav and any docs/*/index.md, minus reference pages."""
    found: set[Path] = set()
    config = yaml.load((docs.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    def walk(node):
        if isinstance(node, str):
            if node.endswith(".md"):
                found.add(docs / node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(config.get("nav", []))
    found.update(docs.glob("*/index.md"))
    found.add(docs / "index.md")
    return sorted(p for p in found if p.exists()
                  and p.relative_to(docs).parts[0] not in NOT_CHAPTERS
                  and "generated" not in p.parts)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may carry !!python/name or !ENV tags; read them as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def report(docs: Path = DOCS) -> dict[str, float]:
    return {str(p.relative_to(docs)): grade(prose(p.read_text(encoding="utf-8")))
            for p in chapters(docs)}


if __name__ == "__main__":
    worst = 0.0
    for page, g in report().items():
        worst = max(worst, g)
        print(f"{g:5.2f}  {page}")
    sys.exit(1 if worst > LIMIT else 0)
