"""What the user's terminal can show, decided from the environment, and the
small driver wrapper that makes Textual respect it.

Textual on its own ignores TERM and terminfo: it sends 24-bit colour to
TERM=dumb, only greys its palette for NO_COLOR, draws UTF-8 boxes under
LANG=C, and asks for every mouse movement (mode 1003), which over SSH sends a
report upstream for each cell the pointer crosses. `detect` reads NO_COLOR,
TERM (and its terminfo entry), COLORTERM, LC_ALL/LC_CTYPE/LANG and
READER_MOUSE; `apply` sets what Textual reads before the app starts; and
`driver_for` wraps the terminal driver so the mouse asks for clicks and wheel
only and every write goes through output.OutputFilter: only the cells that
changed, each colour change once, and in ASCII mode no non-ASCII character."""
from __future__ import annotations

import os
import struct
import sys
import threading
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from .output import OutputFilter

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
    lean: bool = True  # send only changed cells and colour changes (output.py)


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
    mouse reporting and passes every write through output.OutputFilter (only
    the cells that changed, each colour change once, ASCII when asked).
    Other drivers (headless, web) are returned unchanged."""
    if base.__name__ not in ("LinuxDriver", "WindowsDriver"):
        return base
    motion_on = {"off": "", "clicks": "", "drag": _BUTTON_MOTION_ON,
                 "all": _ANY_MOTION_ON}[profile.mouse]
    motion_off = _BUTTON_MOTION_OFF + _ANY_MOTION_OFF if profile.mouse == "drag" \
        else _ANY_MOTION_OFF

    class ReaderDriver(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            if profile.mouse == "off":
                kwargs["mouse"] = False
            super().__init__(*args, **kwargs)
            self._output = OutputFilter(terminal_size, diff=profile.lean,
                                        compact=profile.lean, ascii_only=profile.ascii)
            # the input thread writes too (mode switches): the filter's memory of
            # the screen must change in the order the writes are queued
            self._output_lock = threading.Lock()

        def write(self, data: str) -> None:
            if "\x1b[?100" in data:
                data = data.replace(_ANY_MOTION_ON, motion_on).replace(_ANY_MOTION_OFF,
                                                                       motion_off)
            with self._output_lock:
                super().write(self._output(data))

    ReaderDriver.__qualname__ = ReaderDriver.__name__ = f"Reader{base.__name__}"
    return ReaderDriver


def terminal_size() -> tuple[int, int] | None:
    """(columns, rows) of the terminal Textual writes to (its stderr, else stdout)."""
    for stream in (sys.__stderr__, sys.__stdout__):
        try:
            size = os.get_terminal_size(stream.fileno())
        except (AttributeError, OSError, ValueError):
            continue
        return size.columns, size.lines
    return None
