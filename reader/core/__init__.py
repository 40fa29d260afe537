"""reader's core: loading, cleaning, analysis and export, with no terminal
dependency (never imports textual or rich; tests/core/test_import_hygiene.py
proves it)."""
from .errors import ReaderError
from .models import Analysis, Article, Block, DateRef, Entity, Link, Mention, Quote
from .pipeline import analyse_article, read_article

__all__ = [
    "Analysis", "Article", "Block", "DateRef", "Entity", "Link", "Mention", "Quote",
    "ReaderError", "analyse_article", "read_article",
]
