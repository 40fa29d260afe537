"""The keys, generated from the binding records in keys.py (`?` or F1)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import keys

KEY_COLUMN = 16


class HelpScreen(ModalScreen[None]):
    BINDINGS = keys.bindings(keys.HELP_SCREEN_KEYS)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content.assemble(("reader: keys", "bold $accent"),
                                          ("   Esc or ? closes, j/k scroll", "$reader-muted")),
                         id="help-title")
            keymap = getattr(self.app, "user_keymap", {})
            for group, rows in keys.help_rows():
                yield Static(_group(group, rows, keymap), classes="help-group")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one(VerticalScroll)
        body.scroll_relative(y=1 if direction == "down" else -1, animate=False)


def _group(group: str, rows: list[keys.Key], keymap: dict[str, str]) -> Content:
    parts: list[tuple[str, str] | str] = [(group, "bold $foreground")]
    if note := keys.HELP_NOTES.get(group):
        parts += [(f"  ({note})", "$reader-muted")]
    for key in rows:
        shown = keys.display(key, keymap)
        parts += ["\n", (f"  {shown:<{KEY_COLUMN}}", "bold $accent"), key.description]
    return Content.assemble(*parts)
