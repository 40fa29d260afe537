"""The pieces the end-to-end tests (and benchmarks/bench_ssh_bytes.py) drive:
a throwaway sshd on 127.0.0.1 with its own keys and config in a temp dir, a
private tmux server, and a pane that runs `ssh ... reader` and is read with
capture-pane. Waiting is always polling with a deadline, never a fixed sleep."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SSHD = Path("/usr/sbin/sshd")
POLL = 0.05  # seconds between two looks at the pane
EXIT_MARK = "[program exited with status "

SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def missing_tools() -> list[str]:
    """What the end-to-end tests need and this machine lacks."""
    missing = [] if SSHD.is_file() and os.access(SSHD, os.X_OK) else [str(SSHD)]
    missing += [tool for tool in ("ssh", "ssh-keygen", "tmux") if shutil.which(tool) is None]
    return missing


def reader_command() -> list[str]:
    """The reader of the Python under test: its venv's console script, else -m."""
    script = Path(sys.executable).parent / "reader"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reader"]


def wait_until(check: Callable[[], object], timeout: float, what: str,
               details: Callable[[], str] = lambda: "") -> object:
    """Poll `check` until it returns something true; fail with `what` at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n"
                                 f"{details()}")
        time.sleep(POLL)


# -- sshd ---------------------------------------------------------------------

@dataclass
class SSHServer:
    """sshd -D on 127.0.0.1:port, run from `directory`; stopped by its PID."""

    directory: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def client_key(self) -> Path:
        return self.directory / "client_ed25519"

    @property
    def log(self) -> Path:
        return self.directory / "sshd.log"

    def start(self, attempts: int = 3) -> SSHServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._make_keys()
        if os.geteuid() == 0:
            # sshd run as root refuses to start without its privilege separation
            # directory; Debian's service creates it at boot, a container may lack it.
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        for _ in range(attempts):  # another process may take the free port first
            self.port = _free_port()
            config = self._write_config()
            self.process = subprocess.Popen(
                [str(SSHD), "-D", "-f", str(config), "-E", str(self.log)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if self._wait_ready():
                return self
            self.stop()
        raise RuntimeError(f"sshd did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def ssh_command(self, remote: str) -> list[str]:
        """ssh with a terminal (-t) into this server, running `remote`."""
        return ["ssh", "-F", "/dev/null", "-p", str(self.port), "-i", str(self.client_key),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "ControlMaster=no", "-t", "127.0.0.1", remote]

    def _make_keys(self) -> None:
        for name in ("host_ed25519", "client_ed25519"):
            if not (self.directory / name).exists():
                subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "reader-e2e",
                                "-f", str(self.directory / name)], check=True,
                               stdin=subprocess.DEVNULL)
        public = (self.directory / "client_ed25519.pub").read_text()
        (self.directory / "authorized_keys").write_text(public)

    def _write_config(self) -> Path:
        path = self.directory / "sshd_config"
        path.write_text("\n".join([
            f"Port {self.port}",
            "ListenAddress 127.0.0.1",
            f"HostKey {self.directory / 'host_ed25519'}",
            f"PidFile {self.directory / 'sshd.pid'}",
            f"AuthorizedKeysFile {self.directory / 'authorized_keys'}",
            "StrictModes no",
            "UsePAM no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "PrintMotd no",
            "PrintLastLog no",
            "UseDNS no",
            "X11Forwarding no",
            "AllowTcpForwarding no",
            "LogLevel ERROR",
            "",
        ]))
        return path

    def _wait_ready(self, timeout: float = 15) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
                    if sock.recv(64).startswith(b"SSH-"):
                        return True
            except OSError:
                pass
            time.sleep(POLL)
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- tmux ---------------------------------------------------------------------

@dataclass
class Tmux:
    """A private tmux server (its own socket and config), killed at the end."""

    directory: Path
    counter: int = 0

    @property
    def socket(self) -> Path:
        return self.directory / "tmux.sock"

    def start(self) -> Tmux:
        self.directory.mkdir(parents=True, exist_ok=True)
        # no status line: the pane is the whole window; the server outlives its
        # sessions (else a new session can race the last one's shutdown).
        (self.directory / "tmux.conf").write_text(
            "set -s exit-empty off\nset -g status off\nset -g history-limit 2000\n")
        return self

    def run(self, *args: str, check: bool = True) -> str:
        """One tmux command; the first one starts the server with our config."""
        config = str(self.directory / "tmux.conf")
        # os.environ, not the C environment: a library (readline) may have
        # exported COLUMNS/LINES there, and a pane's program would believe them.
        environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        result = subprocess.run(["tmux", "-S", str(self.socket), "-f", config, *args],
                                capture_output=True, env=environment,
                                text=True, errors="replace", check=False,
                                stdin=subprocess.DEVNULL)
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def new_pane(self, command: Sequence[str], width: int, height: int,
                 env: Mapping[str, str] | None = None) -> Pane:
        self.counter += 1
        name = f"reader{self.counter}"
        prefix = ["env", *(f"{key}={value}" for key, value in (env or {}).items())]
        # After the program ends the pane stays alive with a line giving its exit
        # status: a dead pane would hide the cursor and so hide what was restored.
        held = (f"{shlex.join(prefix + list(command))}; echo; echo \"{EXIT_MARK}$?\"; "
                "exec sleep 86400")
        self.run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
                 f"sh -c {shlex.quote(held)}")
        return Pane(self, f"={name}:0.0", name)

    def stop(self) -> None:
        self.run("kill-server", check=False)


@dataclass
class Pane:
    """One tmux pane: send keys, read the screen, wait for it to change."""

    tmux: Tmux
    target: str
    session: str
    recording: Path | None = field(default=None)

    # reading
    def screen(self, escapes: bool = False) -> list[str]:
        args = ["capture-pane", "-p", "-t", self.target] + (["-e"] if escapes else [])
        return self.tmux.run(*args).split("\n")[:-1]

    def text(self) -> str:
        return "\n".join(self.screen())

    def info(self, name: str) -> str:
        return self.tmux.run("display-message", "-p", "-t", self.target, f"#{{{name}}}").strip()

    def size(self) -> tuple[int, int]:
        return int(self.info("pane_width")), int(self.info("pane_height"))

    # writing
    def keys(self, *keys: str) -> None:
        self.tmux.run("send-keys", "-t", self.target, *keys)

    def press(self, *keys: str, timeout: float = 20) -> None:
        """Send keys one at a time, each once the screen shows the previous one
        was handled, so each step can be checked (a burst also works:
        test_typeahead.py)."""
        for key in keys:
            before = self.screen(escapes=True)
            self.keys(key)
            wait_until(lambda: self.screen(escapes=True) != before, timeout,
                       f"the screen to change after {key}", self.text)

    def type(self, text: str) -> None:
        self.tmux.run("send-keys", "-t", self.target, "-l", text)

    def resize(self, width: int, height: int) -> None:
        self.tmux.run("resize-window", "-t", f"={self.session}:0", "-x", str(width),
                      "-y", str(height))

    # waiting
    def wait_for(self, check: Callable[[list[str]], object], what: str,
                 timeout: float = 20) -> object:
        """Poll the screen until check(lines) is true; on timeout show the screen."""
        def look():
            lines = self.screen()
            result = check(lines)
            if not result and any(EXIT_MARK in line for line in lines):
                raise AssertionError(f"the program ended while waiting for {what}\n"
                                     + "\n".join(lines))
            return result
        return wait_until(look, timeout, what, self.text)

    def wait_text(self, text: str, timeout: float = 20) -> list[str]:
        self.wait_for(lambda lines: any(text in line for line in lines), repr(text), timeout)
        return self.screen()

    def exit_status(self) -> int | None:
        """The program's exit status once it has ended (None while it runs)."""
        found = re.search(re.escape(EXIT_MARK) + r"(\d+)", self.text())
        return int(found.group(1)) if found else None

    def wait_exit(self, timeout: float = 20) -> int:
        wait_until(lambda: self.exit_status() is not None, timeout, "the program to exit",
                   self.text)
        return self.exit_status()

    # recording what the program writes (the bytes that crossed the SSH link)
    def record(self, path: Path) -> None:
        self.tmux.run("pipe-pane", "-o", "-t", self.target, f"cat >> {shlex.quote(str(path))}")
        self.recording = path

    def stop_recording(self) -> None:
        self.tmux.run("pipe-pane", "-t", self.target)
        self.recording = None

    def kill(self) -> None:
        self.tmux.run("kill-session", "-t", f"={self.session}", check=False)


def remote_reader(env: Mapping[str, str], args: Sequence[str] = (),
                  article: str = "examples/article.txt") -> str:
    """The shell command run on the far side: sshd passes no environment of
    ours through (only TERM from the client), so the settings travel in it."""
    unset = ["-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "COLORTERM",
             "-u", "NO_COLOR", "-u", "TEXTUAL_COLOR_SYSTEM"]
    assignments = [f"{key}={value}" for key, value in env.items()]
    command = ["exec", "env", *unset, *assignments, *reader_command(), article, *args]
    return f"cd {shlex.quote(str(REPO))} && {shlex.join(command)}"


# -- reading what tmux shows --------------------------------------------------

def sgr_parameters(lines: Sequence[str]) -> list[list[str]]:
    """Every SGR sequence in a `capture-pane -e` screen, split into parameters."""
    return [re.split(r"[;:]", match.group(1)) for line in lines for match in SGR.finditer(line)]


def colour_kinds(lines: Sequence[str]) -> set[str]:
    """Which colour encodings the screen uses: 'truecolor' (38;2 / 48;2),
    '256' (38;5 / 48;5), '16' (30-37, 40-47, 90-97, 100-107). 39/49 (the
    default colours) are not colour."""
    kinds: set[str] = set()
    for params in sgr_parameters(lines):
        index = 0
        while index < len(params):
            value = params[index]
            if value in ("38", "48", "58") and index + 1 < len(params):
                kinds.add("truecolor" if params[index + 1] == "2" else "256")
                index += 5 if params[index + 1] == "2" else 3
                continue
            if value.isdigit() and (30 <= int(value) <= 37 or 40 <= int(value) <= 47
                                    or 90 <= int(value) <= 97 or 100 <= int(value) <= 107):
                kinds.add("16")
            index += 1
    return kinds


BORDER_GLYPHS = "\u2589\u258a\u258b\u258c\u258d\u258e\u258f\u2590\u2595\u2502\u2503|"  # ▉..▏ ▐ ▕ │ ┃


def split_screen(lines: Sequence[str], width: int) -> tuple[list[str], list[str], str]:
    """(the article's text lines, the panel's lines, the status line) of a plain
    capture: the panel is right of a border column, the article keeps its
    scrollbar in its last column, the status line is the bottom row."""
    body, status = list(lines[:-1]), (lines[-1] if lines else "")
    border = _border_column(body, width)
    edge = width if border is None else border
    article = [line[:edge - 1].rstrip() for line in body]
    panel = [] if border is None else [line[border + 1:].rstrip() for line in body]
    return article, panel, status


def _border_column(body: Sequence[str], width: int) -> int | None:
    if not body:
        return None
    for column in range(1, width):
        hits = sum(1 for line in body if len(line) > column and line[column] in BORDER_GLYPHS)
        if hits >= 0.8 * len(body):
            return column
    return None


def percent(status: str) -> int | None:
    """The reading position the status line shows ('... 42%')."""
    found = re.search(r"(\d+)%\s*$", status)
    return int(found.group(1)) if found else None


def joined(lines: Sequence[str]) -> str:
    """Lines joined with single spaces, to find wrapped text whatever the width."""
    return " ".join(" ".join(lines).split())
