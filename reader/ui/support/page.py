"""The article as a page of lines at a given measure.

A Page is a list of paragraphs (the title, the date line, the body blocks and,
when asked, the lines the cleaner cut). `layout` wraps them into lines that
are offsets into each paragraph's text, so nothing is copied and a screen
line maps back to (block, offset) exactly: highlights, search and the saved
reading position all speak that one coordinate."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from ...core.models import Article
from .glyphs import UNICODE, Glyphs
from .when import human_published, reading_time
from .wrap import wrap_into, wrap_offsets

TITLE_KEY = -1
META_KEY = -2
CUT_HEAD_KEY = -3
STANDFIRST_KEY = -4
NOTICE_KEY = -5
CUT_KEY_BASE = -1000  # cut line j has key CUT_KEY_BASE - j
BLANK = -1


@dataclass(frozen=True)
class Para:
    """One paragraph of the page: `key` is the article block index (>= 0) or
    one of the negative keys above; `text` is exactly what is shown."""

    key: int
    kind: str
    text: str


@dataclass(frozen=True)
class Prefix:
    """What goes before a paragraph's first line and before the lines after it."""

    first: str = ""
    rest: str = ""


def build_paras(article: Article, show_cut: bool = False, glyphs: Glyphs = UNICODE) -> list[Para]:
    """The page's paragraphs in order: title, date line, standfirst, (cut lines,) body."""
    paras = [Para(TITLE_KEY, "title", _display(article.title or article.source))]
    if meta := meta_line(article, glyphs.dot):
        paras.append(Para(META_KEY, "meta", meta))
    standfirst = " ".join((article.standfirst or "").split())
    if standfirst and not _repeated_in_lead(standfirst, article):
        paras.append(Para(STANDFIRST_KEY, "standfirst", _display(standfirst)))
    if show_cut:
        paras.extend(_cut_paras(article))
    paras.extend(Para(i, block.kind, _display(block.text)) for i, block in enumerate(article.blocks))
    if not article.blocks:
        paras.append(Para(NOTICE_KEY, "notice", empty_notice(article, show_cut)))
    return paras


def _repeated_in_lead(standfirst: str, article: Article) -> bool:
    """True when the body opens with the standfirst's words already (pages
    often repeat it as the lead): then it is not shown twice."""
    key = _words(standfirst)
    return any(_words(block.text) == key for block in article.blocks[:3])


def _words(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").rstrip(" .!?…").split())


def empty_notice(article: Article, show_cut: bool = False) -> str:
    """What the page says instead of a body when there is none."""
    count = len(article.removed)
    if count:
        lines = f"{count} line{'s' if count != 1 else ''}"
        where = "listed above" if show_cut else "c shows them"
        return f"No readable content: the cleaner found no article text and cut all {lines} ({where})."
    if article.title:
        return "No readable content: the document has a title but no text."
    return "This document is empty: there is nothing to read."


def meta_line(article: Article, dot: str = "\u00b7") -> str:
    """byline · site · published (in words) · reading time."""
    parts = [", ".join(article.byline)] if article.byline else []
    if article.site:
        parts.append(article.site)
    if published := human_published(article.published):
        parts.append(published)
    if article.blocks:
        parts.append(reading_time(_word_count(article)))
    return f" {dot} ".join(_display(part) for part in parts)


def _word_count(article: Article) -> int:
    """Words, counted fast enough for a book (spaces, not str.split)."""
    return sum(block.text.count(" ") + 1 for block in article.blocks if block.text)


def _cut_paras(article: Article) -> list[Para]:
    count = len(article.removed)
    head = f"What the cleaner cut: {count} line{'s' if count != 1 else ''} (c hides)"
    paras = [Para(CUT_HEAD_KEY, "cut-head", head if count else "The cleaner cut nothing.")]
    for j, line in enumerate(article.removed):
        why = article.removed_why[j] if j < len(article.removed_why) else ""
        paras.append(Para(CUT_KEY_BASE - j, "cut", _display(line) + (f"  [{why}]" if why else "")))
    return paras


# Length-preserving, so offsets still hold: a tab becomes a space, any other
# control character its visible picture (core.safety has already done this for
# text that came through extraction; this is the UI's own guarantee).
_VISIBLE = {0x09: 0x20, 0x7F: 0x2421,
            **{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)},
            **{c: 0xFFFD for c in range(0x80, 0xA0)}}


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _display(text: str) -> str:
    """What may reach the terminal: no control character but the newline."""
    return text.translate(_VISIBLE) if _CONTROL.search(text) else text


def prefix_for(kind: str, glyphs: Glyphs) -> Prefix:
    if kind == "quote":
        return Prefix(glyphs.quote_bar + " ", glyphs.quote_bar + " ")
    if kind == "list_item":
        return Prefix(glyphs.bullet + " ", "  ")
    if kind == "cut":
        return Prefix(glyphs.cut + " ", "  ")
    return Prefix()


def gap_before(previous: Para | None, para: Para) -> int:
    """Blank lines between two paragraphs: none inside the header or a list."""
    if previous is None:
        return 0
    if para.kind == "meta":
        return 0
    if para.kind == previous.kind and para.kind in ("list_item", "cut"):
        return 0
    return 1


class Layout:
    """The paragraphs wrapped at one measure: three parallel arrays, one entry
    per screen line (paragraph index, start, end; start == BLANK for a gap)."""

    def __init__(self, paras: list[Para], measure: int, glyphs: Glyphs) -> None:
        self.paras = paras
        self.measure = max(10, measure)
        self.first_line: list[int] = []   # per paragraph: its first line
        self.stop_line: list[int] = []    # per paragraph: one past its last line
        self._index = {para.key: i for i, para in enumerate(paras)}
        numbers: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        widths: dict[str, int] = {}
        previous = None
        for number, para in enumerate(paras):
            if gap_before(previous, para):
                numbers.append(number)
                starts.append(BLANK)
                ends.append(BLANK)
            self.first_line.append(len(starts))
            width = widths.get(para.kind)
            if width is None:
                prefix = prefix_for(para.kind, glyphs)
                width = widths[para.kind] = self.measure - max(len(prefix.first), len(prefix.rest))
            if para.kind in ("preformatted", "meta"):
                lines = (_hard_lines(para.text, width) if para.kind == "preformatted"
                         else _meta_lines(para.text, width, f" {glyphs.dot} "))
                starts.extend(a for a, _ in lines)
                ends.extend(b for _, b in lines)
                count = len(lines)
            else:
                count = wrap_into(para.text, width, starts, ends)
            numbers.extend([number] * count)
            self.stop_line.append(len(starts))
            previous = para
        self.para = array("l", numbers)
        self.start = array("l", starts)
        self.end = array("l", ends)

    @property
    def height(self) -> int:
        return len(self.para)

    def has_key(self, key: int) -> bool:
        return key in self._index

    def line_of(self, key: int, offset: int) -> int:
        """The screen line showing `offset` of paragraph `key` (its first line if
        the key is unknown to this layout, e.g. a cut line no longer shown)."""
        number = self._index.get(key)
        if number is None:
            return 0 if key < 0 else self.height - 1
        first, stop = self.first_line[number], self.stop_line[number]
        line = bisect_right(self.start, offset, first, stop) - 1
        return max(first, min(line, stop - 1))

    def position_of(self, y: int) -> tuple[int, int]:
        """The (key, offset) shown at line `y`; a blank line belongs to what follows."""
        if self.height == 0:
            return (TITLE_KEY, 0)
        y = max(0, min(y, self.height - 1))
        number = self.para[y]
        if self.start[y] == BLANK:  # a gap is stored with the paragraph it precedes
            return (self.paras[number].key, 0)
        return (self.paras[number].key, self.start[y])

    def body_position(self, y: int) -> tuple[int, int]:
        """Like position_of, but header lines count as the start of the body."""
        key, offset = self.position_of(y)
        return (key, offset) if key >= 0 else (0, 0)


def _meta_lines(text: str, width: int, separator: str) -> list[tuple[int, int]]:
    """The date line breaks between its parts ('... 2019, 08:03 UTC-5' then
    '1 min read'), never inside a date; a part wider than the line wraps."""
    parts, start = [], 0
    while (at := text.find(separator, start)) >= 0:
        parts.append((start, at))
        start = at + len(separator)
    parts.append((start, len(text)))
    lines: list[tuple[int, int]] = []
    for a, b in parts:
        if lines and cell_len(text[lines[-1][0]:b]) <= width:
            lines[-1] = (lines[-1][0], b)
        elif cell_len(text[a:b]) <= width:
            lines.append((a, b))
        else:
            lines.extend((a + s, a + e) for s, e in wrap_offsets(text[a:b], width))
    return lines


def _hard_lines(text: str, width: int) -> list[tuple[int, int]]:
    """Preformatted text keeps its line breaks and spaces; long lines are cut."""
    lines = []
    start = 0
    for line in text.split("\n"):
        pieces = range(0, len(line), width) if line else [0]
        lines.extend((start + a, start + min(a + width, len(line))) for a in pieces)
        start += len(line) + 1
    return lines
