"""The keys, generated from the binding records in keys.py (`?` or F1), after
the user's keymap. Two columns, so the whole list fits 80x24; one column,
scrolled with j/k, when the screen is narrower."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import keys

TWO_COLUMNS = 78  # the screen width from which the two columns fit side by side


class HelpScreen(ModalScreen[None]):
    BINDINGS = keys.bindings(keys.HELP_SCREEN_KEYS)

    def __init__(self) -> None:
        super().__init__()
        self._lines_to_scroll = 0

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "user_keymap", {})
        body = VerticalScroll(id="help-body")
        body.border_title = "reader: keys"
        groups = keys.help_rows()
        with body, Horizontal(id="help-columns"):
            for column in (groups[:keys.HELP_COLUMN_BREAK], groups[keys.HELP_COLUMN_BREAK:]):
                lines = [(group, _merged(rows, keymap)) for group, rows in column]
                width = 1 + max(len(shown) for _, rows in lines for shown, _ in rows)
                with Vertical(classes="help-column"):
                    for group, rows in lines:
                        yield Static(_group(group, rows, width), classes="help-group")

    def on_resize(self) -> None:
        one_column = self.size.width < TWO_COLUMNS
        self.set_class(one_column, "-one-column")
        keymap = getattr(self.app, "user_keymap", {})
        close, down, up = (keys.display(key, keymap).split()[0] for key in keys.HELP_SCREEN_KEYS)
        body = self.query_one("#help-body")
        body.border_subtitle = f"{down}/{up} scroll, {close} closes" if one_column \
            else f"{close} closes"

    def action_scroll(self, direction: str) -> None:
        # Summed and applied after the next refresh: a j typed together with ?
        # arrives before the help is laid out, when there is nothing to scroll.
        if not self._lines_to_scroll:
            self.call_after_refresh(self._scroll)
        self._lines_to_scroll += 1 if direction == "down" else -1

    def _scroll(self) -> None:
        body = self.query_one(VerticalScroll)
        body.scroll_to(y=body.scroll_y + self._lines_to_scroll, animate=False)
        self._lines_to_scroll = 0


def _group(group: str, rows: list[tuple[str, str]], width: int) -> Content:
    """A group's name, then its keys in a column `width` wide and what they do."""
    parts: list[tuple[str, str] | str] = [(group, "bold $foreground")]
    if note := keys.HELP_NOTES.get(group):
        parts += [(f"  {note}", "$reader-muted")]
    for shown, description in rows:
        parts += ["\n", (f"{shown:<{width}}", "bold $accent"), description]
    return Content.assemble(*parts)


def _merged(rows: list[keys.Key], keymap: dict[str, str]) -> list[tuple[str, str]]:
    """One line per action: Tab and Shift+Tab both move between article and panel."""
    lines: dict[str, tuple[list[str], str]] = {}
    for key in rows:
        shown = " ".join(keys.display(key, keymap).split())
        if key.action in lines:
            lines[key.action][0].append(shown)
        else:
            lines[key.action] = ([shown], key.description)
    return [(" ".join(names), description) for names, description in lines.values()]
