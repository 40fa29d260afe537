"""The screen painted before Textual starts (splash.py) shows each line
exactly where the article pane's first frame puts it, so nothing moves when
Textual draws over it; and it is only painted where it can be undone."""
from __future__ import annotations

import io
import re

import pytest

from reader.ui import splash
from reader.ui.screens import main
from reader.ui.widgets import article as article_widget
from reader.ui.widgets.article import ArticleView

from .conftest import settle
from .fixtures import seed_article

CURSOR = re.compile(r"\x1b\[(\d+);(\d+)H")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def painted_rows(frame: str, columns: int, rows: int) -> list[str]:
    """The text a terminal would show after `frame` (cursor moves and SGR only)."""
    grid = [[" "] * columns for _ in range(rows)]
    body = frame[len(splash.ENTER):]
    pieces = CURSOR.split(body)
    for i in range(1, len(pieces), 3):
        row, col, text = int(pieces[i]) - 1, int(pieces[i + 1]) - 1, SGR.sub("", pieces[i + 2])
        for offset, char in enumerate(text):
            grid[row][col + offset] = char
    return ["".join(line).rstrip() for line in grid]


@pytest.mark.parametrize("block", [4, 13])
async def test_splash_at_a_remembered_place_matches_the_pane(make_app, block):
    article = seed_article()
    app = make_app(article=article)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        view.scroll_to_position(block, 0)
        await pilot.pause()
        width = view.size.width
        shown = [view.render_line(y).text[:width].rstrip() for y in range(30 - splash.FOOTER)]
    painted = painted_rows(splash.frame(article, 100, 30, anchor=(block, 0)), 100, 30)
    assert [line[:width].rstrip() for line in painted[:30 - splash.FOOTER]] == shown


def test_mirrored_constants_agree_with_the_widgets():
    assert (splash.DEFAULT_MEASURE, splash.MIN_MEASURE, splash.MAX_MEASURE, splash.MARGIN) == (
        article_widget.DEFAULT_MEASURE, article_widget.MIN_MEASURE, article_widget.MAX_MEASURE,
        article_widget.MARGIN)
    assert splash.NARROW == main.NARROW


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (140, 40)])
async def test_splash_lines_are_where_the_first_frame_puts_them(make_app, size):
    columns, rows = size
    article = seed_article()
    app = make_app(article=article)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        width = view.size.width
        shown = [view.render_line(y).text.rstrip() for y in range(rows - splash.FOOTER)]
    expected = [line[:width].rstrip() for line in shown]
    painted = painted_rows(splash.frame(article, columns, rows), columns, rows)
    assert [line[:width].rstrip() for line in painted[:rows - splash.FOOTER]] == expected


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_painted_only_on_a_terminal_and_when_wanted(monkeypatch):
    monkeypatch.setattr(splash.os, "get_terminal_size", lambda fd: (100, 30))
    monkeypatch.setattr(_Terminal, "fileno", lambda self: 2, raising=False)
    article = seed_article()
    assert not splash.paint(article, _Terminal(tty=False), {})
    assert not splash.paint(article, _Terminal(tty=True), {}, ascii_only=True)
    assert not splash.paint(article, _Terminal(tty=True), {"READER_SPLASH": "0"})
    assert not splash.paint(seed_article(blocks=[]), _Terminal(tty=True), {})
    screen = _Terminal(tty=True)
    assert splash.paint(article, screen, {})
    assert screen.getvalue().startswith(splash.ENTER) and "Ukraine severs ties" in screen.getvalue()


def test_control_characters_never_reach_the_terminal():
    article = seed_article()
    article.title = "Evil \x1b]52;c;aGk=\x07 title \x9b2J"
    frame = splash.frame(article, 100, 30)
    body = SGR.sub("", CURSOR.sub("", frame[len(splash.ENTER):]))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", body)
