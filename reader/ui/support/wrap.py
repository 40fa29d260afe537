"""Word wrap that returns offsets instead of strings.

Every line is a (start, end) slice of the block's own text, so highlights and
jumps map straight onto the screen, and a 5 MB article wraps in a fraction of
a second: for text whose characters are all one cell wide the loop runs once
per *line* (str.rfind does the scanning in C), not once per word."""
from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

_WORD = re.compile(r"[^ ]+")
# Latin, Greek, Cyrillic letters and common punctuation: one cell each.
_SINGLE = re.compile(r"[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u04ff"
                     r"\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*")


def is_single_cell(text: str) -> bool:
    """True when every character is certainly one cell wide (the fast path)."""
    return text.isascii() or _SINGLE.fullmatch(text) is not None


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` at `width` cells, as (start, end) offsets.

    Newlines are hard breaks (an empty paragraph line gives an empty slice);
    spaces at a break are dropped; a word longer than the width is cut."""
    starts: list[int] = []
    ends: list[int] = []
    wrap_into(text, width, starts, ends)
    return list(zip(starts, ends))


def wrap_into(text: str, width: int, starts: list[int], ends: list[int]) -> int:
    """Like wrap_offsets, appending to two lists (no tuples: the page layout
    of a long book calls this once per paragraph). Returns the line count."""
    width = max(1, width)
    before = len(starts)
    if "\n" not in text and (text.isascii() or is_single_cell(text)):
        _wrap_single_into(text, 0, len(text), width, starts, ends)
        return len(starts) - before
    start = 0
    for stop in _hard_breaks(text):
        if is_single_cell(text[start:stop]):
            _wrap_single_into(text, start, stop, width, starts, ends)
        else:
            for a, b in _wrap_cells(text, start, stop, width):
                starts.append(a)
                ends.append(b)
        start = stop + 1
    return len(starts) - before


def _hard_breaks(text: str):
    position = text.find("\n")
    while position != -1:
        yield position
        position = text.find("\n", position + 1)
    yield len(text)


def _wrap_single_into(text: str, pos: int, stop: int, width: int,
                      starts: list[int], ends: list[int]) -> None:
    """Wrap a segment whose characters are all one cell wide."""
    rfind = text.rfind
    while stop - pos > width:
        cut = rfind(" ", pos, pos + width + 1)
        starts.append(pos)
        if cut <= pos:  # one word longer than the line: cut it
            ends.append(pos + width)
            pos += width
        else:
            end = cut
            while end > pos and text[end - 1] == " ":
                end -= 1
            ends.append(end)
            pos = cut + 1
        while pos < stop and text[pos] == " ":
            pos += 1
    starts.append(pos)
    ends.append(stop)


def _wrap_cells(text: str, pos: int, stop: int, width: int) -> list[tuple[int, int]]:
    """Wrap a segment holding wide or zero-width characters, word by word."""
    lines: list[tuple[int, int]] = []
    line_start, line_end, used = pos, pos, 0
    for match in _WORD.finditer(text, pos, stop):
        word_start, word_end = match.span()
        cells = cell_len(match.group())
        gap = word_start - line_end if used else 0
        if used and used + gap + cells > width:
            lines.append((line_start, line_end))
            line_start, used, gap = word_start, 0, 0
        if cells > width:
            for piece in _chop(text, word_start, word_end, width):
                if used:
                    lines.append((line_start, line_end))
                line_start, line_end, used = piece[0], piece[1], piece[2]
            continue
        if not used:
            line_start = word_start
        used += gap + cells
        line_end = word_end
    lines.append((line_start, line_end) if used else (line_start, line_start))
    return lines


def _chop(text: str, start: int, end: int, width: int):
    """Cut one over-long word into pieces of at most `width` cells."""
    piece_start, used = start, 0
    for index in range(start, end):
        size = get_character_cell_size(text[index])
        if used + size > width and used:
            yield piece_start, index, used
            piece_start, used = index, 0
        used += size
    yield piece_start, end, used
