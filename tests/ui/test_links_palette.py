"""The links list (`o`), copying with OSC 52, the browser offer, and the
command palette (Ctrl+P) listing actions and every entity."""
from __future__ import annotations

from reader.ui.screens.links import LinksScreen, local_browser_available
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article import ArticleView

from .conftest import settle
from .fixtures import seed_article


async def test_o_lists_links_and_enter_copies_the_url(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        assert isinstance(app.screen, LinksScreen)
        await pilot.press("j", "enter")
        assert app.clipboard == "https://example.org/north-korea"
        await pilot.press("w")  # no local browser in tests: it says so, opens nothing
        assert any("No local browser" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_links_that_are_not_http_are_left_out(make_app):
    from reader.core.models import Link

    article = seed_article(links=[Link("bad", "javascript:alert(1)"),
                                  Link("ok", "https://example.org/")])
    app = make_app(article=article)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        assert [link.url for link in app.screen.links] == ["https://example.org/"]


async def test_long_links_wrap_under_their_own_start(make_app):
    from reader.core.models import Link
    from textual.widgets import OptionList

    url = "https://example.org/" + "a-long-path-" * 12
    text = "words of a link's text long enough to need a second line in the list " * 2
    app = make_app(article=seed_article(links=[Link(text, url)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        lines = str(listing.get_option_at_index(0).prompt).split("\n")
        assert len(lines) >= 4
        assert lines[0].startswith("  1. ")
        assert all(line.startswith("     ") and line[5] != " " for line in lines[1:])
        assert all(len(line) <= listing.scrollable_content_region.width for line in lines)
        assert "".join(line.strip() for line in lines if "example" in line or "path" in line) \
            .endswith(url[-20:])


async def test_no_links_says_so(make_app):
    app = make_app(article=seed_article(links=[]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        assert "No links" in str(app.screen.query_one("#links-title").render())
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)


def test_browser_is_offered_only_locally():
    assert not local_browser_available({"SSH_CONNECTION": "1 2 3 4", "DISPLAY": ":0"})
    assert not local_browser_available({}) or not __import__("sys").platform.startswith("linux")


async def test_palette_lists_actions_and_every_entity(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Search the text" in titles and "Next theme" in titles
        assert "Go to Dmytro Kuleba" in titles and "Go to Telegram" in titles
        assert any(t.startswith("Go to Thu 24 Feb 2022") for t in titles)


async def test_palette_entity_jumps_to_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Sin Hong")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.status.text_of("counter") == "Sin Hong-chol 1/1"
        assert screen.query_one(ArticleView).is_visible(screen.walk.current)


async def test_no_links_box_has_no_empty_list(make_app):
    app = make_app(article=seed_article(links=[]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert not app.screen.query_one("#links-list").display
        assert app.screen.query_one("#links-box").outer_size.height == 3  # border, one line, border


async def test_palette_names_quotes_by_speaker_and_first_words(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        kuleba = [t for t in titles if t.startswith("Go to Dmytro Kuleba: \u201c")]
        assert len(kuleba) == 2 and kuleba[0] != kuleba[1]
        assert "Go to Wed 13 Jul 2022 (Wednesday)" in titles
