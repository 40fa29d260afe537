"""Snapshot tests (pytest-textual-snapshot): the main screen at 80x24 and
120x40, the panel overlay, help, links, search with matches, a panel jump,
and every shipped theme. The article and analysis are the fixed fixtures, so
only a UI change can repaint these. Update with `pytest --snapshot-update`."""
from __future__ import annotations

import pytest

from reader.core.models import Article
from reader.ui.themes import BUILTIN_ORDER

from .conftest import settle
from .fixtures import STANDFIRST, seed_article


def prepare(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_main_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=prepare())


def test_main_120x40(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=prepare())


def test_panel_overlay_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=prepare("e"))


def test_help_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=prepare("question_mark"))


def test_links_100x30(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=prepare("o"))


def test_search_with_matches_80x24(snap_compare, make_app):
    keys = ["slash", *"Moscow", "enter", "n"]
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=prepare(*keys))


def test_panel_jump_100x30(snap_compare, make_app):
    keys = ["tab", "g", "j", "enter", "n"]  # People: Dmytro Kuleba, jump, then his next mention
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=prepare(*keys))


def test_cut_lines_100x30(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=prepare("c"))


@pytest.mark.parametrize("theme", BUILTIN_ORDER)
def test_each_theme_120x40(snap_compare, make_app, theme):
    keys = ["tab", "j", "j", "j", "j"]  # a selected item, so its highlight shows too
    assert snap_compare(make_app(theme=theme), terminal_size=(120, 40), run_before=prepare(*keys))


def test_ascii_80x24(snap_compare, make_app):
    assert snap_compare(make_app(ascii_only=True), terminal_size=(80, 24),
                        run_before=prepare("e"))


def test_standfirst_80x24(snap_compare, make_app):
    app = make_app(article=seed_article(standfirst=STANDFIRST))
    assert snap_compare(app, terminal_size=(80, 24), run_before=prepare())


def test_empty_document_100x30(snap_compare, make_app):
    app = make_app(article=Article(source="empty.txt"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=prepare())
