"""Quotation marks -> quoted segments, on plain text (no NLP needed).

Handles “curly”, "straight", ‘single’, «guillemets» and „German“ marks,
marks typed the wrong way round (”text” or “text"), nesting (only the
outermost quotation becomes a segment), and quotations that run across
paragraphs (a paragraph opens a quote without closing it and the next one
reopens it). Which way a mark points is read from its neighbours: a mark
that hugs the following word opens, one that hugs the preceding word closes."""
from __future__ import annotations

from dataclasses import dataclass

# Each mark belongs to a family; a closer only closes an opener of its family.
_DOUBLE_OPENERS = {"“": "curly", "„": "curly", "‟": "curly", "«": "guillemet", '"': "straight"}
_DOUBLE_CLOSERS = {"”": "curly", "»": "guillemet", '"': "straight"}
_SINGLE_OPENERS = {"‘": "curly1", "‚": "curly1", "‹": "guillemet1", "'": "straight1"}
_SINGLE_CLOSERS = {"’": "curly1", "›": "guillemet1", "'": "straight1"}
MARKS = set(_DOUBLE_OPENERS) | set(_DOUBLE_CLOSERS) | set(_SINGLE_OPENERS) | set(_SINGLE_CLOSERS)
_BEFORE_OPENER = "([{—–-/:" + "“„‟«\"‘‚‹'"
_AFTER_CLOSER = ".,;:!?)]}—–-…/" + "”»\"’›'"
# 'n' (rock 'n' roll), '90s, 'em, 'til: apostrophes that look like openers.
_ELISIONS = ("n'", "n’", "em ", "til ", "cause ", "tis ")


@dataclass(frozen=True)
class Segment:
    """The text inside one quotation in one paragraph (marks excluded).

    `start`/`end` are offsets into the text that was scanned. `closed` is
    False when the paragraph ended first; `continues` is True when this
    segment reopens a quotation left open by the previous paragraph, and
    every segment of one such quotation shares `group`."""

    start: int
    end: int
    mark: str
    closed: bool = True
    continues: bool = False
    group: int = -1
    outer_start: int = -1  # the opening mark
    outer_end: int = -1  # just after the closing mark (or the paragraph's end)

    @property
    def double(self) -> bool:
        return self.mark in _DOUBLE_OPENERS or self.mark in "”»"


def find_segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """All outermost quotations in `text`, paragraph by paragraph; `spans`
    are the (start, end) offsets of the paragraphs in reading order."""
    segments: list[Segment] = []
    carried: Segment | None = None  # a quotation the previous paragraph left open
    for start, end in spans:
        found, open_at_end = _scan(text, start, end)
        if carried is not None and found and found[0].double \
                and found[0].start == _first_text(text, start, end) + 1:
            found[0] = _with(found[0], continues=True, group=carried.group)
        carried = None
        if open_at_end:
            last = found[-1]
            found[-1] = _with(last, group=last.group if last.continues else last.start)
            carried = found[-1]
        segments.extend(_tidy(text, s) for s in found)
    return [s for s in segments if s.end > s.start]


def _with(seg: Segment, **changes) -> Segment:
    fields = {"start": seg.start, "end": seg.end, "mark": seg.mark, "closed": seg.closed,
              "continues": seg.continues, "group": seg.group, "outer_start": seg.outer_start,
              "outer_end": seg.outer_end}
    fields.update(changes)
    return Segment(**fields)


def _first_text(text: str, start: int, end: int) -> int:
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _scan(text: str, start: int, end: int) -> tuple[list[Segment], bool]:
    """Segments of one paragraph; True when the last one is a double
    quotation still open at the paragraph's end (it runs to the end)."""
    stack: list[tuple[str, str, int, int]] = []  # (family, mark, offset after it, its offset)
    out: list[Segment] = []
    skip_to = start
    for pos in range(start, end):
        ch = text[pos]
        if ch not in MARKS and ch != "`" or pos < skip_to:
            continue
        width = 1
        if ch in "'`" and text[pos + 1:pos + 2] == ch:
            # ''Doubled apostrophes'' and ``TeX'' quotes come from newswire
            # archive exports, not from web pages; counting them as quotations
            # measured worse on news (they are mostly not attributed speech
            # in annotated data), so both marks are skipped.
            skip_to = pos + 2
            continue
        if ch == "`":
            continue
        skip_to = pos + width
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + width] if pos + width < end else " "
        can_open = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPENER)
        can_close = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSER)
        if ch in "«»":  # French typography puts a space inside guillemets
            can_open, can_close = ch == "«", ch == "»"
        elif not out and not stack and not text[start:pos].strip() and ch not in "’'":
            can_open, can_close = True, False  # a paragraph's first character opens
        if ch in _DOUBLE_OPENERS or ch in _DOUBLE_CLOSERS:
            _double(ch, pos, width, can_open, can_close, stack, out)
        else:
            _single(text, ch, pos, end, prev, can_open, can_close, stack, out)
    if stack and stack[0][0] in ("curly", "guillemet", "straight"):
        _, mark, after, at = stack[0]
        out.append(Segment(after, end, mark, closed=False, outer_start=at, outer_end=end))
        return out, True
    return out, False


def _double(ch: str, pos: int, width: int, can_open: bool, can_close: bool, stack: list, out: list) -> None:
    top = _top_double(stack)
    closes = _DOUBLE_CLOSERS.get(ch)
    if ch == "“" and top is not None and stack[top][1] == "„" and can_close:
        closes = "curly"  # German „...“
    elif ch == "“" and top is not None and can_close and not can_open:
        closes = "curly"  # a closing mark typed the wrong way round
    if top is not None and closes and (can_close or not can_open):
        family, mark, after, at = stack[top]
        if family == closes or ch in "\"”“" and family in ("curly", "straight"):
            del stack[top:]
            if not stack:
                out.append(Segment(after, pos, mark, outer_start=at, outer_end=pos + width))
            return
    opens = _DOUBLE_OPENERS.get(ch)
    if ch == "”" and can_open and not can_close:
        opens = "curly"  # an opening mark typed the wrong way round
    if opens and (can_open or (ch != '"' and not can_close)):
        stack.append((opens, ch, pos + width, pos))


def _top_double(stack: list) -> int | None:
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] in ("curly", "guillemet", "straight"):
            return i
    return None


def _single(text: str, ch: str, pos: int, end: int, prev: str, can_open: bool, can_close: bool,
            stack: list, out: list) -> None:
    if stack and stack[-1][0].endswith("1") and can_close and ch in _SINGLE_CLOSERS \
            and _SINGLE_CLOSERS[ch] == stack[-1][0]:
        if prev in "sS" and _later_closer(text, pos + 1, end, ch):
            return  # "voters’ " is a plural possessive when a better closer follows
        family, mark, after, at = stack.pop()
        if not stack:
            out.append(Segment(after, pos, mark, outer_start=at, outer_end=pos + 1))
        return
    if ch in _SINGLE_OPENERS and can_open and not text[pos + 1:pos + 5].startswith(_ELISIONS) \
            and not text[pos + 1:pos + 2].isdigit():
        if stack and stack[-1][0].endswith("1"):
            return  # no single quotation inside a single quotation
        stack.append((_SINGLE_OPENERS[ch], ch, pos + 1, pos))


def _later_closer(text: str, start: int, end: int, ch: str) -> bool:
    for pos in range(start, min(end, start + 400)):
        if text[pos] == ch and text[pos - 1] in ".,!?" and \
                (pos + 1 >= end or text[pos + 1].isspace() or text[pos + 1] in _AFTER_CLOSER):
            return True
    return False


def _tidy(text: str, seg: Segment) -> Segment:
    """Trim spaces, and a trailing comma that belongs to the sentence."""
    start, end = seg.start, seg.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return _with(seg, start=start, end=end)
