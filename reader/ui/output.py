"""What reader's terminal driver does to Textual's output before it leaves:
the same screen for fewer bytes, and ASCII only when the terminal needs it.

- ScreenDiff remembers what every cell shows and lets through only the cells
  a frame changes (Textual repaints whole widgets: the panel on every scroll).
- SgrCompactor sends each colour change once instead of Textual's reset and
  full style before every run of text, and drops redundant cursor moves.
- to_ascii replaces every non-ASCII character with ASCII of the same width.

Each works on one write() of the driver at a time: Textual writes a frame in
one call. Whatever they do not model they pass through untouched and forget
what they knew, so the terminal always ends up showing what Textual drew."""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_ASCII_FOR = {
    "\u2190": "<", "\u2191": "^", "\u2192": ">", "\u2193": "v", "\u2194": "-", "\u2195": "|",
    "\u2022": "*", "\u2023": ">", "\u2043": "-", "\u00b7": ".", "\u2219": ".", "\u2026": ".",
    "\u00d7": "x", "\u2713": "v", "\u2714": "v", "\u2717": "x", "\u2718": "x",
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "<", "\u203a": ">", "\u2212": "-",
    "\u00ad": "-", "\u00a9": "c", "\u00ae": "r", "\u00b0": "o", "\u00a7": "S", "\u00b6": "P",
    "\u20ac": "E", "\u00a3": "L", "\u00a5": "Y", "\u00a2": "c", "\u00df": "s", "\u00e6": "a",
    "\u00c6": "A", "\u0153": "o", "\u0152": "O", "\u00f8": "o", "\u00d8": "O", "\u0142": "l",
    "\u0141": "L", "\u0111": "d", "\u0110": "D", "\u00f0": "d", "\u00de": "P", "\u00fe": "p",
    "\u0131": "i", "\u00bf": "?", "\u00a1": "!",
}


def to_ascii(text: str) -> str:
    """`text` with every non-ASCII character replaced by ASCII of the same
    width in cells, so whatever was laid out for UTF-8 stays aligned."""
    if text.isascii():
        return text
    return text.translate(_TABLE)


class _AsciiTable(dict):
    """str.translate table that works out (and keeps) each character's stand-in."""

    def __missing__(self, code: int) -> str:
        value = _ascii_for(chr(code))
        if len(self) < 8192:
            self[code] = value
        return value


_TABLE = _AsciiTable({code: code for code in range(128)})


@lru_cache(maxsize=None)
def _cell_width(char: str) -> int:
    from rich.cells import get_character_cell_size  # rich is loaded with textual already

    return get_character_cell_size(char)


def _ascii_for(char: str) -> str:
    width = _cell_width(char)
    if width <= 0 or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return ""
    stand_in = (_ASCII_FOR.get(char) or _by_name(char) or _decomposed(char)
                or ("?" if unicodedata.category(char)[0] != "Z" else " "))
    return (stand_in * width)[:width] if len(stand_in) < width else stand_in[:width]


def _by_name(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        if "DIAGONAL CROSS" in name:
            return "X"
        if "DIAGONAL" in name:
            return "/" if "UPPER RIGHT TO LOWER LEFT" in name else "\\"
        across = "HORIZONTAL" in name or "LEFT" in name or "RIGHT" in name
        down = "VERTICAL" in name or " UP" in name or "DOWN" in name
        return "-" if across and not down else "|" if down and not across else "+"
    if "BLOCK" in name or "SHADE" in name or "QUADRANT" in name:
        if "FULL" in name or "SHADE" in name or "QUADRANT" in name:
            return "#"
        return "|" if ("LEFT" in name or "RIGHT" in name) else " "
    for word, stand_in in (("ARROW", None), ("TRIANGLE", None), ("POINTER", None)):
        if word in name:
            return ("<" if "LEFT" in name else ">" if "RIGHT" in name else
                    "^" if "UP" in name else "v" if "DOWN" in name else "*")
    if "BULLET" in name or "STAR" in name or "ASTERISK" in name:
        return "*"
    if "CIRCLE" in name:
        return "o"
    if "SQUARE" in name or "DIAMOND" in name or "LOZENGE" in name or "RECTANGLE" in name:
        return "#"
    if "DASH" in name or "HYPHEN" in name:
        return "-"
    if "QUOTATION MARK" in name:
        return '"'
    if "APOSTROPHE" in name or "PRIME" in name:
        return "'"
    if "ELLIPSIS" in name:
        return "."
    return ""


def _decomposed(char: str) -> str:
    base = "".join(part for part in unicodedata.normalize("NFKD", char)
                   if not unicodedata.combining(part))
    return base if base and base.isascii() and base.isprintable() else ""


# -- fewer bytes per frame ---------------------------------------------------

# Textual ends every styled run with a reset and starts the next with its full
# style ("\x1b[0m\x1b[3;38;5;187;48;5;233m"), so most of a scrolled line is SGR.
# SgrCompactor rewrites the stream to send only the change from what the
# terminal already has: the same cells, in the same colours, for fewer bytes.
_TOKEN = re.compile(
    r"(?P<sgr>\x1b\[[0-9;:]*m)"
    r"|(?P<csi>\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e])"
    r"|(?P<osc>\x1b\][^\x07\x1b]*(?:\x07|\x1b\\))"
    r"|(?P<text>[^\x1b]+)"
    r"|(?P<other>\x1b.?)", re.S)
_MOVES = frozenset("ABCDEFGHfd")  # cursor moves: they neither draw nor touch SGR
_OFF = {"22": frozenset({"1", "2"}), "23": frozenset({"3"}), "24": frozenset({"4", "21"}),
        "25": frozenset({"5", "6"}), "27": frozenset({"7"}), "28": frozenset({"8"}),
        "29": frozenset({"9"}), "54": frozenset({"51", "52"}), "55": frozenset({"53"})}
_ATTRIBUTES = frozenset().union(*_OFF.values())
_OFF_FOR = {attribute: off for off, group in _OFF.items() for attribute in group}


_SCREEN_SWITCHES = frozenset({"47", "1047", "1048", "1049"})  # save/restore the pen


def _leaves_pen(csi: str) -> bool:
    """Whether a CSI sequence neither draws nor touches the pen: cursor moves
    and private modes (cursor shown, mouse, bracketed paste...), but not the
    screen switches, which save and restore the pen with the cursor."""
    if csi[-1] in _MOVES:
        return True
    if csi.startswith("\x1b[?") and csi[-1] in "hl":
        return not set(csi[3:-1].split(";")) & _SCREEN_SWITCHES
    return False


_ABSOLUTE = re.compile(r"\x1b\[(\d*);(\d*)[Hf]\Z")


def _collapse(moves: list[str]) -> list[str]:
    """A run of cursor moves ending in an absolute one is that one alone. (The
    line feeds in the run only move: Textual writes none on the bottom row.)"""
    if moves and _ABSOLUTE.match(moves[-1]):
        return moves[-1:]
    return moves


@dataclass(frozen=True)
class _Pen:
    attributes: frozenset = frozenset()
    foreground: str = ""   # "" is the default colour, else its SGR parameters
    background: str = ""

    def params(self) -> list[str]:
        return sorted(self.attributes, key=int) + [c for c in (self.foreground,
                                                               self.background) if c]


_DEFAULT_PEN = _Pen()


def _apply_sgr(pen: _Pen, parameters: str) -> _Pen | None:
    """The pen after an SGR sequence, or None for one this model does not know."""
    parts = parameters.split(";") if parameters else ["0"]
    attributes, foreground, background = set(pen.attributes), pen.foreground, pen.background
    index = 0
    while index < len(parts):
        part = parts[index] or "0"
        if part in ("38", "48"):
            kind = parts[index + 1] if index + 1 < len(parts) else ""
            size = {"5": 3, "2": 5}.get(kind)
            if size is None or index + size > len(parts):
                return None
            colour = ";".join(parts[index:index + size])
            if part == "38":
                foreground = colour
            else:
                background = colour
            index += size
            continue
        if part == "0":
            attributes, foreground, background = set(), "", ""
        elif part in _ATTRIBUTES:
            attributes.add(part)
        elif part in _OFF:
            attributes -= _OFF[part]
        elif part == "39":
            foreground = ""
        elif part == "49":
            background = ""
        elif part.isdigit() and (30 <= int(part) <= 37 or 90 <= int(part) <= 97):
            foreground = part
        elif part.isdigit() and (40 <= int(part) <= 47 or 100 <= int(part) <= 107):
            background = part
        else:
            return None  # colons, underline colours, fonts...: passed on untouched
        index += 1
    return _Pen(frozenset(attributes), foreground, background)


def _transition(old: _Pen | None, new: _Pen) -> str:
    """The shortest SGR sequence that turns `old` (None: unknown) into `new`."""
    full = "\x1b[" + ";".join(["0"] + new.params()) + "m" if new != _DEFAULT_PEN else "\x1b[0m"
    if old is None:
        return full
    if old == new:
        return ""
    params: list[str] = []
    removed = old.attributes - new.attributes
    kept = set(old.attributes)
    for off in sorted({_OFF_FOR[attribute] for attribute in removed}, key=int):
        params.append(off)
        kept -= _OFF[off]
    params += sorted(new.attributes - kept, key=int)
    if new.foreground != old.foreground:
        params.append(new.foreground or "39")
    if new.background != old.background:
        params.append(new.background or "49")
    delta = "\x1b[" + ";".join(params) + "m"
    return delta if len(delta) < len(full) else full


class SgrCompactor:
    """Rewrites a stream of terminal output so each run of text is preceded by
    only the SGR change it needs. It keeps track of what the terminal's pen is
    across writes; anything it does not model makes it forget (and resend in
    full), so the screen is always what the original stream would have drawn,
    and each write ends with the pen the original would have left. Runs of
    cursor moves are cut to the last absolute one when they cannot scroll.
    `size` returns the terminal's (columns, rows), or None if unknown."""

    def __init__(self, size=None) -> None:
        self.size = size
        self.terminal: _Pen | None = None   # what the terminal has, None: unknown
        self.wanted: _Pen = _DEFAULT_PEN    # what the stream has asked for so far
        self.cursor: tuple[int, int] | None = None  # (row, column) when known

    def feed(self, data: str) -> str:
        if "\x1b" not in data:
            return self._plain(data)
        if any(start in data for start in ("\x1bP", "\x1b_", "\x1b^", "\x1bX")):
            self.terminal, self.wanted, self.cursor = None, _DEFAULT_PEN, None  # not parsed
            return data
        out: list[str] = []
        moves: list[str] = []  # cursor moves not yet sent: only the last CUP counts
        for match in _TOKEN.finditer(data):
            kind, token = match.lastgroup, match.group()
            if (kind == "csi" and token[-1] in _MOVES) or (kind == "text"
                                                          and not token.strip("\r\n")):
                moves.append(token)
                continue
            if moves:
                out += self._move(moves)
                moves = []
            if kind == "sgr":
                pen = _apply_sgr(self.wanted, token[2:-1])
                if pen is not None:
                    self.wanted = pen
                    continue
                out += [self._settle(), token]
                self.terminal, self.wanted = None, _DEFAULT_PEN
            elif kind == "text":
                out.append(self._plain(token))
                advance = token.isascii() and token.isprintable() and self.cursor
                self.cursor = (self.cursor[0], self.cursor[1] + len(token)) if advance else None
            elif kind == "osc" or (kind == "csi" and _leaves_pen(token)):
                out.append(token)
                self.cursor = self.cursor if kind == "osc" or token[-1] not in "hl" else None
            else:  # erases paint with the pen's background; the rest may change it
                out += [self._settle(), token]
                if not (kind == "csi" and token[-1] in "JKX"):
                    self.terminal = self.cursor = None
        out += self._move(moves)
        out.append(self._settle())  # each write leaves the pen as the original would
        return "".join(out)

    def _move(self, moves: list[str]) -> list[str]:
        """The moves to send: a run that cannot scroll the screen is cut to its
        last absolute move, and to nothing when the cursor is already there
        (known only after ASCII text, whose width is certain). A run whose line
        feeds might scroll goes out whole, after the pen the original had, since
        a scroll fills the new line with the pen's background."""
        if not moves:
            return moves
        if not self._cannot_scroll(moves):
            self.cursor = None
            return [self._settle()] + moves
        moves = _collapse(moves)
        target = _ABSOLUTE.match(moves[-1]) if len(moves) == 1 else None
        if target is None:
            self.cursor = None
            return moves
        position = (int(target.group(1) or 1), int(target.group(2) or 1))
        if position == self.cursor:
            return []
        self.cursor = position
        return moves

    def _cannot_scroll(self, moves: list[str]) -> bool:
        size = self.size() if self.size is not None else None
        row = self.cursor[0] if self.cursor else None
        for token in moves:
            target = _ABSOLUTE.match(token)
            if target:
                row = int(target.group(1) or 1)
            elif token.startswith("\x1b"):
                row = row if token[-1] in "CDG" else None
            elif "\n" in token:
                for _ in range(token.count("\n")):
                    if row is None or size is None or row >= size[1]:
                        return False
                    row += 1
        return True

    def _plain(self, text: str) -> str:
        if text.isprintable() or any(char >= " " and char != "\x7f" for char in text):
            return self._settle() + text
        return text

    def _settle(self) -> str:
        change = _transition(self.terminal, self.wanted)
        self.terminal = self.wanted
        return change


# -- only the cells that changed ----------------------------------------------

def _next_pen(pen: _Pen | None, parameters: str) -> _Pen | None:
    """The pen after an SGR sequence; from an unknown pen only a reset leads back."""
    if pen is None:
        if (parameters.split(";")[0] or "0") != "0":
            return None
        pen = _DEFAULT_PEN
    return _apply_sgr(pen, parameters)


def _sgr(pen: _Pen) -> str:
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
        self.screen: dict[int, dict[int, tuple[str, _Pen]]] = {}
        self.size: tuple[int, int] | None = None
        self.pen: _Pen | None = _DEFAULT_PEN    # the stream's pen after the last write
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
        for match in _TOKEN.finditer(data):
            if match.lastgroup == "sgr":
                self.pen = _next_pen(self.pen, match.group()[2:-1])
        self.cursor = None
        return data

    def _parse(self, data: str):
        """(cells, tokens before, tokens after, pen, cursor, ends with a move),
        or None when the write holds anything this model does not cover."""
        width, height = self.size
        pen, cursor = self.pen, self.cursor
        cells: dict[tuple[int, int], tuple[str, _Pen]] = {}
        before: list[str] = []
        after: list[str] = []
        moved = False
        for match in _TOKEN.finditer(data):
            kind, token = match.lastgroup, match.group()
            if kind == "sgr":
                pen = _next_pen(pen, token[2:-1])
                continue
            if kind == "csi" and token[-1] in "Hf":
                target = _ABSOLUTE.match(token)
                if target is None and token not in ("\x1b[H", "\x1b[f"):
                    return None
                cursor = (int(target.group(1) or 1), int(target.group(2) or 1)) if target \
                    else (1, 1)
                moved = True
                continue
            if (kind == "csi" and token[-1] in "hl" and _leaves_pen(token)) or (
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

    def _changes(self, cells: dict[tuple[int, int], tuple[str, _Pen]]) -> list[str]:
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


def _put(cells, cursor: tuple[int, int], char: str, pen: _Pen, width: int,
         height: int) -> tuple[int, int] | None:
    """Draw one character into `cells`; the cursor after it (None: off screen)."""
    row, column = cursor
    size = _cell_width(char)
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
        if len(text) != 1 or not text.isascii() and _cell_width(text) != 1:
            return True
        old = known.get(column)
        if old is not None and (len(old[0]) != 1 or not old[0].isascii()
                                and _cell_width(old[0]) != 1):
            return True
    return False


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
