"""run.py and themes.py decisions: locale -> ASCII, colours -> theme, unknown
theme, load errors ending the app with their exit code, user themes, and
article text staying text (never markup)."""
from __future__ import annotations

import pytest

from reader.core.errors import RefusedContent, SourceError, UsageError
from reader.core.models import Block
from reader.ui.run import build_app
from reader.ui.themes import (BUILTIN_ORDER, colour_depth, initial_theme, load_themes,
                              theme_from_mapping)
from reader.ui.widgets.article import ArticleView

from .conftest import COLOUR_TERMINAL, settle
from .fixtures import seed_article


@pytest.mark.parametrize("environ, depth", [
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm-256color", "NO_COLOR": "1"}, "none"),
])
def test_colour_depth_reaches_the_theme_choice(environ, depth):
    assert colour_depth(environ) == depth


def test_initial_theme_rules():
    names = list(BUILTIN_ORDER)
    rich = {"TERM": "xterm-256color"}
    assert initial_theme(None, None, names, rich) == "night"
    assert initial_theme(None, "sepia", names, rich) == "sepia"
    assert initial_theme("paper", "sepia", names, rich) == "paper"
    assert initial_theme(None, "sepia", names, {"TERM": "xterm"}) == "mono"
    assert initial_theme(None, "sepia", names, {"TERM": "xterm-256color", "NO_COLOR": "1"}) == "mono"
    assert initial_theme("paper", None, names, {"NO_COLOR": "1"}) == "paper"


def test_shipped_themes_load_in_order():
    themes = load_themes()
    assert themes.names[:5] == list(BUILTIN_ORDER)
    assert not themes.notices


def test_user_themes_are_added_and_bad_ones_reported(tmp_path):
    (tmp_path / "ocean.toml").write_text('primary = "#0077be"\nbackground = "#001f2f"\n')
    (tmp_path / "broken.toml").write_text("primary = \n")
    (tmp_path / "nocolour.toml").write_text('primary = "not-a-colour"\n')
    themes = load_themes(tmp_path)
    assert "ocean" in themes.names
    assert len(themes.notices) == 2
    ocean = themes.themes[themes.names.index("ocean")]
    assert "reader-person" in ocean.variables and "reader-match-style" in ocean.variables


def test_theme_needs_a_primary():
    with pytest.raises(ValueError):
        theme_from_mapping({"background": "#000000"}, "x")


def test_unknown_theme_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown theme 'neon'"):
        build_app(lambda: seed_article(), "neon", False, COLOUR_TERMINAL)


@pytest.mark.parametrize("error", [SourceError("no such file: x.txt"),
                                   RefusedContent("x.bin looks binary")])
async def test_a_load_error_ends_the_app_with_its_exit_code(make_app, error):
    def fail():
        raise error

    app = build_app(fail, "night", False, COLOUR_TERMINAL)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):  # until the LoadFailed message has been handled
            await pilot.pause()
            if app.load_error is not None:
                break
    assert app.return_code == error.exit_code
    assert app.load_error is error


async def test_user_theme_from_the_config_dir_is_offered(make_app, private_dirs):
    themes = private_dirs / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "ocean.toml").write_text('primary = "#0077be"\nbackground = "#001f2f"\n'
                                       'foreground = "#dddddd"\n')
    app = make_app(theme="ocean")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "ocean" and "ocean" in app.reader_themes


async def test_article_text_is_never_markup(make_app):
    hostile = "[bold red]not bold[/] \x1b[31m escape and [link=http://x]link[/link]"
    article = seed_article(title="[b]Title[/b]", blocks=[Block("paragraph", hostile)])
    app = make_app(article=article, analysis=None, analyse=lambda a: __import__(
        "reader.core.models", fromlist=["Analysis"]).Analysis())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        lines = [view.render_line(y) for y in range(8)]
        text = "\n".join(line.text for line in lines)
        assert "[b]Title[/b]" in text
        assert "[bold red]not bold[/]" in text
        assert "\x1b" not in text
        assert not any(seg.style and seg.style.link for line in lines for seg in line)


async def test_ascii_mode_uses_ascii_glyphs(make_app):
    article = seed_article(blocks=[Block("list_item", "one"), Block("quote", "said")])
    app = make_app(article=article, ascii_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        text = "\n".join(view.render_line(y).text for y in range(8))
        assert "* one" in text and "| said" in text and " | " in text
        assert all(ord(ch) < 128 for ch in text)
