"""Cleaning text copied from a web page: keep the article body, lift the
headline, byline and dates into metadata, and say why every other line was cut.

The work is split so each part can be read and tested alone:
textlines (split and measure lines), stoplists (language and stopwords),
boilerplate (known furniture phrases), classify (the line classifier),
metadata (dates and bylines), header (headline, dates, standfirst)."""
from __future__ import annotations

import re

from ..models import Article, Block
from ..safety import clean_text
from .classify import GOOD, classify
from .header import choose_byline, choose_dates, choose_title, find_meta_lines
from .stoplists import detect, stoplist
from .textlines import Line, measure, split_lines

_SAMPLE_WORDS = 1000  # enough prose to tell the language


def keep_everything(text: str, source: str) -> Article:
    """One paragraph block per blank-line-separated paragraph, in input order."""
    text = clean_text(text)
    blocks = [Block("paragraph", " ".join(p.split()))
              for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Article(source=source, blocks=blocks)


def extract_text(text: str, source: str) -> Article:
    """Classify each line of copied page text; build the Article."""
    lines = split_lines(clean_text(text))
    article = Article(source=source)
    if not lines:
        return article
    name, article.language = detect(_prose_sample(lines))
    measure(lines, stoplist(name))
    meta = find_meta_lines(lines, article.language)
    verdict = classify(lines, prose_by_punct=name is None, preset=meta.reasons())
    title = choose_title(lines, verdict.start, verdict.why, meta)
    if title is not None:
        article.title = lines[title].text
        verdict.cls[title], verdict.why[title] = "title", "headline (shown as the title)"
    article.published, article.updated = choose_dates(meta, title, verdict.start, verdict.end)
    article.byline = choose_byline(meta, title, verdict.start)
    _drop_repeats(lines, verdict)
    for i, line in enumerate(lines):
        if verdict.cls[i] == GOOD:
            article.blocks.append(Block(_kind(lines, i), line.text))
        elif verdict.cls[i] != "title":
            article.removed.append(line.text)
            article.removed_why.append(verdict.why[i] or "not article text")
    return article


def _prose_sample(lines: list[Line]) -> str:
    """The longer lines (where the language shows), up to ~3000 words."""
    out, total = [], 0
    for line in sorted(lines, key=lambda ln: -len(ln.text)):
        out.append(line.text)
        total += line.text.count(" ") + 1
        if total > _SAMPLE_WORDS:
            break
    return "\n".join(out)


def _drop_repeats(lines: list[Line], verdict) -> None:
    """A paragraph shown twice (a standfirst repeating the lead) is kept once:
    the copy inside the body run wins, else the last."""
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if verdict.cls[i] == GOOD and line.words >= 5:
            seen.setdefault(line.key, []).append(i)
    for key, where in seen.items():
        if len(where) < 2:
            continue
        inside = [i for i in where if verdict.start <= i < verdict.end]
        keep = inside[-1] if inside else where[-1]
        for i in where:
            if i != keep:
                verdict.cls[i] = "bad"
                verdict.why[i] = "repeated paragraph (shown once)"


def _kind(lines: list[Line], i: int) -> str:
    line = lines[i]
    if line.words <= 12 and not line.sentence_end and line.clauses <= 1 and not line.upper:
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.words >= 15:
            return "heading"
    return "paragraph"
