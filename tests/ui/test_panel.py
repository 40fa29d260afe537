"""Pilot tests of the side panel: contents, cursor, Enter, n/N, folding,
in-view markers, the overlay below 100 columns, copying quotes, and the
panel's progress line while the analysis runs."""
from __future__ import annotations

import threading

from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.panel import IndexList, Panel

from .conftest import burst, settle
from .fixtures import PARAGRAPHS, long_article


def option_texts(app) -> list[str]:
    index_list = app.screen.query_one(IndexList)
    return [str(index_list.get_option_at_index(i).prompt) for i in range(index_list.option_count)]


def cursor_text(app) -> str:
    option = app.screen.query_one(IndexList).highlighted_option
    return str(option.prompt) if option else ""


async def focus_item(pilot, app, title: str) -> None:
    """Tab into the panel and move the cursor down to `title`."""
    if not app.screen.query_one(IndexList).has_focus:
        await pilot.press("tab")
    await pilot.press("g")
    for _ in range(60):
        if title in cursor_text(app).split("\n")[0]:
            return
        await pilot.press("j")
    raise AssertionError(f"{title} not in the panel")


async def test_panel_lists_sections_with_counts(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        texts = option_texts(app)
        index_list = app.screen.query_one(IndexList)
        headings = [str(o.prompt) for o in index_list.options if o.id.startswith("section-")]
        assert [h.split()[1] for h in headings] == ["PEOPLE", "PLACES", "ORGANISATIONS", "DATES",
                                                    "QUOTES"]
        assert "\u25be PEOPLE  3" in texts
        assert any(t.lstrip("\u2022 ").startswith("Dmytro Kuleba") and "\u00d72" in t for t in texts)


async def test_timeline_is_in_calendar_order_with_values_beside_words(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        texts = option_texts(app)
        dates = texts[texts.index("\u25be DATES  6") + 1:texts.index("\u25be QUOTES  4")]
        words = [t.split("  ")[1] if "  " in t else t for t in dates]
        assert any("Thu 24 Feb 2022  February 24" in t for t in dates)
        feb = next(i for i, t in enumerate(dates) if "February 24" in t)
        wed = next(i for i, t in enumerate(dates) if "Wednesday" in t)
        assert feb < wed
        assert "2014" in dates[0] and words


async def test_quotes_show_speaker_then_quote(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        quote = next(t for t in option_texts(app) if "Russia no longer" in t)
        speaker, words = quote.split("\n", 1)
        assert speaker.lstrip("\u2022 ").startswith("Dmytro Kuleba")
        assert words.strip().startswith("\u201cRussia no longer has any allies")


async def test_enter_jumps_to_first_mention_and_n_walks_the_rest(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await focus_item(pilot, app, "Dmytro Kuleba")
        await pilot.press("enter")
        walk = app.screen.walk
        assert walk.current.block == 4
        assert PARAGRAPHS[4][walk.current.start:walk.current.end] == "Dmytro Kuleba"
        assert view.is_visible(walk.current)
        assert app.screen.status.text_of("counter") == "Dmytro Kuleba 1/2"
        assert "1/2" in cursor_text(app)
        await pilot.press("n")
        mention = app.screen.walk.current
        assert PARAGRAPHS[mention.block][mention.start:mention.end] == "Kuleba"
        assert view.is_visible(mention)
        assert app.screen.status.text_of("counter") == "Dmytro Kuleba 2/2"
        await pilot.press("N")
        assert app.screen.status.text_of("counter") == "Dmytro Kuleba 1/2"


async def test_n_walks_a_far_item_and_scrolls(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await focus_item(pilot, app, "Moscow")
        await pilot.press("enter")  # narrow: the overlay closes, the text has focus
        assert view.has_focus
        for _ in range(3):
            assert view.is_visible(app.screen.walk.current)
            await pilot.press("n")
        assert app.screen.status.text_of("counter") == "Moscow 1/3"


async def test_cursor_highlights_the_item_in_the_text(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await focus_item(pilot, app, "Sin Hong-chol")
        assert view._layers["selected"] == {7: [(PARAGRAPHS[7].index("Sin Hong-chol"),
                                                 PARAGRAPHS[7].index("Sin Hong-chol") + 13,
                                                 "article--selected")]}
        assert view.is_visible(app.screen.index.get(
            app.screen.query_one(IndexList).highlighted_option.id).mentions[0])


async def test_items_in_view_are_marked(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        panel = app.screen.query_one(Panel)
        assert any(i.startswith("DATE") for i in panel.in_view)  # "Wednesday" is on screen
        assert "PERSON:2" not in panel.in_view                   # Sin Hong-chol is below
        await pilot.press("G")
        assert "PERSON:2" in panel.in_view
        assert any("\u2022 Sin Hong-chol" in t for t in option_texts(app))


async def test_h_and_l_fold_and_unfold_sections(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await focus_item(pilot, app, "Olga Makeyeva")
        await pilot.press("h")
        texts = option_texts(app)
        assert "\u25b8 PEOPLE  3" in texts
        assert not any("Olga Makeyeva" in t for t in texts)
        assert cursor_text(app) == "\u25b8 PEOPLE  3"
        await pilot.press("l")
        assert any("Olga Makeyeva" in t for t in option_texts(app))
        await pilot.press("enter")  # Enter on a heading folds it too
        assert "\u25b8 PEOPLE  3" in option_texts(app)


async def test_tab_and_shift_tab_move_between_article_and_panel(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        assert view.has_focus
        await pilot.press("tab")
        assert app.screen.query_one(IndexList).has_focus
        await pilot.press("tab")
        assert view.has_focus
        await pilot.press("shift+tab")
        assert app.screen.query_one(IndexList).has_focus
        await pilot.press("shift+tab")
        assert view.has_focus


async def test_moving_into_the_panel_keeps_the_reading_place(make_app):
    app = make_app(article=long_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        panel = app.screen.query_one(Panel)
        for pages in (1, 2):  # then on to a page that mentions nothing in the panel
            await pilot.press(*["space"] * pages)
            before = view.scroll_y
            for key in ("tab", "tab", "e", "e"):  # the overlay opens, closes, opens, closes
                await pilot.press(key)
                await pilot.pause()
                assert view.scroll_y == before
                if key == "tab" and panel.in_view:  # the cursor starts on the page
                    assert panel.highlighted_item().id in panel.in_view
        assert not panel.in_view


async def test_e_toggles_the_docked_panel(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        panel = app.screen.query_one(Panel)
        view = app.screen.query_one(ArticleView)
        assert panel.display and view.size.width < 120 - 30
        await pilot.press("e")
        await pilot.pause()
        assert not panel.display and view.size.width == 120
        await pilot.press("e")
        await pilot.pause()
        assert panel.display


async def test_below_100_columns_the_panel_is_an_overlay(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        panel = app.screen.query_one(Panel)
        view = app.screen.query_one(ArticleView)
        assert not panel.display
        await pilot.press("e")
        await pilot.pause()
        assert panel.display
        assert view.size.width == 80            # the text is not squeezed
        assert panel.region.right == 80 and panel.region.x > 0
        assert app.screen.query_one(IndexList).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and view.has_focus


async def test_y_copies_the_selected_quote_with_its_speaker(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        assert app.clipboard == ""  # nothing chosen: a notice, no copy
        await focus_item(pilot, app, "Dmytro Kuleba")
        for _ in range(60):
            if "Russia no longer" in cursor_text(app):
                break
            await pilot.press("j")
        await pilot.press("y")
        assert app.clipboard.startswith("\u201cRussia no longer has any allies")
        assert app.clipboard.endswith("\u201d \u2014 Dmytro Kuleba")


async def test_panel_says_it_is_working_until_the_analysis_arrives(make_app):
    release = threading.Event()

    def slow_analysis(article):
        release.wait(timeout=30)
        from .fixtures import seed_analysis
        return seed_analysis()

    app = make_app(analyse=slow_analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if app.screen.analysis_state == "running":
                break
        panel = app.screen.query_one(Panel)
        assert panel.has_class("-working")
        assert "Analysing" in str(panel.query_one("#panel-status").render())
        assert app.screen.status.text_of("state") == "analysing\u2026"
        release.set()
        await settle(app, pilot)
        assert not panel.has_class("-working")
        assert app.screen.status.text_of("state") == ""


async def test_a_failed_analysis_leaves_the_article_readable(make_app):
    from reader.core.errors import ModelMissing

    def no_model(article):
        raise ModelMissing("the English model en_core_web_sm is not installed")

    app = make_app(analyse=no_model)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        panel = app.screen.query_one(Panel)
        assert panel.has_class("-failed")
        assert "not installed" in str(panel.query_one("#panel-status").render())
        await pilot.press("j")
        assert app.screen.query_one(ArticleView).scroll_y == 1


async def test_q_quits_at_once_while_the_analysis_is_still_running(make_app):
    release = threading.Event()
    app = make_app(analyse=lambda article: release.wait(timeout=60))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(20):
                await pilot.pause()
                if app.screen.analysis_state == "running":
                    break
            await pilot.press("q")
        assert app.return_code == 0
    finally:
        release.set()


async def test_tab_then_keys_in_one_burst_move_in_the_panel(make_app):
    """Tab j j Enter typed at once: the j's move the panel's cursor, not the text."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await burst(app, pilot, "tab", "g", "j", "enter")
        assert app.screen.walk is not None and app.screen.walk.label == "Dmytro Kuleba"
        assert view.scroll_y > 0 or view.is_visible(app.screen.walk.current)
