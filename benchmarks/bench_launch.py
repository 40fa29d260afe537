"""Launch and responsiveness figures of the speed issue, measured in tmux
beside their anchor (benchmarks/minimal_app.py: a minimal Textual app
showing the same text in a scrolling widget), in one run.

Prints (medians; reader and anchor runs interleaved so machine noise hits
both alike):
  launch -> headline visible: reader vs the minimal Textual app, and the ratio;
     and launch -> reader's own first Textual frame (its status line drawn),
     since reader paints the article before Textual starts (ui/splash.py)
  launch -> panel complete for the seed: cold (empty cache) and reopened (cache)
  a 5 MB plain-text article: headline visible, key latency (j, PgDn, G) while
  the analysis runs, peak RSS of the UI process and of the analysis process
With --analysis both (the default) the 5 MB figures and the headline are
measured twice: analysis in its own process (what reader does) and in a
thread of the UI (READER_ANALYSIS=thread), to show what the GIL costs.

How: every program runs in a pane of a private tmux server whose output is
recorded from the first byte (`pipe-pane`, started before the program). A
figure is the time from starting the program (or sending the key) to the
first output byte of the frame that shows the awaited text (or answers the
key). Python bytecode is compiled first (`compileall`) and the per-machine
launch cache is filled by one printed run, as after installing and a first
run; "cold" means no analysis cached. Note the machine load (`uptime`): on a shared machine
absolute times inflate; ratios taken in the same run much less.

usage: python benchmarks/bench_launch.py [--runs 7] [--size 100x30]
           [--analysis both|process|thread] [--skip-big]
Needs tmux. Prints figures; asserts nothing."""
from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "article.txt"
HEADLINE = b"Ukraine severs ties"
PANEL_DONE = b" found"  # the panel header once the analysis has filled it ("35 items found")
APP_FRAME = b" quit"  # the status line's key hints: only the Textual app draws them
QUIET = 0.15  # s without output before a key is sent (the previous frame is complete)
KEYS = {"j": "j", "PgDn": "PageDown", "G": "G", "g": "g"}


class Tmux:
    """A private tmux server (its own socket), so nothing else is disturbed."""

    def __init__(self, folder: Path) -> None:
        self.socket = folder / "tmux.sock"
        self.folder = folder

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", str(self.socket), "-f", "/dev/null", *args],
                              capture_output=True, text=True).stdout

    def start(self) -> Tmux:
        """A server that outlives every measured session (an idle session keeps
        it: a server exiting with its last session races the next start)."""
        self.run("new-session", "-d", "-s", "keep", "sleep 86400")
        return self

    def stop(self) -> None:
        self.run("kill-server")


class Pane:
    """A program in its own tmux session, its output recorded from byte one."""

    count = 0

    def __init__(self, tmux: Tmux, command: str, size: str, env: dict[str, str]) -> None:
        Pane.count += 1
        self.tmux, self.name = tmux, f"p{Pane.count}"
        self.path = tmux.folder / f"{self.name}.out"
        self.path.write_bytes(b"")
        width, height = size.split("x")
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # The program waits on a FIFO: opening it for writing returns once the
        # shell is there, so the start is exact and no keystroke can be lost.
        self.gate = tmux.folder / f"{self.name}.go"
        os.mkfifo(self.gate)
        script = f"read _ < {shlex.quote(str(self.gate))}; exec env {exports} {command}"
        tmux.run("new-session", "-d", "-s", self.name, "-x", width, "-y", height, "sh", "-c", script)
        tmux.run("set-option", "-t", self.name, "remain-on-exit", "on")  # a crash stays readable
        tmux.run("pipe-pane", "-t", self.name, f"cat >> {shlex.quote(str(self.path))}")
        self.stream = self.path.open("rb")
        self.seen = b""

    def start(self, timeout: float = 30) -> float:
        """Let the program run; the moment it was let go."""
        deadline = time.perf_counter() + timeout
        while True:  # the FIFO opens once the pane's shell waits on it
            try:
                fd = os.open(self.gate, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError:
                if time.perf_counter() > deadline:
                    sys.exit(f"bench_launch: the pane {self.name} never started")
                time.sleep(0.001)
        t0 = time.perf_counter()
        os.write(fd, b"go\n")
        os.close(fd)
        return t0

    def _more(self) -> bytes:
        new = self.stream.read()
        if new:
            self.seen += new
        return new

    def wait_for(self, needle: bytes, t0: float, timeout: float = 120) -> float:
        """Seconds from t0 to the output that holds `needle` (nan on timeout)."""
        while time.perf_counter() - t0 < timeout:
            self._more()
            if needle in self.seen:
                return time.perf_counter() - t0
            time.sleep(0.002)
        screen = self.tmux.run("capture-pane", "-p", "-t", self.name)
        dead = self.tmux.run("display-message", "-p", "-t", self.name,
                             "#{pane_dead} #{pane_dead_status}").strip()
        print(f"bench_launch: no {needle!r} after {timeout:.0f} s (pane dead, status: {dead}); "
              f"the screen:\n{screen}\n(last output: {self.seen[-300:]!r})", file=sys.stderr)
        return float("nan")

    def settle(self, quiet: float = QUIET, timeout: float = 10) -> None:
        start = since = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self._more():
                since = time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                return
            time.sleep(0.002)

    def key_latency(self, key: str, timeout: float = 10) -> float:
        """Seconds from sending `key` to the first byte of the answer."""
        self.settle()
        t0 = time.perf_counter()
        self.tmux.run("send-keys", "-t", self.name, key)
        while time.perf_counter() - t0 < timeout:
            if self._more():
                return time.perf_counter() - t0
            time.sleep(0.001)
        return float("nan")

    def pids(self) -> list[int]:
        """The program's process and its descendants (the analysis process)."""
        top = self.tmux.run("display-message", "-p", "-t", self.name, "#{pane_pid}").strip()
        found, todo = [], [int(top)] if top.isdigit() else []
        while todo:
            pid = todo.pop()
            found.append(pid)
            children = Path(f"/proc/{pid}/task/{pid}/children")
            try:
                todo += [int(c) for c in children.read_text().split()]
            except OSError:
                pass
        return found

    def kill(self) -> None:
        self.stream.close()
        self.tmux.run("kill-session", "-t", self.name)


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def is_analysis_process(pid: int) -> bool:
    try:
        return b"analysis_worker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def make_big_text(path: Path, megabytes: int = 5) -> None:
    """The seed's paragraphs, over and over, under one headline: 5 MB."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    body = "\n\n".join(p for p in paragraphs if len(p) > 80)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADLINE.decode() + " (a very long read)\n\n")
        while out.tell() < megabytes * 1_000_000:
            out.write(body + "\n\n")


def warm_launch_cache(work: Path, env: dict[str, str]) -> Path:
    """A printed run and a warmed analysis process fill the per-machine launch
    cache (compiled regexes, stoplist index: reader/core/launch_cache.py), as
    the first UI run on a machine does."""
    folder = work / "launch-seed"
    for command in (["-m", "reader", "--format", "text", str(SEED)],
                    ["-m", "reader.core.analysis_worker", "--warm"]):  # (absent before perf work)
        subprocess.run([sys.executable, *command], capture_output=True,
                       env={**os.environ, **env, "READER_CACHE_DIR": str(folder)})
    return folder / "launch"


def fresh_cache(work: Path, name: str) -> str:
    """An empty analysis cache ("cold") beside a warm launch cache."""
    folder = work / name
    seed = work / "launch-seed" / "launch"
    if seed.is_dir():  # (a reader without a launch cache has nothing to copy)
        shutil.copytree(seed, folder / "launch", dirs_exist_ok=True)
    return str(folder)


def launches(tmux: Tmux, work: Path, args, env: dict[str, str], modes: list[str]) -> dict:
    """Headline (reader per mode, anchor), panel cold and reopened."""
    python = shlex.quote(sys.executable)
    minimal = f"{python} {shlex.quote(str(ROOT / 'benchmarks' / 'minimal_app.py'))} {SEED}"
    reader = f"{reader_command()} {SEED}"
    out: dict[str, list[float]] = {"anchor": []}
    for mode in modes:
        out.update({f"head {mode}": [], f"app {mode}": [], f"cold {mode}": [], f"warm {mode}": []})
    for run in range(args.runs):
        pane = Pane(tmux, minimal, args.size, env)
        out["anchor"].append(pane.wait_for(HEADLINE, pane.start()))
        pane.kill()
        for mode in modes:
            cache = {**env, "READER_ANALYSIS": mode,
                     "READER_CACHE_DIR": fresh_cache(work, f"c-{mode}{run}")}
            pane = Pane(tmux, reader, args.size, cache)
            t0 = pane.start()
            out[f"head {mode}"].append(pane.wait_for(HEADLINE, t0))
            out[f"app {mode}"].append(pane.wait_for(APP_FRAME, t0))
            out[f"cold {mode}"].append(pane.wait_for(PANEL_DONE, t0))
            pane.kill()
            pane = Pane(tmux, reader, args.size, cache)
            out[f"warm {mode}"].append(pane.wait_for(PANEL_DONE, pane.start()))
            pane.kill()
    return out


def big_text(tmux: Tmux, work: Path, args, env: dict[str, str], mode: str) -> dict:
    big = work / "big.txt"
    if not big.exists():
        make_big_text(big)
    heads, rss_ui, rss_nlp = [], [], []
    lat: dict[str, list[float]] = {k: [] for k in KEYS}
    for run in range(max(3, args.runs // 2)):
        cache = {**env, "READER_ANALYSIS": mode,
                 "READER_CACHE_DIR": fresh_cache(work, f"b-{mode}{run}")}
        pane = Pane(tmux, f"{reader_command()} {big}", args.size, cache)
        heads.append(pane.wait_for(HEADLINE, pane.start()))
        for label in ("j", "PgDn", "G", "g", "j", "PgDn") * 4:  # ~6 s: spaCy loads, parts parse
            lat[label].append(pane.key_latency(KEYS[label]))
        pids = pane.pids()
        rss_ui.append(max((peak_rss_mb(p) for p in pids if not is_analysis_process(p)
                           and "python" in _name(p)), default=float("nan")))
        rss_nlp.append(max((peak_rss_mb(p) for p in pids if is_analysis_process(p)),
                           default=0.0))
        pane.kill()
    return {"head": heads, "lat": lat, "rss_ui": rss_ui, "rss_nlp": rss_nlp}


def reader_command() -> str:
    """The installed console script (what users run), else `python -m reader`."""
    script = Path(sys.executable).parent / "reader"
    if script.exists():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m reader"


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="100x30")
    parser.add_argument("--analysis", choices=("both", "process", "thread"), default="both")
    parser.add_argument("--skip-big", action="store_true", help="skip the 5 MB figures")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("bench_launch: tmux is required")
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)
    compileall.compile_file(str(ROOT / "benchmarks" / "minimal_app.py"), quiet=1)
    modes = ["process", "thread"] if args.analysis == "both" else [args.analysis]
    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    tmux = Tmux(work).start()
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "READER_STATE_DIR": str(work / "state"),
           "READER_CONFIG_DIR": str(work / "config"), "PYTHONPATH": str(ROOT)}
    warm_launch_cache(work, env)
    print(f"load before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs; "
          f"{args.runs} runs, {args.size}")
    try:
        report_launches(launches(tmux, work, args, env, modes), modes)
        if not args.skip_big:
            for mode in modes:
                report_big(big_text(tmux, work, args, env, mode), mode)
    finally:
        tmux.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"load after: {os.getloadavg()[0]:.2f} (1 min)")


def med(values: list[float]) -> float:
    """Median of the runs that finished (a run that timed out is reported above)."""
    done = [v for v in values if v == v]
    return statistics.median(done) if done else float("nan")


def report_launches(out: dict, modes: list[str]) -> None:
    anchor = med(out["anchor"])
    for mode in modes:
        head, app = med(out[f"head {mode}"]), med(out[f"app {mode}"])
        print(f"[analysis: {mode}] launch->headline  reader {head * 1000:.0f} ms   minimal Textual "
              f"app {anchor * 1000:.0f} ms   ratio {head / anchor:.2f} (target <= 1.10)")
        print(f"[analysis: {mode}] launch->reader's own Textual frame {app * 1000:.0f} ms   "
              f"ratio {app / anchor:.2f} (the headline above is painted before it: ui/splash.py)")
        print(f"[analysis: {mode}] launch->panel     cold {med(out[f'cold {mode}']):.2f} s "
              f"(target <= 1.5)   reopened {med(out[f'warm {mode}']):.2f} s (target <= 0.5)")


def report_big(big: dict, mode: str) -> None:
    keys = "  ".join(f"{k} {med(big['lat'][k]) * 1000:.0f}" for k in ("j", "PgDn", "G"))
    every = sorted(x for v in big["lat"].values() for x in v if x == x)
    p90 = every[int(0.9 * (len(every) - 1))] * 1000 if every else float("nan")
    print(f"[analysis: {mode}] 5 MB text  headline {med(big['head']):.2f} s (target <= 1.5)")
    print(f"[analysis: {mode}] 5 MB text  keys while analysing, median ms: {keys} (target <= 30);"
          f" all {len(every)} presses: 90th percentile {p90:.0f} ms, worst {every[-1] * 1000:.0f} ms")
    ui, nlp = max(big["rss_ui"]), max(big["rss_nlp"])
    print(f"[analysis: {mode}] 5 MB text  peak RSS: UI {ui:.0f} MB, analysis process {nlp:.0f} MB, "
          f"sum {ui + nlp:.0f} MB (target <= 500)")


if __name__ == "__main__":
    main()
