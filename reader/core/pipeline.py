"""The whole path as plain functions: load -> extract -> analyse. The CLI and
the UI both call these; the UI just runs them in workers."""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import partial

from . import cache
from .chunks import Merger, analyse_in_parts, complete
from .models import Analysis, Article, Block
from .sources import DEFAULT_MAX_BYTES, Document, load

LARGE_TEXT = 1_000_000  # characters: beyond this a text file is cleaned at its ends only
HEAD_CHARS = 200_000
TAIL_CHARS = 100_000

Progress = Callable[[Analysis, int, int], None]  # (analysis so far, parts done, parts)


def read_article(source: str, clean: bool = True, published: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load and clean `source`; `published` (ISO date) overrides the page's date."""
    return _extract(load(source, max_bytes), clean, published)


def open_article(source: str, clean: bool = True, published: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article | Callable[[], Article]:
    """For the UI, before its first frame: the Article itself when that is
    cheap (a local or piped text file: a few ms, a 5 MB one well under a
    second), else a function that does the slow rest (fetching a URL,
    parsing HTML) for a worker thread. Errors reading a local file raise here."""
    if source.startswith(("http://", "https://")):
        return partial(read_article, source, clean, published, max_bytes)
    doc = load(source, max_bytes)
    if doc.media_type == "text/html":
        return partial(_extract, doc, clean, published)
    return _extract(doc, clean, published)


def _extract(doc: Document, clean: bool, published: str | None) -> Article:
    # Imported here, not at module import: the UI imports this module before its
    # first frame, and the cleaner's modules are ~60 ms of it.
    from . import launch_cache
    from .extract import extract

    if clean and doc.media_type == "text/plain" and len(doc.text) > LARGE_TEXT:
        article = _extract_large_text(doc)
    else:
        article = extract(doc, clean=clean)
    launch_cache.save()  # patterns compiled for the first time are kept for next launch
    if published:
        article.published = published
    return article


def _extract_large_text(doc: Document) -> Article:
    """A book-length text file, cleaned where page furniture lives: the first
    HEAD_CHARS (headline, byline, dates, menus) and the last TAIL_CHARS
    (related links, comments, footer) go through the cleaner; every line in
    between is body, one paragraph block per line as the cleaner makes them.
    The cleaner is linear but slow (~2 MB/s): 5 MB would take seconds."""
    from .extract import extract
    from .extract.textlines import split_lines
    from .safety import clean_text

    text = doc.text
    cut_head = _paragraph_break(text, HEAD_CHARS)
    cut_tail = _paragraph_break(text, len(text) - TAIL_CHARS)
    if not 0 < cut_head < cut_tail < len(text):
        return extract(doc, clean=True)
    head = extract(Document(doc.name, text[:cut_head], doc.media_type, doc.encoding), clean=True)
    tail = extract(Document(doc.name, text[cut_tail:], doc.media_type, doc.encoding), clean=True)
    middle = [Block("paragraph", line.text) for line in split_lines(clean_text(text[cut_head:cut_tail]))]
    head.blocks += middle + tail.blocks
    head.removed += tail.removed
    head.removed_why += tail.removed_why
    head.links += tail.links
    return head


def _paragraph_break(text: str, near: int) -> int:
    """The offset just after the blank line (else the line break) nearest
    before `near`: a window never cuts a paragraph."""
    for mark in ("\n\n", "\n"):
        found = text.rfind(mark, 0, max(0, near))
        if found > 0:
            return found + len(mark)
    return -1


def cached_analysis(article: Article) -> Analysis | None:
    """The analysis from the cache, without loading any NLP (fast path)."""
    return cache.load(cache.cache_key(article))


def analyse_article(article: Article, use_cache: bool = True, progress: Progress | None = None,
                    first_block: int = 0) -> Analysis:
    """Analyse `article` (spaCy loads on first use), through the cache. A long
    article goes part by part, the part holding `first_block` first (memory
    stays bounded); `progress` gets the analysis so far after each part."""
    key = cache.cache_key(article)
    if use_cache:
        hit = cache.load(key)
        if hit is not None:
            return hit
    from .analysis import analyse  # spaCy loads only when analysis is asked for

    merger, result = Merger(), Analysis()
    for done, total, part in analyse_in_parts(article, analyse, first_block):
        if total == 1:
            result = part
        else:
            merger.add(part)
            result = merger.result()
        if progress is not None:
            progress(result, done, total)
    if use_cache and complete(article, first_block):
        cache.store(key, result)
    return result


def background_analyser(environ: Mapping[str, str] = os.environ,
                        start: bool = True) -> Callable[..., Analysis]:
    """What the UI calls (from a worker thread) to analyse: a separate process
    started now, so spaCy loads while the UI paints and never holds the UI's
    GIL; READER_ANALYSIS=thread analyses in the calling thread instead (for
    measuring the difference, see benchmarks/bench_launch.py).
    `start()` it to spawn the process before the first request (`start=True`
    does); `close()` it when done (both no-ops for a thread)."""
    if environ.get("READER_ANALYSIS", "process") == "thread":
        return _InThread()
    from .analysis_worker import AnalysisProcess

    process = AnalysisProcess()
    return process.start() if start else process


class _InThread:
    """analyse_article with the AnalysisProcess interface."""

    first_block = 0
    reports_progress = True

    def __call__(self, article: Article, progress: Progress | None = None,
                 first_block: int | None = None) -> Analysis:
        first = self.first_block if first_block is None else first_block
        return analyse_article(article, progress=progress, first_block=first)

    def start(self) -> _InThread:
        return self

    def close(self) -> None:
        pass
