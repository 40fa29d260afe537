"""The data every stage passes on: an Article (what extraction found) and an
Analysis (what the NLP stage found in it). Plain dataclasses, no behaviour
beyond small derived views, so every stage can be tested on literals."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

BLOCK_KINDS = ("heading", "paragraph", "quote", "list_item", "preformatted", "caption")
ENTITY_TYPES = ("PERSON", "PLACE", "ORG")
DATE_KINDS = ("date", "time", "duration", "set")
QUOTE_KINDS = ("direct", "reported")


@dataclass(frozen=True)
class Block:
    """One unit of the article body; `text` is exactly what the UI renders."""

    kind: str
    text: str


@dataclass(frozen=True)
class Link:
    """A link found in the article: its visible text and an http(s) target."""

    text: str
    url: str
    block: int | None = None


@dataclass
class Article:
    """The cleaned article. `published`/`updated` are ISO 8601 strings
    (date-only when the page shows no time) so they survive JSON unchanged."""

    source: str
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    site: str | None = None
    language: str | None = "en"
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Why each removed line was cut, parallel to `removed` (for "show what was cut").
    removed_why: list[str] = field(default_factory=list)
    # The summary under the headline (the "standfirst"), when the cleaner found
    # one; it is not body text, so it is never among `blocks`.
    standfirst: str | None = None

    def published_datetime(self) -> datetime | None:
        """The publication moment as a datetime (midnight when only a day is known)."""
        return parse_iso(self.published)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)


def parse_iso(value: str | None) -> datetime | None:
    """Parse our ISO strings ('2022-07-13' or '2022-07-13T19:19:00+05:30')."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(value[:10]), datetime.min.time())
        except ValueError:
            return None


@dataclass(frozen=True)
class Mention:
    """A span of one block's text: Python string indices, end exclusive."""

    block: int
    start: int
    end: int


@dataclass
class Entity:
    name: str
    type: str  # PERSON | PLACE | ORG
    forms: list[str]
    mentions: list[Mention]


@dataclass
class DateRef:
    text: str
    value: str | None
    kind: str  # date | time | duration | set
    block: int
    start: int
    end: int

    @property
    def mention(self) -> Mention:
        return Mention(self.block, self.start, self.end)


@dataclass
class Quote:
    text: str
    speaker: str | None
    kind: str  # direct | reported
    block: int
    start: int
    end: int

    @property
    def mention(self) -> Mention:
        return Mention(self.block, self.start, self.end)


@dataclass
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
