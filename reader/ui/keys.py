"""Every key binding, as data. The same records make the Textual Bindings
(each with an id, so a keymap can remap it), the help screen and the hints in
the status bar, so the three can never disagree. less/vim habits, with the
arrows and PgUp/PgDn always working."""
from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    id: str
    keys: str          # Textual key names, comma-separated
    action: str
    description: str
    group: str
    display: str       # how the help screen writes the keys
    hint: str = ""     # short label for the status bar, "" to leave it out

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=bool(self.hint),
                       key_display=self.display, id=self.id, tooltip=self.description)


READING = "Reading"
FINDING = "Finding"
PANEL = "Panel"
VIEW = "View"

ARTICLE_KEYS = (
    Key("line-down", "j,down", "line_down", "Down one line", READING, "j  \u2193"),
    Key("line-up", "k,up", "line_up", "Up one line", READING, "k  \u2191"),
    Key("top", "g,home", "top", "Go to the top", READING, "g  Home"),
    Key("bottom", "G,end", "bottom", "Go to the end", READING, "G  End"),
)

SCREEN_KEYS = (
    Key("page-down", "space,f,pagedown", "page_down", "Down one page", READING, "Space  f  PgDn"),
    Key("page-up", "b,pageup", "page_up", "Up one page", READING, "b  PgUp"),
    Key("half-down", "d", "half_page(1)", "Down half a page", READING, "d"),
    Key("half-up", "u", "half_page(-1)", "Up half a page", READING, "u"),
    Key("search", "slash", "search", "Search the text", FINDING, "/", "search"),
    Key("next", "n", "walk(1)", "Next match or mention", FINDING, "n"),
    Key("previous", "N", "walk(-1)", "Previous match/mention", FINDING, "N"),
    Key("clear", "escape", "clear", "Clear search, hide panel", FINDING, "Esc"),
    Key("switch", "tab", "switch_focus", "To the panel and back", PANEL, "Tab"),
    Key("switch-back", "shift+tab", "switch_focus", "Move between panel and article", PANEL,
        "Shift+Tab"),
    Key("panel", "e", "toggle_panel", "Show or hide the panel", PANEL, "e", "panel"),
    # H, not h: h/l are left/right, which fold and unfold the panel's sections
    # (as in vim's file trees); one key keeps one meaning wherever the focus is.
    Key("highlights", "H", "toggle_highlights", "Highlights on or off", VIEW, "H"),
    Key("wider", "plus,equals_sign", "width(4)", "Wider text", VIEW, "+"),
    Key("narrower", "minus", "width(-4)", "Narrower text", VIEW, "-"),
    Key("theme", "t", "next_theme", "Next theme", VIEW, "t"),
    Key("cut", "c", "toggle_cut", "What the cleaner cut", VIEW, "c"),
    Key("links", "o", "links", "The article's links", VIEW, "o", "links"),
    Key("copy", "y", "copy_quote", "Copy quote and speaker", VIEW, "y"),
    Key("help", "question_mark,f1", "help", "Show the keys", VIEW, "?  F1", "help"),
    Key("quit", "q", "app.quit", "Quit", VIEW, "q", "quit"),
)

LIST_KEYS = (
    Key("list-down", "j,down", "cursor_down", "Next item", PANEL, "j  \u2193"),
    Key("list-up", "k,up", "cursor_up", "Previous item", PANEL, "k  \u2191"),
    Key("list-first", "g,home", "first", "First item", PANEL, "g  Home"),
    Key("list-last", "G,end", "last", "Last item", PANEL, "G  End"),
)

PANEL_KEYS = LIST_KEYS + (
    Key("panel-collapse", "h,left", "collapse", "Fold the section", PANEL, "h  \u2190"),
    Key("panel-expand", "l,right", "expand", "Unfold the section", PANEL, "l  \u2192"),
    Key("panel-jump", "enter", "select", "Go to the first mention", PANEL, "Enter"),
)

LINKS_KEYS = (
    Key("link-copy", "enter", "select", "Copy the link (OSC 52)", "Links", "Enter"),
    Key("link-open", "w", "open_link", "Open in a local browser", "Links",
        "w"),
    Key("link-close", "escape,o,q", "close", "Close", "Links", "Esc  o  q"),
)

SEARCH_LINE_KEYS = (
    Key("search-submit", "enter", "submit", "Keep the matches (in the search line)", FINDING,
        "Enter"),
    Key("search-cancel", "escape", "cancel", "Cancel the search (in the search line)", FINDING,
        "Esc"),
)

HELP_SCREEN_KEYS = (
    Key("help-close", "escape,q,question_mark,f1", "dismiss", "Close the help", "Help",
        "Esc  q  ?  F1"),
    Key("help-down", "j,down", "scroll('down')", "Scroll the help down", "Help", "j  \u2193"),
    Key("help-up", "k,up", "scroll('up')", "Scroll the help up", "Help", "k  \u2191"),
)

PALETTE_KEY = Key("palette", "ctrl+p", "command_palette", "Commands and entities", FINDING,
                  "Ctrl+P")

# A word beside a group's name where its keys only work in one place.
HELP_NOTES = {
    PANEL: "items: after Tab",
    "Links": "after o",
}

# The help's two columns (one below the other when the screen is narrow).
HELP_GROUPS = (
    (READING, ARTICLE_KEYS + SCREEN_KEYS),
    (FINDING, SCREEN_KEYS + (PALETTE_KEY,)),
    ("Links", LINKS_KEYS),
    (PANEL, SCREEN_KEYS + PANEL_KEYS),
    (VIEW, SCREEN_KEYS),
)
HELP_COLUMN_BREAK = 3  # groups before it on the left


# Every key a user may remap in keys.toml, by binding id (see keymap.py).
REMAPPABLE = {key.id: key for key in ARTICLE_KEYS + SCREEN_KEYS + PANEL_KEYS + LINKS_KEYS
              + SEARCH_LINE_KEYS + HELP_SCREEN_KEYS}

# Which keys are read together, nearest first: the focused widget's own, then
# the screen's. A key bound twice in one place is a clash (keymap.py).
FOCUS_CHAINS = {
    "the article": (ARTICLE_KEYS, SCREEN_KEYS),
    "the panel": (PANEL_KEYS, SCREEN_KEYS),
    "the links list": (LINKS_KEYS,),
    "the help": (HELP_SCREEN_KEYS,),
}

_LABELS = {"space": "Space", "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End",
           "escape": "Esc", "enter": "Enter", "tab": "Tab", "backspace": "Backspace",
           "delete": "Del", "insert": "Ins", "up": "\u2191", "down": "\u2193",
           "left": "\u2190", "right": "\u2192"}


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    return [key.binding() for key in keys]


def label(name: str) -> str:
    """How the help writes one Textual key name: 'ctrl+f' -> 'Ctrl+F', 'slash' -> '/'."""
    from textual.keys import format_key

    *modifiers, base = name.split("+")
    shown = _LABELS.get(base) or format_key(base)
    if modifiers and len(shown) == 1:
        shown = shown.upper()
    elif len(shown) > 1 and shown not in _LABELS.values():
        shown = shown.upper() if len(shown) <= 3 else shown.capitalize()  # f1 -> F1
    return "+".join([*(m.capitalize() for m in modifiers), shown])


def display(key: Key, keymap: dict[str, str] | None = None) -> str:
    """The keys of `key` as the help and status line write them, after the user's keymap."""
    if keymap and key.id in keymap:
        return "  ".join(label(name) for name in keymap[key.id].split(","))
    return key.display


def help_rows() -> list[tuple[str, list[Key]]]:
    """(group, keys) in the order the help screen shows them."""
    return [(group, [key for key in keys if key.group == group]) for group, keys in HELP_GROUPS]


def hints() -> list[Key]:
    """The keys the status bar names."""
    return [key for key in SCREEN_KEYS if key.hint]
