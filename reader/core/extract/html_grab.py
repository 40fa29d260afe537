"""Readability.js's main-content search (`_grabArticle`), on an lxml tree.

One pass walks the page: bylines, the heading that repeats the title,
unlikely candidates (class/id words, ARIA roles) and empty containers are
removed, divs holding only phrasing content become paragraphs. Paragraphs
then score their five nearest ancestors (commas, length); the best of the
top five candidates may give way to a common ancestor of close rivals or
to a parent that scores higher, and its siblings join when they score
within a fifth of it. The result is cleaned (html_clean.prep_article);
when it is shorter than 500 characters the search runs again with
unlikely-stripping, class weights and conditional cleaning switched off in
turn, and the longest attempt wins."""
from __future__ import annotations

import copy
import re

from lxml.html import Element  # HtmlElement, so text_content() and drop_tree() work

from .html_clean import (ALL_FLAGS, BLOCK_CHILD_TAGS, FLAG_CLEAN_CONDITIONALLY,
                         FLAG_STRIP_UNLIKELYS, FLAG_WEIGHT_CLASSES, class_weight,
                         has_ancestor, inner_text, link_density, prep_article, is_phrasing,
                         single_tag_inside)
from .html_meta import similarity
from .html_prepare import prep_document, trim_trailing_breaks

CHAR_THRESHOLD = 500  # shorter than this and the search is retried with fewer rules
N_TOP_CANDIDATES = 5
SPLIT_PART_SHARE = 1 / 3  # a sibling part of a split story scores at least this share of the top
PROSE_SIBLING_SHARE = 0.25  # of the best's text, for a sibling of deep paragraphs to join
PROSE_SIBLING_PARAGRAPHS = 3
BODY_SHARE = 0.5  # <body> wins only when no other candidate scores half as much
_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    r"header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", re.I)
_MAYBE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.I)
_BYLINE = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
_UNLIKELY_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert",
                             "alertdialog", "dialog"})
_TAGS_TO_SCORE = frozenset({"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})
_EMPTY_REMOVABLE = frozenset({"div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"})
_ALTER_TO_DIV_EXCEPTIONS = frozenset({"div", "article", "section", "p"})
_COMMAS = re.compile("[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]")
_SENTENCE_END = re.compile(r"\.( |$)")
_INITIAL_SCORE = {"div": 5, "pre": 3, "td": 3, "blockquote": 3,
                  "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3,
                  "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}


class _Search:
    """State shared by the attempts of one page (Readability.js keeps the
    byline it removed, so later attempts remove no other)."""

    def __init__(self, title: str | None, byline_known: bool) -> None:
        self.title = title or ""
        self.byline_found = byline_known


def grab_article(root, title: str | None = None, byline_known: bool = False):
    """The main content of the prepared page `root` (an <html> element,
    left untouched) as a new <div>, or None when there is no text at all.
    `byline_known`: the page's metadata names the author, so no byline
    element is taken out of the text (Readability.js does the same)."""
    search = _Search(title, byline_known)
    flags = ALL_FLAGS
    attempts = []
    while True:
        page = copy.deepcopy(root)
        prep_document(page)
        content = _grab_once(page, flags, search)
        length = len(inner_text(content))
        if length >= CHAR_THRESHOLD:
            return content
        attempts.append((length, content))
        for flag in (FLAG_STRIP_UNLIKELYS, FLAG_WEIGHT_CLASSES, FLAG_CLEAN_CONDITIONALLY):
            if flags & flag:
                flags &= ~flag
                break
        else:
            length, content = max(attempts, key=lambda a: a[0])
            return content if length else None


# ---------------------------------------------------------------- one attempt
def _grab_once(root, flags: int, search: _Search):
    body = root.find("body")
    if body is None:
        body = root
    to_score = _prepare_nodes(root, flags, search)
    scores = _score(to_score, flags)
    top = _top_candidate(body, scores, flags)
    content, renamed = _join_siblings(top, scores)
    prep_article(content, flags)
    for el, tag in renamed:
        el.tag = tag  # the kind (heading, quote) matters to the reader after cleaning
    return content


def _prepare_nodes(root, flags: int, search: _Search) -> list:
    """The walk: removes what is never the article, turns divs that are
    paragraphs into <p>, and returns the elements to score."""
    strip = flags & FLAG_STRIP_UNLIKELYS
    remove_title = bool(search.title)
    to_score = []
    node = root
    while node is not None:
        tag = node.tag
        names = (node.get("class") or "") + " " + (node.get("id") or "")
        if not search.byline_found and _is_byline(node, names):
            search.byline_found = True
            node = _remove_and_next(node)
            continue
        if remove_title and tag in ("h1", "h2") and similarity(search.title, inner_text(node)) > 0.75:
            remove_title = False
            node = _remove_and_next(node)
            continue
        if strip and (_is_unlikely(node, tag, names) or node.get("role") in _UNLIKELY_ROLES):
            node = _remove_and_next(node)
            continue
        if tag in _EMPTY_REMOVABLE and _without_content(node):
            node = _remove_and_next(node)
            continue
        if tag in _TAGS_TO_SCORE:
            to_score.append(node)
        if tag == "div":
            node = _div_to_paragraph(node, to_score)
        node = _next_node(node)
    return to_score


def _is_byline(node, names: str) -> bool:
    itemprop = node.get("itemprop") or ""
    if not (node.get("rel") == "author" or "author" in itemprop or _BYLINE.search(names)):
        return False
    text = node.text_content().strip()
    return 0 < len(text) < 100


def _is_unlikely(node, tag: str, names: str) -> bool:
    return (tag not in ("body", "a") and _UNLIKELY.search(names) is not None
            and not _MAYBE.search(names)
            and not has_ancestor(node, "table") and not has_ancestor(node, "code"))


def _without_content(node) -> bool:
    if any(t.strip() for t in node.itertext()):
        return False
    children = len(node)
    return not children or children == sum(1 for _ in node.iterdescendants("br", "hr"))


def _div_to_paragraph(div, to_score: list):
    """Phrasing runs of a div go into <p>s; a div that is one paragraph
    becomes it. Returns the node the walk continues from."""
    _wrap_phrasing(div)
    if single_tag_inside(div, "p") and link_density(div) < 0.25:
        child = div[0]
        child.tail = div.tail
        div.getparent().replace(div, child)
        to_score.append(child)
        return child
    if next(div.iterdescendants(*BLOCK_CHILD_TAGS), None) is None:
        div.tag = "p"
        to_score.append(div)
    return div


def _wrap_phrasing(div) -> None:
    """Readability.js: each run of phrasing content (text and inline
    elements) directly in a div is put into a new <p>."""
    if not len(div):
        if div.text and div.text.strip():
            p = Element("p")
            p.text, div.text = div.text, None
            div.append(p)
        return
    p = None
    if div.text and div.text.strip():
        p = Element("p")
        p.text, div.text = div.text, None
        div.insert(0, p)
    for child in list(div):
        if child is p:
            continue
        if is_phrasing(child):
            if p is not None:
                p.append(child)
            elif child.tag != "br":
                p = Element("p")
                child.addprevious(p)
                p.append(child)
            elif child.tail and child.tail.strip():
                p = Element("p")
                p.text, child.tail = child.tail, None
                child.addnext(p)
            continue
        if p is not None:
            trim_trailing_breaks(p)
            p = None
        if child.tail and child.tail.strip():
            p = Element("p")
            p.text, child.tail = child.tail, None
            child.addnext(p)
    if p is not None:
        trim_trailing_breaks(p)


def _next_node(node, skip_children: bool = False):
    """Depth-first successor among elements (Readability.js `_getNextNode`)."""
    if not skip_children and len(node):
        return node[0]
    while node is not None:
        nxt = node.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
    return None


def _remove_and_next(node):
    nxt = _next_node(node, skip_children=True)
    if node.getparent() is not None:
        node.drop_tree()
    return nxt


# ---------------------------------------------------------------- scoring
def _initial_score(el, flags: int) -> float:
    return _INITIAL_SCORE.get(el.tag, 0) + class_weight(el, flags)


def _score(to_score: list, flags: int) -> dict:
    """Candidate -> content score, in the order candidates were first met."""
    scores: dict = {}
    for el in to_score:
        parent = el.getparent()
        if parent is None:
            continue
        text = inner_text(el)
        if len(text) < 25:
            continue
        points = 1 + len(_COMMAS.split(text)) + min(len(text) // 100, 3)
        level = 0
        ancestor = parent
        while ancestor is not None and level < 5:
            up = ancestor.getparent()
            if up is not None:  # <html> (whose parent is the document) is never a candidate
                if ancestor not in scores:
                    scores[ancestor] = _initial_score(ancestor, flags)
                scores[ancestor] += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            ancestor = up
            level += 1
    for el in scores:
        scores[el] *= 1 - link_density(el)
    return scores


def _top_candidate(body, scores: dict, flags: int):
    """The element holding the article: the best of the top candidates,
    moved up to a common ancestor of close rivals, a higher-scoring parent,
    or a parent it is the only child of. Readability.js takes <body> (all
    of it) when that scores best; here only when no other candidate scores
    half as much, since body's score gathers every paragraph on the page."""
    top = []
    body_score = scores.get(body)
    for el, score in scores.items():
        if el is body and body_score is not None:
            continue
        for i in range(N_TOP_CANDIDATES):
            if i >= len(top) or score > scores[top[i]]:
                top.insert(i, el)
                del top[N_TOP_CANDIDATES:]
                break
    best = top[0] if top else None
    if body_score is not None and (best is None or scores[best] < BODY_SHARE * body_score):
        best = body
    if best is None or best.tag == "body":
        wrapper = Element("div")
        wrapper.text, body.text = body.text, None
        for child in list(body):
            wrapper.append(child)
        body.append(wrapper)
        scores[wrapper] = _initial_score(wrapper, flags)
        return wrapper
    best = _common_ancestor_of_rivals(best, top, scores)
    if best not in scores:
        scores[best] = _initial_score(best, flags)
    best = _higher_scoring_parent(best, scores)
    parent = best.getparent()
    while parent is not None and parent.tag != "body" and (
            len(parent) == 1 or _split_part(best, parent, scores)):
        best, parent = parent, parent.getparent()
    if best not in scores:
        scores[best] = _initial_score(best, flags)
    return best


def _split_part(el, parent, scores: dict) -> bool:
    """Readability.js climbs from a top candidate that is its parent's only
    child. Also from one whose siblings show nothing (an emptied ad slot,
    a spacer) when beside the parent stands a candidate scoring a third
    of it: a part of the same story, split off around an ad, which the
    climb lets join."""
    if not all(sib is el or not _shows_something(sib) for sib in parent):
        return False
    measure = scores.get(el, 0) * SPLIT_PART_SHARE
    if measure <= 0:
        return False
    return any(scores.get(sib, 0) >= measure
               for sib in (*parent.itersiblings(preceding=True), *parent.itersiblings()))


def _shows_something(el) -> bool:
    return bool(el.text_content().strip()) or next(el.iter("img", "picture", "video", "iframe"), None) is not None


def _common_ancestor_of_rivals(best, top: list, scores: dict):
    """When three or more of the top candidates score within 75% of the
    best, their common ancestor (above the best) is the article."""
    rivals = [set(el.iterancestors()) for el in top[1:] if _ratio(scores[el], scores[best]) >= 0.75]
    if len(rivals) < 3:
        return best
    parent = best.getparent()
    while parent is not None and parent.tag != "body":
        if sum(parent in ancestors for ancestors in rivals) >= 3:
            return parent
        parent = parent.getparent()
    return best


def _ratio(a: float, b: float) -> float:
    if b:
        return a / b
    return float("inf") if a > 0 else float("-inf") if a < 0 else float("nan")


def _higher_scoring_parent(best, scores: dict):
    """A parent scoring above the best (before scores fall below a third)."""
    last = scores[best]
    threshold = last / 3
    parent = best.getparent()
    while parent is not None and parent.tag != "body":
        if parent not in scores:
            parent = parent.getparent()
            continue
        score = scores[parent]
        if score < threshold:
            break
        if score > last:
            return parent
        last = score
        parent = parent.getparent()
    return best


def _join_siblings(best, scores: dict):
    """The best candidate and the siblings that belong with it, moved into
    a new <div>; also the siblings renamed to div, with their old tags."""
    content = Element("div")
    renamed = []
    parent = best.getparent()
    if parent is None:
        content.append(best)
        return content, renamed
    threshold = max(10.0, scores[best] * 0.2)
    best_class = best.get("class") or ""
    best_chars = len(inner_text(best))
    for sibling in list(parent):
        if sibling is best or _sibling_belongs(sibling, best, best_class, scores, threshold, best_chars):
            if sibling.tag not in _ALTER_TO_DIV_EXCEPTIONS:
                renamed.append((sibling, sibling.tag))
                sibling.tag = "div"
            sibling.tail = None  # text between siblings stays behind, as in the DOM
            content.append(sibling)
    return content, renamed


def _prose_sibling(sibling, best, best_chars: int) -> bool:
    """Beyond Readability.js: a sibling holding paragraphs of prose, a good
    share of the best's length, with few links, is more of the story even
    when its paragraphs sit too deep to lend it their score."""
    if sibling.tag not in ("div", "section", "article"):
        return False
    text = inner_text(sibling)
    if len(text) < PROSE_SIBLING_SHARE * best_chars or link_density(sibling, len(text)) >= 0.2:
        return False
    return _prose(sibling) >= PROSE_SIBLING_PARAGRAPHS and _prose(best) >= PROSE_SIBLING_PARAGRAPHS


def _prose(el) -> int:
    """Paragraphs of prose in `el`, or 0 when it reads as a list of teasers
    (a headline or an <article> for every few summaries)."""
    paragraphs = sum(1 for p in el.iter("p") if len(inner_text(p)) >= 80 and _SENTENCE_END.search(inner_text(p)))
    headlines = sum(1 for _ in el.iter("h1", "h2", "h3", "h4", "h5", "h6", "article"))
    return paragraphs if headlines * 2 <= paragraphs else 0


def _sibling_belongs(sibling, best, best_class: str, scores: dict, threshold: float, best_chars: int) -> bool:
    bonus = scores[best] * 0.2 if best_class and sibling.get("class") == best_class else 0
    if sibling in scores and scores[sibling] + bonus >= threshold:
        return True
    if sibling.tag != "p":
        return _prose_sibling(sibling, best, best_chars)
    text = inner_text(sibling)
    density = link_density(sibling, len(text))
    if len(text) > 80:
        return density < 0.25
    return 0 < len(text) < 80 and density == 0 and _SENTENCE_END.search(text) is not None
