"""The article's header read from copied text: which line is the headline
(not the site name, a section label or a menu item), the byline, the
published/updated stamps, and the standfirst under the headline.

Works on measured Lines plus the classifier's body run: the headline is
the headline-shaped line closest above the body, preferably followed by a
byline or dateline; the page's dates are taken from datelines, labelled
ones ('Published', 'Updated') first, else the one nearest the headline."""
from __future__ import annotations

from .. import fastre as re  # the stdlib re; compiled patterns kept across launches (perf)
from dataclasses import dataclass, field

from .boilerplate import furniture
from .classify import _BULLETS
from .metadata import RELATIVE_WORDS, Stamp, is_relative_time, lines_with_dates, parse_byline, stamps
from .stoplists import WORD
from .textlines import Line

# Cheap gates on a line's lower-cased words before the byline / 'x ago' regexes.
_BY_WORDS = frozenset("by von por par di door av от oleh autor text texto tekst текст".split())
_RELATIVE_LEAD = frozenset("an a one just yesterday today heute gestern hier aujourd ayer hoy ontem hoje ieri "
                           "oggi вчера сегодня včera dnes".split())
# Lower-case words that put the date after them into a sentence ('open on April 2').
_SENTENCE_LEAD = frozenset("on in since until till from to before after of through between during than".split())
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s.*\(@\w+\)")
HEAD_WINDOW = 30  # how far above the body the headline may sit (lines)
HEAD_REACH = 8  # how far from the headline its dateline may sit
TAIL_REACH = 6  # ... or after the end of the body ('Posted on ...' footers)
TABLE_ROWS = 3  # this many dated lines in a row are a table or a list, not datelines
BARE_WORDS = 3  # a dated line with at most this many other words is a bare date
STANDFIRST_WORDS = 12  # a line under a headline this long may be its standfirst
ONE_WORD = 7.0  # a one-word line over a dateline is a section label ('Film'), seldom the headline
TOPIC_BONUS = 8.0  # a headline whose words all recur in the body gains this much
BODY_BEFORE_COST = 0.15  # per word of body text above a headline candidate
_ABBREV_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_TABLE_RULE = re.compile(r"[\u2500-\u257f]")  # box-drawing characters: a table typed out
_CRUMBS = re.compile(r"\s[»›>|/]\s|»|›")
_CODE = re.compile(r"[{}<>;=_\[\]]|\b(?:function|var|const|return)\b")
_NOT_TITLE = {"share or follow link", "advertisement", "subscription or sign-in", "navigation",
              "comments", "legal or cookie notice", "photo caption or credit", "call to action",
              "photo gallery counter", "comment header", "no words", "number or counter", "about the author",
              "related links header", "related link", "teaser for another story", "summary box above the article",
              "author box", "site notice (cookies, privacy, legal)", "reporting credits", "social media handle",
              "list of dated links", "headline link in capitals"}


@dataclass
class MetaLines:
    """Datelines and bylines found among the lines (index -> what)."""

    stamps: dict[int, list[Stamp]] = field(default_factory=dict)
    bylines: dict[int, list[str]] = field(default_factory=dict)
    relative: set[int] = field(default_factory=set)  # '2 hours ago', 'Yesterday'
    tables: set[int] = field(default_factory=set)  # dated rows of a table or log: data, not datelines
    dated_links: set[int] = field(default_factory=set)  # 'Title, Aug. 22, 2019' lists: sources, archives
    credits: set[int] = field(default_factory=set)  # dated captions and credits: the photo's date, not the page's
    bare: set[int] = field(default_factory=set)  # nothing but dates (and a word or two) on the line

    def reasons(self) -> dict[int, str]:
        out = {i: "dateline" for i in self.stamps if i not in self.tables}
        out.update({i: "list of dated links" for i in self.dated_links})
        out.update({i: "dateline" for i in self.relative})
        out.update({i: "byline" for i in self.bylines if i not in out})
        return out


def find_meta_lines(lines: list[Line], lang: str | None) -> MetaLines:
    """Lines that are datelines or bylines rather than text (short, not prose)."""
    meta = MetaLines()
    dated = lines_with_dates([line.text if line.words <= 24 else "" for line in lines])  # longer: not datelines
    for i, line in enumerate(lines):
        if line.words > 24:
            continue
        tokens = line.key.split()
        names = parse_byline(line.text) if line.words <= 14 and not _BY_WORDS.isdisjoint(tokens) else None
        if names:
            meta.bylines[i] = names
        elif line.words >= 8 and line.sentence_end and line.stop >= 0.3:
            continue  # a sentence ('By Jane Doe on Monday, November 18th, 2019 at 11:04 a.m.' is not)
        if line.text[0] in "—–-" and _TWEET_SIGNATURE.match(line.text):
            continue  # '— Name (@handle) October 9, 2018' closes an embedded tweet
        if i in dated:
            found = stamps(line.text, lang)
            if found and (names or not _in_sentence(line.text, found)):
                meta.stamps[i] = found
                _sort_stamp_line(meta, i, line, found)
        if line.words <= 8 and i not in meta.stamps and (line.digits > 0 or tokens[:1] and tokens[0] in _RELATIVE_LEAD) \
                and not RELATIVE_WORDS.isdisjoint(tokens) and is_relative_time(line.text):
            meta.relative.add(i)
    _find_tables(lines, meta)
    return meta


def _in_sentence(text: str, found: list[Stamp]) -> bool:
    """'The new routes open on April 2, 2024': an unlabelled date after a
    preposition is part of a sentence, not a dateline."""
    if any(stamp.kind != "unlabelled" for stamp in found):
        return False
    before = text[:found[0].start].split()
    return bool(before) and before[-1] in _SENTENCE_LEAD


def _sort_stamp_line(meta: MetaLines, i: int, line: Line, found: list[Stamp]) -> None:
    """Note whether a dated line is a caption/credit or a bare date."""
    if furniture(line.text, line.words) == "photo caption or credit":
        meta.credits.add(i)
    rest, at = [], 0
    for stamp in found:
        rest.append(line.text[at:stamp.start])
        at = stamp.end
    rest.append(line.text[at:])
    if len(WORD.findall(" ".join(rest))) <= BARE_WORDS:
        meta.bare.add(i)


def _find_tables(lines: list[Line], meta: MetaLines) -> None:
    """Three or more dated lines in a row: rows of data (a log, a table) when
    they are mostly numbers, else a list of dated links (sources, archives)."""
    i = 0
    while i < len(lines):
        j = i
        while j in meta.stamps:
            j += 1
        if j - i >= TABLE_ROWS:
            rows = range(i, j)
            if sum(lines[k].words for k in rows) / len(rows) <= 4:
                meta.tables.update(rows)
            else:
                meta.dated_links.update(rows)
        i = j + 1


def choose_title(lines: list[Line], start: int, why: list[str | None], meta: MetaLines,
                 body_vocab: set[str], stopwords: frozenset[str]) -> int | None:
    """Index of the headline line, or None when nothing looks like one.
    `body_vocab`: content words of the body (a headline shares them)."""
    best, best_score = None, 0.0
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.key] = seen.get(line.key, 0) + 1
    lo = max(0, start - HEAD_WINDOW)
    hi = _second_paragraph(lines, start, why) + 1
    text_before = [0]  # text_before[k]: words of body text in lines[start:start + k]
    for j in range(start, max(start, hi)):
        text_before.append(text_before[-1] + (lines[j].words if why[j] is None else 0))
    for i in range(lo, hi):
        score = _title_score(lines, i, start, why, meta, seen, text_before)
        if score > 0:
            score += TOPIC_BONUS * _shared(lines[i], body_vocab, stopwords)
        if score > best_score:
            best, best_score = i, score
    return best


def _title_case(text: str) -> bool:
    """Most words capitalised, as headlines are ('Why You Shouldn't Worry.')."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _shared(line: Line, vocab: set[str], stopwords: frozenset[str]) -> float:
    """Share of the line's content words that the body uses too."""
    words = {w for w in WORD.findall(line.text.lower()) if len(w) >= 3 and w not in stopwords}
    if not words:
        return 0.0
    # Two or three words share by chance: scale the evidence by how many there are.
    return len(words & vocab) / len(words) * min(1.0, len(words) / 4)


def _second_paragraph(lines: list[Line], start: int, why: list[str | None]) -> int:
    """Index of the body's second long paragraph: a notice or a lead above the
    headline may open the body run, so the headline is looked for up to there."""
    seen = 0
    for i in range(start, len(lines)):
        if why[i] is None and lines[i].words >= 15:
            seen += 1
            if seen == 2:
                return i
    return min(start, len(lines) - 1)


def _headline_shaped(line: Line) -> bool:
    text = line.text
    if line.words < 1 or line.words > 30 or line.chars > 250:
        return False
    if text.endswith((",", ";", ":", "=", "{", "(")):
        return False
    if text.endswith(".") and not text.endswith("...") and not _ABBREV_END.search(text) \
            and not _title_case(text):
        return False
    if len(_CRUMBS.findall(text)) >= 2 or _CODE.search(text) or text[:2] in _BULLETS:
        return False
    if line.digits > 0.5 or _TABLE_RULE.search(text):  # a row of a table of figures
        return False
    return True


def _title_score(lines: list[Line], i: int, start: int, why: list[str | None], meta: MetaLines,
                 seen: dict[str, int], text_before: list[int]) -> float:
    """How much line i looks like the headline of the body starting at `start`."""
    line = lines[i]
    if why[i] in _NOT_TITLE or i in meta.stamps or i in meta.bylines or i in meta.relative:
        return 0.0
    if not _headline_shaped(line):
        return 0.0
    if i >= start and (line.sentences > 1 or line.words > 20):
        return 0.0
    score = 10.0
    score += 4 if 4 <= line.words <= 20 else (-ONE_WORD if line.words == 1 else 0)
    score -= 4 if line.upper and line.words <= 4 else 0
    score -= 3 if line.text[0].islower() else 0
    score -= 0.5 * max(0, line.clauses - 1)
    score += 3 if seen[line.key] > 1 else 0
    score += 7 * _meta_near(meta, i, 1, 4) + 1 * _meta_near(meta, i, -1, 2)
    score -= 8 if _in_related_block(lines, i, why) else 0
    score -= 4 if _under_shorter_headline(lines, i, why, meta) else 0
    score -= 1 if why[i] == "menu or link list" else 0
    for j in range(i + 1, start):
        if j in meta.stamps or j in meta.bylines or j in meta.relative:
            continue
        short_label = lines[j].words <= 3 and not lines[j].sentence_end
        score -= 0.15 if why[j] in _NOT_TITLE or why[j] == "menu or link list" else (0.3 if short_label else 1.0)
    # Inside the body run: less likely the more text comes before it. The line
    # that opens the run has none above it (a blog's post title under its date).
    if i > start:
        score -= 3 + BODY_BEFORE_COST * text_before[i - start]
    return score


def _under_shorter_headline(lines: list[Line], i: int, why: list[str | None], meta: MetaLines) -> bool:
    """A standfirst sits right under a shorter headline."""
    j = i - 1
    while j >= 0 and (j in meta.stamps or j in meta.bylines or j in meta.relative):
        j -= 1
    line = lines[i]
    return j >= 0 and i - j <= 2 and why[j] not in _NOT_TITLE and _headline_shaped(lines[j]) \
        and 4 <= lines[j].words and line.words >= STANDFIRST_WORDS and line.words > 1.3 * lines[j].words


def _meta_near(meta: MetaLines, i: int, step: int, reach: int) -> int:
    """1 when a byline, dateline or 'x hours ago' is within `reach` lines."""
    for j in range(i + step, i + step * (reach + 1), step):
        if j in meta.stamps or j in meta.bylines or j in meta.relative:
            return 1
    return 0


def _in_related_block(lines: list[Line], i: int, why: list[str | None]) -> bool:
    """A headline listed under 'Related' / 'Most read' is another story's."""
    for j in range(i - 1, max(-1, i - 7), -1):
        if why[j] == "related links header":
            return True
        if lines[j].words >= 15 and why[j] is None:  # a paragraph between: not the same list
            return False
    return False


def choose_dates(meta: MetaLines, title: int | None, start: int, end: int) -> tuple[str | None, str | None]:
    """(published, updated) ISO strings from the page's datelines: labelled
    ones between the headline and just after the body, nearest the headline
    first; else the unlabelled date nearest the headline (below it preferred);
    the updated one stands for published only when no other date is shown."""
    published = updated = None
    anchor = title if title is not None else start

    def distance(i: int) -> int:  # a headline's dateline is more often below it than above
        return i - anchor if i >= anchor else 2 * (anchor - i) + 1

    lo = min(anchor, start) - HEAD_REACH
    ordered = sorted((i for i in meta.stamps if lo <= i < end + TAIL_REACH
                      and i not in meta.tables and i not in meta.dated_links), key=distance)
    for i in ordered:
        for stamp in meta.stamps[i]:
            if stamp.kind == "published" and published is None:
                published = stamp.iso
            elif stamp.kind == "updated" and updated is None:
                updated = stamp.iso
    if published is None:
        # Unlabelled: a dateline near the headline, or a bare date just after the text
        # ('Captain Marvel hits theaters on March 8, 2019' there is the text's own);
        # never the date of a photo or a source.
        near = [i for i in ordered if (anchor - HEAD_REACH <= i <= max(anchor, start) + HEAD_REACH
                or (end <= i < end + TAIL_REACH and i in meta.bare)) and i not in meta.credits]
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
