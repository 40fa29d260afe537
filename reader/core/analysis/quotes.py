"""Quotes: text inside quotation marks, attributed to the subject of a
speech verb ('said', 'told', 'added', 'according to') beside it."""
from __future__ import annotations

import re
from typing import Any

from ..models import Entity, Quote
from .layout import Layout

SPEECH_VERBS = {
    "say", "tell", "add", "write", "state", "declare", "announce", "explain", "insist",
    "claim", "warn", "note", "argue", "describe", "ask", "reply", "respond", "continue",
    "acknowledge", "admit", "recall", "suggest", "tweet", "post", "call", "urge",
}
_QUOTED = re.compile(r"“([^”]{2,2000}?)”|\"([^\"\n]{2,2000}?)\"|«\s?([^»]{2,2000}?)\s?»|„([^“”]{2,2000}?)[“”]")
_PRONOUNS = {"he", "she", "they", "i", "we"}
MIN_QUOTE_WORDS = 4  # shorter quoted strings are usually scare quotes or titles


def find_quotes(doc: Any, layout: Layout, entities: list[Entity]) -> list[Quote]:
    owner = _owner_index(entities, layout)
    quotes: list[Quote] = []
    for match in _QUOTED.finditer(layout.text):
        group = next(i for i in range(1, 5) if match.group(i) is not None)
        start, end = match.span(group)
        text = layout.text[start:end].rstrip(" ,")
        end = start + len(text)
        if len(text.split()) < MIN_QUOTE_WORDS:
            continue
        mention = layout.locate(start, end)
        if mention is None:
            continue
        speaker = _speaker(doc, start, end, owner)
        quotes.append(Quote(text, speaker, "direct", mention.block, mention.start, mention.end))
    return quotes


def _owner_index(entities: list[Entity], layout: Layout) -> dict[int, str]:
    """Global start offset of each entity mention -> the entity's row name."""
    index: dict[int, str] = {}
    for entity in entities:
        for m in entity.mentions:
            index[layout.starts[m.block] + m.start] = entity.name
    return index


def _speaker(doc: Any, start: int, end: int, owner: dict[int, str]) -> str | None:
    sentences = _nearby_sentences(doc, start, end)
    for sent in sentences:
        for token in sent:
            if start <= token.idx < end or token.lemma_ not in SPEECH_VERBS:
                continue
            subject = _subject(token)
            if subject is not None:
                return _name_for(subject, doc, owner)
    return None


def _nearby_sentences(doc: Any, start: int, end: int) -> list[Any]:
    inside = [s for s in doc.sents if s.end_char > start - 2 and s.start_char < end + 2]
    after = [s for s in doc.sents if s.start_char >= end][:1]
    return inside + after


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("advcl", "ccomp", "conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head) if verb.head.lemma_ in SPEECH_VERBS else None
    return None


def _name_for(token: Any, doc: Any, owner: dict[int, str]) -> str | None:
    if token.lower_ in _PRONOUNS:
        return _last_person_before(doc, token.idx, owner)
    for t in token.subtree:
        if t.idx in owner:
            return owner[t.idx]
    phrase = doc[token.left_edge.i: token.right_edge.i + 1].text
    return phrase if phrase and phrase[0].isupper() else None


def _last_person_before(doc: Any, offset: int, owner: dict[int, str]) -> str | None:
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char < offset]
    for ent in reversed(people):
        if ent.start_char in owner:
            return owner[ent.start_char]
    return None
