"""The reading screen: article pane, side panel, search line and status line.

It owns the two background threads (load, then analyse after the first
paint: daemon threads, not Textual's executor workers, so that `q` quits at
once even while spaCy is still busy with a book-length text) and ties
the widgets together: panel cursor -> highlighted mentions, Enter and n/N ->
the walk through mentions or search matches, scrolling -> the panel's
"in view" markers and the saved reading position."""
from __future__ import annotations

import asyncio
import threading

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label

from ...core.models import Analysis, Article, Mention
from ...core.state import ArticleState, article_key
from .. import keys
from ..messages import AnalysisFailed, AnalysisProgress, AnalysisReady, ArticleLoaded, LoadFailed
from ..session import Session
from ..support.items import Index, Item, build_index, items_in_range
from ..support.search import find_matches, next_index
from ..support.walk import Walk
from ..widgets.article import DEFAULT_MEASURE, MAX_MEASURE, MIN_MEASURE, ArticleView
from ..widgets.panel import IndexList, Panel
from ..widgets.search import SearchBar
from ..widgets.status import StatusBar

NARROW = 100  # below this many columns the panel floats over the text
FOCUS_ACTIONS = {"search", "switch_focus", "toggle_panel"}


class MainScreen(Screen):
    BINDINGS = keys.bindings(keys.SCREEN_KEYS)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.article: Article | None = None
        self.key = ""
        self.index = Index()
        self.walk: Walk | None = None
        self.search_walk: Walk | None = None
        self.wide_panel = True
        self.overlay_open = False
        self.analysis_state = "waiting"
        """waiting -> running -> ready | failed (tests and the palette read it)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield ArticleView(self.session.glyphs, id="article")
            yield Panel(self.session.glyphs, id="panel")
        with Vertical(id="footer"):
            with Horizontal(id="search-line"):
                yield Label("/", id="search-prompt")
                yield SearchBar(placeholder="search: Enter keeps it, Esc cancels", id="search")
            yield StatusBar(id="status")

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> Panel:
        return self.query_one(Panel)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def _in_panel(self) -> bool:
        # self.focused, not has_focus: that follows the Focus event, which comes
        # after the next typed key when the keys arrive in one burst.
        return self.focused is self.panel.list

    @property
    def narrow(self) -> bool:
        return self.size.width < NARROW

    # -- loading -------------------------------------------------------------

    def on_mount(self) -> None:
        self.status.set_state("loading\u2026")
        self._update_panel()
        self.set_focus(self.view)
        self.analysis_done = asyncio.Event()
        if self.session.preloaded is not None:  # already read: the first frame shows it (perf)
            self.on_article_loaded(ArticleLoaded(self.session.preloaded))
        else:
            self._in_background("load", self._load)

    def _in_background(self, name: str, job, *args) -> None:
        threading.Thread(target=job, args=args, name=f"reader-{name}", daemon=True).start()

    def _load(self) -> None:
        """Thread: read and clean the article (a URL may take a while)."""
        try:
            article = self.session.load()
        except BaseException as error:  # reported: the app ends with its exit code
            self.post_message(LoadFailed(error))
            return
        self.post_message(ArticleLoaded(article))

    def _analyse(self, article: Article) -> None:
        """Thread: the NLP stage (imports spaCy on first use)."""
        try:
            analysis = self._run_analysis(article)
        except Exception as error:  # reported in the panel; the article stays readable
            self.post_message(AnalysisFailed(error))
            return
        self.post_message(AnalysisReady(analysis))

    def _run_analysis(self, article: Article) -> Analysis:
        analyse = self.session.analyse
        if getattr(analyse, "reports_progress", False):  # reader's own: part by part (perf)
            return analyse(article, progress=self._post_progress)
        return analyse(article)

    def _post_progress(self, analysis: Analysis, done: int, total: int) -> None:
        if done < total:
            self.post_message(AnalysisProgress(analysis, done, total))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """A long article: highlight what is analysed so far, say how far along."""
        if self.analysis_state != "running":
            return
        self.view.set_analysis(message.analysis)
        self.status.set_state(f"analysing {message.done}/{message.total}\u2026")
        self.panel.show_working(f"Analysing\u2026 part {message.done} of {message.total} "
                                "(the part on screen first)")

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        article = self.article = message.article
        self.key = article_key(article)
        remembered = self.session.store.get(self.key) if self.session.store else None
        defaults = self.session.store.defaults if self.session.store else {}
        width = (remembered.width if remembered else None) or defaults.get("width")
        self.view.set_reactive(ArticleView.measure, _clamp(width or DEFAULT_MEASURE))
        self.view.show_article(article, (remembered.block, remembered.offset) if remembered
                               else (-1, 0))
        if remembered and remembered.theme and not self.session.theme_locked:
            self.app.theme = remembered.theme if remembered.theme in self.app.reader_themes \
                else self.app.theme
        if not article.blocks:  # nothing for the NLP stage to read
            self.panel.show_nothing("Nothing to analyse: the document has no text.")
            self.analysis_state = "ready"
            self.analysis_done.set()
            self.status.set_state("empty")
            return
        if self.session.analysis is not None and article is self.session.preloaded:
            self.on_analysis_ready(AnalysisReady(self.session.analysis))  # cached (perf)
            return
        self.status.set_state("analysing\u2026")
        self.panel.show_working("Analysing\u2026 (people, places, dates, quotes)")
        self.analysis_state = "running"
        self.call_after_refresh(self._in_background, "analysis", self._analyse, article)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.view.set_analysis(message.analysis)
        self.index = build_index(message.analysis)
        self.panel.show_index(self.index)
        self.status.set_state("")
        self.analysis_state = "ready"
        self.analysis_done.set()
        self._mark_in_view()

    def on_load_failed(self, message: LoadFailed) -> None:
        self.app.fail(message.error)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        reason = str(message.error) or type(message.error).__name__
        self.panel.show_error(f"No analysis: {reason}")
        self.status.set_state("no analysis")
        self.analysis_state = "failed"
        self.analysis_done.set()

    # -- following the reader ------------------------------------------------

    def on_article_view_view_changed(self, message: ArticleView.ViewChanged) -> None:
        self.status.set_percent(message.percent)
        self._mark_in_view(message.top, message.bottom)
        self._remember()

    def _mark_in_view(self, top=None, bottom=None) -> None:
        top = top or self.view.top_position
        bottom = bottom or self.view.bottom_position
        self.panel.mark_in_view(items_in_range(self.index, top, bottom))

    def _remember(self) -> None:
        if not (self.session.store and self.key):
            return
        block, offset = self.view.page.body_position(round(self.view.scroll_y))
        if round(self.view.scroll_y) == 0:
            block, offset = -1, 0
        self.session.store.put(self.key, ArticleState(block, offset, self.view.measure,
                                                      self.app.theme))

    # -- the panel -----------------------------------------------------------

    def on_resize(self) -> None:
        self._update_panel()

    def _update_panel(self) -> None:
        narrow = self.narrow
        self.set_class(narrow, "-narrow")
        shown = self.overlay_open if narrow else self.wide_panel
        self.set_class(shown, "-panel")
        if not shown and self._in_panel:
            self.set_focus(self.view)

    def _show_panel(self, shown: bool) -> None:
        if self.narrow:
            self.overlay_open = shown
        else:
            self.wide_panel = shown
        self._update_panel()

    def _panel_shown(self) -> bool:
        return self.overlay_open if self.narrow else self.wide_panel

    def action_toggle_panel(self) -> None:
        self._show_panel(not self._panel_shown())
        if self._panel_shown() and self.narrow:
            self.panel.follow_reading()
            self.set_focus(self.panel.list)

    def action_switch_focus(self) -> None:
        # set_focus, not widget.focus(): focus() is deferred, so keys typed
        # ahead ("Tab j j Enter" in one burst) would still reach the old widget.
        if self._in_panel:
            if self.narrow:
                self._show_panel(False)
            self.set_focus(self.view)
        else:
            self._show_panel(True)
            self.panel.follow_reading()  # the cursor starts at what you are reading
            self.set_focus(self.panel.list)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, IndexList):  # moving into the panel never scrolls the text
            self._select(self.panel.highlighted_item(), scroll=False)

    def on_panel_item_highlighted(self, message: Panel.ItemHighlighted) -> None:
        if self._in_panel:
            self._select(message.item)

    def _select(self, item: Item | None, scroll: bool = True) -> None:
        """Show every mention of the item under the cursor, and bring one into view."""
        if self.walk and item and self.walk.item_id != item.id:
            self._set_walk(None)
        self.view.set_selected(item.mentions if item else ())
        if scroll and item and item.mentions and not any(self.view.is_visible(m) for m in item.mentions):
            position = next_index(list(item.mentions), self.view.top_position)
            self.view.scroll_to_mention(item.mentions[position])

    def on_panel_item_chosen(self, message: Panel.ItemChosen) -> None:
        self.jump_to(message.item)

    def jump_to(self, item: Item) -> None:
        """Enter on an item: go to its first mention; n/N walk the rest."""
        self.view.set_selected(item.mentions)
        walk = Walk(item.title, list(item.mentions), item_id=item.id)
        self._set_walk(walk)
        self._arrive(walk.go(0))
        if self.narrow:
            self._show_panel(False)
            self.set_focus(self.view)

    def jump_to_id(self, item_id: str) -> None:
        """From the command palette: select the item in the panel and jump."""
        item = self.index.get(item_id)
        if item is not None:
            self.panel.select_item(item_id)
            self.jump_to(item)

    # -- walking: n / N ------------------------------------------------------

    def action_walk(self, direction: int) -> None:
        walk = self.walk
        if walk is None:
            item = self.panel.highlighted_item() if self._in_panel else None
            if item is None:
                self.notify("Nothing to step through: search with / or pick an item in the "
                            "panel (Tab).", timeout=3)
                return
            walk = Walk(item.title, list(item.mentions), item_id=item.id)
            self._set_walk(walk)
            self.view.set_selected(item.mentions)
        before = walk.position
        self._arrive(walk.step(direction))
        if before >= 0 and len(walk.mentions) > 1 and (walk.position - before) * direction < 0:
            self.status.flash("from the top again" if direction > 0 else "from the end again")

    def _arrive(self, mention: Mention | None) -> None:
        """Mark the mention n/N reached and scroll to it if it is off screen."""
        self.view.set_current(mention)
        if mention is not None:
            self.view.scroll_to_mention(mention, only_if_hidden=True)
        self._show_walk()

    def _set_walk(self, walk: Walk | None) -> None:
        self.walk = walk
        if walk is None:
            self.view.set_current(None)
        self._show_walk()

    def _show_walk(self) -> None:
        walk = self.walk
        self.status.set_counter(f"{walk.label} {walk.counter}" if walk else "")
        item_walk = (walk.item_id, walk.position + 1, len(walk.mentions)) \
            if walk and walk.item_id and walk.position >= 0 else None
        self.panel.set_walk(item_walk)

    # -- search --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the search line has the focus, the keys that would move it
        elsewhere belong to the line (Tab would leave it open behind the panel)."""
        if action in FOCUS_ACTIONS and isinstance(self.focused, SearchBar):
            return False
        return True

    def action_search(self) -> None:
        value = self.search_walk.label.removeprefix("/") if self.search_walk else ""
        self.query_one(SearchBar).open(value, give_back=self.view, done=self._search_done)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted into the article or the panel is a search for it
        ("/Moscow" or "Moscow"; a line break after it is Enter)."""
        if isinstance(self.focused, SearchBar):
            return
        text = event.text.replace("\r\n", "\n").replace("\r", "\n")
        query, newline, _ = text.partition("\n")
        query = query.strip().removeprefix("/")
        if not query:
            return
        event.stop()
        bar = self.query_one(SearchBar)
        bar.open(query, give_back=self.view, done=self._search_done)
        if newline:
            bar.submit_now()

    @on(SearchBar.Changed)
    def _preview(self, event: SearchBar.Changed) -> None:
        if not self.query_one(SearchBar).is_open:  # typed before a quick Enter or Esc
            return
        matches = find_matches(self.view.searchable(), event.value)
        self.view.set_matches(matches)
        count = len(matches)
        self.status.set_counter(f"{count} match{'es' if count != 1 else ''}" if event.value else "")
        if matches:
            position = next_index(matches, self.view.top_position)
            self.view.scroll_to_mention(matches[position], only_if_hidden=True)

    def _search_done(self, query: str | None) -> None:
        """Enter (the query) or Esc (None) in the search line."""
        if query is None:  # cancelled: back to the kept search, if any
            self.view.set_matches(self.search_walk.mentions if self.search_walk else [])
            self._show_walk()
            return
        matches = find_matches(self.view.searchable(), query)
        if not query or not matches:
            if query:
                self.notify(f"Not found: {query}", timeout=3)
            self._clear_search()
            return
        walk = self.search_walk = Walk(f"/{query}", matches)
        self.view.set_matches(matches)
        self._set_walk(walk)
        self._arrive(walk.go(next_index(matches, self.view.top_position)))

    def _clear_search(self) -> None:
        self.search_walk = None
        self.view.set_matches([])
        if self.walk and self.walk.item_id is None:
            self._set_walk(None)
        self._show_walk()

    def action_clear(self) -> None:
        """Esc: close the overlay, else clear the search, else stop walking."""
        if self.narrow and self.overlay_open:
            self._show_panel(False)
            self.set_focus(self.view)
        elif self.search_walk:
            self._clear_search()
        elif self.walk:
            self._set_walk(None)
            self.view.set_selected(())

    # -- reading -------------------------------------------------------------

    def action_page_down(self) -> None:
        self.view.scroll_pages(1)

    def action_page_up(self) -> None:
        self.view.scroll_pages(-1)

    def action_half_page(self, direction: int) -> None:
        self.view.scroll_pages(0.5 * direction)

    def action_toggle_highlights(self) -> None:
        self.view.highlights = not self.view.highlights
        self.status.flash(f"Highlights {'on' if self.view.highlights else 'off'}")

    def action_width(self, delta: int) -> None:
        wanted = self.view.measure + delta
        self.view.measure = _clamp(wanted)
        if self.session.store:
            self.session.store.set_default("width", self.view.measure)
        self._remember()
        shown = self.view.page.measure
        note = "" if shown == self.view.measure else f" ({shown} fit here)"
        if wanted != self.view.measure:
            note += " (the widest)" if delta > 0 else " (the narrowest)"
        self.status.flash(f"Width {self.view.measure} columns{note}")

    def action_next_theme(self) -> None:
        name = self.app.next_theme()
        if self.session.store:
            self.session.store.set_default("theme", name)
        self._remember()
        few = len(self.app.cycle_themes) < len(self.app.reader_themes)
        self.status.flash(f"Theme: {name}" + (" (16-colour themes)" if few else ""))

    def action_toggle_cut(self) -> None:
        self.view.show_cut = not self.view.show_cut
        count = len(self.article.removed) if self.article else 0
        lines = f"{count} cut line{'s' if count != 1 else ''}"
        self.status.flash(("The cleaner cut nothing" if not count else f"Showing the {lines} at the top")
                          if self.view.show_cut else "Cut lines hidden")

    def action_copy_quote(self) -> None:
        item = self.panel.highlighted_item()
        if not (item and item.quote) and self.walk and self.walk.item_id:
            item = self.index.get(self.walk.item_id)
        if not (item and item.quote):
            self.notify("Pick a quote in the panel first (Tab, then j/k).", timeout=3)
            return
        self.app.copy_to_clipboard(item.copy_text())
        self.status.flash(f"Copied the quote by {item.quote.speaker or 'an unknown speaker'}")

    def action_links(self) -> None:
        from .links import LinksScreen  # only built when asked for

        self.app.push_screen(LinksScreen(self.article.links if self.article else [],
                                         browser=self.session.browser))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def palette_items(self) -> list[Item]:
        return self.index.items()


def _clamp(width: int) -> int:
    return max(MIN_MEASURE, min(MAX_MEASURE, int(width)))
