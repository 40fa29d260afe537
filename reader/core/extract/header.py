"""The article's header read from copied text: which line is the headline
(not the site name, a section label or a menu item), the byline, the
published/updated stamps, and the standfirst under the headline.

Works on measured Lines plus the classifier's body run: the headline is
the headline-shaped line closest above the body, preferably followed by a
byline or dateline; the page's dates are taken from datelines, labelled
ones ('Published', 'Updated') first, else the one nearest the headline."""
from __future__ import annotations

from dataclasses import dataclass, field

from .metadata import Stamp, parse_byline, stamps
from .textlines import Line

HEAD_WINDOW = 30  # how far above the body the headline may sit (lines)
_NOT_TITLE = {"share or follow link", "advertisement", "subscription or sign-in", "navigation",
              "comments", "legal or cookie notice", "photo caption or credit", "call to action",
              "photo gallery counter", "comment header", "no words", "number or counter", "about the author"}


@dataclass
class MetaLines:
    """Datelines and bylines found among the lines (index -> what)."""

    stamps: dict[int, list[Stamp]] = field(default_factory=dict)
    bylines: dict[int, list[str]] = field(default_factory=dict)

    def reasons(self) -> dict[int, str]:
        out = {i: "dateline" for i in self.stamps}
        out.update({i: "byline" for i in self.bylines if i not in out})
        return out


def find_meta_lines(lines: list[Line], lang: str | None) -> MetaLines:
    """Lines that are datelines or bylines rather than text (short, not prose)."""
    meta = MetaLines()
    for i, line in enumerate(lines):
        if line.words > 24 or (line.words >= 8 and line.sentence_end and line.stop >= 0.3):
            continue
        if line.digits > 0:
            found = stamps(line.text, lang)
            if found:
                meta.stamps[i] = found
        if line.words <= 14:
            names = parse_byline(line.text)
            if names:
                meta.bylines[i] = names
    return meta


def choose_title(lines: list[Line], start: int, why: list[str | None], meta: MetaLines) -> int | None:
    """Index of the headline line, or None when nothing looks like one."""
    best, best_score = None, 0.0
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.key] = counts.get(line.key, 0) + 1
    lo = max(0, start - HEAD_WINDOW)
    for i in range(lo, min(len(lines), start + 2)):
        score = _title_score(lines, i, start, why, meta, counts)
        if score > best_score:
            best, best_score = i, score
    return best


def _title_score(lines, i, start, why, meta, counts) -> float:
    line = lines[i]
    if why[i] in _NOT_TITLE or i in meta.stamps or i in meta.bylines:
        return 0.0
    if line.words < 2 or line.words > 30 or line.chars > 250:
        return 0.0
    if line.text.endswith((".", ",", ";", ":")) and not line.text.endswith("..."):
        return 0.0
    if i >= start and (line.sentences > 1 or line.words > 20):
        return 0.0
    score = 10.0
    score += 4 if 5 <= line.words <= 20 else 0
    score -= 4 if line.upper and line.words <= 4 else 0
    score += 3 if counts[line.key] > 1 else 0
    score += 5 * _meta_below(lines, i, meta)
    # Distance to the body, not counting the header's own furniture lines.
    between = sum(1 for j in range(i + 1, start) if why[j] not in ("dateline", "byline")
                  and j not in meta.stamps and j not in meta.bylines)
    score -= 0.6 * between
    if i >= start:
        score -= 3
    return score


def _meta_below(lines: list[Line], i: int, meta: MetaLines) -> int:
    """1 when a byline or dateline follows within a few lines (a headline's mark)."""
    for j in range(i + 1, min(len(lines), i + 5)):
        if j in meta.stamps or j in meta.bylines:
            return 1
    return 0


def choose_dates(meta: MetaLines, title: int | None, start: int, end: int) -> tuple[str | None, str | None]:
    """(published, updated) ISO strings from the page's datelines."""
    published = updated = None
    anchor = title if title is not None else start
    ordered = sorted(meta.stamps, key=lambda i: (abs(i - anchor), i))
    for i in ordered:
        for stamp in meta.stamps[i]:
            if stamp.kind == "published" and published is None:
                published = stamp.iso
            elif stamp.kind == "updated" and updated is None:
                updated = stamp.iso
    if published is None:
        near = [i for i in ordered if anchor - 3 <= i < start + 1 or end <= i < end + 3]
        for i in near:
            loose = [s for s in meta.stamps[i] if s.kind == "unlabelled"]
            if loose:
                published = loose[0].iso
                break
    if published is None:
        published = updated
    return published, updated


def choose_byline(meta: MetaLines, title: int | None, start: int) -> list[str]:
    anchor = title if title is not None else start
    near = sorted(meta.bylines, key=lambda i: (abs(i - anchor), i))
    return meta.bylines[near[0]] if near else []
