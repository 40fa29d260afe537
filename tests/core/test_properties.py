"""Property-based tests: any bytes or text, however hostile, go through
sources -> extract -> export without an unexpected exception, and nothing
a terminal would act on comes out. (No spaCy here: the analysis is faked
from the article's own text, so these stay fast.)"""
import json
import re
import unicodedata
from urllib.parse import unquote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import export
from reader.core.errors import RefusedContent
from reader.core.extract import extract
from reader.core.models import Analysis, DateRef, Entity, Mention, Quote
from reader.core.safety import MAX_COMBINING, clean_line, clean_text, safe_url, terminal_safe
from reader.core.sources import decode

# Anything a terminal acts on, or that the sanitiser promises to remove.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)
RAW_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")

FRAGMENTS = [
    "\x1b]0;PWNED\x07", "\x1b]52;c;ZWNobyBwd25lZA==\x1b\\", "\x1b]8;;http://evil/\x1b\\x\x1b]8;;\x1b\\",
    "\x1b[2J", "\x1b[6n", "\x1bP$q\"p\x1b\\", "\x1b_Gf=100;A\x1b\\", "\u009b2J", "\u009d0;T\u009c",
    "\x00", "\x07", "\x08", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x7f",
    "\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\u200c", "\ufeff", "\ufe0f", "\U000e0041",
    "\u0301" * 12, "\u0301\u0316" * 10, "\u0e49" * 9, "e\u0301", "\U0001f468\u200d\U0001f469",
    "[bold]", "[/]", "[@click=app.quit]", "[link=file:///etc/passwd]x[/link]", "\\[", ":smile:",
    "&#27;", "&#x9b;", "&#0;", "&#xD800;", "&#1114112;", "&amp;", "&lt;script&gt;", "<", ">",
    "<p>", "</p>", "<h1>", "<a href='javascript:alert(1)'>js</a>", "<a href='http://ok.example/'>ok</a>",
    "<a href='%6a%61vascript:x'>enc</a>", "<script>x</script>", "<!--", "-->", "<title>T\x1b]0;X\x07</title>",
    "ADVERTISEMENT", "Share this article", "\n\n", "\n", " ", "\t",
    "The minister said on Tuesday that the talks would resume next week.",
    "\u4e2d\u6587\u6f22\u5b57", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\ud55c\uad6d\uc5b4", "\udc9b",
]
hostile_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=40).map("".join)
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_safe(text: str) -> None:
    assert not UNSAFE.search(text), repr(UNSAFE.search(text).group())


# -------------------------------------------------------------- the sanitiser

@FAST
@given(any_text | hostile_text)
def test_clean_text_leaves_nothing_a_terminal_acts_on(text):
    out = clean_text(text)
    assert_safe(out)
    assert "\r" not in out
    assert unicodedata.is_normalized("NFC", out)
    assert not re.search("[\u0300-\u036f]{%d}" % (MAX_COMBINING + 1), out)


@FAST
@given(any_text | hostile_text)
def test_clean_text_is_idempotent_and_terminal_safe_is_a_no_op_after_it(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert terminal_safe(once) == once


@FAST
@given(any_text | hostile_text)
def test_clean_line_is_one_safe_line(text):
    out = clean_line(text)
    assert "\n" not in out and "\t" not in out
    assert_safe(out)


@FAST
@given(any_text | hostile_text)
def test_terminal_safe_only_touches_unsafe_characters(text):
    out = terminal_safe(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", out)
    if not UNSAFE.search(text):
        assert out == text


urls = st.one_of(
    st.text(max_size=60),
    st.builds("".join, st.lists(st.sampled_from(
        ["http://", "https://", "HTTP://", "javascript:", "%6a%61vascript:", "file:", "//", "example.org",
         "/path", "%2F", "%1b", "%E2%80%AE", "\u202e", "\x1b", " ", "?q=", "#", "@", ":80", "[::1]", "%"]),
        max_size=8)),
)


@FAST
@given(urls)
def test_a_safe_url_is_http_and_inert_before_and_after_decoding(url):
    out = safe_url(url)
    if out is None:
        return
    assert out.lower().startswith(("http://", "https://"))
    assert unquote(out).lower().startswith(("http://", "https://"))
    assert not UNSAFE.search(out) and not UNSAFE.search(unquote(out))
    assert not any(ch.isspace() for ch in out)


# -------------------------------------------------------------- decoding

@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data):
    try:
        doc = decode(data, "any.txt")
    except RefusedContent as error:
        assert "\n" not in str(error)
        return
    assert isinstance(doc.text, str)
    assert doc.media_type in ("text/plain", "text/html")


# -------------------------------------------------------------- the pipeline

def _fake_analysis(article) -> Analysis:
    """Entities, dates and quotes taken from the article's own text, the way
    the NLP stage would, without loading spaCy."""
    analysis = Analysis()
    for i, block in enumerate(article.blocks[:5]):
        piece = block.text[:30]
        if piece:
            analysis.entities.append(Entity(piece, "PERSON", [piece], [Mention(i, 0, len(piece))]))
            analysis.dates.append(DateRef(piece, None, "date", i, 0, len(piece)))
            analysis.quotes.append(Quote(block.text, piece, "direct", i, 0, len(block.text)))
    return analysis


def _check_article(article) -> None:
    for block in article.blocks:
        assert_safe(block.text)
        assert clean_text(block.text) == block.text
    for value in (article.title, article.site, article.source, *article.byline, *article.removed):
        if value:
            assert_safe(value)
    for link in article.links:
        assert_safe(link.text)
        assert safe_url(link.url) == link.url
    analysis = _fake_analysis(article)
    text = export.to_text(article)
    markdown = export.to_markdown(article, analysis)
    data = export.to_json(article, analysis)
    for out in (text, markdown, data):
        assert not RAW_BYTES.search(out.encode("utf-8", "surrogatepass"))
    json.loads(data)


@PIPELINE
@given(hostile_text, st.booleans())
def test_hostile_text_files_come_out_clean(text, clean):
    try:
        doc = decode(text.encode("utf-8", "surrogatepass"), "hostile\x1b]0;T\x07.txt")
    except RefusedContent:
        return
    _check_article(extract(doc, clean=clean))


@PIPELINE
@given(hostile_text, hostile_text)
def test_hostile_html_pages_come_out_clean(title, body):
    page = f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><p>{body}</p>" \
           f"<p>{body}</p></article></body></html>"
    try:
        doc = decode(page.encode("utf-8", "surrogatepass"), "hostile.html")
    except RefusedContent:
        return
    _check_article(extract(doc))


@PIPELINE
@given(st.binary(max_size=3000), st.sampled_from(["page.html", "notes.txt"]))
def test_random_bytes_come_out_clean_or_are_refused(data, name):
    try:
        doc = decode(data, name)
    except RefusedContent:
        return
    _check_article(extract(doc))
