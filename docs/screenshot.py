"""Regenerate docs/screenshot.svg (the README's picture) from the real
pipeline on the bundled example: `python docs/screenshot.py`.

The app is driven with Pilot at 120x40: Tab into the panel, Enter on the
first person, so the picture shows highlights, the panel and the counter."""
from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    os.environ["READER_STATE_DIR"] = tempfile.mkdtemp()   # no remembered position
    os.environ["READER_CONFIG_DIR"] = tempfile.mkdtemp()  # no user themes
    sys.path.insert(0, str(ROOT))
    from reader.core.pipeline import analyse_article, read_article
    from reader.ui.run import build_app

    article = read_article(str(ROOT / "examples" / "article.txt"))
    analysis = analyse_article(article)
    environ = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"}
    app = build_app(lambda: article, "night", False, environ, analyse=lambda _a: analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.analysis_done.wait()
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        app.save_screenshot(filename="screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
