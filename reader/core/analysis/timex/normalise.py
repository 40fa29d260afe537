"""One time expression -> (kind, TIMEX3 value), given the publication day,
the tense of its clause and the last calendar value mentioned before it.

The readers are tried in order: fixed references ('now', 'recently'), sets
('every week'), offsets ('three years ago'), durations ('the past two
months'), then calendar expressions (calendar_expr.py)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from .lexicon import APPROX, DAY_PARTS, MONTHS, NUMBER, SEASONS, UNIT, VAGUE, WEEKDAYS, number_value
from .values import Point


@dataclass(frozen=True)
class Context:
    """What resolving an expression may look at besides its own words."""

    reference: date | None = None   # the publication day, in the article's time zone
    tense: str = ""                 # past | present | future | headline (a present in a headline) | "" (unknown)
    anchor: Point | None = None     # the last calendar value mentioned before it
    after: str = ""                 # the words right after it ("ended Sept. 30")
    near: bool = False              # the anchor was told in this sentence or the one before


@dataclass(frozen=True)
class Timex:
    kind: str            # date | time | duration | set
    value: str | None


PRESENT = {"now", "right now", "just now", "currently", "current", "presently", "nowadays",
           "at present", "these days", "at the moment", "for the moment", "the present",
           "this time", "today's", "the moment", "this crucial moment", "yet"}
PAST = {"recently", "recent", "lately", "more recently", "most recently", "the past",
        "the recent past", "previously", "formerly", "then current", "once", "earlier",
        "in the past", "this past", "the distant past", "a while ago", "a while back",
        "long ago", "some time ago", "sometime ago"}
FUTURE = {"the future", "future", "the near future", "the foreseeable future",
          "the distant future", "the immediate future", "the near term", "the short term",
          "the medium term", "the long term", "the long run", "the short run", "someday",
          "soon", "as soon as possible", "from time to time", "a later date",
          "the years ahead", "the years to come", "in the future", "in future"}
_UNIT_LETTER = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D",
                "week": "W", "fortnight": "W", "weekend": "WE", "month": "M", "quarter": "Q",
                "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
                "millennium": "ML", "millennia": "ML"}
_TIME_UNITS = ("S", "MIN", "H")


def normalise(text: str, ctx: Context = Context()) -> Timex | None:
    """(kind, value) for one expression; None when it is not one."""
    from .calendar_expr import calendar

    low = clean(text)
    if not low:
        return None
    for reader in (_reference, _set, _offset, _duration):
        found = reader(low, ctx)
        if found is not None:
            return found
    return calendar(low, ctx)


def clean(text: str) -> str:
    low = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    low = re.sub(r"\s+", " ", low).strip(" ,.;:")
    low = re.sub(r"'s$", "", low)
    return re.sub(r"^(?:the|a|an|its|their|his|her|our|that|this)\s+(?=\w+-(?:quarter|year|month|week|day|hour)\b)", "", low)


# --- fixed references --------------------------------------------------------
def _reference(low: str, ctx: Context) -> Timex | None:
    if low in PRESENT:
        return Timex("date", "PRESENT_REF")
    if low in PAST:
        return Timex("date", "PAST_REF")
    if low in FUTURE or low == "one day" and re.match(r"\s+(?:soon|we|they|he|she|it|i|you)\b", ctx.after, re.I):
        return Timex("date", "FUTURE_REF")
    if re.fullmatch(r"(?:the\s+)?(?:coming|future|upcoming)\s+(?:years|months|quarters|decades)", low):
        return Timex("date", "FUTURE_REF")
    recent = re.fullmatch(r"(?:in\s+)?(?:the\s+)?(?:more\s+)?recent\s+(years|months|weeks|days|decades|quarters)", low)
    if recent:                  # "in recent years": a span up to now of unknown length (TimeML PXY)
        return Timex("duration", duration_value(None, _unit_letter(recent.group(1))))
    if re.fullmatch(r"(?:in\s+)?(?:the\s+)?(?:more\s+)?recent\s+(?:times|weeks and months|months and years)", low):
        return Timex("date", "PAST_REF")
    if re.fullmatch(r"(?:the\s+)?(?:past|previous|prior)\s+(?:years|months|decades)", low):
        return Timex("date", "PAST_REF")
    return None


# --- sets --------------------------------------------------------------------
_ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
                "annually": "P1Y", "hourly": "PT1H"}
_SET = re.compile(rf"^(?:every|each|per)\s+(?:other\s+|single\s+)?(?:(?P<num>{NUMBER})\s+)?(?P<what>[a-z.]+?)s?$")
_TIMES = re.compile(r"^(?:once|twice|three times|four times|\d+ times)\s+(?:a|an|per|every)\s+(?P<what>\w+)$")


def _set(low: str, ctx: Context) -> Timex | None:
    if low in _ADVERB_SETS:
        return Timex("set", _ADVERB_SETS[low])
    match = _SET.match(low) or _TIMES.match(low)
    if match:
        what = match.group("what").rstrip(".")
        amount = number_value(match.groupdict().get("num") or "") or 1
        if what == "other":
            amount, what = 2, "day"
        return Timex("set", _set_value(what, int(amount)))
    plural = re.fullmatch(r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s"
                          r"(?:\s+(morning|afternoon|evening|night)s?)?", low)
    if plural:
        day = WEEKDAYS[plural.group(1)]
        part = DAY_PARTS.get(plural.group(2) or "")
        return Timex("set", f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))
    nights = re.fullmatch(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday) (morning|afternoon|evening|night)s", low)
    if nights:
        return Timex("set", f"XXXX-WXX-{WEEKDAYS[nights.group(1)]}T{DAY_PARTS[nights.group(2)]}")
    return None


def _set_value(what: str, amount: int) -> str | None:
    if what in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[what]}"
    if what in MONTHS:
        return f"XXXX-{MONTHS[what]:02d}"
    if what in SEASONS:
        return f"XXXX-{SEASONS[what]}"
    if what in DAY_PARTS:
        return f"XXXX-XX-XXT{DAY_PARTS[what]}"
    letter = _UNIT_LETTER.get(what)
    if letter is None:
        return None
    return duration_value(amount, letter)


# --- offsets from a reference: "three years ago", "a year earlier" ------------
_OFFSET = re.compile(
    rf"^(?:{APPROX}\s+)?(?:(?P<num>{NUMBER}|a|an|{VAGUE})(?:\s+(?:or|to)\s+(?:{NUMBER}|so))?[\s-]+)?"
    rf"(?:more\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from now|hence|"
    r"previously|back|prior|since)$")
_BACKWARD = ("ago", "earlier", "before", "previously", "back", "prior")


def _offset(low: str, ctx: Context) -> Timex | None:
    match = _OFFSET.match(low)
    if not match:
        return None
    backward = match.group("dir") in _BACKWARD
    amount = number_value(match.group("num") or "") if match.group("num") else None
    unit = _unit_letter(match.group("unit"))
    if match.group("dir") in ("before", "after", "since"):
        return Timex("duration", duration_value(amount, unit))
    if amount is None:
        if match.group("dir") in ("ago", "back"):
            return Timex("date", "PAST_REF")      # "years ago", "several months ago"
        if match.group("dir") in ("from now", "hence"):
            return Timex("date", "FUTURE_REF")
        return Timex("duration", duration_value(None, unit))
    deictic = match.group("dir") in ("ago", "from now", "hence", "back")
    return Timex("date", shifted(ctx, unit, -math.ceil(amount) if backward else math.ceil(amount), deictic))


def shifted(ctx: Context, unit: str, amount: int, deictic: bool) -> str | None:
    """The reference (or, for 'earlier'/'later', the anchor) moved by `amount` units,
    written at the unit's granularity (a year before a quarter is that quarter)."""
    anchor = ctx.anchor
    if unit in _TIME_UNITS:
        unit, amount = "D", 0 if unit != "H" or abs(amount) < 24 else amount // 24
    granularity = {"DE": "DE", "CE": "CE", "WE": "W"}.get(unit, unit)
    if unit == "WE":
        unit = "W"
    if anchor is not None and anchor.granularity in ("Q", "H", "S") and unit == "Y":
        recent = ctx.reference is None or abs(anchor.day.year - ctx.reference.year) <= 1
        if not deictic or recent:
            return anchor.moved("Y", amount).value()
    if not deictic and anchor is not None and unit in ("Y", "M", "D", "W", "Q"):
        base = anchor
        if _finer(anchor.granularity, granularity):
            return base.moved(unit, amount).value()
        return Point(base.moved(unit, amount).day, granularity).value()
    if ctx.reference is None:
        return None
    return Point(Point(ctx.reference, "D").moved(unit, amount).day, granularity).value()


_ORDER = ["D", "W", "WE", "M", "S", "Q", "H", "Y", "DE", "CE"]


def _finer(first: str, second: str) -> bool:
    return _ORDER.index(first) < _ORDER.index(second) if first in _ORDER and second in _ORDER else False


# --- durations -----------------------------------------------------------------
_DURATION = re.compile(
    rf"^(?:{APPROX}\s+)?(?:(?:the|a|an|each of the|all|its|their|his|her|for)\s+)?"
    r"(?:(?:past|last|next|first|final|coming|previous|following|initial|remaining|latest|same|other|"
    r"additional|further|early|preceding|ensuing|intervening|subsequent|year-earlier|year-ago)\s+)?"
    rf"(?P<num>(?!(?:1\d|20)\d\d\b){NUMBER}|{VAGUE}|couple of)(?:\s*(?:or|to|and|-)\s*(?:{NUMBER}|\d+))?(?:\s+(?:more|additional|full|"
    rf"straight|consecutive|long|trading|business|calendar|fiscal|working))?[\s-]+(?P<unit>{UNIT})"
    r"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so|\s+ahead|\s+running|\s+in\s+a\s+row|-long|\s+long)?"
    r"(?:\s+(?:term|period|span|stretch|program|plan|contract|deal|agreement|sentence|old|high|low))?$")
_PLURAL = re.compile(
    r"^(?:(?:the|for)\s+)?(?:(?:past|last|next|coming|following|previous|first|early|ensuing|recent|"
    r"intervening|final|remaining)\s+)?(?:(?:few|several|many|couple of|number of)\s+)?"
    r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes|seconds|nights|quarters)"
    r"(?:\s+(?:or|and)\s+\w+)?(?:\s+(?:ahead|to come|on end))?$")
_SINGLE = re.compile(r"^(?:(?:the\s+)?(?:better|best|greater)\s+part\s+of\s+)?(?:(?:" + APPROX +
                     r")\s+)?(?:a|an|one|a full|a whole|an entire|a single|an additional|an extra|a further)\s+"
                     r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century)"
                     r"(?P<half>\s+and\s+a\s+half)?$")


def _duration(low: str, ctx: Context) -> Timex | None:
    match = _DURATION.match(low)
    if match:
        amount = number_value(match.group("num"))
        if amount is not None and match.group("half"):
            amount += 0.5
        unit = _unit_letter(match.group("unit"))
        if match.group("num") in ("a", "an") and re.match(r"^(?:the )?(?:past|last|next|coming|previous)", low):
            return None
        return Timex("duration", duration_value(amount, unit))
    match = _SINGLE.match(low)
    if match:
        amount = 1.5 if match.group("half") else 1
        return Timex("duration", duration_value(amount, _unit_letter(match.group("unit"))))
    match = _PLURAL.match(low)
    if match:
        return Timex("duration", duration_value(None, _unit_letter(match.group("unit"))))
    return None


def _unit_letter(unit: str) -> str:
    word = unit.lower().rstrip("s")
    if word.endswith("ie"):
        word = word[:-2] + "y"
    return _UNIT_LETTER.get(word, _UNIT_LETTER.get(word.rstrip("e"), "D"))


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
            "MIN": (60, "S")}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, 'Y') -> 'P2Y', (5, 'H') -> 'PT5H', (None, 'Y') -> 'PXY',
    (1.5, 'MIN') -> 'PT1M30S'; decades and centuries in years (P20Y), quarters
    in months (P9M)."""
    if unit == "Q":
        return "PXQ" if amount is None else f"P{_num(amount)}Q"
    if unit in ("DE", "CE", "ML"):
        if amount is None:
            return f"PX{unit}"
        unit, amount = "Y", amount * {"DE": 10, "CE": 100, "ML": 1000}[unit]
    if unit == "WE":
        return "PXWE" if amount is None else f"P{_num(amount)}WE"
    if amount is None:
        return _part(None, unit)
    whole = int(amount)
    rest = amount - whole
    if rest and unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        small = _part(round(rest * factor), smaller)
        if not whole:
            return small
        big = _part(whole, unit)
        if smaller in _TIME_UNITS and unit not in _TIME_UNITS:
            return big + small[1:]                      # P2D + T12H
        return big + small[len("PT" if smaller in _TIME_UNITS else "P"):]
    return _part(amount, unit)


def _part(amount: float | None, unit: str) -> str:
    letter = "M" if unit == "MIN" else unit
    head = "PT" if unit in _TIME_UNITS else "P"
    return f"{head}{'X' if amount is None else _num(amount)}{letter}"


def _num(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"
