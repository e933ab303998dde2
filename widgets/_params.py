"""Shareable widget state: typed parameters, their defaults, and forgiving parsing.

Values arrive from URL query strings (strings, possibly malformed or hostile) or from controls
(numbers, booleans). `clean` never raises: anything it cannot parse, or that lies outside the
allowed range or choices, falls back to the default.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Number:
    default: float
    lo: float
    hi: float
    step: float = 0.0          # 0 means continuous; for display/controls only
    integer: bool = False
    label: str = ""
    log: bool = False          # slider moves on a log scale (controls only)

    def parse(self, raw):
        if isinstance(raw, bool):
            return self.default
        try:
            x = float(raw)
        except (TypeError, ValueError, OverflowError):
            return self.default
        if not math.isfinite(x) or x < self.lo or x > self.hi:
            return self.default
        if self.integer:
            if x != int(x):
                return self.default
            return int(x)
        return x

    def spec(self) -> dict:
        return {"type": "number", "default": self.default, "min": self.lo, "max": self.hi,
                "step": self.step, "integer": self.integer, "log": self.log, "label": self.label}


@dataclass(frozen=True)
class Choice:
    default: str
    choices: tuple[str, ...] = field(default_factory=tuple)
    label: str = ""

    def parse(self, raw):
        return raw if isinstance(raw, str) and raw in self.choices else self.default

    def spec(self) -> dict:
        return {"type": "choice", "default": self.default, "choices": list(self.choices),
                "label": self.label}


@dataclass(frozen=True)
class Flag:
    default: bool = False
    label: str = ""

    def parse(self, raw):
        if isinstance(raw, bool):
            return raw
        if raw in ("1", "true", "on", "yes", 1):
            return True
        if raw in ("0", "false", "off", "no", 0):
            return False
        return self.default

    def spec(self) -> dict:
        return {"type": "flag", "default": self.default, "label": self.label}


@dataclass(frozen=True)
class Text:
    default: str
    max_len: int = 2000
    label: str = ""

    def parse(self, raw):
        if not isinstance(raw, str) or len(raw) > self.max_len:
            return self.default
        return raw

    def spec(self) -> dict:
        return {"type": "text", "default": self.default, "max_len": self.max_len,
                "label": self.label}


def clean(params: dict, raw) -> dict:
    """Return a full state: every declared parameter, parsed from `raw` or defaulted.

    Unknown keys are dropped; a non-dict `raw` gives all defaults."""
    if not isinstance(raw, dict):
        raw = {}
    return {name: (p.parse(raw[name]) if name in raw else p.default) for name, p in params.items()}


def specs(params: dict) -> dict:
    """JSON-able description of the parameters, embedded in the page for the front end."""
    return {name: p.spec() for name, p in params.items()}
