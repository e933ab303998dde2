"""widgets._text: the one helper that makes whitespace visible, and a check that it stays the only one."""
import re
from pathlib import Path

import pytest

from widgets._text import NEWLINE, SPACE, TAB, visible

ROOT = Path(__file__).resolve().parents[2]


def test_the_glyphs():
    assert (SPACE, NEWLINE, TAB) == ("␣", "↵", "→")


@pytest.mark.parametrize("text, shown", [
    ("", ""),
    ("word", "word"),
    (" are", "␣are"),
    ("a b", "a␣b"),
    ("  two  ", "␣␣two␣␣"),                    # leading and trailing spaces are kept, each one marked
    (" ", "␣"),
    ("a\tb", "a→b"),
    ("\n\n", "↵↵"),
    ("one\ntwo", "one↵two"),
    ("a b\tc\nd", "a␣b→c↵d"),
])
def test_spaces_tabs_and_line_breaks(text, shown):
    assert visible(text) == shown


def test_keep_newlines_keeps_the_real_line_break_after_the_mark():
    assert visible("a b\tc\nd", keep_newlines=True) == "a␣b→c↵\nd"
    assert visible("\n", keep_newlines=True) == "↵\n"
    assert visible("", keep_newlines=True) == ""


@pytest.mark.parametrize("text", ["café", "Großmutter", "我的奶奶", "\N{STRAWBERRY}", "’", "\ufffd",
                                  "·", "␣", "r·A"])
def test_everything_else_is_untouched(text):
    assert visible(text) == visible(text, codes=True) == text


def test_codes_names_other_unprintable_characters():
    assert visible("a\rb", codes=True) == "a<0d>b"
    assert visible("a\rb") == "a\rb"                           # without codes, left alone
    assert visible(" \x00\n", codes=True) == "␣<00>↵"
    assert visible("x\ny\r", keep_newlines=True, codes=True) == "x↵\ny<0d>"


# --- Nobody else converts whitespace by hand ------------------------------------------------------

GLYPHS = "␣·↵→"
HAND_MADE = [
    # "x".replace(" ", "␣"), .replace("\n", "↵"), .replace("\t", "→"), also with ·
    re.compile(r"""replace\(\s*(['"])(?: |\\n|\\t)\1\s*,\s*(['"])[""" + GLYPHS + "]"),
    # one glyph turned into another: .replace("␣", "·")
    re.compile(r"""replace\(\s*(['"])[""" + GLYPHS + r"""]\1\s*,"""),
    # str.maketrans({" ": "·", ...})
    re.compile(r"""(['"])(?: |\\n|\\t)\1\s*:\s*(['"])[""" + GLYPHS + "]"),
    # JavaScript: piece.replace(/ /g, "·")
    re.compile(r"""replace\(\s*/(?: |\\s|\\n|\\t)/g?\s*,"""),
]


def sources():
    files = sorted((ROOT / "widgets").glob("*.py")) + sorted((ROOT / "site_build").rglob("*.py"))
    files += sorted((ROOT / "docs" / "assets" / "tbt").rglob("*.js"))
    return [p for p in files if p != ROOT / "widgets" / "_text.py"]


def test_no_other_module_makes_spaces_visible_by_itself():
    found = []
    for path in sources():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(p.search(line) for p in HAND_MADE):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "use widgets._text.visible instead:\n" + "\n".join(found)


def test_the_check_would_catch_the_old_ways():
    old = ['t.replace(" ", "·")', "s.replace(' ', '␣')", 'x.replace("\\n", "↵")', 'r["shown"].replace("␣", "·")',
           'str.maketrans({" ": "·", "\\n": "↵\\n"})', 'piece.replace(/ /g, "·")']
    assert all(any(p.search(line) for p in HAND_MADE) for line in old)
    fine = ['" · ".join(parts)', 'text.replace("$", r"\\$")', 'label="r·A (no clip)"']
    assert not any(p.search(line) for line in fine for p in HAND_MADE)
