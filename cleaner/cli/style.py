"""Colour for a terminal, and none elsewhere.

Colour is on when the stream is a terminal, ``NO_COLOR`` is unset or empty
(https://no-color.org) and ``TERM`` is not ``dumb``; ``--color always`` or
``never`` decides instead.

>>> import io
>>> color_enabled(io.StringIO(), "auto", {}), color_enabled(io.StringIO(), "always", {"NO_COLOR": "1"})
(False, True)
>>> Style(True).red("gone"), Style(False).red("gone")
('\\x1b[31mgone\\x1b[0m', 'gone')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

COLOR_MODES = ("auto", "always", "never")


def color_enabled(stream: TextIO, mode: str = "auto", environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what is written to ``stream``."""
    if mode != "auto":
        return mode == "always"
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


@dataclass(frozen=True)
class Style:
    """ANSI styles that vanish when colour is off."""

    enabled: bool = False

    def paint(self, text: str, code: str) -> str:
        """``text`` in the SGR style ``code``."""
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text

    def bold(self, text: str) -> str:
        return self.paint(text, "1")

    def dim(self, text: str) -> str:
        return self.paint(text, "2")

    def red(self, text: str) -> str:
        return self.paint(text, "31")

    def green(self, text: str) -> str:
        return self.paint(text, "32")

    def yellow(self, text: str) -> str:
        return self.paint(text, "33")

    def cyan(self, text: str) -> str:
        return self.paint(text, "36")
