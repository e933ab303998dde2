"""Reading times on the Start here page, computed from the chapters as they are at build time.

A chapter's reading time is the words of its running prose, as `site_build.readability.prose()`
extracts it (paragraphs, list items and open boxes; not tables, code, footnotes or the
collapsible "for the curious" boxes), divided by a stated reading speed and rounded to whole
minutes. Widgets and optional boxes come on top. The "quick path" is the Start here page plus the
"In brief" box at the top of every chapter.
"""
from __future__ import annotations

import re

import yaml

from site_build import readability
from site_build.paths import DOCS

WORDS_PER_MINUTE = 230        # a common figure for adult silent reading of non-fiction
HOME = "index.md"
_BRIEF = re.compile(r'^!!! abstract "In brief"\s*$')


def nav_chapters() -> list[str]:
    """The chapter pages in nav order (the top-level pages of mkdocs.yml's nav), without the home
    page and the reference pages."""
    config = yaml.load((DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=readability._Loader)
    out = []
    for entry in config["nav"]:
        for page in entry.values():
            if (isinstance(page, str) and page != HOME
                    and page.split("/")[0] not in readability.NOT_CHAPTERS):
                out.append(page)
    return out


def words(page: str) -> int:
    """Words of a page's running prose."""
    return readability.counts(readability.prose((DOCS / page).read_text(encoding="utf-8")))[1]


def brief(page: str) -> str:
    """The Markdown of a page's "In brief" box (the box line and its indented body), or ""."""
    lines = (DOCS / page).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if _BRIEF.match(line):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
                j += 1
            return "\n".join(lines[i:j])
    return ""


def brief_words(page: str) -> int:
    return readability.counts(readability.prose(brief(page)))[1]


def minutes(n_words: int) -> int:
    return max(1, round(n_words / WORDS_PER_MINUTE))


def facts() -> dict[str, str]:
    chapters = nav_chapters()
    out = {"start.read.speed": str(WORDS_PER_MINUTE)}
    for page in chapters:
        out[f"start.read.{page.split('/')[0]}"] = str(minutes(words(page)))
    out["start.read.total"] = str(minutes(words(HOME) + sum(words(p) for p in chapters)))
    out["start.read.quick"] = str(minutes(words(HOME) + sum(brief_words(p) for p in chapters)))
    return out
