"""The search line (`/`): incremental, Enter keeps the matches, Esc cancels.

The bar opens and closes itself, moves the focus at once and reports the
outcome by a direct call, not a message: keys typed in the same burst
("/Moscow" Enter n) then reach the bar, and after it the article, in the
order they were typed (see keyorder.py)."""
from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget
from textual.widgets import Input

from .. import keys
from .keyorder import KeysInOrder


class SearchBar(KeysInOrder, Input):
    BINDINGS = keys.bindings(keys.SEARCH_LINE_KEYS)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._give_back: Widget | None = None
        self._done: Callable[[str | None], None] | None = None

    @property
    def is_open(self) -> bool:
        return self._done is not None

    def open(self, value: str, give_back: Widget, done: Callable[[str | None], None]) -> None:
        """Show the bar's row with `value` and take the focus now; `done` gets
        the query on Enter, None on Esc, after the focus is back on `give_back`."""
        self._give_back, self._done = give_back, done
        self.value = value
        self.cursor_position = len(value)
        self._row.display = True
        self.screen.set_focus(self)

    async def action_submit(self) -> None:
        self.submit_now()

    def submit_now(self) -> None:
        """Enter: hand the query over (a paste that ends in a line break)."""
        self._finish(self.value)

    def action_cancel(self) -> None:
        self._finish(None)

    def _finish(self, value: str | None) -> None:
        done, self._done = self._done, None
        self._row.display = False
        if self._give_back is not None and self.screen.focused is self:
            self.screen.set_focus(self._give_back)
        if done is not None:
            done(value)

    @property
    def _row(self) -> Widget:
        """The line the bar sits in with its prompt (hidden while closed)."""
        return self.parent if isinstance(self.parent, Widget) else self
