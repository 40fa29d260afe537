"""Calendar arithmetic for TIMEX3 values: shifting by months and quarters,
ISO weeks, picking the nearest weekday or month in the direction of the tense."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta


def shift_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return day
    return shift_months(day, months * amount)


def quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def format_at(day: date, granularity: str) -> str:
    """`day` written at a TIMEX3 granularity: D, W, WE, M, Q, H, Y, DE, CE."""
    if granularity == "D":
        return day.isoformat()
    if granularity == "W":
        return iso_week(day)
    if granularity == "WE":
        return iso_week(day) + "-WE"
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "Q":
        return f"{day.year:04d}-Q{quarter(day)}"
    if granularity == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "DE":
        return f"{day.year // 10:03d}"
    if granularity == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The day with ISO `weekday` (1=Monday) nearest `ref` in `direction`:
    -1 the last one on or before `ref`, +1 the next on or after, 0 whichever is
    nearer (the reference day itself when it matches)."""
    back = (ref.isoweekday() - weekday) % 7
    forward = (weekday - ref.isoweekday()) % 7
    if direction < 0:
        return ref - timedelta(days=back)
    if direction > 0:
        return ref + timedelta(days=forward)
    return ref - timedelta(days=back) if back <= forward else ref + timedelta(days=forward)


def year_for(ref: date, month: int, day: int | None, direction: int) -> int:
    """The year that puts `month` (and `day`) nearest `ref` in `direction`
    (-1 on or before it, +1 on or after it, 0 nearest within half a year)."""
    target_day = day or 1
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        last = _cal.monthrange(year, month)[1]
        start = date(year, month, min(target_day, last))
        end = start if day else date(year, month, last)
        candidates.append((year, start, end))
    if direction < 0:
        return max(y for y, start, _ in candidates if start <= ref)
    if direction > 0:
        return min(y for y, _, end in candidates if end >= ref)
    best = min(candidates, key=lambda c: 0 if c[1] <= ref <= c[2] else min(abs((c[1] - ref).days), abs((c[2] - ref).days)))
    return best[0]
