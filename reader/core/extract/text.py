"""Cleaning text copied from a web page: keep the article body, lift the
headline, byline and dates into metadata, and say why every other line was cut.

The work is split so each part can be read and tested alone:
textlines (split and measure lines), stoplists (language and stopwords),
boilerplate (known furniture phrases), classify (the line classifier),
metadata (dates and bylines), header (headline, dates, standfirst)."""
from __future__ import annotations

import re
from itertools import accumulate
from operator import sub

from ..models import Article, Block
from ..safety import clean_text
from .classify import GOOD, Verdict, classify
from .header import choose_byline, choose_dates, choose_title, find_meta_lines
from .stoplists import detect, latin_script, stoplist
from .textlines import Line, measure, raw_lines, to_lines

_SAMPLE_WORDS = 600  # enough prose to tell the language
_SAMPLE_LINE_CHARS = 4000  # ... and as much of one line as that takes
STANDFIRST_REACH = 4  # lines under the headline where a standfirst may sit
TWIN_REACH = 3  # a copy of the headline this close to it is the same headline again
# Inputs longer than this many lines (a copied page has at most a few
# thousand) are cleaned line by line only in the window of this many lines
# with the most prose; the rest is kept as text where the body runs into it,
# else cut. Every step stays linear with a small constant on any input.
MANY_LINES = 20_000
PROSE_CHARS = 80  # a raw line this long counts as prose when placing the window
_WINDOW_SNAP = 200  # the window's edges move up to this many lines to a blank line
FAR = "far from the article text (very long input)"


def keep_everything(text: str, source: str) -> Article:
    """One paragraph block per blank-line-separated paragraph, in input order."""
    text = clean_text(text)
    blocks = [Block("paragraph", " ".join(p.split()))
              for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Article(source=source, blocks=blocks)


def extract_text(text: str, source: str) -> Article:
    """Classify each line of copied page text; build the Article."""
    return _run(text, source)[0]


def _run(text: str, source: str) -> tuple[Article, list[Line], Verdict | None]:
    """The Article plus the measured lines and their verdict (for debugging)."""
    parts = raw_lines(clean_text(text))
    if len(parts) <= MANY_LINES:
        return _clean(to_lines(parts), source)
    lo, hi = _prose_window(parts, MANY_LINES)
    article, lines, verdict = _clean(to_lines(parts[lo:hi]), source)
    # Outside the window: text where the body (or, with no prose, the kept text) reaches the edge.
    body = verdict is None or verdict.end > verdict.start
    before = _outside(parts[:lo], body and (verdict is None or verdict.start == 0))
    after = _outside(parts[hi:], body and (verdict is None or verdict.end == len(lines)))
    article.blocks = before[0] + article.blocks + after[0]
    article.removed = before[1] + article.removed + after[1]
    article.removed_why = [FAR] * len(before[1]) + article.removed_why + [FAR] * len(after[1])
    return article, lines, verdict


def _prose_window(parts: list[str], size: int) -> tuple[int, int]:
    """The `size` consecutive raw lines holding the most prose (long lines),
    the earliest on ties, centred on the prose it holds; its edges moved to
    blank lines close by."""
    prose = [len(p) if len(p) >= PROSE_CHARS else 0 for p in parts]
    sums = list(accumulate(prose, initial=0))
    totals = list(map(sub, sums[size:], sums))  # totals[s]: prose in parts[s:s + size]
    lo = totals.index(max(totals))
    inside = [k for k in range(lo, lo + size) if prose[k]]
    if inside:  # the prose in the middle, so the text around it is judged too
        lo = min(max(0, (inside[0] + inside[-1] - size) // 2), len(parts) - size)
    hi = lo + size
    for k in range(lo, max(0, lo - _WINDOW_SNAP) - 1, -1):
        if not parts[k].strip():
            lo = k
            break
    for k in range(hi, min(len(parts), hi + _WINDOW_SNAP)):
        if not parts[k].strip():
            hi = k
            break
    return lo, hi


def _outside(parts: list[str], keep: bool) -> tuple[list[Block], list[str]]:
    """Raw lines outside the window: (blocks, removed), all of them one or the
    other, a line each (wrapped paragraphs are not rejoined out there)."""
    texts = [t for t in map(str.strip, parts) if t]
    return ([Block("paragraph", t) for t in texts], []) if keep else ([], texts)


def _clean(lines: list[Line], source: str) -> tuple[Article, list[Line], Verdict | None]:
    """Classify `lines`; the Article of what is kept, with the title and dates."""
    article = Article(source=source)
    if not lines:
        return article, lines, None
    name, article.language = detect(_prose_sample(lines))
    stopwords = stoplist(name)
    measure(lines, stopwords)
    meta = find_meta_lines(lines, article.language)
    authors = frozenset(n.lower() for names in meta.bylines.values() for n in names)
    verdict = classify(lines, prose_by_punct=name is None, preset=meta.reasons(), rows=frozenset(meta.tables),
                       authors=authors, latin=latin_script(name))
    body_vocab: set[str] = set()
    for i in range(verdict.start, verdict.end):
        if verdict.cls[i] == GOOD:
            body_vocab |= lines[i].vocab
    title = None if verdict.no_prose else choose_title(lines, verdict.start, verdict.why, meta, body_vocab,
                                                       stopwords)
    if title is not None and not any(c == GOOD for j, c in enumerate(verdict.cls) if j != title):
        title = None  # the page's only text stays text
    if title is not None:
        article.title = lines[title].text
        verdict.cls[title], verdict.why[title] = "title", "headline (shown as the title)"
        for j in range(max(0, title - TWIN_REACH), min(len(lines), title + TWIN_REACH + 1)):
            if verdict.cls[j] == GOOD and lines[j].key == lines[title].key:
                verdict.cls[j], verdict.why[j] = "bad", "headline shown twice"
        article.standfirst = _drop_standfirst(lines, verdict, title, meta)
    # A reference list is an appendix: dates are placed against the text above it, as without one.
    text_end = verdict.text_end if verdict.text_end > verdict.start else verdict.end
    article.published, article.updated = choose_dates(meta, title, verdict.start, text_end)
    article.byline = choose_byline(meta, title, verdict.start)
    repeated = _drop_repeats(lines, verdict, title)
    if article.standfirst is None and title is not None:  # a standfirst that repeats the lead
        article.standfirst = " ".join(lines[i].text for i in repeated if i > title) or None
    for i, line in enumerate(lines):
        if verdict.cls[i] == GOOD:
            kind = "preformatted" if i in verdict.code else _kind(lines, i)
            article.blocks.append(Block(kind, line.text))
        elif verdict.cls[i] != "title":
            article.removed.append(line.text)
            article.removed_why.append(verdict.why[i] or "not article text")
    return article, lines, verdict


def _prose_sample(lines: list[Line]) -> str:
    """The longer lines (where the language shows), up to ~3000 words."""
    out, total = [], 0
    for line in sorted(lines, key=lambda ln: -len(ln.text)):
        out.append(line.text[:_SAMPLE_LINE_CHARS])
        total += line.text.count(" ") + 1
        if total > _SAMPLE_WORDS:
            break
    return "\n".join(out)


def _drop_standfirst(lines: list[Line], verdict, title: int, meta) -> str | None:
    """Prose between the headline and the byline/dateline under it is the
    standfirst (the summary the page shows above the article): not body.
    Returns its text (the header shows it), or None."""
    found = []
    for j in range(title + 1, min(len(lines), title + 1 + STANDFIRST_REACH)):
        if (j in meta.stamps and j not in meta.tables) or j in meta.bylines or j in meta.relative:
            break
        if verdict.cls[j] == GOOD and lines[j].words >= 8:
            found.append(j)
    else:
        return None
    for j in found:
        verdict.cls[j], verdict.why[j] = "bad", "standfirst (summary under the headline)"
    return " ".join(lines[j].text for j in found) or None


def _drop_repeats(lines: list[Line], verdict, title: int | None) -> list[int]:
    """A paragraph shown twice where a standfirst repeats the lead is kept
    once, in the body. Repeats further into the body are the author's.
    Returns the lines cut, in order."""
    dropped: list[int] = []
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if verdict.cls[i] == GOOD and line.words >= 5:
            seen.setdefault(line.key, []).append(i)
    # A standfirst sits under the headline, or opens the body run when share
    # buttons or a photo stand between them.
    head = max(title + STANDFIRST_REACH if title is not None else 0, verdict.start + 2)
    bad_before = [0]  # bad_before[k]: cut lines among lines[:k]
    for c in verdict.cls:
        bad_before.append(bad_before[-1] + (c == "bad"))
    for where in seen.values():
        if len(where) != 2:  # a standfirst repeats the lead once; more copies are the page's own
            continue
        last = where[-1]
        for i in where[:-1]:
            if i > head:
                break
            # A standfirst is set apart from the body it repeats by a byline,
            # a dateline or other furniture; copies within the text are the author's.
            if bad_before[last] - bad_before[i + 1] > 0:
                verdict.cls[i] = "bad"
                verdict.why[i] = "repeated paragraph (shown once)"
                dropped.append(i)
    return sorted(dropped)


def _kind(lines: list[Line], i: int) -> str:
    line = lines[i]
    if line.words <= 12 and not line.sentence_end and line.clauses <= 1 and not line.upper:
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.words >= 15:
            return "heading"
    return "paragraph"
