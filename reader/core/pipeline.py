"""The whole path as plain functions: load -> extract -> analyse. The CLI and
the UI both call these; the UI just runs them in workers."""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from . import cache
from .chunks import Merger, analyse_in_parts, complete
from .models import Analysis, Article
from .sources import DEFAULT_MAX_BYTES

Progress = Callable[[Analysis, int, int], None]  # (analysis so far, parts done, parts)


def read_article(source: str, clean: bool = True, published: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load and clean `source`; `published` (ISO date) overrides the page's date."""
    # Imported here, not at module import: the UI imports this module before its
    # first frame, and the cleaner's modules are ~60 ms of it (read in a worker).
    from . import launch_cache
    from .extract import extract
    from .sources import load

    article = extract(load(source, max_bytes), clean=clean)
    launch_cache.save()  # patterns compiled for the first time are kept for next launch
    if published:
        article.published = published
    return article


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


def background_analyser(environ: Mapping[str, str] = os.environ) -> Callable[..., Analysis]:
    """What the UI calls (from a worker thread) to analyse: a separate process
    started now, so spaCy loads while the UI paints and never holds the UI's
    GIL; READER_ANALYSIS=thread analyses in the calling thread instead (for
    measuring the difference, see benchmarks/bench_launch.py).
    Close the returned object with `close()` when done (a no-op for a thread)."""
    if environ.get("READER_ANALYSIS", "process") == "thread":
        return _InThread()
    from .analysis_worker import AnalysisProcess

    return AnalysisProcess().start()


class _InThread:
    """analyse_article with the AnalysisProcess interface."""

    def __call__(self, article: Article, progress: Progress | None = None,
                 first_block: int = 0) -> Analysis:
        return analyse_article(article, progress=progress, first_block=first_block)

    def close(self) -> None:
        pass
