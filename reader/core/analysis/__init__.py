"""Analysis: Article -> Analysis (entities, dates, quotes).

`analyse` parses the body with spaCy and hands each Doc to the three
finders; each returns items whose offsets point into block texts. Long
articles are parsed in chunks of whole blocks (spaCy's memory grows with the
text it holds), and only the first MAX_ANALYSED_CHARS are analysed at all, so
a book-length input costs bounded time and memory."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from ..models import Analysis, Article, Block, Entity, Mention
from .layout import Layout

CHUNK_CHARS = 100_000          # ~17k words: one spaCy Doc of a few hundred MB at most
MAX_ANALYSED_CHARS = 1_000_000  # beyond this (a book), the rest is left unannotated


def analyse(article: Article, reference: datetime | None = None) -> Analysis:
    """Find entities, dates and quotes; dates resolve against `reference`
    (default: the article's publication date)."""
    reference = reference or article.published_datetime()
    parts = [_analyse_chunk(blocks, reference) for blocks in chunks(article.blocks)]
    merged = _merge(parts)
    return merged


def chunks(blocks: list[Block]) -> Iterator[list[tuple[int, Block]]]:
    """Consecutive (index, block) runs of at most CHUNK_CHARS, in order, up
    to MAX_ANALYSED_CHARS in all; an over-long block is cut to fit (its
    prefix keeps the same offsets, so mentions stay valid)."""
    run: list[tuple[int, Block]] = []
    size = budget = 0
    for index, block in enumerate(blocks):
        room = min(CHUNK_CHARS, MAX_ANALYSED_CHARS - budget)
        if room <= 0:
            break
        if len(block.text) > room:
            block = replace(block, text=block.text[:room])
        if run and size + len(block.text) > CHUNK_CHARS:
            yield run
            run, size = [], 0
        run.append((index, block))
        size += len(block.text) + 2
        budget += len(block.text) + 2
    if run:
        yield run


def _analyse_chunk(indexed: list[tuple[int, Block]], reference: datetime | None) -> Analysis:
    from . import nlp
    from .dates import find_dates
    from .entities import find_entities
    from .quotes import find_quotes

    layout = Layout.of([block for _, block in indexed])
    if not layout.text.strip():
        return Analysis()
    doc = nlp.parse(layout.text)
    entities = find_entities(doc, layout)
    dates = find_dates(doc, layout, reference)
    quotes = find_quotes(doc, layout, entities)
    return _renumber(Analysis(entities, dates, quotes), [i for i, _ in indexed])


def _renumber(part: Analysis, index_of: list[int]) -> Analysis:
    """Map chunk-local block numbers back to the article's."""
    if index_of == list(range(len(index_of))):
        return part
    for entity in part.entities:
        entity.mentions = [Mention(index_of[m.block], m.start, m.end) for m in entity.mentions]
    for item in (*part.dates, *part.quotes):
        item.block = index_of[item.block]
    return part


def _merge(parts: list[Analysis]) -> Analysis:
    """One Analysis from the chunks': entity rows of the same name and type join."""
    if len(parts) == 1:
        return parts[0]
    rows: dict[tuple[str, str], Entity] = {}
    result = Analysis()
    for part in parts:
        for entity in part.entities:
            row = rows.setdefault((entity.name, entity.type), Entity(entity.name, entity.type, [], []))
            row.forms += [f for f in entity.forms if f not in row.forms]
            row.mentions += entity.mentions
        result.dates += part.dates
        result.quotes += part.quotes
    result.entities = sorted(rows.values(), key=lambda e: (-len(e.mentions), e.name))
    return result


__all__ = ["analyse", "chunks", "Layout", "CHUNK_CHARS", "MAX_ANALYSED_CHARS"]
