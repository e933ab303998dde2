"""Whitespace made visible: the one place where a space becomes ␣, a line break ↵ and a tab →.

Every view, build-time figure and fact that draws a token piece uses `visible`, so the book has one
glyph for a space: ␣ (the open box), the same mark its text uses for "a token that starts with a
space". Standard library only, like every widget module (it also runs in the browser).
"""
from __future__ import annotations

SPACE = "␣"
NEWLINE = "↵"
TAB = "→"

_MARKS = str.maketrans({" ": SPACE, "\t": TAB, "\n": NEWLINE})
_MARKS_KEEP = str.maketrans({" ": SPACE, "\t": TAB, "\n": NEWLINE + "\n"})


def visible(text: str, keep_newlines: bool = False, codes: bool = False) -> str:
    """`text` with each space as ␣, tab as → and line break as ↵; nothing else changes.

    keep_newlines: write ↵ and then the real line break, so that multi-line text still breaks
    where it did (the tokenizer's chips); otherwise ↵ replaces it (one-line labels).
    codes: also write every other unprintable character (a carriage return, a control code) as
    its code point in hex in angle brackets, "\\r" -> "<0d>", so that a label never hides one.
    """
    text = text.translate(_MARKS_KEEP if keep_newlines else _MARKS)
    if not codes or text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else f"<{ord(ch):02x}>" for ch in text)
