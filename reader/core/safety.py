"""Makes untrusted text safe to put on a terminal.

Article text, titles, link text and file names come from anywhere. Before any
of it reaches a screen, `clean_text` turns every control character into a
visible symbol (so nothing can move the cursor, set the title or write the
clipboard), drops invisible and direction-overriding characters, and caps
runs of combining marks so width calculation stays cheap."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

# C0 controls (except TAB and LF) map to the Control Pictures block (U+2400+),
# DEL to U+2421; C1 controls have no pictures, so they show as U+FFFD.
_C0 = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_C0[0x7F] = 0x2421
_C1 = {c: 0xFFFD for c in range(0x80, 0xA0)}
# Bidi embeddings/overrides/isolates, zero-width and other invisible format
# characters, BOM, and the TAG block. ZWJ (200D) and ZWNJ (200C) stay: emoji
# sequences and several scripts need them; variation selectors stay too.
_INVISIBLE = dict.fromkeys(
    [0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x2060, 0x2061, 0x2062,
     0x2063, 0x2064, 0xFEFF, 0x180E, 0x00AD]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
    + list(range(0x206A, 0x2070))
    + list(range(0xE0000, 0xE0080)),
    None,
)
_TABLE = {**_C0, **_C1, **_INVISIBLE}
_LINE_ENDINGS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
MAX_COMBINING = 8


def _cap_combining(text: str) -> str:
    """Keep at most MAX_COMBINING combining marks after each base character."""
    # Fast path: scanning every character in Python is slow on megabyte texts,
    # so only do it when a long run of common combining marks is present.
    if not _HAS_MARK.search(text):
        return text
    out: list[str] = []
    run = 0
    for ch in text:
        if unicodedata.combining(ch):
            run += 1
            if run > MAX_COMBINING:
                continue
        else:
            run = 0
        out.append(ch)
    return "".join(out)


_HAS_MARK = re.compile(r"[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f"
                       r"\u0e31-\u0e3a\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{%d,}"
                       % (MAX_COMBINING + 1))


def clean_text(text: str) -> str:
    """Return `text` safe to display: line endings normalised to LF, control
    characters made visible, invisible characters removed, NFC."""
    text = _LINE_ENDINGS.sub("\n", text)
    text = text.translate(_TABLE)
    text = _cap_combining(text)
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """Like `clean_text`, for one-line contexts (titles, errors, file names):
    newlines and tabs become spaces too."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def safe_url(url: str) -> str | None:
    """Return the URL if it is plain http(s) after percent-decoding, else None.
    Decoding first defeats tricks like `%6a%61vascript:`."""
    url = url.strip()
    decoded = unquote(url).strip().lower()
    if not (decoded.startswith("http://") or decoded.startswith("https://")):
        return None
    if any(ord(c) < 0x21 or 0x7F <= ord(c) < 0xA0 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
