"""Pilot tests of the reading keys: each key is pressed and what it changed
is checked on the widgets (scroll position, width, theme, cut lines...)."""
from __future__ import annotations

import pytest

from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article import DEFAULT_MEASURE, ArticleView

from .conftest import settle
from .fixtures import TITLE, long_article, seed_article


def view_of(app) -> ArticleView:
    return app.screen.query_one(ArticleView)


def screen_text(app) -> str:
    """Every line the article pane would paint right now, as plain text."""
    view = view_of(app)
    height = view.scrollable_content_region.height
    return "\n".join(view.render_line(y).text for y in range(height))


async def test_article_paints_title_and_date_line(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert TITLE.split()[0] in text.splitlines()[0]
        assert "Wed 13 Jul 2022, 19:19 IST \u00b7 1 min read" in text


async def test_byline_and_site_join_the_date_line(make_app):
    app = make_app(article=seed_article(byline=["Agence France-Presse"], site="Deccan Herald"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert ("Agence France-Presse \u00b7 Deccan Herald \u00b7 Wed 13 Jul 2022, 19:19 IST"
                in screen_text(app))


@pytest.mark.parametrize("keys_down, keys_up", [("j", "k"), ("down", "up")])
async def test_line_keys_scroll_one_line(make_app, keys_down, keys_up):
    app = make_app(article=long_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(keys_down, keys_down)
        assert view_of(app).scroll_y == 2
        await pilot.press(keys_up)
        assert view_of(app).scroll_y == 1


@pytest.mark.parametrize("key", ["space", "f", "pagedown"])
async def test_page_down_keys(make_app, key):
    app = make_app(article=long_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        height = view_of(app).scrollable_content_region.height
        await pilot.press(key)
        assert view_of(app).scroll_y == height - 2


@pytest.mark.parametrize("key", ["b", "pageup"])
async def test_page_up_keys(make_app, key):
    app = make_app(article=long_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "space", key)
        height = view_of(app).scrollable_content_region.height
        assert view_of(app).scroll_y == height - 2


async def test_half_page_keys(make_app):
    app = make_app(article=long_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        half = view_of(app).scrollable_content_region.height // 2
        await pilot.press("d")
        assert view_of(app).scroll_y == half
        await pilot.press("d", "u")
        assert view_of(app).scroll_y == half


@pytest.mark.parametrize("bottom, top", [("G", "g"), ("end", "home")])
async def test_top_and_bottom(make_app, bottom, top):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(bottom)
        view = view_of(app)
        assert view.scroll_y == view.max_scroll_y > 0
        assert "join Russia" in screen_text(app)
        await pilot.press(top)
        assert view.scroll_y == 0


async def test_width_keys_change_and_centre_the_measure(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")  # hide the panel: the whole width for the text
        view = view_of(app)
        assert view.page.measure == DEFAULT_MEASURE
        await pilot.press("minus")
        assert view.measure == view.page.measure == DEFAULT_MEASURE - 4
        await pilot.press("plus", "plus")
        assert view.page.measure == DEFAULT_MEASURE + 4
        first = screen_text(app).splitlines()[0]
        left = len(first) - len(first.lstrip())
        assert left == (view.scrollable_content_region.width - view.page.measure) // 2
        assert max(len(line.strip()) for line in screen_text(app).splitlines()) <= 76


async def test_reflow_on_resize_keeps_the_reading_position(make_app):
    app = make_app(article=long_article())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        view.scroll_to_position(7, 0)
        await pilot.pause()
        assert view.top_position == (7, 0)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert view.page.measure <= 60
        assert view.top_position[0] == 7


async def test_t_cycles_the_themes(make_app):
    app = make_app(theme="paper")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        seen = [app.theme]
        for _ in app.reader_themes:
            await pilot.press("t")
            seen.append(app.theme)
        assert seen[:6] == ["paper", "night", "sepia", "high-contrast", "mono", "paper"]


async def test_capital_h_toggles_highlights_in_the_article_and_in_the_panel(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = view_of(app)
        styled = view.render_line(4)  # "Ukraine said Wednesday ..."
        await pilot.press("H")
        assert view.highlights is False
        plain = view.render_line(4)
        assert len(list(styled)) > len(list(plain))
        await pilot.press("tab", "H")  # the same key, the same meaning, in the panel
        assert view.highlights is True


async def test_small_h_never_toggles_highlights(make_app):
    """h/l are left/right (fold/unfold in the panel); in the article they do nothing."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("h", "l")
        assert view_of(app).highlights is True
        assert app.screen.status.text_of("flash") == ""


async def test_c_shows_what_was_cut_with_reasons(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        text = screen_text(app)
        assert "What the cleaner cut: 5 lines" in text
        assert "ADVERTISEMENT  [advertising]" in text
        await pilot.press("c")
        assert "ADVERTISEMENT" not in screen_text(app)


async def test_q_quits_with_status_zero(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_help_lists_every_key_from_the_bindings(make_app):
    from reader.ui import keys

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"
        shown = "\n".join(str(w.render()) for w in app.screen.query(".help-group"))
        every = keys.ARTICLE_KEYS + keys.SCREEN_KEYS + keys.PANEL_KEYS + keys.LINKS_KEYS
        for key in every:  # keys with one action share a line (Tab and Shift+Tab)
            first = next(other for other in every if other.action == key.action)
            assert first.description in shown
            assert " ".join(key.display.split()) in shown
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)


async def test_key_feedback_is_one_word_in_the_status_line_not_a_pile_of_toasts(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("minus", "minus", "minus")
        assert app.screen.status.text_of("flash") == f"Width {DEFAULT_MEASURE - 12} columns"
        await pilot.press("t")
        assert app.screen.status.text_of("flash") == f"Theme: {app.theme}"
        await pilot.press("H")
        assert app.screen.status.text_of("flash") == "Highlights off"
        assert not list(app._notifications)


async def test_the_date_line_breaks_between_its_parts(make_app):
    article = seed_article(byline=["Agence France-Presse"], site="Deccan Herald")
    app = make_app(article=article)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert "Wed 13 Jul 2022, 19:19 IST \u00b7 1 min read" in lines
        assert "Agence France-Presse \u00b7 Deccan Herald" in lines


async def test_width_says_when_it_can_go_no_further(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press(*["minus"] * 12)
        assert view_of(app).measure == 30
        assert app.screen.status.text_of("flash") == "Width 30 columns (the narrowest)"
