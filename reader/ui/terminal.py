"""What the user's terminal can show, decided from the environment, and the
small driver wrapper that makes Textual respect it.

Textual on its own ignores TERM and terminfo: it sends 24-bit colour to
TERM=dumb, only greys its palette for NO_COLOR, draws UTF-8 boxes under
LANG=C, and asks for every mouse movement (mode 1003), which over SSH sends a
report upstream for each cell the pointer crosses. `detect` reads NO_COLOR,
TERM (and its terminfo entry), COLORTERM, LC_ALL/LC_CTYPE/LANG and
READER_MOUSE; `apply` sets what Textual reads before the app starts; and
`driver_for` wraps the terminal driver so the mouse asks for clicks and wheel
only and, in ASCII mode, no non-ASCII character ever reaches the terminal."""
from __future__ import annotations

import os
import struct
import sys
import unicodedata
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COLOURS = ("none", "16", "256", "truecolor")
MOUSE_MODES = ("off", "clicks", "drag", "all")
MOUSE_ENV = "READER_MOUSE"
COLOR_SYSTEM_ENV = "TEXTUAL_COLOR_SYSTEM"  # read by textual.constants at import time

# Rich's names for the colour systems Textual renders with. "none" still
# renders as "standard" and is stripped of colour by Textual's NO_COLOR filter.
TEXTUAL_COLOR_SYSTEMS = {"none": "standard", "16": "standard", "256": "256",
                         "truecolor": "truecolor"}
_FROM_TEXTUAL = {"standard": "16", "256": "256", "truecolor": "truecolor"}

_MONOCHROME_TERMS = frozenset({"", "dumb", "unknown", "cons25", "emacs"})
# Terminals whose terminfo is often missing on the server they SSH into.
_MODERN_TERMS = frozenset({"xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty",
                           "contour", "st", "tmux", "rio"})
_TERMINFO_DIRS = ("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
                  "/usr/lib/terminfo", "/usr/share/lib/terminfo")
_MAX_COLORS = 13  # index of the numeric capability `colors` in a compiled entry


@dataclass(frozen=True)
class TerminalProfile:
    """What to send: colours ('none', '16', '256', 'truecolor'), whether to keep
    to ASCII, and the mouse reporting to ask for ('off', 'clicks', 'drag', 'all')."""

    colours: str = "256"
    ascii: bool = False
    mouse: str = "clicks"


def detect(environ: Mapping[str, str], ascii_requested: bool = False) -> TerminalProfile:
    """The profile for this environment; `--ascii` forces ASCII."""
    return TerminalProfile(colours=colour_depth(environ),
                           ascii=ascii_requested or not locale_is_utf8(environ),
                           mouse=mouse_mode(environ))


# -- colours ------------------------------------------------------------------

def colour_depth(environ: Mapping[str, str]) -> str:
    """'none', '16', '256' or 'truecolor'. In order: NO_COLOR (non-empty, as
    no-color.org says), an explicit TEXTUAL_COLOR_SYSTEM, a dumb TERM,
    COLORTERM=truecolor|24bit, the `colors` of TERM's terminfo entry, and
    last TERM's name (an entry is often missing on the far side of SSH)."""
    if environ.get("NO_COLOR"):
        return "none"
    forced = _FROM_TEXTUAL.get(environ.get(COLOR_SYSTEM_ENV, "").strip().lower())
    if forced:
        return forced
    term = environ.get("TERM", "").strip().lower()
    if term in _MONOCHROME_TERMS:
        return "none"
    if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor"
    colours = terminfo_colours(term, environ)
    if colours is not None:
        return _depth_for(colours)
    return _depth_by_name(term)


def _depth_for(colours: int) -> str:
    if colours >= 1 << 24:
        return "truecolor"
    if colours >= 256:
        return "256"
    return "16" if colours >= 8 else "none"


def _depth_by_name(term: str) -> str:
    if term.endswith("-direct") or term.endswith("-truecolor"):
        return "truecolor"
    if "256color" in term or term in _MODERN_TERMS:
        return "256"
    if term.endswith("-mono") or term.endswith("-m") or term.startswith(("vt1", "vt2", "vt5")):
        return "none"
    return "16"


def terminfo_colours(term: str, environ: Mapping[str, str]) -> int | None:
    """The `colors` capability of TERM's compiled terminfo entry (0 when the
    entry has none, i.e. a monochrome terminal), or None when no entry is found.
    Read directly rather than through curses, whose setupterm works once per process."""
    path = _terminfo_path(term, environ)
    if path is None:
        return None
    try:
        return _colours_in_entry(path.read_bytes()[:65536])
    except OSError:
        return None


def _terminfo_path(term: str, environ: Mapping[str, str]) -> Path | None:
    if not term or "/" in term or term.startswith(".") or "\0" in term:
        return None
    directories = [environ.get("TERMINFO", "")]
    if environ.get("HOME"):
        directories.append(os.path.join(environ["HOME"], ".terminfo"))
    if "TERMINFO_DIRS" in environ:  # an empty part means the system directory
        directories += [part or "/usr/share/terminfo"
                        for part in environ["TERMINFO_DIRS"].split(":")]
    directories += _TERMINFO_DIRS
    for directory in filter(None, directories):
        for sub in (term[0], f"{ord(term[0]):02x}"):
            path = Path(directory, sub, term)
            if path.is_file():
                return path
    return None


def _colours_in_entry(data: bytes) -> int | None:
    """Parse the header and numbers section of a compiled entry (term(5))."""
    if len(data) < 12:
        return None
    magic, names, booleans, numbers, _strings, _table = struct.unpack("<6h", data[:12])
    width = {0o432: 2, 0o1036: 4}.get(magic)
    if width is None or min(names, booleans, numbers) < 0:
        return None
    if numbers <= _MAX_COLORS:
        return 0
    start = 12 + names + booleans
    start += start % 2
    start += _MAX_COLORS * width
    if start + width > len(data):
        return None
    value = struct.unpack_from("<h" if width == 2 else "<i", data, start)[0]
    return max(value, 0)  # -1 absent, -2 cancelled: no colours


# -- characters ---------------------------------------------------------------

def locale_is_utf8(environ: Mapping[str, str]) -> bool:
    """Whether the user's locale asks for UTF-8: the first of LC_ALL, LC_CTYPE,
    LANG that is set decides. Python rewrites LC_CTYPE to C.UTF-8 when the
    locale is C (PEP 538), so that value alone proves nothing; with no locale
    set at all (a bare SSH session) UTF-8 is assumed, as every current terminal is."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(name, "")
        if not value or (name == "LC_CTYPE" and value == "C.UTF-8"):
            continue
        return "utf-8" in value.lower() or "utf8" in value.lower()
    return True


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


# -- mouse --------------------------------------------------------------------

def mouse_mode(environ: Mapping[str, str]) -> str:
    """READER_MOUSE=off|clicks|drag|all; clicks and wheel unless the user asks
    for more ('drag' reports motion while a button is held, 'all' every move)."""
    value = environ.get(MOUSE_ENV, "").strip().lower()
    return value if value in MOUSE_MODES else "clicks"


_ANY_MOTION_ON = "\x1b[?1003h"   # what Textual's driver asks for
_ANY_MOTION_OFF = "\x1b[?1003l"
_BUTTON_MOTION_ON = "\x1b[?1002h"
_BUTTON_MOTION_OFF = "\x1b[?1002l"


# -- applying it --------------------------------------------------------------

def apply(profile: TerminalProfile, environ: MutableMapping[str, str] | None = None) -> None:
    """Before the app is built: tell Textual the colour system (unless the user
    set TEXTUAL_COLOR_SYSTEM), and turn a colourless terminal into Textual's
    NO_COLOR mode, which with native ANSI colour strips every colour code."""
    environ = os.environ if environ is None else environ
    if environ.get(COLOR_SYSTEM_ENV, "auto").strip().lower() in ("", "auto"):
        environ[COLOR_SYSTEM_ENV] = TEXTUAL_COLOR_SYSTEMS[profile.colours]
    if profile.colours == "none":
        environ["NO_COLOR"] = environ.get("NO_COLOR") or "1"
    elif "NO_COLOR" in environ and not environ["NO_COLOR"]:
        del environ["NO_COLOR"]  # empty means unset (no-color.org); Textual would grey
    constants = sys.modules.get("textual.constants")
    if constants is not None and environ is os.environ:
        constants.COLOR_SYSTEM = environ[COLOR_SYSTEM_ENV]  # imported before us: read late


def driver_for(base: type, profile: TerminalProfile) -> type:
    """A subclass of Textual's terminal driver `base` that asks for the profile's
    mouse reporting and, in ASCII mode, transliterates everything it writes.
    Other drivers (headless, web) are returned unchanged."""
    if base.__name__ not in ("LinuxDriver", "WindowsDriver"):
        return base
    if profile.mouse == "all" and not profile.ascii:
        return base
    motion_on = {"off": "", "clicks": "", "drag": _BUTTON_MOTION_ON,
                 "all": _ANY_MOTION_ON}[profile.mouse]
    motion_off = _BUTTON_MOTION_OFF + _ANY_MOTION_OFF if profile.mouse == "drag" \
        else _ANY_MOTION_OFF
    ascii_only = profile.ascii

    class ReaderDriver(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            if profile.mouse == "off":
                kwargs["mouse"] = False
            super().__init__(*args, **kwargs)

        def write(self, data: str) -> None:
            if "\x1b[?100" in data:
                data = data.replace(_ANY_MOTION_ON, motion_on).replace(_ANY_MOTION_OFF,
                                                                       motion_off)
            super().write(to_ascii(data) if ascii_only else data)

    ReaderDriver.__qualname__ = ReaderDriver.__name__ = f"Reader{base.__name__}"
    return ReaderDriver
