"""Makes untrusted text safe to put on a terminal.

Article text, titles, link text, URLs and file names come from anywhere. Before
any of it reaches a screen, `clean_text` turns every control character into a
visible symbol (so nothing can move the cursor, set the title or write the
clipboard), drops invisible and direction-overriding characters, and caps runs
of combining marks so normalisation and width calculation stay cheap.
`terminal_safe` is the last line of defence on whatever the CLI prints."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

MAX_COMBINING = 8       # marks kept after one base character (zalgo stays readable)
MAX_URL_CHARS = 8192    # longer "links" are not links a person could check

# C0 controls (except TAB and LF) map to the Control Pictures block (U+2400+),
# DEL to U+2421; C1 controls have no pictures, so they show as U+FFFD, as do
# lone surrogates (undecodable file names arrive as U+DC80..U+DCFF).
_VISIBLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))
_VISIBLE.update(dict.fromkeys(range(0xD800, 0xE000), 0xFFFD))

# Removed outright: bidi marks, embeddings, overrides and isolates; zero-width
# and other invisible format characters; invisible fillers used for spoofing;
# the TAG block. ZWJ/ZWNJ (200C/200D) and variation selectors stay: emoji
# sequences and several scripts need them.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180E, 0x180E), (0x200B, 0x200B), (0x200E, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE007F),
)
_INVISIBLE = {c: None for lo, hi in _INVISIBLE_RANGES for c in range(lo, hi + 1)}
_TABLE: dict[int, int | None] = {**_VISIBLE, **_INVISIBLE}


def _char_class(codes: list[int]) -> str:
    """A regex character class matching exactly `codes` (sorted, as ranges)."""
    parts, start, prev = [], codes[0], codes[0]
    for code in codes[1:] + [-1]:
        if code != prev + 1:
            lo, hi = re.escape(chr(start)), re.escape(chr(prev))
            parts.append(lo if start == prev else f"{lo}-{hi}")
            start = code
        prev = code
    return "[" + "".join(parts) + "]"


# Runs of characters that `_TABLE` changes: searching is ~20x faster than
# str.translate over a whole clean article, and most articles are clean.
_UNSAFE_RUN = re.compile(_char_class(sorted(_TABLE)) + "+")
_ASCII_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\t\n"
_MARK_RUN = None  # compiled on first non-ASCII text (see _cap_combining)
# Every combining mark (and ZWJ/ZWNJ) is at or above U+0300: text without that
# many such characters in a row has no run to cap, and needs no `regex` import.
_MAYBE_MARK_RUN = re.compile("[^\\x00-\\u02ff]{%d}" % (MAX_COMBINING + 1))


def terminal_safe(text: str) -> str:
    """Make control, bidi and invisible characters inert, changing nothing
    else: the last pass over any string written to a terminal."""
    if _looks_clean(text):
        return text
    return _UNSAFE_RUN.sub(lambda m: m.group().translate(_TABLE), text)


def _looks_clean(text: str) -> bool:
    """Cheap proof that `text` holds nothing `_TABLE` would change (a regex
    scan costs ~15 ns a character, these checks ~1)."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _ASCII_PRINTABLE)
    return text.replace("\n", "").replace("\t", "").isprintable()


def normalise_newlines(text: str) -> str:
    """CRLF, lone CR, NEL and the Unicode line/paragraph separators -> LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        for sep in ("\x85", "\u2028", "\u2029"):
            if sep in text:
                text = text.replace(sep, "\n")
    return text


def clean_text(text: str) -> str:
    """Return `text` safe to display: line endings normalised to LF, control
    characters made visible, invisible characters removed, runs of combining
    marks capped, NFC."""
    text = terminal_safe(normalise_newlines(text))
    if text.isascii():
        return text
    # Cap before NFC too: CPython's canonical reordering is quadratic in the
    # length of a run of marks (80,000 alternating marks take 5 s).
    text = _cap_combining(text)
    if not unicodedata.is_normalized("NFC", text):
        text = _cap_combining(unicodedata.normalize("NFC", text))
    return text


def clean_line(text: str) -> str:
    """Like `clean_text`, for one-line contexts (titles, errors, file names):
    newlines and tabs become spaces too."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def _cap_combining(text: str) -> str:
    """Keep at most MAX_COMBINING combining marks (or ZWJ/ZWNJ) in a row."""
    global _MARK_RUN
    if not _MAYBE_MARK_RUN.search(text):  # cheap and sound: most text stops here (perf)
        return text
    if _MARK_RUN is None:
        # `regex` (~15 ms to import) knows the Unicode Mark category; the
        # stdlib `re` has no \p{M} and a 300-range class is 10x slower.
        import regex

        _MARK_RUN = regex.compile(r"([\p{M}\u200c\u200d]{%d})[\p{M}\u200c\u200d]+" % MAX_COMBINING)
    return _MARK_RUN.sub(r"\1", text)


def safe_url(url: str) -> str | None:
    """Return the URL if it is plain http(s) after percent-decoding, else None.

    Decoding first defeats tricks like `%6a%61vascript:`; a URL carrying
    control, bidi or invisible characters (raw or percent-encoded) or
    whitespace is refused, so the URL shown is exactly the URL followed."""
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS or any(ch.isspace() for ch in url):
        return None
    decoded = unquote(url)
    if _UNSAFE_RUN.search(url) or _UNSAFE_RUN.search(decoded):
        return None
    if not decoded.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
