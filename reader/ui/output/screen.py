"""ScreenDiff: remember what every cell shows, send only what a frame changes."""
from __future__ import annotations

from .ascii import cell_width
from .pen import ABSOLUTE, DEFAULT_PEN, TOKEN, Pen, apply_sgr, leaves_pen


def _next_pen(pen: Pen | None, parameters: str) -> Pen | None:
    """The pen after an SGR sequence; from an unknown pen only a reset leads back."""
    if pen is None:
        if (parameters.split(";")[0] or "0") != "0":
            return None
        pen = DEFAULT_PEN
    return apply_sgr(pen, parameters)


def _sgr(pen: Pen) -> str:
    return "\x1b[" + ";".join(["0"] + pen.params()) + "m"


class ScreenDiff:
    """Remembers the character and pen of every cell Textual has drawn and,
    for each frame, sends only the runs of cells that differ (a gap of a few
    unchanged cells is re-sent rather than paying for a cursor move). Rows
    with wide or combining characters are sent whole. A frame it cannot model
    (erases, screen switches, links, unknown sequences) passes untouched and
    empties the memory, as does any change of the terminal's size, so the
    next frames are sent in full."""

    GAP = 4

    def __init__(self) -> None:
        self.screen: dict[int, dict[int, tuple[str, Pen]]] = {}
        self.size: tuple[int, int] | None = None
        self.pen: Pen | None = DEFAULT_PEN    # the stream's pen after the last write
        self.cursor: tuple[int, int] | None = None

    def feed(self, data: str, size: tuple[int, int] | None) -> str:
        if size != self.size:
            self.screen.clear()
            self.size = size
        frame = self._parse(data) if size is not None else None
        if frame is None:
            return self._pass(data)
        cells, before, after, pen, cursor, ends_with_move = frame
        if len(cells) >= size[0] * size[1]:
            self.screen.clear()  # a full repaint: resend it all (and resync)
        out = before + self._changes(cells) + after
        if cells:
            out.append(_sgr(pen))
        if ends_with_move and cursor is not None:
            out.append(f"\x1b[{cursor[0]};{cursor[1]}H")
        self.pen, self.cursor = pen, cursor
        return "".join(out)

    def _pass(self, data: str) -> str:
        self.screen.clear()
        for match in TOKEN.finditer(data):
            if match.lastgroup == "sgr":
                self.pen = _next_pen(self.pen, match.group()[2:-1])
        self.cursor = None
        return data

    def _parse(self, data: str):
        """(cells, tokens before, tokens after, pen, cursor, ends with a move),
        or None when the write holds anything this model does not cover."""
        width, height = self.size
        pen, cursor = self.pen, self.cursor
        cells: dict[tuple[int, int], tuple[str, Pen]] = {}
        before: list[str] = []
        after: list[str] = []
        moved = False
        for match in TOKEN.finditer(data):
            kind, token = match.lastgroup, match.group()
            if kind == "sgr":
                pen = _next_pen(pen, token[2:-1])
                continue
            if kind == "csi" and token[-1] in "Hf":
                target = ABSOLUTE.match(token)
                if target is None and token not in ("\x1b[H", "\x1b[f"):
                    return None
                cursor = (int(target.group(1) or 1), int(target.group(2) or 1)) if target \
                    else (1, 1)
                moved = True
                continue
            if (kind == "csi" and token[-1] in "hl" and leaves_pen(token)) or (
                    kind == "osc" and not token.startswith("\x1b]8;")):
                (after if cells else before).append(token)
                continue
            if kind != "text":
                return None
            for char in token:
                if char == "\r":
                    cursor = (cursor[0], 1) if cursor else None
                elif char == "\n":
                    cursor = None  # the column depends on the tty's output flags
                elif char == "\x07":
                    (after if cells else before).append(char)
                elif char < " " or char == "\x7f" or cursor is None or pen is None:
                    return None
                else:
                    cursor = _put(cells, cursor, char, pen, width, height)
                    if cursor is None:
                        return None
                moved = moved and char == "\r"
        if pen is None:
            return None
        return cells, before, after, pen, cursor, moved

    def _changes(self, cells: dict[tuple[int, int], tuple[str, Pen]]) -> list[str]:
        rows: dict[int, list[int]] = {}
        for row, column in cells:
            rows.setdefault(row, []).append(column)
        out: list[str] = []
        for row in sorted(rows):
            columns = sorted(rows[row])
            known = self.screen.setdefault(row, {})
            if _fragile(cells, known, row, columns):
                changed = columns
                for column in (columns[0] - 1, columns[-1] + 1):
                    known.pop(column, None)
            else:
                changed = [c for c in columns if known.get(c) != cells[(row, c)]]
            for start, end in self._runs(cells, row, changed):
                out.append(f"\x1b[{row};{start}H")
                last = None
                for column in range(start, end + 1):
                    text, pen = cells[(row, column)]
                    if pen != last:
                        out.append(_sgr(pen))
                        last = pen
                    out.append(text)
            for column in columns:
                known[column] = cells[(row, column)]
        return out

    def _runs(self, cells, row: int, changed: list[int]) -> list[list[int]]:
        runs: list[list[int]] = []
        for column in changed:
            if runs and column - runs[-1][1] <= self.GAP + 1 and all(
                    (row, between) in cells for between in range(runs[-1][1] + 1, column)):
                runs[-1][1] = column
            else:
                runs.append([column, column])
        return runs


def _put(cells, cursor: tuple[int, int], char: str, pen: Pen, width: int,
         height: int) -> tuple[int, int] | None:
    """Draw one character into `cells`; the cursor after it (None: off screen)."""
    row, column = cursor
    size = cell_width(char)
    if size == 0:
        previous = cells.get((row, column - 1))
        if previous is None:
            return None
        cells[(row, column - 1)] = (previous[0] + char, previous[1])
        return cursor
    if row > height or column + size - 1 > width:
        return None
    cells[(row, column)] = (char, pen)
    if size == 2:
        cells[(row, column + 1)] = ("", pen)
    return row, column + size


def _fragile(cells, known, row: int, columns: list[int]) -> bool:
    """Whether the row holds (or held) anything but single-width characters."""
    for column in columns:
        text = cells[(row, column)][0]
        if len(text) != 1 or not text.isascii() and cell_width(text) != 1:
            return True
        old = known.get(column)
        if old is not None and (len(old[0]) != 1 or not old[0].isascii()
                                and cell_width(old[0]) != 1):
            return True
    return False
