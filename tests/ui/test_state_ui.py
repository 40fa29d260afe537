"""The UI remembers the reading position, width and theme per article, and
reports a corrupt state file instead of failing."""
from __future__ import annotations

from reader.core.state import STATE_FILE, StateStore, article_key
from reader.ui.widgets.article import ArticleView

from .conftest import settle
from .fixtures import long_article


async def test_position_width_and_theme_come_back(make_app, private_dirs):
    store = StateStore(private_dirs / "state").load()
    article = long_article()
    app = make_app(article=article, store=store, theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "space", "minus", "t")
        view = app.screen.query_one(ArticleView)
        top, theme, measure = view.top_position, app.theme, view.measure
        await pilot.press("q")
    store.save()
    saved = StateStore(private_dirs / "state").load().get(article_key(article))
    assert (saved.block, saved.offset) == top
    assert saved.width == measure == 68 and saved.theme == theme

    again = make_app(article=long_article(), store=StateStore(private_dirs / "state").load(),
                     theme=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        view = again.screen.query_one(ArticleView)
        assert view.top_position == top
        assert view.measure == 68
        assert again.theme == theme


async def test_a_new_article_starts_with_the_last_width(make_app, private_dirs):
    store = StateStore(private_dirs / "state").load()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("plus")
        await pilot.press("q")
    store.save()
    other = long_article()
    other.title = "Another article"
    again = make_app(article=other, store=StateStore(private_dirs / "state").load())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.screen.query_one(ArticleView).measure == 76


async def test_a_corrupt_state_file_is_a_notice_not_a_failure(make_app, private_dirs):
    directory = private_dirs / "state"
    directory.mkdir(parents=True)
    (directory / STATE_FILE).write_text("\x00garbage", encoding="utf-8")
    app = make_app(store=StateStore(directory).load())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert any("unreadable" in str(n.message) for n in app._notifications)
        assert app.screen.query_one(ArticleView).page.height > 10
