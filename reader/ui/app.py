"""The Textual application: registers the themes, shows the reading screen,
offers actions and every panel item in the command palette, and records a
load failure so `run_ui` can report it after the terminal is restored."""
from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from . import keys
from .screens.main import MainScreen
from .session import Session
from .support.items import SECTION_TITLES, palette_title
from .terminal import TerminalProfile, driver_for
from .themes import ThemeSet, stylesheet


class ReaderApp(App[None]):
    CSS_PATH = [stylesheet()]
    TITLE = "reader"
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c")]

    def __init__(self, session: Session, themes: ThemeSet, theme: str,
                 cycle: list[str] | None = None,
                 ansi_color: bool | None = None, ascii_only: bool = False,
                 terminal: TerminalProfile | None = None,
                 keymap: dict[str, str] | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        if terminal is not None:  # clicks-only mouse, ASCII output (see terminal.py)
            self.driver_class = driver_for(self.driver_class, terminal)
        self.session = session
        self.animation_level = "none"  # smooth scrolling costs bytes over SSH
        for each in themes.themes:
            self.register_theme(each)
        self.reader_themes = themes.names
        self.cycle_themes = cycle or themes.names
        """What `t` cycles through: in 16 colours only the themes made for them."""
        self.theme = theme
        self.ascii_only = ascii_only
        self.load_error: BaseException | None = None
        self.user_keymap = dict(keymap or {})
        """binding id -> keys from the user's keys.toml (the help shows these)."""

    def get_default_screen(self) -> Screen:
        return MainScreen(self.session)

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.set_class(self.ascii_only, "-ascii")
        for notice in self.session.notices:
            self.notify(notice, severity="warning", timeout=6)

    def fail(self, error: BaseException | None) -> None:
        """End the app because the article could not be loaded."""
        self.load_error = error
        self.exit(return_code=getattr(error, "exit_code", 1))

    def next_theme(self) -> str:
        names = self.cycle_themes
        position = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(position + 1) % len(names)]
        return self.theme

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every screen action by its description, then every panel item."""
        if not isinstance(screen, MainScreen):
            yield from super().get_system_commands(screen)
            return
        for key in keys.SCREEN_KEYS + keys.ARTICLE_KEYS:
            target = screen.view if key in keys.ARTICLE_KEYS else screen
            yield SystemCommand(key.description, f"key: {keys.display(key, self.user_keymap)}",
                                partial(target.run_action, key.action))
        glyphs = screen.session.glyphs
        for item in screen.palette_items():
            section = SECTION_TITLES[item.section]
            detail = f"{section} {glyphs.dot} {item.count} mention{'s' if item.count != 1 else ''}"
            yield SystemCommand(f"Go to {palette_title(item, glyphs)}", detail,
                                partial(screen.jump_to_id, item.id))
