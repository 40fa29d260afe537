"""Fixtures for UI tests: the app built on the fixed article and analysis,
with state kept in a temporary directory and no user themes."""
from __future__ import annotations

import asyncio

import pytest

from reader.core.state import StateStore
from reader.ui.run import build_app

from .fixtures import seed_analysis, seed_article

COLOUR_TERMINAL = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"}


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def make_app(tmp_path):
    """make_app(article=..., analysis=..., theme=..., environ=...) -> ReaderApp."""

    def make(article=None, analysis=None, theme="night", environ=None, ascii_only=False,
             store=None, analyse=None):
        article = article or seed_article()
        fixed = analysis or seed_analysis()
        return build_app(lambda: article, theme, ascii_only, environ or COLOUR_TERMINAL,
                         analyse=analyse or (lambda _article: fixed),
                         store=store or StateStore(tmp_path / "state").load())

    return make


async def settle(app, pilot) -> None:
    """Wait until the article is shown and the analysis has been handled: on the
    screen's own event, which the AnalysisReady/AnalysisFailed handlers set."""
    await pilot.pause()
    screen = app.screen_stack[0]
    await asyncio.wait_for(screen.analysis_done.wait(), timeout=60)
    await pilot.pause()


async def burst(app, pilot, *keys: str) -> None:
    """Type `keys` in one burst, as a paste or `tmux send-keys` does: every key
    is queued before the app handles the first (Pilot.press waits between
    keys, so it cannot show keys racing ahead of a focus change)."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        character = key if len(key) == 1 else {"space": " ", "slash": "/"}.get(key)
        app.post_message(events.Key(name, character))
    await pilot.pause()
    await pilot.pause()
