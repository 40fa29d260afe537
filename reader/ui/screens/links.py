"""The article's links, numbered (`o`). Enter copies the URL with OSC 52,
which reaches the local clipboard even over SSH; `w` opens it in a browser,
offered only when a graphical one runs on this machine. Nothing is ever
opened without being asked."""
from __future__ import annotations

import os
import sys
import webbrowser

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.models import Link
from ...core.safety import clean_line, safe_url
from .. import keys
from ..support.wrap import wrap_offsets
from ..widgets.vimlist import VimOptionList

INDENT = 5  # "  1. " : a link's wrapped text and its address line up under its start

# Text-mode browsers would take over this very terminal: never launch those.
_CONSOLE_BROWSERS = ("www-browser", "lynx", "links", "elinks", "w3m", "browsh")


def local_browser_available(environ=os.environ) -> bool:
    """A graphical browser on this machine (not over SSH, not a text one)."""
    if environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"):
        return False
    if sys.platform.startswith("linux") and not (environ.get("DISPLAY")
                                                 or environ.get("WAYLAND_DISPLAY")):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    return getattr(browser, "name", "") not in _CONSOLE_BROWSERS


class LinksScreen(ModalScreen[None]):
    BINDINGS = keys.bindings(keys.LINKS_KEYS[1:])

    def __init__(self, links: list[Link], browser: bool = False) -> None:
        super().__init__()
        self.links = [link for link in links if safe_url(link.url)]
        self.browser = browser

    def compose(self) -> ComposeResult:
        with Vertical(id="links-box", classes="" if self.links else "-empty"):
            yield Static(self._title(), id="links-title")
            yield VimOptionList(*self._options(80), id="links-list")

    def _options(self, width: int) -> list[Option]:
        return [Option(_prompt(n, link, width), id=str(n)) for n, link in enumerate(self.links)]

    def on_resize(self) -> None:
        """Wrap the links at the list's own width (known once it is laid out)."""
        listing = self.query_one(OptionList)
        width = listing.scrollable_content_region.width
        if self.links and width:
            cursor = listing.highlighted
            listing.set_options(self._options(width))
            listing.highlighted = cursor

    def _title(self) -> Content:
        if not self.links:
            return Content.assemble(("No links in this article.", "bold"),
                                    ("   Esc closes", "$reader-muted"))
        extra = "   w opens in your browser" if self.browser else ""
        return Content.assemble((f"Links ({len(self.links)})", "bold $accent"),
                                (f"   Enter copies{extra}   Esc closes", "$reader-muted"))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        link = self.links[int(event.option.id or 0)]
        self.app.copy_to_clipboard(link.url)
        self.notify(f"Copied link {int(event.option.id or 0) + 1} to the clipboard.", timeout=2)

    def action_open_link(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            return
        if not self.browser:
            self.notify("No local browser here; Enter copies the link instead.", timeout=3)
            return
        webbrowser.open(self.links[int(option.id or 0)].url, new=2)

    def action_close(self) -> None:
        self.dismiss()


def _prompt(number: int, link: Link, width: int) -> Content:
    """The link's text, then its address, both wrapped under the text's start."""
    text = clean_line(link.text).strip() or "(no text)"
    url = clean_line(link.url)
    room = max(10, width - INDENT - 1)
    parts: list[tuple[str, str] | str] = [(f"{number + 1:>3}. ", "$reader-muted")]
    for line, (a, b) in enumerate(wrap_offsets(text, room)):
        parts += ["\n" + " " * INDENT if line else "", (text[a:b], "bold")]
    for a, b in wrap_offsets(url, room):
        parts += ["\n" + " " * INDENT, (url[a:b], "$reader-muted")]
    return Content.assemble(*parts)
