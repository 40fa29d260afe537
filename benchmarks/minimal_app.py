"""The anchor for launch timing: the smallest reasonable Textual app that
shows a text file in a scrolling widget. reader is measured against it in
the same run (benchmarks/bench_launch.py)."""
import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class MinimalApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.text))


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", errors="replace") as handle:
        MinimalApp(handle.read()).run()
