"""The last cut of an HTML article, on its blocks: what the content search
keeps but a reader does not want in the body.

Page furniture ('Advertisement', 'Photo: Getty Images': the text
cleaner's list names it), what follows a 'Comments' / 'Related stories'
line near the end, and the title repeated as one of the first blocks.
Every cut block goes to `article.removed` with why."""
from __future__ import annotations

import re

from ..models import Article, Block, Link

TRAILING_SHARE = 0.5  # a section heading in the last half ends the story
PROSE_CHARS = 200  # a paragraph this long after a 'Related' line means the story goes on


def trim_blocks(blocks: list[Block], links: list[Link], article: Article) -> tuple[list[Block], list[Link]]:
    """The blocks (and their links, renumbered) that belong to the story."""
    keep = _furniture_free(blocks, article)
    keep &= _before_trailing_section(blocks, article)
    keep &= _not_title_repeat(blocks, article.title)
    return _select(blocks, links, keep)


def _cut(article: Article, text: str, why: str) -> None:
    article.removed.append(text)
    article.removed_why.append(why)


def _furniture_free(blocks: list[Block], article: Article) -> set[int]:
    """Indexes of blocks that are not page furniture."""
    from .boilerplate import furniture

    keep = set()
    for i, block in enumerate(blocks):
        why = None if block.kind == "preformatted" else furniture(block.text, len(block.text.split()))
        if why:
            _cut(article, block.text, why)
        else:
            keep.add(i)
    return keep


def _before_trailing_section(blocks: list[Block], article: Article) -> set[int]:
    """Indexes before a short 'Comments' / 'Related stories' / 'More from'
    line in the last part of the article: what follows belongs to the page,
    not the story."""
    from .boilerplate import section_start

    start = int(len(blocks) * TRAILING_SHARE)
    for i in range(max(start, 1), len(blocks)):
        block = blocks[i]
        kind = section_start(block.text) if block.kind in ("heading", "paragraph") and len(block.text) <= 80 else None
        if kind == "related" and any(len(b.text) >= PROSE_CHARS for b in blocks[i + 1:]):
            continue  # 'Read also' between parts of the story: the story goes on
        if kind:
            for cut in blocks[i:]:
                _cut(article, cut.text, f"after '{block.text}'")
            return set(range(i))
    return set(range(len(blocks)))


def _not_title_repeat(blocks: list[Block], title: str | None) -> set[int]:
    """The title is printed above the body: its repeat as one of the first
    blocks (a heading, or a paragraph styled as one) is dropped."""
    every = set(range(len(blocks)))
    if not title:
        return every
    key = _key(title)
    for i, block in enumerate(blocks[:3]):
        if block.kind in ("heading", "paragraph") and _key(block.text) == key:
            return every - {i}
    return every


def _select(blocks: list[Block], links: list[Link], keep: set[int]) -> tuple[list[Block], list[Link]]:
    """The kept blocks, and the links of kept blocks renumbered to match."""
    new_index = {}
    kept = []
    for i, block in enumerate(blocks):
        if i in keep:
            new_index[i] = len(kept)
            kept.append(block)
    moved = [Link(l.text, l.url, new_index[l.block]) for l in links if l.block in new_index]
    return kept, moved


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())
