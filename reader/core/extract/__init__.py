"""Extraction: decoded input -> Article (blocks + metadata + what was cut).

HTML goes through `html.extract_html` (readability-lxml), text through the
line classifier in `text.extract_text`. Both return the same Article."""
from __future__ import annotations

from ..models import Article
from ..sources import Document
from .text import extract_text, keep_everything


def extract(doc: Document, clean: bool = True) -> Article:
    """Build the Article for `doc`; `clean=False` keeps every line of text input."""
    if doc.media_type == "text/html":
        from .html import extract_html  # readability/lxml load only for HTML

        return extract_html(doc.text, doc.name)
    if not clean:
        return keep_everything(doc.text, doc.name)
    return extract_text(doc.text, doc.name)


__all__ = ["extract", "extract_text", "keep_everything"]
