"""Entity mentions: spaCy's name spans cleaned up, plus the mentions it missed.

A spaCy span is trimmed to the name itself (no 'the', no possessive, no title,
no page furniture glued on by a dash), split where it runs across several
names, and dropped when it is not a name at all (a nationality adjective, a
'pro-Russia' modifier, a capitalised common word at the start of a sentence).
Names the article uses elsewhere, acronyms it defines, and well-known places
are then found again where spaCy left them untagged."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import gazetteer as gz

TYPE_OF_LABEL = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
# Labels whose spans are kept only when the gazetteer knows the name
# (spaCy calls 'Telegram' a PRODUCT, 'Kyiv' sometimes NORP).
_RESCUE_LABELS = {"PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_SPLIT_PUNCT = {"-", "–", "—", ",", ":", ";", "|", "/", "(", ")", "[", "]", "•", "·", "+"}
_MODIFIER_PREFIX = re.compile(r"^(?:pro|anti|non|ex|post|pre)[-–]", re.I)
# All-capital words that are not names (spaCy tags some of them as places or orgs).
_NOT_NAMES = frozenset("""
AI EV EVS CEO CFO COO CTO GDP COVID COVID-19 TV PC USB GPS SUV DNA RNA IPO VR AR OK PM AM ET PT EST
GMT UTC IST BST CET FAQ PDF HTML API LED LCD HD 4K 5G 3D LOL OMG RSS URL SMS IT HR PR QR ID
""".split())


@dataclass
class Span:
    """One mention: global character offsets, token range, surface text,
    spaCy's type vote (None when found by our own matching) and context evidence."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    label: str | None
    evidence: Counter = field(default_factory=Counter)
    headline: bool = False


def spacy_spans(doc: Any) -> list[Span]:
    """spaCy's PERSON/GPE/LOC/FAC/ORG spans, cleaned and filtered."""
    spans = []
    for ent in doc.ents:
        label = TYPE_OF_LABEL.get(ent.label_)
        if label is None and ent.label_ not in _RESCUE_LABELS:
            continue
        for start, end, title in _pieces(doc, ent.start, ent.end):
            text = doc[start:end].text
            if label is None and not (gz.place_kind(text) or text.lower() in gz.known_orgs()):
                continue
            span = _make(doc, start, end, label)
            if title:
                span.evidence["PERSON"] += 3
            if _is_name(doc, span):
                spans.append(span)
    return spans


def _make(doc: Any, start: int, end: int, label: str | None) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span(first.idx, last.idx + len(last.text), start, end, doc[start:end].text, label)


def _pieces(doc: Any, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a token range at spaced punctuation and stray lower-case words,
    trim each piece; -> (start, end, had a person title) triples."""
    pieces, begin = [], start
    for i in range(start, end + 1):
        if i == end or _breaks(doc, i, start):
            if i > begin:
                pieces.append(_trim(doc, begin, i))
            begin = i + 1
    return [p for p in pieces if p]


def _breaks(doc: Any, i: int, start: int) -> bool:
    tok = doc[i]
    if "\n" in tok.text or (tok.text in _SPLIT_PUNCT and (tok.whitespace_ or doc[i - 1].whitespace_)):
        return True
    if tok.text in ("(", ")", "[", "]", "|", "•", "·"):
        return True
    word = tok.text
    return (i > start and word[:1].islower() and word.isalpha() and bool(doc[i - 1].whitespace_)
            and word.lower() not in gz.CONNECTORS and word.lower() not in gz.ORG_HEADS)


def _trim(doc: Any, start: int, end: int) -> tuple[int, int, bool] | None:
    """Drop a leading 'the', titles and trailing possessive or punctuation."""
    title = False
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    while start < end:
        low = doc[start].lower_
        if low == "the" or doc[start].is_punct:
            start += 1
        elif low in gz.PERSON_TITLES and low not in gz.NAME_TITLES and end - start > 1 \
                and doc[start + 1].text[:1].isupper():
            start += 1
            title = True
        else:
            break
    if start >= end:
        return None
    return start, end, title


def _is_name(doc: Any, span: Span) -> bool:
    text = span.text
    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    if _MODIFIER_PREFIX.match(text) or text.lower() in gz.CHROME or text.upper() in _NOT_NAMES:
        return False
    if not any(c.isalpha() for c in text) or len(text) < 2:
        return False
    after = doc[span.tok_end] if span.tok_end < len(doc) else None
    if after is not None and after.text in ("-", "–") and not after.whitespace_ \
            and span.tok_end + 1 < len(doc) and doc[span.tok_end + 1].lower_ in ("backed", "led", "based", "controlled", "aligned", "linked", "allied", "friendly", "occupied", "held", "leaning", "made", "style", "born"):
        # 'Russia-backed forces', 'Kyiv-based': a modifier; keep only known places
        return bool(gz.place_kind(text))
    if span.tok_end - span.tok_start == 1:
        return _single_word_is_name(doc, doc[span.tok_start])
    return True


def _single_word_is_name(doc: Any, tok: Any) -> bool:
    """A one-word span is a name unless it is a stop word or a capitalised
    common word at the start of a sentence."""
    if tok.is_stop and not tok.text.isupper():
        return False
    if gz.place_kind(tok.text) or tok.lower_ in gz.known_orgs():
        return True
    if _sentence_initial(doc, tok):
        return tok.pos_ == "PROPN" and tok.lower_ not in _lower_words(doc)
    return True


def _sentence_initial(doc: Any, tok: Any) -> bool:
    i = tok.i
    while i > 0 and (doc[i - 1].is_punct or doc[i - 1].is_space) and doc[i - 1].text not in (",", ";"):
        i -= 1
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text


def _lower_words(doc: Any) -> set[str]:
    cached = doc.user_data.get("reader_lower_words")
    if cached is None:
        cached = {t.text for t in doc if t.text[:1].islower()}
        doc.user_data["reader_lower_words"] = cached
    return cached


def ministry_spans(doc: Any, taken: set[int]) -> list[Span]:
    """'the Ukrainian foreign ministry': a nationality adjective, lower-case
    modifiers and 'ministry' name an organisation spaCy does not tag."""
    spans = []
    for tok in doc:
        if tok.lower_ not in ("ministry", "foreign office") or tok.text[:1].isupper() or tok.i in taken:
            continue
        i = tok.i - 1
        while i >= 0 and doc[i].text.islower() and doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and doc[i].i not in taken:
            i -= 1
        if i >= 0 and i < tok.i - 1 and doc[i].ent_type_ == "NORP" and doc[i].text[:1].isupper() \
                and not doc[i].text.lower().startswith(("pro-", "anti-")):
            span = _make(doc, i, tok.i + 1, "ORG")
            span.evidence["ORG"] += 4
            spans.append(span)
    return spans


def find_again(doc: Any, names: dict[tuple[str, ...], str | None], taken: set[int]) -> list[Span]:
    """Untagged occurrences of known names (token sequences -> label or None)
    and of gazetteer places, where the words stand alone as a name."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    spans, i, n = [], 0, len(doc)
    while i < n:
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper():
            i += 1
            continue
        match = _match_at(doc, i, by_first.get(tok.text, ()), taken)
        label = names.get(match) if match else None
        if match is None:
            match = _place_at(doc, i, taken)
        if match and _stands_alone(doc, i, i + len(match)):
            span = _make(doc, i, i + len(match), None)
            if label:
                span.evidence[label] += 0.5
            spans.append(span)
            i += len(match)
        else:
            i += 1
    return spans


def _match_at(doc: Any, i: int, candidates: Any, taken: set[int]) -> tuple[str, ...] | None:
    for words in candidates:
        end = i + len(words)
        if end <= len(doc) and all(doc[i + k].text == w and i + k not in taken for k, w in enumerate(words)):
            return words
    return None


def _place_at(doc: Any, i: int, taken: set[int]) -> tuple[str, ...] | None:
    for size in (3, 2, 1):
        end = i + size
        if end > len(doc) or any(k in taken for k in range(i, end)):
            continue
        text = doc[i:end].text
        if gz.place_kind(text) in gz.FINDABLE_PLACE_KINDS and doc[i:end].text == " ".join(t.text for t in doc[i:end]):
            return tuple(t.text for t in doc[i:end])
    return None


def _stands_alone(doc: Any, start: int, end: int) -> bool:
    """Not glued to a bigger capitalised name on either side, and not a
    sentence-initial common word."""
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" \
            and "\n" not in doc[end - 1].whitespace_:
        return False
    if start > 0:
        prev = doc[start - 1]
        if prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.lower_ not in gz.PERSON_TITLES \
                and prev.ent_type_ != "NORP" and not _sentence_initial(doc, prev):
            return False
        if prev.text in ("-", "–") and not prev.whitespace_ and start > 1 and doc[start - 2].lower_ in ("pro", "anti"):
            return False
    if end < len(doc) and doc[end].text in ("-", "–") and not doc[end].whitespace_:
        return False
    if end - start == 1:
        return _single_word_is_name(doc, doc[start])
    return True


def add_context(doc: Any, span: Span) -> None:
    """Type evidence from the words around a mention: a title before it
    ('Minister Kuleba'), 'the peninsula of Crimea', 'the Donetsk region',
    'in Kyiv'."""
    before = doc[span.tok_start - 1] if span.tok_start > 0 else None
    if before is not None and before.lower_ in gz.PERSON_TITLES and before.text[:1].isupper():
        span.evidence["PERSON"] += 3
    if before is not None and before.lower_ == "of" and span.tok_start > 1 \
            and doc[span.tok_start - 2].lower_ in gz.PLACE_NOUNS:
        span.evidence["PLACE"] += 3
    if before is not None and before.lower_ in ("in", "near", "outside", "across", "throughout", "inside"):
        span.evidence["PLACE"] += 1
    root = doc[span.tok_start:span.tok_end].root
    if root.dep_ == "compound" and root.head.lower_ in gz.PLACE_NOUNS and root.head.i >= span.tok_end:
        span.evidence["PLACE"] += 2
