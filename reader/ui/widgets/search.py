"""The search line (`/`): incremental, Enter keeps the matches, Esc cancels."""
from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel the search", show=False, id="search-cancel")]

    class Cancelled(Message):
        """The user left the search line without searching."""

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
