"""The keys, generated from the binding records in keys.py (`?` or F1)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import keys

KEY_COLUMN = 16


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="help-down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help-up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content.assemble(("reader: keys", "bold $accent"),
                                          ("   Esc or ? closes, j/k scroll", "$reader-muted")),
                         id="help-title")
            for group, rows in keys.help_rows():
                yield Static(_group(group, rows), classes="help-group")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one(VerticalScroll)
        body.scroll_relative(y=1 if direction == "down" else -1, animate=False)


def _group(group: str, rows: list[keys.Key]) -> Content:
    parts: list[tuple[str, str] | str] = [(group, "bold $foreground")]
    if note := keys.HELP_NOTES.get(group):
        parts += [(f"  ({note})", "$reader-muted")]
    for key in rows:
        parts += ["\n", (f"  {key.display:<{KEY_COLUMN}}", "bold $accent"), key.description]
    return Content.assemble(*parts)
