"""The line classifier: which lines of copied page text are the article body.

Four passes, each explainable:
1. furniture: known phrases ("Share", "Advertisement", "Most read"), photo
   credits, datelines, lines without words, menu-like runs;
2. jusText-style classes from length, stopword density and punctuation:
   good (prose), near-good, short, bad;
3. context smoothing: a short line between good paragraphs (a subheading,
   a one-line quote) is kept, near-good lines next to good ones are kept;
4. position: the body is one dense run, found as the highest-scoring stretch
   of lines; a comments or related-stories header after the body ends it.
Every line ends with a class and, when it is cut, the reason."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .boilerplate import furniture, section_start
from .textlines import Line

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"

# Thresholds (words, share of stopwords), tuned on pages unlike any one site.
GOOD_WORDS, NEAR_WORDS = 15, 8
STOP_HIGH, STOP_LOW = 0.28, 0.12
MENU_RUN = 3  # this many short non-sentence lines in a row form a menu
_COMMENTER = re.compile(r"^\S+(?:\s+\S+){0,3}\s+(?:says|said|wrote|schreibt|dit|dice|disse)\s*:$", re.I)


@dataclass
class Verdict:
    """The classes of every line and the reasons for cutting some."""

    cls: list[str]
    why: list[str | None]
    start: int = 0  # the body run: lines[start:end]
    end: int = 0
    heading: set[int] = field(default_factory=set)


def classify(lines: list[Line], prose_by_punct: bool, preset: dict[int, str]) -> Verdict:
    """Classify `lines` (already measured). `prose_by_punct`: no stoplist for
    this language (Chinese, Japanese...), so judge prose by punctuation.
    `preset`: lines already known to be furniture (datelines, bylines), with why."""
    v = Verdict([SHORT] * len(lines), [None] * len(lines))
    for i, why in preset.items():
        v.cls[i], v.why[i] = BAD, why
    _furniture(lines, v)
    _menus(lines, v)
    for i, line in enumerate(lines):
        if v.why[i] is None:
            v.cls[i] = _by_content(line, prose_by_punct)
            if v.cls[i] == BAD:
                v.why[i] = "few function words (names, tags or links)"
    _smooth(lines, v)
    _body_run(lines, v)
    return v


def _furniture(lines: list[Line], v: Verdict) -> None:
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.key] = counts.get(line.key, 0) + 1
    for i, line in enumerate(lines):
        if v.why[i]:
            continue
        if line.words == 0:
            why = "no words"
        elif line.words <= 2 and line.digits > 0.3:
            why = "number or counter"
        else:
            why = furniture(line.text, line.words)
            if why is None and _COMMENTER.match(line.text):
                why = "comment header"
            elif why is None and counts[line.key] > 1 and line.words < 8 and not line.sentence_end:
                why = "repeated on the page"
        if why:
            v.cls[i], v.why[i] = BAD, why


def _menus(lines: list[Line], v: Verdict) -> None:
    """Runs of short non-sentence lines with no blank line between them:
    navigation, tag lists, 'most read' headlines."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _menu_like(lines[j]) and (j == i or not lines[j].gap_before):
            j += 1
        if j - i >= MENU_RUN:
            for k in range(i, j):
                if v.why[k] is None:
                    v.cls[k], v.why[k] = BAD, "menu or link list"
        i = max(j, i + 1)


def _menu_like(line: Line) -> bool:
    return line.words <= 12 and not line.sentence_end and line.clauses <= 1


def _by_content(line: Line, by_punct: bool) -> str:
    """jusText's classes from length and stopword density (or punctuation)."""
    prose = line.clauses > 0 or line.sentence_end
    stop = (0.3 if prose else 0.0) if by_punct else line.stop
    if line.words >= GOOD_WORDS:
        if stop >= STOP_HIGH or (line.sentences >= 2 and stop >= STOP_LOW):
            return GOOD
        return NEAR if stop >= STOP_LOW else BAD
    if line.words >= NEAR_WORDS:
        if stop >= STOP_LOW and (line.sentence_end or line.clauses):
            return NEAR
        return SHORT if stop >= STOP_LOW else BAD
    return SHORT


def _neighbour(v: Verdict, i: int, step: int, skip: tuple[str, ...]) -> str:
    j = i + step
    while 0 <= j < len(v.cls):
        if v.cls[j] not in skip:
            return v.cls[j]
        j += step
    return BAD


def _smooth(lines: list[Line], v: Verdict) -> None:
    """jusText's context rules for short and near-good lines."""
    new = list(v.cls)
    for i, c in enumerate(v.cls):
        if c != SHORT:
            continue
        prev, nxt = (_neighbour(v, i, s, (SHORT, NEAR)) for s in (-1, 1))
        if prev == nxt == GOOD:
            new[i] = GOOD
        elif prev == GOOD or nxt == GOOD:
            near = (prev == BAD and _neighbour(v, i, -1, (SHORT,)) == NEAR) or \
                   (nxt == BAD and _neighbour(v, i, 1, (SHORT,)) == NEAR)
            new[i] = GOOD if near else BAD
        else:
            new[i] = BAD
        if new[i] == BAD and v.why[i] is None:
            v.why[i] = "short line away from the text"
    for i, c in enumerate(v.cls):
        if c != NEAR:
            continue
        prev, nxt = (_neighbour(v, i, s, (SHORT, NEAR)) for s in (-1, 1))
        new[i] = BAD if prev == nxt == BAD else GOOD
        if new[i] == BAD and v.why[i] is None:
            v.why[i] = "short text among page furniture"
    v.cls = new


def _score(line: Line, cls: str) -> float:
    if cls == GOOD:
        return min(line.words, 60) + (5 if line.gap_before or line.gap_after else 0)
    return -3.0 - min(line.words, 20) * 0.2


def _body_run(lines: list[Line], v: Verdict) -> None:
    """The highest-scoring stretch of lines (Kadane); after the body has
    started, a comments header ends it and related-story headers cost more."""
    best, best_span = float("-inf"), (0, 0)
    run, start = 0.0, 0
    seen_body = False
    damp = 1.0
    for i, line in enumerate(lines):
        section = section_start(line.text) if line.words <= 10 else None
        s = _score(line, v.cls[i])
        if section and seen_body:
            s -= 40 if section == "comments" else 15
            if section == "comments":
                damp = 0.15
        if s > 0:
            s *= damp
        if run <= 0:
            run, start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (start, i + 1)
        if v.cls[i] == GOOD and line.words >= GOOD_WORDS:
            seen_body = True
    v.start, v.end = best_span
    for i in range(len(lines)):
        if v.cls[i] == GOOD and not v.start <= i < v.end:
            v.cls[i] = BAD
            v.why[i] = "before the article" if i < v.start else "after the article"
