"""safety: what untrusted text may and may not carry to a terminal."""
import re

import pytest

from reader.core.safety import MAX_COMBINING, clean_line, clean_text, safe_url, terminal_safe

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
# What a terminal acts on: C0 except TAB/LF, DEL, C1, and (for spoofing) the
# bidi controls and invisibles the sanitiser must remove.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@pytest.mark.parametrize("payload", [
    f"{ESC}]0;PWNED{BEL}", f"{ESC}]52;c;ZWNobyBwd25lZA=={ST}", f"{ESC}]8;;http://evil/{ST}x{ESC}]8;;{ST}",
    f"{ESC}[2J{ESC}[H", f"{ESC}[6n", f"{ESC}P$q\"p{ST}", f"{ESC}_Gf=100;AAAA{ST}", f"{ESC}c",
    "\u009b2J", "\u009d0;T\u009c", "\u0090x\u009c", "\x00\x07\x08\x0b\x0c\x0e\x0f\x7f",
])
def test_control_sequences_become_visible_symbols(payload):
    out = clean_text(f"A{payload}B")
    assert not RAW_CONTROL.search(out)
    assert out.startswith("A") and out.endswith("B")
    assert len(out) == len(payload) + 2  # shown, not silently dropped


def test_escape_is_shown_as_its_control_picture():
    assert clean_text(f"{ESC}]0;T{BEL}") == "\u241b]0;T\u2407"
    assert clean_text("\x00\x7f") == "\u2400\u2421"
    assert clean_text("a\u009bb") == "a\ufffdb"


def test_tab_and_newline_stay():
    assert clean_text("a\tb\nc") == "a\tb\nc"


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\x85b", "a\nb"),
    ("a\u2028b", "a\nb"), ("a\u2029b", "a\nb"), ("a\r\n\r\nb", "a\n\nb"),
])
def test_line_endings_are_normalised(raw, expected):
    assert clean_text(raw) == expected


def test_carriage_return_cannot_hide_text():
    assert clean_text("rm -rf ~ # harmless\rls") == "rm -rf ~ # harmless\nls"


def test_bidi_controls_are_removed():
    assert clean_text("file\u202egnp.exe") == "filegnp.exe"
    assert clean_text("a\u2067b\u2069c\u2066d\u2068e\u2069") == "abcde"
    assert not BIDI.search(clean_text("x\u200ey\u200fz\u061c\u202a\u202b\u202c\u202d"))


def test_invisible_and_tag_characters_are_removed():
    assert clean_text("pay\u200bpal\u2060.com\ufeff") == "paypal.com"
    assert clean_text("hi\U000e0069\U000e0067\U000e006e") == "hi"
    assert clean_text("soft\u00adhyphen") == "softhyphen"


def test_joiners_and_variation_selectors_are_kept():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(family) == family
    assert clean_text("\u2764\ufe0f \u2764\ufe0e") == "\u2764\ufe0f \u2764\ufe0e"
    assert clean_text("\u0915\u094d\u200c\u0937") == "\u0915\u094d\u200c\u0937"  # ZWNJ in Devanagari


def test_runs_of_combining_marks_are_capped():
    out = clean_text("A" + "\u0301" * 10_000 + " end")
    assert out.endswith(" end")
    run = re.search("[\u0300-\u036f]+", out).group()
    assert len(run) <= MAX_COMBINING


def test_alternating_marks_are_capped_before_normalising():
    # Canonical reordering of such a run is quadratic in CPython: capping
    # first keeps it small. (Length is the check; no timing asserts.)
    out = clean_text("a" + "\u0301\u0316" * 50_000)
    assert len(out) <= 1 + MAX_COMBINING


def test_marks_outside_latin_blocks_are_capped_too():
    thai = "\u0e01" + "\u0e49\u0e48" * 50   # Thai tone marks
    assert len(clean_text(thai)) <= 1 + MAX_COMBINING


def test_ordinary_accents_survive_and_text_is_nfc():
    assert clean_text("cafe\u0301") == "caf\u00e9"
    assert clean_text("Vi\u1ec7t Nam") == "Vi\u1ec7t Nam"


def test_lone_surrogates_become_replacement_characters():
    # Undecodable bytes in a file name arrive as U+DC80..U+DCFF; written out
    # with surrogateescape they would be raw C1 bytes.
    assert clean_text("name\udc9b2J") == "name\ufffd2J"


def test_clean_line_is_one_line():
    assert clean_line("a\nb\tc\r\nd") == "a b c d"


def test_terminal_safe_changes_only_what_a_terminal_would_act_on():
    clean = "Plain text, caf\u00e9, \u4e2d\u6587, \t tabs and\nnewlines, [bold]markup[/]"
    assert terminal_safe(clean) == clean
    assert terminal_safe(f"a{ESC}[2Jb\u009b\r") == "a\u241b[2Jb\ufffd\u240d"


@pytest.mark.parametrize("url", [
    "http://example.org/", "https://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG",
    "https://example.org/a%20b", " https://example.org/x ",
])
def test_http_urls_are_allowed(url):
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "%6a%61vascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd",
    "data:text/html,x", "/etc/passwd", "//evil.example/", "http:///nohost", "https://",
    "https://example.org/%1b]0;T%07", "https://example.org/\u202egnp.exe", "https://exa mple.org/",
    "https://example.org/%E2%80%AE", "http://[::1/", "https://example.org/" + "a" * 9000, "",
])
def test_other_urls_are_refused(url):
    assert safe_url(url) is None
