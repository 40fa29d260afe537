"""reader over SSH as users run it: a real sshd on 127.0.0.1, `ssh -t` in a
tmux pane, keys sent with send-keys, the screen read with capture-pane.

One full walk through the keys (xterm-256color, UTF-8), then a lighter
session for every other terminal setting: colours follow what the terminal
supports, ASCII when the locale is not UTF-8, a resize, a clean exit that
leaves the terminal as it was."""
from __future__ import annotations

import re

import pytest

from .harness import colour_kinds, joined, percent, split_screen

pytestmark = pytest.mark.e2e

HEADLINE = "Ukraine severs ties with North Korea"
FIRST_PARAGRAPH = ("Ukraine said Wednesday it was severing relations with North Korea, "
                   "hours after pro-Russian separatists")
LAST_PARAGRAPH = "Separatist officials have long said they want their regions"
STARTUP = 30     # s: ssh handshake + Python + Textual on a loaded 2-core machine
ANALYSIS = 120   # s: the first session imports spaCy and analyses (cached after)
UTF8_256 = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}


# -- what the screen shows ----------------------------------------------------

def article(pane, lines=None):
    width, _ = pane.size()
    return split_screen(lines if lines is not None else pane.screen(), width)[0]


def panel(pane, lines=None):
    width, _ = pane.size()
    return split_screen(lines if lines is not None else pane.screen(), width)[1]


def status(lines):
    return lines[-1] if lines else ""


def panel_shows(pane, *names):
    return lambda lines: all(any(name in row for row in panel(pane, lines)) for name in names)


def top_changed(pane, before):
    return lambda lines: article(pane, lines)[:3] != before[:3] and article(pane, lines)[0] != ""


def counter(lines):
    """The walk counter in the status line: ('/North Korea', 2, 8) or None."""
    found = re.search(r"\s\s(\S+(?: \S+)*) (\d+)/(\d+)\s+\d+%\s*$", status(lines))
    return (found.group(1), int(found.group(2)), int(found.group(3))) if found else None


def highlighted(escaped_lines, word):
    """Whether `word` is drawn on a background (or reversed) somewhere: the
    search and selection highlights, as opposed to the entity colours."""
    pattern = re.compile(r"((?:\x1b\[[0-9;:]*m)+)" + re.escape(word))
    for line in escaped_lines:
        for match in pattern.finditer(line):
            params = re.findall(r"\x1b\[([0-9;:]*)m", match.group(1))
            if any(re.search(r"(^|;)(48|4[0-7]|10[0-7]|7)(;|$)", each) for each in params):
                return True
    return False


def assert_restored(pane):
    """After q: exit status 0, main screen back, cursor shown, no mouse reporting."""
    assert pane.wait_exit() == 0, pane.text()
    assert pane.info("alternate_on") == "0"
    assert pane.info("cursor_flag") == "1"
    assert pane.info("mouse_any_flag") == "0"
    assert HEADLINE not in pane.text()  # the app's screen is gone with the alternate screen


def wait_for_app(pane):
    """The app's own first frame (its status line), not the text reader paints
    before Textual starts (ui/splash.py): only then are its terminal modes on."""
    pane.wait_for(lambda lines: any(HEADLINE[:19] in line for line in lines)
                  and "quit" in lines[-1], "the app's first frame", STARTUP)


def open_and_wait(open_reader, env, args=(), size=(100, 30)):
    pane = open_reader(env, args, size)
    wait_for_app(pane)
    pane.wait_for(panel_shows(pane, "Kuleba"), "the panel's entries", ANALYSIS)
    return pane


# -- the full walk ------------------------------------------------------------

def test_reading_session_over_ssh(open_reader):
    pane = open_reader(UTF8_256)
    wait_for_app(pane)
    assert article(pane)[0].strip().startswith(HEADLINE[:19])

    # mouse: clicks and wheel (1000) in SGR encoding (1006), never motion (1002/1003)
    assert pane.info("alternate_on") == "1"
    assert pane.info("mouse_standard_flag") == "1"
    assert pane.info("mouse_sgr_flag") == "1"
    assert pane.info("mouse_button_flag") == "0"
    assert pane.info("mouse_all_flag") == "0"

    pane.wait_for(panel_shows(pane, "Kuleba", "North Korea"), "the panel's entries", ANALYSIS)
    # the panel docking narrows the text: it is re-wrapped a frame later
    pane.wait_for(lambda lines: FIRST_PARAGRAPH in joined(article(pane, lines)),
                  "the first paragraph re-wrapped beside the panel")

    _scrolling(pane)
    _searching(pane)
    _panel_jump(pane)
    _resizing(pane)

    pane.keys("q")
    assert_restored(pane)


def _scrolling(pane):
    before = article(pane)
    pane.keys("j")  # one line: the second line becomes the top
    lines = pane.wait_for(top_changed(pane, before), "j to scroll") and pane.screen()
    assert article(pane, lines)[0] == before[1]
    start = percent(status(lines))

    before = article(pane, lines)
    pane.keys("Space")  # a page: the new top was in the old bottom half, or below it
    pane.wait_for(lambda now: top_changed(pane, before)(now) and percent(status(now)) > start,
                  "space to page down")
    first = next(line for line in article(pane) if line.strip())
    assert first not in before[:len(before) // 2], (before, article(pane))

    pane.keys("b")
    lines = pane.wait_for(lambda now: article(pane, now)[0] == before[0], "b to page up")
    pane.keys("k")
    pane.wait_for(lambda now: article(pane, now)[0].strip().startswith(HEADLINE[:19]),
                  "k to go back to the headline")

    pane.keys("G")
    pane.wait_for(lambda now: LAST_PARAGRAPH in joined(article(pane, now))
                  and percent(status(now)) == 100, "G to the end, at 100%")
    pane.keys("g")
    pane.wait_for(lambda now: article(pane, now)[0].strip().startswith(HEADLINE[:19]), "g")


def _searching(pane):
    plain = pane.screen(escapes=True)
    assert not highlighted(plain, "Pyongyang")
    pane.keys("/")
    pane.wait_for(lambda lines: any(line.startswith(" /") or line.startswith("/")
                                    for line in lines[-3:-1]), "the search line")
    pane.type("Pyongyang")
    pane.keys("Enter")
    found = pane.wait_for(counter, "the search to land on a match")
    label, position, total = counter(pane.screen())
    assert label == "/Pyongyang" and position == 1 and total >= 2, found
    assert "Pyongyang" in joined(article(pane))
    assert highlighted(pane.screen(escapes=True), "Pyongyang")

    pane.keys("n")
    pane.wait_for(lambda lines: (counter(lines) or (0, 0))[1] == 2, "n to the next match")
    pane.keys("N")
    pane.wait_for(lambda lines: (counter(lines) or (0, 0))[1] == 1, "N to the previous match")
    pane.keys("Escape")
    pane.wait_for(lambda lines: counter(lines) is None, "Esc to clear the search")
    pane.keys("g")


def _panel_jump(pane):
    pane.wait_for(lambda now: article(pane, now)[0].strip().startswith(HEADLINE[:19]), "g")
    pane.press("Tab", "j", "j", "Enter")  # into the panel, down two items, jump
    lines = pane.wait_for(counter, "Enter on a panel item to jump")
    name, position, total = counter(pane.screen())
    assert position == 1 and total >= 1
    assert name in joined(article(pane)), (name, pane.text())
    pane.press("Tab")  # back to the article


def _resizing(pane):
    pane.keys("g")
    pane.resize(60, 20)
    pane.wait_for(lambda lines: pane.size() == (60, 20) and len(lines) == 20
                  and not panel(pane, lines) and percent(status(lines)) is not None,
                  "the 60x20 layout (panel folded away)")
    pane.wait_for(lambda lines: article(pane, lines)[0].strip().startswith(HEADLINE[:19]),
                  "the headline at 60 columns")
    text = article(pane)
    assert max(len(line) for line in text) <= 59
    assert FIRST_PARAGRAPH[:60] in joined(text)

    pane.keys("e")  # the panel opens over the text when narrow
    pane.wait_for(panel_shows(pane, "Kuleba"), "the overlay panel at 60 columns")
    pane.keys("Escape")
    pane.wait_for(lambda lines: not panel(pane, lines), "Esc to close the overlay")

    pane.resize(100, 30)
    lines = pane.wait_for(lambda lines: len(lines) == 30 and panel_shows(pane, "Kuleba")(lines),
                          "the 100x30 layout with its panel back")
    pane.keys("g")
    pane.wait_for(lambda lines: article(pane, lines)[0].strip().startswith(HEADLINE[:19])
                  and FIRST_PARAGRAPH in joined(article(pane, lines)),
                  "g to the headline at 100 columns")


# -- every terminal setting ---------------------------------------------------

TERMINALS = [
    # env, extra args, colour encodings allowed, one that must appear, ASCII only
    pytest.param(UTF8_256, (), {"256", "16"}, "256", False, id="xterm-256color"),
    pytest.param({**UTF8_256, "COLORTERM": "truecolor"}, (), {"truecolor", "256", "16"},
                 "truecolor", False, id="truecolor"),
    pytest.param({"TERM": "xterm", "LANG": "C.UTF-8"}, (), {"16"}, "16", False, id="xterm"),
    pytest.param({"TERM": "screen", "LANG": "C.UTF-8"}, (), {"16"}, "16", False, id="screen"),
    pytest.param({"TERM": "linux", "LANG": "C.UTF-8"}, (), {"16"}, "16", False, id="linux"),
    pytest.param({"TERM": "vt100", "LANG": "C.UTF-8"}, (), set(), None, False, id="vt100"),
    pytest.param({"TERM": "dumb", "LANG": "C.UTF-8"}, (), set(), None, False, id="dumb"),
    pytest.param({**UTF8_256, "NO_COLOR": "1"}, (), set(), None, False, id="NO_COLOR"),
    pytest.param({"TERM": "xterm-256color", "LANG": "C"}, (), {"256", "16"}, "256", True,
                 id="LANG=C"),
    pytest.param({"TERM": "xterm-256color", "LANG": "en_US.UTF-8", "LC_ALL": "C"}, (),
                 {"256", "16"}, "256", True, id="LC_ALL=C"),
    pytest.param(UTF8_256, ("--ascii",), {"256", "16"}, "256", True, id="--ascii"),
]


@pytest.mark.parametrize("env, args, allowed, required, ascii_only", TERMINALS)
def test_terminal_settings(open_reader, env, args, allowed, required, ascii_only):
    pane = open_and_wait(open_reader, env, args)
    _check_look(pane, allowed, required, ascii_only)

    before = article(pane)
    pane.keys("j")
    pane.wait_for(top_changed(pane, before), "j to scroll")

    pane.keys("?")  # the help box: borders and key symbols too
    pane.wait_text("Down one line")
    _check_look(pane, allowed, required, ascii_only)
    pane.keys("Escape")
    pane.wait_for(lambda lines: not any("Down one line" in line for line in lines),
                  "Esc to close the help")

    pane.resize(60, 20)
    pane.wait_for(lambda lines: len(lines) == 20 and not panel(pane, lines)
                  and percent(status(lines)) is not None, "the 60x20 layout")
    _check_look(pane, allowed, None, ascii_only)
    pane.resize(100, 30)
    pane.wait_for(lambda lines: len(lines) == 30 and panel_shows(pane, "Kuleba")(lines),
                  "the 100x30 layout")

    pane.keys("q")
    assert_restored(pane)


def _check_look(pane, allowed, required, ascii_only):
    kinds = colour_kinds(pane.screen(escapes=True))
    assert kinds <= allowed, f"colours sent: {sorted(kinds)}, allowed: {sorted(allowed)}"
    if required:
        assert required in kinds, f"colours sent: {sorted(kinds)}, expected {required}"
    text = pane.text()
    if ascii_only:
        assert text.isascii(), sorted({char for char in text if not char.isascii()})
    else:
        assert not text.isascii()  # the UTF-8 borders and symbols are kept
