"""Calendar expressions -> TIMEX3 date and time values: explicit dates,
months, weekdays, quarters, seasons, decades, centuries, relative units
('last month') and times of day, each resolved against the reference day
in the direction the tense points."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import shift, weekday_near, year_for
from .lexicon import DAY_PARTS, MONTHS, ONES, ORDINALS, TENS, WEEKDAYS, spelled_year
from .cues import direction, relative_year
from .normalise import Context, Timex
from .periods import period
from .values import Point

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = re.compile(rf"\b({_MONTH_RE})\b\.?")
_DAY_AFTER = re.compile(rf"\b(?:{_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)"
                        rf"|\b(?:{_MONTH_RE})\.?\s+(the\s+)?([a-z]+(?:[\s-]first|[\s-]second|[\s-]third)?)\b")
_DAY_BEFORE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b")
_YEAR = re.compile(r"(?<![\d$.,])(1\d{3}|20\d\d|21\d\d)(?![\d,]\d)")
_SHORT_YEAR = re.compile(r"(?:^|\s|fy\s?)'(\d\d)\b(?!s)|\bfy\s?(\d\d)\b")
_SPELLED = re.compile(r"\b(?:nineteen|eighteen|twenty|two thousand)[\w\s-]*")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun)\b")
_DECADE = re.compile(r"(?<![\d$])(1\d|20)?(\d)0'?s\b|'(\d)0s\b|\b(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")
_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[\s-]+century|\b([a-z]+(?:[\s-]first)?)[\s-]+century|\b(this|last|next|past|previous)\s+century")
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d\d))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\b(\d{1,2})[:.](\d\d)\b|\b(noon|midnight|midday)\b"
                    r"|\b(\d{1,2}|[a-z]+)\s+o'clock")
_PART = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight|dawn|dusk|midday|lunchtime)\b")
_DEICTIC = re.compile(r"\b(today|tonight|yesterday|tomorrow)\b|the day (before yesterday|after tomorrow)|\b(last) night\b")
_TEMPORAL = re.compile(r"\b(?:day|week|weekend|month|quarter|year|decade|century|today|tonight|yesterday|"
                       r"tomorrow|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|"
                       r"friday|saturday|sunday|" + _MONTH_RE + r")\b")
def calendar(low: str, ctx: Context) -> Timex | None:
    """A date or time value for `low` (lower-cased, cleaned), or None."""
    for reader in (_iso, _decade, _century):
        found = reader(low, ctx)
        if found is not None:
            return found
    time = _time_of_day(low)
    day = _day(low, ctx)
    if day is None:
        if time is None:
            # without a reference, 'last month' is still a date, of unknown value
            return Timex("date", None) if ctx.reference is None and _TEMPORAL.search(low) else None
        day = _time_anchor(ctx, low)
        if day is None:
            return Timex("time", None)
        return Timex("time", f"{day.isoformat()}T{time}")
    if isinstance(day, str):
        return Timex("date", day)
    if time is not None and day.granularity == "D":
        return Timex("time", f"{day.day.isoformat()}T{time}")
    return Timex("date", day.value())


def _time_anchor(ctx: Context, low: str = "") -> date | None:
    day = ctx.anchor.day if ctx.anchor is not None and ctx.anchor.granularity == "D" else ctx.reference
    if day is not None and re.search(r"\b(?:next|following)\b", low):
        day += timedelta(days=1)          # "the next morning"
    elif day is not None and re.search(r"\b(?:previous|preceding)\b", low):
        day -= timedelta(days=1)
    return day


# --- explicit forms ------------------------------------------------------------
def _iso(low: str, ctx: Context) -> Timex | None:
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:t(\d\d:\d\d)(?::\d\d)?)?", low)
    if match:
        value = f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
        return Timex("time", f"{value}T{match.group(4)}") if match.group(4) else Timex("date", value)
    match = re.fullmatch(r"(\d{4})-w(\d\d)(-we)?", low)
    if match:
        return Timex("date", f"{match.group(1)}-W{match.group(2)}" + ("-WE" if match.group(3) else ""))
    match = re.fullmatch(r"(\d{1,2})([/.])(\d{1,2})[/.](\d{2}|\d{4})(?:,?\s+(?:at\s+)?(.+))?", low)
    clock = _time_of_day(match.group(5)) if match and match.group(5) else None
    if match and match.group(5) and clock is None:
        match = None
    if match:
        year = int(match.group(4))
        if year < 100:
            year = _century_guess(year, ctx)
        first, second = int(match.group(1)), int(match.group(3))
        # month first (US) unless that cannot be, or the dots of day.month.year
        month, day = (second, first) if first > 12 or match.group(2) == "." else (first, second)
        found = _date_value(year, month, day)
        if found is not None and clock is not None:  # "11/18/2019 3:15 PM CST"
            return Timex("time", f"{found.value}T{clock}")
        return found
    match = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", low)
    if match:
        return _date_value(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def _date_value(year: int, month: int, day: int) -> Timex | None:
    try:
        return Timex("date", date(year, month, day).isoformat())
    except ValueError:
        return None


def _century_guess(two_digits: int, ctx: Context) -> int:
    """'89 -> 1989 and '14 -> 2014: the year not more than 20 years ahead of the reference."""
    ref_year = ctx.reference.year if ctx.reference else date.today().year
    year = (ref_year // 100) * 100 + two_digits
    if year > ref_year + 20:
        year -= 100
    return year


def _decade(low: str, ctx: Context) -> Timex | None:
    match = _DECADE.search(low)
    if not match or re.search(r"\b(?:century|aged?|his|her|their|my|our|your|its)\b", low):
        return None
    if match.group(4):
        digit = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}[match.group(4)]
        century = None
    else:
        digit = int(match.group(2) if match.group(2) is not None else match.group(3))
        century = int(match.group(1)) if match.group(1) else None
    if century is None:
        ref_year = ctx.reference.year if ctx.reference else date.today().year
        century = ref_year // 100
        if century * 100 + digit * 10 > ref_year:
            century -= 1
    return Timex("date", f"{century:02d}{digit}")


def _century(low: str, ctx: Context) -> Timex | None:
    match = _CENTURY.search(low)
    if not match:
        return None
    if match.group(1):
        number = int(match.group(1))
    elif match.group(2):
        word = match.group(2).replace("-", " ")
        number = ORDINALS.get(word) or {"nineteenth": 19, "twentieth": 20, "twenty first": 21,
                                        "eighteenth": 18, "seventeenth": 17, "sixteenth": 16,
                                        "fifteenth": 15}.get(word)
        if not number or number < 0:
            return None
    else:
        if ctx.reference is None:
            return None
        delta = {"this": 0, "next": 1}.get(match.group(3), -1)
        number = ctx.reference.year // 100 + 1 + delta
    return Timex("date", f"{number - 1:02d}")


# --- the day or period -----------------------------------------------------------
def _day(low: str, ctx: Context) -> Point | str | None:
    year = _explicit_year(low, ctx)
    month = _MONTH.search(low)
    month_num = MONTHS[month.group(1)] if month and not _month_is_word(low, month) else None
    for reader in (_deictic, _weekday_day):
        if month_num is None and year is None:
            found = reader(low, ctx)
            if found is not None:
                return found
    if month_num is not None:
        return _month_day(low, month_num, year, ctx)
    return _period(low, year, ctx)


def _month_is_word(low: str, match: re.Match) -> bool:
    """'may' and 'march' inside a longer expression that is not about a month."""
    return (match.group(1) in ("may", "march", "sat", "sun", "wed") and low != match.group(1)
            and not re.search(r"\d|\b(?:last|next|this|past|coming|early|late|mid|end|beginning|middle|start|"
                              r"year|of|in|since|until|by)\b", low))


def _explicit_year(low: str, ctx: Context) -> int | None:
    match = _YEAR.search(low)
    if match:
        return int(match.group(1))
    match = _SHORT_YEAR.search(low)
    if match:
        return _century_guess(int(match.group(1) or match.group(2)), ctx)
    match = _SPELLED.search(low)
    if match:
        words = match.group(0).split()
        for end in range(len(words), 1, -1):
            year = spelled_year(" ".join(words[:end]))
            if year:
                return year
    return None


def _month_day(low: str, month: int, year: int | None, ctx: Context) -> Point | None:
    day = _day_of_month(low)
    year = year or relative_year(low, ctx)
    if year is None:
        if ctx.reference is None and ctx.anchor is not None and ctx.anchor.granularity in ("D", "M") and not re.search(
                r"\b(?:last|next|this|past|coming)\b", low):
            # no publication date: the nearest to the story's last date ("November 2016 ... by December")
            year = year_for(ctx.anchor.day, month, day, 0)
        elif ctx.reference is None:
            return None
        else:
            year = _weekday_year(low, month, day, ctx.reference) or _month_year(low, month, day, ctx)
    try:
        found = Point(date(year, month, day or 1), "D" if day else "M")
    except ValueError:
        return None
    week = re.match(r"(?:the )?week(end)? of\b", low)
    if week and day:                       # "the week of Nov. 25"
        return Point(found.day if not week.group(1) else weekday_near(found.day, 6, 0), "WE" if week.group(1) else "W")
    return found


def _month_year(low: str, month: int, day: int | None, ctx: Context) -> int:
    """The year of a month (and day) named without one, from 'last'/'next'/'this'
    or the tense; the nearest one when neither says."""
    ref = ctx.reference
    if re.search(r"\bthis\b", low) and not re.search(r"\bthis (?:past|coming)\b", low):
        return ref.year
    way = direction(low, ctx, default=0 if day or ctx.tense in ("present", "headline") else -1)
    anchor = ctx.anchor
    if not ctx.tense and day and way == 0 and anchor is not None and anchor.granularity in ("D", "M"):
        # no verb to go by (a list, a table, a heading): near the date just told
        return year_for(anchor.day, month, day, 0)
    if (ctx.near and not day and anchor is not None and anchor.granularity == "Y"
            and not re.search(r"\b(?:last|next|this|past|coming)\b", low)):
        # a year named in the same sentence: "Fiscal 2013 ends in June", "in 2008, in June"
        return anchor.day.year
    if ctx.tense == "present" and day and way == 0:
        # a day in the present tense is a schedule ("expires Nov. 21"), unless it is
        # a day just gone and still under way ("the conference runs Nov. 18-20")
        back = year_for(ref, month, day, -1)
        if (ref - date(back, month, min(day, 28))).days > _PRESENT_SLACK:
            way = 1
    if re.search(r"\b(?:last|next|this past|this coming)\b", low) and not day:
        # "last April" is neither this month nor last month (that would be "last month")
        first = date(ref.year, ref.month, 1)
        ref = shift(first, "M", -1) - timedelta(days=1) if way < 0 else shift(first, "M", 1)
    elif way < 0 and ctx.tense == "past" and day:
        # a past verb rarely governs a date weeks ahead: that is a scheduled event reported
        ahead = year_for(ref, month, day, 1)
        if (date(ahead, month, min(day, 28)) - ref).days <= _PAST_SLACK:
            return ahead
    return year_for(ref, month, day, way)


_PAST_SLACK = 30
_PRESENT_SLACK = 7


def _weekday_year(low: str, month: int, day: int | None, ref: date) -> int | None:
    """'Saturday, April 25': the year near `ref` in which that day is that weekday."""
    match = _WEEKDAY.search(low)
    if not match or not day:
        return None
    weekday = WEEKDAYS[match.group(1)]
    for year in sorted((ref.year, ref.year - 1, ref.year + 1), key=lambda y: abs(y - ref.year)):
        try:
            if date(year, month, day).isoweekday() == weekday:
                return year
        except ValueError:
            return None
    return None


def _day_of_month(low: str) -> int | None:
    match = _DAY_AFTER.search(low)
    if match and match.group(1):
        return int(match.group(1))
    if match and match.group(3):
        number = ORDINALS.get(match.group(3).replace("-", " "))
        if number and number > 0:
            return number
    match = _DAY_BEFORE.search(low)
    return int(match.group(1)) if match else None


def _deictic(low: str, ctx: Context) -> Point | None:
    match = _DEICTIC.search(low)
    if not match or ctx.reference is None:
        return None
    word = match.group(1) or match.group(2) or "yesterday"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "before yesterday": -2, "after tomorrow": 2}[word]
    return Point(ctx.reference + timedelta(days=offset), "D")


def _weekday_day(low: str, ctx: Context) -> Point | None:
    match = _WEEKDAY.search(low)
    if not match:
        return None
    weekday = WEEKDAYS[match.group(1)]
    base = ctx.reference
    if re.search(r"\b(?:previous|following|same)\b", low) and ctx.anchor is not None and ctx.anchor.granularity == "D":
        base = ctx.anchor.day
    if base is None:
        return None
    if re.search(r"\b(?:last|previous|this past)\b", low):
        found = weekday_near(base - timedelta(days=1), weekday, -1)
    elif re.search(r"\b(?:next|following|this coming)\b", low):
        found = weekday_near(base + timedelta(days=1), weekday, 1)
    elif base.isoweekday() == weekday:
        found = base
    else:
        found = weekday_near(base, weekday, {"future": 1, "present": 1, "headline": 0}.get(ctx.tense, -1))
    return Point(found, "D")


# --- quarters, halves, seasons, years and relative units ------------------------------
def _period(low: str, year: int | None, ctx: Context) -> Point | str | None:
    return period(low, year, ctx)


def _time_of_day(low: str) -> str | None:
    """'10 p.m.' -> '22:00', 'noon' -> '12:00', 'this morning' -> 'MO'."""
    match = _CLOCK.search(low)
    if match:
        if match.group(6):
            return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[match.group(6)]
        if match.group(7):
            hour_word = match.group(7)
            hour = int(hour_word) if hour_word.isdigit() else ONES.get(hour_word, TENS.get(hour_word))
            if hour is None:
                return None
            return f"{hour:02d}:00"
        if match.group(1):
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            pm = match.group(3).startswith("p")
            if hour > 12:
                return None
            hour = (hour % 12) + (12 if pm else 0)
        else:
            hour, minute = int(match.group(4)), int(match.group(5))
        if hour > 24 or minute > 59:
            return None
        return f"{hour:02d}:{minute:02d}"
    match = _PART.search(low)
    if match:
        return DAY_PARTS[match.group(1)]
    if re.search(r"\bmid-?afternoon\b", low):
        return "AF"
    return None
