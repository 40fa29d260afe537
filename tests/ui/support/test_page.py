"""Page layout: paragraphs, gaps, prefixes, and position <-> line mapping."""
from __future__ import annotations

from reader.core.models import Article, Block
from reader.ui.support.glyphs import ASCII, UNICODE
from reader.ui.support.page import (META_KEY, NOTICE_KEY, STANDFIRST_KEY, TITLE_KEY, Layout,
                                    build_paras, meta_line)

from ..fixtures import seed_article


def layout(article, measure=40, cut=False, glyphs=UNICODE):
    return Layout(build_paras(article, cut, glyphs), measure, glyphs)


def test_header_then_body_with_gaps():
    page = layout(seed_article())
    kinds = [page.paras[page.para[y]].kind if page.start[y] >= 0 else "" for y in range(6)]
    assert kinds[0] == "title" and "meta" in kinds
    assert page.paras[0].key == TITLE_KEY and page.paras[1].key == META_KEY


def test_every_line_fits_the_measure():
    page = layout(seed_article(), measure=30)
    for y in range(page.height):
        if page.start[y] >= 0:
            assert page.end[y] - page.start[y] <= 30


def test_line_of_and_position_of_agree():
    page = layout(seed_article(), measure=35)
    for key in range(14):
        for offset in (0, 20, 60):
            y = page.line_of(key, offset)
            found_key, start = page.position_of(y)
            assert found_key == key and start <= offset


def test_unknown_keys_map_to_the_ends():
    page = layout(seed_article())
    assert page.line_of(-1000, 0) == 0
    assert page.line_of(99, 0) == page.height - 1


def test_quotes_lists_and_pre_have_their_own_shape():
    article = Article(source="x", title="T", blocks=[
        Block("quote", "A quoted passage that is long enough to wrap twice over."),
        Block("list_item", "first"), Block("list_item", "second"),
        Block("preformatted", "code  line\n    indented"), Block("heading", "Part two")])
    page = layout(article, measure=30)
    keys = [page.paras[page.para[y]].key if page.start[y] >= 0 else None
            for y in range(page.height)]
    first, second = keys.index(1), keys.index(2)
    assert second == first + 1  # list items sit together
    pre = [y for y in range(page.height) if keys[y] == 3]
    para = page.paras[page.para[pre[1]]]
    assert para.text[page.start[pre[1]]:page.end[pre[1]]] == "    indented"


def test_meta_line_parts_and_ascii():
    article = seed_article(byline=["A. Writer"], site="Example News")
    assert meta_line(article) == ("A. Writer \u00b7 Example News \u00b7 "
                                  "Wed 13 Jul 2022, 19:19 IST \u00b7 1 min read")
    paras = build_paras(article, glyphs=ASCII)
    assert " | " in paras[1].text


def test_cut_lines_are_listed_with_reasons():
    page = layout(seed_article(), cut=True)
    texts = [p.text for p in page.paras]
    assert "What the cleaner cut: 5 lines (c hides)" in texts
    assert "ADVERTISEMENT  [advertising]" in texts


def test_date_line_breaks_between_parts_and_wraps_a_long_part():
    article = seed_article(byline=["Agence France-Presse"], site="Deccan Herald")
    for measure, expected in (
            (50, ["Agence France-Presse \u00b7 Deccan Herald",
                  "Wed 13 Jul 2022, 19:19 IST \u00b7 1 min read"]),
            (16, ["Agence", "France-Presse", "Deccan Herald", "Wed 13 Jul 2022,", "19:19 IST",
                  "1 min read"])):
        page = layout(article, measure=measure)
        meta = page.paras[1]
        lines = [meta.text[page.start[y]:page.end[y]] for y in range(page.height)
                 if page.para[y] == 1 and page.start[y] >= 0]
        assert lines == expected


def test_standfirst_after_the_date_line_and_a_notice_for_no_body():
    paras = build_paras(seed_article(standfirst="A summary."))
    assert [p.key for p in paras[:3]] == [TITLE_KEY, META_KEY, STANDFIRST_KEY]
    assert paras[2].kind == "standfirst" and paras[2].text == "A summary."
    empty = build_paras(Article(source="empty.txt"))
    assert [p.key for p in empty] == [TITLE_KEY, NOTICE_KEY]  # no date line, no "1 min read"
    assert "empty" in empty[1].text
