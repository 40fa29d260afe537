"""TIMEX3 value strings read back into a day and a granularity, so a resolved
expression can anchor the next one ('the third quarter' ... 'a year earlier')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .calendar import format_at, shift

_FORMS = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?$"), "D"),
    (re.compile(r"(\d{4})-W(\d\d)-WE$"), "WE"),
    (re.compile(r"(\d{4})-W(\d\d)$"), "W"),
    (re.compile(r"(\d{4})-Q([1-4])$"), "Q"),
    (re.compile(r"(\d{4})-H([12])$"), "H"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)$"), "S"),
    (re.compile(r"(\d{4})-(\d\d)$"), "M"),
    (re.compile(r"(\d{4})$"), "Y"),
    (re.compile(r"(\d{3})$"), "DE"),
    (re.compile(r"(\d{2})$"), "CE"),
]
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True)
class Point:
    """A calendar value: the first day it covers and its granularity
    (D, W, WE, M, Q, H, S, Y, DE, CE)."""

    day: date
    granularity: str
    season: str | None = None

    def value(self) -> str:
        if self.granularity == "S":
            return f"{self.day.year:04d}-{self.season}"
        return format_at(self.day, self.granularity)

    def moved(self, unit: str, amount: int) -> "Point":
        return Point(shift(self.day, unit, amount), self.granularity, self.season)


def parse_value(value: str | None) -> Point | None:
    """The Point for a TIMEX3 date value, or None (durations, REFs, X's)."""
    if not value:
        return None
    for pattern, granularity in _FORMS:
        match = pattern.match(value)
        if not match:
            continue
        return _point(match, granularity)
    return None


def _point(match: re.Match, granularity: str) -> Point | None:
    year = int(match.group(1))
    try:
        if granularity == "D":
            return Point(date(year, int(match.group(2)), int(match.group(3))), "D")
        if granularity in ("W", "WE"):
            return Point(date.fromisocalendar(year, int(match.group(2)), 1), granularity)
        if granularity == "Q":
            return Point(date(year, 3 * int(match.group(2)) - 2, 1), "Q")
        if granularity == "H":
            return Point(date(year, 6 * int(match.group(2)) - 5, 1), "H")
        if granularity == "S":
            return Point(date(year, _SEASON_MONTH[match.group(2)], 1), "S", match.group(2))
        if granularity == "M":
            return Point(date(year, int(match.group(2)), 1), "M")
        if granularity == "Y":
            return Point(date(year, 1, 1), "Y")
        if granularity == "DE":
            return Point(date(year * 10, 1, 1), "DE")
        return Point(date(max(1, year * 100), 1, 1), "CE")
    except ValueError:
        return None
