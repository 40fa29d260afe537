"""The last cut of an HTML article, on its blocks: what the content search
keeps but a reader does not want in the body.

Page furniture ('Advertisement', 'Photo: Getty Images': the text
cleaner's list names it), what follows a 'Comments' / 'Related stories'
line near the end, datelines and bylines at the top (the header shows the
date and authors) with the standfirst above them, and the title repeated
as the first block. Every cut block goes to `article.removed` with why."""
from __future__ import annotations

import re

from ..models import Article, Block, Link

_FIELD_SEPARATOR = re.compile(r"\s[-|•·–—/]\s|\s*\|\s*")

TRAILING_SHARE = 0.5  # a section heading in the last half ends the story
PROSE_CHARS = 200  # a paragraph this long after a 'Related' line means the story goes on
LINKED_CHARS = 200  # a linked headline is shorter than this ...
LINKED_SHARE = 0.9  # ... and this much of it is link text
HEADLINE_WORDS = 5  # mean words of linked headlines (a 'See also' list of terms has fewer)
LINKED_RUN = 2  # a list of them, as html_clean's headline lists; one 'Read also' link is part of the text
HEAD_BLOCKS = 8  # datelines and bylines are looked for among the first blocks
DATELINE_WORDS = 25  # a longer block is prose, whatever dates it holds
DATELINE_OTHER_WORDS = 8  # words beside the dates: labels, names, separators
FIELD_WORDS = 5  # words in one field of a post's details line ('Category: Health')
STANDFIRST_BLOCKS = 3  # at most this many blocks above the first dateline ...
STANDFIRST_WORDS = 80  # ... of at most this many words make the standfirst
STANDFIRST_MIN_WORDS = 8  # shorter blocks among them are labels, not the summary shown


def trim_blocks(blocks: list[Block], links: list[Link], article: Article,
                linked: list[int] | None = None) -> tuple[list[Block], list[Link]]:
    """The blocks (and their links, renumbered) that belong to the story.
    `linked`: characters of each block inside links (from the links when not given)."""
    keep = _no_linked_run(blocks, links, article, linked)
    keep &= _furniture_free(blocks, article)
    keep &= _before_trailing_section(blocks, article)
    keep &= _not_title_repeat(blocks, article.title)
    keep &= _no_dateline(blocks, article)
    return _select(blocks, links, keep)


def _cut(article: Article, text: str, why: str) -> None:
    article.removed.append(text)
    article.removed_why.append(why)


def _no_linked_run(blocks: list[Block], links: list[Link], article: Article,
                   linked: list[int] | None) -> set[int]:
    """Indexes without a 'More:' / 'Related' line and the linked headlines
    right after it: pointers to other stories set between the story's
    paragraphs (the story goes on after them). A 'See also' list of
    linked terms stays."""
    from .boilerplate import furniture, section_start

    if linked is None or len(linked) != len(blocks):
        linked = [0] * len(blocks)
        for link in links:
            if 0 <= link.block < len(blocks):
                linked[link.block] += len(link.text)
    keep = set(range(len(blocks)))
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        marker = (blocks[i].kind in ("heading", "paragraph") and len(text) <= 80
                  and (section_start(text) == "related" or _is_pointer_label(text, furniture)))
        run = i + 1
        while (marker and run < len(blocks) and len(blocks[run].text) <= LINKED_CHARS
               and linked[run] >= LINKED_SHARE * len(blocks[run].text)):
            run += 1
        words = sum(len(b.text.split()) for b in blocks[i + 1:run])
        if run - i - 1 >= LINKED_RUN and words >= HEADLINE_WORDS * (run - i - 1):  # headlines, not terms
            for j in range(i, run):
                keep.discard(j)
                _cut(article, blocks[j].text, f"linked headlines after '{text}'")
            i = run
        else:
            i += 1
    return keep


def _is_pointer_label(text: str, furniture) -> bool:
    why = furniture(text, len(text.split()))
    return why == "related links header" or (why == "navigation" and text.rstrip().endswith(":"))


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


def _no_dateline(blocks: list[Block], article: Article) -> set[int]:
    """Indexes without the datelines and bylines among the first blocks,
    nor the standfirst (the summary under the headline) above the first
    of them: the header shows the date and authors from the metadata."""
    keep = set(range(len(blocks)))
    first = None
    for i, block in enumerate(blocks[:HEAD_BLOCKS]):
        why = _dateline_or_byline(block, article.language or "en")
        if why:
            keep.discard(i)
            _cut(article, block.text, why)
            first = i if first is None else first
    if first is not None and 0 < first <= STANDFIRST_BLOCKS:
        lead = [j for j in range(first) if j in keep and blocks[j].kind != "caption"]
        if sum(len(blocks[j].text.split()) for j in lead) <= STANDFIRST_WORDS:
            for j in lead:
                keep.discard(j)
                _cut(article, blocks[j].text, "standfirst")
            # The header shows it; labels and furniture ('Advice', 'By') are not a summary.
            summary = [blocks[j].text for j in lead if len(blocks[j].text.split()) >= STANDFIRST_MIN_WORDS]
            article.standfirst = " ".join(summary) or None
    return keep


def _dateline_or_byline(block: Block, lang: str) -> str | None:
    """'dateline' for 'Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: ...',
    'byline' for 'By Jane Doe', else None."""
    from .metadata import is_relative_time, parse_byline, stamps

    text = block.text
    words = len(text.split())
    if block.kind == "preformatted" or words > DATELINE_WORDS or "(@" in text:
        return None  # '— Jane Doe (@jane) May 1, 2020' signs an embedded post: it stays
    found = stamps(text, lang)
    if found:
        rest = text
        for stamp in reversed(found):
            rest = rest[:stamp.start] + " " + rest[stamp.end:]
        if len(re.findall(r"\w+", rest)) <= DATELINE_OTHER_WORDS or _fields(rest):
            return "dateline"
        return None
    if words <= 6 and is_relative_time(text):
        return "dateline"
    if words <= 12 and parse_byline(text):
        return "byline"
    return None


def _fields(text: str) -> bool:
    """'Publicado por: Ana Lima - Categoria: Saúde - Tags: sus' beside a
    date: the post's details as short fields between separators, not prose."""
    parts = [p for p in _FIELD_SEPARATOR.split(text) if re.search(r"\w", p)]
    return len(parts) >= 2 and all(len(p.split()) <= FIELD_WORDS for p in parts)


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
