"""The one status line: key hints on the left; on the right what a key just
did (for a moment), the search or mention counter ("Moscow 2/3"), what the
analysis is doing, and how far through the article you are. Parts are only
repainted when they change."""
from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Label

from .. import keys


RIGHT = ("flash", "counter", "state", "percent")
PERCENT_WIDTH = 6  # "100%" and its padding (the stylesheet's width)


class StatusBar(Horizontal):
    FLASH_SECONDS = 2.0

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: dict[str, str] = {}
        self._flash_timer: Timer | None = None
        self._hints: list[tuple[str, str]] = []  # (key, word), in the order shown
        self._hints_shown = -1

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "user_keymap", {})
        self._hints = [(keys.display(key, keymap).split()[0], key.hint) for key in keys.hints()]
        yield Label("", id="hints")
        for name in RIGHT:
            label = Label("", id=name)
            label.display = name == "percent"  # an empty part would still take its padding
            yield label

    def on_resize(self) -> None:
        self._fit_hints()

    def _fit_hints(self) -> None:
        """As many whole hints as the parts on the right leave room for (a
        hint is never cut: '? hel' helps nobody)."""
        right = sum(cell_len(self._shown[name]) + 2 for name in RIGHT[:-1] if self._shown.get(name))
        room = self.size.width - right - PERCENT_WIDTH - 2
        count = used = 0
        for key, word in self._hints:
            used += cell_len(f"{key} {word}") + (2 if count else 0)
            if used > room:
                break
            count += 1
        if count == self._hints_shown:
            return
        self._hints_shown = count
        parts: list[tuple[str, str]] = []
        for key, word in self._hints[:count]:
            parts += [(key, "bold $accent"), (f" {word}  ", "$reader-muted")]
        self.query_one("#hints", Label).update(Content.assemble(*parts))

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
        if name != "percent":
            self._fit_hints()
