"""Fixtures for the SSH end-to-end tests: one throwaway sshd and one private
tmux server for the whole run, an analysis cache shared by every session (so
only the first one waits for spaCy), and `open_reader(env, args, size)`,
which opens `ssh -t 127.0.0.1 'reader examples/article.txt'` in a tmux pane.

Nothing is installed here. Without sshd, ssh or tmux the tests skip, or fail
when READER_REQUIRE_E2E=1 (as .ci/run sets, after apt-installing them)."""
from __future__ import annotations

import os

import pytest

from .harness import SSHServer, Tmux, missing_tools, remote_reader


def _require_tools() -> None:
    missing = missing_tools()
    if not missing:
        return
    message = (f"end-to-end tools missing: {', '.join(missing)} "
               "(apt-get install tmux openssh-server)")
    if os.environ.get("READER_REQUIRE_E2E") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def sshd(tmp_path_factory):
    """sshd -D on 127.0.0.1 with its own host key, config and authorized key."""
    _require_tools()
    server = SSHServer(tmp_path_factory.mktemp("sshd")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def tmux(tmp_path_factory):
    """A tmux server of our own (socket in a temp dir), killed at the end."""
    _require_tools()
    server = Tmux(tmp_path_factory.mktemp("tmux")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def shared_dirs(tmp_path_factory):
    """Cache and config dirs for every session; the cache keeps the analysis."""
    base = tmp_path_factory.mktemp("reader-dirs")
    return {"READER_CACHE_DIR": str(base / "cache"), "READER_CONFIG_DIR": str(base / "config")}


@pytest.fixture
def open_reader(sshd, tmux, shared_dirs, tmp_path):
    """open_reader(env, args=(), size=(100, 30)) -> Pane running reader over SSH.
    Each test gets a fresh state dir, so no reading position carries over."""
    panes = []

    def open_(env, args=(), size=(100, 30)):
        settings = {**shared_dirs, "READER_STATE_DIR": str(tmp_path / "state"), **env}
        pane = tmux.new_pane(sshd.ssh_command(remote_reader(settings, args)), *size)
        panes.append(pane)
        return pane

    yield open_
    for pane in panes:
        pane.kill()
