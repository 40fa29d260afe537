"""Cleaning of the main-content element once it has been chosen.

readability-lxml's own `sanitize` drops link-heavy lists and tables whole
(release notes, wikipedia lists and tables vanish). These rules follow
Readability.js's `_prepArticle` instead: lists and data tables are kept,
footers, asides and short share widgets go, and the rest is removed only
when it looks like navigation, a form, or a wall of images. Pure lxml; no
readability import here."""
from __future__ import annotations

import re

_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|"
    r"masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
    r"sponsor|shopping|tags|widget", re.I)
_POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.I)
_SHARE = re.compile(r"(\b|_)(share|sharedaddy)(\b|_)", re.I)
_AD_WORDS = re.compile(r"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", re.I)
_LOADING = re.compile(r"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", re.I)
_CALL_TO_ACTION = re.compile(r"^\s*(?:sign up|subscribe|download|get the latest)\b", re.I)
_VIDEO = re.compile(r"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|"
                    r"(archive|upload\.wikimedia)\.org|player\.twitch\.tv)", re.I)
SHARE_MAX_CHARS = 500
TEASER_MAX_CHARS = 250
# Labels that introduce a link to another article, in the languages of the corpus and kin.
_TEASER_LABEL = re.compile(
    r"^\W{0,3}(?:related(?: stories| articles| content| coverage)?|read (?:more|also|next)|also read|"
    r"see (?:more|also)|more(?: on this(?: story)?| from \w+)?|recommended|watch|listen|"
    r"leggi anche|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leia (?:também|mais)|"
    r"veja (?:também|mais)|lee (?:también|más)|ver más|czytaj (?:też|także)|lees ook)\s*[:|»>–—-]",
    re.I)
_TEXTISH = ("span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")


def clean_content(node, candidates: dict, class_weight) -> None:
    """Remove clutter from the chosen content `node` in place.
    `candidates` maps elements to readability's scores (`content_score`)."""
    for tag in ("footer", "aside", "form", "fieldset", "textarea", "iframe", "object", "embed"):
        for el in list(node.iter(tag)):
            if tag == "iframe" and _VIDEO.search(el.get("src") or ""):
                continue
            _drop(el)
    for el in list(node.iter()):
        if el is node or not isinstance(el.tag, str):
            continue
        if _SHARE.search(_class_id(el)) and len(_text(el)) < SHARE_MAX_CHARS:
            _drop(el)
    for el in list(node.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        if class_weight(el) < 0 or _link_density(el) > 0.33:
            _drop(el)
    for el in list(node.iter("p")):
        if _CALL_TO_ACTION.search(el.text_content()) and _link_density(el) > 0.2:
            _drop(el)
    data_tables = {t for t in node.iter("table") if _is_data_table(t)}
    for el in reversed(list(node.iter("table", "ul", "ol", "div", "section", "header"))):
        if el is node or el.getparent() is None:
            continue
        if el in data_tables or any(a in data_tables for a in el.iterancestors("table")):
            continue
        score = candidates.get(el, {}).get("content_score", 0)
        if _should_remove(el, class_weight(el), score):
            _drop(el)
    for el in list(node.iter("p", "div", "li", "h2", "h3", "h4", "h5", "h6")):
        if el is not node and el.getparent() is not None and _is_teaser_link(el):
            _drop(el)
    for p in list(node.iter("p")):
        if not _text(p).strip() and not any(True for _ in p.iter("img", "embed", "object", "iframe")):
            _drop(p)


def _is_teaser_link(el) -> bool:
    """'Read more: <a>Another story</a>' and all-capitals linked headlines:
    pointers to other articles placed between paragraphs."""
    text = _text(el)
    if not text or len(text) > TEASER_MAX_CHARS:
        return False
    if el.tag != "li" and any(c is not el for c in el.iter("p", "div", "ul", "ol", "table")):
        return False
    density = _link_density(el)
    if density >= 0.3 and _TEASER_LABEL.match(text):
        return True
    words = text.split()
    return density >= 0.95 and len(words) >= 4 and text.upper() == text and any(c.isalpha() for c in text)


def class_weight(el) -> int:
    """+25 for an article-like class or id, -25 for a clutter-like one (each)."""
    weight = 0
    for feature in (el.get("class"), el.get("id")):
        if feature:
            if _NEGATIVE.search(feature):
                weight -= 25
            if _POSITIVE.search(feature):
                weight += 25
    return weight


def _should_remove(el, weight: int, score: float) -> bool:
    """Readability.js `_cleanConditionally` for one element."""
    if weight + score < 0:
        return True
    text = _text(el)
    if text.count(",") >= 10:
        return False
    tag = el.tag
    is_list = tag in ("ul", "ol")
    if not is_list:
        list_chars = sum(len(_text(x)) for x in el.iter("ul", "ol"))
        is_list = bool(text) and list_chars / len(text) > 0.9
    p = _count(el, "p")
    img = _count(el, "img")
    li = _count(el, "li") - 100
    inputs = _count(el, "input")
    embeds = sum(1 for e in el.iter("object", "embed", "iframe") if not _VIDEO.search(e.get("src") or ""))
    stripped = text.strip()
    if _AD_WORDS.match(stripped) or _LOADING.match(stripped):
        return True
    length = len(stripped)
    density = _link_density(el)
    heading_density = _text_density(el, ("h1", "h2", "h3", "h4", "h5", "h6"), length)
    in_figure = any(True for _ in el.iterancestors("figure"))
    remove = (
        (img > 1 and p / img < 0.5 and not in_figure)
        or (not is_list and li > p)
        or inputs > p // 3
        or (not is_list and heading_density < 0.9 and length < 25 and (img == 0 or img > 2) and density > 0)
        or (not is_list and weight < 25 and density > 0.2)
        or (weight >= 25 and density > 0.5)
        or (embeds == 1 and length < 75)
        or embeds > 1
    )
    if is_list and remove:
        if any(len(child) > 1 for child in el):
            return remove
        return img != _count(el, "li")
    return remove


def _is_data_table(table) -> bool:
    """Readability.js's guess that a <table> holds data, not layout."""
    if table.get("role") == "presentation":
        return False
    if (table.get("datatable") or "") == "0":
        return False
    if table.get("summary"):
        return True
    caption = table.find("caption")
    if caption is not None and len(caption):
        return True
    if any(True for _ in table.iter("col", "colgroup", "tfoot", "thead", "th")):
        return True
    if any(True for t in table.iter("table") if t is not table):
        return False
    rows = len(list(table.iter("tr")))
    cols = max((len([c for c in tr if c.tag in ("td", "th")]) for tr in table.iter("tr")), default=0)
    if rows == 1 or cols == 1:
        return False
    if rows >= 10 or cols > 4:
        return True
    return rows * cols > 10


def _link_density(el) -> float:
    length = len(_text(el).strip())
    if not length:
        return 0.0
    links = 0.0
    for a in el.iter("a"):
        href = a.get("href") or ""
        weight = 0.3 if href.startswith("#") and len(href) > 1 else 1.0
        links += len(_text(a).strip()) * weight
    return links / length


def _text_density(el, tags, length: int) -> float:
    if not length:
        return 0.0
    inner = sum(len(_text(x).strip()) for x in el.iter(*tags) if x is not el)
    return inner / length


def _count(el, tag: str) -> int:
    return sum(1 for _ in el.iter(tag))


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _class_id(el) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "")


def _drop(el) -> None:
    if el.getparent() is not None:
        el.drop_tree()
