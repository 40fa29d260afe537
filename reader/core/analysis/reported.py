"""Reported speech: 'Kuleba said Russia had appealed to North Korea ...'
-> a quote of kind 'reported' whose text is the clause the speech verb
introduces, outside quotation marks, with the verb's subject as speaker."""
from __future__ import annotations

from typing import Any

from ..models import Quote
from .cues import REPORTING_VERBS, subject_of
from .quote_context import Context
from .speakers import speaker_name

def find_reported(ctx: Context) -> list[Quote]:
    """'X said (that) CLAUSE' outside quotation marks -> a reported quote
    whose text is the clause."""
    out: list[Quote] = []
    for token in ctx.doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in REPORTING_VERBS or ctx.in_quote(token):
            continue
        clause = next((c for c in token.rights if c.dep_ == "ccomp"), None)  # the first is what was said
        quote = _reported(ctx, token, clause) if clause is not None else None
        if quote is not None:
            out.append(quote)
    return out


def _reported(ctx: Context, cue: Any, clause: Any) -> Quote | None:
    doc = ctx.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "\"”’'":
        end -= 1
    span = doc[start:end]
    if len(span) < 3:
        return None
    quoted = sum(ctx.in_quote(t) for t in span)
    if quoted >= 0.6 * len(span):
        return None  # a direct quotation ('“...,” he said')
    mention = ctx.layout.locate(span.start_char, span.end_char)
    if mention is None:
        return None
    speaker = speaker_name(ctx, subject_of(cue, ctx.in_quote))
    return Quote(span.text, speaker, "reported", mention.block, mention.start, mention.end)
