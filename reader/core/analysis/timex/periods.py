"""Periods without a month: quarters, halves, seasons, years, and relative units
('last week', 'the following year', 'the year-ago quarter') resolved against
the reference day or, when the words point back ('that', 'the following'),
against the last value mentioned."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import quarter, shift, weekday_near
from .cues import ANAPHORIC, DELTA, EDGE_UNIT, GRAN, HALF, QUARTER, REL_UNIT, SEASON, YEAR_AGO, relative_year
from .lexicon import SEASONS
from .normalise import Context
from .values import Point

_QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                   "fourth": 4, "4th": 4, "final": 4, "last": 4}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def period(low: str, year: int | None, ctx: Context) -> Point | str | None:
    for reader in (_quarter, _half, _season):
        found = reader(low, year, ctx)
        if found is not None:
            return found
    if year is not None:
        return _in_year(low, year, ctx)
    year_rel = relative_year(low, ctx)
    if year_rel is not None and not re.search(r"\b(?:quarter|period)\b", low):
        return Point(date(year_rel, 1, 1), "Y")
    return _relative(low, ctx)


def _in_year(low: str, year: int, ctx: Context) -> Point:
    """An explicit year; 'the 1988 period' after a quarter is that quarter in 1988."""
    anchor = ctx.anchor
    if re.search(r"\b(?:period|quarter)\b", low) and anchor is not None and anchor.granularity in ("Q", "H"):
        return Point(anchor.day.replace(year=year), anchor.granularity)
    return Point(date(year, 1, 1), "Y")


_RESULTS_DAYS = 45
# "will report fourth-quarter results": the figures of a period that has begun (or is over)
_RESULTS = re.compile(r"\s*(?:'s\s+)?(?:net\s+|operating\s+|financial\s+)?(?:results|earnings|profits?|loss(?:es)?|"
                      r"figures|numbers|sales|revenues?|income|report)\b", re.I)


def _pick_year(ctx: Context, start_month: int, low: str, months: int = 3) -> int | None:
    """The year of a quarter/half/season named without one: the latest that has
    begun by the reference, or, in a future clause, the next that is not over."""
    ref = ctx.reference
    if ref is None:
        return None
    begun = ref.year if date(ref.year, start_month, 1) <= ref else ref.year - 1
    if re.search(r"\b(?:next|coming|upcoming)\b", low):
        return begun + 1 if shift(date(begun, start_month, 1), "M", months) <= ref else begun
    if ctx.tense == "future" and not _RESULTS.match(ctx.after):
        # the one under way or the next; the last one only if it ended just now
        # (its results are still to come: "will report fourth-quarter results")
        ended = (ref - shift(date(begun, start_month, 1), "M", months)).days
        return begun + 1 if ended > _RESULTS_DAYS else begun
    return begun


def _quarter(low: str, year: int | None, ctx: Context) -> Point | None:
    match = QUARTER.search(low)
    if not match:
        return None
    if match.group(1) in ("last", "final") and not re.search(r"\bthe\b|\bof\b|'s\b", low):
        return None  # "last quarter" is the one before this, not the fourth
    number = _QUARTER_NUMBER.get(match.group(1) or "") or int(match.group(2) or match.group(3) or 0)
    if not number:
        return None
    explicit = year or relative_year(low, ctx)
    if explicit is None:
        explicit = _pick_year(ctx, 3 * number - 2, low)
        if explicit is None:
            return None
        if YEAR_AGO.search(low):
            explicit -= 1
    return Point(date(explicit, 3 * number - 2, 1), "Q")


def _half(low: str, year: int | None, ctx: Context) -> Point | None:
    match = HALF.search(low)
    if not match:
        return None
    if re.search(r"\b(?:decade|century|\d0s)\b", low):
        return None
    number = 1 if (match.group(1) in ("first", "front") or match.group(2) == "1") else 2
    explicit = year or relative_year(low, ctx)
    if explicit is None:
        explicit = _pick_year(ctx, 6 * number - 5, low, 6)
    return None if explicit is None else Point(date(explicit, 6 * number - 5, 1), "H")


def _season(low: str, year: int | None, ctx: Context) -> Point | None:
    match = SEASON.search(low)
    if not match:
        return None
    code = SEASONS[match.group(1)]
    explicit = year or relative_year(low, ctx)
    back = re.search(r"\b(that|the same|the following|the next|the previous|the preceding)\s+(?:spring|summer|fall|autumn|winter)", low)
    if explicit is None and back and ctx.anchor is not None and ctx.anchor.granularity not in ("DE", "CE"):
        explicit = ctx.anchor.day.year + {"the following": 1, "the next": 1, "the previous": -1,
                                           "the preceding": -1}.get(back.group(1), 0)
    if explicit is None:
        ref = ctx.reference
        if ref is None:
            return None
        start = _SEASON_START[code]
        current = ref.year if start <= ref.month or code == "WI" and ref.month <= 2 else ref.year - 1
        if code == "WI" and ref.month <= 2:
            current = ref.year - 1
        if re.search(r"\b(?:last|past|previous)\b", low):
            explicit = current if date(current, start, 1) <= ref - timedelta(days=92) else current - 1
        elif re.search(r"\bnext\b|\bcoming\b", low):
            explicit = current + 1
        elif re.search(r"\bthis\b", low):
            explicit = ref.year
        elif ctx.tense == "future" and current < ref.year:
            explicit = ref.year
        else:
            explicit = current
    return Point(date(explicit, _SEASON_START[code] % 12 + 1, 1), "S", code)


def _relative(low: str, ctx: Context) -> Point | str | None:
    if re.search(r"year[-\s](?:ago|earlier)|\b(?:corresponding|comparable)\b", low):
        return _year_ago(ctx, quarter_only=bool(re.search(r"\b(?:quarter|period)\b", low)))
    if re.search(r"\b(?:this|last|next) year's (?:fiscal )?(?:quarter|period)$", low):
        return _relative_quarter("the", "quarter", low, ctx)   # "last year's quarter" is a quarter
    match = REL_UNIT.search(low)
    if match:
        return _relative_unit(match.group(1), match.group(2), low, ctx)
    match = EDGE_UNIT.search(low)
    if match and ctx.reference is not None:
        unit = match.group(1) or low.split("-")[0].split()[-1].replace("year's", "year").replace("mid", "year")
        granularity = GRAN.get(unit.strip(), "Y")
        base = ctx.anchor if unit == "day" and ctx.anchor is not None and ctx.anchor.granularity == "D" else Point(ctx.reference, "D")
        return Point(base.day, granularity)
    return None


def _relative_unit(word: str, unit: str, low: str, ctx: Context) -> Point | str | None:
    granularity = GRAN[unit]
    anchor = ctx.anchor
    if unit in ("quarter", "period"):
        return _relative_quarter(word, unit, low, ctx)
    delta = DELTA.get(word, 0)
    anaphoric = (word in ANAPHORIC or word == "the" and unit != "weekend" or unit == "day" and re.search(r"\bthe next\b", low)) and not (
        unit == "year" and re.search(r"\bfull\b", low))   # "the full year": the current one, whatever was told
    around = re.search(r"\b(?:day|week|month|year) (before|after)$", low)
    if around:                            # "the day before": one unit from the day being told
        delta = -1 if around.group(1) == "before" else 1
    if anaphoric and anchor is not None and _usable_anchor(anchor, granularity):
        base = anchor.day
    elif ctx.reference is not None:
        base = ctx.reference
    else:
        return None
    if word == "the" and unit == "year" and re.search(r"\bfull\b", low):
        delta = 0
    if granularity == "WE":
        return _weekend(base, word, ctx)
    moved = shift(base, "W" if granularity == "W" else granularity if granularity in ("M", "Y", "DE", "CE") else "D", delta)
    return Point(moved, granularity)


def _usable_anchor(anchor: Point, granularity: str) -> bool:
    """An anchor can stand for 'that day' only if it is a day, 'that year' if it is
    at most a year, and so on."""
    order = ["D", "W", "WE", "M", "S", "Q", "H", "Y", "DE", "CE"]
    return order.index(anchor.granularity) <= order.index(granularity)


def _weekend(base: date, word: str, ctx: Context) -> Point:
    if word in ("last", "past", "previous", "this past") or (word in ("the", "this") and ctx.tense == "past") or (
            word == "the" and not ctx.tense):   # "Over the weekend, Trump assailed ...": the last one
        saturday = weekday_near(base - timedelta(days=1), 6, -1)
        if base.isoweekday() in (6, 7) and word in ("the", "this"):
            saturday = weekday_near(base, 6, -1)
    else:
        saturday = weekday_near(base, 6, 1) if base.isoweekday() < 6 else weekday_near(base, 6, -1)
        if word in ("next", "coming", "following"):
            saturday = weekday_near(base + timedelta(days=1), 6, 1)
    return Point(saturday, "WE")


def _relative_quarter(word: str, unit: str, low: str, ctx: Context) -> Point | None:
    anchor = ctx.anchor
    ref = ctx.reference
    if YEAR_AGO.search(low) and not re.search(r"\blast year's\b", low) or re.search(r"year-(?:ago|earlier)", low):
        return _year_ago(ctx, quarter_only=True)
    current = Point(date(ref.year, 3 * quarter(ref) - 2, 1), "Q") if ref else None
    if re.search(r"\blast year's\b", low) and current is not None:
        base = anchor if anchor is not None and anchor.granularity == "Q" else current.moved("Q", -1)
        return base.moved("Y", -1) if base.day.year >= ref.year else base
    if word in ("this", "current", "present"):
        return current
    if word in ("next", "coming", "upcoming"):
        return current.moved("Q", 1) if current else None
    if word in ("previous", "preceding", "prior") and anchor is not None and anchor.granularity == "Q":
        return anchor.moved("Q", -1)
    if word in ("following",) and anchor is not None and anchor.granularity == "Q":
        return anchor.moved("Q", 1)
    if word in ("the", "that", "same") and anchor is not None and anchor.granularity in ("Q", "H", "M") and (
            unit == "period" or anchor.granularity == "Q"):
        return anchor
    if unit == "period" and word not in ("latest", "most recent"):
        return None  # "its current period of consolidation" is no quarter
    return current.moved("Q", -1) if current else None


def _year_ago(ctx: Context, quarter_only: bool = False) -> Point | None:
    anchor, ref = ctx.anchor, ctx.reference
    if anchor is not None and anchor.granularity in ("Q", "H", "M", "S"):
        if quarter_only and anchor.granularity != "Q":
            anchor = Point(date(anchor.day.year, 3 * quarter(anchor.day) - 2, 1), "Q")
        return anchor.moved("Y", -1)
    if ref is None:
        return None
    if quarter_only:
        return Point(date(ref.year, 3 * quarter(ref) - 2, 1), "Q").moved("Q", -1).moved("Y", -1)
    return Point(date(ref.year - 1, 1, 1), "Y")
