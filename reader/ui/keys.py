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
    Key("next", "n", "walk(1)", "Next match, or next mention of the item", FINDING, "n"),
    Key("previous", "N", "walk(-1)", "Previous match or mention", FINDING, "N"),
    Key("clear", "escape", "clear", "Clear the search, close the overlay", FINDING, "Esc"),
    Key("switch", "tab", "switch_focus", "Move between article and panel", PANEL, "Tab"),
    Key("switch-back", "shift+tab", "switch_focus", "Move between panel and article", PANEL,
        "Shift+Tab"),
    Key("panel", "e", "toggle_panel", "Show or hide the panel", PANEL, "e", "panel"),
    # H, not h: h/l are left/right, which fold and unfold the panel's sections
    # (as in vim's file trees); one key keeps one meaning wherever the focus is.
    Key("highlights", "H", "toggle_highlights", "Highlights on or off", VIEW, "H"),
    Key("wider", "plus,equals_sign", "width(4)", "Wider text", VIEW, "+"),
    Key("narrower", "minus", "width(-4)", "Narrower text", VIEW, "-"),
    Key("theme", "t", "next_theme", "Next theme", VIEW, "t"),
    Key("cut", "c", "toggle_cut", "Show what the cleaner cut", VIEW, "c"),
    Key("links", "o", "links", "List the article's links", VIEW, "o", "links"),
    Key("copy", "y", "copy_quote", "Copy the selected quote with its speaker", VIEW, "y"),
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
    Key("panel-jump", "enter", "select", "Jump to the first mention", PANEL, "Enter"),
)

LINKS_KEYS = (
    Key("link-copy", "enter", "select", "Copy the link (OSC 52)", "Links", "Enter"),
    Key("link-open", "w", "open_link", "Open in the local browser (when there is one)", "Links",
        "w"),
    Key("link-close", "escape,o,q", "close", "Close", "Links", "Esc  o  q"),
)

PALETTE_KEY = Key("palette", "ctrl+p", "command_palette", "Commands and entities", FINDING,
                  "Ctrl+P")

# A word under a group's name where its keys only work in one place.
HELP_NOTES = {
    PANEL: "the item keys work in the panel, after Tab",
    "Links": "in the list that o opens",
}

HELP_GROUPS = (
    (READING, ARTICLE_KEYS + SCREEN_KEYS),
    (FINDING, SCREEN_KEYS + (PALETTE_KEY,)),
    (PANEL, SCREEN_KEYS + PANEL_KEYS),
    (VIEW, SCREEN_KEYS),
    ("Links", LINKS_KEYS),
)


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    return [key.binding() for key in keys]


def help_rows() -> list[tuple[str, list[Key]]]:
    """(group, keys) in the order the help screen shows them."""
    return [(group, [key for key in keys if key.group == group]) for group, keys in HELP_GROUPS]


def hints() -> list[Key]:
    """The keys the status bar names."""
    return [key for key in SCREEN_KEYS if key.hint]
