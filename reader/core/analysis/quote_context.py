"""What every speaker decision looks up in one document: which entity a
token belongs to, which tokens lie inside quotation marks, the sentences,
and names as the text writes them."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..models import Entity
from .layout import Layout

# Nouns for what someone issued: 'the statement said' speaks for its author.
DOCUMENT_NOUNS = frozenset("""
statement report release letter memo filing complaint tweet post email brief ad advertisement
article study survey poll lawsuit suit order ruling decision document message video
communique note notice announcement transcript website site blog editorial column
comment remark speech
""".split())
# Organisations named by a common noun ('the campaign said ... it calls').
GROUP_NOUNS = frozenset("""
campaign company committee government ministry department agency party administration council
commission court board group organization organisation union firm bank newspaper network
office team foundation institute university school police army military embassy
""".split())
# Role nouns that the text may attach to a name ('Mayor Bill de Blasio' ... 'the mayor').
ROLE_NOUNS = frozenset("""
president minister mayor governor senator congressman congresswoman representative secretary
chairman chairwoman chair spokesman spokeswoman spokesperson ambassador envoy chancellor
premier king queen prince judge attorney lawyer director chief commissioner leader candidate
nominee official prosecutor general sheriff officer executive ceo founder author
""".split())
_FEMALE_TITLES = {"mrs", "ms", "miss", "madam", "mrs.", "ms.", "lady", "queen", "princess"}
_MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince"}


@dataclass
class Context:
    """Per-document lookups shared by every quote: which entity a token
    belongs to, which tokens sit inside quotation marks."""

    doc: Any
    layout: Layout
    entities: list[Entity]
    quoted: list[int] = field(default_factory=list)  # token index -> segment id or -1
    entity_of: dict[int, Entity] = field(default_factory=dict)  # token index -> entity
    gender: dict[str, str] = field(default_factory=dict)  # entity name -> 'm' / 'f'
    sents: list[Any] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # (first, last token, entity)
    resolved: dict[tuple[int, str | None], str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Any, layout: Layout, entities: list[Entity],
              spans: list[tuple[int, int]]) -> "Context":
        ctx = cls(doc, layout, entities)
        ctx.quoted = quoted_tokens(doc, spans)
        ctx.entity_of = _entity_tokens(doc, layout, entities)
        ctx.gender = _genders(doc, ctx.entity_of)
        ctx.mentions = _mention_runs(ctx.entity_of)
        ctx.sents = [part for sent in doc.sents for part in _by_block(doc, layout, sent)]
        ctx.sent_starts = [s.start_char for s in ctx.sents]
        return ctx

    def sentences(self, start: int, end: int) -> list[Any]:
        """The sentences overlapping the characters [start, end)."""
        first = max(0, bisect.bisect_right(self.sent_starts, start) - 1)
        last = bisect.bisect_left(self.sent_starts, end)
        return [s for s in self.sents[first:last] if s.end_char > start]

    def sentences_before(self, offset: int, count: int) -> list[Any]:
        """Up to `count` sentences starting before `offset`, in text order."""
        last = bisect.bisect_left(self.sent_starts, offset)
        return self.sents[max(0, last - count):last]

    def mentions_in(self, first: int, end: int) -> list[tuple[int, int, Entity]]:
        """Entity mentions whose first token lies in tokens [first, end)."""
        lo = bisect.bisect_left(self.mentions, (first, -1))
        hi = bisect.bisect_left(self.mentions, (end, -1))
        return self.mentions[lo:hi]

    def in_quote(self, token: Any) -> bool:
        return self.quoted[token.i] >= 0


def _by_block(doc: Any, layout: Layout, sent: Any) -> list[Any]:
    """A sentence the parser ran across a paragraph break, cut at the break
    (a paragraph never continues the sentence before it)."""
    if "\n\n" not in sent.text.rstrip():  # (a sentence ending a paragraph holds the break after it)
        return [sent]
    parts, start, block = [], sent.start, layout.block_of(sent.start_char)
    for tok in sent:
        if tok.is_space:
            continue
        here = layout.block_of(tok.idx)
        if here != block:
            if tok.i > start:
                parts.append(doc[start:tok.i])
            start, block = tok.i, here
    parts.append(doc[start:sent.end])
    return parts


def quoted_tokens(doc: Any, spans: list[tuple[int, int]]) -> list[int]:
    """Token index -> the index of the quotation (marks included) it lies in."""
    out = [-1] * len(doc)
    starts = token_starts(doc)
    for k, (start, end) in enumerate(spans):
        i = bisect.bisect_left(starts, start - 1)
        while i < len(doc) and starts[i] <= end:
            out[i] = k
            i += 1
    return out


def _entity_tokens(doc: Any, layout: Layout, entities: list[Entity]) -> dict[int, Entity]:
    out: dict[int, Entity] = {}
    for entity in entities:
        for m in entity.mentions:
            start = layout.starts[m.block] + m.start
            span = doc.char_span(start, layout.starts[m.block] + m.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    out.setdefault(token.i, entity)
    return out


def _mention_runs(entity_of: dict[int, Entity]) -> list[tuple[int, int, Entity]]:
    runs: list[tuple[int, int, Entity]] = []
    for i in sorted(entity_of):
        if runs and runs[-1][1] == i - 1 and runs[-1][2] is entity_of[i]:
            runs[-1] = (runs[-1][0], i, runs[-1][2])
        else:
            runs.append((i, i, entity_of[i]))
    return runs


def _genders(doc: Any, entity_of: dict[int, Entity]) -> dict[str, str]:
    """Gender the text itself gives a person: 'Mrs. Clinton', 'Mr. Trump'."""
    out: dict[str, str] = {}
    for i, entity in entity_of.items():
        if entity.type != "PERSON" or i == 0 or entity_of.get(i - 1) is entity:
            continue
        title = doc[i - 1].lower_
        if title in _FEMALE_TITLES:
            out.setdefault(entity.name, "f")
        elif title in _MALE_TITLES:
            out.setdefault(entity.name, "m")
    return out


def prefer_full_person(ctx: Context, entity: Entity) -> Entity:
    """A one-word row that is the surname of a PERSON row means that person."""
    if " " in entity.name or entity.type == "PERSON":
        return entity
    return person_by_surname(ctx, entity.name) or entity


def person_by_surname(ctx: Context, word: str) -> Entity | None:
    fits = [e for e in ctx.entities if e.type == "PERSON" and e.name.split()[-1] == word]
    return fits[0] if len(fits) == 1 else None


def noun_phrase(ctx: Context, token: Any) -> str | None:
    """The subject as written, from its first word to its head (plus 'for X'
    after a role noun), without leading articles."""
    doc = ctx.doc
    start, end = token.left_edge.i, token.i + 1
    if token.lemma_.lower() in ROLE_NOUNS or token.lemma_.lower() in GROUP_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with") and child.i > token.i:
                end = max(end, child.right_edge.i + 1)
    while start < end and (doc[start].dep_ in ("det", "punct", "cc", "preconj") or doc[start].is_punct
                           or doc[start].lower_ in ("a", "an", "the") or doc[start].ent_type_ in ("TIME", "DATE")):
        start += 1
    if start >= end or token.ent_type_ in ("TIME", "DATE"):
        return None
    phrase = doc[start:end].text.strip(" ,\"“”'")
    return " ".join(phrase.split()) or None


def token_starts(doc: Any) -> list[int]:
    """Character offset of every token (kept on the Doc: making spaCy tokens is slow)."""
    starts = doc.user_data.get("reader_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.to_array(["IDX"]).tolist()
        doc.user_data["reader_token_starts"] = starts
    return starts
