"""reader's output filter (reader/ui/output.py: only changed cells, each
colour change once, ASCII when asked) must draw exactly what Textual drew.

A real session's driver writes are recorded, then replayed into two tmux
panes: Textual's bytes into one, the filtered bytes into the other, and the
two screens (characters and colours, `capture-pane -e`) compared after every
write. A title sequence sent after each write tells when a pane has drawn it."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from reader.ui.output import OutputFilter, to_ascii

from .harness import REPO, wait_until

pytestmark = pytest.mark.e2e

RECORDER = Path(__file__).with_name("record_writes.py")
ARTICLE = str(REPO / "examples" / "article.txt")


@pytest.fixture(scope="module")
def recorded_writes(tmux, shared_dirs, tmp_path_factory):
    """The driver writes of a session that reads, searches, jumps, resizes."""
    base = tmp_path_factory.mktemp("writes")
    log = base / "writes.jsonl"
    env = {**shared_dirs, "READER_STATE_DIR": str(base / "state"), "TERM": "xterm-256color",
           "LANG": "C.UTF-8", "PYTHONPATH": str(REPO)}
    pane = tmux.new_pane([sys.executable, str(RECORDER), str(log), ARTICLE], 100, 30, env)
    try:
        pane.wait_for(lambda lines: any(" found" in line for line in lines),
                      "the panel", timeout=120)
        for key in ("j", "j", "PageDown", "End", "Home"):
            pane.press(key)
        pane.press("/")
        pane.type("Pyongyang")
        pane.press("Enter", "n", "Escape", "Tab", "j", "Enter", "Tab", "question_mark")
        pane.press("Escape", "t")
        pane.resize(60, 20)
        pane.wait_for(lambda lines: len(lines) == 20, "the 60x20 layout")
        pane.press("e", "j", "Escape")
        pane.resize(100, 30)
        pane.wait_for(lambda lines: len(lines) == 30, "the 100x30 layout")
        pane.keys("q")
        assert pane.wait_exit() == 0
    finally:
        pane.kill()
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


class Replay:
    """A pane that draws whatever is written to its FIFO."""

    def __init__(self, tmux, directory: Path, name: str, size) -> None:
        fifo = directory / name
        os.mkfifo(fifo)
        self.pane = tmux.new_pane(["sh", "-c", f"stty -echo; exec cat {fifo}"], *size)
        self.fifo = open(fifo, "w", encoding="utf-8")  # returns once cat has opened it
        self.count = 0

    def draw(self, data: str) -> None:
        self.count += 1
        self.fifo.write(data + f"\x1b]2;write-{self.count}\x07")
        self.fifo.flush()

    def wait(self) -> None:
        wait_until(lambda: self.pane.info("pane_title") == f"write-{self.count}", 20,
                   f"write {self.count} to be drawn")

    def close(self) -> None:
        self.fifo.close()
        self.pane.kill()


def screens_after_each_write(tmux, tmp_path, writes, ascii_only):
    size = {"now": tuple(writes[0]["size"])}
    output = OutputFilter(lambda: size["now"], ascii_only=ascii_only)
    original = Replay(tmux, tmp_path, "original", size["now"])
    filtered = Replay(tmux, tmp_path, "filtered", size["now"])
    sent = {"original": 0, "filtered": 0}
    try:
        for index, write in enumerate(writes):
            if tuple(write["size"]) != size["now"]:
                size["now"] = tuple(write["size"])
                for replay in (original, filtered):
                    replay.pane.resize(*size["now"])
                    wait_until(lambda replay=replay: replay.pane.size() == size["now"], 20,
                               "the replay panes to resize")
            data = output(write["data"])
            sent["original"] += len(write["data"].encode())
            sent["filtered"] += len(data.encode())
            original.draw(write["data"])
            filtered.draw(data)
            original.wait()
            filtered.wait()
            yield index, original.pane.screen(escapes=True), filtered.pane.screen(escapes=True)
    finally:
        original.close()
        filtered.close()
    assert sent["filtered"] < sent["original"] / 2, sent


@pytest.mark.parametrize("ascii_only", [False, True], ids=["utf-8", "ascii"])
def test_filtered_output_draws_what_textual_drew(tmux, tmp_path, recorded_writes, ascii_only):
    assert len(recorded_writes) > 20
    for index, textual, ours in screens_after_each_write(tmux, tmp_path, recorded_writes,
                                                         ascii_only):
        if ascii_only:  # tmux leaves out trailing blanks, and ▁ becomes a blank
            textual = [to_ascii(line).rstrip(" ") for line in textual]
            ours = [line.rstrip(" ") for line in ours]
        assert ours == textual, f"screens differ after write {index}"
