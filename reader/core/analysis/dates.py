"""Dates: every time expression in the body with a TIMEX3-style value resolved
against the publication date ('Wednesday' -> '2022-07-13', 'last month' ->
'2022-06', 'three years' -> 'P3Y').

Spans come from the rule-based recogniser (timex/recognise.py), topped up with
spaCy's DATE/TIME entities the rules missed; the parse supplies the tense that
decides which way a bare weekday or month points; each value may anchor the
next ('the third quarter' ... 'a year earlier')."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..models import DateRef
from .layout import Layout
from .timex import Context, Point, Span, Timex, looks_like_name, normalise, not_a_time, parse_value, recognise

# Words spaCy puts at the edges of DATE spans that TimeML leaves outside.
_LEAD = re.compile(r"^(?:(?:just|only|barely|both|between|from|since|until|through|by|in|on|at|for|"
                   r"during|within|about|around|over|of|and|or|to|as|early as|as early as|as late as|"
                   r"sometime|some|an?)\s+)+", re.I)
_TRAIL = re.compile(r"(?:\s+(?:and|or|to|through|until)(?:\s+\S+)?|'s|’s|,)$", re.I)
_AGE = re.compile(r"\b(?:years?|months?|weeks?|days?)[\s-]+old\b|\baged?\b", re.I)
# Frequency words TimeML corpora rarely mark ('annual report', 'quarterly dividend').
_FREQUENCY = re.compile(r"daily|weekly|monthly|yearly|annual|annually|quarterly|hourly|nightly", re.I)
# "since March", "back in March": the last one, whatever the verb
_SINCE = re.compile(r"\b(?:since|back in|as early as|as long ago as)\s+$", re.I)
_BARE_PART = re.compile(r"morning|afternoon|evening|night|day", re.I)   # "night sweats"
# "the year", "the fiscal year": the year being told only if it was named just before
_BARE_UNIT = re.compile(r"the\s+(?:full\s+)?(?:fiscal\s+|calendar\s+)?(?:year|month|week|day)", re.I)
_BARE_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")     # "see 1:48": a video timestamp, a score
_ENDED = re.compile(r"^\s*(?:,\s*)?(?:that\s+)?(?:ended|ending|ends|through|to\s+date)\b", re.I)


def find_dates(doc: Any, layout: Layout, reference: datetime | None) -> list[DateRef]:
    """Every date/time expression in the analysed text, in order, with its value."""
    text = layout.text
    spans = _merge(_outside_names(_rule_spans(layout), doc), _model_spans(doc, text))
    ref_day = reference.date() if reference is not None else _latest_explicit_day(spans, text)
    out: list[DateRef] = []
    anchor: Point | None = None
    sentence_of = _sentence_index(doc, layout)
    last_sentence = -1
    for index, span in enumerate(spans):
        sentence = sentence_of(span.start)
        tense = "past" if _SINCE.search(text[max(0, span.start - 20):span.start]) else _tense(doc, span.start, span.end)
        if tense == "present" and _headline(layout, span.start):
            tense = "headline"             # "Senate Passes Bill Tuesday": the nearest one, not a schedule
        expression = text[span.start:span.end]
        stale = sentence - last_sentence > 1 and _BARE_UNIT.fullmatch(expression)
        ctx = Context(ref_day, tense, None if stale else anchor, text[span.end:span.end + 40],
                      sentence == last_sentence)
        day_after = _day_after(spans, index, text, ctx)
        if day_after is not None:          # "midnight on March 31": the clock's day comes next
            timex = normalise(expression, Context(ref_day, tense, day_after, ctx.after))
        else:
            timex = _resolve(text[span.start:span.end], ctx, sentence == last_sentence)
        if timex is None or timex.kind == "set" and _adjective(doc, span) or _game_period(doc, span, text):
            continue
        mention = layout.locate(span.start, span.end)
        if mention is None:
            continue
        out.append(DateRef(text[span.start:span.end], timex.value, timex.kind,
                           mention.block, mention.start, mention.end))
        point = parse_value(timex.value) if timex.kind in ("date", "time") else None
        if point is not None and day_after is None and not _ANAPHORIC.search(text[span.start:span.end]):
            anchor, last_sentence = point, sentence
    return out


# Expressions resolved through the anchor (or through the reference by an offset)
# do not become the anchor themselves: "the third quarter ... a year ago ...
# a year earlier" both point back to the third quarter.
_ANAPHORIC = re.compile(r"\b(?:earlier|later|before|after|ago|year-ago|year-earlier|previous|following|"
                        r"same|that|corresponding|comparable|then)\b|^the\s+(?:quarter|period|year|month|"
                        r"week|day|fiscal\s+year)$", re.I)


def _headline(layout: Layout, offset: int) -> bool:
    """A short line without a full stop: a headline or a heading, whose present
    tense tells news (recent or coming), not a schedule."""
    block = layout.block_of(offset)
    line = layout.text[layout.starts[block]:layout.starts[block] + layout.lengths[block]].strip()
    return len(line.split()) <= 20 and not re.search(r"[.!?:;,\"”’)]$", line)


_CLOCK_ONLY = re.compile(r"(?:(?:about|around|approximately|roughly|shortly before|shortly after|just before|"
                         r"just after|at)\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?|\d{1,2}[:.]\d\d|noon|midnight|"
                         r"\d{1,2} o'clock)(?:\s+[A-Za-z]{1,4}|\s+local time|\s+\w+ time)*", re.I)
_CLOCK_GAP = re.compile(r"\s*(?:,\s*)?(?:\([^()\n]{0,24}\)\s*)?(?:,\s*)?(?:on\s+|of\s+)?")


def _day_after(spans: list[Span], index: int, text: str, ctx: Context) -> Point | None:
    """The day a bare clock time belongs to when that day is named right after it
    ('6 a.m. local time (0400 GMT) on Thursday')."""
    span = spans[index]
    if index + 1 >= len(spans) or not _CLOCK_ONLY.fullmatch(text[span.start:span.end]):
        return None
    following = spans[index + 1]
    if not _CLOCK_GAP.fullmatch(text[span.end:following.start]):
        return None
    timex = normalise(text[following.start:following.end], ctx)
    point = parse_value(timex.value) if timex is not None and timex.kind in ("date", "time") else None
    return Point(point.day, "D") if point is not None and point.granularity == "D" else None


def _rule_spans(layout: Layout) -> list[Span]:
    """The recogniser's spans, block by block so none crosses a paragraph break."""
    out = []
    for start, length in zip(layout.starts, layout.lengths):
        out += [Span(start + s.start, start + s.end, s.rule) for s in recognise(layout.text[start:start + length])]
    return out


def _latest_explicit_day(spans: list[Span], text: str) -> date | None:
    """Without a publication date, the latest full date the article gives
    ('March 3, 2021') stands in for it: news is written close to its last date."""
    days = []
    for span in spans:
        timex = normalise(text[span.start:span.end], Context())
        point = parse_value(timex.value) if timex is not None else None
        if point is not None and point.granularity == "D":
            days.append(point.day)
    return max(days) if days else None


def _resolve(expression: str, ctx: Context, same_sentence: bool) -> Timex | None:
    """normalise() plus the few readings that need the surrounding words."""
    anaphoric = re.match(r"(?:in\s+)?the\b", expression, re.I)
    if not same_sentence and not anaphoric and ctx.anchor is not None and ctx.anchor.granularity == "D":
        # a bare clock time takes its day from a date earlier in its own sentence only
        clock_ctx = Context(ctx.reference, ctx.tense, None, ctx.after)
    else:
        clock_ctx = ctx
    timex = normalise(expression, ctx)
    if timex is not None and timex.kind == "time" and not re.search(
            r"\b(?:today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"night|\d{4})\b", expression, re.I):
        timex = normalise(expression, clock_ctx)
    if timex is None:
        return None
    low = expression.lower()
    if timex.kind == "date" and _ENDED.match(ctx.after) and re.fullmatch(
            r"(?:the |its |their )?(?:fiscal |financial )?(?:full )?year", low):
        return Timex("duration", "P1Y")
    return timex


_QUARTER_ONLY = re.compile(r"(?:the\s+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|(?:the\s+)?(?:first|second)\s+half", re.I)
_GAME = re.compile(r"\b(?:touchdowns?|halftime|half-time|innings?|quarterback|field goals?|free throws?|rebounds?|"
                   r"interceptions?|fumbled?|overtime|three-pointers?|layups?|power play|penalty kicks?|scored|kick-?off|"
                   r"stoppage time|extra time|"
                   r"\d+-\d+ (?:win|loss|lead|victory|defeat)|(?:scored|scoring) \d+ points)\b", re.I)


def _game_period(doc: Any, span: Span, text: str) -> bool:
    """'24 points in the third quarter': a period of a game, not of a year."""
    if not _QUARTER_ONLY.fullmatch(text[span.start:span.end]):
        return False
    sentence = text[max(0, span.start - 150):span.end + 150]
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is not None and doc.has_annotation("SENT_START"):
        sentence = tokens.sent.text
    return bool(_GAME.search(sentence))


def _adjective(doc: Any, span: Span) -> bool:
    """'daily volume', 'weekly magazine': a frequency adjective, not a time expression."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens is not None and len(tokens) == 1 and tokens[0].pos_ == "ADJ" and tokens[0].dep_ == "amod"


# --- spans -----------------------------------------------------------------------
def _model_spans(doc: Any, text: str) -> list[Span]:
    """spaCy DATE/TIME entities, trimmed to TimeML extents."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        piece = text[start:end]
        lead = _LEAD.match(piece)
        if lead:
            start += lead.end()
        while True:
            trail = _TRAIL.search(text[start:end])
            if not trail or trail.start() == 0:
                break
            end = start + trail.start()
        piece = text[start:end]
        if end > start and not (_AGE.search(piece) or _FREQUENCY.fullmatch(piece) or _BARE_CLOCK.fullmatch(piece)
                                or _BARE_PART.fullmatch(piece) or looks_like_name(text, start, end)
                                or not_a_time(text, start, end)):
            spans.append(Span(start, end, "model"))
    return spans


# Entities a year or a time word can be part of without being a date
# ("Football Manager 2020", "Sony Now", "Euro 2020").
_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "ORG", "LAW", "FAC", "PERSON", "MONEY", "PERCENT", "QUANTITY"}


def _outside_names(spans: list[Span], doc: Any) -> list[Span]:
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS]
    text = doc.text
    return [s for s in spans if not any(a <= s.start and s.end <= b and not _after_possessive(text, a, s)
                                        and not (s.start == a and s.end == b and s.rule in _UNAMBIGUOUS)
                                        for a, b in names)]


# Forms that are a date whatever the parser calls them ("Q3" read as a PERSON); a
# month name alone ("June") is not among them.
_UNAMBIGUOUS = {"quarter", "month_day", "day_month", "iso_date", "us_date", "clock", "clock+day"}


def _after_possessive(text: str, name_start: int, span: Span) -> bool:
    """'Trump's July 25 call' read as one name: a full date after a possessive is a date."""
    return span.rule in ("month_day", "day_month", "iso_date", "us_date") and bool(
        re.search(r"\w['’]s\s+$", text[name_start:span.start]))


def _merge(rules: list[Span], model: list[Span]) -> list[Span]:
    """Rule spans first; a model span only where no rule span overlaps it."""
    out = list(rules)
    for span in model:
        if all(span.end <= r.start or span.start >= r.end for r in rules):
            out.append(span)
    out.sort(key=lambda s: s.start)
    return out


# --- tense -------------------------------------------------------------------------
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_FUTURE_VERBS = {"plan", "expect", "intend", "schedule", "set", "due", "hope", "aim", "want", "seek",
                 "prepare", "propose", "try", "going", "slate", "anticipate", "project", "forecast",
                 "need", "promise", "threaten", "pledge", "vow"}
# Words between a date and its verb that point it forward ("payable Dec. 1").
_FUTURE_WORDS = {"payable", "effective", "due", "expire", "expires", "expiring", "expiration",
                 "scheduled", "slated", "planned", "upcoming"}
_MODALS = {"would", "could", "should", "may", "might", "must", "can"}


def _tense(doc: Any, start: int, end: int) -> str:
    """past | present | future | '' for the clause the expression sits in."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    verb = span.root
    forward = through_noun = False
    for _ in range(8):
        forward = forward or verb.lower_ in _FUTURE_WORDS
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "amod":
            break
        if verb.head is verb:
            return ""
        verb = verb.head
        through_noun = through_noun or verb.pos_ in ("NOUN", "PROPN") and not (span.start <= verb.i < span.end)
    if verb.pos_ not in ("VERB", "AUX"):
        return "future" if forward else ""
    tense = _verb_tense(verb, 0)
    if forward and not _past_perfect(verb):
        return "future"
    if span.root.dep_ == "poss" and tense in ("present", "future") and not (
            {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} & (_FUTURE_AUX | _MODALS)):
        return "past"      # "follows Tuesday's declaration": an event already reported
    if _postponed_until(span):
        return "future"    # "the meeting was postponed until Thursday": later than the news
    if tense == "present" and through_noun:
        return ""          # "what we know about the visit on Saturday": the noun's time, not the verb's
    return tense


_POSTPONE = {"postpone", "delay", "adjourn", "defer", "reschedule", "push", "put", "move", "extend", "suspend"}


def _postponed_until(span: Any) -> bool:
    head = span.root.head
    return (head.lower_ in ("until", "till", "to") and head.dep_ == "prep" and head.head.lemma_ in _POSTPONE)


def _past_perfect(verb: Any) -> bool:
    """'had been due to expire Friday': the plan and its date are both past."""
    for token in (verb, verb.head):
        if any(c.lower_ == "had" for c in token.children if c.dep_ in ("aux", "auxpass")):
            return True
    return False


def _verb_tense(verb: Any, depth: int) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VBN" and verb.lemma_ in _FUTURE_VERBS and words & {"is", "are", "be", "'s", "'re"}:
        return "future"                    # "is expected in December", "are scheduled to"
    if "to" in words or verb.tag_ == "VB" and not words & _MODALS:
        parent = verb.head
        if parent is not verb and depth < 3:
            if parent.lemma_ in _FUTURE_VERBS and _past_perfect(parent):
                return "past"              # "had been scheduled to expire at midnight Friday"
            if parent.lemma_ in _FUTURE_VERBS and parent.tag_ != "VBD" or parent.lemma_ == "be" and parent.tag_ in ("VBZ", "VBP"):
                return "future"
            if parent.lemma_ in _FUTURE_VERBS:
                return ""                  # "planned to open in May": the plan is past, the date either way
            if parent.pos_ in ("VERB", "AUX", "ADJ"):
                return _verb_tense(parent, depth + 1)
            if "to" in words:
                return "future"            # "guidelines to be published in November"
    if words & _MODALS:
        return "future"
    if verb.tag_ == "VBG" and not words and verb.head is not verb and depth < 3:
        return _verb_tense(verb.head, depth + 1)   # "..., increasing reserves": the main verb's
    if verb.tag_ == "VBP" and not aux and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children):
        return "past"                      # "Weakness ... hurt the composite": no -s, so not present
    if verb.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am"}:
        if verb.tag_ == "VBG" and words & {"was", "were"}:
            return "past"
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl"):
        return "past"                      # "the company, founded in March"
    return ""


def _sentence_index(doc: Any, layout: Layout):
    """offset -> index of the sentence it falls in; a block break always ends a
    sentence (a heading or a dateline the parser ran into the next paragraph)."""
    starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    starts = sorted(set(starts) | set(layout.starts))

    def index(offset: int) -> int:
        import bisect

        return bisect.bisect_right(starts, offset) - 1

    return index
