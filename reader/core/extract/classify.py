"""The line classifier: which lines of copied page text are the article body.

Passes, each explainable:
1. furniture: known phrases ("Share", "Advertisement", "Most read"), photo
   credits and captions ending in one, promotions, author bios, teasers
   ('... Read more', cards), datelines, lines without words, menu-like runs
   (short lines, no sentence punctuation, many in a row) unless they are a
   list attached to the text (not title-case headlines) or program code
   (SQL and printed tables too); an embedded tweet's signature goes with
   the text;
2. jusText-style classes from length, stopword density and punctuation:
   good (prose), near-good, short, bad; a line in another script than the
   page's language is near-good (its neighbours decide);
3. position: the body is one dense run. Runs of lines between furniture are
   segments; the core is the richest segment (earlier ones preferred), and
   neighbouring segments join it when the text they add outweighs the
   furniture crossed and they share its vocabulary (teasers for other
   stories do not). A comments header after the body ends it; a note on
   where the text first ran closes it;
4. context smoothing inside the body: a short line between good paragraphs
   (a subheading, a one-line quote) is kept, near-good lines next to good ones
   are kept.
Every line ends with a class and, when it is cut, the reason."""
from __future__ import annotations

from .. import fastre as re  # the stdlib re; compiled patterns kept across launches (perf)
from dataclasses import dataclass, field

from .boilerplate import furniture, page_notices, page_sections
from .region import body_region
from .textlines import Line

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"

# Thresholds (words, share of stopwords), tuned on pages unlike any one site.
GOOD_WORDS, NEAR_WORDS = 15, 8
STOP_HIGH, STOP_LOW = 0.28, 0.12
MENU_RUN = 3  # this many short non-sentence lines in a row form a menu
REPEATS = 3  # a short line shown this often is page furniture (share rows, labels)
LIST_WORDS = 4  # a list attached to the text has items this long on average
_COMMENTER = re.compile(r"^\S+(?:\s+\S+){0,3}\s+(?:says|said|wrote|schreibt|dit|dice|disse)\s*:$", re.I)
CAPTION_WORDS = 60
CARD_WORDS = 30  # a card's summary under its headline
TEASER_HEAD_WORDS = 40  # a teaser's headline (a link's text may repeat it)
RELATED_ITEMS = 8  # at most this many headlines under a 'Related' header are its links
RELATED_CARD_WORDS = 40  # ... or cards (headline and summary in one line) glued under a header set apart
CODE_RUN = 2
CAPS_LINK_WORDS = 6
CAPS_SHARE = 0.85  # letters in capitals for a line to read as written in capitals
_BULLETS = {"• ", "· ", "- ", "* ", "+ ", "– ", "▪ ", "► ", "✓ ", "✔ ", "◦ ", "○ ", "■ ", "→ "}
_SOFT = ("few function words (names, tags or links)", "no words", "number or counter")
_CODE_SOFT = _SOFT + ("headline link in capitals",)  # 'ROWS BETWEEN 60 PRECEDING AND CURRENT ROW' in a query
_CODE_CHARS = re.compile(r"[{};=(<#$>/]|^\s*(?:def|class|import|from|return|var|let|const|function)\b")
# A line of program code: ends in { } ; or opens with a keyword, a comment or a closing bracket.
_CODE = re.compile(r"[{};]\s*$|^\s*(?:[})\]]|//|/\*|#include|def |class |import |from \S+ import |return\b|"
                   r"var |let |const |function\b|(?:if|for|while|switch)\s*\(|\$ |>>> |<\/?[a-z][\w-]*[\s>])|"
                   r"^\s*[\w.$]+\s*(?:=|\+=|-=|=>)\s*\S|^\s*[\w.$]+\([^)]*\)\s*;?\s*$")
# SQL as shown in tutorials: a statement keyword in capitals opens the line.
_SQL = re.compile(r"(?:SELECT|FROM|WHERE|WITH|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|ALTER TABLE|"
                  r"GROUP BY|ORDER BY|(?:LEFT |INNER )?JOIN|UNION|HAVING|LIMIT)(?:\s+[\w*(]|\s*$)")
_BOX = re.compile(r"[\u2500-\u257f]")  # box-drawing characters: a table printed by a program
CODE_TAIL_WORDS = 12
_SUMMARY = re.compile(r"^\W*(?:key\s+points|points\s+clés|puntos\s+clave|das\s+wichtigste(?:\s+in\s+kürze)?)\W*$", re.I)
_READ_MORE = re.compile(r"^\W*(?:read\s+more|read\s+now|continue\s+reading|read\s+on|weiterlesen|lire\s+la\s+suite|"
                        r"leer\s+más|leia\s+mais|continua)\W*$", re.I)
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s.*\(@\w+\)\s*\S.*\d$")
TWEET_WORDS = 12
_BYLINES = ("byline", "dateline")
BYLINE_REACH = 3  # a byline or dateline this close under a headline is its own
_PROVENANCE = re.compile(r"(?:a\ version\ of\ )?(?:this|the)\ (?:article|story|post|piece|essay|interview)"
                         r"(?:\ was|\ has\ been|\ is)?\ (?:originally\ |first\ )?(?:appeared|published|reprinted|ran|adapted)|"
                         r"originally\ (?:published|appeared|posted)\b", re.I | re.X)
PROVENANCE_WORDS, PROVENANCE_REACH = 20, 4
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NUMBERED = re.compile(r"^\(?(\d{1,3})[.)]\s+\S")
# 'Path A: Iceland, Bulgaria', 'Monday: talks resume': a short label, a colon, then the item.
_LABELLED = re.compile(r"^(?!https?:)[^:\s][^:]{0,39}:\s+\S")
LABEL_WORDS = 4  # a label longer than this is a sentence with a colon, not a list label
_DIGITS_OR_PAREN = set("0123456789(")
_SLIDE = re.compile(r"^(\d{1,3})/(\d{1,3})\s+\S")  # '3/50 Natalie Massenet Leaves Net-a-Porter'
_CITE = ("^ ", "↑ ")  # a note's back-link to where it is cited (MediaWiki)
REF_LINES, REF_REACH, REF_GAP = 3, 15, 2  # notes in a list; how far past the body; lines between notes
GALLERY_SLIDES = 3
TABLE_CELLS = 6
_TIMED_HEADLINE = re.compile(r"^[0-2]?\d[:.h][0-5]\d\s+(?:[AP]M\s+)?[^\W\d_]+\s")  # '14:44 Accusations de viols'
TICKER_LINES, TICKER_GAP = 4, 6
PLAYER = "video player"
_PLAYER = re.compile(r"^(?:play\ video|current\ time\ \d|duration\ time\ \d|remaining\ time\ -?\d|"
                     r"loaded:\ \d+%|progress:\ \d+%|stream\ type\ ?live|playback\ rate|"
                     r"(?:descriptions|subtitles|captions)\ off,\ selected|captions\ settings|"
                     r"this\ is\ a\ modal\ window|beginning\ of\ dialog\ window|end\ of\ dialog\ window|"
                     r"text\ edge\ style|video\ player\ is\ loading)", re.I | re.X)
PLAYER_MARKS, PLAYER_GAP = 3, 60  # controls of one player, at most this many lines apart
WRAP_MIN, WRAP_MAX, WRAP_FILL = 50, 100, 0.8  # text hard-wrapped at a width in characters
# 'Contents', 'Table of Contents', 'Contents[hide]', 'Inhaltsverzeichnis', 'Sommaire'...
_CONTENTS = re.compile(r"^\W*(?:table\ of\ contents|contents|in\ this\ article|on\ this\ page|"
                       r"inhalt(?:sverzeichnis)?|sommaire|table\ des\ matières|índice|indice|contenido|"
                       r"inhoud(?:sopgave)?)\W*(?:\[\w+\])?\W*$", re.I | re.X)
_SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+")  # '3.7.8 ', '12.2. ', 'IV. '
_EDIT = re.compile(r"\s*\[(?:edit|modifier|bearbeiten|editar|hide|show)\]\s*$", re.I)
TOC_WORDS, TOC_ITEMS = 10, 3  # a contents item is this short; at least this many
_TOC_SOFT = (None, "menu or link list", "number or counter", "few function words (names, tags or links)",
             "headline link in capitals")  # cells of a table of figures copied one a line  # this many numbered slides out of one total make a gallery


@dataclass
class Verdict:
    """The classes of every line and the reasons for cutting some."""

    cls: list[str]
    why: list[str | None]
    start: int = 0  # the body run: lines[start:end]
    end: int = 0
    listed: set[int] = field(default_factory=set)  # items of lists in the text
    code: set[int] = field(default_factory=set)  # lines of program code in the text
    repeated: set[int] = field(default_factory=set)  # short lines shown 3+ times on the page
    no_prose: bool = False  # nothing read as prose: every plain line was kept
    sections: dict[int, str] = field(default_factory=dict)  # headers of 'comments' / 'related' parts
    text_end: int = 0  # where the text ends before its reference list (dates are placed by it)


def classify(lines: list[Line], prose_by_punct: bool, preset: dict[int, str],
             rows: frozenset[int] = frozenset(), authors: frozenset[str] = frozenset(),
             latin: bool = False) -> Verdict:
    """Classify `lines` (already measured). `prose_by_punct`: no stoplist for
    this language (Chinese, Japanese...), so judge prose by punctuation.
    `preset`: lines already known to be furniture (datelines, bylines), with why.
    `rows`: rows of a table of data, text whatever their words.
    `authors`: byline names, lower-cased (a line that is just one opens an author box).
    `latin`: the page's language is written in Latin letters; a longer line with
    none (Arabic, Greek, Cyrillic...) cannot be judged by its stopwords, so it is
    near-good and its neighbours decide (a quotation in the original language)."""
    v = Verdict([SHORT] * len(lines), [None] * len(lines))
    for i, why in preset.items():
        v.cls[i], v.why[i] = BAD, why
    _furniture(lines, v, rows, authors)
    _captions(lines, v)
    _galleries(lines, v)
    for i, line in enumerate(lines):
        if v.why[i] is None and i not in v.listed:
            v.cls[i] = _by_content(line, prose_by_punct)
            if v.cls[i] == BAD and latin and line.stop == 0 and line.words >= NEAR_WORDS \
                    and not line.text.isascii() and _LATIN_LETTER.search(line.text) is None:
                v.cls[i] = NEAR  # another script: no stopwords of the page's language to count
            elif v.cls[i] == BAD:
                capitals = line.upper or (line.words >= CAPS_LINK_WORDS and _mostly_capitals(line.text))
                v.why[i] = "headline link in capitals" if capitals else "few function words (names, tags or links)"
    _code_blocks(lines, v)
    _tweet_signatures(lines, v)
    _menus(lines, v)
    _numbered_lists(lines, v)
    _bullet_lists(lines, v)
    _labelled_lists(lines, v)
    _notices_in_text(lines, v, prose_by_punct)
    _figure_tables(lines, v)
    _contents(lines, v)
    if not any(c == GOOD for c in v.cls):
        _keep_all_text(lines, v)
        return v
    _players(lines, v)
    _tickers(lines, v)
    v.start, v.end = body_region(lines, v)
    _provenance(lines, v)
    v.text_end = v.end
    _references(lines, v)
    _smooth(lines, v)
    return v


def _provenance(lines: list[Line], v: Verdict) -> None:
    """'Originally published on Live Science.', 'This article was reprinted on
    Wired.com.': the note that closes the text says where it first ran; it is
    the article's own last line (kept beside the text, even just past it)."""
    for j in range(max(v.start, v.end - 2), min(len(lines), v.end + PROVENANCE_REACH)):
        line = lines[j]
        if line.words <= PROVENANCE_WORDS and line.text[:1] in "OoTtAa" and _PROVENANCE.match(line.text) \
                and all(v.cls[k] == BAD and v.why[k] for k in range(v.end, j)):
            v.cls[j], v.why[j] = GOOD, None
            v.end = max(v.end, j + 1)
            return


def _players(lines: list[Line], v: Verdict) -> None:
    """A video player embedded in the text leaves its controls in the copy
    ('Play Video', 'Current Time 0:00', 'Loaded: 0%', 'Playback Rate',
    'captions settings', 'This is a modal window.', colour and font menus).
    From the first to the last of PLAYER_MARKS such controls close together, it
    is one object set in the text, like a photo: cut, and crossed at the cost
    of one line (region.py), so the article goes on under it."""
    marks = [i for i, line in enumerate(lines) if line.words <= 25 and _PLAYER.match(line.text)]
    for first, last, count in _clusters(marks, PLAYER_GAP):
        if count >= PLAYER_MARKS:
            for j in range(first, last + 1):
                v.cls[j], v.why[j] = BAD, PLAYER
            end = last + 1
            while end < len(lines) and end <= last + 2 and v.cls[end] != GOOD:  # 'Close' under the last
                v.cls[end], v.why[end] = BAD, PLAYER
                end += 1


def _tickers(lines: list[Line], v: Verdict) -> None:
    """A news ticker beside the article ('Direct', 'Le fil', 'Latest'):
    headlines each opening with the clock time they ran ('14:44 Accusations
    de viols : ...', '13:08 Les calories bientôt affichées ...'). TICKER_LINES
    or more such one-line headlines, close together, are the ticker; it is cut
    whole, with the lines between them (a time alone, a short item under it).
    A live blog's entries put the time on a line of its own, so they are not
    counted."""
    times = [i for i, line in enumerate(lines) if line.text[:1].isdigit() and 4 <= line.words <= TEASER_HEAD_WORDS
             and not line.sentence_end and _TIMED_HEADLINE.match(line.text)]
    for first, last, count in _clusters(times, TICKER_GAP):
        if count >= TICKER_LINES:
            for j in range(first, last + 1):
                if v.why[j] is None or v.cls[j] != BAD:
                    v.cls[j], v.why[j] = BAD, "news ticker"


def _clusters(marks: list[int], gap: int) -> list[tuple[int, int, int]]:
    """Sorted line indices grouped where neighbours are at most `gap` apart:
    (first, last, how many) for each group."""
    groups: list[tuple[int, int, int]] = []
    k = 0
    while k < len(marks):
        m = k
        while m + 1 < len(marks) and marks[m + 1] - marks[m] <= gap:
            m += 1
        groups.append((marks[k], marks[m], m - k + 1))
        k = m + 1
    return groups


def _contents(lines: list[Line], v: Verdict) -> None:
    """The article's own table of contents: under a 'Contents' header, a run of
    short lines most of which come back further down as the text's headings
    ('3.7.8 Shumway' ... 'Shumway[edit]'). It is part of the text, not a menu
    (a site menu's items name other pages, not this one's sections)."""
    heads = None
    for i, line in enumerate(lines):
        if line.words > 4 or not _CONTENTS.match(line.text):
            continue
        if heads is None:
            heads = {}
            for k, other in enumerate(lines):  # headings: short lines, by their text without numbers or [edit]
                if other.words <= TOC_WORDS:
                    heads.setdefault(_heading_key(other.text), []).append(k)
        j = i + 1
        items = []
        while j < len(lines) and lines[j].words <= TOC_WORDS and v.cls[j] != GOOD and v.why[j] in _TOC_SOFT:
            items.append(j)
            j += 1
        back = sum(1 for k in items if any(n > k for n in heads.get(_heading_key(lines[k].text), ())))
        if len(items) >= TOC_ITEMS and back * 2 >= len(items) * 1.2:
            for k in [i] + items:
                v.cls[k], v.why[k] = NEAR, None
                v.listed.add(k)


def _heading_key(text: str) -> str:
    return _EDIT.sub("", _SECTION_NUMBER.sub("", text)).strip().lower()


def _figure_tables(lines: list[Line], v: Verdict) -> None:
    """A table of figures copied one cell a line ('Application', 'Original Size',
    'Google Maps', '32.7 MB', '17.5 MB (-46%)', ...) between two paragraphs of the
    text: a run of at least TABLE_CELLS short lines, a third of them or more
    numbers or counters and none cut for anything else, with prose (or near
    prose) right above and right below, is the table the text shows, not a menu."""
    def cell(k: int) -> bool:
        return v.why[k] is None or v.why[k] == "number or counter" or figure(k)

    def figure(k: int) -> bool:  # '12,400', '(-2%)'
        return v.why[k] == "no words" and any(ch.isdigit() for ch in lines[k].text)

    i = 1
    while i < len(lines):
        if v.cls[i - 1] not in (GOOD, NEAR) or v.why[i - 1] is not None or not cell(i) \
                or v.cls[i] in (GOOD, NEAR):
            i += 1
            continue
        j = i
        while j < len(lines) and cell(j) and v.cls[j] not in (GOOD, NEAR) and lines[j].words <= LIST_WORDS * 2:
            j += 1
        numbers = sum(1 for k in range(i, j) if v.why[k] is not None)
        if j < len(lines) and j - i >= TABLE_CELLS and 3 * numbers >= j - i \
                and v.cls[j] in (GOOD, NEAR) and v.why[j] is None:
            for k in range(i, j):
                v.cls[k], v.why[k] = NEAR, None
                v.listed.add(k)
        i = j + 1


def _notices_in_text(lines: list[Line], v: Verdict, prose_by_punct: bool) -> None:
    """An article about privacy ('a "Like" button ... tells Facebook about your
    browsing habits', 'clicking through a "Terms of Service" that no one reads')
    uses a site notice's words. A notice is a banner at the page's edge, not a
    paragraph between paragraphs: a line that reads as prose, between prose
    lines (or another such line) on both sides, is text."""
    notice = "site notice (cookies, privacy, legal)"
    found = [i for i, w in enumerate(v.why) if w == notice and _by_content(lines[i], prose_by_punct) == GOOD]
    if not found:
        return
    marked = set(found)

    def side(i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < len(lines) and (j in marked or (v.cls[j] == SHORT and v.why[j] is None)):
            j += step
        return 0 <= j < len(lines) and v.cls[j] == GOOD and v.why[j] is None

    for i in [i for i in found if side(i, -1) and side(i, +1)]:
        v.cls[i], v.why[i] = GOOD, None


def _references(lines: list[Line], v: Verdict) -> None:
    """An encyclopedia article's notes: '^ Bogue, Mike (2017). Apocalypse Then.
    McFarland. Retrieved 27 January 2020.' Each opens with the back-link to where
    it is cited ('^', '↑'); REF_LINES of them close together, starting inside the
    body or within REF_REACH lines after it, are its reference list. They are the
    article's own text (a citation's date is no dateline, its site no link list),
    with the pieces a link broke off ('. 24 August 2021.'); the body reaches to
    their end. Lines crossed on the way (a 'See also' list) stay as judged."""
    run: list[int] = []
    i = done = v.start
    while i < min(len(lines), v.end + REF_REACH) or (run and i < len(lines) and i - run[-1] <= REF_GAP + 1):
        if lines[i].text[:2] in _CITE:
            if run and i - run[-1] > REF_GAP + 1:
                run = []
            run.append(i)
            if len(run) >= REF_LINES:
                end = i + 1
                # the tail a link broke off this note ('. Retrieved 1 May 2015.')
                while end < len(lines) and lines[end].text[:1] in ".,;:)" and end - i <= REF_GAP:
                    end += 1
                for j in range(max(run[0], done), end):
                    v.cls[j], v.why[j] = GOOD, None
                    v.listed.add(j)
                v.end, done = max(v.end, end), end
        i += 1


def _furniture(lines: list[Line], v: Verdict, rows: frozenset[int], authors: frozenset[str]) -> None:
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.key] = seen.get(line.key, 0) + 1
    known: dict[str, str | None] = {}  # menus repeat: look each text up once
    lowers = [line.lower for line in lines]
    notices = page_notices(lowers)  # one scan of the page each, not a regex call per line
    sections = page_sections([line.text for line in lines], lowers)
    for i, line in enumerate(lines):
        if i in rows:
            v.cls[i] = NEAR
            v.listed.add(i)
            continue
        if v.why[i]:
            continue
        if line.words == 0:
            why = "no words"
        elif line.words <= 2 and line.digits > 0.3:
            why = "number or counter"
        else:
            why = known[line.text] if line.text in known else furniture(line.text, line.words, line.lower)
            known[line.text] = why
            if why is None and line.text[-1] == ":" and _COMMENTER.match(line.text):
                why = "comment header"
            elif why is None and i in notices:
                why = "site notice (cookies, privacy, legal)"
            elif why is None and seen[line.key] >= REPEATS and line.words <= 6 and not line.sentence_end:
                v.repeated.add(i)  # weak evidence: costs like furniture, kept between paragraphs
        section = sections.get(i) if line.words <= 10 else None
        if section is None and line.words <= 4 and line.lower in authors:
            section, why = "related", "author box"
        if section:
            v.sections[i] = section
            why = why or ("related links header" if section == "related" else "comments")
        if why:
            v.cls[i], v.why[i] = BAD, why


def _galleries(lines: list[Line], v: Verdict) -> None:
    """A photo gallery copied as text: '1/50 United goin down', its caption,
    '2/50 Star Wars boosts economy', ... Slide counters out of one total, at
    least GALLERY_SLIDES of them in rising order, mark a slideshow; the counters
    and the captions between them (and under the last one) are the gallery's,
    not the article's, however much prose a caption holds."""
    counters: dict[int, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        if line.words <= TEASER_HEAD_WORDS and line.text[:1].isdigit():
            m = _SLIDE.match(line.text)
            if m and 0 < int(m.group(1)) <= int(m.group(2)):
                counters.setdefault(int(m.group(2)), []).append((i, int(m.group(1))))
    for total, found in counters.items():
        numbers = [n for _, n in found]
        if total < GALLERY_SLIDES or len(set(numbers)) < GALLERY_SLIDES or numbers != sorted(numbers):
            continue
        first, last = found[0][0], found[-1][0]
        end = last + 1
        while end < len(lines) and end <= last + 1 + (v.why[end] is not None):
            end += 1  # the last slide's caption (and its credit)
        while end < len(lines) and v.why[end] == "photo caption or credit":
            end += 1
        for j in range(first, end):
            if v.why[j] is None or j in (n for n, _ in found):
                v.cls[j], v.why[j] = BAD, "photo gallery"


def _captions(lines: list[Line], v: Verdict) -> None:
    """A line glued (no blank line) to the photo credit under it is that
    photo's caption; so are the lines after a 'Key points' header up to the
    next blank line (a summary box above the article)."""
    for i in range(1, len(lines)):
        if v.why[i] == "photo caption or credit" and not lines[i].gap_before and v.why[i - 1] is None \
                and lines[i - 1].words <= CAPTION_WORDS:
            v.cls[i - 1], v.why[i - 1] = BAD, "photo caption or credit"
    for i in range(1, len(lines)):
        # 'Headline / Its first words, cut off… Read more': the headline goes with it.
        if v.why[i] == "teaser for another story" and v.why[i - 1] is None and not lines[i - 1].sentence_end \
                and lines[i - 1].words <= TEASER_HEAD_WORDS:
            v.cls[i - 1], v.why[i - 1] = BAD, "teaser for another story"
    for i in range(2, len(lines)):
        if v.why[i] != "navigation" or not _READ_MORE.match(lines[i].text):
            continue
        # 'Headline / Its first words, cut off / Read more': a teaser for another story.
        if v.why[i - 1] is None and not lines[i - 1].sentence_end and lines[i - 1].words >= 8:
            v.cls[i - 1], v.why[i - 1] = BAD, "teaser for another story"
            if v.why[i - 2] is None and not lines[i - 2].sentence_end and lines[i - 2].words <= 20:
                v.cls[i - 2], v.why[i - 2] = BAD, "teaser for another story"
        # A card: 'Headline / Its summary. / Read now', no blank line between.
        elif not lines[i].gap_before and not lines[i - 1].gap_before and lines[i - 2].gap_before \
                and v.why[i - 1] is None and v.why[i - 2] is None and lines[i - 1].words <= CARD_WORDS \
                and not lines[i - 2].sentence_end and lines[i - 2].words <= 20:
            for k in (i - 2, i - 1):
                v.cls[k], v.why[k] = BAD, "teaser for another story"
    for i, section in v.sections.items():
        # The headlines listed right under 'Related articles', up to the next blank line.
        j = i + 1
        while section == "related" and j < min(len(lines), i + 1 + RELATED_ITEMS) and not lines[j].gap_before \
                and 4 <= lines[j].words and (lines[j].words <= 20 and not lines[j].sentence_end
                                             or lines[j].words <= RELATED_CARD_WORDS and i > 0 and lines[i].gap_before):
            if any(v.why[k] in _BYLINES for k in range(j + 1, min(len(lines), j + 1 + BYLINE_REACH))):
                break  # a headline over a byline or dateline: the article's own header ('Up next:' above it)
            if v.why[j] is None:
                v.cls[j], v.why[j] = BAD, "related link"
            j += 1
    i = 0
    while i < len(lines):
        if lines[i].words <= 3 and _SUMMARY.match(lines[i].text):
            v.cls[i], v.why[i] = BAD, "summary box above the article"
            j = i + 1
            while j < len(lines) and not lines[j].gap_before:
                v.cls[j], v.why[j] = BAD, v.why[j] or "summary box above the article"
                j += 1
            i = j  # the box is cut to its end: no line is looked at twice
        else:
            i += 1


def _menu_like(line: Line) -> bool:
    return line.words <= 15 and not line.sentence_end and line.clauses <= 3


def _menus(lines: list[Line], v: Verdict) -> None:
    """Runs of short non-sentence lines with no blank line inside: navigation,
    tag lists, 'most read' headlines. A run hanging off a paragraph or a
    subheading, with items of several words, is a list in the text instead."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j not in v.listed and _menu_like(lines[j]) \
                and v.why[j] in (None, "few function words (names, tags or links)") \
                and (j == i or not lines[j].gap_before) and (j == i or not lines[j].text.endswith(":")):
            j += 1  # a line ending in ':' announces a list of its own: it starts a new run
        if j - i >= MENU_RUN:
            if _attached_list(lines, v, i, j) or _wrapped(lines, i, j):
                for k in range(i, j):
                    v.cls[k], v.why[k] = NEAR, None
                    v.listed.add(k)
            else:
                for k in range(i, j):
                    v.cls[k], v.why[k] = BAD, "menu or link list"
        i = max(j, i + 1)


def _wrapped(lines: list[Line], i: int, j: int) -> bool:
    """Prose hard-wrapped at a fixed width (a plain-text document, an RFC, a
    mail archive): the lines but the last fill the width to within a fifth and
    read like prose (function words), unlike menu items of every length."""
    width = max(len(lines[k].text) for k in range(i, j))
    if not WRAP_MIN <= width <= WRAP_MAX:
        return False
    full = sum(1 for k in range(i, j - 1) if len(lines[k].text) >= WRAP_FILL * width)
    stop = sum(lines[k].stop for k in range(i, j)) / (j - i)
    return 3 * full >= 2 * (j - 1 - i) and stop >= STOP_HIGH


def _attached_list(lines: list[Line], v: Verdict, i: int, j: int) -> bool:
    # 'What you'll need:' announces a list, whatever its items look like.
    if lines[i].text.endswith(":") or (i > 0 and lines[i - 1].text.endswith(":") and v.why[i - 1] is None):
        return True
    mean = sum(lines[k].words for k in range(i, j)) / (j - i)
    if mean < LIST_WORDS:
        return False
    before = i - 1
    # A subheading between the paragraph and the list ('Tour dates') is fine.
    if before >= 1 and v.cls[before] == SHORT and v.why[before] is None and lines[before].words <= 8:
        before -= 1
    elif all(_headline_case(lines[k].text) for k in range(i, j)):
        return False  # headlines in title case right under a paragraph: links to other stories
    return before >= 0 and v.cls[before] == GOOD and v.why[before] is None


def _headline_case(text: str) -> bool:
    """'11 Fascinating Facts About Our Milky Way Galaxy': most words capitalised."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _code_blocks(lines: list[Line], v: Verdict) -> None:
    """Runs of program code right after a paragraph or a line ending in ':'
    (a blog post showing code): text, shown preformatted.

    Only runs that start right after such a line count, so only those places
    are examined (the regexes never see the rest of a long input)."""
    def code_like(k: int) -> bool:
        if not (v.why[k] is None or v.why[k] in _CODE_SOFT):
            return False
        text = lines[k].text
        return (_CODE_CHARS.search(text) is not None and _CODE.search(text) is not None) \
            or _SQL.match(text) is not None or _BOX.search(text) is not None

    def goes_on(k: int) -> bool:
        # A short line glued to the code above ('n,', 'bounds;', ')'): part of the listing.
        line = lines[k]
        return not line.gap_before and line.words <= CODE_TAIL_WORDS and (v.why[k] is None or v.why[k] in _CODE_SOFT) \
            and not (line.sentence_end and line.stop >= 0.3 and line.words >= 4)

    done = 0  # lines before this belong to a run already examined
    for i in range(1, len(lines)):
        if i < done or v.why[i - 1] is not None or not (v.cls[i - 1] == GOOD or lines[i - 1].text.endswith(":")):
            continue
        if not code_like(i) or code_like(i - 1):  # not the first line of a run
            continue
        j = i + 1
        while j < len(lines) and (code_like(j) or goes_on(j)):
            j += 1
        if j - i >= CODE_RUN:
            for k in range(i, j):
                v.cls[k], v.why[k] = NEAR, None
                v.listed.add(k)
                v.code.add(k)
        done = j


def _tweet_signatures(lines: list[Line], v: Verdict) -> None:
    """'— Jane Doe (@jane) October 9, 2018' closes a tweet embedded in the text:
    it goes with the text around it (near-good: kept beside a paragraph)."""
    for i, line in enumerate(lines):
        if line.text[0] in "—–-" and line.words <= TWEET_WORDS and (v.why[i] is None or v.why[i] in _SOFT) \
                and _TWEET_SIGNATURE.match(line.text):
            v.cls[i], v.why[i] = NEAR, None
            v.listed.add(i)


def _bullet_lists(lines: list[Line], v: Verdict) -> None:
    """Three or more lines in a row that open with the same bullet ('• ', '+ ',
    '- ', '* '): a list typed into the text, not a menu."""
    i = 0
    while i < len(lines):
        mark = lines[i].text[:2]
        j = i
        while j < len(lines) and lines[j].text[:2] == mark and mark in _BULLETS \
                and (v.why[j] is None or v.why[j] in _SOFT + ("menu or link list",)):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                v.cls[k], v.why[k] = NEAR, None
                v.listed.add(k)
        i = max(j, i + 1)


def _labelled_lists(lines: list[Line], v: Verdict) -> None:
    """'Path A: Iceland, ...' / 'Path B: Bosnia and Herzegovina, ...' right
    under a line of the text ending in ':': items of a list the text announced,
    however few function words they have (names of teams, places, people)."""
    def labelled(k: int) -> bool:
        m = _LABELLED.match(lines[k].text)
        return m is not None and len(m.group(0).split(":")[0].split()) <= LABEL_WORDS \
            and (v.why[k] is None or v.why[k] in _SOFT + ("menu or link list",))

    for i in range(1, len(lines)):
        if not (lines[i - 1].text.endswith(":") and v.why[i - 1] is None and labelled(i)):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].gap_before and labelled(j):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                v.cls[k], v.why[k] = NEAR, None
                v.listed.add(k)


def _numbered_lists(lines: list[Line], v: Verdict) -> None:
    """'1) ...', '2) ...', '3) ...': items numbered in sequence are text, and
    so are the short lines between them (a link under each item)."""
    items = [(i, int(m.group(1))) for i, line in enumerate(lines)
             if line.text[0] in _DIGITS_OR_PAREN and (m := _NUMBERED.match(line.text)) and v.why[i] in (None, "menu or link list",
                                                                 "few function words (names, tags or links)")]
    run: list[int] = []
    for (a, n), nxt in zip(items, items[1:] + [(None, None)]):
        run.append(a)
        b, m = nxt
        if b is not None and m == n + 1 and b - a <= 3:
            continue
        if len(run) >= 3:
            for k in range(run[0], run[-1] + 2):
                if k < len(lines) and (k in run or v.why[k] in (None, "menu or link list")):
                    v.cls[k], v.why[k] = NEAR, None
                    v.listed.add(k)
        run = []


def _by_content(line: Line, by_punct: bool) -> str:
    """jusText's classes from length and stopword density (or punctuation).
    A long line in capitals without a full stop is a headline link, not text."""
    if line.words >= CAPS_LINK_WORDS and not line.sentence_end and line.text[-1] != ":" \
            and (line.upper or _mostly_capitals(line.text)):
        return BAD
    if by_punct:  # no stoplist: a full stop marks prose, commas or pauses half so
        stop = 0.3 if line.sentence_end or line.sentences else (0.15 if line.clauses else 0.0)
    else:
        stop = line.stop
    if line.words >= GOOD_WORDS:
        if stop >= STOP_HIGH or (line.sentences >= 2 and stop >= STOP_LOW):
            return GOOD
        return NEAR if stop >= STOP_LOW else BAD
    if line.words >= NEAR_WORDS:
        if stop >= STOP_LOW and (line.sentence_end or line.clauses):
            return NEAR
        return SHORT if stop >= STOP_LOW else BAD
    return SHORT


def _mostly_capitals(text: str) -> bool:
    """'TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAs': capitals but for a word or two."""
    if text.islower() or not text[:1].isupper() or not text[1:2].isupper():
        return False  # cheap: most lines fail here
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters)


def _keep_all_text(lines: list[Line], v: Verdict) -> None:
    """No paragraph of prose anywhere (a tiny or odd page): keep every line
    that is not known furniture rather than return nothing."""
    for i in range(len(lines)):
        if v.why[i] is None or v.why[i] in ("menu or link list", "few function words (names, tags or links)"):
            v.cls[i], v.why[i] = GOOD, None
    v.start, v.end = 0, len(lines)
    v.no_prose = True


def _neighbours(v: Verdict, skip: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """For each line of the body, the class of the nearest line before and
    after it whose class is not in `skip` (BAD past the edges); linear time."""
    n = len(v.cls)
    before, after = [BAD] * n, [BAD] * n
    last = BAD
    for i in range(v.start, v.end):
        before[i] = last
        if v.cls[i] not in skip:
            last = v.cls[i]
    last = BAD
    for i in range(v.end - 1, v.start - 1, -1):
        after[i] = last
        if v.cls[i] not in skip:
            last = v.cls[i]
    return before, after


def _smooth(lines: list[Line], v: Verdict) -> None:
    """Inside the body: jusText's context rules for short and near-good lines.
    Outside it everything goes, with the side it was on as the reason."""
    new = list(v.cls)
    prev_text, next_text = _neighbours(v, (SHORT, NEAR))  # nearest good or bad
    prev_any, next_any = _neighbours(v, (SHORT,))  # nearest not short
    for i in range(v.start, v.end):
        c = v.cls[i]
        prev, nxt = prev_text[i], next_text[i]
        if c == SHORT:
            if prev == GOOD or nxt == GOOD:
                near = (prev == BAD and prev_any[i] == NEAR) or (nxt == BAD and next_any[i] == NEAR)
                new[i] = GOOD if (prev == nxt == GOOD or i in v.listed or near) else BAD
            else:
                new[i] = BAD
            if new[i] == BAD and v.why[i] is None:
                v.why[i] = "repeated on the page" if i in v.repeated else "short line at the edge of the text"
        elif c == NEAR:
            new[i] = BAD if prev == nxt == BAD else GOOD
            if new[i] == BAD and v.why[i] is None:
                v.why[i] = "short text among page furniture"
    for i in range(len(lines)):
        if not v.start <= i < v.end:
            new[i] = BAD
            if v.why[i] is None and i in v.repeated:
                v.why[i] = "repeated on the page"
            elif v.why[i] is None:
                v.why[i] = "before the article" if i < v.start else "after the article"
    v.cls = new
