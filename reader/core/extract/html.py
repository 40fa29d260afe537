"""HTML -> Article.

The page is capped and pre-sanitised as text (hostile pages: 100,000
attributes on one tag make libxml2 itself take minutes), parsed once with
lxml and stripped of what is never shown. Readability.js's content search
(html_grab, ported to lxml) finds the main content; the story under the
page's own title wins over teasers, and boxes of other stories or
comments inside it go. We walk the result into typed blocks (html_blocks),
trim what a reader does not want in the body (html_trim) and take the
metadata from the untouched page (html_meta). When the search keeps too
little of the page, readability-lxml (imported only here) gives a second
opinion, and if that is short too the page's own visible text goes through
the text cleaner, so a caption is never shown as the article."""
from __future__ import annotations

import contextlib
import copy
import logging
import re
import signal
import threading

from ..models import Article
from .html_blocks import SKIP_TAGS, blocks_from_element, blocks_with_linked
from .html_clean import TOOLS, drop_teasers, drop_tools
from .html_meta import PageMeta, extract_metadata
from .html_prepare import parse_page, prepare_tree, visible_text
from .html_trim import trim_blocks

# Below this share of the page's visible text, the search's pick is
# suspect (a caption, a teaser) and the fallback is tried.
MIN_SHARE = 0.05
READABILITY_SECONDS = 15.0  # then the page's visible text is used instead
MIN_CHARS = 100  # fewer characters than this is never a whole article
SECTION_AFTER_CHARS = 500  # of story before a 'Related' box for the box to be the page's
BOX_MAX_SHARE = 0.5
PROSE_CHARS = 200  # a paragraph this long is story, not a teaser
_HEADLINE_CLASS = re.compile(r"(?:^|\s)(?:entry|post|article|story)[-_]?(?:title|headline)(?:$|\s)", re.I)
_POST_WORDS = frozenset({"hentry", "h-entry", "type-post", "post", "entry"})
ANCHOR_MAX_LINK_DENSITY = 0.25  # a container under the title linking more is a teaser list  # a 'Related' box never holds more than this share of the text
_MARKER_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "header"})


def extract_html(html: str, source: str) -> Article:
    """Main content of `html` as an Article (never raises on odd markup)."""
    root = parse_page(html)
    article = Article(source=source)
    if root is None:
        return article
    meta = extract_metadata(root)
    _apply_meta(article, meta)
    tools: list = []
    body = prepare_tree(root, TOOLS, tools)
    drop_tools(tools)
    page_chars = len(visible_text(body))
    _drop_headed_boxes(body, page_chars, article)
    anchored = _title_container(body, article.title)
    content = _main_content(body, article.title, meta.byline_declared)
    if anchored is not None and not _shares_text(content, anchored) and _prose_container(anchored):
        # the search chose another story (a blog front page, a teaser
        # list): the one under the page's own title wins, unless what
        # the title heads is itself a list of links (the title matched
        # a teaser's headline).
        content = _clean_container(anchored, article.title)
    elif anchored is not None:
        _drop_other_articles(content, _probes(anchored), _post_names(anchored))
    if content is not None:
        drop_teasers(content)
        _drop_trailing_boxes(content, article)
    blocks, links, linked = blocks_with_linked(content) if content is not None else ([], [], [])
    chars = sum(len(b.text) for b in blocks)
    if _too_little(chars, page_chars):
        # second opinion: readability-lxml's own pick on the same tree
        second = _readability_content(body)
        if second is not None:
            drop_teasers(second)
            more, more_links, more_linked = blocks_with_linked(second)
            if sum(len(b.text) for b in more) > chars:
                blocks, links, linked = more, more_links, more_linked
                chars = sum(len(b.text) for b in blocks)
    if _too_little(chars, page_chars):
        fallback = _fallback(body, source)
        if sum(len(b.text) for b in fallback.blocks) > chars:
            blocks, links, linked = fallback.blocks, fallback.links, None
            article.removed, article.removed_why = fallback.removed, fallback.removed_why
            article.byline = article.byline or fallback.byline
            article.published = article.published or fallback.published
    article.blocks, article.links = trim_blocks(blocks, links, article, linked)
    return article


def _too_little(chars: int, page_chars: int) -> bool:
    return chars < MIN_CHARS or chars < MIN_SHARE * page_chars


def _readability_content(body):
    """readability-lxml's main-content element for our prepared tree, or
    None. Our Readability.js port decides first (it measured better on both
    sets); readability-lxml is the second opinion when the port keeps too
    little of the page, before the plain visible-text fallback."""
    # readability-lxml + its lxml cleaner cost ~60 ms to import; only pages
    # where the port failed pay it.
    from readability import Document

    class _Prepared(Document):
        """Takes our parsed, cleaned tree (no re-parse, no lxml_html_clean
        pass) and hands back the element instead of serialised HTML."""

        def _parse(self, input):
            return copy.deepcopy(input)

        def get_clean_html(self):
            return _LengthOnly(self.html)

    for name in ("readability", "readability.readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        with _deadline(READABILITY_SECONDS):
            result = _Prepared(body.getroottree().getroot()).summary(html_partial=True)
    except _TimeUp:
        return None
    except Exception:  # readability raises Unparseable on odd trees: no opinion
        return None
    return result.element if isinstance(result, _LengthOnly) else None


class _LengthOnly(str):
    """What readability's summary() measures (its length) and returns,
    carrying the element itself so nothing is serialised and re-parsed."""

    def __new__(cls, element):
        obj = super().__new__(cls, " " * len(element.text_content()))
        obj.element = element
        return obj


def _apply_meta(article: Article, meta: PageMeta) -> None:
    article.title = meta.title
    article.byline = meta.byline
    article.published = meta.published
    article.updated = meta.updated
    article.site = meta.site
    if meta.language:
        article.language = meta.language


def _main_content(body, title: str | None = None, byline_declared: bool = False):
    """The main-content element (Readability.js's search), or None when it
    finds nothing or runs out of time."""
    from .html_grab import grab_article

    try:
        with _deadline(READABILITY_SECONDS):
            return grab_article(body.getroottree().getroot(), title, byline_declared)
    except _TimeUp:  # the page's visible text is shown instead
        return None
    except (ValueError, TypeError, RecursionError):  # an odd tree; fall back to the page text
        logging.getLogger(__name__).debug("content search failed", exc_info=True)
        return None


class _TimeUp(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float):
    """Interrupt the block after `seconds` (main thread only, where signals
    are delivered; elsewhere the input caps of html_prepare bound the work)."""
    usable = (threading.current_thread() is threading.main_thread()
              and hasattr(signal, "setitimer")
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))
    if not usable:
        yield
        return

    def _raise(signum, frame):
        raise _TimeUp()

    signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _title_container(body, title: str | None):
    """The element holding the article under the heading that repeats the
    page title: the heading's nearest ancestor with real paragraphs."""
    if not title:
        return None
    key = _key(title)
    if len(key) < 8:
        return None
    for heading in _headlines(body):
        text = _key(heading.text_content())
        if len(text) < 8 or not (text == key or key.startswith(text) or text.startswith(key)):
            continue
        for ancestor in heading.iterancestors():
            if ancestor.tag in ("body", "html"):
                return None
            if ancestor.tag in ("header", "hgroup", "figure", "aside", "nav", "footer"):
                continue
            prose = sum(len(p.text_content()) for p in ancestor.iter("p"))
            if prose >= 400:
                return ancestor
        return None
    return None


def _headlines(body):
    """<h1> and <h2>, then (when the page styles its headline otherwise)
    elements marked as the headline: itemprop=headline, an 'entry-title'."""
    yield from body.iter("h1", "h2")
    for el in body.iter():
        if el.tag not in ("h1", "h2") and (
                (el.get("itemprop") or "").lower() == "headline" or _HEADLINE_CLASS.search(el.get("class") or "")):
            yield el


def _prose_container(container) -> bool:
    from .html_clean import link_density

    return link_density(container) < ANCHOR_MAX_LINK_DENSITY


def _clean_container(container, title: str | None):
    """The content search run on a page holding only `container` (which is
    left untouched), so it is cleaned as any pick is."""
    from lxml.html import Element

    from .html_grab import grab_article

    page, body = Element("html"), Element("body")
    page.append(body)
    content = copy.deepcopy(container)
    content.tail = None
    body.append(content)
    return grab_article(page, title, True)


def _shares_text(content, container) -> bool:
    """Whether the content search's pick holds any of the container's first paragraphs."""
    if content is None:
        return False
    probes = _probes(container)
    return not probes or _holds(content, probes)


def _probes(container) -> list[str]:
    """The starts of the container's first real paragraphs, to find it again in a copy."""
    probes = [" ".join(p.text_content().split()) for p in container.iter("p")]
    return [p[:80] for p in probes if len(p) >= 60][:4]


def _holds(element, probes: list[str]) -> bool:
    have = " ".join(element.text_content().split())
    return any(p in have for p in probes)


def _drop_other_articles(content, probes: list[str], names: tuple[str, frozenset] | None = None) -> None:
    """<article> elements in the content that hold none of the story under
    the page's title are other stories (teasers, 'you may like' cards);
    so are elements named as the story's own container is ('post
    hentry' of a blog's list of posts, the next story of an endless
    page) when the page marks its stories with <div>s."""
    if not probes:
        return

    def other(el) -> bool:
        if el.tag == "article":
            return True
        # one of a list of entries: a sibling of the entry that holds the story
        return (names is not None and el.tag == names[0] and bool(names[1] & set((el.get("class") or "").split()))
                and any(_holds(sib, probes) for sib in _siblings(el)))

    for el in list(content.iterdescendants()):
        if el.getparent() is not None and other(el) and not _holds(el, probes) and not any(
                other(a) for a in el.iterancestors() if a is not content and not _holds(a, probes)):
            el.drop_tree()


def _siblings(el):
    parent = el.getparent()
    return [sib for sib in parent if sib is not el] if parent is not None else []


def _post_names(container) -> tuple[str, frozenset] | None:
    """The tag and the class words that mark one entry of a list of
    stories (hAtom's 'hentry', WordPress's 'type-post'), if the story's
    container has them."""
    words = _POST_WORDS & frozenset((container.get("class") or "").lower().split())
    return (container.tag, words) if words and container.tag != "article" else None


def _fallback(body, source: str) -> Article:
    """The text cleaner over the page's visible text, one line per block."""
    from .text import extract_text

    blocks, links = blocks_from_element(body)
    try:
        return extract_text("\n\n".join(b.text for b in blocks), source)
    except Exception:  # noqa: BLE001 - a fallback must not turn a bad page into a crash
        logging.getLogger(__name__).debug("text cleaner failed on %s", source, exc_info=True)
        return Article(source=source, blocks=blocks, links=links)


def _drop_trailing_boxes(content, article: Article) -> None:
    """A box headed 'Related stories', 'You may like', '3 Comments' ...
    that comes after the story's first paragraphs belongs to the page: the
    whole box goes (not what follows it, which may be more of the story),
    unless it holds most of the text, when the marker is more likely a
    line inside the story."""
    from lxml import etree

    from .boilerplate import section_start

    limit = BOX_MAX_SHARE * len(visible_text(content))
    before = 0
    boxes = []
    for event, el in etree.iterwalk(content, events=("start", "end")):
        if event == "end":
            before += len((el.tail or "").strip()) if el is not content else 0
            continue
        if before >= SECTION_AFTER_CHARS and el.tag in _MARKER_TAGS:
            text = " ".join(el.text_content().split())
            if text and len(text) <= 80 and section_start(text):
                box = _box_headed_by(el, content)
                if box is not None and len(visible_text(box)) <= limit:
                    boxes.append((box, text))
        before += len((el.text or "").strip())
    for box, label in boxes:
        if box.getparent() is not None and not any(a in {b for b, _ in boxes} for a in box.iterancestors()):
            article.removed.append(" ".join(box.text_content().split())[:200])
            article.removed_why.append(f"box headed '{label}'")
            box.drop_tree()


class _XPath:
    """An XPath compiled on first use (lxml is imported only for HTML input)."""

    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.compiled = None

    def __call__(self, element):
        if self.compiled is None:
            from lxml import etree

            self.compiled = etree.XPath(self.expression)
        return self.compiled(element)


# Measured in libxml2, not by building the text in Python: the climb asks them of large containers.
_HAS_TEXT = _XPath("boolean(normalize-space())")
_HAS_PROSE = _XPath(f"boolean(.//p[string-length() >= {PROSE_CHARS}])")  # teasers and link lists have none
_TEXT_LENGTH = _XPath("string-length(normalize-space())")
_SHORT_MARKERS = ".//*[%s][count(*) <= 2][string-length(normalize-space()) <= 80][normalize-space()]" % " or ".join(
    f"self::{tag}" for tag in sorted(_MARKER_TAGS))


def _drop_headed_boxes(body, page_chars: int, article: Article) -> None:
    """Boxes headed 'Most read in world news', 'Related stories', 'More
    from ...' anywhere on the page go before the content search: the
    search strips such a heading as page furniture by its class ('header',
    'related') and would leave the teasers under it, unheaded, in the
    story. A box is only what the heading opens while it holds no
    paragraph of prose and at most a fraction of the page's text."""
    from .boilerplate import section_start

    limit = BOX_MAX_SHARE * page_chars
    boxes = []
    seen = set()
    for el in body.xpath(_SHORT_MARKERS):  # a first sieve in libxml2: short text, few children
        if el in seen:
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > 80 or section_start(text) != "related":
            continue
        box = None
        node = el
        while node.getparent() is not None and node.getparent() is not body:
            parent = node.getparent()
            if (parent.text or "").strip() or any(
                    (sib.tail or "").strip() or _HAS_TEXT(sib) for sib in node.itersiblings(preceding=True)):
                break
            if _HAS_PROSE(parent) or _TEXT_LENGTH(parent) > limit:
                break
            box = node = parent
        if box is not None and box not in seen:
            seen.update(box.iter())
            boxes.append((box, text))
    for box, label in boxes:
        if box.getparent() is not None:
            article.removed.append(" ".join(box.text_content().split())[:200])
            article.removed_why.append(f"box headed '{label}'")
            box.drop_tree()


def _box_headed_by(marker, content):
    """The largest element (below `content`) that `marker` opens: each
    step up, nothing with text may come before it in the parent."""
    box = None
    el = marker
    while el.getparent() is not None and el.getparent() is not content:
        parent = el.getparent()
        if (parent.text or "").strip():
            break
        if any(" ".join(sib.text_content().split()) or (sib.tail or "").strip()
               for sib in el.itersiblings(preceding=True)):
            break
        box = parent
        el = parent
    return box


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


__all__ = ["extract_html", "SKIP_TAGS"]
