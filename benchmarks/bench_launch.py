"""Launch figures of the speed issue, measured in tmux beside their anchor.

Prints (medians over --runs, interleaved so machine noise hits both alike):
  launch -> headline visible: reader vs the minimal Textual app, and the ratio
  launch -> panel complete for the seed: cold (empty cache) and reopened (cache)
  a 5 MB plain-text article: headline visible, key latency (j, PgDn, G) while
  analysis runs, peak RSS of the reader process

usage: python benchmarks/bench_launch.py [--runs 7] [--size 100x30]
Needs tmux. Times are wall clock from the tmux command to the first
capture-pane that shows the text (polling every ~3 ms)."""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "article.txt"
HEADLINE = "Ukraine severs ties"
PANEL_DONE = " found"  # the panel header once the analysis has filled it ("36 items found")
BIN = Path(sys.executable).parent


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def start(name: str, command: str, size: str, env: dict[str, str]) -> float:
    width, height = size.split("x")
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    tmux("kill-session", "-t", name)
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", width, "-y", height,
         f"env {exports} {command}; sleep 60")
    return t0


def wait_for(name: str, needle: str, t0: float, timeout: float = 90.0) -> float:
    while time.perf_counter() - t0 < timeout:
        if needle in tmux("capture-pane", "-p", "-t", name):
            return time.perf_counter() - t0
        time.sleep(0.003)
    return float("nan")


def screen(name: str) -> str:
    return tmux("capture-pane", "-p", "-t", name)


def key_latency(name: str, key: str, timeout: float = 5.0) -> float:
    before = screen(name)
    t0 = time.perf_counter()
    tmux("send-keys", "-t", name, key)
    while time.perf_counter() - t0 < timeout:
        if screen(name) != before:
            return time.perf_counter() - t0
        time.sleep(0.002)
    return float("nan")


def pane_pid(name: str) -> int:
    shell = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
    out = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else shell


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def make_big_text(path: Path, megabytes: int = 5) -> None:
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    body = "\n\n".join(p for p in paragraphs if len(p) > 80)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADLINE + " (a very long read)\n\n")
        while out.tell() < megabytes * 1_000_000:
            out.write(body + "\n\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("bench_launch: tmux is required")
    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    env = {"TERM": "xterm-256color", "READER_STATE_DIR": str(work / "state")}
    reader = f"{BIN / 'reader'} {SEED}"
    minimal = f"{BIN / 'python'} {ROOT / 'benchmarks' / 'minimal_app.py'} {SEED}"

    heads, anchors, cold, warm = [], [], [], []
    for run in range(args.runs):
        t0 = start("bm", minimal, args.size, env)
        anchors.append(wait_for("bm", HEADLINE, t0))
        tmux("kill-session", "-t", "bm")
        cache = {"READER_CACHE_DIR": str(work / f"cache{run}")}
        t0 = start("br", reader, args.size, {**env, **cache})
        heads.append(wait_for("br", HEADLINE, t0))
        cold.append(wait_for("br", PANEL_DONE, t0))
        tmux("kill-session", "-t", "br")
        t0 = start("br", reader, args.size, {**env, **cache})
        warm.append(wait_for("br", PANEL_DONE, t0))
        tmux("kill-session", "-t", "br")

    med = statistics.median
    print(f"launch->headline  reader {med(heads)*1000:.0f} ms   minimal Textual app "
          f"{med(anchors)*1000:.0f} ms   ratio {med(heads)/med(anchors):.2f} (target <= 1.10)")
    print(f"launch->panel     cold {med(cold):.2f} s (target <= 1.5)   "
          f"reopened {med(warm):.2f} s (target <= 0.5)")

    big = work / "big.txt"
    make_big_text(big)
    big_heads, lat = [], {"j": [], "PgDn": [], "G": []}
    rss = []
    for run in range(max(3, args.runs // 2)):
        cache = {"READER_CACHE_DIR": str(work / f"bigcache{run}")}
        t0 = start("bb", f"{BIN / 'reader'} {big}", args.size, {**env, **cache})
        big_heads.append(wait_for("bb", HEADLINE, t0))
        for key in ("j", "PgDn", "G", "j", "PgDn"):
            lat[key].append(key_latency("bb", key))
        rss.append(peak_rss_mb(pane_pid("bb")))
        tmux("kill-session", "-t", "bb")
    keys = "  ".join(f"{k} {med(v)*1000:.0f} ms" for k, v in lat.items())
    print(f"5 MB text         headline {med(big_heads):.2f} s (target <= 1.5)   "
          f"keys while analysing: {keys} (target <= 30 ms)   peak RSS {max(rss):.0f} MB (target <= 500)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
