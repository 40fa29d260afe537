"""Panel items from an Analysis: sections, counts, timeline, quotes, in-view."""
from __future__ import annotations

from reader.core.models import Analysis, DateRef, Entity, Mention, Quote
from reader.ui.support.glyphs import ASCII
from reader.ui.support.items import build_index, items_in_range, palette_title

from ..fixtures import seed_analysis


def test_sections_and_order():
    index = build_index(seed_analysis())
    people = [item.title for item in index.sections["PERSON"]]
    assert people[0] == "Dmytro Kuleba"  # most mentions first
    assert index.sections["PERSON"][0].detail == ""  # 'Kuleba' is part of the name
    assert index.sections["PERSON"][0].count == 2
    # equal counts: in order of first appearance
    assert [i.title for i in index.sections["ORG"]] == ["Ukrainian foreign ministry", "Telegram"]


def test_other_forms_shown_only_when_they_say_something_new():
    analysis = Analysis(entities=[
        Entity("North Korea", "PLACE", ["North Korea", "NORTH KOREA", "Korea",
                                        "Democratic People's Republic of Korea"],
               [Mention(0, 0, 11)]),
    ])
    item = build_index(analysis).sections["PLACE"][0]
    assert item.detail == "Democratic People's Republic of Korea"


def test_dates_group_same_words_and_sort_by_value():
    index = build_index(seed_analysis())
    dates = index.sections["DATE"]
    assert [d.detail for d in dates] == ["2014", "2022", "February 24", "last month",
                                         "Tuesday", "Wednesday"]
    wednesday = dates[-1]
    assert wednesday.title == "Wed 13 Jul 2022" and wednesday.count == 2


def test_quotes_carry_speaker_and_copy_text():
    index = build_index(seed_analysis())
    quote = next(q for q in index.sections["QUOTE"] if q.detail.startswith("Russia no"))
    assert quote.title == "Dmytro Kuleba"
    assert quote.copy_text().startswith("\u201cRussia no longer")
    assert quote.copy_text().endswith("\u201d \u2014 Dmytro Kuleba")


def test_unknown_speaker_and_unknown_types():
    analysis = Analysis(
        entities=[Entity("Thing", "MISC", ["Thing"], [Mention(0, 0, 5)]),
                  Entity("Ghost", "PERSON", ["Ghost"], [])],
        quotes=[Quote("hello", None, "direct", 0, 0, 5)],
        dates=[DateRef("soon", None, "date", 0, 0, 4)])
    index = build_index(analysis)
    assert index.sections["PERSON"] == []      # no mentions: nothing to jump to
    assert "MISC" not in index.sections
    assert index.sections["QUOTE"][0].title == "Unknown speaker"
    assert index.sections["DATE"][0].title == "?"


def test_items_in_range():
    index = build_index(seed_analysis())
    ids = items_in_range(index, (7, 0), (8, 0))
    titles = {index.get(i).title for i in ids}
    assert {"Olga Makeyeva", "Sin Hong-chol", "Moscow", "Telegram"} <= titles
    assert "Dmytro Kuleba" not in titles


def test_a_long_quote_begun_above_counts_as_in_view():
    index = build_index(Analysis(quotes=[Quote("x" * 100, "A", "direct", 3, 0, 100)]))
    assert items_in_range(index, (3, 50), (4, 0)) == {"QUOTE:0"}


def test_palette_titles_tell_quotes_and_dates_apart():
    index = build_index(seed_analysis())
    quote = index.sections["QUOTE"][2]
    assert palette_title(quote) == ("Dmytro Kuleba: \u201cRussia no longer has any allies in the "
                                    "world,\u2026\u201d")
    assert palette_title(quote, ASCII, 12) == 'Dmytro Kuleba: "Russia no..."'
    wednesday = next(i for i in index.sections["DATE"] if i.detail == "Wednesday")
    assert palette_title(wednesday) == "Wed 13 Jul 2022 (Wednesday)"
    assert palette_title(index.sections["PERSON"][0]) == "Dmytro Kuleba"
