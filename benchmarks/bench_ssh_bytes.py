"""Bytes over the SSH connection, as the speed issue asks: reader on the seed
article at 100x30, TERM=xterm-256color (256 colours, highlights on), run
through a throwaway sshd on 127.0.0.1 in a tmux pane, every byte the ssh
client writes to the pane recorded with `tmux pipe-pane`.

Prints, beside the same figures for `less` and the minimal Textual app
(benchmarks/minimal_app.py) over the same link in the same run:
  startup   launch -> headline and panel complete, screen idle
  per line  one `j` (Down for the minimal app), median of 10 presses
  per page  one PgDn, median of 10 presses that moved the text (at the end of
            the article the position goes back to the top, unrecorded)
Targets (issue 7): <= 4 KB per PgDn and per line scrolled.

usage: python benchmarks/bench_ssh_bytes.py [--presses 10] [--term xterm-256color] [--size 100x30]
Needs /usr/sbin/sshd, ssh and tmux (apt-get install tmux openssh-server);
run as root it creates /run/sshd if missing. Prints figures; asserts nothing."""
from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from e2e.harness import SSHServer, Tmux, missing_tools, remote_reader  # noqa: E402

TARGET = 4096
HEADLINE = "Ukraine severs ties"
QUIET = 0.4  # s with no new output before a keypress counts as fully answered


class Recorder:
    """A pane whose output goes to a file from before the program starts."""

    def __init__(self, tmux: Tmux, command: list[str], size: tuple[int, int], path: Path):
        self.path = path
        path.write_bytes(b"")
        # the pane waits for a line on its terminal, so recording starts first
        gate = f"stty -echo; read _; stty echo; exec {shlex.join(command)}"
        self.pane = tmux.new_pane(["sh", "-c", gate], *size)
        self.pane.record(path)
        self.pane.keys("Enter")

    def size(self) -> int:
        return self.path.stat().st_size

    def settle(self, timeout: float = 60) -> int:
        """Wait until nothing new has arrived for QUIET seconds; the byte count."""
        deadline = time.monotonic() + timeout
        last, since = self.size(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.size()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= QUIET:
                return now
        return self.size()

    def press(self, key: str) -> tuple[int, bool]:
        """Bytes written in answer to one key, and whether the screen changed."""
        before_screen = self.pane.screen(escapes=True)
        before = self.settle()
        self.pane.keys(key)
        after = self.settle()
        return after - before, self.pane.screen(escapes=True) != before_screen


def measure(tmux: Tmux, command: list[str], size, workdir: Path, name: str, ready,
            line_key: str, page_key: str, top_key: str, presses: int) -> dict[str, float]:
    recorder = Recorder(tmux, command, size, workdir / f"{name}.out")
    try:
        recorder.pane.wait_for(ready, f"{name} to show the article", timeout=120)
        startup = recorder.settle()
        lines = [recorder.press(line_key)[0] for _ in range(presses)]
        recorder.press(top_key)
        pages: list[int] = []
        for _ in range(presses * 4):
            if len(pages) == presses:
                break
            count, moved = recorder.press(page_key)
            if moved:
                pages.append(count)
            else:
                recorder.press(top_key)
        return {"startup": startup, "line": statistics.median(lines),
                "page": statistics.median(pages) if pages else float("nan"),
                "pages": len(pages)}
    finally:
        recorder.pane.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", type=int, default=10)
    parser.add_argument("--term", default="xterm-256color")
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    missing = missing_tools()
    if missing:
        sys.exit(f"needs {', '.join(missing)} (apt-get install tmux openssh-server)")
    size = tuple(int(part) for part in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="bench-ssh-") as temp:
        workdir = Path(temp)
        server = SSHServer(workdir / "sshd").start()
        tmux = Tmux(workdir / "tmux").start()
        try:
            results = run_all(server, tmux, workdir, size, args)
        finally:
            tmux.stop()
            server.stop()
    report(results, args, size)


def run_all(server: SSHServer, tmux: Tmux, workdir: Path, size, args) -> dict[str, dict]:
    env = {"TERM": args.term, "LANG": "C.UTF-8",
           "READER_CACHE_DIR": str(workdir / "cache"), "READER_STATE_DIR": str(workdir / "state"),
           "READER_CONFIG_DIR": str(workdir / "config")}
    reader = server.ssh_command(remote_reader(env))
    seed = str(ROOT / "examples" / "article.txt")
    settings = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    minimal = server.ssh_command(
        f"cd {shlex.quote(str(ROOT))} && exec env {settings} "
        f"{shlex.join([sys.executable, 'benchmarks/minimal_app.py', seed])}")
    less = server.ssh_command(f"exec env TERM={shlex.quote(args.term)} LANG=C.UTF-8 "
                              f"less -R {shlex.quote(seed)}")
    panel_done = lambda lines: any(" found" in line for line in lines)  # noqa: E731
    headline = lambda lines: any(HEADLINE in line for line in lines)  # noqa: E731
    results = {}
    # a first run fills the analysis cache, so the figures below are of a reopened article
    results["reader (cold cache)"] = measure(tmux, reader, size, workdir, "cold", panel_done,
                                             "j", "PageDown", "g", 1)
    results["reader"] = measure(tmux, reader, size, workdir, "reader", panel_done,
                                "j", "PageDown", "g", args.presses)
    results["minimal Textual app"] = measure(tmux, minimal, size, workdir, "minimal", headline,
                                             "Down", "PageDown", "Home", args.presses)
    results["less"] = measure(tmux, less, size, workdir, "less", headline,
                              "j", "PageDown", "g", args.presses)
    return results


def report(results: dict[str, dict], args, size) -> None:
    print(f"bytes over SSH (127.0.0.1, tmux pipe-pane), {size[0]}x{size[1]}, TERM={args.term}, "
          f"seed article; medians of {args.presses} presses")
    print(f"{'':22}{'startup':>10}{'per line':>10}{'per PgDn':>10}")
    for name, figures in results.items():
        if name.endswith("(cold cache)"):
            print(f"{name:22}{figures['startup']:>10,.0f}")
            continue
        print(f"{name:22}{figures['startup']:>10,.0f}{figures['line']:>10,.0f}"
              f"{figures['page']:>10,.0f}")
    mine = results["reader"]
    for label, key in (("per line", "line"), ("per PgDn", "page")):
        verdict = "within" if mine[key] <= TARGET else "OVER"
        print(f"reader {label}: {mine[key]:,.0f} B, target <= {TARGET:,} B: {verdict}")
    if mine["pages"] < args.presses:
        print(f"note: only {mine['pages']} PgDn presses moved the text")


if __name__ == "__main__":
    main()
