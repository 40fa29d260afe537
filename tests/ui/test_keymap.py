"""The user's keys.toml: binding ids remapped with Textual's keymap, shown
the same way in the help and the status line; a bad file or entry is one
line of notice, never a crash."""
from __future__ import annotations

import re
from pathlib import Path

from reader.ui import keys
from reader.ui.keymap import keymap_from_mapping, load_keymap, normalise
from reader.ui.widgets.article import ArticleView

from .conftest import settle

README = Path(__file__).resolve().parents[2] / "README.md"


def write_keys(private_dirs, text: str) -> Path:
    path = private_dirs / "config" / "keys.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_names_are_normalised_the_way_textual_names_keys():
    assert normalise("?") == "question_mark"
    assert normalise("Ctrl+F") == "ctrl+f"
    assert normalise("shift+g") == "G"
    assert normalise("PageDown") == "pagedown"
    assert normalise("plus") == "plus"
    assert normalise("F5") == "f5"
    assert normalise("nonsense") is None
    assert normalise("hyperdrive+x") is None
    assert normalise(",") is None  # the separator of Textual's key lists: write 'comma'


def test_a_list_or_a_string_and_bad_entries_skipped_in_one_line():
    result = keymap_from_mapping({"highlights": "m", "page-down": ["space", "ctrl+f"],
                                  "bogus": "x", "quit": [], "theme": "nonsense"})
    assert result.keymap == {"highlights": "m", "page-down": "space,ctrl+f"}
    assert len(result.notices) == 1
    assert "'bogus' is no key id" in result.notices[0] and "quit needs a key" in result.notices[0]
    assert "\n" not in result.notices[0]


def test_a_clash_is_named_with_the_binding_that_acts():
    result = keymap_from_mapping({"highlights": "j"})
    assert result.keymap == {"highlights": "j"}
    assert result.notices == ["keys.toml: j is both line-down and highlights in the article; "
                              "line-down acts (+1 more)"]


def test_missing_file_is_no_keymap_and_no_notice(tmp_path):
    assert load_keymap(tmp_path / "keys.toml").keymap == {}
    assert load_keymap(tmp_path / "keys.toml").notices == []


def test_broken_toml_is_one_line_of_notice(tmp_path):
    path = tmp_path / "keys.toml"
    path.write_text("highlights = \n", encoding="utf-8")
    result = load_keymap(path)
    assert result.keymap == {}
    assert len(result.notices) == 1 and result.notices[0].startswith("keys.toml ignored, not valid")


def test_binary_file_is_one_line_of_notice(tmp_path):
    path = tmp_path / "keys.toml"
    path.write_bytes(b"\xff\xfe\x00")
    assert load_keymap(path).notices == ["keys.toml ignored, cannot read it: not UTF-8 text"]


async def test_remapped_keys_work_and_the_help_and_status_line_show_them(make_app, private_dirs):
    write_keys(private_dirs, 'highlights = "m"\nsearch = ["slash", "ctrl+s"]\nhelp = "F2"\n')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("H")
        assert view.highlights is True           # the default key is replaced
        await pilot.press("m")
        assert view.highlights is False
        await pilot.press("ctrl+s", "x", "escape")
        assert app.screen.search_walk is None and view.has_focus
        hints = str(app.screen.query_one("#hints").render())
        assert "F2 help" in hints
        await pilot.press("f2")
        assert app.screen.__class__.__name__ == "HelpScreen"
        shown = "\n".join(str(w.render()) for w in app.screen.query(".help-group"))
        assert re.search(r"\bm\s+Highlights on or off", shown)
        assert re.search(r"/ Ctrl\+S\s+Search the text", shown)


async def test_a_bad_keys_file_is_a_notice_and_the_defaults_stay(make_app, private_dirs):
    write_keys(private_dirs, "highlights = [1, 2\n")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert len(messages) == 1 and messages[0].startswith("keys.toml ignored, not valid TOML: ")
        await pilot.press("H")
        assert app.screen.query_one(ArticleView).highlights is False


def test_the_readme_lists_every_key_id():
    text = README.read_text(encoding="utf-8")
    missing = [key_id for key_id in keys.REMAPPABLE if f"`{key_id}`" not in text]
    assert not missing
