"""Run reader with every write of its terminal driver logged, untouched: one
JSON line per write with the terminal size at that moment and the data.
usage: python record_writes.py LOG ARTICLE [reader options]
(tests/e2e/test_output.py replays the log with and without reader's output
filter and compares the screens.)"""
import json
import sys

import reader.ui.terminal as terminal
from reader.cli import entry_point


def main() -> None:
    log = open(sys.argv[1], "w", encoding="utf-8")

    class Recorder:
        def __init__(self, size, **_options) -> None:
            self.size = size

        def __call__(self, data: str) -> str:
            log.write(json.dumps({"size": self.size(), "data": data}) + "\n")
            log.flush()
            return data

    terminal.OutputFilter = Recorder  # what driver_for builds for each write
    sys.argv = ["reader", *sys.argv[2:]]
    entry_point()


if __name__ == "__main__":
    main()
