"""URL fetching against a local HTTP server on 127.0.0.1 (ephemeral port)."""
from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.core.errors import EXIT_NETWORK, EXIT_REFUSED, NetworkError, RefusedContent
from reader.core.fetch import MAX_REDIRECTS, fetch
from reader.core.pipeline import read_article

ARTICLE = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    b"<title>Local test story | Test Site</title>"
    b"<meta property='og:site_name' content='Test Site'></head><body>"
    b"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Local test story</h1>"
    + b"".join(b"<p>Paragraph %d of the served article, with enough words to count as "
               b"real prose for the extractor to keep it.</p>" % i for i in range(8))
    + b"</article></body></html>"
)
BIG = 3 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/article": self._article, "/missing": self._missing, "/big": self._big,
            "/image": self._image, "/loop": self._loop, "/hop": self._hop,
            "/chunked-big": self._chunked_big,
        }
        routes.get(self.path, self._missing)()

    def _send(self, status: int, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _article(self) -> None:
        self._send(200, ARTICLE, "text/html; charset=utf-8")

    def _missing(self) -> None:
        self._send(404, b"<h1>Not found</h1>", "text/html")

    def _big(self) -> None:
        self._send(200, b"<p>" + b"x" * BIG + b"</p>", "text/html")

    def _chunked_big(self) -> None:
        # No Content-Length: the client must stop reading on its own.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(BIG // 65536 + 2):
                self.wfile.write(b"y" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _image(self) -> None:
        self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")

    def _loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _hop(self) -> None:
        self.send_response(301)
        self.send_header("Location", "/article")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_fetch_returns_body_type_and_name(server):
    body, ctype, name = fetch(server + "/article", 1_000_000)
    assert body == ARTICLE
    assert ctype.startswith("text/html")
    assert name == server + "/article"


def test_user_agent_names_the_reader(server):
    fetch(server + "/article", 1_000_000)
    assert _Handler.seen_agents[-1].startswith("reader/")


def test_redirect_is_followed_and_named_by_final_url(server):
    body, _, name = fetch(server + "/hop", 1_000_000)
    assert body == ARTICLE
    assert name.endswith("/article")


def test_url_reads_as_article(server):
    article = read_article(server + "/article")
    assert article.title == "Local test story"
    assert article.site == "Test Site"
    assert any("Paragraph 3 of the served article" in b.text for b in article.blocks)
    assert not any("Home" == b.text for b in article.blocks)


def test_404_is_a_network_error(server):
    with pytest.raises(NetworkError, match="HTTP 404"):
        fetch(server + "/missing", 1_000_000)


def test_declared_size_over_limit_is_refused(server):
    with pytest.raises(RefusedContent, match="limit"):
        fetch(server + "/big", 1_000_000)


def test_streamed_size_over_limit_is_refused(server):
    with pytest.raises(RefusedContent, match="larger than the limit"):
        fetch(server + "/chunked-big", 1_000_000)


def test_binary_content_type_is_refused(server):
    with pytest.raises(RefusedContent, match="image/png"):
        fetch(server + "/image", 1_000_000)


def test_redirect_loop_is_a_network_error(server):
    with pytest.raises(NetworkError, match=f"more than {MAX_REDIRECTS}"):
        fetch(server + "/loop", 1_000_000)


def test_unreachable_host_is_a_network_error():
    # Port 9 on loopback (discard) is closed on test machines: connection refused.
    with pytest.raises(NetworkError, match="cannot reach 127.0.0.1"):
        fetch("http://127.0.0.1:9/", 1_000_000)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("path,code,words", [
    ("/missing", EXIT_NETWORK, "HTTP 404"),
    ("/image", EXIT_REFUSED, "not an article"),
    ("/loop", EXIT_NETWORK, "redirect"),
])
def test_cli_prints_one_line_and_exit_code(server, path, code, words):
    result = _cli(server + path, "--format", "text")
    assert result.returncode == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].startswith("reader: ")


def test_cli_size_limit_from_max_size(server):
    result = _cli(server + "/big", "--format", "text", "--max-size", "1")
    assert result.returncode == EXIT_REFUSED
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_prints_text_of_served_page(server):
    result = _cli(server + "/article", "--format", "text")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "Local test story"
    assert "Paragraph 7 of the served article" in result.stdout
