"""The side panel: People, Places, Organisations, Dates and Quotes, with
counts, as one keyboard-driven list. Until the analysis arrives it says that
it is working; items whose mentions are on screen carry a marker."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .. import keys
from ..support.glyphs import UNICODE, Glyphs
from ..support.items import SECTIONS, Index, Item
from ..support.wrap import wrap_offsets
from .vimlist import VimOptionList

QUOTE_CHARS = 280  # longer quotes are cut in the panel (the text has them whole)
STYLES = {"PERSON": "$reader-person", "PLACE": "$reader-place", "ORG": "$reader-org",
          "DATE": "$reader-date", "QUOTE": "$reader-quote"}


class IndexList(VimOptionList):
    """The list itself, with vim keys; sections fold with h and unfold with l."""

    BINDINGS = keys.bindings(keys.PANEL_KEYS[len(keys.LIST_KEYS):])

    def action_collapse(self) -> None:
        self.parent_panel.fold(self.highlighted, True)

    def action_expand(self) -> None:
        self.parent_panel.fold(self.highlighted, False)

    @property
    def parent_panel(self) -> Panel:
        return self.query_ancestor(Panel)


class Panel(Vertical):
    """Everything the analysis found, grouped; the cursor drives the article."""

    class ItemHighlighted(Message):
        def __init__(self, item: Item | None) -> None:
            super().__init__()
            self.item = item

    class ItemChosen(Message):
        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    def __init__(self, glyphs: Glyphs = UNICODE, **kwargs) -> None:
        super().__init__(**kwargs)
        self.glyphs = glyphs
        self.index = Index()
        self.folded: set[str] = set()
        self.in_view: set[str] = set()
        self.walk: tuple[str, int, int] | None = None  # item id, position, count
        self._rows: list[str] = []  # option ids in display order
        self._cursor_id: str | None = None  # the option ItemHighlighted last named

    def compose(self) -> ComposeResult:
        yield Static(Content("Analysing\u2026"), id="panel-status")
        yield IndexList(id="index")

    @property
    def list(self) -> IndexList:
        return self.query_one(IndexList)

    def show_working(self, text: str) -> None:
        self.query_one("#panel-status", Static).update(Content(text))
        self.set_class(True, "-working")

    def show_error(self, text: str) -> None:
        self.query_one("#panel-status", Static).update(Content(text))
        self.set_class(True, "-working")
        self.set_class(True, "-failed")

    def show_nothing(self, text: str) -> None:
        """No analysis to run (an empty document): say so and list nothing."""
        self.index = Index()
        self.query_one("#panel-status", Static).update(Content(text))
        self.set_class(False, "-working")
        self._rebuild(keep=None)

    def show_index(self, index: Index) -> None:
        """Fill the list; the status line then shows the totals."""
        self.index = index
        self._cursor_id = None  # new items under old ids: say the cursor's item again
        total = len(index.items())
        self.query_one("#panel-status", Static).update(Content.assemble(
            f"{total} item{'s' if total != 1 else ''} found   " if total else
            "Nothing found to list.", (self.glyphs.marker, "$accent") if total else "",
            " on screen" if total else ""))
        self.set_class(False, "-working")
        self._rebuild(keep=None)

    def highlighted_item(self) -> Item | None:
        option = self.list.highlighted_option
        return self.index.get(option.id) if option and option.id else None

    def select_item(self, item_id: str) -> None:
        """Move the cursor to an item (unfolding its section)."""
        item = self.index.get(item_id)
        if item is None:
            return
        self.folded.discard(item.section)
        self._rebuild(keep=item_id)

    def follow_reading(self) -> None:
        """Put the cursor on the first item mentioned on screen, unless the
        item under it already is (so moving into the panel keeps your place)."""
        current = self.highlighted_item()
        if current is not None and current.id in self.in_view:
            return
        for row, item_id in enumerate(self._rows):
            if item_id in self.in_view:
                self.list.highlighted = row
                return

    def mark_in_view(self, ids: set[str]) -> None:
        """Mark the items that have a mention on screen (only repaint changes)."""
        changed = (ids ^ self.in_view) & set(self._rows)
        self.in_view = ids
        for item_id in changed:
            self._refresh_item(item_id)

    def set_walk(self, walk: tuple[str, int, int] | None) -> None:
        """Show 'n/m' beside the item whose mentions n/N are walking."""
        previous, self.walk = self.walk, walk
        for item_id in {w[0] for w in (previous, walk) if w}:
            if item_id in self._rows:
                self._refresh_item(item_id)

    def fold(self, row: int | None, folded: bool) -> None:
        if row is None or not self._rows:
            return
        section = self._rows[row].split(":")[0].removeprefix("section-")
        (self.folded.add if folded else self.folded.discard)(section)
        self._rebuild(keep=f"section-{section}" if folded else self._rows[row])

    def _refresh_item(self, item_id: str) -> None:
        item = self.index.get(item_id)
        if item is not None:
            self.list.replace_option_prompt(item_id, self._prompt(item))

    def _rebuild(self, keep: str | None) -> None:
        options: list[Option] = []
        for section, title in SECTIONS:
            items = self.index.sections.get(section, [])
            if not items:
                continue
            options.append(Option(self._heading(section, title, len(items)), id=f"section-{section}"))
            if section not in self.folded:
                options.extend(Option(self._prompt(item), id=item.id) for item in items)
        self._rows = [option.id or "" for option in options]
        index_list = self.list
        index_list.set_options(options)
        if keep in self._rows:
            index_list.highlighted = self._rows.index(keep)
        elif options:
            index_list.highlighted = 1 if len(options) > 1 else 0

    def _heading(self, section: str, title: str, count: int) -> Content:
        sign = self.glyphs.collapsed if section in self.folded else self.glyphs.expanded
        return Content.assemble((f"{sign} {title.upper()}", "bold $reader-muted"),
                                (f"  {count}", "$reader-muted"))

    def _prompt(self, item: Item) -> Content:
        marker = self.glyphs.marker if item.id in self.in_view else " "
        walk = f"\u00a0\u00a0{self.walk[1]}/{self.walk[2]}" \
            if self.walk and self.walk[0] == item.id else ""
        width = self._text_width()
        head: list[tuple[str, str]]  # the item's first line, wrapped under itself
        rest: list[tuple[str, str]] = []  # lines of their own, already indented
        if item.section == "QUOTE":
            head = [(item.title, "bold"), (walk, "$accent")]
            rest = [(_hanging(_quoted(item.detail, self.glyphs), width), STYLES["QUOTE"])]
        elif item.section == "DATE":
            same = item.detail.casefold() == item.title.casefold()
            tail = self._count(item) + walk
            fits = len(item.title) + 2 + len(item.detail) + len(tail) <= width
            words = "" if same or not fits else f"  {item.detail}"
            head = [(item.title, STYLES["DATE"]), (words, "$reader-muted"),
                    (self._count(item), "$reader-muted"), (walk, "$accent")]
            if not (same or fits):
                rest = [(_hanging(item.detail, width), "$reader-muted")]
        else:
            head = [(item.title, STYLES[item.section]), (self._count(item), "$reader-muted"),
                    (walk, "$accent")]
            if item.detail:
                rest = [(_hanging(_short(f"also {item.detail}", self.glyphs, width), width),
                         "$reader-muted")]
        return Content.assemble((f"{marker} ", "$accent"),
                                _wrap_under(Content.assemble(*head), width), *rest)

    def _text_width(self) -> int:
        """Columns for an item's text after the two-column marker gutter."""
        width = self.list.scrollable_content_region.width if self.list.is_mounted else 0
        return max(10, (width or 36) - 3)

    def on_resize(self) -> None:
        if self._rows:
            option = self.list.highlighted_option
            self._rebuild(keep=option.id if option else None)

    def _count(self, item: Item) -> str:
        # No-break spaces: a count wraps with the name's last word, never alone.
        return f"\u00a0\u00a0{self.glyphs.times}{item.count}" if item.count > 1 else ""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id == self._cursor_id:
            return  # the list was rebuilt (shown, resized, folded) under the same item
        self._cursor_id = event.option.id
        item = self.index.get(event.option.id or "")
        self.post_message(self.ItemHighlighted(item))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("section-"):
            section = option_id.removeprefix("section-")
            self.fold(event.option_index, section not in self.folded)
            return
        item = self.index.get(option_id)
        if item is not None:
            self.post_message(self.ItemChosen(item))


def _wrap_under(line: Content, width: int) -> Content:
    """A first line too long for the panel, wrapped with its continuation
    lines indented under its own start (past the marker gutter)."""
    pieces = wrap_offsets(line.plain, width)
    if len(pieces) == 1:
        return line
    return Content("\n  ").join(line[a:b] for a, b in pieces)


def _hanging(text: str, width: int) -> str:
    """`text` on lines of its own, wrapped under the item's name (a hanging indent)."""
    return "".join("\n  " + text[a:b] for a, b in wrap_offsets(text, width))


def _short(text: str, glyphs: Glyphs, limit: int = 30) -> str:
    """One line in the panel: cut at a word and mark the cut."""
    if len(text) <= limit:
        return text
    return text[:limit - len(glyphs.ellipsis)].rsplit(" ", 1)[0] + glyphs.ellipsis


def _quoted(text: str, glyphs: Glyphs) -> str:
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS].rsplit(" ", 1)[0] + glyphs.ellipsis
    return f"{glyphs.open_quote}{text}{glyphs.close_quote}"
