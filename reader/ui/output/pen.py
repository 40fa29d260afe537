"""The terminal's pen (SGR attributes and colours), the tokens of an output
stream, and SgrCompactor, which sends each colour change once."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Textual ends every styled run with a reset and starts the next with its full
# style ("\x1b[0m\x1b[3;38;5;187;48;5;233m"), so most of a scrolled line is SGR.
# SgrCompactor rewrites the stream to send only the change from what the
# terminal already has: the same cells, in the same colours, for fewer bytes.
TOKEN = re.compile(
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


def leaves_pen(csi: str) -> bool:
    """Whether a CSI sequence neither draws nor touches the pen: cursor moves
    and private modes (cursor shown, mouse, bracketed paste...), but not the
    screen switches, which save and restore the pen with the cursor."""
    if csi[-1] in _MOVES:
        return True
    if csi.startswith("\x1b[?") and csi[-1] in "hl":
        return not set(csi[3:-1].split(";")) & _SCREEN_SWITCHES
    return False


ABSOLUTE = re.compile(r"\x1b\[(\d*);(\d*)[Hf]\Z")


def _collapse(moves: list[str]) -> list[str]:
    """A run of cursor moves ending in an absolute one is that one alone. (The
    line feeds in the run only move: Textual writes none on the bottom row.)"""
    if moves and ABSOLUTE.match(moves[-1]):
        return moves[-1:]
    return moves


@dataclass(frozen=True)
class Pen:
    attributes: frozenset = frozenset()
    foreground: str = ""   # "" is the default colour, else its SGR parameters
    background: str = ""

    def params(self) -> list[str]:
        return sorted(self.attributes, key=int) + [c for c in (self.foreground,
                                                               self.background) if c]


DEFAULT_PEN = Pen()


def apply_sgr(pen: Pen, parameters: str) -> Pen | None:
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
    return Pen(frozenset(attributes), foreground, background)


def _transition(old: Pen | None, new: Pen) -> str:
    """The shortest SGR sequence that turns `old` (None: unknown) into `new`."""
    full = "\x1b[" + ";".join(["0"] + new.params()) + "m" if new != DEFAULT_PEN else "\x1b[0m"
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
        self.terminal: Pen | None = None   # what the terminal has, None: unknown
        self.wanted: Pen = DEFAULT_PEN    # what the stream has asked for so far
        self.cursor: tuple[int, int] | None = None  # (row, column) when known

    def feed(self, data: str) -> str:
        if "\x1b" not in data:
            return self._plain(data)
        if any(start in data for start in ("\x1bP", "\x1b_", "\x1b^", "\x1bX")):
            self.terminal, self.wanted, self.cursor = None, DEFAULT_PEN, None  # not parsed
            return data
        out: list[str] = []
        moves: list[str] = []  # cursor moves not yet sent: only the last CUP counts
        for match in TOKEN.finditer(data):
            kind, token = match.lastgroup, match.group()
            if (kind == "csi" and token[-1] in _MOVES) or (kind == "text"
                                                          and not token.strip("\r\n")):
                moves.append(token)
                continue
            if moves:
                out += self._move(moves)
                moves = []
            if kind == "sgr":
                pen = apply_sgr(self.wanted, token[2:-1])
                if pen is not None:
                    self.wanted = pen
                    continue
                out += [self._settle(), token]
                self.terminal, self.wanted = None, DEFAULT_PEN
            elif kind == "text":
                out.append(self._plain(token))
                advance = token.isascii() and token.isprintable() and self.cursor
                self.cursor = (self.cursor[0], self.cursor[1] + len(token)) if advance else None
            elif kind == "osc" or (kind == "csi" and leaves_pen(token)):
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
        target = ABSOLUTE.match(moves[-1]) if len(moves) == 1 else None
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
            target = ABSOLUTE.match(token)
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
