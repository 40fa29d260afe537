"""Dates in the reader's words, reading time, and timeline order."""
from __future__ import annotations

from reader.ui.support.when import human_published, human_value, reading_time, timeline_key


def test_published_in_words_with_zone():
    assert human_published("2022-07-13T19:19:00+05:30") == "Wed 13 Jul 2022, 19:19 IST"
    assert human_published("2022-07-13T19:19:00+00:00") == "Wed 13 Jul 2022, 19:19 UTC"
    assert human_published("2022-07-13T08:05:00-04:00") == "Wed 13 Jul 2022, 08:05 UTC-4"
    assert human_published("2022-07-13T08:05:00") == "Wed 13 Jul 2022, 08:05"


def test_published_date_only_and_bad_values():
    assert human_published("2022-07-13") == "Wed 13 Jul 2022"
    assert human_published(None) is None
    assert human_published("yesterday") is None


def test_reading_time():
    assert reading_time(0) == "1 min read"
    assert reading_time(460) == "2 min read"
    assert reading_time(2300) == "10 min read"


def test_values_in_words():
    assert human_value("2022-07-13") == "Wed 13 Jul 2022"
    assert human_value("2022-06") == "Jun 2022"
    assert human_value("2014") == "2014"
    assert human_value("2022-W28") == "week 28, 2022"
    assert human_value("2022-07-13T19:19") == "Wed 13 Jul 2022, 19:19"
    assert human_value("P3Y") == "3 years"
    assert human_value("PT5H") == "5 hours"
    assert human_value("P1M") == "1 month"
    assert human_value("PT30M") == "30 minutes"
    assert human_value("PRESENT_REF") == "now"
    assert human_value("199X") == "1990s"
    assert human_value(None) == "?"
    assert human_value("nonsense") == "nonsense"


def test_timeline_order():
    values = ["2022-07-13", None, "P3Y", "2022-02-24", "2014", "2022-06", "2022-W28",
              "2022-07-13T08:00", "PRESENT_REF", "199X"]
    ordered = sorted(values, key=timeline_key)
    assert ordered[:7] == ["199X", "2014", "2022-02-24", "2022-06", "2022-W28", "2022-07-13",
                           "2022-07-13T08:00"]
    assert ordered[-1] is None
