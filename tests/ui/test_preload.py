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
