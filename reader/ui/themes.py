"""Themes: a palette per `themes/*.toml` file (shipped ones plus the user's
own in the config dir), registered as Textual themes. All styling in
`themes/reader.tcss` goes through theme variables, so a palette is all a
theme needs; variables a palette leaves out are derived from its colours.

Also decides the starting theme: `mono` when NO_COLOR is set or the terminal
reports fewer than 256 colours, unless the user asked for one."""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

import reader

CONFIG_DIR_ENV = "READER_CONFIG_DIR"
BUILTIN_ORDER = ("paper", "night", "sepia", "high-contrast", "mono")
DEFAULT_THEME = "night"
LOW_COLOUR_THEME = "mono"
_PALETTE_KEYS = ("primary", "secondary", "accent", "warning", "error", "success",
                 "foreground", "background", "surface", "panel", "boost")


def themes_dir() -> Path:
    """The shipped themes: inside the installed package, else the checkout's."""
    packaged = Path(reader.__file__).parent / "themes"
    if packaged.is_dir():
        return packaged
    return Path(reader.__file__).parent.parent / "themes"


def config_dir() -> Path:
    """$READER_CONFIG_DIR, else the platform's user config dir for reader."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # small, pure-Python

    return Path(user_config_dir("reader", appauthor=False))


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def stylesheet() -> Path:
    return themes_dir() / "reader.tcss"


@dataclass
class ThemeSet:
    """The themes found, in cycling order, and why any file was skipped."""

    themes: list[Theme] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    few_colours: set[str] = field(default_factory=set)
    """Themes whose palette says `few-colours = true`: readable in 16 colours
    (a true-colour palette brought down to 16 loses its highlights)."""

    @property
    def names(self) -> list[str]:
        return [theme.name for theme in self.themes]

    def names_for(self, depth: str) -> list[str]:
        """The themes `t` cycles through at a colour depth ('none', '16', ...)."""
        if depth in ("none", "16"):
            fit = [name for name in self.names if name in self.few_colours]
            return fit or self.names
        return self.names


def load_themes(user_dir: Path | None = None) -> ThemeSet:
    """Shipped palettes first (in BUILTIN_ORDER), then the user's, by name.
    A user theme with a shipped theme's name replaces it."""
    found: dict[str, Theme] = {}
    result = ThemeSet()
    for directory in (themes_dir(), user_dir if user_dir is not None else user_themes_dir()):
        for path in sorted(directory.glob("*.toml")) if directory.is_dir() else []:
            try:
                theme, few = _theme_and_fit(path)
            except (OSError, ValueError) as error:
                result.notices.append(f"Theme {path.name} skipped: {error}")
                continue
            found[theme.name] = theme
            (result.few_colours.add if few else result.few_colours.discard)(theme.name)
    order = [name for name in BUILTIN_ORDER if name in found]
    order += sorted(name for name in found if name not in BUILTIN_ORDER)
    result.themes = [found[name] for name in order]
    return result


def theme_from_file(path: Path) -> Theme:
    """Read one palette file. Raises ValueError with a short reason."""
    return _theme_and_fit(path)[0]


def _theme_and_fit(path: Path) -> tuple[Theme, bool]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"not valid TOML ({error})") from None
    return theme_from_mapping(data, default_name=path.stem), data.get("few-colours") is True


def theme_from_mapping(data: Mapping[str, object], default_name: str) -> Theme:
    name = str(data.get("name") or default_name)
    colours = {key: str(data[key]) for key in _PALETTE_KEYS if key in data}
    if "primary" not in colours:
        raise ValueError("it needs at least a 'primary' colour")
    for key, value in colours.items():
        _check_colour(key, value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("[variables] must be a table")
    dark = bool(data.get("dark", True))
    merged = derived_variables(colours, dark) | {str(k): str(v) for k, v in variables.items()}
    # The panel cursor looks like the selected mentions unless the palette says
    # otherwise (Textual draws 'reverse' in a list by swapping the colours,
    # which does nothing when both are the terminal's default).
    merged.setdefault("reader-cursor-style", merged["reader-selected-style"])
    return Theme(name=name, dark=dark, ansi=bool(data.get("ansi", False)),
                 variables=merged, **colours)


def _check_colour(key: str, value: str) -> None:
    try:
        Color.parse(value)
    except ColorParseError:
        raise ValueError(f"{key} = {value!r} is not a colour") from None


def derived_variables(colours: Mapping[str, str], dark: bool) -> dict[str, str]:
    """Every reader-* variable the stylesheet uses, from the palette alone."""
    primary = colours["primary"]
    foreground = colours.get("foreground", "#e0e0e0" if dark else "#202020")
    background = colours.get("background", "#121212" if dark else "#f5f5f5")
    return {
        "reader-title": foreground, "reader-heading": primary,
        # Secondary text (the date line, counts, hints): a solid colour, not
        # Textual's translucent $text-muted, which component styles and
        # Content spans paint at full strength (white on paper).
        "reader-muted": _mix(background, foreground, 0.7),
        "reader-standfirst": foreground, "reader-standfirst-style": "italic",
        "reader-rule": _mix(background, foreground, 0.35),
        "reader-blockquote": foreground,
        "reader-person": primary, "reader-place": colours.get("success", primary),
        "reader-org": colours.get("secondary", primary),
        "reader-date": colours.get("warning", primary),
        "reader-quote": foreground,
        "reader-selected": _mix(background, primary, 0.3),
        "reader-match": _mix(background, colours.get("accent", primary), 0.5),
        "reader-match-text": foreground,
        "reader-current": colours.get("accent", primary),
        "reader-current-text": background,
        **{f"reader-{kind}-style": "none" for kind in (
            "person", "place", "org", "date", "quote", "selected", "match", "current")},
    }


def _mix(base: str, other: str, amount: float) -> str:
    try:
        return Color.parse(base).blend(Color.parse(other), amount).hex
    except ColorParseError:
        return other


def colour_depth(environ: Mapping[str, str]) -> str:
    """'none', '16', '256' or 'truecolor' (decided in terminal.py, with terminfo)."""
    from .terminal import colour_depth as decide

    return decide(environ)


def initial_theme(requested: str | None, remembered: str | None, available: list[str],
                  environ: Mapping[str, str]) -> str:
    """The theme to start with: asked for > few colours > remembered > default."""
    if requested and requested in available:
        return requested
    if colour_depth(environ) in ("none", "16") and LOW_COLOUR_THEME in available:
        return LOW_COLOUR_THEME
    if remembered and remembered in available:
        return remembered
    return DEFAULT_THEME if DEFAULT_THEME in available else available[0]
