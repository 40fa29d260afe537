"""Pilot tests of the page's header and of an empty document: the
standfirst in italics under the date line; a notice instead of a blank
page when there is no body, and a panel that says there is nothing to
analyse; panel rows too long for the panel wrap under their own start."""
from __future__ import annotations

from reader.core.models import Analysis, Article, Entity, Mention
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.panel import IndexList, Panel

from .conftest import settle
from .fixtures import REPEATED_STANDFIRST, STANDFIRST, seed_analysis, seed_article


def page_lines(app) -> list[str]:
    view = app.screen.query_one(ArticleView)
    return [view.render_line(y).text.strip()
            for y in range(view.scrollable_content_region.height)]


async def test_standfirst_is_shown_in_italics_under_the_date_line(make_app):
    app = make_app(article=seed_article(standfirst=STANDFIRST))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lines = page_lines(app)
        date = next(i for i, line in enumerate(lines) if "Wed 13 Jul 2022" in line)
        assert lines[date + 1] == ""
        assert lines[date + 2].startswith("Kyiv cuts diplomatic relations")
        view = app.screen.query_one(ArticleView)
        strip = view.render_line(date + 2)
        styles = [seg.style for seg in strip if seg.text.strip()]
        assert styles and all(style.italic for style in styles)
        body = [line for line in lines if line.startswith("Ukraine said Wednesday")]
        assert body, "the body follows the standfirst"


async def test_a_standfirst_repeated_as_the_lead_is_shown_once(make_app):
    app = make_app(article=seed_article(standfirst=REPEATED_STANDFIRST))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        text = " ".join(page_lines(app))
        assert text.count("North Korea's recognition of the so-called") == 1


async def test_no_standfirst_no_extra_line(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lines = page_lines(app)
        date = next(i for i, line in enumerate(lines) if "Wed 13 Jul 2022" in line)
        assert lines[date + 2].startswith("Ukraine said Wednesday")


async def test_an_empty_document_says_so_and_the_panel_has_nothing_to_analyse(make_app):
    called = []
    app = make_app(article=Article(source="empty.txt"),
                   analyse=lambda article: called.append(article) or Analysis())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        text = "\n".join(page_lines(app))
        assert "This document is empty" in text
        assert "min read" not in text
        status = str(app.screen.query_one("#panel-status").render())
        assert "Nothing to analyse" in status
        assert app.screen.query_one(IndexList).option_count == 0
        assert called == []
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_document_the_cleaner_emptied_points_to_the_cut_lines(make_app):
    article = Article(source="junk.txt", removed=["ADVERTISEMENT", "Share this"],
                      removed_why=["advertising", "share and follow links"])
    app = make_app(article=article)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = " ".join(page_lines(app))
        assert "No readable content" in text and "cut all 2 lines (c shows them)" in text
        await pilot.press("c")
        await pilot.pause()
        text = " ".join(page_lines(app))
        assert "ADVERTISEMENT" in text and "(listed above)" in text


async def test_long_panel_rows_wrap_under_their_own_start(make_app):
    name = "U.S. Securities and Exchange Commission"
    article = seed_article()
    article.blocks[0] = type(article.blocks[0])("paragraph", f"{name} said so. {name} again.")
    analysis = Analysis(entities=[Entity(name, "ORG", [name],
                                         [Mention(0, 0, len(name)), Mention(0, 49, 49 + len(name))])])
    app = make_app(article=article, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        index_list = app.screen.query_one(IndexList)
        width = index_list.scrollable_content_region.width
        prompt = next(str(option.prompt) for option in index_list.options if option.id == "ORG:0")
        first, *rest = prompt.split("\n")
        assert rest, "the row is too long for the panel at 80 columns"
        assert first[2:].startswith("U.S. Securities")
        assert all(line.startswith("  ") and not line.startswith("   ") for line in rest)
        assert all(len(line) <= width for line in [first, *rest])
        assert "\u00d72" in prompt
        assert not any(line.strip().startswith("\u00d7") for line in rest)  # never alone
        assert app.screen.query_one(Panel).has_class("-working") is False


async def test_every_panel_line_fits_so_none_is_rewrapped_without_its_indent(make_app):
    analysis = seed_analysis()
    korea = analysis.entities[3]
    korea.forms = [korea.name, "Democratic People's Republic of Korea", "DPRK"]
    for ascii_only in (False, True):  # an ASCII "..." is longer than its "\u2026"
        app = make_app(ascii_only=ascii_only, analysis=analysis)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("e")
            await pilot.pause()
            index_list = app.screen.query_one(IndexList)
            width = index_list.scrollable_content_region.width
            for option in index_list.options:
                for line in str(option.prompt).split("\n"):
                    assert len(line) <= width, (ascii_only, line)
            korea = next(str(o.prompt) for o in index_list.options if "North Korea" in str(o.prompt))
            assert len(korea.split("\n")) == 2, korea  # "also ..." is cut to one line
