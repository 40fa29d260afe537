"""Turns what the user named (a path, '-' for stdin, or an http(s) URL) into
decoded text plus its media type, refusing what is not an article.

Files must be regular files: the path is checked before it is opened (so a
FIFO or a device is never opened), then opened read-only, non-blocking and
without becoming a controlling terminal, and checked again. At most
`max_bytes + 1` bytes are ever read, so /dev/zero, a growing log or an 8 GB
sparse file cannot hang or exhaust the reader. Empty input is not an error:
it decodes to an empty Document, which callers show as an empty document."""
from __future__ import annotations

import codecs
import errno
import os
import re
import select
import stat
import sys
from dataclasses import dataclass

from .errors import RefusedContent, SourceError
from .safety import clean_line

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far above any real article
_CHUNK = 1 << 20

_MAGIC = (
    b"\x89PNG\r\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04",
    b"PK\x05\x06", b"\x1f\x8b", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07",
    b"\x28\xb5\x2f\xfd", b"\x04\x22\x4d\x18", b"\x7fELF", b"MZ\x90\x00", b"\xcf\xfa\xed\xfe",
    b"\xfe\xed\xfa", b"\xca\xfe\xba\xbe", b"\x00asm", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x1a\x45\xdf\xa3", b"OggS\x00", b"fLaC", b"wOFF", b"wOF2", b"\x00\x01\x00\x00\x00",
    b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00", b"SQLite format 3\x00",
)
_MAGIC_AT = ((4, b"ftyp"), (8, b"WEBP"), (8, b"WAVE"), (8, b"AVI "), (257, b"ustar"))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|div|p|article)[\s>/]",
                         re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
# Declared charsets never honoured: UTF-7 is an XSS trick; a page that parses
# as ASCII cannot really be UTF-16/32 (the HTML standard says read it as UTF-8);
# the rest are codecs, not character sets.
_UNSAFE_DECLARED = {"utf-7", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                    "utf-32-be", "unicode-escape", "raw-unicode-escape", "idna", "punycode",
                    "undefined", "mbcs", "oem"}


@dataclass(frozen=True)
class Document:
    """Decoded input: `name` is safe to display; `media_type` is
    'text/html' or 'text/plain'; `text` may be empty (see `is_empty`)."""

    name: str
    text: str
    media_type: str
    encoding: str

    @property
    def is_empty(self) -> bool:
        """Nothing but whitespace: shown as an empty document, not an error."""
        return not self.text.strip()


def load(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read `source` (path, '-' or URL) and decode it."""
    if source.startswith(("http://", "https://")):
        from .fetch import fetch  # only URL users pay for the HTTP client

        data, declared_type, name = fetch(source, max_bytes)
        return decode(data, name, declared_type=declared_type)
    if source == "-":
        return decode(read_stdin(max_bytes), "stdin")
    return decode(read_file(source, max_bytes), os.path.basename(source.rstrip("/")) or source)


_stdin_data: bytes | None = None


def read_stdin(max_bytes: int) -> bytes:
    """All of stdin (at most max_bytes+1 read). Kept after the first call:
    stdin can be read only once, and the UI may reload."""
    global _stdin_data
    if _stdin_data is None:
        stream = sys.stdin
        try:
            fd = stream.fileno() if stream is not None else -1
        except (OSError, ValueError):
            fd = -1
        if fd < 0:
            raise SourceError("stdin: no standard input to read (it is closed)")
        _stdin_data = _read_capped(fd, max_bytes, "stdin")
    _check_size(len(_stdin_data), max_bytes, "stdin")
    return _stdin_data


def read_file(path: str, max_bytes: int) -> bytes:
    """Read at most max_bytes+1 bytes of a regular file, never blocking."""
    shown = clean_line(path)
    _require_regular(_stat(path, shown), shown)  # before open: opening a device can act
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _open_error(exc, shown) from None
    try:
        info = os.fstat(fd)
        _require_regular(info, shown)  # it may have been swapped since the stat
        _check_size(info.st_size, max_bytes, shown)
        return _read_capped(fd, max_bytes, shown)
    finally:
        os.close(fd)


def check_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Raise the error `read_file` would give for a missing, unreadable,
    non-regular or too large file, without opening it."""
    shown = clean_line(path)
    info = _stat(path, shown)
    _require_regular(info, shown)
    if not os.access(path, os.R_OK):
        raise SourceError(f"{shown}: permission denied")
    _check_size(info.st_size, max_bytes, shown)


def _stat(path: str, shown: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as exc:
        raise _open_error(exc, shown) from None
    except ValueError:  # an embedded NUL: no such file can exist
        raise SourceError(f"{shown}: no such file") from None


def _require_regular(info: os.stat_result, shown: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{shown}: is a directory, not an article")
    if stat.S_ISFIFO(info.st_mode):
        raise SourceError(f"{shown}: is a pipe (FIFO), not a regular file; use '-' to read a stream")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        raise SourceError(f"{shown}: is a device, not a regular file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{shown}: not a regular file")


def _open_error(exc: OSError, shown: str) -> SourceError:
    reasons = {
        errno.ENOENT: "no such file", errno.ENOTDIR: "no such file (a part of the path is not a directory)",
        errno.EACCES: "permission denied", errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory, not an article", errno.ELOOP: "too many levels of symbolic links",
        errno.ENAMETOOLONG: "file name too long",
    }
    reason = reasons.get(exc.errno) or f"cannot open ({exc.strerror or exc})"
    return SourceError(f"{shown}: {reason}")


def _read_capped(fd: int, max_bytes: int, shown: str) -> bytes:
    """Read until EOF or one byte past `max_bytes`, whichever comes first."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        try:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
        except BlockingIOError:  # a non-blocking pipe with nothing yet: wait for it
            select.select([fd], [], [])
            continue
        except OSError as exc:
            if exc.errno == errno.EISDIR:
                raise SourceError(f"{shown}: is a directory, not an article") from None
            raise SourceError(f"{shown}: read error ({exc.strerror or exc})") from None
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    _check_size(total, max_bytes, shown)
    return b"".join(chunks)


def _check_size(size: int, max_bytes: int, shown: str) -> None:
    if size > max_bytes:
        what = "input is more than" if shown == "stdin" else f"file is {_megabytes(size)},"
        raise RefusedContent(f"{shown}: {what} the limit of {_megabytes(max_bytes)} (see --max-size)")


def _megabytes(n: int) -> str:
    return f"{n / 1_048_576:.0f} MB" if n >= 1_048_576 else f"{n} bytes"


def decode(data: bytes, name: str, declared_type: str | None = None) -> Document:
    """Decode bytes: BOM, then valid UTF-8, then a valid declared charset,
    then detection; refuse binary input. Empty input gives an empty Document."""
    shown = clean_line(name)
    bom_encoding, body = _strip_bom(data)
    if bom_encoding is None:
        bom_encoding = _sniff_utf16(body)
    if bom_encoding is None and looks_binary(body):
        raise RefusedContent(f"{shown}: binary file, refusing to show it")
    is_html = _is_html(body, name, declared_type)
    encoding = bom_encoding or _choose_encoding(body, is_html)
    try:
        text = body.decode(encoding, errors="replace")
    except (LookupError, UnicodeError, TypeError, ValueError):  # a codec that cannot decode
        encoding, text = "utf-8", body.decode("utf-8", errors="replace")
    return Document(shown, text, "text/html" if is_html else "text/plain", encoding)


def _strip_bom(data: bytes) -> tuple[str | None, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom):]
    return None, data


def _sniff_utf16(body: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text with every other byte NUL."""
    head = body[:4096]
    if len(head) < 16:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    for zeros, chars, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) == len(zeros) and not _control_heavy(chars) and chars.count(0) == 0:
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """Magic numbers, or NULs/control bytes in the first 8 KB."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith(_MAGIC) or any(head[at:at + len(m)] == m for at, m in _MAGIC_AT):
        return True
    if head.count(0) > len(head) // 16:
        return True
    return _control_heavy(head)


def _control_heavy(head: bytes) -> bool:
    """More than 5% control bytes other than TAB, LF, FF, CR and ESC (random
    bytes have 10.5%; text, even full of terminal escapes, well under 1%)."""
    controls = len(head.translate(None, bytes(range(32, 256)) + b"\t\n\x0c\r\x1b"))
    return controls > len(head) * 0.05


def _is_html(body: bytes, name: str, declared_type: str | None) -> bool:
    if declared_type and "html" in declared_type:
        return True
    if declared_type and declared_type.startswith("text/plain"):
        return False
    head = body[:4096]
    if _HTML_START.match(head, _skip_preamble(head)):
        return True
    return name.lower().endswith((".html", ".htm", ".xhtml")) and b"<" in head


def _skip_preamble(head: bytes) -> int:
    """Where the first tag starts after whitespace, an XML declaration and
    comments. (A loop, not a regex: `(<!--.*?-->)*` backtracks exponentially
    on a run of empty comments.)"""
    pos = len(head) - len(head.lstrip())
    if head.startswith(b"<?xml", pos):
        end = head.find(b">", pos)
        pos = len(head) if end < 0 else end + 1
    while True:
        pos += len(head[pos:]) - len(head[pos:].lstrip())
        if not head.startswith(b"<!--", pos):
            return pos
        end = head.find(b"-->", pos + 4)
        if end < 0:
            return pos
        pos = end + 3


def _choose_encoding(body: bytes, is_html: bool) -> str:
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    valid, bad = _utf8_counts(body)
    if valid >= bad:  # UTF-8 with a few bad bytes: replace those, guess nothing
        return "utf-8"
    if is_html:
        declared = _declared_charset(body)
        if declared:
            return declared
    # Real UTF-8 sequences are rare by chance in legacy text; when the
    # detector is unsure as well, the text is most likely damaged UTF-8.
    return _detect(body, fallback_if_unsure="utf-8" if valid else None)


def _utf8_counts(body: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 characters, undecodable bytes) in a sample."""
    sample = body[:200_000].decode("utf-8", errors="surrogateescape")
    non_ascii = len(sample) - len(sample.encode("ascii", errors="ignore"))
    bad = len(_ESCAPED_BYTE.findall(sample))
    return non_ascii - bad, bad


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _declared_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    if not match:
        return None
    return _usable_codec(match.group(1).decode("ascii", "ignore"))


def _usable_codec(name: str) -> str | None:
    """Python's name for a character set we are willing to decode with."""
    try:
        codec = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    canonical = codec.name.replace("_", "-")
    if canonical in _UNSAFE_DECLARED or not getattr(codec, "_is_text_encoding", True):
        return None
    return codec.name


def _detect(body: bytes, fallback_if_unsure: str | None = None) -> str:
    # charset-normalizer costs ~50 ms to import; only non-UTF-8 input pays it.
    from charset_normalizer import from_bytes

    results = from_bytes(body[:200_000])
    best = results.best()
    if best is None or (fallback_if_unsure and best.chaos > _UNSURE_CHAOS):
        return fallback_if_unsure or "utf-8"
    tied = {m.encoding for m in results
            if m.chaos == best.chaos and m.coherence == best.coherence}
    # On a tie, windows-1252 is by far the most common legacy charset of
    # web text (the HTML standard's default for most locales).
    encoding = "cp1252" if "cp1252" in tied else best.encoding
    return _usable_codec(encoding) or "utf-8"


_UNSURE_CHAOS = 0.05  # charset-normalizer's "mess" ratio; clean guesses score 0.0
