"""The help fits an 80x24 terminal whole (two columns), and turns into one
scrolled column when narrower; the status line's key hints are dropped whole,
never cut mid-word, when the right-hand side needs the room."""
from __future__ import annotations

from textual.containers import VerticalScroll

from .conftest import settle


async def test_help_fits_80x24_without_scrolling(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert not app.screen.has_class("-one-column")
        assert body.max_scroll_y == 0
        assert body.outer_size.height <= 24
        assert body.border_subtitle == "Esc closes"


async def test_narrow_help_is_one_column_that_scrolls(make_app):
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert app.screen.has_class("-one-column")
        assert body.max_scroll_y > 0
        assert body.border_subtitle == "j/k scroll, Esc closes"
        await pilot.press("j")
        assert body.scroll_y == 1


def hints_text(app) -> str:
    return str(app.screen.query_one("#hints").render())


async def test_hints_are_dropped_whole_when_a_long_note_needs_the_room(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert hints_text(app).split() == ["/", "search", "e", "panel", "o", "links", "?", "help",
                                           "q", "quit"]
        await pilot.press("c")  # "Showing the 5 cut lines at the top"
        await pilot.pause()
        hints = app.screen.query_one("#hints")
        shown = str(hints.render())
        assert len(shown.rstrip()) <= hints.content_region.width  # what is drawn is whole
        words = hints_text(app).split()
        assert len(words) < 10 and len(words) % 2 == 0
        assert words == ["/", "search", "e", "panel", "o", "links", "?", "help", "q",
                         "quit"][:len(words)]
        app.screen.status._set("flash", "")
        await pilot.pause()
        assert len(hints_text(app).split()) == 10


async def test_in_16_colours_t_offers_only_the_themes_made_for_them(make_app):
    app = make_app(theme=None, environ={"TERM": "xterm", "LANG": "C.UTF-8"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "mono"
        seen = []
        for _ in range(3):
            await pilot.press("t")
            seen.append(app.theme)
        assert seen == ["high-contrast", "mono", "high-contrast"]
        assert app.screen.status.text_of("flash").endswith("(16-colour themes)")


async def test_keys_typed_after_question_mark_go_to_the_help(make_app):
    from .conftest import burst

    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, "question_mark", "j", "j")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert app.screen.__class__.__name__ == "HelpScreen"
        assert app.screen_stack[0].view.scroll_y == 0  # the article did not move
        assert body.scroll_y == 2
