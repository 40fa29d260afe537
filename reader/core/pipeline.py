"""The whole path as plain functions: load -> extract -> analyse. The CLI and
the UI both call these; the UI just runs them in workers."""
from __future__ import annotations

from . import cache
from .models import Analysis, Article
from .sources import DEFAULT_MAX_BYTES


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


def analyse_article(article: Article, use_cache: bool = True) -> Analysis:
    """Analyse `article` (spaCy loads on first use), through the cache."""
    key = cache.cache_key(article)
    if use_cache:
        hit = cache.load(key)
        if hit is not None:
            return hit
    from .analysis import analyse  # spaCy loads only when analysis is asked for

    result = analyse(article)
    if use_cache:
        cache.store(key, result)
    return result
