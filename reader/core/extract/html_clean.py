"""Cleaning of the main content once it has been chosen: Readability.js's
`_prepArticle`, rule for rule, on an lxml element.

Forms, asides, footers and share widgets go; tables, lists and divs are
removed only when they look like navigation, a form or a wall of images
(`_cleanConditionally`), and data tables are always kept. Also the text
measures the content search shares (inner text, link density, class
weight). Pure lxml."""
from __future__ import annotations

import re

FLAG_STRIP_UNLIKELYS = 0x1
FLAG_WEIGHT_CLASSES = 0x2
FLAG_CLEAN_CONDITIONALLY = 0x4
ALL_FLAGS = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY

_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|"
    r"gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
    r"sponsor|shopping|tags|widget", re.I)
_POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.I)
_SHARE = re.compile(r"(\b|_)(share|sharedaddy)(\b|_)", re.I)
_AD_WORDS = re.compile(r"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", re.I)
_LOADING = re.compile(r"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", re.I)
_VIDEO = re.compile(r"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|"
                    r"(archive|upload\.wikimedia)\.org|player\.twitch\.tv)", re.I)
SHARE_MAX_CHARS = 500  # Readability.js DEFAULT_CHAR_THRESHOLD, reused for share widgets
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Readability.js DIV_TO_P_ELEMS plus span, li, td: what holds text in a container.
BLOCK_CHILD_TAGS = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_TEXTISH = ("span", "li", "td") + BLOCK_CHILD_TAGS
_EMBEDS = ("object", "embed", "iframe")


# ---------------------------------------------------------------- shared measures
def inner_text(el) -> str:
    """Readability.js `_getInnerText`: the text, trimmed, whitespace runs as one space."""
    return " ".join(el.text_content().split())


def link_density(el, length: int | None = None) -> float:
    """Share of the text inside links (in-page '#' links count 0.3)."""
    if length is None:
        length = len(inner_text(el))
    if not length:
        return 0.0
    links = 0.0
    for a in el.iter("a"):
        href = a.get("href") or ""
        links += len(inner_text(a)) * (0.3 if len(href) > 1 and href[0] == "#" else 1.0)
    return links / length


def class_weight(el, flags: int = ALL_FLAGS) -> int:
    """+25 for an article-like class or id, -25 for a clutter-like one (each)."""
    if not flags & FLAG_WEIGHT_CLASSES:
        return 0
    weight = 0
    for feature in (el.get("class"), el.get("id")):
        if feature:
            if _NEGATIVE.search(feature):
                weight -= 25
            if _POSITIVE.search(feature):
                weight += 25
    return weight


def has_ancestor(el, tag: str, max_depth: int = 3, accept=None) -> bool:
    """Readability.js `_hasAncestorTag`: `tag` among the first max_depth+1
    ancestors (all of them when max_depth < 0), passing `accept` if given."""
    depth = 0
    parent = el.getparent()
    while parent is not None:
        if 0 < max_depth < depth:
            return False
        if parent.tag == tag and (accept is None or accept(parent)):
            return True
        parent = parent.getparent()
        depth += 1
    return False


def _drop(el) -> None:
    """Remove `el` and its subtree; the text after it stays (DOM removeChild)."""
    if el.getparent() is not None:
        el.drop_tree()


# ---------------------------------------------------------------- _prepArticle
def prep_article(content, flags: int = ALL_FLAGS) -> None:
    """Readability.js `_prepArticle` on the article element `content`, in place."""
    data_tables = {t for t in content.iter("table") if _is_data_table(t)}
    for tag in ("form", "fieldset"):
        clean_conditionally(content, tag, flags, data_tables)
    for tag in ("object", "embed", "footer", "link", "aside"):
        _clean(content, tag)
    for top in list(content):
        _clean_share(top)
    for tag in ("iframe", "input", "textarea", "select", "button"):
        _clean(content, tag)
    for heading in reversed(list(content.iterdescendants("h1", "h2"))):
        if class_weight(heading, flags) < 0:
            _drop(heading)
    for tag in ("table", "ul", "div"):
        clean_conditionally(content, tag, flags, data_tables)
    for heading in content.iter("h1"):
        heading.tag = "h2"
    for p in reversed(list(content.iterdescendants("p"))):
        if not p.text_content().strip() and next(p.iter("img", *_EMBEDS), None) is None:
            _drop(p)
    for br in list(content.iter("br")):
        nxt = br.getnext()
        if nxt is not None and nxt.tag == "p" and not (br.tail or "").strip():
            _drop(br)
    _unwrap_single_cell_tables(content)


def _clean(content, tag: str) -> None:
    embed = tag in _EMBEDS
    for el in reversed(list(content.iterdescendants(tag))):
        if embed and any(_VIDEO.search(v) for v in el.attrib.values()):
            continue
        _drop(el)


def _clean_share(top) -> None:
    """Small elements named 'share' under a top-level part of the article
    (Readability.js `_cleanMatchedNodes`: a removed element's subtree is skipped)."""
    stack = list(reversed(top))
    while stack:
        el = stack.pop()
        names = (el.get("class") or "") + " " + (el.get("id") or "")
        if _SHARE.search(names) and len(el.text_content()) < SHARE_MAX_CHARS:
            _drop(el)
        else:
            stack.extend(reversed(el))


def _unwrap_single_cell_tables(content) -> None:
    for table in list(content.iter("table")):
        body = table[0] if single_tag_inside(table, "tbody") else table
        if not single_tag_inside(body, "tr"):
            continue
        row = body[0]
        if not single_tag_inside(row, "td"):
            continue
        cell = row[0]
        cell.tag = "p" if all(is_phrasing(c) for c in cell) else "div"
        cell.tail = table.tail
        parent = table.getparent()
        if parent is not None:
            parent.replace(table, cell)


def single_tag_inside(el, tag: str) -> bool:
    """Readability.js `_hasSingleTagInsideElement`: exactly one child element,
    of `tag`, and no text node ending in a visible character beside it."""
    if len(el) != 1 or el[0].tag != tag:
        return False
    return not (_has_content(el.text) or _has_content(el[0].tail))


def _has_content(text: str | None) -> bool:
    return bool(text) and not text[-1].isspace()


PHRASING_TAGS = frozenset({
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
})


def is_phrasing(el) -> bool:
    """Readability.js `_isPhrasingContent` for an element (text is always phrasing)."""
    tag = el.tag
    if tag in PHRASING_TAGS:
        return True
    return tag in ("a", "del", "ins") and all(is_phrasing(c) for c in el)


# ---------------------------------------------------------------- _cleanConditionally
def clean_conditionally(content, tag: str, flags: int, data_tables: set) -> None:
    """Remove each `tag` under `content` that looks like clutter (innermost first)."""
    if not flags & FLAG_CLEAN_CONDITIONALLY:
        return
    for el in reversed(list(content.iterdescendants(tag))):
        if el.getparent() is not None and _should_remove(el, tag, flags, data_tables):
            _drop(el)


def _should_remove(el, tag: str, flags: int, data_tables: set) -> bool:
    """Readability.js `_cleanConditionally`'s test for one element."""
    text = inner_text(el)
    length = len(text)
    is_list = tag in ("ul", "ol")
    if not is_list:
        list_chars = sum(len(inner_text(x)) for x in el.iterdescendants("ul", "ol"))
        is_list = bool(length) and list_chars / length > 0.9
    if tag == "table" and el in data_tables:
        return False
    if has_ancestor(el, "table", -1, data_tables.__contains__) or has_ancestor(el, "code"):
        return False
    if any(t in data_tables for t in el.iterdescendants("table")):
        return False
    weight = class_weight(el, flags)
    if weight < 0:
        return True
    if text.count(",") >= 10:
        return False
    p = _count(el, "p")
    img = _count(el, "img")
    li = _count(el, "li") - 100
    inputs = _count(el, "input")
    embeds = 0
    for embed in el.iterdescendants(*_EMBEDS):
        if any(_VIDEO.search(v) for v in embed.attrib.values()):
            return False
        embeds += 1
    if _AD_WORDS.match(text) or _LOADING.match(text):
        return True
    density = link_density(el, length)
    in_figure = has_ancestor(el, "figure")
    remove = (
        (not in_figure and img > 1 and p / img < 0.5)
        or (not is_list and li > p)
        or inputs > p // 3
        or (not is_list and not in_figure and length < 25 and (img == 0 or img > 2) and density > 0
            and _text_density(el, _HEADINGS, length) < 0.9)
        or (not is_list and weight < 25 and density > 0.2)
        or (weight >= 25 and density > 0.5)
        or (embeds == 1 and length < 75) or embeds > 1
        or (img == 0 and _text_density(el, _TEXTISH, length) == 0)
    )
    if is_list and remove:
        if any(len(child) > 1 for child in el):
            return True
        return img != _count(el, "li")
    return remove


def _text_density(el, tags, length: int) -> float:
    if not length:
        return 0.0
    return sum(len(inner_text(x)) for x in el.iterdescendants(*tags)) / length


def _count(el, tag: str) -> int:
    return sum(1 for _ in el.iterdescendants(tag))


def _is_data_table(table) -> bool:
    """Readability.js `_markDataTables`: does this <table> hold data, not layout?"""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary"):
        return True
    caption = next(table.iter("caption"), None)
    if caption is not None and (caption.text or len(caption)):
        return True
    if next(table.iter("col", "colgroup", "tfoot", "thead", "th"), None) is not None:
        return True
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows = columns = 0
    for tr in table.iter("tr"):
        rows += _span(tr.get("rowspan"))
        columns = max(columns, sum(_span(td.get("colspan")) for td in tr.iter("td")))
    if rows == 1 or columns == 1:
        return False
    if rows >= 10 or columns > 4:
        return True
    return rows * columns > 10


def _span(value: str | None) -> int:
    try:
        return int(value) or 1 if value else 1
    except ValueError:
        return 1


# ---------------------------------------------------------------- beyond Readability.js
TEASER_MAX_CHARS = 250
CAPITALS_SHARE = 0.9  # a linked line this much in capitals is a headline ('... AT AMAs ...')
LINKED_PARAGRAPH = 0.8  # link density of a paragraph that points to other pages (labels beside)
HEADLINE_LIST_ITEMS = 4  # a longer list of links is content (release notes, sources)
HEADLINE_WORDS = 5  # mean words per item: headlines, not a list of terms
_TEASER_LABEL = re.compile(
    r"^\W{0,3}(?:related(?: stories| articles| content| coverage)?|read (?:more|also|next)|also read|"
    r"see (?:more|also)|more(?: on this(?: story)?| from \w+)?|recommended|watch|listen|"
    r"leggi anche|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leia (?:também|mais)|"
    r"veja (?:também|mais)|lee (?:también|más)|ver más|czytaj (?:też|także)|lees ook)\s*[:|»>–—-]",
    re.I)
# Class or id of the page's tools around the story: 'min read' estimates,
# print/reprint/save toolbars, a photo's 'n pictures' counter, the
# breadcrumb trail (Readability.js names only 'breadcrumbs', and spares
# it when another name matches 'and', as 'brand' does).
_TOOLS = re.compile(r"read(?:ing)?[-_]?time|(?:article|print)[-_]?tools|gallery[-_]?count|breadcrumb", re.I)
TOOLS_MAX_CHARS = 200  # a longer element so named holds more than the tool


def drop_teasers(content) -> None:
    """Pointers to other stories inside the article, which Readability.js
    keeps: 'Read more: <a>…</a>', paragraphs that are one linked headline,
    linked headlines in capitals, and short lists whose every item is a
    linked headline."""
    for el in reversed(list(content.iterdescendants("ul", "ol"))):
        if el.getparent() is not None and _is_headline_list(el):
            _drop(el)
    for el in list(content.iterdescendants("p", "div", "li", "h2", "h3", "h4", "h5", "h6")):
        if el.getparent() is not None and _is_teaser_link(el):
            _drop(el)


TOOLS = _TOOLS  # for html_prepare.prepare_tree, which finds the elements so named while it walks the page


def drop_tools(named) -> None:
    """The page's small tools named as such by class or id (reading time,
    print toolbars, gallery counters, breadcrumbs), which Readability.js
    keeps when they sit inside the story: `named`, the elements whose
    class or id TOOLS matches. Run on the page before the content search,
    which may rewrite the elements that carry the names."""
    for el in named:
        if el.getparent() is not None and len(el.text_content()) <= TOOLS_MAX_CHARS:
            _drop(el)


def _is_teaser_link(el) -> bool:
    text = inner_text(el)
    if not text or len(text) > TEASER_MAX_CHARS:
        return False
    if el.tag != "li" and any(c is not el for c in el.iter("p", "div", "ul", "ol", "table")):
        return False
    density = link_density(el, len(text))
    if density >= 0.3 and _TEASER_LABEL.match(text):
        return True
    if el.tag == "p" and density >= LINKED_PARAGRAPH and len(text.split()) >= HEADLINE_WORDS:
        return True  # a paragraph that is one link to another page: a headline pointing away
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return density >= 0.95 and len(text.split()) >= 4 and bool(letters) and capitals >= CAPITALS_SHARE * len(letters)


def _is_headline_list(el) -> bool:
    """2-4 items, each one link (to another page) worded like a headline."""
    items = [li for li in el if li.tag == "li"]
    if not 2 <= len(items) <= HEADLINE_LIST_ITEMS:
        return False
    words = 0
    for li in items:
        text = inner_text(li)
        if not text:
            return False
        links = [a for a in li.iter("a") if not (a.get("href") or "#").startswith("#")]
        if not links or sum(len(inner_text(a)) for a in links) < 0.9 * len(text):
            return False
        words += len(text.split())
    return words / len(items) >= HEADLINE_WORDS
