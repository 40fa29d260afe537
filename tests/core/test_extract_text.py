"""Copied page text -> Article: the line classifier's features on small
made-up pages, the seed article, and the headline/standfirst/date lift."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.extract.boilerplate import furniture, section_start, site_notice
from reader.core.extract.stoplists import detect, stoplist
from reader.core.extract.text import extract_text, keep_everything
from reader.core.extract.textlines import measure, split_lines

SEED = Path(__file__).resolve().parents[2] / "examples" / "article.txt"
HEADLINE = "Ukraine severs ties with North Korea after pro-Russia separatists recognition"

# Made-up article paragraphs: prose with plenty of function words.
P = [
    "The city council voted on Tuesday to extend the bus programme for another year, citing strong "
    "demand from residents and a budget surplus that was larger than expected.",
    "Officials said the service had carried more than two million passengers since it began, and that "
    "most of them were commuters who would otherwise have driven into the centre.",
    "Opponents argued that the money could have been spent on repairing roads, but the proposal passed "
    "with a comfortable majority after a debate that lasted for most of the afternoon.",
    "The mayor told reporters that she was pleased with the result and that the council would now look "
    "at ways to add more routes in the outer districts before the end of the year.",
    "A final report on the cost of the scheme is due in the spring, when the council will also decide "
    "whether the fares should rise for the first time since the service was launched.",
]
MENU = ["Home", "World", "Business", "Politics", "Sport", "Culture", "Travel"]


def page(*parts: str | list[str]) -> str:
    """Join page parts: a list is a run of single lines (a menu), a string a paragraph."""
    out = []
    for part in parts:
        out.append("\n".join(part) if isinstance(part, list) else part)
    return "\n\n".join(out) + "\n"


def body_texts(article) -> list[str]:
    return [b.text for b in article.blocks]


def why(article, text: str) -> str:
    return article.removed_why[article.removed.index(text)]


def standard_page(*middle: str | list[str]) -> str:
    return page(MENU, "Council extends bus programme for another year", "By Jane Doe",
                "Published 12 March 2024, 09:30 GMT", *middle,
                ["Most read", "Ten things to do this weekend", "Why the river flooded again",
                 "Local team wins the cup"], ["Privacy Policy", "Terms of Use", "Contact us"])


# ---------------------------------------------------------------- the seed
def test_seed_headline_body_and_clutter():
    art = extract_text(SEED.read_text(encoding="utf-8"), "article.txt")
    assert art.title == HEADLINE
    body = body_texts(art)
    assert len(body) == 14
    assert body[0].startswith("Ukraine said Wednesday")
    assert body[-1].startswith("Separatist officials have long said")
    standfirst = "North Korea's recognition of the so-called Donetsk"
    assert sum(t.startswith(standfirst) for t in body) == 1
    text = "\n".join(body)
    for clutter in ("ADVERTISEMENT", "×", "Follow us on", "Last Updated", "(Published"):
        assert clutter not in text
    assert art.published == "2022-07-13T19:19:00+05:30"
    assert art.updated == "2022-07-13T19:19:00+05:30"
    assert len(art.removed) == len(art.removed_why) and all(art.removed_why)


def test_seed_through_the_cli():
    result = subprocess.run([sys.executable, "-m", "reader", str(SEED), "--format", "json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["published"].startswith("2022-07-13") and data["published"].endswith("+05:30")
    assert data["title"] == HEADLINE
    assert "ADVERTISEMENT" in data["removed"]


# ---------------------------------------------------------------- classifier features
def test_body_kept_and_page_furniture_cut_with_reasons():
    art = extract_text(standard_page(*P), "t.txt")
    assert art.title == "Council extends bus programme for another year"
    assert body_texts(art) == P
    assert art.byline == ["Jane Doe"]
    assert art.published == "2024-03-12T09:30:00+00:00"
    assert why(art, "Home") == "navigation"
    assert why(art, "Privacy Policy").startswith("site notice") or why(art, "Privacy Policy") == "legal or cookie notice"
    assert why(art, "Most read") == "related links header"
    assert why(art, "By Jane Doe") == "byline"
    assert len(art.removed) == len(art.removed_why) and all(art.removed_why)


@pytest.mark.parametrize("line,kind", [
    ("ADVERTISEMENT", "advertisement"), ("Advertisement", "advertisement"), ("Anzeige", "advertisement"),
    ("Share this:", "share or follow link"), ("Follow us on", "share or follow link"),
    ("Share on Facebook", "share or follow link"), ("Compartir", "share or follow link"),
    ("Sign in / Sign up", "subscription or sign-in"), ("Skip to content", "navigation"),
    ("Read more: Another story about buses", "related link"),
    ("Photo: Jane Doe/Reuters", "photo caption or credit"),
    ("Protesters gather outside the hall (Image: Getty)", "photo caption or credit"),
    ("The mayor and the head of the bus company pose for a photo at the depot on June 28, 2019 in the city "
     "centre, before the vote on the new routes. (Photo by Jane Doe/Getty Images for the council)",
     "photo caption or credit"),
    ("The simulated birth of a galaxy cluster where dark matter structures merge together while gas is "
     "expelled from the centre of the cluster. (Image credit: TNG Collaboration)", "photo caption or credit"),
    ("This illustration of the new bus shows how the council hopes to take people to the airport [Depot via Council]",
     "photo caption or credit"),
    ("Passengers wait at the depot on Tuesday morning [Jane Doe/Reuters]", "photo caption or credit"),
    ("1 of 12", "photo gallery counter"), ("Leave a Reply", "comments"), ("Nessun commento", "comments"),
    ("Get Bus Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more "
     "information.", "call to action"),
    ("Need more buses? Subscribe to our sister title for the latest news from the depot!", "call to action"),
    ("In each episode of her weekly show, Jane Doe rides a different bus route. Click to subscribe!", "call to action"),
    ("Jane Doe is an LA transport reporter for the Daily Bus.", "about the author"),
    ("Mark di Stefano is a breaking news reporter for the Daily Bus and is based in Sydney.", "about the author"),
    ("John Roe contributed to this report.", "about the author"),
    ("When you walk into almost any depot, you're immediately overloaded with sights, sounds,… Read more Read more",
     "teaser for another story"),
    ("Ever wondered why the buses are late? As it turns out, the answer is... Continue reading",
     "teaser for another story"),
    ("Lesen Sie auch", "related links header"),
])
def test_known_furniture_phrases(line, kind):
    assert furniture(line, len(line.split())) == kind


def test_prose_is_not_furniture():
    for text in P + ["Share prices fell sharply on Monday after the announcement.",
                     "Follow the river for two miles and you reach the old mill.",
                     "The council published its report (with photos) on Tuesday (see page 4)",
                     "Residents who subscribe to the service were told to click the link in the letter.",
                     "Jane Doe is a reporter who has covered the depot for ten years, and she says the vote was close.",
                     "The council was founded long ago and keeps its own records, as the charter says. [M1 / MP]",
                     "exporting bookmark featureX"]:  # no agency name inside a word ('featu-rex')
        assert furniture(text, len(text.split())) is None


def test_section_headers_and_site_notices():
    assert section_start("34 responses to “Bus programme extended”") == "comments"
    assert section_start("Related stories") == "related"
    assert section_start("- Next Auto News") == "related"  # the next story's teaser follows
    assert section_start("Next article") == "related"
    assert section_start("Enviá tu comentario") == "comments"
    assert section_start("Lascia un commento") == "comments"
    assert section_start("Response") is None  # a subheading, not a comments section
    assert site_notice("We use cookies to improve your experience on our website.")
    assert not site_notice(P[0])


def test_menu_run_cut_but_list_announced_in_the_text_kept():
    items = ["Two new routes in the north", "Later buses on Saturdays", "Free travel for under-12s"]
    art = extract_text(standard_page(P[0], P[1] + " The changes are:", items, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert all(item in body for item in items)
    assert all(m not in body for m in MENU)
    assert why(art, "Ten things to do this weekend") in ("related link", "menu or link list", "after the article")


def test_labelled_list_of_names_announced_in_the_text_kept():
    # Items of names only ('Path C: Scotland, Norway, Serbia') have no function words to count.
    items = ["Path A: Iceland, Bulgaria/Israel/Hungary/Romania, Latvia North Estonia",
             "Path B: Bosnia Herzegovina, Slovakia, Northern Ireland, Wales, South Malta",
             "Path C: Scotland, Norway, Serbia, Bulgaria/Israel/Hungary/Romania, Cyprus",
             "Path D: Georgia, North Macedonia, Kosovo, Belarus, San Marino, Andorra"]
    art = extract_text(standard_page(P[0], P[1] + " Each path has one berth:", items, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert all(item in body for item in items)
    assert all(m not in body for m in MENU)


def test_numbered_list_kept():
    items = [f"{n}) {name}" for n, name in enumerate(
        ["Lego bus depot set", "Model tram from 1960", "Timetable poster", "Driver's cap replica"], 1)]
    art = extract_text(standard_page(P[0], P[1], items), "t.txt")
    assert all(item in body_texts(art) for item in items)


def test_bulleted_list_and_code_block_kept():
    bullets = ["+ Added night buses", "+ Added a route to the airport", "+ Removed the old depot stop"]
    code = ["fetch('/buses').then(function(res) {", "  return res.json();", "});"]
    art = extract_text(standard_page(P[0], *bullets, P[1], "The timetable can be read like this:", code, P[2]),
                       "t.txt")
    body = body_texts(art)
    assert all(b in body for b in bullets)
    kinds = {b.text: b.kind for b in art.blocks}
    assert all(kinds.get(line.strip()) == "preformatted" for line in code)


def test_blog_title_under_the_date_not_the_blog_name():
    # A blog: its name, the post's date, then the post's title right above its text.
    text = page(["Bus Notes"], "Sunday, May 8, 2016", ["City council votes to extend the bus programme"], *P[:4])
    art = extract_text(text, "t.txt")
    assert art.title == "City council votes to extend the bus programme"
    assert art.published == "2016-05-08"


@pytest.mark.parametrize("between", [["Passengers wait at the depot on Tuesday morning", "Photo: Jane Doe/Reuters"],
                                     "Advertisement"])
def test_text_after_a_photo_or_an_ad_in_the_article_is_kept(between):
    # A photo (caption and credit) or an ad inside the article, then paragraphs that
    # use other words than the lead: still the article, not another story.
    after = ["Elsewhere, farmers waited anxiously for rain. Their wheat had withered during a long, hot "
             "summer and many feared losing everything they owned before winter arrived.",
             "Meanwhile, shopkeepers near the harbour reported quieter weeks than usual. Tourists stayed away, "
             "deterred perhaps by storms which battered those coastal villages repeatedly."]
    text = standard_page(*P[:4], between, *after)
    art = extract_text(text, "t.txt")
    body = body_texts(art)
    assert all(p in body for p in after)
    assert "Photo: Jane Doe/Reuters" not in body and "Advertisement" not in body


def test_quotation_in_another_script_kept_between_paragraphs():
    # An English article quoting a line of Arabic (no English stopwords in it).
    arabic = "أَحْبِبْ حَبِيبَكَ هَوْنًا مَا عَسَى أَنْ يَكُونَ بَغِيضَكَ يَوْمًا مَا وَأَبْغِضْ بَغِيضَكَ هَوْنًا مَا"
    art = extract_text(standard_page(P[0], P[1], "The proverb, as the mayor quoted it, runs:", arabic, P[2], P[3]),
                       "t.txt")
    assert arabic in body_texts(art)


def test_embedded_tweet_signature_stays_with_the_text():
    tweet = "— City Council (@CityCouncil) March 12, 2024"
    art = extract_text(standard_page(P[0], P[1], P[2], "The council shared its decision on Twitter, saying that "
                                     "buses will run for another year and thanking everyone who took part.",
                                     tweet), "t.txt")
    assert tweet in body_texts(art)
    assert art.published == "2024-03-12T09:30:00+00:00"  # the tweet's date is not the page's


def test_headline_under_an_up_next_label_is_the_articles_own():
    # A video player's 'Up next:' label sits above the page's own headline, which is
    # shown twice (player and page); the byline and dateline under it say whose it is.
    head = "Council extends the bus programme for another year after a long debate"
    text = page(MENU, ["Up next:", head, head, "By Jane Doe", "Published 12 March 2024, 09:30 GMT"], *P[:4],
                ["Most read", "Ten things to do this weekend", "Why the river flooded again"])
    art = extract_text(text, "t.txt")
    assert art.title == head
    assert head not in body_texts(art)


def test_section_label_over_the_dateline_is_not_the_headline():
    text = page(MENU, ["Bus programme extended: what riders need to know", "3.409", "letture",
                       "Nessun commento", "00", "Politics", "23 Nov 2017"], *P[:4])
    art = extract_text(text, "t.txt")
    assert art.title == "Bus programme extended: what riders need to know"
    assert art.published == "2017-11-23"


def test_teaser_cut_with_its_headline():
    teaser = ["How Depots Manipulate Your Senses So You Ride More Buses",
              "When you walk into almost any depot, you're immediately overloaded with sights, sounds,… Read more"]
    art = extract_text(standard_page(P[0], P[1], teaser, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert not any(t in body for t in teaser) and all(p in body for p in P[:4])
    assert why(art, teaser[0]) == "teaser for another story"


def test_card_with_read_now_link_is_cut():
    card = ["Scientists find new routes for night buses", "How do we plan a network? New research finds the key.",
            "Read now"]
    art = extract_text(standard_page(P[0], P[1], card, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert all(p in body for p in P[:4]) and not any(c in body for c in card)
    assert why(art, card[1]) == "teaser for another story"


def test_headline_link_in_capitals_with_a_lower_case_letter_is_cut():
    link = "TAYLOR SWIFT CLEARED TO RIDE BUSES AT AMAs AMID FEUD WITH THE COUNCIL: REPORT"
    art = extract_text(standard_page(P[0], P[1], link, P[2], P[3]), "t.txt")
    assert link not in body_texts(art) and why(art, link) == "headline link in capitals"
    assert all(p in body_texts(art) for p in P[:4])


def test_provenance_note_closing_the_text_is_kept():
    note = "Originally published on Bus Science."
    art = extract_text(standard_page(*P[:4], ["27 Oddest Bus Routes", "10 Strangest Depots", "11 Weird Tickets"],
                                     note, "Want more buses? Get a subscription to our sister magazine for the news."),
                       "t.txt")
    body = body_texts(art)
    assert body[-1] == note and "27 Oddest Bus Routes" not in body


def test_title_case_headlines_under_a_paragraph_are_links_not_a_list():
    links = ["15 Amazing Images of Night Buses", "11 Fascinating Facts About Our City Depots",
             "The 11 Biggest Unanswered Questions About Tickets"]
    items = ["A ticket for every passenger on the route", "A map of the new night routes in the city",
             "A timetable that is easy to read at the stop"]
    art = extract_text(standard_page(P[0], P[1], P[2], items, P[3], links, "Originally published on Bus Science."),
                       "t.txt")
    body = body_texts(art)
    assert not any(link in body for link in links)
    assert all(item in body for item in items)


def test_related_cards_under_their_header_are_cut():
    cards = ["It's official: Trams benefit our mental health A systematic review of existing studies lists the many "
             "ways in which riding a tram helps people who live with mental illness.",
             "Ferry service 'restored' after storm One month after the storm hit the harbour, a new boat was brought "
             "in to carry passengers across the bay again."]
    art = extract_text(page(MENU, "Council extends bus programme for another year", *P[:4], ["Related coverage"] + cards,
                            ["Privacy Policy", "Terms of Use"]), "t.txt")
    body = body_texts(art)
    assert all(p in body for p in P[:4]) and not any(c in body for c in cards)
    assert why(art, cards[0]) == "related link"


def test_sql_listing_and_its_printed_table_kept():
    # A tutorial's query (keywords in capitals, short glued lines) and the
    # table the database printed for it (box-drawing rules) are text.
    query = ["WITH series AS (", "SELECT *", "FROM unnest(array[2, 3, 12]) AS n", "),", "bounds AS (", "SELECT",
             "avg(n) OVER w AS mean", "FROM series", "WINDOW w AS (", "ROWS BETWEEN 60 PRECEDING AND CURRENT ROW", "),",
             "avg(n) - stddev(n) AS lower_bound", "FROM", "series", ")", "SELECT", "n,", "FROM", "series,", "bounds;"]
    table = ["n │ is_anomaly", "───┼────────────", "2 │ f", "3 │ f", "12 │ t"]
    art = extract_text(standard_page(P[0], "The query to find them looks like this:", query, table, P[1], P[2]),
                       "t.txt")
    body = body_texts(art)
    assert all(line in body for line in query + table)
    kinds = {b.text: b.kind for b in art.blocks}
    assert kinds["WITH series AS ("] == "preformatted"


def test_caption_glued_to_its_credit_and_key_points_box_are_cut():
    caption = "The mayor speaks to residents outside the depot on Tuesday morning before the vote"
    art = extract_text(page(MENU, "Council extends bus programme for another year", "By Jane Doe",
                            ["KEY POINTS", "The service will run for another year.", "More routes may follow."],
                            P[0], [caption, "Jane Doe | Getty Images"], *P[1:]), "t.txt")
    assert body_texts(art) == P
    assert why(art, caption) == "photo caption or credit"
    assert why(art, "More routes may follow.") == "summary box above the article"


def test_author_box_after_the_body_is_cut():
    bio = ("Jane Doe is a transport reporter who has covered the city council for ten years and lives "
           "near the old bus depot with her family and two cats.")
    art = extract_text(standard_page(*P, "Jane Doe", bio), "t.txt")
    assert body_texts(art) == P
    assert why(art, "Jane Doe") == "author box"


def test_teaser_before_read_more_is_cut():
    headline = "Another city doubles its tram network in record time"
    teaser = "Engineers in the neighbouring region have finished the second line a year early, and the council there"
    art = extract_text(standard_page(P[0], P[1], headline, teaser, "Read more", P[2], P[3]), "t.txt")
    assert body_texts(art) == P[:4]
    assert why(art, teaser) == why(art, headline) == "teaser for another story"


def test_chinese_and_japanese_furniture():
    assert furniture("ツイート", 1) == "share or follow link"
    assert furniture("广告", 1) == "advertisement"
    assert section_start("【関連記事】") == "related"


def test_subheading_and_one_line_quote_kept_between_paragraphs():
    art = extract_text(standard_page(P[0], P[1], "What happens next", P[2], "“We are delighted.”", P[3]),
                       "t.txt")
    kinds = {b.text: b.kind for b in art.blocks}
    assert kinds.get("What happens next") == "heading"
    assert "“We are delighted.”" in kinds


def test_repeated_short_line_is_weak_evidence():
    label = "The Bus Weekly"
    art = extract_text(page(label, "Council extends bus programme for another year", "By Jane Doe",
                            P[0], P[1], label, P[2], P[3], label), "t.txt")
    assert body_texts(art) == P[:2] + [label] + P[2:4]  # between paragraphs: kept
    assert art.removed.count(label) == 2
    assert why(art, label) == "repeated on the page"


def test_comments_after_the_body_are_cut():
    comments = ["12 Comments"]
    for name in ("busfan", "commuter99", "localreader"):
        comments += [f"{name} says:", "March 12, 2024 at 10:02 am",
                     "I think this is a great decision and I hope they add more routes to the estate soon."]
    art = extract_text(standard_page(*P[:3], *comments), "t.txt")
    assert body_texts(art) == P[:3]
    assert not any("great decision" in t for t in body_texts(art))


def test_off_topic_teasers_after_related_header_are_cut():
    teasers = ["Related stories",
               "A new bakery has opened on the high street, selling bread made with flour from a local mill "
               "and cakes that the owners say follow recipes handed down by their grandmother.",
               "Whatsapp Facebook",
               "The football club has signed a young striker from abroad, and the manager said he expects "
               "the player to be ready for the first match of the new season next month."]
    art = extract_text(standard_page(*P, *teasers), "t.txt")
    assert body_texts(art) == P


def test_standfirst_repeated_in_the_body_is_shown_once():
    art = extract_text(page(MENU, "Council extends bus programme for another year", P[1],
                            "Last Updated 12 March 2024, 09:30 IST", *P), "t.txt")
    assert art.title == "Council extends bus programme for another year"
    assert body_texts(art) == P
    assert art.published == "2024-03-12T09:30:00+05:30"


def test_standfirst_above_the_byline_is_lifted():
    standfirst = ("The decision means the service will run until at least next spring, "
                  "and more routes may follow.")
    art = extract_text(page(MENU, "Council extends bus programme for another year", standfirst,
                            "By Jane Doe", *P), "t.txt")
    assert standfirst not in body_texts(art)
    assert why(art, standfirst).startswith("standfirst")


def test_wrapped_lines_are_rejoined():
    text = page(P[0], "The council said the new timetable would\nstart in May and run until the\n"
                "end of the year, with more buses at night.", P[1])
    art = extract_text(text, "t.txt")
    assert ("The council said the new timetable would start in May and run until the end of the year, "
            "with more buses at night.") in body_texts(art)


def test_language_detected_from_stoplists():
    french = ("Le conseil municipal a voté mardi pour prolonger le programme de bus pendant une année "
              "supplémentaire, en raison de la forte demande des habitants et d'un excédent budgétaire.")
    german = ("Der Stadtrat hat am Dienstag beschlossen, das Busprogramm um ein weiteres Jahr zu verlängern, "
              "weil die Nachfrage der Bewohner groß ist und der Haushalt einen Überschuss hat.")
    assert detect(french) == ("French", "fr")
    assert detect(german) == ("German", "de")
    assert detect(" ".join(P))[1] == "en"
    assert detect("这是一个关于城市公交的新闻报道，市议会周二投票决定延长公交计划。")[1] == "zh"
    art = extract_text(page(MENU, *[german] * 3), "t.txt")
    assert art.language == "de" and len(art.blocks) >= 1


def test_line_features():
    lines = split_lines("HOME\n\nThe council voted, after a long debate, to extend it. It passed.\nshort line")
    measure(lines, stoplist("English"))
    home, prose, short = lines
    assert home.upper and home.words == 1 and home.gap_after
    assert prose.sentence_end and prose.sentences == 2 and prose.clauses == 2
    assert prose.stop > 0.3 and prose.gap_before and not prose.gap_after
    assert not short.sentence_end and short.words == 2


def test_tiny_page_without_prose_keeps_its_lines():
    art = extract_text("abc\ndef\nghi\n", "t.txt")
    assert body_texts(art) == ["abc", "def", "ghi"]


def test_empty_text_gives_empty_article():
    art = extract_text("\n\n  \n", "t.txt")
    assert art.blocks == [] and art.title is None


def test_keep_everything_keeps_paragraphs_in_order():
    art = keep_everything("ADVERTISEMENT\n\nFirst para\nsame para\n\nSecond", "t.txt")
    assert body_texts(art) == ["ADVERTISEMENT", "First para same para", "Second"]


def test_control_characters_never_reach_the_blocks():
    art = extract_text(standard_page(P[0] + " \x1b[31mred\x1b[0m", *P[1:]), "t.txt")
    assert all("\x1b" not in b.text for b in art.blocks)


# ---------------------------------------------------------------- very long inputs
def test_very_long_input_cleans_the_window_with_the_article():
    from reader.core.extract.text import FAR, MANY_LINES

    above = [f"Menu item {k}" for k in range(MANY_LINES)]  # short lines: no prose anywhere
    below = [f"Footer link {k}" for k in range(MANY_LINES)]
    art = extract_text(page(above, standard_page(*P), below), "t.txt")
    assert art.title == "Council extends bus programme for another year"
    assert body_texts(art) == P
    assert why(art, "Menu item 3") == FAR and why(art, f"Footer link {MANY_LINES - 1}") == FAR


def test_very_long_input_without_prose_keeps_its_lines():
    from reader.core.extract.text import MANY_LINES

    lines = [f"Entry {chr(97 + k % 26)} of the list" for k in range(MANY_LINES + 5000)]
    art = extract_text("\n".join(lines), "t.txt")
    assert body_texts(art)[-1] == lines[-1] and len(art.blocks) == len(lines)


def test_very_long_line_is_measured_on_its_start():
    line = " ".join(P) * 200  # ~100,000 characters without a break
    lines = split_lines(line)
    measure(lines, stoplist("English"))
    assert lines[0].chars == len(line) and lines[0].words >= 15 and lines[0].stop > 0.3
    assert body_texts(extract_text(line, "t.txt")) == [line]


def test_summary_boxes_in_a_row_are_cut_once():
    art = extract_text(page(["Key points"] * 50, *P), "t.txt")
    assert body_texts(art) == P and art.removed.count("Key points") == 50


def test_headline_found_above_many_short_lines():
    shorts = [f"Item {chr(65 + k % 26)} with a few words" for k in range(3000)]
    art = extract_text(page("Council extends bus programme for another year", P[0], *shorts, P[1]), "t.txt")
    assert art.title == "Council extends bus programme for another year"


def test_contractions_of_stopwords_are_stopwords():
    stop = stoplist("English")
    assert {"it's", "don’t", "you're", "can't", "won't"} <= stop and "reindeer's" not in stop
    lines = split_lines("It's not that we don't know what you're doing with the reindeer's herders")
    measure(lines, stop)
    assert "reindeer's" in lines[0].vocab and not {"it's", "don't", "you're"} & lines[0].vocab


def test_standfirst_repeated_as_the_lead_after_share_buttons_is_shown_once():
    lead = "The council’s plan will extend the bus programme for another year, officials said on Tuesday evening."
    shares = ["Facebook", "Twitter", "Reddit", "Email", "Print", "WhatsApp", "LinkedIn"]
    art = extract_text(page(MENU, "Council extends bus programme for another year", "By Jane Doe", shares,
                            lead, "Photo by Jane Roe/Getty Images", lead.replace("’", "'"), *P[1:]), "t.txt")
    assert [b.text for b in art.blocks].count(lead.replace("’", "'")) == 1 and lead not in body_texts(art)


def test_teasers_sharing_only_incidental_words_with_the_article_are_cut():
    topic = ("reservoir drought farmers irrigation water rainfall valley authority pipeline supply summer crops levels "
             "engineers dam river pumping restrictions households storage wells aquifer orchards growers canal "
             "allocation shortage district tanks rationing harvest soil evaporation forecast basin catchment flows "
             "licences meters tariff vineyards boreholes snowpack runoff sprinklers cattle pasture hydrologists").split()
    asides = "money weekend video films critics streaming audiences studios firefighters animal holidays gardens".split()
    paras = []
    for k in range(12):  # each topic word used in two or three paragraphs, each aside once
        w = [topic[(k * 10 + j) % len(topic)] for j in range(10)]
        paras.append(f"The {w[0]}, the {w[1]} and the {w[2]} were discussed on Tuesday, when the {w[3]} said that "
                     f"{w[4]}, {w[5]} and {w[6]} would matter more than {w[7]}, {w[8]} or {w[9]} and the {asides[k]}.")
    teasers = []
    for k in range(3):
        a, b, c = asides[3 * k:3 * k + 3]
        teasers += [[f"Kicker {k}", f"Another story about {a} and {b}", f"{k + 3} shares"],
                    f"People who care about {a}, {b} and {c} spent their {asides[k + 9]} on something else, "
                    f"and nobody could explain why it happened."]
    art = extract_text(page("Valley farmers face water restrictions", *paras, "Want more stories like this?",
                            "Subscribe", *teasers), "t.txt")
    assert body_texts(art) == paras


def test_photo_gallery_slides_cut_with_their_captions():
    # 'Business news in pictures': slide counters out of one total, each over a prose caption.
    captions = [
        "The new buses were delivered to the depot on Monday, and the drivers said that they were much "
        "quieter than the old ones that had been running on the routes for more than a decade.",
        "Residents in the outer districts have asked the council for more routes, and a survey found that "
        "most of them would use the service if it ran later in the evening and at the weekend.",
        "The old depot stop will close at the end of the month, when the buses that used it are moved to "
        "the new station that was built on the site of the former market in the centre.",
    ]
    slides = []
    for n, caption in enumerate(captions, 1):
        slides += [f"{n}/3 Buses in pictures number {n}", caption]
    art = extract_text(standard_page(P[0], P[1], P[2], *slides), "t.txt")
    body = body_texts(art)
    assert P[0] in body and P[2] in body
    assert all(c not in body for c in captions)
    assert why(art, captions[1]) == "photo gallery" and why(art, "2/3 Buses in pictures number 2") == "photo gallery"


def test_reference_list_of_an_encyclopedia_article_kept():
    # MediaWiki notes open with the back-link '^'; a link may break a note's tail onto its own line.
    notes = ['^ Bogue, Mike (September 26, 2017). Apocalypse Then. McFarland & Company. p. 80.',
             '^ "In the Loop: Repeat Performance"', '. 24 August 2021.',
             '^ "Bus ridership figures". City Transport Review. Retrieved 27 January 2020.',
             '^ Hartl, John (September 3, 1998). "New routes for the outer districts". The Seattle Times.']
    art = extract_text(page(MENU, "Bus programme", *P[:4], ["References[edit]"], notes,
                            ["Privacy Policy", "Terms of Use", "Contact us"]), "t.txt")
    body = body_texts(art)
    assert P[0] in body and all(n in body for n in notes)
    assert "Privacy Policy" not in body


def test_article_about_privacy_keeps_its_paragraphs_but_not_the_banner():
    # A paragraph with a site notice's words ('terms of service') between paragraphs is text;
    # the cookie banner at the page's edge is still cut.
    para = ("But even if we accept that clicking through the terms of service that no one reads can count as "
            "consent, the riders who never signed up for the travel card were never asked about their data.")
    banner = "We use cookies to improve your experience on our website. By continuing you accept our use of cookies."
    art = extract_text(page(banner, MENU, "Bus programme", P[0], P[1], para, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert para in body and P[3] in body
    assert banner not in body and why(art, banner) in ("site notice (cookies, privacy, legal)", "legal or cookie notice",
                                                      "call to action", "before the article")


def test_table_of_figures_between_paragraphs_kept():
    # A table copied one cell a line: row names and figures, announced by the text above it.
    cells = ["Route", "Riders", "Change", "North loop", "12,400", "(+8%)", "Airport", "9,100", "(+15%)",
             "Old town", "4,300", "(-2%)"]
    art = extract_text(standard_page(P[0], P[1] + " The figures for each route were:", cells, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert all(c in body for c in cells)
    assert all(m not in body for m in MENU)


def test_table_of_contents_of_the_article_kept():
    # Under 'Contents', items that come back below as the text's own headings.
    sections = ["Background", "The vote", "What happens next"]
    toc = ["Contents"] + [f"{n} {s}" for n, s in enumerate(sections, 1)]
    art = extract_text(page(MENU, "Bus programme", P[0], toc, sections[0] + "[edit]", P[1],
                            sections[1] + "[edit]", P[2], sections[2] + "[edit]", P[3],
                            ["Privacy Policy", "Terms of Use", "Contact us"]), "t.txt")
    body = body_texts(art)
    assert all(item in body for item in toc[1:])
    assert all(m not in body for m in MENU)


def test_prose_hard_wrapped_at_a_fixed_width_is_not_a_menu():
    # A plain-text document (an RFC, a mail archive) wraps its paragraphs at ~70 columns.
    wrapped = ["To make the new timetable available to the riders of the outer",
               "North District, exactly one copy of the following form MUST be sent to",
               "<board> at <office> at the start of every month, and it SHOULD be",
               "Signed by the operator"]
    art = extract_text(standard_page(P[0], P[1], "Advertisement", wrapped, P[2], P[3]), "t.txt")
    body = body_texts(art)
    assert all(w in body for w in wrapped)
    assert all(m not in body for m in MENU)


def test_video_player_controls_cut_and_the_article_goes_on_under_them():
    # video.js leaves its controls and caption-settings menus in copied text.
    colours = ["White", "Black", "Red", "Green", "Blue", "Yellow", "Magenta", "Cyan", "---", "Opaque",
               "Semi-Transparent", "Transparent"]
    player = (["Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%",
               "Progress: 0%", "Stream TypeLIVE", "Remaining Time -0:00", "Playback Rate", "1", "Chapters",
               "descriptions off, selected", "subtitles off, selected", "Fullscreen", "This is a modal window.",
               "Foreground", "---"] + colours + ["Background", "---"] + colours + ["Window", "---"] + colours
              + ["Font Size", "50%", "100%", "200%", "Text Edge Style", "None", "Raised", "Depressed",
                 "Font Family", "Default", "Casual", "Script", "Small Caps", "Defaults Done", "Close",
                 "This is a modal window. This modal can be closed by pressing the Escape key."])
    art = extract_text(standard_page(P[0], P[1], player, P[2], P[3], P[4]), "t.txt")
    body = body_texts(art)
    assert all(p in body for p in P)
    assert "Current Time 0:00" not in body and why(art, "Current Time 0:00") == "video player"


def test_news_ticker_after_the_article_cut():
    # 'Direct': headlines each opening with the time they ran; one shares the article's words.
    ticker = ["14:44 Council approves new bus routes for the outer districts",
              "14:32 Artist arrested for dyeing a geyser pink", "14:10",
              "The council said the bus programme had carried more than two million passengers since it began.",
              "13:54 Storm closes the airport for a second day", "13:43 Rail strike called off after talks"]
    art = extract_text(page(MENU, "Council extends bus programme", *P[:4], ["Live"], ticker,
                            ["Privacy Policy", "Terms of Use"]), "t.txt")
    body = body_texts(art)
    assert P[3] in body
    assert all(t not in body for t in ticker)
    assert why(art, ticker[0]) == "news ticker"
