"""What reader's terminal driver does to Textual's output before it leaves:
the same screen for fewer bytes, and ASCII only when the terminal needs it.

- ScreenDiff remembers what every cell shows and lets through only the cells
  a frame changes (Textual repaints whole widgets: the panel on every scroll).
- SgrCompactor sends each colour change once instead of Textual's reset and
  full style before every run of text, and drops redundant cursor moves.
- to_ascii replaces every non-ASCII character with ASCII of the same width.

Each works on one write() of the driver at a time: Textual writes a frame in
one call. Whatever they do not model they pass through untouched and forget
what they knew, so the terminal always ends up showing what Textual drew.
(ascii.py, pen.py and screen.py hold them; OutputFilter chains them.)"""
from __future__ import annotations

from .ascii import to_ascii
from .pen import SgrCompactor
from .screen import ScreenDiff


__all__ = ["OutputFilter", "ScreenDiff", "SgrCompactor", "to_ascii"]


class OutputFilter:
    """What the driver applies to each write: ScreenDiff, then SgrCompactor,
    then (for ASCII terminals) to_ascii. `size` returns the terminal's
    (columns, rows), or None when it cannot be read (then nothing is diffed)."""

    def __init__(self, size, diff: bool = True, compact: bool = True,
                 ascii_only: bool = False) -> None:
        self.size = size
        self.diff = ScreenDiff() if diff else None
        self.compactor = SgrCompactor(size) if compact else None
        self.ascii_only = ascii_only

    def __call__(self, data: str) -> str:
        if self.diff is not None:
            data = self.diff.feed(data, self.size())
        if self.compactor is not None:
            data = self.compactor.feed(data)
        return to_ascii(data) if self.ascii_only else data
