"""The first screen of a preloaded article, painted before Textual is imported.

Textual needs ~0.2-0.3 s of imports, CSS and layout before its first frame;
the article is known ~0.1 s after launch. So reader paints the text where the
article pane will show it (same measure, margins and wrapping: the page
Layout the pane itself uses) on the alternate screen at once; Textual's first
frame then draws over every cell. Keys typed meanwhile wait in the terminal
and reach the app when it starts. Text attributes only (bold, dim, italic),
no colours: right in every theme, colour depth and NO_COLOR. Not painted in
ASCII mode, off a terminal, or with READER_SPLASH=0.

Imports nothing from Textual or Rich beyond rich.cells (via the wrapper)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

from ..core.models import Article
from .support.glyphs import UNICODE, Glyphs
from .support.page import BLANK, TITLE_KEY, Layout, build_paras, prefix_for

# Mirrors of the real layout (tests/ui/test_splash.py checks they agree):
DEFAULT_MEASURE, MIN_MEASURE, MAX_MEASURE, MARGIN = 72, 30, 160, 2  # widgets/article.py
NARROW = 100          # screens/main.py: below this the panel floats (closed at start)
PANEL_WIDTH = 40      # themes/reader.tcss #panel: width 40, max-width 45%
PANEL_MAX_SHARE = 0.45
GUTTER = 1            # the article pane's scrollbar gutter
FOOTER = 1            # the status line

_STYLE = {"title": "1", "meta": "2", "standfirst": "3", "notice": "3", "heading": "1",
          "quote": "3", "caption": "2;3", "cut-head": "1", "cut": "2"}
ENTER = "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J"  # alternate screen, cursor hidden, cleared
LEAVE = "\x1b[0m\x1b[?1049l\x1b[?25h"  # no erase: it could hit the main screen


def pane_geometry(columns: int, measure: int) -> tuple[int, int]:
    """(measure shown, left margin) of the article pane in a `columns`-wide terminal."""
    pane = columns
    if columns >= NARROW:
        pane -= min(PANEL_WIDTH, int(columns * PANEL_MAX_SHARE))
    content = max(1, pane - GUTTER)
    shown = max(10, min(measure, content - 2 * MARGIN))
    return shown, max(0, (content - shown) // 2)


def frame(article: Article, columns: int, rows: int, measure: int = DEFAULT_MEASURE,
          anchor: tuple[int, int] = (TITLE_KEY, 0), glyphs: Glyphs = UNICODE) -> str:
    """The escape sequences that paint the article pane's first screen."""
    measure = max(MIN_MEASURE, min(MAX_MEASURE, int(measure)))
    shown, left = pane_geometry(columns, measure)
    page = Layout(build_paras(article, False, glyphs), shown, glyphs)
    visible = max(0, rows - FOOTER)
    top = max(0, min(page.line_of(*anchor), page.height - visible))  # as far as the pane scrolls
    out = [ENTER]
    for row in range(visible):
        line = top + row
        if line >= page.height:
            break
        if page.start[line] == BLANK:
            continue
        number = page.para[line]
        para = page.paras[number]
        prefix = prefix_for(para.kind, glyphs)
        lead = prefix.first if line == page.first_line[number] else prefix.rest
        text = para.text[page.start[line]:page.end[line]]
        style = _STYLE.get(para.kind, "0")
        out.append(f"\x1b[{row + 1};{left + 1}H")
        if lead:
            out.append(f"\x1b[2m{lead}\x1b[0m")
        out.append(f"\x1b[{style}m{text}\x1b[0m")
    return "".join(out)


def paint(article: Article, stream: TextIO, environ: Mapping[str, str] = os.environ,
          measure: int = DEFAULT_MEASURE, anchor: tuple[int, int] = (TITLE_KEY, 0),
          ascii_only: bool = False) -> bool:
    """Paint the first screen on `stream` (Textual's own output, a terminal);
    False when not painted. Never raises: at worst the app starts as before."""
    if ascii_only or environ.get("READER_SPLASH", "1") == "0" or not article.blocks:
        return False
    try:
        if not stream.isatty():
            return False
        columns, rows = os.get_terminal_size(stream.fileno())
        stream.write(frame(article, columns, rows, measure, anchor))
        stream.flush()
    except (OSError, ValueError):
        return False
    return True


def clear(stream: TextIO) -> None:
    """Leave the painted screen (the app did not start after all)."""
    try:
        stream.write(LEAVE)
        stream.flush()
    except (OSError, ValueError):
        pass
