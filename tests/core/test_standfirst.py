"""The standfirst (the summary under the headline): the text cleaner keeps it
out of the body but on the Article, and the printed outputs place it -- the
JSON contract right after the title, Markdown as an italic line under the
title, plain text not at all (that output is the title and the body)."""
from __future__ import annotations

import json

from reader.core.export import to_dict, to_json, to_markdown, to_text
from reader.core.extract.text import extract_text
from reader.core.models import Article, Block

HEADLINE = "Council votes to close the old harbour bridge to cars"
STANDFIRST = ("The city will spend two years rebuilding the crossing, and cyclists will keep "
              "a lane throughout the work.")
PAGE = "\n".join([
    "Menu", "Home", "World", HEADLINE, STANDFIRST, "By Jane Doe",
    "Published 3 March 2023, 10:15 GMT",
    "The city council voted on Tuesday to close the old harbour bridge to cars from next "
    "spring, ending weeks of argument over the future of the crossing that carries twenty "
    "thousand vehicles a day.",
    "Engineers told the council that the bridge's steel deck had corroded faster than "
    "expected and that heavy traffic could no longer be allowed, according to a report "
    "published last month.",
    "\"We have no choice but to act now, before the deck fails,\" the council leader, Maria "
    "Lopez, told reporters after the vote.",
    "Shop owners on both sides of the river said the closure would hurt trade, and a petition "
    "against it has gathered more than five thousand signatures since January.",
    "Share this article", "Follow us on Twitter",
])


def test_text_cleaner_keeps_the_standfirst_out_of_the_body():
    article = extract_text(PAGE, "page.txt")
    assert article.title == HEADLINE
    assert article.standfirst == STANDFIRST
    assert all(STANDFIRST not in block.text for block in article.blocks)


def test_no_standfirst_when_the_byline_follows_the_headline():
    article = extract_text(PAGE.replace(STANDFIRST + "\n", ""), "page.txt")
    assert article.title == HEADLINE
    assert article.standfirst is None


def _article(standfirst: str | None) -> Article:
    return Article(source="a.txt", title="A title", standfirst=standfirst,
                   blocks=[Block("paragraph", "The body.")])


def test_json_has_the_standfirst_after_the_title():
    data = to_dict(_article("A *short* summary."), None)
    keys = list(data)
    assert keys[:4] == ["source", "title", "standfirst", "byline"]
    assert json.loads(to_json(_article(None), None))["standfirst"] is None


def test_markdown_puts_the_standfirst_in_italics_under_the_title():
    lines = to_markdown(_article("A *short* summary."), None).splitlines()
    assert lines[:3] == ["# A title", "", "*A \\*short\\* summary.*"]
    assert "*" not in to_markdown(_article(None), None).splitlines()[2]


def test_plain_text_leaves_the_standfirst_out():
    assert to_text(_article("A short summary.")) == "A title\n\nThe body.\n"


def test_a_standfirst_that_repeats_the_lead_is_kept_as_the_standfirst():
    lead = PAGE.splitlines()[7]
    page = PAGE.replace(STANDFIRST, lead.rstrip("."))
    article = extract_text(page, "page.txt")
    assert article.standfirst == lead.rstrip(".")
    assert article.blocks[0].text == lead  # the body keeps its own copy
