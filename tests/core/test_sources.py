"""sources: only regular files, read-only, never more than cap+1 bytes,
binary refused, any bytes decoded, stdin read once."""
import codecs
import io
import os
import sys

import pytest

from reader.core import sources
from reader.core.errors import EXIT_REFUSED, EXIT_USAGE, RefusedContent, SourceError
from reader.core.sources import check_path, decode, load, looks_binary, read_file


@pytest.fixture(autouse=True)
def fresh_stdin_state(monkeypatch):
    monkeypatch.setattr(sources, "_stdin_data", None)


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# -------------------------------------------------------------- what is opened

def test_reads_a_regular_file_and_leaves_it_untouched(tmp_path):
    path = write(tmp_path, "a.txt", b"Hello reader.\n")
    before = os.stat(path)
    doc = load(path)
    after = os.stat(path)
    assert doc.text == "Hello reader.\n" and doc.name == "a.txt" and doc.media_type == "text/plain"
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)
    assert open(path, "rb").read() == b"Hello reader.\n"


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="pipe") as info:
        load(str(fifo))  # a plain open() would block here forever
    assert info.value.exit_code == EXIT_USAGE


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_directly_and_through_symlinks(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} missing")
    link = tmp_path / "link.txt"
    link.symlink_to(device)
    for path in (device, str(link)):
        with pytest.raises(SourceError, match="device"):
            load(path)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(SourceError, match="directory") as info:
        load(str(tmp_path))
    assert info.value.exit_code == EXIT_USAGE


@pytest.mark.parametrize("make, reason", [
    (lambda p: None, "no such file"),
    (lambda p: p.symlink_to("/nonexistent/target"), "no such file"),
    (lambda p: p.symlink_to(p.name), "symbolic links"),
])
def test_missing_and_looping_paths_are_one_line_errors(tmp_path, make, reason):
    path = tmp_path / "x.txt"
    make(path)
    with pytest.raises(SourceError, match=reason):
        load(str(path))


def test_a_path_through_a_file_is_not_found(tmp_path):
    path = write(tmp_path, "file.txt", b"x")
    with pytest.raises(SourceError, match="no such file"):
        load(path + "/inner.txt")


def test_an_embedded_nul_is_not_found():
    with pytest.raises(SourceError, match="no such file"):
        load("bad\x00name.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads mode-000 files")
def test_unreadable_file_is_permission_denied(tmp_path):
    path = write(tmp_path, "secret.txt", b"secret\n")
    os.chmod(path, 0)
    with pytest.raises(SourceError, match="permission denied"):
        load(path)
    with pytest.raises(SourceError, match="permission denied"):
        check_path(path)


def test_the_file_name_in_an_error_is_sanitised(tmp_path):
    name = "evil\x1b]0;TITLE\x07\nname.txt"
    with pytest.raises(SourceError) as info:
        load(str(tmp_path / name))
    message = str(info.value)
    assert "\x1b" not in message and "\x07" not in message and "\n" not in message
    assert "\u241b]0;TITLE\u2407 name.txt" in message


def test_the_document_name_is_sanitised(tmp_path):
    path = write(tmp_path, "evil\x1b[2J.txt", b"Some text here.\n")
    assert load(path).name == "evil\u241b[2J.txt"


# -------------------------------------------------------------- size cap

def test_a_file_over_the_cap_is_refused_by_its_size(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as f:
        f.truncate(8 << 30)  # 8 GB sparse: must be refused before reading
    with pytest.raises(RefusedContent, match="limit") as info:
        load(str(path))
    assert info.value.exit_code == EXIT_REFUSED
    with pytest.raises(RefusedContent):
        check_path(str(path))


def test_exactly_the_cap_is_read_one_byte_more_is_not(tmp_path):
    assert read_file(write(tmp_path, "ok.txt", b"a" * 100), max_bytes=100) == b"a" * 100
    with pytest.raises(RefusedContent):
        read_file(write(tmp_path, "big.txt", b"a" * 101), max_bytes=100)


def test_never_reads_more_than_cap_plus_one(tmp_path, monkeypatch):
    requested = []
    real_read = os.read

    def counting_read(fd, n):
        requested.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(sources.os, "read", counting_read)
    # st_size says 10 bytes, but the file "grows": simulate by a cap below its size
    path = write(tmp_path, "grow.txt", b"b" * 5000)
    monkeypatch.setattr(sources, "_check_size", lambda size, cap, shown: None)
    data = read_file(path, max_bytes=1000)
    assert sum(requested) <= 1001 and len(data) == 1001


# -------------------------------------------------------------- binary

@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(100), b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04" + b"x" * 50,
    b"\x1f\x8b\x08\x00" + bytes(20), b"\x7fELF\x02\x01\x01", b"GIF89a\x01\x00",
    b"\xff\xd8\xff\xe0\x00\x10JFIF", b"SQLite format 3\x00",
    b"text\x00\x00\x00\x00\x00 with many NULs \x00\x00\x00\x00\x00\x00\x00\x00",
], ids=lambda data: repr(data[:8]))
def test_binary_is_refused_with_one_line(data):
    with pytest.raises(RefusedContent, match="binary"):
        decode(data, "file.txt")


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_are_binary(seed):
    import random

    data = random.Random(seed).randbytes(8192)
    assert looks_binary(data)


@pytest.mark.parametrize("text", [
    b"MZ is a common abbreviation.\n", b"BZh, said the bee.\n", b"ID3 tags are metadata.\n",
    b"RIFF raff\n", b"Before NUL\x00after NUL\n" + b"ordinary text " * 10,
])
def test_text_that_starts_like_a_magic_number_is_not_binary(text):
    assert not looks_binary(text)


# -------------------------------------------------------------- decoding

@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u3000 \n".encode()])
def test_empty_input_is_an_empty_document_not_an_error(data):
    doc = decode(data, "empty.txt")
    assert doc.is_empty


@pytest.mark.parametrize("text, encoding", [
    ("\ufeffUTF-8 \u00e9", "utf-8-sig"), ("UTF-16 \u00e9 \u4e2d", "utf-16"),
    ("UTF-16BE \u00e9", "utf-16-be"), ("UTF-32 \u00e9", "utf-32"),
])
def test_byte_order_marks_decide_the_encoding(text, encoding):
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = decode(data, "a.txt")
    assert doc.text.lstrip("\ufeff") == text.lstrip("\ufeff")


def test_utf16_without_a_bom_is_recognised():
    doc = decode("UTF-16LE without BOM: plain ascii text here\n".encode("utf-16-le"), "a.txt")
    assert doc.text.startswith("UTF-16LE without BOM")


def test_undecodable_bytes_never_raise_and_keep_the_ascii_text():
    data = b"valid start \xc3\xa9 then bad: \xff\xfe\xc3\x28 \xa0\xa1 truncated \xe2\x82\n raw \x9b2J"
    doc = decode(data, "a.txt")
    assert doc.text.startswith("valid start ") and "then bad: " in doc.text


def test_mostly_utf8_with_one_stray_latin1_byte_stays_utf8():
    data = ("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e. " * 20).encode() + b"na\xefve\n"
    assert decode(data, "a.txt").encoding == "utf-8"


def test_undeclared_cp1252_is_detected():
    text = "\u201cSmart quotes\u201d \u2013 en dash, \u20ac euro, caf\u00e9 na\u00efve \u2026\n" * 20
    assert decode(text.encode("cp1252"), "a.txt").text == text


def test_undeclared_koi8r_is_detected():
    text = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u042d\u0442\u043e \u0442\u0435\u0441\u0442. " * 20
    assert decode(text.encode("koi8_r"), "a.txt").text == text


def test_a_declared_charset_is_used_for_html_that_is_not_utf8():
    html = '<html><head><meta charset="koi8-r"></head><body><p>\u041f\u0440\u0438\u0432\u0435\u0442</p></body></html>'
    doc = decode(html.encode("koi8_r"), "page.html")
    assert doc.media_type == "text/html" and "\u041f\u0440\u0438\u0432\u0435\u0442" in doc.text


@pytest.mark.parametrize("charset", ["utf-7", "base64", "rot13", "undefined", "unicode_escape",
                                     "utf-16", "x-no-such-charset", "hex", "zlib"])
def test_dangerous_or_bogus_declared_charsets_are_ignored(charset):
    html = f'<html><head><meta charset="{charset}"></head><body><p>caf\xe9 +ADw-script+AD4-</p></body></html>'
    doc = decode(html.encode("latin-1"), "page.html")
    assert "+ADw-script+AD4-" in doc.text  # not decoded as UTF-7, no exception


def test_valid_utf8_wins_over_a_lying_declaration():
    html = '<html><head><meta charset="shift_jis"></head><body><p>caf\u00e9 \u4e2d\u6587</p></body></html>'
    assert "caf\u00e9 \u4e2d\u6587" in decode(html.encode(), "page.html").text


@pytest.mark.parametrize("data, name, media", [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "text/html"),
    (b"<?xml version='1.0'?><html><body><p>x</p></body></html>", "a", "text/html"),
    (b"<!-- saved --><html><p>x</p></html>", "a", "text/html"),
    (b"Plain words in an .html file, no tags.", "a.html", "text/plain"),
    (b"Some text with a <b> tag", "a.html", "text/html"),
    (b"Just text with <angle> brackets", "a.txt", "text/plain"),
])
def test_html_is_sniffed_from_content_then_name(data, name, media):
    assert decode(data, name).media_type == media


@pytest.mark.parametrize("data", [b"<!---->" * 600 + b"x", b"<!--" * 1000, b"  \n" * 2000 + b"<!-- x"])
def test_sniffing_a_run_of_comments_is_linear(data):
    # A `(<!--.*?-->)*` regex backtracks exponentially here (22 comments: 2 s).
    assert decode(data, "a.txt").media_type == "text/plain"


# -------------------------------------------------------------- stdin

class _Stdin:
    def __init__(self, fd):
        self._fd = fd

    def fileno(self):
        return self._fd


def _pipe_with(data: bytes, nonblocking=False):
    r, w = os.pipe()
    os.write(w, data)
    os.close(w)
    os.set_blocking(r, not nonblocking)
    return r


@pytest.mark.parametrize("nonblocking", [False, True])
def test_stdin_is_read_from_a_pipe(monkeypatch, nonblocking):
    fd = _pipe_with(b"From a pipe.\n", nonblocking)
    monkeypatch.setattr(sys, "stdin", _Stdin(fd))
    try:
        doc = load("-")
    finally:
        os.close(fd)
    assert doc.text == "From a pipe.\n" and doc.name == "stdin"


def test_stdin_is_read_once_and_kept(monkeypatch):
    fd = _pipe_with(b"Only once.\n")
    monkeypatch.setattr(sys, "stdin", _Stdin(fd))
    try:
        assert load("-").text == load("-").text == "Only once.\n"
    finally:
        os.close(fd)


def test_stdin_over_the_cap_is_refused(monkeypatch):
    fd = _pipe_with(b"x" * 2000)
    monkeypatch.setattr(sys, "stdin", _Stdin(fd))
    try:
        with pytest.raises(RefusedContent, match="limit"):
            load("-", max_bytes=1000)
    finally:
        os.close(fd)


@pytest.mark.parametrize("stdin", [None, io.StringIO("no fileno")])
def test_a_closed_stdin_is_a_one_line_error(monkeypatch, stdin):
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(SourceError, match="stdin"):
        load("-")
