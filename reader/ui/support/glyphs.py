"""The few symbols the UI draws itself, with ASCII stand-ins for terminals
whose locale is not UTF-8 (or `--ascii`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Glyphs:
    bullet: str = "\u2022"
    quote_bar: str = "\u2502"
    cut: str = "\u2013"
    marker: str = "\u2022"  # an item mentioned on screen (not ▸, a folded section)
    ellipsis: str = "\u2026"
    dot: str = "\u00b7"
    collapsed: str = "\u25b8"
    expanded: str = "\u25be"
    open_quote: str = "\u201c"
    close_quote: str = "\u201d"
    times: str = "\u00d7"


UNICODE = Glyphs()
ASCII = Glyphs(bullet="*", quote_bar="|", cut="-", marker=">", ellipsis="...", dot="|",
               collapsed="+", expanded="-", open_quote='"', close_quote='"', times="x")
