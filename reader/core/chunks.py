"""Long articles analysed a part at a time, the part being read first.

spaCy over a whole book at once takes minutes and gigabytes, and shows
nothing until the end. An article longer than one pass (analysis.CHUNK_CHARS) is
cut at block boundaries into parts of about PART_CHARS; each part is analysed as
an article of its own (`analyse_part`), its mentions shifted to the whole
article's block numbers, and the parts are merged as they arrive (`merge`):
the same name (or a name one part knows as a form of another, "Kuleba" for
"Dmytro Kuleba") of the same type is one entity. Shorter articles are one
part, analysed exactly as before. Pure: no spaCy import here."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from .models import Analysis, Article, DateRef, Entity, Mention, Quote

PART_CHARS = 20_000    # ~3,500 words: about a second of spaCy, a few tens of MB


def plan(article: Article, first_block: int = 0, whole_limit: int | None = None,
         part_chars: int | None = None, budget: int | None = None) -> list[tuple[int, int]]:
    """Block ranges [lo, hi) to analyse, in order: the part holding
    `first_block`, the parts after it, then the parts before it (nearest
    first), while the total stays within `budget` characters (a book is not
    analysed whole; see analysis.MAX_ANALYSED_CHARS). One range when the
    article is short enough for one pass (analysis.CHUNK_CHARS)."""
    from .analysis import CHUNK_CHARS, MAX_ANALYSED_CHARS  # constants only: no spaCy

    whole_limit = CHUNK_CHARS if whole_limit is None else whole_limit
    budget = MAX_ANALYSED_CHARS if budget is None else budget
    part_chars = PART_CHARS if part_chars is None else part_chars
    blocks = article.blocks
    if not blocks:
        return []
    if sum(len(b.text) + 2 for b in blocks) <= whole_limit:
        return [(0, len(blocks))]
    ranges, sizes, lo, size = [], [], 0, 0
    for i, block in enumerate(blocks):
        size += len(block.text) + 2
        if size >= part_chars:
            ranges.append((lo, i + 1))
            sizes.append(size)
            lo, size = i + 1, 0
    if lo < len(blocks):
        ranges.append((lo, len(blocks)))
        sizes.append(size)
    here = next((k for k, (a, b) in enumerate(ranges) if a <= first_block < b), 0)
    order = list(range(here, len(ranges))) + list(range(here - 1, -1, -1))
    chosen, spent = [], 0
    for k in order:
        if chosen and spent + sizes[k] > budget:
            break
        chosen.append(ranges[k])
        spent += sizes[k]
    return chosen


def complete(article: Article, first_block: int) -> bool:
    """Whether analysing from `first_block` covers the same parts as from the
    top (only such a result is cached: the cache must not depend on where
    the reader was)."""
    return set(plan(article, first_block)) == set(plan(article, 0))


def part_article(article: Article, lo: int, hi: int) -> Article:
    """The blocks [lo, hi) as an article of their own (same date reference)."""
    return Article(source=article.source, title=article.title, published=article.published,
                   language=article.language, blocks=article.blocks[lo:hi])


def shift(analysis: Analysis, lo: int) -> Analysis:
    """Mentions of a part moved to the whole article's block numbers."""
    if lo == 0:
        return analysis
    return Analysis(
        [replace(e, mentions=[Mention(m.block + lo, m.start, m.end) for m in e.mentions])
         for e in analysis.entities],
        [replace(d, block=d.block + lo) for d in analysis.dates],
        [replace(q, block=q.block + lo) for q in analysis.quotes],
    )


def analyse_in_parts(article: Article, analyse: Callable[[Article], Analysis],
                     first_block: int = 0) -> Iterator[tuple[int, int, Analysis]]:
    """(done, total, this part's analysis in whole-article block numbers) for
    each part in turn; feed them to a Merger (one part: the whole analysis)."""
    ranges = plan(article, first_block)
    for done, (lo, hi) in enumerate(ranges, 1):
        whole = (lo, hi) == (0, len(article.blocks))
        part = analyse(article if whole else part_article(article, lo, hi))
        yield done, len(ranges), shift(part, lo)


def merge(parts: list[Analysis]) -> Analysis:
    """One analysis from several parts of the same article (see module doc)."""
    if len(parts) == 1:
        return parts[0]
    merger = Merger()
    for part in parts:
        merger.add(part)
    return merger.result()


class Merger:
    """Parts merged as they arrive; `result()` is the analysis so far."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_form: dict[tuple[str, str], Entity] = {}
        self.dates: list[DateRef] = []
        self.quotes: list[tuple[Quote, Entity | None]] = []
        self.parts = 0

    def add(self, part: Analysis) -> None:
        self.parts += 1
        found: dict[str, Entity] = {}
        for entity in part.entities:
            into = self._match(entity)
            if into is None:
                into = Entity(entity.name, entity.type, [], [])
                self.entities.append(into)
            _absorb(into, entity)
            for form in [into.name, *into.forms]:
                self.by_form.setdefault((into.type, form), into)
            for form in [entity.name, *entity.forms]:
                found.setdefault(form, into)
        self.dates.extend(part.dates)
        self.quotes.extend((q, found.get(q.speaker) if q.speaker else None) for q in part.quotes)

    def _match(self, entity: Entity) -> Entity | None:
        for form in [entity.name, *entity.forms]:
            into = self.by_form.get((entity.type, form))
            if into is not None:
                return into
        return None

    def result(self) -> Analysis:
        """A snapshot (new lists; later parts do not change it)."""
        entities = [Entity(e.name, e.type, list(e.forms), sorted(e.mentions, key=_position))
                    for e in self.entities]
        entities.sort(key=lambda e: (-len(e.mentions), e.name))
        quotes = [replace(q, speaker=who.name) if who is not None and who.name != q.speaker else q
                  for q, who in self.quotes]
        return Analysis(entities, sorted(self.dates, key=_position), sorted(quotes, key=_position))


def _absorb(into: Entity, entity: Entity) -> None:
    """Add `entity`'s forms and mentions; the fuller name wins."""
    if len(entity.name.split()) > len(into.name.split()) or not into.mentions:
        into.name = entity.name
    for form in [entity.name, *entity.forms]:
        if form not in into.forms:
            into.forms.append(form)
    seen = set(into.mentions)
    into.mentions.extend(m for m in entity.mentions if m not in seen)


def _position(item: Mention | DateRef | Quote) -> tuple[int, int]:
    return (item.block, item.start)
