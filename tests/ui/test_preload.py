"""An article read before the app started (Session.preloaded) is in the very
first frame: no load thread, no 'loading' frame, and the analysis follows."""
from __future__ import annotations

from reader.ui.widgets.article import ArticleView

from .conftest import settle
from .fixtures import TITLE, seed_article


async def test_preloaded_article_is_shown_at_mount_without_loading(make_app):
    app = make_app()

    def no_load():
        raise AssertionError("a preloaded article must not be loaded again")

    app.session.load = no_load
    app.session.preloaded = seed_article()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen_stack[0]
        assert screen.article is app.session.preloaded  # set during mount, before any frame
        await settle(app, pilot)
        first = screen.query_one(ArticleView).render_line(0).text
        assert TITLE.split()[0] in first
        assert screen.analysis_state == "ready" and app.load_error is None


async def test_cached_analysis_of_a_preloaded_article_fills_the_panel_at_mount(make_app):
    from .fixtures import seed_analysis

    app = make_app()

    def no_analysis(_article):
        raise AssertionError("a cached analysis must not be computed again")

    app.session.analyse = no_analysis
    app.session.preloaded = seed_article()
    app.session.analysis = seed_analysis()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen_stack[0]
        assert screen.analysis_state == "ready"  # during mount: the first frame has the panel
        await settle(app, pilot)
        assert screen.panel.index.items() and screen.analysis_state == "ready"
