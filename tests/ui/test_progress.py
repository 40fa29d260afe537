"""A long article is analysed part by part: each part's highlights show as
it arrives and the panel says how far along it is; the last part fills it."""
from __future__ import annotations

import asyncio
import threading

from reader.core.models import Analysis, Entity, Mention

from .conftest import settle
from .fixtures import seed_analysis


class PartByPart:
    """An analyser like pipeline's: reports a first part, then waits to finish."""

    reports_progress = True

    def __init__(self) -> None:
        self.reported = threading.Event()
        self.finish = threading.Event()

    def __call__(self, article, progress=None):
        first = Analysis([Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(2, 88, 92)])], [], [])
        progress(first, 1, 3)
        self.reported.set()
        self.finish.wait(60)
        return seed_analysis()


async def test_parts_show_as_they_arrive_then_the_panel_fills(make_app):
    analyser = PartByPart()
    app = make_app(analyse=analyser)
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.to_thread(analyser.reported.wait, 60)
        await pilot.pause()
        screen = app.screen_stack[0]
        assert screen.analysis_state == "running"
        assert screen.view._layers["highlight"] == {2: [(88, 92, "article--place")]}
        assert "1 of 3" in str(screen.panel.query_one("#panel-status").render())
        analyser.finish.set()
        await settle(app, pilot)
        assert screen.analysis_state == "ready" and screen.panel.index.items()
