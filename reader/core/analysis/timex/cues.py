"""Words that place an expression in time: relative units ('last week'), the
direction of 'last'/'next' and of the tense, quarters, halves and seasons.
Shared by calendar_expr.py (days and months) and periods.py (longer spans)."""
from __future__ import annotations

import re

from .normalise import Context

QUARTER = re.compile(r"\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?"
                     r"quarter|\bq([1-4])\b|\b([1-4])q\b")
HALF = re.compile(r"\b(first|second|latter|last|back|front)\s+half\b|\bh([12])\b")
SEASON = re.compile(r"\b(spring|summer|fall|autumn|winter)\b")
REL_UNIT = re.compile(
    r"\b(this past|this coming|this|last|next|past|coming|previous|following|current|present|latest|upcoming|"
    r"preceding|same|prior|that|the|most recent|recent)\s+(?:full\s+)?"
    r"(?:(?:fiscal|calendar|financial|school|academic)\s+)?"
    r"(day|weekend|week|month|quarter|period|year|decade|century|fortnight)\b")
EDGE_UNIT = re.compile(r"\b(?:year|month|week|quarter)[-\s]end\b|\byear's end\b|\bmid-?year\b|"
                       r"\b(?:early|late|mid|earlier|later|sometime)\s+(?:in\s+)?(?:the\s+)?(day|week|month|year)\b")
YEAR_AGO = re.compile(r"\byear[-\s](?:ago|earlier|before)\b|\b(?:a|one) year (?:ago|earlier)\b|\blast year\b"
                      r"|\bprevious year\b|\bcorresponding\b|\bcomparable\b")
# How many units a relative word moves from its base.
DELTA = {"this": 0, "current": 0, "present": 0, "same": 0, "that": 0, "the": 0, "this past": -1,
         "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "latest": -1,
         "most recent": -1, "recent": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
         "this coming": 1}
# Words whose base is the last value mentioned, not the publication day.
ANAPHORIC = ("previous", "following", "same", "that", "preceding", "prior")
GRAN = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "period": "Q",
        "year": "Y", "decade": "DE", "century": "CE", "fortnight": "W"}
_RELATIVE_YEAR = re.compile(r"\b(this|last|next|that|the previous|the following|the same|the current|the present|"
                            r"the past)\s+(?:fiscal\s+|calendar\s+)?year\b")


def relative_year(low: str, ctx: Context) -> int | None:
    """The year of 'this year', 'last year', 'that year', 'the following year'."""
    match = _RELATIVE_YEAR.search(low)
    if not match:
        return None
    word = match.group(1).replace("the ", "")
    if word in ("that", "same", "previous", "following") and ctx.anchor is not None:
        base = ctx.anchor.day.year
    elif ctx.reference is not None:
        base = ctx.reference.year
    else:
        return None
    return base + DELTA.get(word, 0)


def direction(low: str, ctx: Context, default: int = -1) -> int:
    """-1 back, +1 forward, 0 nearest: from the words first, then the tense."""
    if re.search(r"\b(?:last|past|previous|preceding|this past|earlier)\b", low):
        return -1
    if re.search(r"\b(?:next|coming|following|upcoming|this coming)\b", low):
        return 1
    return {"past": -1, "future": 1}.get(ctx.tense, default)
