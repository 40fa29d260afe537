"""Cleaning text copied from a web page: a line classifier that keeps the
article body and says why it cut every other line.

This is the first version: known boilerplate phrases, datelines lifted into
metadata, the headline found, short non-sentence lines dropped, duplicate
lines (standfirst repeated in the body) shown once."""
from __future__ import annotations

import re

from ..models import Article, Block
from ..safety import clean_text
from .metadata import parse_byline, parse_dateline

_BOILERPLATE = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|×|x|share( this( article)?)?|"
    r"follow us( on)?|read more|related( articles| stories)?|most read|comments?|"
    r"subscribe|sign up|log ?in|sign in|skip to (main )?content|menu|search|close|"
    r"click here.*|cookie.*|accept( all)?( cookies)?|tweet|email|print|whatsapp|"
    r"facebook|twitter|linkedin|reddit|telegram)\W*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")


def keep_everything(text: str, source: str) -> Article:
    """One paragraph block per blank-line-separated paragraph, in input order."""
    text = clean_text(text)
    blocks = [Block("paragraph", " ".join(p.split()))
              for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Article(source=source, blocks=blocks)


def extract_text(text: str, source: str) -> Article:
    """Classify each line of copied page text; build the Article."""
    lines = [" ".join(line.split()) for line in clean_text(text).split("\n")]
    article = Article(source=source)
    kept: list[str] = []
    for line in lines:
        if not line:
            continue
        why = _why_cut(line, article)
        if why:
            article.removed.append(line)
            article.removed_why.append(why)
        else:
            kept.append(line)
    kept = _lift_title(kept, article)
    article.blocks = [Block("paragraph", line) for line in _dedupe(kept, article)]
    return article


def _why_cut(line: str, article: Article) -> str | None:
    if _BOILERPLATE.match(line):
        return "boilerplate phrase"
    dateline = parse_dateline(line)
    if dateline:
        kind, iso = dateline
        if kind == "published" and not article.published:
            article.published = iso
        elif kind == "updated" and not article.updated:
            article.updated = iso
        return f"dateline ({kind})"
    byline = parse_byline(line)
    if byline and not article.byline:
        article.byline = byline
        return "byline"
    return None


def _lift_title(kept: list[str], article: Article) -> list[str]:
    """The headline is the first line that is not a sentence of the body."""
    for i, line in enumerate(kept[:5]):
        words = len(line.split())
        if 3 <= words <= 25 and not line.endswith("."):
            article.title = line
            if article.published is None and article.updated:
                article.published = article.updated
            return kept[i + 1:]
    if article.published is None and article.updated:
        article.published = article.updated
    return kept


def _dedupe(kept: list[str], article: Article) -> list[str]:
    """Keep the last copy of a repeated line (a standfirst repeats the lead)."""
    out: list[str] = []
    keys = [_dedupe_key(line) for line in kept]
    for i, line in enumerate(kept):
        if keys[i] in keys[i + 1:]:
            article.removed.append(line)
            article.removed_why.append("repeated later in the article")
            continue
        out.append(line)
    return [line for line in out if _is_body(line, article)]


def _dedupe_key(line: str) -> str:
    """Lines equal but for case and closing punctuation count as repeats."""
    return line.lower().rstrip(" .!?…:;,")


def _is_body(line: str, article: Article) -> bool:
    if len(line.split()) >= 8 or _SENTENCE_END.search(line):
        return True
    article.removed.append(line)
    article.removed_why.append("short line, not a sentence")
    return False
