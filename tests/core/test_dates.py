"""Dates: the TIMEX3 recogniser and resolver on literal inputs, and find_dates
end to end on the seed article's sentences (spaCy) for tense and anchoring."""
from datetime import date, datetime, timedelta, timezone

import pytest

from reader.core.analysis.timex import Context, normalise, parse_value, recognise
from reader.core.analysis.timex.normalise import duration_value

WEDNESDAY = date(2022, 7, 13)  # the seed article's publication day


def value(text: str, tense: str = "", ref: date | None = WEDNESDAY, anchor: str | None = None) -> str | None:
    found = normalise(text, Context(ref, tense, parse_value(anchor)))
    assert found is not None, text
    return found.value


def kind(text: str) -> str:
    found = normalise(text, Context(WEDNESDAY))
    assert found is not None, text
    return found.kind


@pytest.mark.parametrize("text, tense, expected", [
    ("Wednesday", "past", "2022-07-13"),        # the publication weekday is that day
    ("Wednesday", "future", "2022-07-13"),
    ("Earlier Wednesday", "past", "2022-07-13"),
    ("Tuesday", "past", "2022-07-12"),
    ("Tuesday", "future", "2022-07-19"),
    ("Friday", "future", "2022-07-15"),
    ("Friday", "past", "2022-07-08"),
    ("Friday", "present", "2022-07-15"),        # nearest: two days ahead, five back
    ("last Wednesday", "", "2022-07-06"),
    ("next Wednesday", "", "2022-07-20"),
    ("Saturday night", "past", "2022-07-09TNI"),
])
def test_weekdays_follow_the_tense(text, tense, expected):
    assert value(text, tense) == expected


@pytest.mark.parametrize("text, tense, expected", [
    ("February 24", "past", "2022-02-24"),
    ("February 24", "", "2022-02-24"),
    ("Dec. 15", "future", "2022-12-15"),
    ("Dec. 15", "past", "2021-12-15"),
    ("August 1", "past", "2022-08-01"),   # a past verb over a date a few weeks ahead: scheduled
    ("March", "future", "2023-03"),
    ("March", "past", "2022-03"),
    ("this September", "", "2022-09"),
    ("last July", "", "2021-07"),
    ("last April", "", "2022-04"),
    ("13 July 2022", "", "2022-07-13"),
    ("the 24th of February", "", "2022-02-24"),
    ("March 26, 1996", "", "1996-03-26"),
    ("Thursday, July 14", "past", "2022-07-14"),   # the weekday decides the year
    ("mid-November", "past", "2021-11"),
    ("the winter of nineteen ninety-four", "", "1994-WI"),
    ("2022-07-01", "", "2022-07-01"),
    ("7/13/2022", "", "2022-07-13"), ("13/07/2022", "", "2022-07-13"), ("13.07.2022", "", "2022-07-13"),
    ("2022/07/13", "", "2022-07-13"),
])
def test_months_and_days_get_the_right_year(text, tense, expected):
    assert value(text, tense) == expected


@pytest.mark.parametrize("text, expected", [
    ("last month", "2022-06"), ("this month", "2022-07"), ("next month", "2022-08"),
    ("last year", "2021"), ("next year", "2023"), ("this year", "2022"), ("the past year", "2021"),
    ("today", "2022-07-13"), ("yesterday", "2022-07-12"), ("tomorrow", "2022-07-14"),
    ("this week", "2022-W28"), ("last week", "2022-W27"), ("next week", "2022-W29"),
    ("2014", "2014"), ("fiscal 1989", "1989"), ("the end of 1990", "1990"), ("mid-1996", "1996"),
    ("the 1990s", "199"), ("the nineties", "199"), ("the '80s", "198"), ("the early 2000s", "200"),
    ("the 20th century", "19"), ("the twenty-first century", "20"), ("the last decade", "201"),
    ("Q3 2021", "2021-Q3"), ("the first half of 2020", "2020-H1"),
    ("the third quarter", "2022-Q3"), ("the first quarter", "2022-Q1"), ("last quarter", "2022-Q2"),
    ("summer", "2022-SU"), ("last summer", "2021-SU"), ("next spring", "2023-SP"),
    ("three years ago", "2019"), ("a month ago", "2022-06"), ("two weeks ago", "2022-W26"),
    ("2022-W28", "2022-W28"),
])
def test_relative_and_period_values(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("three years", "P3Y"), ("five hours", "PT5H"), ("several years", "PXY"), ("hours", "PTXH"),
    ("the past two months", "P2M"), ("nearly forty years", "P40Y"), ("a minute and a half", "PT1M30S"),
    ("2 1/2 years", "P2Y6M"), ("half an hour", "PT30M"), ("two-year", "P2Y"), ("30-day", "P30D"),
    ("the first nine months", "P9M"), ("two decades", "P20Y"), ("a couple of days", "P2D"),
    ("the next few days", "PXD"), ("years", "PXY"), ("the past two quarters", "P2Q"),
])
def test_durations(text, expected):
    assert value(text) == expected
    assert kind(text) == "duration"


@pytest.mark.parametrize("amount, unit, expected", [
    (3, "Y", "P3Y"), (None, "W", "PXW"), (1.5, "D", "P1DT12H"), (0.5, "H", "PT30M"),
    (2, "DE", "P20Y"), (None, "DE", "PXDE"), (2.5, "Y", "P2Y6M"),
])
def test_duration_value(amount, unit, expected):
    assert duration_value(amount, unit) == expected


@pytest.mark.parametrize("text, expected", [
    ("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("recently", "PAST_REF"),
    ("the past", "PAST_REF"), ("the future", "FUTURE_REF"), ("the near term", "FUTURE_REF"),
    ("recent weeks and months", "PAST_REF"), ("several years ago", "PAST_REF"),
])
def test_references(text, expected):
    assert value(text) == expected
    assert kind(text) == "date"


def test_recent_years_is_a_vague_duration():
    assert value("recent years") == "PXY" and kind("recent years") == "duration"


@pytest.mark.parametrize("text, expected", [
    ("every week", "P1W"), ("daily", "P1D"), ("each Thursday", "XXXX-WXX-4"),
    ("twice a year", "P1Y"), ("Tuesday nights", "XXXX-WXX-2TNI"), ("each July", "XXXX-07"),
])
def test_sets(text, expected):
    assert value(text) == expected
    assert kind(text) == "set"


@pytest.mark.parametrize("text, expected", [
    ("7:19 p.m.", "2022-07-13T19:19"), ("10 p.m. Wednesday", "2022-07-13T22:00"),
    ("noon Tuesday", "2022-07-12T12:00"), ("this morning", "2022-07-13TMO"),
    ("last night", "2022-07-12TNI"), ("tonight", "2022-07-13TNI"), ("midnight", "2022-07-13T24:00"),
])
def test_times_take_the_publication_day(text, expected):
    assert value(text, "past") == expected
    assert kind(text) == "time"


def test_anchored_expressions_follow_the_last_value():
    assert value("a year earlier", anchor="2021-Q3") == "2020-Q3"
    assert value("the year-ago quarter", anchor="2021-Q3") == "2020-Q3"
    assert value("the following year", anchor="1995") == "1996"
    assert value("that day", anchor="2022-02-24") == "2022-02-24"
    assert value("the quarter", anchor="2022-Q1") == "2022-Q1"


def test_without_a_reference_relative_values_are_unknown():
    assert value("last month", ref=None) is None
    assert value("March 26, 1996", ref=None) == "1996-03-26"
    assert value("three years", ref=None) == "P3Y"


def test_not_time_expressions():
    assert normalise("Kyiv", Context(WEDNESDAY)) is None
    assert normalise("long", Context(WEDNESDAY)) is None


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in recognise(text)]


@pytest.mark.parametrize("text, expected", [
    ("controlled by pro-Russian forces since 2014, a move", ["2014"]),
    ("Earlier Wednesday, the separatists issued a photo", ["Earlier Wednesday"]),
    ("It launched its invasion on February 24.", ["February 24"]),
    ("profit rose from $5 million a year earlier.", ["a year earlier"]),
    ("the 40-year stagnation in wages", ["40-year"]),
    ("its third-quarter results", ["third-quarter"]),
    ("in the third quarter of 1990", ["the third quarter of 1990"]),
    ("The rally began at 10 p.m. Wednesday.", ["10 p.m. Wednesday"]),
    ("They met last week and will meet again next month.", ["last week", "next month"]),
    ("in the mid-1990s and the 20th century", ["the mid-1990s", "the 20th century"]),
    ("for the past two years", ["the past two years"]),
    ("filed on 13/07/2022 and 7/14/2022, version 3.5.2022b", ["13/07/2022", "7/14/2022"]),
])
def test_recognised_extents_follow_timeml(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Mr. Reupke, 52 years old, retired.",
    "a dividend of $1.76 a year",
    "Black Friday sales",
    "the index closed at 2082.1 points",
    "Prime Now and Instacart",
    "a scale model at 1:24",
    "Separatist officials have long said they want to join.",
    "The Donetsk separatists said then they were in talks.",
    "May I ask?",
    "If you've done 80 Day Obsession with Autumn Calabrese, you know.",
    "women in their mid-50s",
    "a poem called Winter Solstice",
    "arrested Elizabeth A. Burton, 32, of 1119 Eighth St. and a man of 2134 Caldwell Place",
])
def test_not_recognised(text):
    assert spans(text) == []


def test_find_dates_on_the_seed_sentences():
    from reader.core.analysis.dates import find_dates
    from reader.core.analysis import nlp
    from reader.core.analysis.layout import Layout
    from reader.core.models import Block

    paragraphs = [
        "Ukraine said Wednesday it was severing relations with North Korea, hours after "
        "pro-Russian separatists said their republics had been recognised by Pyongyang.",
        "Syria made the same move last month.",
        "Russia recognised the republics shortly before it launched its invasion on February 24.",
        "The region has been partially controlled by pro-Russian forces since 2014.",
        "The separatists inaugurated their embassy in Moscow on Tuesday and said then they "
        "were in talks.",
    ]
    layout = Layout.of([Block("paragraph", p) for p in paragraphs])
    published = datetime(2022, 7, 13, 19, 19, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    found = {d.text: (d.value, d.kind) for d in find_dates(nlp.parse(layout.text), layout, published)}
    assert found["Wednesday"] == ("2022-07-13", "date")
    assert found["last month"] == ("2022-06", "date")
    assert found["February 24"] == ("2022-02-24", "date")
    assert found["2014"] == ("2014", "date")
    assert found["Tuesday"] == ("2022-07-12", "date")
    assert found["hours"] == ("PTXH", "duration")
    assert "then" not in found


def _dates_of(paragraphs: list[str], published: datetime | None) -> dict[str, tuple]:
    from reader.core.analysis import nlp
    from reader.core.analysis.dates import find_dates
    from reader.core.analysis.layout import Layout
    from reader.core.models import Block

    layout = Layout.of([Block("paragraph", p) for p in paragraphs])
    return {d.text: (d.value, d.kind) for d in find_dates(nlp.parse(layout.text), layout, published)}


def test_game_quarters_and_product_years_are_not_dates():
    found = _dates_of([
        "Minnesota led 14-7 at halftime before scoring 24 points in the third quarter.",
        "Profit fell in the third quarter.",
    ], datetime(2019, 11, 20))
    assert found == {"the third quarter": ("2019-Q3", "date")}


def test_halves_of_a_match_are_not_dates():
    found = _dates_of(["Bruno Fernandes scored the winner in the first half.",
                       "Sales rose in the first half of 2019."], datetime(2019, 11, 19))
    assert found == {"the first half of 2019": ("2019-H1", "date")}


def test_without_publication_date_the_latest_full_date_stands_in():
    found = _dates_of(["The deal was signed on March 3, 2021.",
                       "Talks resumed on Monday and will end next week."], None)
    assert found["Monday"] == ("2021-03-01", "date")
    assert found["next week"] == ("2021-W10", "date")


def test_scheduled_dates_after_a_past_verb_point_forward():
    found = _dates_of(["The directors declared a dividend, payable Dec. 1 to stock of record Nov. 10.",
                       "The offer is expected to close in December."], datetime(1989, 10, 27))
    assert found["Dec. 1"] == ("1989-12-01", "date")
    assert found["Nov. 10"] == ("1989-11-10", "date")
    assert found["December"] == ("1989-12", "date")


def test_present_tense_days_are_schedules_and_participles_follow_the_main_verb():
    found = _dates_of(["The rights, which expire Oct. 1, can be exercised for $100 each.",
                       "Columbia added $227 million to reserves, increasing them to $300 million as of Sept. 30."],
                      datetime(2013, 3, 22))
    assert found["Oct. 1"] == ("2013-10-01", "date")
    assert found["Sept. 30"] == ("2012-09-30", "date")


def test_find_dates_without_parse_or_entities():
    """A pipeline without parser or NER (e.g. a trimmed model) still finds and resolves dates."""
    import spacy

    from reader.core.analysis.dates import find_dates
    from reader.core.analysis.layout import Layout
    from reader.core.models import Block

    layout = Layout.of([Block("paragraph", "Ukraine said Wednesday it would act in July"),
                        Block("paragraph", "2022. Since 2014, nothing.")])
    found = [(d.text, d.value, d.block) for d in find_dates(spacy.blank("en")(layout.text), layout,
                                                           datetime(2022, 7, 13))]
    assert found == [("Wednesday", "2022-07-13", 0), ("July", "2022-07", 0), ("2022", "2022", 1),
                     ("2014", "2014", 1)]


def test_weekdays_in_the_present_are_schedules_and_possessives_are_reported_events():
    found = _dates_of(["The Gophers play Saturday against the Wildcats.",
                       "The move follows Thursday's declaration by Ford."], datetime(2019, 11, 19))
    assert found["Saturday"] == ("2019-11-23", "date")
    assert found["Thursday"] == ("2019-11-14", "date")


def test_a_day_just_gone_in_the_present_stays_in_this_year():
    found = _dates_of(["The conference runs Nov. 18-20 in Las Vegas."], datetime(2019, 11, 19))
    assert found["Nov. 18"] == ("2019-11-18", "date")


def test_dates_in_a_list_without_verbs_follow_the_date_just_told():
    found = _dates_of(["The tour picks up February 7th in Las Vegas.", "June 9 – West Palm Beach, FL"],
                      datetime(2019, 11, 19))
    assert found["February 7th"] == ("2020-02-07", "date")
    assert found["June 9"] == ("2020-06-09", "date")


@pytest.mark.parametrize("text", [
    "Women in their mid-50s rarely get such roles.",
    "The galaxy is 230 million light-years wide.",
    "A second problem is more serious.",
    "Police searched a garage behind 2134 Caldwell Place.",
])
def test_ages_ordinals_compound_units_and_addresses_are_not_dates(text):
    assert _dates_of([text], datetime(2019, 11, 19)) == {}


def test_copied_page_forms():
    found = _dates_of(["Posted: 11/18/2019 3:15 PM CST",
                       "The call is at 9 a.m. ET. The week of Nov. 25 will be busy."], datetime(2019, 11, 19))
    assert found["11/18/2019 3:15 PM CST"] == ("2019-11-18T15:15", "time")
    assert found["9 a.m. ET"] == ("2019-11-19T09:00", "time")
    assert found["The week of Nov. 25"] == ("2019-W48", "date")


@pytest.mark.parametrize("sentence, extent", [
    ("Prices will rise over the next two years.", "the next two years"),   # 'over' the preposition
    ("It was a three hour drive.", "three hour"),                          # adjectival: no article
    ("Profit rose in its fourth quarter.", "fourth quarter"),              # no possessive
])
def test_timeml_extents(sentence, extent):
    from reader.core.analysis.timex import recognise

    assert [sentence[s.start:s.end] for s in recognise(sentence)] == [extent]


def test_periods_in_a_future_clause():
    found = _dates_of(["Sales were weak, but the second half should be stronger.",
                       "The company will report fourth-quarter results next week.",
                       "It expects sales to recover in the fourth quarter.",
                       "Chelsea scored twice in the second half to win 3-1."], datetime(2013, 3, 22))
    assert found["the second half"] == ("2013-H2", "date")
    assert found["fourth-quarter"] == ("2012-Q4", "date")      # results of a quarter just ended
    assert found["the fourth quarter"] == ("2013-Q4", "date")
    assert "the second half" in found and len([k for k in found if "half" in k]) == 1


def test_a_day_that_dates_a_noun_does_not_take_the_present_tense_as_a_schedule():
    found = _dates_of(["Sondland's appearance follows the testimony Tuesday of four officials.",
                       "Now consider what we know about the visit to Walter Reed on Saturday."],
                      datetime(2019, 11, 20))
    assert found["Tuesday"] == ("2019-11-19", "date")
    assert found["Saturday"] == ("2019-11-16", "date")


def test_copied_news_sentences():
    found = _dates_of(["The envoy faces questions about Trump’s July 25 call with Ukraine's president.",
                       "Over the weekend, Trump assailed Williams as part of the “Never Trumpers” who oppose him.",
                       "Nobody checked on him in the hours before he died."], datetime(2019, 11, 20))
    assert found["July 25"] == ("2019-07-25", "date")          # the parser made "Trump’s July 25" a name
    assert found["the weekend"] == ("2019-W46-WE", "date")     # no verb parsed: the last weekend
    assert found["the hours"] == ("PTXH", "duration")


def test_years_inside_names_are_not_dates():
    found = _dates_of(["The lineup includes Farming Simulator 2019, Just Dance 2020 and a venture called Orion 1980.",
                       "We have only seen it this low once, back on Prime Day 2019, and at the 2019 awards."],
                      datetime(2019, 11, 18))
    assert list(found) == ["2019"]


def test_a_headline_in_the_present_tells_the_nearest_day():
    found = _dates_of(["Senate Passes Spending Bill Tuesday"], datetime(2019, 11, 20))
    assert found["Tuesday"] == ("2019-11-19", "date")


def test_clock_forms_and_postponements():
    found = _dates_of(["The match kicks off at 7.45pm on Saturday. Doors open at 19:30.",
                       "Tuesday's meeting was postponed until Thursday.",
                       "The strike will last 48 hours. Watch it at 1:48 in the video."], datetime(2019, 11, 19))
    assert found["7.45pm"] == ("2019-11-23T19:45", "time")
    assert found["19:30"] == ("2019-11-19T19:30", "time")
    assert found["Thursday"] == ("2019-11-21", "date")      # put off to a later day
    assert found["48 hours"] == ("PT48H", "duration")       # 'last' is the verb
    assert "1:48" not in found                              # a 12-hour time without a.m./p.m. is ambiguous


def test_a_bare_month_takes_the_year_named_in_its_sentence():
    found = _dates_of(["He moved to Paris in 2008 and in June he married."], datetime(2013, 3, 22))
    assert found["June"] == ("2008-06", "date")


def test_that_summer_takes_a_year_not_a_decade():
    assert value("that summer", "past", anchor="2009") == "2009-SU"
    assert value("that summer", "past", anchor="195") != "1950-SU"


def test_without_any_reference_a_month_follows_the_story_and_q3_survives_a_wrong_label():
    found = _dates_of(["He visited his doctor in November 2016. But by December his symptoms worsened."], None)
    assert found["December"] == ("2016-12", "date")
    found = _dates_of(["“Excluding these items, we believe Q3 comps would have been closer to 5%.”"],
                      datetime(2019, 11, 19))
    assert found["Q3"] == ("2019-Q3", "date")


def test_a_possessive_life_is_not_a_duration():
    found = _dates_of(["He spent most of his days and nights asleep. Steroids worked within two days."],
                      datetime(2019, 11, 19))
    assert found == {"two days": ("P2D", "duration")}


def test_show_titles_in_quotes_are_not_dates():
    found = _dates_of(['Baker said on ABC-TV\'s "This Week With David Brinkley" that the talks failed.',
                       'Speaking on ABC News\' "This Week," he said so. "Last week, I said no," he added.'],
                      datetime(1991, 2, 25))
    assert "This Week" not in found
    assert found["Last week"] == ("1991-W08", "date")
