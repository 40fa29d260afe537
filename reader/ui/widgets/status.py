"""The one status line: key hints on the left; on the right what a key just
did (for a moment), the search or mention counter ("Moscow 2/3"), what the
analysis is doing, and how far through the article you are. Parts are only
repainted when they change."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Label

from .. import keys


class StatusBar(Horizontal):
    FLASH_SECONDS = 2.0

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: dict[str, str] = {}
        self._flash_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        parts: list[tuple[str, str]] = []
        keymap = getattr(self.app, "user_keymap", {})
        for key in keys.hints():
            parts += [(keys.display(key, keymap).split()[0], "bold $accent"),
                      (f" {key.hint}  ", "$reader-muted")]
        yield Label(Content.assemble(*parts), id="hints")
        for name in ("flash", "counter", "state", "percent"):
            yield Label("", id=name)

    def set_counter(self, text: str) -> None:
        self._set("counter", text)

    def flash(self, text: str) -> None:
        """Say for a moment what a key just did ("Width 68 columns"); the next
        such word replaces it, so pressing a key ten times never piles up."""
        self._set("flash", text)
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(self.FLASH_SECONDS, lambda: self._set("flash", ""))

    def set_state(self, text: str) -> None:
        self._set("state", text)

    def set_percent(self, percent: int) -> None:
        self._set("percent", f"{percent}%")

    def text_of(self, name: str) -> str:
        """What a part shows now (for tests and the screen)."""
        return self._shown.get(name, "")

    def _set(self, name: str, text: str) -> None:
        if self._shown.get(name) == text:
            return
        self._shown[name] = text
        label = self.query_one(f"#{name}", Label)
        label.update(Content(text))
        label.display = bool(text)
