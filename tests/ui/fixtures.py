"""A fixed article and a fixed analysis for UI tests and snapshots.

Both are literals (the seed article as the cleaner gives it today, and an
analysis written by hand), so neither a cleaner change nor a model upgrade
repaints a snapshot: the UI is tested on its own."""
from __future__ import annotations

import re

from reader.core.models import Analysis, Article, Block, DateRef, Entity, Link, Mention, Quote

TITLE = "Ukraine severs ties with North Korea after pro-Russia separatists recognition"
PARAGRAPHS = [
    "Ukraine said Wednesday it was severing relations with North Korea, hours after "
    "pro-Russian separatists in the country's east said their self-proclaimed republics "
    "had been recognised by Pyongyang.",
    "North Korea's recognition of the so-called Donetsk People's Republic and Lugansk "
    "People's Republic came after another Russian ally, Syria, made the same move last month.",
    "The Ukrainian foreign ministry in a statement denounced North Korea's decision to "
    "recognise territories Kyiv described as \"temporarily occupied by Russia\".",
    "\"In response... Ukraine announces it is cutting diplomatic relations with the "
    "Democratic People's Republic of Korea,\" the statement said.",
    "\"Russia no longer has any allies in the world, with the exception of countries that "
    "depend on it financially and politically,\" Ukrainian Foreign Minister Dmytro Kuleba "
    "said, according to the statement.",
    "Kuleba said Russia had appealed to North Korea to recognise the territory in a move "
    "that \"speaks more about Moscow's toxicity than Pyongyang's\".",
    "Russia recognised the self-proclaimed republics shortly before it launched its invasion "
    "of pro-European neighbour Ukraine on February 24.",
    "Earlier Wednesday, the separatists' representation in Moscow issued a photo on Telegram "
    "showing its envoy Olga Makeyeva receiving what she described as a letter of recognition "
    "from North Korea's ambassador, Sin Hong-chol.",
    "There has been no immediate comment from North Korea.",
    "Donetsk and neighbouring Lugansk lie in the Donbas coal region in eastern Ukraine.",
    "The region has been partially controlled by pro-Russian forces since 2014, a move that "
    "followed Russia's annexation of the Ukrainian peninsula of Crimea.",
    "The 2022 offensive has been defended by Russia in part as the need to protect the two "
    "separatist entities.",
    "The Donetsk separatists inaugurated their \"embassy\" in Moscow on Tuesday and said then "
    "they were in talks with North Korea on possible recognition.",
    "Separatist officials have long said they want their regions to eventually join Russia.",
]
# A standfirst in its own words (the seed's repeats its second paragraph, and
# a repeat is not shown twice: see test_header_empty).
STANDFIRST = ("Kyiv cuts diplomatic relations after Pyongyang recognises the two "
              "self-proclaimed republics in Ukraine's east")
REPEATED_STANDFIRST = PARAGRAPHS[1].rstrip(".")
REMOVED = ["\u00d7", "ADVERTISEMENT", "Last Updated 13 July 2022, 19:19 IST",
           "(Published 13 July 2022, 19:19 IST)", "Follow us on"]
REMOVED_WHY = ["page furniture", "advertising", "dateline (kept as the date)",
               "dateline (kept as the date)", "share and follow links"]


def seed_article(**changes) -> Article:
    article = Article(
        source="article.txt", title=TITLE, published="2022-07-13T19:19:00+05:30",
        blocks=[Block("paragraph", text) for text in PARAGRAPHS],
        links=[Link("Ukraine", "https://example.org/ukraine", 0),
               Link("North Korea", "https://example.org/north-korea", 0)],
        removed=list(REMOVED), removed_why=list(REMOVED_WHY))
    for name, value in changes.items():
        setattr(article, name, value)
    return article


def long_article() -> Article:
    """The seed's body three times over: room for several pages at 80x24."""
    article = seed_article()
    article.blocks = article.blocks * 3
    return article


def mentions_of(*words: str, blocks=PARAGRAPHS) -> list[Mention]:
    """Every occurrence of each word, in reading order."""
    found = []
    for number, text in enumerate(blocks):
        for word in words:
            for match in re.finditer(rf"\b{re.escape(word)}\b", text):
                found.append(Mention(number, match.start(), match.end()))
    return sorted(found, key=lambda m: (m.block, m.start))


def _entity(name: str, kind: str, *forms: str) -> Entity:
    mentions = mentions_of(*(forms or (name,)))
    if name != "Dmytro Kuleba":
        return Entity(name, kind, list(forms or (name,)), mentions)
    # "Kuleba" alone, not the surname inside "Dmytro Kuleba"
    full = mentions_of("Dmytro Kuleba")
    alone = [m for m in mentions_of("Kuleba") if all(not (f.start <= m.start < f.end and
                                                          f.block == m.block) for f in full)]
    return Entity(name, kind, ["Dmytro Kuleba", "Kuleba"],
                  sorted(full + alone, key=lambda m: (m.block, m.start)))


def _date(text: str, value: str | None, occurrence: int = 0) -> DateRef:
    mention = mentions_of(text)[occurrence]
    return DateRef(text, value, "date", mention.block, mention.start, mention.end)


def _quote(start_words: str, speaker: str | None, block: int) -> Quote:
    text = PARAGRAPHS[block]
    start = text.index(start_words)
    words = text[start:text.index("\"", start)].rstrip(",.")
    return Quote(words, speaker, "direct", block, start, start + len(words))


def seed_analysis() -> Analysis:
    return Analysis(
        entities=[
            _entity("Dmytro Kuleba", "PERSON"),
            _entity("Olga Makeyeva", "PERSON"),
            _entity("Sin Hong-chol", "PERSON"),
            _entity("North Korea", "PLACE"),
            _entity("Russia", "PLACE"),
            _entity("Ukraine", "PLACE"),
            _entity("Moscow", "PLACE"),
            _entity("Pyongyang", "PLACE"),
            _entity("Kyiv", "PLACE"),
            _entity("Syria", "PLACE"),
            _entity("Donbas", "PLACE"),
            _entity("Crimea", "PLACE"),
            _entity("Telegram", "ORG"),
            _entity("Ukrainian foreign ministry", "ORG"),
        ],
        dates=[
            _date("Wednesday", "2022-07-13", 0),
            _date("last month", "2022-06"),
            _date("February 24", "2022-02-24"),
            _date("Wednesday", "2022-07-13", 1),
            _date("2014", "2014"),
            _date("2022", "2022"),
            _date("Tuesday", "2022-07-12"),
        ],
        quotes=[
            _quote("temporarily occupied", "Kyiv", 2),
            _quote("In response", "Ukrainian foreign ministry", 3),
            _quote("Russia no longer", "Dmytro Kuleba", 4),
            _quote("speaks more", "Dmytro Kuleba", 5),
        ],
    )
