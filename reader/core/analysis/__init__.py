"""Analysis: Article -> Analysis (entities, dates, quotes).

`analyse` parses the whole body once with spaCy and hands the Doc to the
three finders; each returns items whose offsets point into block texts."""
from __future__ import annotations

from datetime import datetime

from ..models import Analysis, Article
from .layout import Layout


def analyse(article: Article, reference: datetime | None = None) -> Analysis:
    """Find entities, dates and quotes; dates resolve against `reference`
    (default: the article's publication date)."""
    from . import nlp
    from .dates import find_dates
    from .entities import find_entities
    from .quotes import find_quotes

    layout = Layout.of(article.blocks)
    if not layout.text.strip():
        return Analysis()
    doc = nlp.parse(layout.text)
    entities = find_entities(doc, layout)
    dates = find_dates(doc, layout, reference or article.published_datetime())
    quotes = find_quotes(doc, layout, entities)
    return Analysis(entities, dates, quotes)


__all__ = ["analyse", "Layout"]
