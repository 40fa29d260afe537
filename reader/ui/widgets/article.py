"""The article pane: the whole page drawn line by line with Textual's Line API.

Only the lines on screen are ever built (`render_line`), from a Layout of
offsets, so a 5 MB text opens and scrolls as fast as a short one. Styles come
from the component classes below, which themes/reader.tcss sets from theme
variables; article text is only ever put in Segments, never parsed as markup."""
from __future__ import annotations

from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.models import Analysis, Article, Mention
from .. import keys
from ..support.glyphs import UNICODE, Glyphs
from ..support.page import BLANK, TITLE_KEY, Layout, Para, build_paras, prefix_for
from .keyorder import KeysInOrder

MIN_MEASURE, MAX_MEASURE, DEFAULT_MEASURE = 30, 160, 72
MARGIN = 2  # columns kept free on each side when the pane is narrower than the measure

KIND_CLASSES = {
    "title": "article--title", "meta": "article--meta", "standfirst": "article--standfirst",
    "notice": "article--notice", "heading": "article--heading",
    "paragraph": "article--paragraph", "quote": "article--quote",
    "list_item": "article--list", "caption": "article--caption",
    "preformatted": "article--pre", "cut-head": "article--cut-head", "cut": "article--cut",
}
ENTITY_CLASSES = {"PERSON": "article--person", "PLACE": "article--place", "ORG": "article--org"}
# Overlays, weakest first: later layers are applied over earlier ones.
LAYERS = ("highlight", "selected", "match", "current")


class ArticleView(KeysInOrder, ScrollView, can_focus=True, inherit_bindings=False):
    """Scrollable, lazily rendered page of one article."""

    COMPONENT_CLASSES = {
        *KIND_CLASSES.values(), "article--prefix", "article--person", "article--place",
        "article--org", "article--date", "article--quotation", "article--selected",
        "article--match", "article--current",
    }
    BINDINGS = keys.bindings(keys.ARTICLE_KEYS)

    measure: reactive[int] = reactive(DEFAULT_MEASURE, init=False)
    """The reading width the user chose, in columns (the pane may show fewer)."""
    highlights: reactive[bool] = reactive(True, init=False)
    """Whether entities, dates and quotes are coloured in the text."""
    show_cut: reactive[bool] = reactive(False, init=False)
    """Whether the lines the cleaner removed are listed above the body."""

    class ViewChanged(Message):
        """The visible part of the page changed (scrolled, resized, reflowed)."""

        def __init__(self, top: tuple[int, int], bottom: tuple[int, int], percent: int) -> None:
            super().__init__()
            self.top, self.bottom, self.percent = top, bottom, percent

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.ViewChanged)

    def __init__(self, glyphs: Glyphs = UNICODE, **kwargs) -> None:
        super().__init__(**kwargs)
        self.glyphs = glyphs
        self.article: Article | None = None
        self.page = Layout([], DEFAULT_MEASURE, glyphs)
        self._layers: dict[str, dict[int, list[tuple[int, int, str]]]] = {n: {} for n in LAYERS}
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._left = 0

    # -- content -----------------------------------------------------------

    def show_article(self, article: Article, anchor: tuple[int, int] = (0, 0)) -> None:
        """Show `article` with `anchor` (block, offset) at the top of the pane."""
        self.article = article
        self._relayout(anchor)

    def set_analysis(self, analysis: Analysis) -> None:
        """Colour every entity, date and quote mention by kind."""
        spans: dict[int, list[tuple[int, int, str]]] = {}
        for quote in analysis.quotes:
            _add(spans, quote.mention, "article--quotation")
        for entity in analysis.entities:
            name = ENTITY_CLASSES.get(entity.type)
            for mention in entity.mentions if name else ():
                _add(spans, mention, name)
        for ref in analysis.dates:
            _add(spans, ref.mention, "article--date")
        self._set_layer("highlight", spans)

    def set_selected(self, mentions: list[Mention] | tuple[Mention, ...]) -> None:
        """Mark every mention of the item under the panel's cursor."""
        self._set_layer("selected", _by_block(mentions, "article--selected"))

    def set_matches(self, mentions: list[Mention]) -> None:
        self._set_layer("match", _by_block(mentions, "article--match"))

    def set_current(self, mention: Mention | None) -> None:
        """The one match or mention that n/N arrived at."""
        self._set_layer("current", _by_block([mention] if mention else [], "article--current"))

    def _set_layer(self, name: str, spans: dict[int, list[tuple[int, int, str]]]) -> None:
        self._layers[name] = spans
        self._invalidate()

    def searchable(self) -> list[tuple[int, str]]:
        """(key, text) of every paragraph on the page, for search."""
        return [(para.key, para.text) for para in self.page.paras if para.kind not in ("meta", "notice")]

    # -- positions -----------------------------------------------------------

    @property
    def top_position(self) -> tuple[int, int]:
        """(block, offset) of the top line: the reading position."""
        return self.page.position_of(round(self.scroll_y))

    @property
    def bottom_position(self) -> tuple[int, int]:
        return self.page.position_of(round(self.scroll_y) + self.scrollable_content_region.height)

    def line_of(self, mention: Mention) -> int:
        return self.page.line_of(mention.block, mention.start)

    def is_visible(self, mention: Mention) -> bool:
        line = self.line_of(mention)
        top = round(self.scroll_y)
        return top <= line < top + self.scrollable_content_region.height

    def scroll_to_mention(self, mention: Mention, only_if_hidden: bool = False) -> None:
        """Bring a mention into view, a third of the way down the pane."""
        if only_if_hidden and self.is_visible(mention):
            return
        height = self.scrollable_content_region.height
        self.scroll_to(y=max(0, self.line_of(mention) - height // 3), animate=False, force=True)

    def scroll_to_position(self, key: int, offset: int) -> None:
        self.scroll_to(y=self.page.line_of(key, offset), animate=False, force=True)

    # -- actions -------------------------------------------------------------

    def action_line_down(self) -> None:
        self.scroll_to(y=self.scroll_y + 1, animate=False, force=True)

    def action_line_up(self) -> None:
        self.scroll_to(y=self.scroll_y - 1, animate=False, force=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, force=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True)

    def scroll_pages(self, pages: float) -> None:
        """Scroll by a fraction of the pane, keeping two lines of context per page."""
        height = self.scrollable_content_region.height
        step = max(1, height - 2) if abs(pages) >= 1 else max(1, int(height * abs(pages)))
        self.scroll_to(y=self.scroll_y + step * (1 if pages > 0 else -1),
                       animate=False, force=True)

    # -- layout --------------------------------------------------------------

    def _effective_measure(self) -> int:
        width = self.scrollable_content_region.width or self.size.width or DEFAULT_MEASURE
        return max(10, min(self.measure, width - 2 * MARGIN))

    def _relayout(self, anchor: tuple[int, int] | None = None) -> None:
        if self.article is None:
            return
        if anchor is None:
            anchor = self.top_position
        paras = build_paras(self.article, self.show_cut, self.glyphs)
        self.page = Layout(paras, self._effective_measure(), self.glyphs)
        self.virtual_size = Size(0, self.page.height)
        self._invalidate()
        self.scroll_to_position(*anchor)

    def watch_measure(self) -> None:
        self._relayout()

    def watch_show_cut(self, show: bool) -> None:
        self._relayout((TITLE_KEY, 0) if show else None)

    def watch_highlights(self) -> None:
        self._invalidate()

    def on_resize(self) -> None:
        self._fit_measure()
        # The region can settle only after the next refresh (the panel docking
        # in the very first frame when the analysis is cached): check again.
        self.call_after_refresh(self._fit_measure)

    def _fit_measure(self) -> None:
        if self.article is not None and self.page is not None \
                and self._effective_measure() != self.page.measure:
            self._relayout()
        else:
            self._invalidate()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            self._post_view_changed()

    def _post_view_changed(self) -> None:
        height = max(1, self.page.height - self.scrollable_content_region.height)
        percent = 100 if self.max_scroll_y == 0 else round(100 * self.scroll_y / height)
        self.post_message(self.ViewChanged(self.top_position, self.bottom_position,
                                           max(0, min(100, percent))))

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()
        self._post_view_changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # -- rendering -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        key = (line, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_page_line(line, width)
            self._cache[key] = strip
        return strip

    def _render_page_line(self, line: int, width: int) -> Strip:
        base = self.rich_style
        page = self.page
        if line >= page.height or page.start[line] == BLANK:
            return Strip.blank(width, base)
        number = page.para[line]
        para = page.paras[number]
        start, end = page.start[line], page.end[line]
        style = base + self.get_component_rich_style(KIND_CLASSES.get(para.kind, "article--paragraph"),
                                                     partial=True)
        prefix = prefix_for(para.kind, self.glyphs)
        lead = prefix.first if line == page.first_line[number] else prefix.rest
        left = max(0, (width - page.measure) // 2)
        segments = [Segment(" " * left, base)]
        if lead:
            segments.append(Segment(lead, base + self._partial("article--prefix")))
        segments.extend(self._text_segments(para, start, end, style))
        strip = Strip(segments)
        if para.kind == "preformatted":  # a shaded box the width of the measure
            strip = strip.extend_cell_length(left + page.measure, style)
        return strip.extend_cell_length(width, base).crop(0, width)

    def _text_segments(self, para: Para, start: int, end: int, style: Style) -> list[Segment]:
        text = para.text
        spans = self._spans(para.key, start, end)
        if not spans:
            return [Segment(text[start:end], style)]
        cuts = sorted({start, end, *(max(start, s) for s, _, _ in spans),
                       *(min(end, e) for _, e, _ in spans)})
        segments = []
        for a, b in pairwise(cuts):
            piece = style
            for s, e, name in spans:
                if s <= a and b <= e:
                    piece = piece + self._partial(name)
            segments.append(Segment(text[a:b], piece))
        return segments

    def _spans(self, key: int, start: int, end: int) -> list[tuple[int, int, str]]:
        found = []
        for name in LAYERS:
            if name == "highlight" and not self.highlights:
                continue
            found.extend(s for s in self._layers[name].get(key, ()) if s[0] < end and s[1] > start)
        return found

    def _partial(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)


def _add(spans: dict[int, list[tuple[int, int, str]]], mention: Mention, name: str) -> None:
    if mention.end > mention.start:
        spans.setdefault(mention.block, []).append((mention.start, mention.end, name))


def _by_block(mentions, name: str) -> dict[int, list[tuple[int, int, str]]]:
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for mention in mentions:
        _add(spans, mention, name)
    return spans
