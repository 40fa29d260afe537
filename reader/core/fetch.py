"""Fetching an article from an http(s) URL, with limits.

`fetch(url, max_bytes)` streams the body and stops one byte past
`max_bytes`, follows at most MAX_REDIRECTS redirects, refuses binary
content types, and turns every failure into one line: NetworkError (exit
4) when the page could not be had, RefusedContent (exit 3) when it was had
but is not an article (binary, too big)."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

from .errors import NetworkError, RefusedContent
from .safety import clean_line

CONNECT_TIMEOUT = 10.0   # seconds to reach the host
READ_TIMEOUT = 20.0      # seconds of silence while reading
TOTAL_TIMEOUT = 60.0     # seconds for the whole body
MAX_REDIRECTS = 5
USER_AGENT = "reader/{version} (terminal article reader; +https://pypi.org/project/reader/)"
_TEXT_TYPES = ("text/", "application/xhtml+xml", "application/xml", "application/rss+xml",
               "application/atom+xml", "application/json", "application/ld+json")


def fetch(url: str, max_bytes: int) -> tuple[bytes, str | None, str]:
    """GET `url` -> (body bytes, content type or None, name to display)."""
    # httpx costs ~150 ms to import; only URL sources pay it.
    import httpx

    shown = clean_line(url)
    _check_url(url, shown)
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    headers = {"User-Agent": _user_agent(), "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                          headers=headers) as client:
            with client.stream("GET", url) as response:
                return _read_response(response, shown, max_bytes)
    except httpx.TooManyRedirects:
        raise NetworkError(f"{shown}: too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)") from None
    except httpx.ConnectTimeout:
        raise NetworkError(f"{shown}: timed out connecting to {_host(url)}") from None
    except httpx.TimeoutException:
        raise NetworkError(f"{shown}: timed out waiting for the server") from None
    except httpx.ConnectError as exc:
        raise NetworkError(f"{shown}: cannot reach {_host(url)} ({_reason(exc)})") from None
    except httpx.UnsupportedProtocol:
        raise NetworkError(f"{shown}: redirected to an unsupported address") from None
    except httpx.InvalidURL:
        raise NetworkError(f"{shown}: not a valid URL") from None
    except httpx.HTTPError as exc:
        raise NetworkError(f"{shown}: {_reason(exc)}") from None


def _check_url(url: str, shown: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise NetworkError(f"{shown}: not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NetworkError(f"{shown}: not a valid http(s) URL")


def _read_response(response, shown: str, max_bytes: int) -> tuple[bytes, str | None, str]:
    if response.status_code >= 400:
        phrase = response.reason_phrase or "error"
        raise NetworkError(f"{shown}: HTTP {response.status_code} {clean_line(phrase)}")
    content_type = response.headers.get("content-type")
    media = (content_type or "").split(";")[0].strip().lower()
    if media and not media.startswith(_TEXT_TYPES):
        raise RefusedContent(f"{shown}: content type {clean_line(media)} is not an article, refusing it")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise RefusedContent(f"{shown}: page is {_size(int(declared))}, limit {_size(max_bytes)} (see --max-size)")
    chunks: list[bytes] = []
    total = 0
    deadline = time.monotonic() + TOTAL_TIMEOUT
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        total += len(chunk)
        if time.monotonic() > deadline:
            raise NetworkError(f"{shown}: download took longer than {TOTAL_TIMEOUT:.0f} s")
        if total > max_bytes:
            raise RefusedContent(f"{shown}: page is larger than the limit {_size(max_bytes)} (see --max-size)")
    return b"".join(chunks), content_type, _display_name(str(response.url))


def _display_name(url: str) -> str:
    return clean_line(url)


def _user_agent() -> str:
    from .. import __version__

    return USER_AGENT.format(version=__version__)


def _host(url: str) -> str:
    try:
        return clean_line(urlsplit(url).hostname or url)
    except ValueError:
        return clean_line(url)


def _reason(exc: Exception) -> str:
    """The innermost cause, short: 'Name or service not known', 'Connection refused'."""
    cause: BaseException | None = exc
    while cause is not None and cause.__cause__ is not None:
        cause = cause.__cause__
    text = str(cause or exc) or type(exc).__name__
    if "] " in text:
        text = text.split("] ", 1)[1]
    return clean_line(text)[:120]


def _size(n: int) -> str:
    return f"{n / 1_048_576:.0f} MB" if n >= 1_048_576 else f"{n} bytes"
