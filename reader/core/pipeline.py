"""The whole path as plain functions: load -> extract -> analyse. The CLI and
the UI both call these; the UI just runs them in workers."""
from __future__ import annotations

from .extract import extract
from .models import Analysis, Article
from .sources import DEFAULT_MAX_BYTES, load


def read_article(source: str, clean: bool = True, published: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load and clean `source`; `published` (ISO date) overrides the page's date."""
    article = extract(load(source, max_bytes), clean=clean)
    if published:
        article.published = published
    return article


def analyse_article(article: Article) -> Analysis:
    from .analysis import analyse  # spaCy loads only when analysis is asked for

    return analyse(article)
