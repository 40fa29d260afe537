"""Pilot tests of `/` search: incremental matches, Enter keeps them, n/N
walk with a counter, Esc cancels or clears; smart case."""
from __future__ import annotations

from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.search import SearchBar

from .conftest import burst, settle
from .fixtures import PARAGRAPHS


async def search(pilot, text: str, submit: bool = True) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    if submit:
        await pilot.press("enter")


async def test_search_moscow_reports_three_and_n_walks_them(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await search(pilot, "Moscow", submit=False)
        assert app.screen.status.text_of("counter") == "3 matches"
        await pilot.press("enter")
        assert view.has_focus
        assert app.screen.status.text_of("counter") == "/Moscow 1/3"
        seen = []
        for expected in ("2/3", "3/3", "1/3"):
            current = app.screen.walk.current
            assert PARAGRAPHS[current.block][current.start:current.end] == "Moscow"
            assert view.is_visible(current)
            seen.append(current.block)
            await pilot.press("n")
            assert app.screen.status.text_of("counter") == f"/Moscow {expected}"
        assert seen == [5, 7, 12]
        await pilot.press("N")
        assert app.screen.status.text_of("counter") == "/Moscow 3/3"


async def test_search_starts_from_the_reading_position(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("G")
        view = app.screen.query_one(ArticleView)
        top = view.top_position
        await search(pilot, "Moscow")
        current = app.screen.walk.current
        assert (current.block, current.start) >= top  # the first match below the top line
        assert app.screen.status.text_of("counter") == "/Moscow 2/3"
        assert view.scroll_y == view.max_scroll_y      # already on screen: no jump


async def test_escape_in_the_search_line_cancels(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await search(pilot, "Moscow", submit=False)
        assert view._layers["match"]
        await pilot.press("escape")
        assert not app.screen.query_one("#search-line").display
        assert view.has_focus
        assert not view._layers["match"]
        assert app.screen.status.text_of("counter") == ""


async def test_escape_clears_a_kept_search(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await search(pilot, "Moscow")
        assert view._layers["match"] and view._layers["current"]
        await pilot.press("escape")
        assert not view._layers["match"] and not view._layers["current"]
        assert app.screen.status.text_of("counter") == ""


async def test_search_is_smart_case(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "north korea", submit=False)
        assert app.screen.status.text_of("counter") == "8 matches"  # title + 7 in the body
        await pilot.press("escape")
        await search(pilot, "North korea", submit=False)
        assert app.screen.status.text_of("counter") == "0 matches"


async def test_search_not_found_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "zebra")
        assert app.screen.search_walk is None
        assert any("Not found: zebra" in str(n.message) for n in app._notifications)


async def test_search_bar_is_an_input_not_markup(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "[bold]x", submit=False)
        assert app.screen.query_one(SearchBar).value == "[bold]x"
        assert app.screen.status.text_of("counter") == "0 matches"


async def test_n_without_a_search_or_item_explains(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert any("Nothing to step through" in str(n.message) for n in app._notifications)


async def test_n_past_the_last_match_says_it_starts_again(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(pilot, "Moscow")
        await pilot.press("n", "n")
        assert app.screen.status.text_of("flash") == ""
        await pilot.press("n")
        assert app.screen.status.text_of("counter") == "/Moscow 1/3"
        assert app.screen.status.text_of("flash") == "from the top again"
        await pilot.press("N")
        assert app.screen.status.text_of("flash") == "from the end again"


async def test_a_query_typed_in_one_burst_with_the_slash_all_reaches_the_search_line(make_app):
    """'/Moscow' pasted or sent by tmux in one go: the keys after '/' were
    already queued for the article; none of them may act on it (o = links,
    c = cut lines, s ...)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await burst(app, pilot, "/", *"Moscow", "enter", "n")
        assert app.screen.__class__.__name__ == "MainScreen"  # 'o' opened no links list
        assert not view.show_cut                                # 'c' showed no cut lines
        assert app.screen.status.text_of("counter") == "/Moscow 2/3"  # n after Enter walked
        assert app.screen.focused is view
        assert not app.screen.query_one("#search-line").display


async def test_pilot_press_of_slash_and_query_in_one_call(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "M", "o", "s", "c", "o", "w")
        assert app.screen.query_one(SearchBar).value == "Moscow"
        assert app.screen.status.text_of("counter") == "3 matches"


async def test_a_slash_typed_in_the_search_line_is_part_of_the_query(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, "/", "a", "/", "b", "tab", "e")
        assert app.screen.query_one(SearchBar).value == "a/be"
        assert app.screen.focused is app.screen.query_one(SearchBar)


async def test_escape_in_a_burst_hands_the_keys_after_it_to_the_article(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, "/", *"Kul", "escape", "G")
        view = app.screen.query_one(ArticleView)
        assert app.screen.query_one(SearchBar).value == "Kul"
        assert view.scroll_y == view.max_scroll_y


async def test_pasting_a_query_into_the_article_searches_for_it(make_app):
    """A terminal with bracketed paste sends '/Moscow' as one Paste, not keys."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.post_message(events.Paste("/Moscow\n"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.status.text_of("counter") == "/Moscow 1/3"
        assert app.screen.focused is app.screen.query_one(ArticleView)
        app.post_message(events.Paste("Kuleba"))  # no line break: the line stays open
        await pilot.pause()
        await pilot.pause()
        bar = app.screen.query_one(SearchBar)
        assert app.screen.focused is bar and bar.value == "Kuleba"
        assert app.screen.status.text_of("counter") == "2 matches"
