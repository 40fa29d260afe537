"""An lxml element tree -> the Article's typed blocks and links.

Walks the tree once, keeping every piece of visible text: block-level
elements start new blocks, inline text flows into the current one, `<br>`
breaks lines and a blank line (two `<br>`) starts a new block. Simple
tables become one text row per `<tr>`; layout tables are walked as
containers. All text passes through `safety.clean_text`."""
from __future__ import annotations

import re

from ..models import Block, Link
from ..safety import clean_text, safe_url

# The kind a block takes from the nearest ancestor that names one.
KIND_OF = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "li": "list_item", "dt": "list_item",
    "dd": "list_item", "blockquote": "quote", "pre": "preformatted",
    "figcaption": "caption", "caption": "caption",
}
# Elements that end the current block and start a new one.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center",
    "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "option", "title",
})
# Never shown: their text is not article text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "svg", "button",
    "select", "textarea", "input", "iframe", "object", "embed", "canvas",
    "audio", "video", "map", "meta", "link", "base",
})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CELL_BLOCKS = frozenset({"p", "div", "table", "ul", "ol", "dl", "pre", "blockquote",
                          "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"})
MAX_CELL_CHARS = 300  # a cell longer than this is layout, not data


class _Builder:
    """Accumulates inline text and emits blocks at block boundaries."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.parts: list[str] = []
        self.kind = "paragraph"
        self.pending_links: list[tuple[str, str]] = []
        self.started = False
        # Characters of link text per block, whatever the link's URL
        # (relative links are not Links but still point away).
        self.linked: list[int] = []
        self.pending_linked = 0

    def text(self, text: str | None, kind: str) -> None:
        if not text:
            return
        if not self.started and text.strip():
            # A block takes the kind of the element its first words sit in.
            self.kind = kind
            self.started = True
        self.parts.append(text)

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts = []
        self.started = False
        pre = self.kind == "preformatted"
        for chunk in _split_paragraphs(raw, pre):
            self.blocks.append(Block(self.kind, chunk))
            self.linked.append(0)
        index = len(self.blocks) - 1
        if index >= 0 and len(self.linked) == len(self.blocks):
            self.linked[index] += self.pending_linked
        self.pending_linked = 0
        for label, url in self.pending_links:
            if index >= 0:
                self.links.append(Link(label, url, index))
        self.pending_links = []


def _split_paragraphs(raw: str, pre: bool) -> list[str]:
    text = clean_text(raw)
    if pre:
        text = text.strip("\n")
        return [text] if text.strip() else []
    out = []
    for para in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [" ".join(_SPACES.sub(" ", line).split()) for line in para.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            out.append(joined)
    return out


def blocks_from_element(root) -> tuple[list[Block], list[Link]]:
    """Blocks and links for the subtree at `root` (an lxml element)."""
    blocks, links, _ = blocks_with_linked(root)
    return blocks, links


def blocks_with_linked(root) -> tuple[list[Block], list[Link], list[int]]:
    """Blocks, links, and for each block the characters of its text
    inside links (any link, also those not kept as Links)."""
    builder = _Builder()
    kind = KIND_OF.get(root.tag, "paragraph") if isinstance(root.tag, str) else "paragraph"
    builder.text(_norm(root.text, kind == "preformatted"), kind)
    _walk(root, builder, kind, kind == "preformatted")
    builder.flush()
    linked = builder.linked if len(builder.linked) == len(builder.blocks) else [0] * len(builder.blocks)
    return builder.blocks, builder.links, linked


def _walk(element, b: _Builder, kind: str, pre: bool) -> None:
    """Iterative-enough recursion: libxml2 caps tree depth at 256."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None:  # comment / processing instruction: only its tail counts
            b.text(_norm(child.tail, pre), kind)
            continue
        tag = tag.lower()
        if tag in SKIP_TAGS:
            b.text(_norm(child.tail, pre), kind)
            continue
        if tag == "br":
            b.text("\n", kind)
        elif tag == "table" and _is_data_table(child):
            b.flush()
            _table_rows(child, b)
        elif tag in BLOCK_TAGS:
            b.flush()
            inner_kind = KIND_OF.get(tag, kind)
            if kind in ("quote", "list_item") and tag == "p":
                inner_kind = kind
            b.text(_norm(child.text, pre or tag == "pre"), inner_kind)
            _walk(child, b, inner_kind, pre or tag == "pre")
            b.flush()
        else:
            if tag == "a":
                _note_link(child, b)
            b.text(_norm(child.text, pre), kind)
            _walk(child, b, kind, pre)
        b.text(_norm(child.tail, pre), kind)


def _norm(text: str | None, pre: bool) -> str | None:
    if not text or pre:
        return text
    return _SPACES.sub(" ", text.replace("\n", " "))


def _note_link(anchor, b: _Builder) -> None:
    href = (anchor.get("href") or "").strip()
    if href and not href.startswith("#"):
        b.pending_linked += len(" ".join(anchor.text_content().split()))
    url = safe_url(href)
    if not url:
        return
    label = " ".join(clean_text(anchor.text_content()).split())
    if label:
        b.pending_links.append((label, url))


def _is_data_table(table) -> bool:
    """A small grid of short cells (not a layout table holding the article)."""
    cells = 0
    for cell in table.iter("td", "th"):
        cells += 1
        if any(isinstance(d.tag, str) and d.tag in _CELL_BLOCKS for d in cell.iterdescendants()):
            return False
        if len(cell.text_content()) > MAX_CELL_CHARS:
            return False
    return cells > 0


def _table_rows(table, b: _Builder) -> None:
    for row in table.iter("tr", "caption"):
        if row.tag == "caption":
            text = " ".join(clean_text(row.text_content()).split())
            if text:
                b.blocks.append(Block("caption", text))
                b.linked.append(0)
            continue
        cells = [" ".join(clean_text(c.text_content()).split()) for c in row if c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            b.blocks.append(Block("paragraph", " | ".join(cells)))
            b.linked.append(0)
        for anchor in row.iter("a"):
            url = safe_url(anchor.get("href") or "")
            label = " ".join(clean_text(anchor.text_content()).split())
            if url and label and b.blocks:
                b.links.append(Link(label, url, len(b.blocks) - 1))
