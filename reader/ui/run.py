"""Entry to the UI from the command line: decide colours, glyphs and theme
from the environment, read stdin before the terminal takes over fd 0, run the
app, and turn how it ended into an exit code (a crash is never 0)."""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from functools import partial

from ..core.errors import UsageError
from ..core.pipeline import analyse_article, background_analyser, cached_analysis, open_article
from ..core.sources import DEFAULT_MAX_BYTES
from ..core.state import StateStore, article_key
from . import splash
from .terminal import apply as apply_terminal, detect as detect_terminal


def run_ui(source: str, clean: bool = True, published: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES, theme: str | None = None,
           ascii_only: bool = False) -> int:
    """Open the reader on `source`; return the process exit code."""
    # The NLP stage runs in its own process (pipeline.background_analyser),
    # started before the app unless the analysis is cached; it ends with the app.
    analyser = background_analyser(start=False)
    try:
        return _run(analyser, source, clean, published, max_bytes, theme, ascii_only)
    finally:
        analyser.close()


def _run(analyser, source: str, clean: bool, published: str | None, max_bytes: int,
         theme: str | None, ascii_only: bool) -> int:
    # A local or piped text file is read now (a few ms) so the first frame shows
    # it; HTML and URLs are finished by a worker thread behind the first frame.
    ready = open_article(source, clean=clean, published=published, max_bytes=max_bytes)
    if source == "-":
        attach_terminal_to_stdin()  # stdin has been read (and is kept by sources)
    preloaded = None if callable(ready) else ready
    load = ready if callable(ready) else partial(lambda a: a, ready)
    analysis = cached_analysis(preloaded) if preloaded is not None else None
    if analysis is None:  # spaCy loads in its own process while the UI starts
        analyser.start()
    # terminal.py decides colours, ASCII and mouse from the environment and sets
    # what Textual reads (its colour system) before the app is built.
    profile = detect_terminal(os.environ, ascii_only)
    apply_terminal(profile)
    store = StateStore().load()
    remembered = store.get(article_key(preloaded)) if preloaded else None
    analyser.first_block = max(0, remembered.block) if remembered else 0  # on screen first
    # The article is on screen before Textual is even imported (splash.py).
    painted = preloaded is not None and _paint_first_screen(preloaded, store, remembered,
                                                             profile.ascii)
    try:
        app = build_app(load, theme, profile.ascii, os.environ, analyse=analyser, store=store,
                        profile=profile)
        app.session.preloaded, app.session.analysis = preloaded, analysis
        app.run()
    except BaseException:
        if painted:
            splash.clear(sys.__stderr__)
        raise
    _save_state(app.session.store)
    if app.load_error is not None:
        raise app.load_error
    return 1 if app.return_code is None else app.return_code


def _paint_first_screen(article, store, remembered, ascii_only: bool) -> bool:
    """Paint the article where the pane will show it, at the remembered place."""
    width = (remembered.width if remembered else None) or store.defaults.get("width")
    anchor = (remembered.block, remembered.offset) if remembered else (-1, 0)
    return splash.paint(article, sys.__stderr__, os.environ,
                        measure=width if isinstance(width, int) else splash.DEFAULT_MEASURE,
                        anchor=anchor, ascii_only=ascii_only)


def build_app(load, theme: str | None, ascii_only: bool, environ: Mapping[str, str],
              analyse=analyse_article, store=None, profile=None):
    """The configured ReaderApp (textual is imported here, not at module import)."""
    from ..core.state import StateStore
    from .app import ReaderApp
    from .keymap import load_keymap
    from .screens.links import local_browser_available
    from .session import Session
    from .support.glyphs import ASCII, UNICODE
    from .themes import initial_theme, load_themes

    themes = load_themes()
    user_keys = load_keymap()
    if theme and theme not in themes.names:
        raise UsageError(f"unknown theme {theme!r}; choose from {', '.join(themes.names)}")
    store = store if store is not None else StateStore().load()
    profile = profile or replace(detect_terminal(environ), ascii=ascii_only)
    depth = profile.colours
    remembered = store.defaults.get("theme")
    name = initial_theme(theme, remembered if isinstance(remembered, str) else None,
                         themes.names, environ)
    session = Session(load=load, analyse=analyse, store=store,
                      glyphs=ASCII if ascii_only else UNICODE,
                      theme_locked=bool(theme) or depth in ("none", "16"),
                      browser=local_browser_available(environ),
                      notices=themes.notices + user_keys.notices + store.notices)
    return ReaderApp(session, themes, name, cycle=themes.names_for(depth), ansi_color=True if depth == "none" else None,
                     ascii_only=ascii_only, terminal=profile, keymap=user_keys.keymap)


def attach_terminal_to_stdin() -> None:
    """After reading the article from a pipe, take keys from the terminal (as less does)."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise UsageError("no terminal to read keys from; use --format text to print") from None
    os.dup2(terminal, sys.__stdin__.fileno() if sys.__stdin__ else 0)
    os.close(terminal)


def _save_state(store) -> None:
    if store is None:
        return
    try:
        store.save()
    except OSError as error:
        sys.stderr.write(f"reader: could not save the reading position ({error.strerror})\n")
