"""The one status line: key hints on the left; on the right the search or
mention counter ("Moscow 2/3"), what the analysis is doing, and how far
through the article you are. Parts are only repainted when they change."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label

from .. import keys


class StatusBar(Horizontal):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        parts: list[tuple[str, str]] = []
        for key in keys.hints():
            parts += [(key.display.split()[0], "bold $accent"), (f" {key.hint}  ", "$text-muted")]
        yield Label(Content.assemble(*parts), id="hints")
        for name in ("counter", "state", "percent"):
            yield Label("", id=name)

    def set_counter(self, text: str) -> None:
        self._set("counter", text)

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
