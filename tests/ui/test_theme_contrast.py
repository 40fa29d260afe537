"""Every shipped colour theme stays readable: text on its background, item
colours on the panel cursor and the selected mentions, match and current
highlights -- in true colour and after the fall to 256 colours that tmux
and many SSH terminals apply (where #3b2f23 became maroon and #3b4a63 a grey
too light for the item colours on it)."""
from __future__ import annotations

import pytest
from rich.color import Color as RichColor, ColorSystem
from textual.color import Color

from reader.ui.themes import load_themes

BODY = [("foreground", "background"), ("reader-muted", "background"),
        ("reader-title", "background"), ("reader-standfirst", "background")]
ITEMS = ("reader-person", "reader-place", "reader-org", "reader-date", "reader-quote")
ANY = ([(name, ground) for name in ITEMS + ("reader-muted", "foreground")
        for ground in ("background", "surface", "reader-selected")]
       + [("reader-match-text", "reader-match"), ("reader-current-text", "reader-current"),
          ("accent", "surface"), ("warning", "background")])
THEMES = [theme for theme in load_themes().themes if not theme.ansi]


def _variables(theme) -> dict[str, str]:
    found = dict(theme.to_color_system().generate())
    found.update(theme.variables)
    for name in ("foreground", "background", "surface", "accent", "warning"):
        found[name] = getattr(theme, name) or found[name]
    return found


def _luminance(rgb) -> float:
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _contrast(one, two) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(value: str, depth: str):
    colour = Color.parse(value)
    assert colour.a == 1, f"{value} is translucent: component styles would paint it opaque"
    if depth == "truecolor":
        return colour.rgb
    triplet = RichColor.parse(colour.hex[:7]).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return triplet.red, triplet.green, triplet.blue


@pytest.mark.parametrize("depth", ["truecolor", "256"])
@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
def test_theme_colours_are_readable(theme, depth):
    variables = _variables(theme)
    for pairs, least in ((BODY, 4.5), (ANY, 3.0)):
        for text, ground in pairs:
            ratio = _contrast(_rgb(variables[text], depth), _rgb(variables[ground], depth))
            assert ratio >= least, f"{theme.name}: {text} on {ground} is {ratio:.1f}:1 in {depth}"


async def test_the_date_line_is_painted_in_a_readable_grey_on_paper(make_app):
    from reader.ui.widgets.article import ArticleView

    from .conftest import settle

    app = make_app(theme="paper")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        strip = view.render_line(2)
        assert "Wed 13 Jul 2022" in strip.text
        style = next(seg.style for seg in strip if "Wed" in seg.text)
        text = style.color.get_truecolor()
        ground = style.bgcolor.get_truecolor()
        body = view.rich_style.color.get_truecolor()
        assert _contrast(tuple(text), tuple(ground)) >= 4.5   # was white on cream
        assert _contrast(tuple(text), tuple(ground)) < _contrast(tuple(body), tuple(ground))  # muted


@pytest.mark.parametrize("name", ["paper", "night", "sepia", "high-contrast", "mono"])
async def test_the_panel_cursor_row_shows_in_every_theme(make_app, name):
    from reader.ui.widgets.panel import IndexList

    from .conftest import settle

    app = make_app(theme=name)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "g", "j", "j")  # Olga Makeyeva: one line, and one under it
        index_list = app.screen.query_one(IndexList)
        assert "Olga Makeyeva" in str(index_list.highlighted_option.prompt)
        row = next(y for y in range(20) if "Olga Makeyeva" in index_list.render_line(y).text)

        def look(y):  # the style of the row's blank end, where only the cursor paints
            style = list(index_list.render_line(y))[-1].style
            return (style.bgcolor, style.underline, style.reverse)

        assert look(row) != look(row + 1)  # mono: reverse is lost in lists, underline stays
