"""Copied page text split into lines, each measured once.

A browser's select-all copy puts one line per block element and a blank line
around each <p>, so body paragraphs usually stand between blank lines while
menus and link lists are runs of single lines. Each Line records that and the
cheap text features the classifier reasons with: length, stopword density,
sentence punctuation, capitalisation."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .stoplists import WORD

_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
_SENT_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$|[\"”»]$")
_SENT_INNER = re.compile(r"[.!?。！？]['\"”’»)]?\s+\S")
_CLAUSE = re.compile(r"[,;:，、；]")
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Line:
    """One non-empty line of the input and what we measured on it."""

    text: str
    gap_before: bool  # a blank line (or the start of the text) precedes it
    gap_after: bool
    words: int = 0  # word count; CJK text counts ~2 characters as a word
    chars: int = 0
    stop: float = 0.0  # share of words that are stopwords
    sentence_end: bool = False
    sentences: int = 0  # sentence breaks inside the line, plus a final one
    clauses: int = 0  # commas, semicolons, colons
    caps: float = 0.0  # share of words (after the first) that start upper-case
    upper: bool = False  # written ALL IN CAPITALS
    digits: float = 0.0  # share of characters that are digits
    key: str = ""  # normalised text, for spotting repeats


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with whitespace collapsed; blank lines become gap flags."""
    raw = text.split("\n")
    lines: list[Line] = []
    gap = True
    for part in raw:
        line = " ".join(part.split())
        if not line:
            gap = True
            if lines:
                lines[-1].gap_after = True
            continue
        lines.append(Line(line, gap_before=gap, gap_after=False))
        gap = False
    if lines:
        lines[-1].gap_after = True
    return lines


def measure(lines: list[Line], stopwords: frozenset[str]) -> None:
    """Fill in the features of every line (in place)."""
    for line in lines:
        text = line.text
        words = WORD.findall(text)
        cjk = len(_CJK_CHAR.findall(text)) if not text.isascii() else 0
        n = len(words)
        line.chars = len(text)
        line.words = n + cjk // 2 if cjk else n
        if n:
            lower = [w.lower() for w in words]
            line.stop = sum(w in stopwords for w in lower) / n
            tail = words[1:]
            if tail:
                line.caps = sum(w[0].isupper() for w in tail) / len(tail)
        letters = [c for c in text if c.isalpha()]
        line.upper = len(letters) >= 4 and all(not c.islower() for c in letters) and not cjk
        line.sentence_end = bool(_SENT_END.search(text))
        line.sentences = len(_SENT_INNER.findall(text)) + line.sentence_end
        line.clauses = len(_CLAUSE.findall(text))
        line.digits = len(_DIGIT.findall(text)) / len(text)
        line.key = " ".join(w.lower() for w in words) if words else text.lower()
