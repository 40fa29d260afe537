"""Bounded parsing and pre-cleaning of untrusted HTML.

Hostile pages can stall or bloat any HTML extractor: libxml2 spends
minutes on one tag with 100,000 attributes, and a 50 MB page parses to
more than a gigabyte of tree. So before parsing, the text is capped and
oversized tags are cut down by a linear regex pass; after parsing, a tree
of more than 60,000 elements is cut down, and what
is never shown (scripts, styles, hidden elements, comments) and every
attribute we do not read are removed, which also makes the content
search several times faster. Then Readability.js's own preparation: <br> runs
become paragraphs."""
from __future__ import annotations

import re

from .html_clean import is_phrasing

MAX_PARSE_CHARS = 6_000_000   # of markup; real articles are < 2 MB with scripts
MAX_TAG_CHARS = 2_000          # a longer start tag is rebuilt from kept attributes
MAX_ATTR_CHARS = 20_000        # a longer kept attribute is dropped from such a tag
MAX_PARSE_TAGS = 250_000       # markup past this many tags is cut before parsing
MAX_ELEMENTS = 60_000          # tree size beyond which empty leaves go, then the rest is cut
KEEP_ATTRS = frozenset({
    "class", "id", "href", "src", "itemprop", "rel", "datetime", "content",
    "property", "name", "lang", "type", "http-equiv", "charset", "role",
    "hidden", "style", "aria-hidden", "colspan", "itemtype", "xml:lang",
})
# A start tag longer than MAX_TAG_CHARS (quoted values count as one char).
# Quote-aware, since values may hold '>'; linear and flat in memory: the
# length test is a bounded lookahead and the tag body is matched possessively.
_LONG_TAG = re.compile(
    r"""<([A-Za-z][\w:-]{0,30})(?=\s(?:"[^"]*+"|'[^']*+'|[^'">]){%d})"""
    r"""(\s(?:"[^"]*+"|'[^']*+'|[^'">]++)*+)>""" % MAX_TAG_CHARS
)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_NOISE = re.compile(
    r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.I | re.S,
)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_NEVER_SHOWN = ("script", "style", "noscript", "template", "svg", "head",
                "iframe", "object", "embed", "canvas", "select", "textarea", "button",
                "input", "link", "meta", "base", "audio", "video", "map", "dialog")


def parse_page(html: str):
    """Parse `html` into an lxml root element, bounded in size; None if empty."""
    from lxml import etree
    from lxml import html as lxml_html  # lxml costs ~40 ms to import; HTML input only

    html = sanitise_markup(html)
    if not html.strip():
        return None
    parser = lxml_html.HTMLParser(remove_comments=False, remove_pis=True, no_network=True,
                                  default_doctype=False, collect_ids=False)
    try:
        root = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    _bound_tree(root)
    return root


def sanitise_markup(html: str) -> str:
    """Text-level guards, all linear: NULs out, huge pages stripped of
    scripts/styles/comments and then cut, monstrous tags shortened."""
    html = html.replace("\x00", "")
    if html.startswith("<?xml"):
        html = re.sub(r"^<\?xml[^>]*>", "", html)  # lxml refuses str with an encoding decl
    if len(html) > MAX_PARSE_CHARS:
        html = _NOISE.sub("", html)
        html = html[:MAX_PARSE_CHARS]
    if len(html) > MAX_TAG_CHARS:
        html = _LONG_TAG.sub(_shorten_tag, html)
    return _cap_tags(html)


def _cap_tags(html: str) -> str:
    """Cut the markup before its MAX_PARSE_TAGS-th tag: libxml2 holds every
    element in memory (~300 bytes each), so a page of a million empty
    paragraphs would cost ~300 MB before the tree could be trimmed."""
    if html.count("<") <= MAX_PARSE_TAGS:
        return html
    pos = -1
    for _ in range(MAX_PARSE_TAGS):
        pos = html.find("<", pos + 1)
    return html[:pos]


def _shorten_tag(match: re.Match) -> str:
    kept, seen = [], set()
    for attr in _ATTR.finditer(match.group(2)):
        name = attr.group(1).lower()
        if name in KEEP_ATTRS and name not in seen and len(attr.group(0)) <= MAX_ATTR_CHARS:
            seen.add(name)
            kept.append(attr.group(0))
        if len(seen) >= 12:
            break
    return "<" + match.group(1) + (" " + " ".join(kept) if kept else "") + ">"


def prepare_tree(root, named: re.Pattern | None = None, found: list | None = None):
    """Remove what a reader never sees and attributes we never read; returns <body>.
    Elements whose class or id `named` matches are added to `found` (one
    walk over the page serves both)."""
    from lxml import etree

    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(root, *_NEVER_SHOWN, with_tail=False)
    hidden = []
    for el in root.iter():
        attrib = el.attrib
        if not attrib:
            continue
        if _is_hidden(attrib):
            hidden.append(el)
            continue
        for name in [n for n in attrib if n not in KEEP_ATTRS]:
            del attrib[name]
        if named is not None and found is not None and ("class" in attrib or "id" in attrib) and named.search(
                attrib.get("class", "") + " " + attrib.get("id", "")):
            found.append(el)
    for el in hidden:
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    body = root.find("body")
    if body is None:
        body = root
    return body


def _is_hidden(attrib) -> bool:
    if "hidden" in attrib:
        return True
    if attrib.get("aria-hidden") == "true" and "fallback-image" not in attrib.get("class", ""):
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _bound_tree(root) -> None:
    """A page with an enormous tree loses its empty leaves; if it is still
    too big, the document ends after MAX_ELEMENTS elements (real pages have
    under 10,000; a million one-word paragraphs took 50 s and 0.9 GB).
    Counted and found with XPath, so no Python object is made per element."""
    if root.xpath("count(//*)") <= MAX_ELEMENTS:
        return
    for el in root.xpath("//*[not(*)][not(normalize-space())][not(self::br or self::img or self::hr)]"):
        if el.getparent() is not None:
            el.drop_tree()
    if root.xpath("count(//*)") <= MAX_ELEMENTS:
        return
    cut = root.xpath("(//*)[%d]" % (MAX_ELEMENTS + 1))[0]
    node = cut
    while node is not None and node is not root:
        parent = node.getparent()
        for later in list(node.itersiblings()):
            parent.remove(later)
        node = parent
    if cut.getparent() is not None:
        cut.getparent().remove(cut)


def visible_text(element) -> str:
    """All text under `element`, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def prep_document(root) -> None:
    """Readability.js `_prepDocument`: runs of two or more <br> become
    paragraphs; <font> becomes <span>."""
    body = root.find("body")
    for br in list((body if body is not None else root).iter("br")):
        if br.getparent() is not None:
            _replace_br_chain(br)
    for font in list(root.iter("font")):
        font.tag = "span"


def _replace_br_chain(br) -> None:
    from lxml.html import Element  # lxml is loaded by parse_page already

    parent = br.getparent()
    replaced = False
    nxt = br.getnext()
    while nxt is not None and nxt.tag == "br" and not (br.tail or "").strip():
        replaced = True
        br.tail = nxt.tail
        parent.remove(nxt)
        nxt = br.getnext()
    if not replaced:
        return
    p = Element("p")
    p.text, p.tail = br.tail, None
    br.tail = None
    parent.replace(br, p)
    nxt = p.getnext()
    while nxt is not None:
        if nxt.tag == "br" and not (nxt.tail or "").strip():
            after = nxt.getnext()
            if after is not None and after.tag == "br":
                break
        if not is_phrasing(nxt):
            break
        after = nxt.getnext()
        p.append(nxt)  # its tail (the text after it) moves along, as phrasing content
        nxt = after
    trim_trailing_breaks(p)
    if parent.tag == "p":
        parent.tag = "div"


def trim_trailing_breaks(p) -> None:
    """Drop trailing whitespace text and <br>s of a new paragraph."""
    while len(p):
        last = p[-1]
        if last.tail and last.tail.strip():
            return
        last.tail = None
        if last.tag != "br":
            return
        p.remove(last)
    if p.text and not p.text.strip():
        p.text = None
