"""HTML -> Article. The only module that imports readability-lxml.

readability finds the main content; we walk its tree into typed blocks
(headings, paragraphs, quotes, list items, preformatted, captions) and
collect http(s) links."""
from __future__ import annotations

import logging
import re

from ..models import Article, Block, Link
from ..safety import clean_line, clean_text, safe_url

_BLOCK_TAGS = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "p": "paragraph", "li": "list_item",
    "blockquote": "quote", "pre": "preformatted", "figcaption": "caption",
    "caption": "caption", "dt": "paragraph", "dd": "paragraph", "tr": "paragraph",
}


def extract_html(html: str, source: str) -> Article:
    """Main content of `html` as an Article."""
    # readability logs tracebacks on bad input; our errors are handled here.
    logging.getLogger("readability").setLevel(logging.CRITICAL)
    from lxml import html as lxml_html  # noqa: F401  (readability needs lxml)
    from readability import Document

    html = html.replace("\x00", "")
    article = Article(source=source)
    try:
        doc = Document(html)
        article.title = clean_line(doc.short_title() or "").strip() or None
        summary = doc.summary(html_partial=True)
    except Exception:  # readability raises on empty/odd input; fall back to text
        summary = ""
    article.blocks, article.links = _blocks_from_html(summary)
    return article


def _blocks_from_html(fragment: str) -> tuple[list[Block], list[Link]]:
    from lxml import html as lxml_html

    if not fragment.strip():
        return [], []
    root = lxml_html.fromstring(fragment)
    blocks: list[Block] = []
    links: list[Link] = []
    for element in root.iter(*_BLOCK_TAGS):
        if any(a.tag in _BLOCK_TAGS for a in element.iterancestors()):
            continue
        text = " ".join(clean_text(element.text_content()).split())
        if not text:
            continue
        blocks.append(Block(_BLOCK_TAGS[element.tag], text))
        for anchor in element.iter("a"):
            url = safe_url(anchor.get("href") or "")
            label = " ".join(clean_text(anchor.text_content()).split())
            if url and label:
                links.append(Link(label, url, len(blocks) - 1))
    if not blocks:
        text = re.sub(r"\s+", " ", clean_text(root.text_content())).strip()
        if text:
            blocks.append(Block("paragraph", text))
    return blocks, links
