"""Datelines, bylines and relative times read from copied text, and how the
page's published/updated moments and headline are chosen."""
from __future__ import annotations

import pytest

from reader.core.extract.metadata import (find_dates, is_relative_time, parse_byline, parse_dateline,
                                          parse_datetime_text, stamps)
from reader.core.extract.text import extract_text


@pytest.mark.parametrize("text,iso", [
    ("Last Updated 13 July 2022, 19:19 IST", "2022-07-13T19:19:00+05:30"),
    ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00-05:00"),  # ET in winter: EST
    ("July 4, 2019 at 6:21 PM ET", "2019-07-04T18:21:00-04:00"),  # ET in summer: EDT
    ("Published 11:11 PM EST Nov 19, 2019", "2019-11-19T23:11:00-05:00"),  # time before the date
    ("2019-11-18T23:30:00Z", "2019-11-18T23:30:00+00:00"),
    ("18 Nov 2019, 19:09", "2019-11-18T19:09:00"),  # no zone shown: naive
    ("Wednesday 20 November 2019 9:22 am", "2019-11-20T09:22:00"),
    ("Von Moritz Bachmann publiziert am 25. September 2018", "2018-09-25"),
    ("1 de diciembre de 2017 3:00 AM PST", "2017-12-01T03:00:00-08:00"),
    ("Текст: Лида Буслаева·11 октября 2018", "2018-10-11"),
    ("21:17 18.11.2019", "2019-11-18T21:17:00"),
    ("13/06/2014 Tony Carter", "2014-06-13"),  # day first when the first number cannot be a month
    ("11/20/19 6:38 AM", "2019-11-20T06:38:00"),  # US order in English
    ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
    ("Dec. 6, 2024, 10:00 PM UTC", "2024-12-06T22:00:00+00:00"),
])
def test_dates_and_times_with_zones(text, iso):
    assert parse_datetime_text(text) == iso


def test_no_date_in_plain_text_or_impossible_dates():
    assert parse_datetime_text("The council met on Tuesday to discuss the buses.") is None
    assert parse_datetime_text("31 February 2020") is None
    assert find_dates("Call 0800 123 4567 for details") == []


def test_labels_say_published_or_updated():
    assert parse_dateline("Last Updated 13 July 2022, 19:19 IST") == ("updated", "2022-07-13T19:19:00+05:30")
    assert parse_dateline("(Published 13 July 2022, 19:19 IST)") == ("published", "2022-07-13T19:19:00+05:30")
    assert parse_dateline("Nov. 19, 2019 8:03 am ET") is None  # a date, but no label
    found = stamps("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019")
    assert [(s.kind, s.iso) for s in found] == [("published", "2019-11-19T10:48:00"),
                                               ("updated", "2019-11-19T11:05:00")]
    found = stamps("Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST")
    assert [s.kind for s in found] == ["unlabelled", "updated"]
    assert [s.kind for s in stamps("Mis à jour le 5 mai 2015 à 13:36")] == ["updated"]


@pytest.mark.parametrize("line,names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER", ["LISA MASCARO", "MARY CLARE JALONICK", "ERIC TUCKER"]),
    ("Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", ["Michael David Smith"]),
    ("by Laura June Topolsky July 10, 2015", ["Laura June Topolsky"]),
    ("By Al Root Updated Nov. 19, 2019 8:21 am ET", ["Al Root"]),
    ("Von Moritz Bachmann publiziert am 25. September 2018", ["Moritz Bachmann"]),
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", ["Patrick Shanley"]),
    ("by: Laurie Oakes", ["Laurie Oakes"]),
    ("Par Sébastien Farcis", ["Sébastien Farcis"]),
    ("By Sandee LaMotte, CNN", ["Sandee LaMotte"]),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
    ("Opinion by Jane Doe, Senior Writer", ["Jane Doe"]),
    ("By Mike Chief", ["Mike Chief"]),
])
def test_bylines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", ["Standby power is good", "by the way he said", "Stand by me", "Bypass closed",
                                  "By Staff Reporter"])
def test_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line,relative", [
    ("2 hours ago", True), ("Alex Perry 1 day ago", True), ("vor 3 Stunden", True), ("Yesterday 12:35PM", True),
    ("il y a 2 heures", True), ("He left 20 years ago and never came back to the town.", True),
    ("Two hours of debate", False), ("Today's paper", True), ("The agony of the day", False),
])
def test_relative_times(line, relative):
    assert is_relative_time(line) is relative


PROSE = ("The council voted on Tuesday to extend the bus programme for another year, citing strong demand "
         "from residents and a budget surplus that was larger than expected.")


def test_page_dates_prefer_the_headline_dateline_over_other_stories():
    text = "\n\n".join([
        "Home\nNews\nSport", "Other story from last week\nJanuary 2, 2020",
        "Council extends bus programme", "By Jane Doe", "March 12, 2024 9:30 am ET",
        PROSE, PROSE.replace("Tuesday", "Monday"), PROSE.replace("council", "board"),
        "Related stories\nA story about trains\nFebruary 1, 2021",
    ])
    art = extract_text(text, "t.txt")
    assert art.title == "Council extends bus programme"
    assert art.published == "2024-03-12T09:30:00-04:00"
    assert art.byline == ["Jane Doe"]


def test_updated_only_page_uses_it_as_published():
    text = "\n\n".join(["Council extends bus programme", "Updated: 12 March 2024, 10:00 CET",
                        PROSE, PROSE.replace("Tuesday", "Monday")])
    art = extract_text(text, "t.txt")
    assert art.updated == "2024-03-12T10:00:00+01:00"
    assert art.published == art.updated


def test_dated_rows_of_a_table_stay_in_the_text():
    rows = "\n".join(f"2020-08-01 18:0{i}:00 | 200 | {4000 + i}" for i in range(5))
    text = "\n\n".join(["Counting errors in the logs", PROSE, rows, PROSE.replace("Tuesday", "Monday")])
    art = extract_text(text, "t.txt")
    assert sum("| 200 |" in b.text for b in art.blocks) == 5
    assert art.published is None


def test_headline_is_not_the_site_name_or_a_menu_item():
    text = "\n\n".join(["The Daily Example\nHome\nWorld\nBusiness\nSport",
                        "Council extends bus programme for another year", "By Jane Doe", "12 March 2024",
                        PROSE, PROSE.replace("Tuesday", "Monday"), PROSE.replace("council", "board")])
    art = extract_text(text, "t.txt")
    assert art.title == "Council extends bus programme for another year"


def test_published_label_beats_updated_and_a_date_in_the_text_after_it_does_not_count():
    text = "\n\n".join(["Council extends bus programme", "Updated: 14 March 2024, 10:00 CET",
                        PROSE, PROSE.replace("Tuesday", "Monday"), "The new routes open on April 2, 2024",
                        "Footer\nAbout us\nContact"])
    art = extract_text(text, "t.txt")
    assert art.published == art.updated == "2024-03-14T10:00:00+01:00"  # only 'Updated' is shown
    posted = text.replace("Updated: 14 March 2024, 10:00 CET",
                          "Updated: 14 March 2024, 10:00 CET | Posted: 12 March 2024, 09:00 CET")
    art = extract_text(posted, "t.txt")
    assert art.published == "2024-03-12T09:00:00+01:00" and art.updated == "2024-03-14T10:00:00+01:00"


def test_the_date_of_a_photo_credit_is_not_the_page_date():
    text = "\n\n".join(["Home\nNews\nSport", "11 March 2024", "Council extends bus programme",
                        "Photo: Jane Roe, 2 January 2019", PROSE, PROSE.replace("Tuesday", "Monday")])
    assert extract_text(text, "t.txt").published == "2024-03-11"


def test_the_only_paragraph_is_not_taken_for_the_headline():
    art = extract_text("Deep fake phishing is still rare, and the tools have not changed the field much so far", "t.txt")
    assert art.title is None and len(art.blocks) == 1


def test_a_row_of_figures_is_no_headline():
    text = "\n\n".join(["3 │ -0.4325 │ f │ f", PROSE, PROSE.replace("Tuesday", "Monday")])
    assert extract_text(text, "t.txt").title is None
