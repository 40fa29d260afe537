"""What one run of the UI works on: how to get the article and its analysis
(injected, so tests can pass a fixed Analysis), where state is kept, and the
display choices made before the app started."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.models import Analysis, Article
from ..core.state import StateStore
from .support.glyphs import UNICODE, Glyphs


@dataclass
class Session:
    load: Callable[[], Article]
    analyse: Callable[[Article], Analysis]
    store: StateStore | None = None
    glyphs: Glyphs = UNICODE
    theme_locked: bool = False   # --theme given, or few colours: don't restore a theme
    browser: bool = False        # a local graphical browser can open links
    notices: list[str] = field(default_factory=list)
    preloaded: Article | None = None  # read before the app started: in the first frame (perf)
    analysis: Analysis | None = None  # of `preloaded`, from the cache: in the first frame (perf)
