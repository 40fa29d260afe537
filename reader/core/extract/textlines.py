"""Copied page text split into lines, each measured once.

A browser's select-all copy puts one line per block element and a blank line
around each <p>, so body paragraphs usually stand between blank lines while
menus and link lists are runs of single lines. Each Line records that and the
cheap text features the classifier reasons with: length, stopword density,
sentence punctuation, capitalisation."""
from __future__ import annotations

from .. import fastre as re  # the stdlib re; compiled patterns kept across launches (perf)


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
_SENT_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$|[\"”»]$")
_SENT_INNER = re.compile(r"[.!?。！？]['\"”’»)]?\s+\S")
_BYLINE_START = re.compile(r"(?:by|von|par|por|di|door|av|от|oleh)\b", re.I)
# Words and numbers, lower-cased: "don't", "covid", "2019" ('_' and punctuation split).
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TOKEN_NO_UNDERSCORE = re.compile(r"\w+(?:['’]\w+)*")  # the same tokens where no '_' is; \w tests faster
_STOPS = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»)]")
# Runs of whitespace other than a single space, within a line (str.split()'s whitespace).
_SPACES = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")
_NO_VOCAB: frozenset[str] = frozenset()
# A longer line (no paragraph is; a 5 MB line without breaks is) is measured
# on its first this many characters: its features are what they are there.
MEASURE_CHARS = 50_000
_CLAUSE_CJK = re.compile(r"[，、；：]|(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")  # a space between Chinese characters is a pause too


class Line:
    """One non-empty line of the input and what we measured on it.

    `split_lines` sets the text and the gaps; `measure` sets every feature
    (a plain slotted class: three assignments per line instead of thirteen,
    which counts on inputs of 200,000 lines)."""

    __slots__ = ("text", "gap_before", "gap_after", "words", "chars", "stop", "sentence_end", "sentences",
                 "clauses", "upper", "digits", "key", "vocab", "lower")
    text: str
    gap_before: bool  # a blank line (or the start of the text) precedes it
    gap_after: bool
    words: int  # word count; CJK text counts ~2 characters as a word
    chars: int
    stop: float  # share of words that are stopwords
    sentence_end: bool
    sentences: int  # sentence breaks inside the line, plus a final one
    clauses: int  # commas, semicolons, colons
    upper: bool  # written ALL IN CAPITALS
    digits: float  # share of characters that are digits
    key: str  # normalised text, for spotting repeats
    vocab: frozenset[str]  # content words (topic), for lines of 5+ words
    lower: str  # the text lower-cased (of a very long line, its first MEASURE_CHARS characters)

    def __init__(self, text: str, gap_before: bool, gap_after: bool) -> None:
        self.text, self.gap_before, self.gap_after = text, gap_before, gap_after

    def __repr__(self) -> str:
        return f"Line({self.text[:60]!r}, words={getattr(self, 'words', '?')})"


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with whitespace collapsed; blank lines become gap flags."""
    return to_lines(raw_lines(text))


def raw_lines(text: str) -> list[str]:
    """The input's lines with runs of whitespace collapsed to one space (not
    stripped; blank lines are '' or ' '). One pass in C, not a split per line."""
    return _SPACES.sub(" ", text).split("\n")


def to_lines(parts: list[str]) -> list[Line]:
    """`raw_lines` output as Lines: stripped, blank ones turned into gap flags,
    wrapped paragraphs rejoined."""
    lines: list[Line] = []
    gap = True
    for part in parts:
        if part[:1] == " " or part[-1:] == " ":
            part = part.strip(" ")
        if not part:
            gap = True
            continue
        if gap and lines:
            lines[-1].gap_after = True
        lines.append(Line(part, gap, False))
        gap = False
    if lines:
        lines[-1].gap_after = True
    return _join_wrapped(lines)


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Rejoin a paragraph broken over several lines (<br> line breaks, hard
    wrapping): the next line starts in lower case, this one does not end a
    sentence, and there is no blank line between them."""
    out: list[Line] = []
    parts: list[list[str]] = []  # pieces of each output line, joined once at the end
    spaces = 0  # spaces in the output line being built
    for line in lines:
        text = line.text
        # The cheap tests first: most lines fail one of them.
        if out and not line.gap_before and spaces >= 3 and text[0].islower() and _continues(parts[-1][-1], spaces, text):
            parts[-1].append(text)
            spaces += 1 + text.count(" ")
            out[-1].gap_after = line.gap_after
        else:
            out.append(line)
            parts.append([text])
            spaces = text.count(" ")
    for line, pieces in zip(out, parts):
        if len(pieces) > 1:
            line.text = " ".join(pieces)
    return out


def _continues(prev: str, spaces: int, text: str) -> bool:
    """`prev`: the last line joined so far; `spaces`: spaces in the whole of it."""
    first = text[0]
    if not (first.isalpha() and first.islower()) or prev[-1] in ".!?:;…。！？\"”»)]":
        return False
    if _BYLINE_START.match(text):
        return False
    return spaces >= 3 and spaces + text.count(" ") >= 5


def measure(lines: list[Line], stopwords: frozenset[str]) -> None:
    """Fill in the features of every line (in place)."""
    is_stop = stopwords.__contains__
    for line in lines:
        line.chars = len(line.text)
        last = line.text[-1]
        text = line.text if line.chars <= MEASURE_CHARS else line.text[:MEASURE_CHARS]
        line.lower = lower = text.lower()
        tokens = _TOKEN_NO_UNDERSCORE.findall(lower) if "_" not in lower else _TOKEN.findall(lower)
        words = [t for t in tokens if not t[0].isdigit()]
        cjk = len(_CJK_CHAR.findall(text)) if not text.isascii() and _CJK_CHAR.search(text) else 0
        n = len(words)
        line.words = n + cjk // 2 if cjk else n
        line.stop = sum(map(is_stop, words)) / n if n else 0.0
        line.upper = n > 0 and not cjk and text.isupper() and len(text) >= 4
        line.sentence_end = end = last in _STOPS or (last in _CLOSERS and _SENT_END.search(line.text[-12:]) is not None)
        line.sentences = (len(_SENT_INNER.findall(text)) if n >= 8 else 0) + end
        clauses = text.count(",") + text.count(";") + text.count(":")
        line.clauses = clauses + len(_CLAUSE_CJK.findall(text)) if cjk else clauses
        line.digits = sum(len(t) for t in tokens if t[0].isdigit()) / len(text) if n < len(tokens) else 0.0
        line.key = " ".join(tokens).replace("’", "'")  # the same text with either apostrophe repeats
        line.vocab = _content_words(text, words, stopwords, cjk) if line.words >= 5 else _NO_VOCAB


def _content_words(text: str, words: list[str], stopwords: frozenset[str], cjk: int) -> frozenset[str]:
    """Words that carry the topic: not stopwords, 3+ letters; for Chinese and
    Japanese, pairs of adjacent characters."""
    if cjk:
        chars = _CJK_CHAR.findall(text)
        return frozenset(a + b for a, b in zip(chars, chars[1:]))
    return frozenset(w for w in words if len(w) >= 3 and w not in stopwords)
