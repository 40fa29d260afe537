"""Turns what the user named (a path, '-' for stdin, or an http(s) URL) into
decoded text plus its media type, refusing what is not an article.

Files are opened read-only and non-blocking, must be regular files, and at
most `max_bytes + 1` bytes are ever read, so a FIFO, /dev/zero or an 8 GB
sparse file cannot hang or exhaust the reader."""
from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from dataclasses import dataclass

from .errors import RefusedContent, SourceError
from .safety import clean_line

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far above any real article

_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"\x7fELF", b"MZ", b"RIFF", b"OggS",
    b"ID3", b"fLaC", b"\x00\x00\x01\x00", b"wOFF", b"wOF2", b"\xca\xfe\xba\xbe",
    b"SQLite format 3",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_SNIFF = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Encodings we never honour when a page declares them (UTF-7 is an XSS trick).
_UNSAFE_DECLARED = {"utf-7", "utf7", "x-utf-7"}


@dataclass(frozen=True)
class Document:
    """Decoded input: `name` is safe to display; `media_type` is
    'text/html' or 'text/plain'."""

    name: str
    text: str
    media_type: str
    encoding: str


def load(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read `source` (path, '-' or URL) and decode it."""
    if source.startswith(("http://", "https://")):
        from .fetch import fetch  # only URL users pay for the HTTP client

        data, declared_type, name = fetch(source, max_bytes)
        return decode(data, name, declared_type=declared_type)
    if source == "-":
        return decode(read_stdin(max_bytes), "stdin")
    return decode(read_file(source, max_bytes), os.path.basename(source) or source)


def read_stdin(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    _check_size(len(data), max_bytes, "stdin")
    return data


def read_file(path: str, max_bytes: int) -> bytes:
    """Read at most max_bytes+1 bytes of a regular file, never blocking."""
    shown = clean_line(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise SourceError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{shown}: is a directory, not an article") from None
    except PermissionError:
        raise SourceError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{shown}: cannot open ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{shown}: is a directory, not an article")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{shown}: not a regular file")
        _check_size(info.st_size, max_bytes, shown)
        return _read_capped(fd, max_bytes, shown)
    finally:
        os.close(fd)


def _read_capped(fd: int, max_bytes: int, shown: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        try:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
        except OSError as exc:
            raise SourceError(f"{shown}: read error ({exc.strerror or exc})") from None
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    _check_size(total, max_bytes, shown)
    return b"".join(chunks)


def _check_size(size: int, max_bytes: int, shown: str) -> None:
    if size > max_bytes:
        raise RefusedContent(
            f"{shown}: file is {_megabytes(size)}, limit {_megabytes(max_bytes)} (see --max-size)"
        )


def _megabytes(n: int) -> str:
    return f"{n / 1_048_576:.0f} MB" if n >= 1_048_576 else f"{n} bytes"


def decode(data: bytes, name: str, declared_type: str | None = None) -> Document:
    """Decode bytes: BOM, then valid UTF-8, then a valid declared charset,
    then detection; refuse binary and empty input."""
    shown = clean_line(name)
    bom_encoding, body = _strip_bom(data)
    if bom_encoding is None and looks_binary(data):
        raise RefusedContent(f"{shown}: binary file, refusing to show it")
    is_html = _is_html(body, name, declared_type)
    encoding = bom_encoding or _choose_encoding(body, is_html)
    text = body.decode(encoding, errors="replace")
    if not text.strip():
        raise RefusedContent(f"{shown}: empty file, nothing to read")
    return Document(shown, text, "text/html" if is_html else "text/plain", encoding)


def _strip_bom(data: bytes) -> tuple[str | None, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom):]
    return None, data


def looks_binary(data: bytes) -> bool:
    """Magic numbers, or NULs/control bytes in the first 8 KB."""
    head = data[:8192]
    if any(head.startswith(m) for m in _MAGIC):
        return True
    if not head:
        return False
    nuls = head.count(0)
    if nuls > len(head) // 16:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def _is_html(body: bytes, name: str, declared_type: str | None) -> bool:
    if declared_type and "html" in declared_type:
        return True
    if declared_type and declared_type.startswith("text/plain"):
        return False
    head = body[:4096]
    if _HTML_SNIFF.search(head):
        return True
    return name.lower().endswith((".html", ".htm", ".xhtml")) and b"<" in head


def _choose_encoding(body: bytes, is_html: bool) -> str:
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if is_html:
        declared = _declared_charset(body)
        if declared:
            return declared
    return _detect(body)


def _declared_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    if name in _UNSAFE_DECLARED:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(body: bytes) -> str:
    # charset-normalizer costs ~50 ms to import; only non-UTF-8 input pays it.
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is None or best.encoding in _UNSAFE_DECLARED:
        return "utf-8"
    return best.encoding
