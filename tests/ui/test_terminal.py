"""What reader decides about the terminal (reader/ui/terminal.py) and the
pieces of its output filter that can be checked without one (output.py).
The filter's screens are compared with Textual's in tests/e2e/test_output.py."""
from __future__ import annotations

import struct

import pytest

from reader.ui import terminal
from reader.ui.output import SgrCompactor, ScreenDiff, to_ascii
from reader.ui.terminal import TerminalProfile, colour_depth, detect, locale_is_utf8


@pytest.mark.parametrize("environ, depth", [
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
    ({"TERM": "xterm", "COLORTERM": "24bit"}, "truecolor"),
    ({"TERM": "xterm"}, "16"),
    ({"TERM": "screen"}, "16"),
    ({"TERM": "linux"}, "16"),
    ({"TERM": "vt100"}, "none"),
    ({"TERM": "dumb", "COLORTERM": "truecolor"}, "none"),
    ({}, "none"),
    ({"TERM": "xterm-256color", "NO_COLOR": "1"}, "none"),
    ({"TERM": "xterm-256color", "NO_COLOR": ""}, "256"),  # empty means unset (no-color.org)
    ({"TERM": "xterm", "TEXTUAL_COLOR_SYSTEM": "truecolor"}, "truecolor"),
    ({"TERM": "xterm-kitty", "TERMINFO": "/nonexistent"}, "256"),
])
def test_colour_depth(environ, depth, tmp_path):
    environ = {"HOME": str(tmp_path), "TERMINFO_DIRS": "", **environ}
    assert colour_depth(environ) == depth


def _terminfo_entry(colours: int | None, extended: bool = False) -> bytes:
    """A compiled terminfo entry (term(5)) with only a `colors` number."""
    names = b"test|a test terminal\0"
    numbers = [] if colours is None else [-1] * 13 + [colours]
    width, fmt = (4, "<i") if extended else (2, "<h")
    header = struct.pack("<6h", 0o1036 if extended else 0o432, len(names), 0, len(numbers), 0, 0)
    body = names + (b"\0" if (len(names)) % 2 else b"")
    return header + body + b"".join(struct.pack(fmt, n) for n in numbers)


@pytest.mark.parametrize("colours, extended, depth", [
    (8, False, "16"), (256, False, "256"), (1 << 24, True, "truecolor"), (None, False, "none"),
])
def test_terminfo_decides(tmp_path, colours, extended, depth):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "test-term").write_bytes(_terminfo_entry(colours, extended))
    assert colour_depth({"TERM": "test-term", "TERMINFO": str(tmp_path)}) == depth


@pytest.mark.parametrize("environ, utf8", [
    ({"LANG": "en_GB.UTF-8"}, True),
    ({"LANG": "C"}, False),
    ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, False),  # Python's own PEP 538 coercion
    ({"LANG": "en_US.UTF-8", "LC_ALL": "C"}, False),
    ({"LC_ALL": "de_DE.utf8"}, True),
    ({"LANG": "POSIX"}, False),
    ({}, True),  # a bare SSH session: every current terminal is UTF-8
])
def test_locale(environ, utf8):
    assert locale_is_utf8(environ) is utf8


def test_detect_profile():
    profile = detect({"TERM": "screen", "LANG": "C", "READER_MOUSE": "drag"})
    assert profile == TerminalProfile(colours="16", ascii=True, mouse="drag")
    assert detect({"TERM": "xterm-256color", "LANG": "C.UTF-8"}, ascii_requested=True).ascii
    assert detect({"READER_MOUSE": "everything"}).mouse == "clicks"


def test_apply_sets_what_textual_reads():
    environ = {"TERM": "dumb"}
    terminal.apply(TerminalProfile(colours="none"), environ)
    assert environ["TEXTUAL_COLOR_SYSTEM"] == "standard" and environ["NO_COLOR"] == "1"
    environ = {"NO_COLOR": "", "TEXTUAL_COLOR_SYSTEM": "truecolor"}
    terminal.apply(TerminalProfile(colours="256"), environ)
    assert environ == {"TEXTUAL_COLOR_SYSTEM": "truecolor"}  # the user's choice stands


def test_to_ascii_keeps_widths():
    text = "┌─┐│▏ “Pyongyang’s” … café ×▸▾ 中 e\u0301"
    from rich.cells import cell_len

    ascii_text = to_ascii(text)
    assert ascii_text.isascii()
    assert cell_len(ascii_text) == cell_len(text)
    assert ascii_text.startswith('+-+|| "Pyongyang\'s" . cafe x>v ?? e')
    assert to_ascii("\x1b[1;1Hplain") == "\x1b[1;1Hplain"


def test_compactor_sends_colour_changes_once():
    compactor = SgrCompactor(lambda: (100, 30))
    out = compactor.feed("\x1b[1;1H\x1b[38;5;252;48;5;233mab\x1b[0m\x1b[3;38;5;114;48;5;233mcd"
                         "\x1b[0m\x1b[1;5H\x1b[38;5;252;48;5;233mef\x1b[0m")
    assert out == ("\x1b[1;1H\x1b[0;38;5;252;48;5;233mab\x1b[3;38;5;114mcd"
                   "\x1b[23;38;5;252mef\x1b[0m")


def test_compactor_keeps_line_feeds_that_may_scroll():
    compactor = SgrCompactor(lambda: (100, 30))
    assert compactor.feed("\x1b[5;1Hx\x1b[5;2H\n\x1b[6;1Hy") == "\x1b[5;1H\x1b[0mx\x1b[6;1Hy"
    out = compactor.feed("\x1b[30;1H\x1b[7mx\x1b[0m\n\x1b[30;1Hy")
    assert "\n" in out and out.index("\x1b[0m") < out.index("\n")


def test_screen_diff_sends_only_changed_cells():
    diff = ScreenDiff()
    first = "\x1b[1;1H\x1b[0mhello world\x1b[2;1Hsecond line"
    assert diff.feed(first, (40, 10)).count("hello") == 1
    again = diff.feed("\x1b[1;1H\x1b[0mhello there\x1b[2;1Hsecond line", (40, 10))
    assert "second" not in again and "hello" not in again and "there" in again
    assert "second" in diff.feed("\x1b[2;1H\x1b[0msecond line", (30, 10))  # resized: all again
    assert diff.feed("\x1b[2J", (30, 10)) == "\x1b[2J"  # not modelled: passed, forgotten
    assert "second" in diff.feed("\x1b[2;1H\x1b[0msecond line", (30, 10))
