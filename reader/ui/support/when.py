"""Dates and durations in the reader's words: "Wed 13 Jul 2022, 19:19 IST",
"4 min read", and the timeline's resolved values ("Jun 2022", "3 years").

English names are spelled out here rather than taken from strftime, so the
output does not change with the machine's locale."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WORDS_PER_MINUTE = 230

# Only offsets that one abbreviation names without doubt; others print as UTC+h.
_ZONES = {0: "UTC", 330: "IST", 345: "NPT", 390: "MMT", 570: "ACST", 210: "IRST",
          270: "AFT", -210: "NST", 525: "ACWST", 765: "CHAST"}
_DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day",
                   "H": "hour", "TM": "minute", "S": "second"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_VALUE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
_DECADE = re.compile(r"(\d{2,3})X+")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_SEASONS = {"SP": ("spring", 3), "SU": ("summer", 6), "FA": ("autumn", 9),
            "AU": ("autumn", 9), "WI": ("winter", 12)}


def human_datetime(moment: datetime | None, has_time: bool = True) -> str | None:
    """'Wed 13 Jul 2022, 19:19 IST' (or 'Wed 13 Jul 2022' without a time)."""
    if moment is None:
        return None
    day = f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    if not has_time:
        return day
    zone = zone_name(moment.utcoffset())
    return f"{day}, {moment:%H:%M}" + (f" {zone}" if zone else "")


def human_published(iso: str | None) -> str | None:
    """The article's ISO publication string in the reader's words."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return human_datetime(moment, has_time="T" in iso)


def zone_name(offset: timedelta | None) -> str:
    """A name for a UTC offset: 'IST' for +05:30, 'UTC-4' for -04:00, '' if unknown."""
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes in _ZONES:
        return _ZONES[minutes]
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def reading_time(words: int) -> str:
    """'4 min read' at an ordinary adult pace; never less than a minute."""
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    return f"{minutes} min read"


def human_value(value: str | None) -> str:
    """A TIMEX3-style value as words: '2022-07-13' -> 'Wed 13 Jul 2022'."""
    if not value:
        return "?"
    if value in _REFS:
        return _REFS[value]
    if value.startswith("P"):
        return _human_duration(value)
    return _human_point(value) or value


def _human_point(value: str) -> str | None:
    if match := _WEEK.fullmatch(value):
        return f"week {int(match[2])}, {match[1]}"
    if match := _QUARTER.fullmatch(value):
        return f"Q{match[2]} {match[1]}"
    if match := _SEASON.fullmatch(value):
        return f"{_SEASONS[match[2]][0]} {match[1]}"
    if match := _DECADE.fullmatch(value):
        return f"{match[1]}{'0' * (4 - len(match[1]))}s"
    match = _VALUE.fullmatch(value)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    if not month:
        return year
    month_name = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else month
    if not day:
        return f"{month_name} {year}"
    try:
        weekday = DAYS[datetime(int(year), int(month), int(day)).weekday()]
    except ValueError:
        return value
    text = f"{weekday} {int(day)} {month_name} {year}"
    return f"{text}, {hour}:{minute}" if hour else text


def _human_duration(value: str) -> str:
    parts = re.findall(r"(T?)(\d+(?:\.\d+)?|X)([YMWDHS])", value[1:])
    words = []
    in_time = False
    for t_flag, amount, unit in parts:
        in_time = in_time or bool(t_flag)
        key = "TM" if (unit == "M" and in_time) else unit
        name = _DURATION_UNITS[key]
        if amount == "X":
            words.append(f"{name}s")
        else:
            words.append(f"{amount} {name}" + ("" if amount == "1" else "s"))
    return " ".join(words) or value


def timeline_key(value: str | None) -> tuple:
    """Sort key that puts calendar points in order and everything else after."""
    if not value:
        return (2, "")
    if value in _REFS or value.startswith("P"):
        return (1, value)
    for pattern, build in _KEYS:
        if match := pattern.fullmatch(value):
            return (0, build(match), value)
    return (1, value)


def _week_start(match: re.Match) -> tuple:
    try:
        day = datetime.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return (int(match[1]), 1, 1, 0, 0)
    return (day.year, day.month, day.day, 0, 0)


_KEYS = (
    (_WEEK, _week_start),
    (_QUARTER, lambda m: (int(m[1]), 3 * int(m[2]) - 2, 1, 0, 0)),
    (_SEASON, lambda m: (int(m[1]), _SEASONS[m[2]][1], 1, 0, 0)),
    (_DECADE, lambda m: (int(m[1].ljust(4, "0")), 1, 1, 0, 0)),
    (_VALUE, lambda m: tuple(int(g) if g else (1 if i in (1, 2) else 0)
                             for i, g in enumerate(m.groups()))),
)
